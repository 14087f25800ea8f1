"""File › Copy Library To… as a user drives it: the menu, a new file or a server's URL,
the progress, the result, Open the Copy; a refused target told once, nothing kept."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from recap.domain.records import EventRecord
from recap.interchange.recap_json import parse_document
from recap.storage.library import open_library
from recap.ui.copy_library import CopyLibraryDialog
from recap.ui.main_window import MainWindow
from tests.backends import read_rows
from tests.conftest import SAMPLE_LIBRARY_JSON
from tests.gui.conftest import WindowFactory, type_text


def copy_dialog(window: MainWindow) -> CopyLibraryDialog:
    action = window.menu_actions.copy_library
    assert action in window.menuBar().actions()[0].menu().actions()  # type: ignore[union-attr]
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(CopyLibraryDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def copy_and_wait(qtbot: QtBot, dialog: CopyLibraryDialog) -> None:
    assert dialog.copy_button.isEnabled()
    dialog.copy_button.click()
    assert not dialog.file_edit.isEnabled()  # nothing to change while it copies
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)


def event_titles(where: Path | URL) -> list[str]:
    return [title for (title,) in read_rows(where, "SELECT title FROM events ORDER BY id")]


def test_copy_to_a_new_file_and_open_it(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    target = tmp_path / "복사본 폴더" / "copy.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kwargs: (str(target), ""))
    dialog = copy_dialog(window)
    assert not dialog.copy_button.isEnabled()  # nowhere to copy to yet
    dialog.choose_button.click()
    assert dialog.file_edit.text() == str(target)
    copy_and_wait(qtbot, dialog)

    assert "Copied 3 events" in dialog.result_label.text()
    assert event_titles(target) == event_titles(sample_path)
    assert dialog.open_button.isVisible()
    with qtbot.waitSignal(window.libraryFileRequested) as opened:
        dialog.open_button.click()
    assert opened.args == [str(target)]


def test_copy_to_a_server(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, empty_database: URL
) -> None:
    window = open_window(sample_path)
    dialog = copy_dialog(window)
    type_text(qtbot, dialog.server_edit, empty_database.render_as_string(hide_password=False))
    assert dialog.to_server.isChecked()
    copy_and_wait(qtbot, dialog)

    assert "Copied 3 events" in dialog.result_label.text()
    assert not dialog.open_button.isVisible()  # the window opens files only
    assert event_titles(empty_database) == event_titles(sample_path)
    server = open_library(empty_database)
    try:
        assert [hit.event.title for hit in server.search("비동")] == [
            "FastAPI 밋업 — 비동기의 함정"
        ]
    finally:
        server.close()
    assert window.library is not None and window.library.path == sample_path  # still here


def test_an_occupied_target_is_told_once_and_left_alone(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    other = tmp_path / "other.db"
    library = open_library(other)
    library.load_records(library_records())
    library.close()
    before = other.read_bytes()
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_args: said.append(text)
    )
    dialog = copy_dialog(window)
    type_text(qtbot, dialog.file_edit, str(other))
    copy_and_wait(qtbot, dialog)

    assert len(said) == 1 and "already holds a library" in said[0]
    assert dialog.result_label.text() == "Nothing was copied."
    assert not dialog.open_button.isVisible()
    assert other.read_bytes() == before
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close).isEnabled()


def test_stopping_a_copy_keeps_nothing(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, tmp_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = copy_dialog(window)
    target = tmp_path / "stopped.db"
    type_text(qtbot, dialog.file_edit, str(target))
    dialog.copy_button.click()
    assert dialog.cancel_button.isVisible()
    dialog.stop_copy()  # before the first batch is written
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.result_label.text() == "Copying stopped; nothing was kept."
    assert not target.exists()


def library_records() -> list[EventRecord]:
    return parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events
