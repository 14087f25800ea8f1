"""Real storage faults in the app: one dialog says what happened, what was typed
stays in the editor, and the library is left as it was.

The faults are real: the process may not grow a file past a few kilobytes
(RLIMIT_FSIZE, as on a full disk), another program holds a write transaction open,
a page in the middle of the file is overwritten with garbage."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from recap.storage import engine
from recap.storage.lock import LibraryLock
from recap.ui.main_window import MainWindow
from recap.ui.start import LibrarySwitcher
from tests.faults import (
    damage_a_page,
    file_size_limit,
    make_library,
    snapshot,
    write_transaction_held,
)
from tests.gui.conftest import WindowFactory

TYPED = "긴 메모, typed while the disk was full. " * 2000


def record_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warning dialogs shown (each answered with OK)."""
    shown: list[str] = []

    def warning(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@pytest.fixture
def library_file(tmp_path: Path) -> Path:
    path = tmp_path / "library.db"
    make_library(path, 30)
    return path


def test_a_full_disk_while_saving_is_one_dialog_and_the_text_is_kept(
    qtbot: QtBot, open_window: WindowFactory, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(library_file)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.record is not None and bool(editor.sessions))
    dialogs = record_warnings(monkeypatch)
    before = snapshot(library_file)
    notes = editor.session_editor.notes_editor.text_edit
    notes.setFocus()
    notes.insertPlainText(TYPED)
    with file_size_limit(16 * 1024):
        assert not editor.save_now()
        assert not editor.save_now()  # the autosave trying again asks nothing more
    assert len(dialogs) == 1
    assert dialogs[0].startswith("Could not finish saving the change: the disk could not be")
    assert snapshot(library_file) == before  # nothing half-written
    assert TYPED in notes.toPlainText() and editor.has_unsaved_changes()
    assert editor.save_now()  # room again: the kept text is saved
    assert window.library is not None and editor.record is not None
    talk = window.library.event(editor.record.id or 0).sessions[0]
    assert talk.notes is not None and TYPED.strip() in talk.notes


def test_a_library_locked_by_another_program_is_one_dialog(
    qtbot: QtBot, open_window: WindowFactory, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)  # rather than 5 s
    window = open_window(library_file)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.record is not None)
    dialogs = record_warnings(monkeypatch)
    title = editor.form.title_edit
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (edited)")
    with write_transaction_held(library_file):
        before = snapshot(library_file)
        assert not editor.save_now()
        assert snapshot(library_file) == before
    assert dialogs == [
        "Could not finish saving the change: the library is busy in another program. "
        "Nothing was changed; try again in a moment."
    ]
    assert title.text().endswith(" (edited)")
    assert editor.save_now()
    assert window.library is not None and editor.record is not None
    assert window.library.event(editor.record.id or 0).title.endswith(" (edited)")


def test_a_damaged_page_is_one_dialog_and_the_rest_stays_readable(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.db"
    make_library(path, 300)
    broken = damage_a_page(path, "events")  # rows among the list's first page
    dialogs = record_warnings(monkeypatch)
    window = open_window(path)
    before = path.read_bytes()
    model = window.event_list.model
    qtbot.waitUntil(lambda: len(dialogs) == 1)  # the list met the page while painting
    assert "the library file is damaged" in dialogs[0]
    rows = {model.summary_at(row).id: model.summary_at(row).title for row in range(200)}
    assert {rows[number] for number in broken} == {"(cannot be read)"}  # event n has id n
    readable = [number for number in rows if number not in broken]
    assert all(rows[number].startswith(f"Event {number} ") for number in readable)

    # Reading the damaged events again, by selecting one or searching for it, says so
    # in the status bar: the dialog is not shown twice for one problem.
    assert window.event_list.select_event(broken[0])
    assert window.editor.record is None
    window.event_list.search_box.setText(f"token{broken[0]}")
    qtbot.waitUntil(lambda: window.search_text == f"token{broken[0]}")
    QApplication.processEvents()
    assert len(dialogs) == 1
    assert "damaged" in window.statusBar().currentMessage()

    # Saving that meets the page (a tag on every event) is one dialog of its own.
    window.commands.change_tags(lambda library: library.rename_tag("all", "everything"))
    assert len(dialogs) == 2 and "Could not finish saving the change" in dialogs[1]
    assert path.read_bytes() == before


def test_a_daily_backup_that_fails_is_a_warning_beside_the_open_library(
    qtbot: QtBot, open_window: WindowFactory, library_file: Path
) -> None:
    blocker = library_file.parent / "backups"
    blocker.write_text("not a folder")
    window = open_window(library_file)  # no modal dialog: the fixture fails on one
    [box] = [box for box in window.findChildren(QMessageBox) if box.objectName() == "warningBox"]
    assert box.isVisible() and not box.isModal()
    assert box.text() == (
        "The library opened, but today's backup was not made. "
        f"{blocker} is a file, not a folder: backups cannot be kept there."
    )
    assert window.library is not None and window.event_list.model.rowCount() == 30
    assert not window.read_only
    box.close()


def test_a_library_that_does_not_open_leaves_the_lock_free(
    qtbot: QtBot, library_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with closing(sqlite3.connect(library_file)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
    asked: list[str] = []

    def close_the_question(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", close_the_question)
    window = MainWindow()
    qtbot.addWidget(window)
    assert not LibrarySwitcher(window, str(library_file)).open_own()
    assert len(asked) == 1 and "newer version" in asked[0]
    assert window.library is None
    lock = LibraryLock(library_file)
    lock.acquire()  # free: the failed open let go of it
    lock.release()
