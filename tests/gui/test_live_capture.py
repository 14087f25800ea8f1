"""Live capture driven by the keyboard alone: notes typed (Hangul through the input
method), the next talk started with its time stamped, an audience question and an own
question with its answer — all in the library — and Escape back to the main window."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.ui.live_capture import LiveCapture
from tests.gui.conftest import WindowFactory, type_text


def test_a_talk_captured_with_the_keyboard_only(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    event_id = window.editor.current_event_id()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    capture = window.findChild(LiveCapture)
    assert isinstance(capture, LiveCapture) and capture.isVisible()
    talks_before = len(capture.talks)
    assert capture.heading.text().startswith(f"{talks_before}. ")

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("LT: 어텐션 한 장", True))
    before = dt.datetime.now().time().replace(second=0, microsecond=0)
    qtbot.keyClick(capture.notes.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert capture.heading.text() == f"{talks_before + 1}. LT: 어텐션 한 장"
    type_text(qtbot, capture.notes.text_edit, "- 소프트맥스 온도 ")

    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture.notes.text_edit, Qt.Key.Key_A, shift_ctrl)
    assert capture.focusWidget() is capture.question_edit
    type_text(qtbot, capture.question_edit, "슬라이드 공유되나요?")
    qtbot.keyClick(capture.question_edit, Qt.Key.Key_Tab)
    assert capture.focusWidget() is capture.answer_edit
    type_text(qtbot, capture.answer_edit, "네")
    qtbot.keyClick(capture.answer_edit, Qt.Key.Key_O, shift_ctrl)
    type_text(qtbot, capture.question_edit, "궁금증: 온도를 어떻게 고르지?")
    qtbot.keyClick(capture.question_edit, Qt.Key.Key_Escape)
    assert not capture.isVisible()

    library = open_library(sample_path)
    try:
        talk = library.event(event_id).sessions[-1]
    finally:
        library.close()
    assert talk.title == "LT: 어텐션 한 장"
    assert talk.starts_at is not None and talk.starts_at >= before
    assert talk.notes == "- 소프트맥스 온도 "
    assert [(qa.kind, qa.question, qa.answer) for qa in talk.qa] == [
        ("audience", "슬라이드 공유되나요?", "네"),
        ("own", "궁금증: 온도를 어떻게 고르지?", None),
    ]
    assert window.editor.current_event_id() == event_id
    assert window.editor.session_editor.title_edit.text() == "LT: 어텐션 한 장"
