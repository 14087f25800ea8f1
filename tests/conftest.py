"""Shared fixtures: every test gets its own library and never touches a real profile."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from sqlalchemy import URL

    from recap.storage.library import Library
    from recap.storage.location import Location
    from tests.postgres_server import ThrowawayServer

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
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("RECAP_DB", raising=False)
    # Qt resolves its settings folder once per process: point it at this test's.
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / "config"))


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.db"


# -- the two back ends -------------------------------------------------------------------
#
# Test modules marked ``both_backends`` run each test that asks for ``library`` (or
# ``library_location``) on an SQLite file and on a database of a throwaway PostgreSQL
# server; a test marked ``sqlite_only`` there runs on the file alone.

NO_SERVER = (
    "PostgreSQL's server programs (initdb, pg_ctl) are not installed, so the PostgreSQL "
    "tests were skipped; .ci/install-system-deps installs them"
)


LEFT_OUT = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_backends: run the module's library tests on SQLite and PostgreSQL"
    )
    config.addinivalue_line("markers", "sqlite_only: a test about the SQLite file itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    both = metafunc.definition.get_closest_marker("both_backends") is not None
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    backends = ["sqlite", "postgresql"] if both and not sqlite_only else ["sqlite"]
    metafunc.parametrize("backend", backends, ids=backends if len(backends) > 1 else None)


def needs_server(item: pytest.Item) -> bool:
    callspec = getattr(item, "callspec", None)
    on_server = callspec is not None and callspec.params.get("backend") == "postgresql"
    return on_server or "postgres_server" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without PostgreSQL's server programs its tests are left out, said in one line at
    the end (under CI that is a failure instead: CI installs them)."""
    from tests.postgres_server import server_programs

    if server_programs() is not None:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(NO_SERVER.replace("were skipped", "cannot run under CI"))
    left_out = [item for item in items if needs_server(item)]
    if left_out:
        items[:] = [item for item in items if not needs_server(item)]
        config.hook.pytest_deselected(items=left_out)
        config.stash[LEFT_OUT] = len(left_out)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    if config.stash.get(LEFT_OUT, 0):
        terminalreporter.write_line(f"{config.stash[LEFT_OUT]} tests left out: {NO_SERVER}.")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator["ThrowawayServer"]:
    """One throwaway server for the run (see pytest_collection_modifyitems)."""
    from tests.postgres_server import ThrowawayServer, server_programs

    programs = server_programs()
    assert programs is not None
    server = ThrowawayServer(programs)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: "ThrowawayServer") -> str:
    """A database with an empty library at the newest schema, copied for each test."""
    from recap.storage.library import open_library

    name = "recap_template"
    postgres_server.create_database(name)
    open_library(postgres_server.url(name)).close()
    return name


@pytest.fixture
def empty_database(postgres_server: "ThrowawayServer") -> Iterator["URL"]:
    """A new, empty database on the test server (no library in it yet)."""
    name = postgres_server.new_database_name()
    postgres_server.create_database(name)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def postgres_url(postgres_server: "ThrowawayServer", postgres_template: str) -> Iterator["URL"]:
    """A new database on the test server holding an empty library."""
    name = postgres_server.new_database_name()
    postgres_server.create_database(name, template=postgres_template)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture
def library_location(
    backend: str, library_path: Path, request: pytest.FixtureRequest
) -> "Location":
    """Where the test's library lives: ``library_path``, or a server's database."""
    if backend == "postgresql":
        url: URL = request.getfixturevalue("postgres_url")
        return url
    return library_path


@pytest.fixture
def library(library_location: "Location") -> Iterator["Library"]:
    from recap.storage.library import open_library

    opened = open_library(library_location)
    yield opened
    opened.close()


@pytest.fixture
def sample_library(library: "Library") -> "Library":
    """A library holding the shared sample events (Korean and English)."""
    from recap.interchange.recap_json import parse_document

    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    return library
