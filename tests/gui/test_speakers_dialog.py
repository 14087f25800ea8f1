"""View › Speakers: every speaker with their talks; renaming one spelling everywhere
after a question that says how many talks change; a double-click opens a talk."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.ui.speakers_dialog import SpeakersDialog
from tests.gui.conftest import WindowFactory


def names(dialog: SpeakersDialog) -> list[str]:
    return [dialog.speakers.item(row).text() for row in range(dialog.speakers.count())]


def test_speakers_are_listed_renamed_everywhere_and_opened(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    window.menu_actions.speakers.trigger()
    dialog = window.findChild(SpeakersDialog)
    assert isinstance(dialog, SpeakersDialog)
    assert "Dana Park — 1 talks, 1 events" in names(dialog)
    dialog.speakers.setCurrentRow(names(dialog).index("Dana Park — 1 talks, 1 events"))
    assert dialog.talks.rowCount() == 1
    assert dialog.talks.item(0, 2).text() == "Retrieval beyond vectors"

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("박다나", True))
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    dialog.rename_button.click()
    assert asked == ["Write “Dana Park” as “박다나” in 1 talks?"]
    assert dialog.current_name() == "박다나"
    library = open_library(sample_path)
    try:
        speakers = {talk.speaker for event in library.events() for talk in event.sessions}
    finally:
        library.close()
    assert "박다나" in speakers and "Dana Park" not in speakers

    dialog.talks.cellDoubleClicked.emit(0, 2)
    assert window.editor.session_editor.title_edit.text() == "Retrieval beyond vectors"
    assert window.editor.session_editor.speaker_edit.text() == "박다나"
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
