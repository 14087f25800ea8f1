"""Someone else saved the event or talk being written: the writer sees both texts and
keeps theirs (as it is, or merged by hand with the other) or takes the other's.
Nothing is lost silently: the dialog cannot be dismissed without a choice. A talk
or event someone else deleted meanwhile is kept as a new one, and the writer told so."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import EventRecord, SessionRecord
from recap.errors import EditConflict
from recap.ui.autosave import QA_ENTRIES, SESSION_FIELDS

if TYPE_CHECKING:
    from recap.ui.event_editor import EventEditor


class ConflictDialog(QDialog):
    """``kept_mine`` after exec: True for the writer's text (``text()``), False for theirs."""

    def __init__(self, what: str, mine: str, theirs: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Saved by someone else"))
        self.kept_mine = True
        intro = QLabel(
            self.tr(
                "“{what}” was saved by someone else while you were writing. Keep your text "
                "(edit it here to merge in what they wrote), or take theirs. The other fields "
                "follow the text you choose."
            ).format(what=what)
        )
        intro.setWordWrap(True)
        self.mine_edit = QPlainTextEdit(mine)
        self.mine_edit.setObjectName("mineText")
        self.theirs_view = QPlainTextEdit(theirs)
        self.theirs_view.setObjectName("theirsText")
        self.theirs_view.setReadOnly(True)
        texts = QGridLayout()
        texts.addWidget(QLabel(self.tr("Yours (you can edit it)")), 0, 0)
        texts.addWidget(QLabel(self.tr("Saved by someone else")), 0, 1)
        texts.addWidget(self.mine_edit, 1, 0)
        texts.addWidget(self.theirs_view, 1, 1)
        buttons = QDialogButtonBox()
        self.keep_button = QPushButton(self.tr("Save My Text"))
        self.take_button = QPushButton(self.tr("Take Theirs"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.keep_button.clicked.connect(lambda: self._choose(True))
        self.take_button.clicked.connect(lambda: self._choose(False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(texts, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def text(self) -> str:
        return self.mine_edit.toPlainText()

    def _choose(self, mine: bool) -> None:
        self.kept_mine = mine
        self.accept()

    def reject(self) -> None:
        """Escape or the window's close button: no choice made, nothing thrown away."""


def resolve_talk(editor: EventEditor, mine: SessionRecord, conflict: EditConflict) -> bool:
    """Ask, then save the writer's talk on top of theirs, or show theirs; True when
    nothing is left to save."""
    theirs = conflict.theirs
    assert isinstance(theirs, SessionRecord) and editor.controller is not None
    dialog = ConflictDialog(mine.title, mine.notes or "", theirs.notes or "", editor)
    dialog.exec()
    if not dialog.kept_mine:
        editor.sessions[theirs.id or 0] = theirs
        editor.session_editor.load(theirs)
        return True
    if dialog.text() != (mine.notes or ""):
        mine.notes = dialog.text() or None
        editor.session_editor.notes_editor.set_markdown(dialog.text())
    mine.version = theirs.version
    if editor.controller.update_session(mine) is not True:
        return False
    editor.sessions[mine.id or 0] = mine
    return True


def resolve_event(editor: EventEditor, mine: EventRecord, conflict: EditConflict) -> bool:
    """As ``resolve_talk``, for the event's own fields and its summary."""
    theirs = conflict.theirs
    assert isinstance(theirs, EventRecord) and editor.controller is not None
    dialog = ConflictDialog(mine.title, mine.summary or "", theirs.summary or "", editor)
    dialog.exec()
    if not dialog.kept_mine:
        theirs.sessions = mine.sessions
        editor.record = theirs
        editor.form.load(theirs)
        editor.summary_editor.set_markdown(theirs.summary or "")
        return True
    if dialog.text() != (mine.summary or ""):
        mine.summary = dialog.text() or None
        editor.summary_editor.set_markdown(dialog.text())
    mine.version = theirs.version
    if editor.controller.update_event(mine) is not True:
        return False
    editor.record = mine
    return True


def keep_deleted_event(editor: EventEditor, mine: EventRecord) -> bool:
    """Another writer deleted the event being written: what this writer has (its fields,
    its talks as shown, the one being typed in with its Q&A) becomes a new event, shown
    in its place, and a note says so. Its pictures went with the other's deletion. True
    when it was saved."""
    assert editor.controller is not None and editor.record is not None
    talks = [
        unsaved_copy(editor.sessions.get(talk.id or 0, talk), editor)
        for talk in editor.record.sessions
    ]
    kept = replace(mine, id=None, version=None, sessions=talks, attachments=[])
    new_id = editor.controller.create_event(kept)
    if new_id is None:
        return False
    editor.autosave.forget(SESSION_FIELDS, QA_ENTRIES)  # in the new event already
    editor.eventReplaced.emit(new_id)
    show_note(
        editor,
        QCoreApplication.translate(
            "ConflictDialog",
            "Someone else deleted the event “{title}” while you were writing it. "
            "Your text was kept: it is a new event now (its pictures could not be kept).",
        ).format(title=mine.title),
    )
    return True


def unsaved_copy(talk: SessionRecord, editor: EventEditor) -> SessionRecord:
    """A talk as the editor holds it (the one shown: as typed, with its Q&A), to be
    stored anew: no ids, no empty Q&A entries."""
    from recap.domain.validate import has_text  # not at start-up

    if talk.id == editor.current_session_id:
        talk = editor.session_editor.apply_to(talk)
        talk.qa = editor.session_editor.qa_editor.records()
    questions = [
        replace(entry, id=None)
        for entry in talk.qa
        if has_text(entry.question) or has_text(entry.answer)
    ]
    links = [replace(link, id=None) for link in talk.links]
    return replace(talk, id=None, version=None, qa=questions, links=links)


def show_note(editor: EventEditor, text: str) -> None:
    """A note that does not stop the work: it stays until closed."""
    note = QMessageBox(
        QMessageBox.Icon.Information, "Recap", text, QMessageBox.StandardButton.Close, editor
    )
    note.setObjectName("keptElsewhereNote")
    note.setWindowModality(Qt.WindowModality.NonModal)
    note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    note.show()


def keep_deleted_talk(editor: EventEditor, mine: SessionRecord) -> bool:
    """Another writer deleted the talk being written: what this writer has (its fields,
    notes and the Q&A shown with it) becomes a new talk of the event, shown in its
    place, and a note says so. True when it was saved."""
    assert editor.controller is not None and editor.record is not None
    questions = [replace(entry, id=None) for entry in editor.session_editor.qa_editor.records()]
    kept = replace(mine, id=None, version=None, qa=questions)
    new_id = editor.controller.add_session(editor.record.id or 0, kept)
    if new_id is None:
        return False
    editor.sessions.pop(mine.id or 0, None)
    editor.reload_sessions(new_id)
    show_note(
        editor,
        QCoreApplication.translate(
            "ConflictDialog",
            "Someone else deleted the talk “{title}” while you were writing it. "
            "Your text was kept: it is a new talk of this event now.",
        ).format(title=mine.title),
    )
    return True
