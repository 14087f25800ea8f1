"""Shared fixtures: every test gets its own library and never touches a real profile."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from recap.storage.library import Library

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface follows the desktop's language: tests choose theirs explicitly, so
# they read the same on a Korean desktop as in CI.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

# CI replays the same examples every run, so a red build is reproducible (and not a
# new random draw); locally hypothesis keeps exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
SHARED_SAMPLE = REPO_ROOT.parent / "shared" / "fixtures" / "sample-library.json"
SAMPLE_LIBRARY_JSON = SHARED_SAMPLE if SHARED_SAMPLE.exists() else DATA_DIR / "sample-library.json"


@pytest.fixture(autouse=True)
def private_profile(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every user folder (data, config, Qt settings) at a fresh temporary one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("RECAP_DB", raising=False)
    # Qt resolves its settings folder once per process: point it at this test's.
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / "config"))


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


@pytest.fixture
def library(library_path: Path) -> Iterator["Library"]:
    from recap.storage.library import open_library

    opened = open_library(library_path)
    yield opened
    opened.close()


@pytest.fixture
def sample_library(library: "Library") -> "Library":
    """A library holding the shared sample events (Korean and English)."""
    from recap.interchange.recap_json import parse_document

    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    return library
