"""The server goes away while a recap is being written: the typed text stays in the
editor, the window says so, nothing is half-written, the text is saved by itself once
the server is back, and the window hears other writers again (a server of this test's
own, stopped and started again)."""

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from recap.domain.records import EventRecord
from recap.interchange.recap_json import parse_document
from recap.storage.library import open_library
from tests.backends import read_rows
from tests.conftest import SAMPLE_LIBRARY_JSON
from tests.gui.conftest import WindowFactory, type_text
from tests.gui.test_main_window import listed_titles
from tests.postgres_server import ThrowawayServer, server_programs


@pytest.fixture
def own_server() -> Iterator[ThrowawayServer]:
    programs = server_programs()
    assert programs is not None  # conftest leaves server tests out (or fails under CI)
    server = ThrowawayServer(programs)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def team_library(own_server: ThrowawayServer) -> URL:
    own_server.create_database("team")
    url = own_server.url("team")
    library = open_library(url)
    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    library.close()
    return url


def test_typed_text_survives_the_server_going_away_and_is_saved_when_it_is_back(
    qtbot: QtBot,
    own_server: ThrowawayServer,
    team_library: URL,
    open_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(team_library)
    editor = window.editor
    notes = editor.session_editor.notes_editor.text_edit
    talk_id = editor.current_session_id
    [(before,)] = read_rows(team_library, "SELECT notes FROM sessions WHERE id = ?", talk_id)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))

    own_server.pause()
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    type_text(qtbot, notes, " 서버가 멈춰도 남는다")
    assert not window.save_pending_edits()
    assert notes.toPlainText().endswith(" 서버가 멈춰도 남는다")  # kept in the editor
    assert editor.has_unsaved_changes()
    assert len(warnings) == 1 and "the library's server cannot be reached" in warnings[0]
    assert "Nothing was half-written" in warnings[0]
    assert window.statusBar().currentMessage().startswith("Not saved yet")

    own_server.resume()
    qtbot.waitUntil(lambda: not editor.has_unsaved_changes(), timeout=15_000)
    [(after,)] = read_rows(team_library, "SELECT notes FROM sessions WHERE id = ?", talk_id)
    assert after == (before or "") + " 서버가 멈춰도 남는다"
    assert len(warnings) == 1  # the retries while it was away asked nothing more

    # and it listens to the others again: another writer's event shows up by itself
    other = open_library(team_library)
    try:
        other.create_event(EventRecord(title="돌아온 서버", start_date=dt.date(2024, 7, 1)))
    finally:
        other.close()
    qtbot.waitUntil(lambda: "돌아온 서버" in listed_titles(window), timeout=15_000)
