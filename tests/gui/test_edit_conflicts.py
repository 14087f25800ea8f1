"""Two writers on one talk: the window's save meets the other's newer one, shows both
texts, and keeps the writer's (merged by hand) or takes theirs — nothing lost silently."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from recap.domain.records import QARecord
from recap.storage.library import Library, open_library
from recap.ui.conflict_dialog import ConflictDialog
from recap.ui.main_window import MainWindow
from tests.backends import read_rows
from tests.gui.conftest import WindowFactory, type_text


@contextmanager
def another_writer(path: Path) -> Iterator[Library]:
    """The same library opened apart from the window, as another writer's would be."""
    other = open_library(path)
    try:
        yield other
    finally:
        other.close()


def ask_in_every_talk(path: Path, *questions: str) -> None:
    """Every talk gets these audience questions before the window shows it."""
    with another_writer(path) as before:
        for event in before.events():
            for talk in event.sessions:
                for question in questions:
                    before.add_qa(talk.id or 0, QARecord(kind="audience", question=question))


def someone_else_saves_the_notes(path: Path, window: MainWindow, notes: str) -> int:
    talk_id = window.editor.current_session_id
    other = open_library(path)
    try:
        [talk] = [talk for event in other.events() for talk in event.sessions if talk.id == talk_id]
        talk.notes = notes
        talk.version = None  # not through a window: no version to check
        other.update_session(talk)
    finally:
        other.close()
    return talk_id


def answer_conflict(
    monkeypatch: pytest.MonkeyPatch, keep_mine: bool, merged: str | None = None
) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def exec_(dialog: ConflictDialog) -> int:
        shown.append((dialog.text(), dialog.theirs_view.toPlainText()))
        if merged is not None:
            dialog.mine_edit.setPlainText(merged)
        (dialog.keep_button if keep_mine else dialog.take_button).click()
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", exec_)
    return shown


