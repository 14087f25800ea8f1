"""Fixtures that open the real main window on a real library file."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from recap.storage.library import open_library
from recap.ui.main_window import MainWindow
from recap.ui.start import LibrarySwitcher, create_application
from tests.conftest import SAMPLE_LIBRARY_JSON


@pytest.fixture(autouse=True)
def widgets_die_with_their_test() -> Iterator[None]:
    """pytest-qt closes a test's widgets and deletes them later: during whichever
    test next runs an event loop. Delete them at the end of their own test, so
    no test runs another test's destructors."""
    yield
    if QApplication.instance() is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        # Mime data left on the (offscreen) clipboard crashes the interpreter's exit.
        QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the run: fail the test instead.
    Tests that expect a dialog patch the one they expect with its answer."""

    def unexpected(*args: object, **_kwargs: object) -> None:
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: unexpected(box, box.windowTitle(), box.text())
    )


def answer_deletions(monkeypatch: pytest.MonkeyPatch, *answers: bool) -> list[str]:
    """Answer the next "Delete …?" questions in turn; returns the questions asked."""
    asked: list[str] = []
    remaining = iter(answers)

    def confirm(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return next(remaining)

    for module in (
        "recap.ui.window_commands",
        "recap.ui.session_commands",
        "recap.ui.event_attachments",
    ):
        monkeypatch.setattr(f"{module}.confirm_deletion", confirm)
    return asked


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A library file holding the shared sample events."""
    from recap.interchange.recap_json import parse_document

    path = tmp_path / "sample.db"
    library = open_library(path)
    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    library.close()
    return path


WindowFactory = Callable[[Path | URL], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[WindowFactory]:
    """Opens a main window on a library file, as start-up does; closes them all at the end."""
    create_application()
    windows: list[MainWindow] = []

    def factory(path: Path | URL) -> MainWindow:
        window = MainWindow()  # closed below, not by qtbot: pending edits are discarded first
        window.show()
        qtbot.waitExposed(window)
        where = path.render_as_string(hide_password=False) if isinstance(path, URL) else str(path)
        switcher = LibrarySwitcher(window, where)
        assert switcher.open_own()
        QApplication.processEvents()  # the last event opens right after the list fills
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.library is not None:
            window.editor.discard_changes()  # a test may leave an invalid field behind
            window.close()
        window.deleteLater()


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user would: Latin letters as key presses, Hangul through the input
    method (a commit per syllable), as it arrives from a Korean IME. In a one-line
    field the user first clicks after its text (unless it is selected, to replace it)."""
    if isinstance(widget, QLineEdit) and not widget.hasSelectedText():
        widget.end(False)
    for char in text:
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
