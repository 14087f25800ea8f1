"""A second Recap window on the same library is told so and may only view it."""

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.storage.lock import LibraryLock, LibraryLocked
from recap.ui.main_window import MainWindow
from recap.ui.start import LibrarySwitcher
from tests.gui.conftest import WindowFactory


def open_second_window(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    path: Path,
    answer: QMessageBox.StandardButton,
) -> tuple[MainWindow, bool]:
    """A second window on a library the first one holds; ``answer`` to "read-only?"."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answer)
    second = MainWindow()
    qtbot.addWidget(second)
    return second, LibrarySwitcher(second, str(path)).open_own()


def test_a_second_window_is_offered_read_only(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_window(sample_path)
    asked: list[str] = []

    def answer(
        _parent: object, _title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    second = MainWindow()
    qtbot.addWidget(second)
    assert LibrarySwitcher(second, str(sample_path)).open_own()
    assert "another Recap window" in asked[0]
    assert second.read_only and second.read_only_banner.isVisibleTo(second)
    assert not second.menu_actions.new_event.isEnabled()
    assert second.event_list.model.rowCount() == 3  # it can still be read
    second.close()
    with pytest.raises(LibraryLocked):  # still the first window's
        LibraryLock(sample_path).acquire()
    first.close()
    after = LibraryLock(sample_path)  # free once the first window has closed
    after.acquire()
    after.release()


def test_the_second_window_may_quit_instead(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_window(sample_path)
    second, opened = open_second_window(
        qtbot, monkeypatch, sample_path, QMessageBox.StandardButton.No
    )
    assert not opened
    assert second.library is None


def test_the_read_only_window_can_be_read_but_writes_nothing(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_window(sample_path)
    second, opened = open_second_window(
        qtbot, monkeypatch, sample_path, QMessageBox.StandardButton.Yes
    )
    assert opened
    QApplication.processEvents()
    assert second.library is not None
    library = second.library
    events = [library.event(summary.id) for summary in library.event_summaries()]
    before = max(events, key=lambda event: len(event.sessions))
    assert len(before.sessions) >= 2
    assert before.id is not None and second.event_list.select_event(before.id)
    editor = second.editor
    assert editor.isEnabled() and editor.pages.currentWidget() is editor.body
    notes = editor.session_editor.notes_editor.text_edit
    assert notes.isEnabled() and notes.isReadOnly()
    assert editor.form.title_edit.isReadOnly()
    assert not editor.session_panel.add_button.isEnabled()

    # Reading: switch talks, open the other tabs, select and copy.
    editor.session_panel.session_list.setCurrentRow(1)
    assert editor.session_editor.title_edit.text() == before.sessions[1].title
    editor.session_editor.tabs.setCurrentIndex(editor.session_editor.QA_TAB)
    notes.selectAll()
    assert notes.textCursor().hasSelection()

    # Writing is refused, even through the formatting shortcuts.
    qtbot.keyClicks(editor.form.title_edit, "X")
    qtbot.keyClicks(notes, "typed")
    qtbot.keyClick(notes, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not editor.has_unsaved_changes()
    editor.save_now()
    second.close()
    reopened = open_library(sample_path)
    try:
        assert reopened.event(before.id) == before
    finally:
        reopened.close()


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from recap.storage.lock import LibraryLock

lock = LibraryLock(Path(sys.argv[1]))
lock.acquire()
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_window_of_another_process_is_named_and_its_death_frees_the_library(
    qtbot: QtBot, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(sample_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        asked: list[str] = []

        def decline(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", decline)
        window = MainWindow()
        qtbot.addWidget(window)
        switcher = LibrarySwitcher(window, str(sample_path))
        assert not switcher.open_own()
        assert f"(process {holder.pid} on {socket.gethostname()})" in asked[0]
        holder.kill()  # the other app dies without letting go
        holder.wait(timeout=10)
        assert switcher.open_own()  # at once: the kernel let go with the process
        assert window.library is not None and not window.read_only
        window.close()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
