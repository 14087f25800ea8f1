"""View › Speakers: every speaker with their talks; renaming one spelling everywhere
after a question that says how many talks change; a double-click opens a talk."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.ui.speakers_dialog import SpeakersDialog
from tests.gui.conftest import WindowFactory


def names(dialog: SpeakersDialog) -> list[str]:
    return [dialog.speakers.item(row).text() for row in range(dialog.speakers.count())]


def type_into_next_input_dialog(qtbot: QtBot, text: str) -> None:
    """When the rename box opens, type ``text`` over its contents and press Enter: real
    keys on the modal dialog."""

    def step() -> None:
        modal = QApplication.activeModalWidget()
        if not isinstance(modal, QInputDialog):
            QTimer.singleShot(10, step)
            return
        line = modal.findChild(QLineEdit)
        assert line is not None
        line.selectAll()
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, step)


def test_speakers_are_listed_renamed_everywhere_and_opened(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    window.menu_actions.speakers.trigger()
    dialog = window.findChild(SpeakersDialog)
    assert isinstance(dialog, SpeakersDialog)
    assert "Dana Park — 1 talk, 1 event" in names(dialog)
    qtbot.keyClicks(dialog.filter_edit, "park")
    shown = [
        dialog.speakers.item(row).text()
        for row in range(dialog.speakers.count())
        if not dialog.speakers.item(row).isHidden()
    ]
    assert shown == ["Dana Park — 1 talk, 1 event"]
    assert dialog.current_name() == "Dana Park"
    assert dialog.talks.rowCount() == 1
    assert dialog.talks.item(0, 2).text() == "Retrieval beyond vectors"

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    type_into_next_input_dialog(qtbot, "Park Dana")  # keyClicks types ASCII only
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert asked == ["Write “Dana Park” as “Park Dana” in 1 talk?"]
    dialog.filter_edit.clear()
    assert dialog.current_name() == "Park Dana"
    library = open_library(sample_path)
    try:
        speakers = {talk.speaker for event in library.events() for talk in event.sessions}
    finally:
        library.close()
    assert "Park Dana" in speakers and "Dana Park" not in speakers

    dialog.talks.cellDoubleClicked.emit(0, 2)
    assert window.editor.session_editor.title_edit.text() == "Retrieval beyond vectors"
    assert window.editor.session_editor.speaker_edit.text() == "Park Dana"
    dialog.close()


def test_speaker_names_are_completed_as_you_type(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    completer = window.editor.session_editor.speaker_completer
    completer.setCompletionPrefix("park")
    assert completer.currentCompletion() == "Dana Park"
    completer.setCompletionPrefix("하늘")
    assert completer.currentCompletion() == "김하늘"
