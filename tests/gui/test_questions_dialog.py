"""View › My Questions: the writer's own questions across events, answered and ticked
in place (saved into the event), a double-click opening the talk; the open count in the
status bar follows."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.ui.questions_dialog import ANSWER, QUESTION, RESOLVED, QuestionsDialog
from tests.gui.conftest import WindowFactory


def test_questions_are_listed_answered_ticked_and_opened(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    assert window.view.open_questions_label is not None
    assert window.view.open_questions_label.text() == "Open questions: 2"
    window.menu_actions.my_questions.trigger()
    dialog = window.findChild(QuestionsDialog)
    assert isinstance(dialog, QuestionsDialog)
    table = dialog.table
    questions = [table.item(row, QUESTION).text() for row in range(table.rowCount())]
    assert questions == [
        "How does doc2vec compare with a small sentence-transformer on my blog posts?",
        "프리로드는 어느 시점에 시작하는 게 좋을까?",
    ]
    tag_box = dialog.tag_box
    qtbot.keyClicks(tag_box, "android")  # a real key on the combo box picks the tag
    assert tag_box.currentText() == "android"
    assert [table.item(row, QUESTION).text() for row in range(table.rowCount())] == [
        "프리로드는 어느 시점에 시작하는 게 좋을까?"
    ]
    tag_box.setCurrentIndex(0)  # All tags
    assert table.rowCount() == 2
    dialog.filter_edit.setText("프리로드")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    table.item(0, ANSWER).setText("재생 직전 3초 분량")
    table.item(0, RESOLVED).setCheckState(Qt.CheckState.Checked)

    library = open_library(sample_path)
    try:
        [entry] = [
            qa
            for event in library.events()
            for talk in event.sessions
            for qa in talk.qa
            if qa.question == "프리로드는 어느 시점에 시작하는 게 좋을까?"
        ]
    finally:
        library.close()
    assert (entry.answer, entry.resolved) == ("재생 직전 3초 분량", True)
    assert table.rowCount() == 0  # open ones only: it is resolved now
    assert window.view.open_questions_label.text() == "Open questions: 1"

    dialog.filter_edit.clear()
    dialog.open_only.setChecked(False)  # reads at once, the cleared text included
    assert table.rowCount() == 2
    row = [table.item(r, QUESTION).text() for r in range(table.rowCount())].index(
        "How does doc2vec compare with a small sentence-transformer on my blog posts?"
    )
    table.cellDoubleClicked.emit(row, QUESTION)
    editor = window.editor
    assert editor.record is not None and editor.record.title == "PyData Seoul Conference 2024"
    assert editor.session_editor.title_edit.text() == "doc2vec in 2024: still useful?"
    dialog.close()


def test_a_big_list_comes_a_page_at_a_time(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("recap.ui.questions_dialog.PAGE", 1)
    window = open_window(sample_path)
    dialog = window.commands.open_questions()
    assert dialog.table.rowCount() == 1 and dialog.more_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.more_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2 and not dialog.more_button.isVisibleTo(dialog)
    assert dialog.count_label.text() == "2 open"
    dialog.close()
