"""Unexpected exceptions get a report dialog; known problems a plain sentence.

Real storage faults (a full disk, a locked or damaged library) and the sentences
they end in are tested in tests/unit/test_storage_faults.py and
tests/gui/test_storage_faults.py."""

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from recap import __version__
from recap.errors import InvalidInput
from recap.ui import crash


def test_a_bug_shows_a_report_with_version_platform_and_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        crash.CrashDialog, "exec", lambda self: shown.append(self.details.toPlainText())
    )
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    [report] = shown
    assert f"Recap {__version__}" in report and "Python" in report
    assert "ZeroDivisionError: boom" in report and "Traceback" in report


def test_a_known_problem_is_a_sentence_not_a_report(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda self: pytest.fail("no report expected"))
    error = InvalidInput("The title must not be empty.")
    crash.handle_exception(InvalidInput, error, None)
    assert warned == ["The title must not be empty."]


def test_the_crash_dialog_copies_its_details(qtbot: QtBot) -> None:
    dialog = crash.CrashDialog("Recap 0.1.0\nTraceback ...")
    qtbot.addWidget(dialog)
    buttons = dialog.findChildren(QPushButton)
    next(button for button in buttons if button.text() == "Copy details").click()
    assert QApplication.clipboard().text() == "Recap 0.1.0\nTraceback ..."
