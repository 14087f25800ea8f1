"""View › Live Capture (F11): notes during the talk, keyboard only.

A distraction-free window for the event in progress: the current talk's number, title
and speaker on top with the time, a large markdown editor for its notes, and a line for
a question. Ctrl+Return starts the next talk (only its title is asked; its start time is
now); Ctrl+Shift+A adds an audience question and Ctrl+Shift+O your own (the cursor lands
in the question, Tab moves to the answer); Escape leaves and the main window shows the
event. Everything is saved as in the main editor: a moment after typing stops, and at
once before switching talk or leaving. Pictures paste as in the main editor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import QARecord, SessionRecord
from recap.errors import EditConflict
from recap.ui.autosave import Autosave
from recap.ui.markdown_editor import MarkdownEditor

if TYPE_CHECKING:
    from recap.ui.library_controller import LibraryController

NOTES, QUESTION = "notes", "question"
SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class LiveCapture(QDialog):
    """``left(event_id, session_id)``: capture ended on that talk."""

    left = Signal(int, int)

    def __init__(
        self, controller: LibraryController, event_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveCapture")
        self.setWindowTitle(self.tr("Live Capture"))
        self.controller = controller
        self.event_id = event_id
        self.talks: list[SessionRecord] = []
        self.talk: SessionRecord | None = None
        self.entry: QARecord | None = None  # the question being written

        self.heading = QLabel()
        self.heading.setObjectName("captureHeading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.clock = QLabel()
        self.clock.setStyleSheet("font-size: 18pt;")
        self.notes = MarkdownEditor()
        self.notes.set_preview_visible(False)
        self.notes.set_placeholder(self.tr("Notes on the talk, in markdown"))
        larger = self.notes.text_edit.font()  # read from across the room, typed fast
        larger.setPointSizeF(larger.pointSizeF() * 1.4)
        self.notes.text_edit.setFont(larger)
        self.kind_label = QLabel()
        self.question_edit = QLineEdit()
        self.question_edit.setObjectName("captureQuestion")
        self.answer_edit = QLineEdit()
        self.answer_edit.setObjectName("captureAnswer")
        self.answer_edit.setPlaceholderText(self.tr("Answer (Tab)"))
        hint = QLabel(
            self.tr(
                "Ctrl+Return next talk · Ctrl+Shift+A audience question · "
                "Ctrl+Shift+O my question · Tab answer · Esc leave"
            )
        )
        hint.setObjectName("hint")

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.clock)
        question_row = QHBoxLayout()
        question_row.addWidget(self.kind_label)
        question_row.addWidget(self.question_edit, 2)
        question_row.addWidget(self.answer_edit, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notes, 1)
        layout.addLayout(question_row)
        layout.addWidget(hint)
        self._show_question_row(False)

        self.autosave = Autosave({NOTES: self._save_notes, QUESTION: self._save_question}, self)
        self.notes.textEdited.connect(lambda: self.autosave.edited(NOTES))
        self.question_edit.textEdited.connect(lambda: self.autosave.edited(QUESTION))
        self.answer_edit.textEdited.connect(lambda: self.autosave.edited(QUESTION))
        # Keys read before the editors see them (a text editor would take Ctrl+Return).
        self.keys: dict[QKeyCombination, Callable[[], None]] = {
            QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Return): self.next_talk,
            QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Enter): self.next_talk,
            QKeyCombination(SHIFT_CTRL, Qt.Key.Key_A): lambda: self.new_question("audience"),
            QKeyCombination(SHIFT_CTRL, Qt.Key.Key_O): lambda: self.new_question("own"),
        }
        for widget in (self.notes.text_edit, self.question_edit, self.answer_edit):
            widget.installEventFilter(self)
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start(15_000)
        self._tick()
        self.resize(1100, 760)
        self._load(select_last=True)

    # -- the talks -----------------------------------------------------------------------

    def _load(self, select_last: bool, session_id: int = 0) -> None:
        record = self.controller.event_record(self.event_id)
        self.talks = list(record.sessions) if record is not None else []
        chosen = next((talk for talk in self.talks if talk.id == session_id), None)
        if chosen is None and self.talks:
            chosen = self.talks[-1] if select_last else self.talks[0]
        self._show_talk(chosen)

    def _show_talk(self, talk: SessionRecord | None) -> None:
        self.talk = talk
        self.entry = None
        self._show_question_row(False)
        if talk is None:
            self.heading.setText(self.tr("No talk yet: Ctrl+Return starts one"))
            self.notes.set_markdown("")
            self.notes.setEnabled(False)
            return
        number = self.talks.index(talk) + 1
        speaker = f" — {talk.speaker}" if talk.speaker else ""
        self.heading.setText(f"{number}. {talk.title}{speaker}")
        self.notes.setEnabled(True)
        self.notes.set_markdown(talk.notes or "")
        self.notes.text_edit.setFocus()

    def next_talk(self) -> None:
        """Save this talk, ask only for the next one's title, and start it now."""
        self.autosave.save_now()
        title, accepted = QInputDialog.getText(self, self.tr("Next talk"), self.tr("Title:"))
        title = " ".join(title.split())
        if not accepted or not title:
            return
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
        added = self.controller.add_session(
            self.event_id, SessionRecord(title=title, starts_at=now)
        )
        if added is not None:
            self._load(select_last=False, session_id=added)

    # -- notes and questions --------------------------------------------------------------

    def _save_notes(self) -> bool:
        talk = self.talk
        if talk is None:
            return True
        talk.notes = self.notes.markdown() or None
        saved = self.controller.update_session(talk)
        if isinstance(saved, EditConflict):  # someone else saved it: theirs first, then ours
            theirs = saved.theirs
            assert isinstance(theirs, SessionRecord)
            talk.version = theirs.version
            saved = self.controller.update_session(talk)
        return saved is True

    def new_question(self, kind: str) -> None:
        """Save the question being written and start another of ``kind``."""
        if self.talk is None:
            return
        self.autosave.save_now()
        self.entry = QARecord(kind="own" if kind == "own" else "audience")
        self.kind_label.setText(self.tr("My question") if kind == "own" else self.tr("Question"))
        self.question_edit.clear()
        self.answer_edit.clear()
        self._show_question_row(True)
        self.question_edit.setFocus()

    def _save_question(self) -> bool:
        talk, entry = self.talk, self.entry
        if talk is None or talk.id is None or entry is None:
            return True
        entry.question = self.question_edit.text().strip() or None
        entry.answer = self.answer_edit.text().strip() or None
        if not entry.question and not entry.answer:
            return True  # nothing to keep yet
        entries = [qa for qa in talk.qa if qa is not entry] + [entry]
        known = [qa.id for qa in talk.qa if qa.id is not None]
        ids = self.controller.save_qa_entries(talk.id, entries, known)
        if ids is None:
            return False
        entry.id = ids[-1]
        talk.qa = entries
        return True

    def _show_question_row(self, shown: bool) -> None:
        for widget in (self.kind_label, self.question_edit, self.answer_edit):
            widget.setVisible(shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            action = self.keys.get(event.keyCombination())
            if action is not None:
                if event.type() == QEvent.Type.KeyPress:
                    action()
                event.accept()
                return True
        return super().eventFilter(watched, event)

    def _tick(self) -> None:
        self.clock.setText(QTime.currentTime().toString("HH:mm"))

    # -- leaving --------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape: everything saved, then back to the main window on this talk."""
        self.autosave.save_now()
        talk_id = self.talk.id if self.talk is not None and self.talk.id is not None else 0
        super().reject()
        self.left.emit(self.event_id, talk_id)
