"""The window on a team library on a PostgreSQL server: named with its server in the
title bar, chosen in Preferences by URL, read-only for a role that may only read."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from recap.ui.preferences import load_preferences
from tests.gui.conftest import WindowFactory
from tests.unit.test_read_only_role import reader_url  # noqa: F401  (a fixture)
from tests.unit.test_server_library import text_of

# The database fixtures come before open_window: the windows close before it is dropped.


def test_the_title_names_the_database_and_its_server(
    postgres_url: URL, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(postgres_url)
    socket_folder = postgres_url.query["host"]
    assert window.windowTitle() == f"{postgres_url.database} @ {socket_folder} — Recap"
    assert not window.read_only_banner.isVisible()
    assert window.menu_actions.new_event.isEnabled()
    assert not window.menu_actions.restore.isEnabled()  # the server keeps its own backups
    assert open_window(sample_path).windowTitle() == "sample.db — Recap"


def test_a_role_that_may_only_read_sees_the_library_read_only(
    reader_url: URL,  # noqa: F811
    open_window: WindowFactory,
) -> None:
    window = open_window(reader_url)
    assert window.read_only
    assert window.read_only_banner.isVisible()
    assert window.read_only_banner.text() == (
        "Read-only: your database role may read this library but not change it."
    )
    assert not window.menu_actions.new_event.isEnabled()
    assert window.event_list.model.rowCount() == 3


def test_preferences_switch_to_a_library_on_a_server(
    qtbot: QtBot,
    postgres_url: URL,
    open_window: WindowFactory,
    sample_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_rest: warnings.append(text)
    )
    answers = iter(
        [
            ("postgresql+psycopg://ana:secret@db.example.org/recap", True),
            (text_of(postgres_url), True),
        ]
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: next(answers))
    dialog = window.commands.open_preferences()
    dialog.server_library_button.click()
    assert dialog.library_choice is None
    assert warnings == [
        "Recap does not take a password in the library's URL; put it in ~/.pgpass or a "
        "libpq service file instead."
    ]
    dialog.server_library_button.click()
    assert dialog.library_choice == text_of(postgres_url)
    dialog.accept()
    qtbot.waitUntil(lambda: window.library is not None and window.library.on_server)
    assert window.windowTitle().startswith(f"{postgres_url.database} @ ")
    assert load_preferences().library_path == text_of(postgres_url)