def test_my_text_merged_by_hand_is_saved_over_theirs(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    notes = window.editor.session_editor.notes_editor.text_edit
    original = notes.toPlainText()
    talk_id = someone_else_saves_the_notes(sample_path, window, original + "\n- 그쪽이 적은 줄")
    shown = answer_conflict(monkeypatch, True, merged=original + "\n- 그쪽이 적은 줄\n- 내 줄")
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    type_text(qtbot, notes, "\n- 내 줄")
    assert window.save_pending_edits()
    assert shown == [(original + "\n- 내 줄", original + "\n- 그쪽이 적은 줄")]
    expected = original + "\n- 그쪽이 적은 줄\n- 내 줄"
    assert read_rows(sample_path, "SELECT notes FROM sessions WHERE id = ?", talk_id) == [
        (expected,)
    ]
    assert notes.toPlainText() == expected
    type_text(qtbot, notes, "!")  # and the next save goes in without asking again
    assert window.save_pending_edits() and len(shown) == 1


def test_taking_theirs_shows_theirs_and_leaves_nothing_to_save(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    notes = window.editor.session_editor.notes_editor.text_edit
    talk_id = someone_else_saves_the_notes(sample_path, window, "그쪽 메모")
    answer_conflict(monkeypatch, False)
    notes.setFocus()
    type_text(qtbot, notes, "x")
    assert window.save_pending_edits()
    assert notes.toPlainText() == "그쪽 메모"
    assert not window.editor.has_unsaved_changes()
    assert read_rows(sample_path, "SELECT notes FROM sessions WHERE id = ?", talk_id) == [
        ("그쪽 메모",)
    ]


def test_the_dialog_cannot_be_dismissed_without_a_choice(qtbot: QtBot) -> None:
    dialog = ConflictDialog("어텐션", "mine", "theirs")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # Escape
    assert dialog.isVisible()
    dialog.take_button.click()
    assert not dialog.isVisible() and not dialog.kept_mine


def test_a_question_someone_else_added_is_kept_when_the_window_saves_its_own(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    talk_id = window.editor.current_session_id
    other = open_library(sample_path)
    try:
        their_id = other.add_qa(talk_id, QARecord("audience", question="그쪽 질문?"))
    finally:
        other.close()
    qa_editor = window.editor.session_editor.qa_editor
    shown_before = len(qa_editor.records())
    entry = qa_editor.add_entry("own")
    type_text(qtbot, entry.question_edit, "내 질문?")
    assert window.save_pending_edits()
    questions = [
        question
        for (question,) in read_rows(
            sample_path, "SELECT question FROM qa_entries WHERE session_id = ?", talk_id
        )
    ]
    assert len(questions) == shown_before + 2
    assert {"내 질문?", "그쪽 질문?"} <= set(questions)
    assert their_id is not None


def test_a_talk_deleted_by_someone_else_while_typed_in_is_kept_as_a_new_talk(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    ask_in_every_talk(sample_path, "발표에 대한 질문?")  # shown in the editor with its talk
    window = open_window(sample_path)
    editor = window.editor
    talk_id = editor.current_session_id
    title = editor.sessions[talk_id].title
    asked = "SELECT question FROM qa_entries WHERE session_id = ?"
    questions = read_rows(sample_path, asked, talk_id)
    notes = editor.session_editor.notes_editor.text_edit
    with another_writer(sample_path) as other:
        other.delete_session(talk_id)
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    type_text(qtbot, notes, "\n- 지워진 발표에 쓴 줄")
    typed = notes.toPlainText()
    assert window.save_pending_edits()
    [(new_id, saved_notes)] = read_rows(
        sample_path, "SELECT id, notes FROM sessions WHERE title = ?", title
    )
    assert saved_notes == typed  # a new row (SQLite may give it the freed id)
    assert questions and sorted(read_rows(sample_path, asked, new_id)) == sorted(questions)
    assert editor.current_session_id == new_id and notes.toPlainText() == typed
    assert not editor.has_unsaved_changes()
    note = window.findChild(QMessageBox, "keptElsewhereNote")
    assert note is not None and title in note.text()


def test_an_answer_someone_else_wrote_meanwhile_is_kept_and_shown(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    ask_in_every_talk(sample_path, "첫 질문?", "둘째 질문?")
    window = open_window(sample_path)
    editor = window.editor
    talk_id = editor.current_session_id
    with another_writer(sample_path) as other:
        entries = other.session(talk_id).qa
        entries[1].answer = "그쪽이 적은 답"
        other.merge_qa_entries(talk_id, entries, other.session(talk_id).qa)
    [first, _] = editor.session_editor.qa_editor.entries
    first.answer_edit.setFocus()
    type_text(qtbot, first.answer_edit, "내가 적은 답")
    assert window.save_pending_edits()
    shown = [
        (entry.question_edit.toPlainText(), entry.answer_edit.toPlainText())
        for entry in editor.session_editor.qa_editor.entries
    ]
    assert shown == [("첫 질문?", "내가 적은 답"), ("둘째 질문?", "그쪽이 적은 답")]
    asked = "SELECT question, answer FROM qa_entries WHERE session_id = ? ORDER BY position"
    assert read_rows(sample_path, asked, talk_id) == shown
    assert not editor.has_unsaved_changes()


def test_an_event_deleted_by_someone_else_while_typed_in_is_kept_as_a_new_event(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    editor = window.editor
    old_id = editor.current_event_id()
    record = editor.record
    assert record is not None and record.sessions
    talk_titles = [talk.title for talk in record.sessions]
    with another_writer(sample_path) as other:
        other.delete_event(old_id)
    summary = editor.summary_editor.text_edit
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_text(qtbot, summary, "\n지워진 행사에 쓴 요약")
    notes = editor.session_editor.notes_editor.text_edit
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    type_text(qtbot, notes, "\n- 발표 메모도 함께")
    typed_summary, typed_notes = summary.toPlainText(), notes.toPlainText()
    assert window.save_pending_edits()
    [(new_id, saved_summary)] = read_rows(
        sample_path, "SELECT id, summary FROM events WHERE title = ?", record.title
    )
    assert saved_summary == typed_summary
    talks = read_rows(
        sample_path,
        "SELECT title, notes FROM sessions WHERE event_id = ? ORDER BY position",
        new_id,
    )
    assert [title for title, _ in talks] == talk_titles
    assert typed_notes in [notes for _, notes in talks]
    qtbot.waitUntil(lambda: editor.current_event_id() == new_id)
    assert summary.toPlainText() == typed_summary and not editor.has_unsaved_changes()
    note = window.findChild(QMessageBox, "keptElsewhereNote")
    assert note is not None and record.title in note.text()
