"""The selected event: its fields, summary and talks, saved automatically.

There is no Save button. Edits are written a moment after typing stops
(``AUTOSAVE_DELAY_MS``), and at once when the user switches event or talk,
moves focus elsewhere, closes the window or quits. A field that is not valid
(an empty title, an end before the start) is shown at the field and not
written until fixed; everything else still is.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import EventRecord, EventSummary, SearchMatch, SessionRecord
from recap.domain.search_text import SearchTerm, match_spans, parse_query
from recap.errors import RecapError
from recap.ui.confirm import confirm_deletion
from recap.ui.error_text import error_text
from recap.ui.event_form import EventForm
from recap.ui.markdown_editor import MarkdownEditor
from recap.ui.session_editor import SessionEditor

if TYPE_CHECKING:
    from recap.storage.library import Library

AUTOSAVE_DELAY_MS = 800


def search_selections(
    text_edit: QPlainTextEdit, terms: list[SearchTerm]
) -> list[QTextEdit.ExtraSelection]:
    """Highlights for every place the search terms occur in an editor's text."""
    if not terms:
        return []
    highlight = QTextCharFormat()
    highlight.setBackground(QColor("#fde68a"))
    highlight.setForeground(QColor("#1f2328"))
    document = text_edit.document()
    selections = []
    for start, end in match_spans(document.toPlainText(), terms)[:500]:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = highlight
        selections.append(selection)
    return selections


SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionList(QListWidget):
    """The talks in running order; drag to reorder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionList")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)

    def session_ids(self) -> list[int]:
        return [int(self.item(row).data(SESSION_ID_ROLE)) for row in range(self.count())]

    def current_session_id(self) -> int:
        item = self.currentItem()
        return int(item.data(SESSION_ID_ROLE)) if item is not None else 0

    def row_of(self, session_id: int) -> int:
        return self.session_ids().index(session_id)

    @staticmethod
    def label(position: int, record: SessionRecord) -> str:
        speaker = f" — {record.speaker}" if record.speaker else ""
        return f"{position + 1}. {record.title}{speaker}"

    def renumber(self, titles: dict[int, SessionRecord]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            record = titles.get(int(item.data(SESSION_ID_ROLE)))
            if record is not None:
                item.setText(self.label(row, record))


class EventEditor(QWidget):
    """Signals tell the main window what changed so that it can refresh the list,
    the tag counts and the calendar; ``problem`` carries a sentence for the status bar."""

    eventSaved = Signal(object)  # EventSummary
    tagsChanged = Signal()
    saved = Signal()
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.record: EventRecord | None = None
        self.sessions: dict[int, SessionRecord] = {}
        self.current_session_id = 0
        self.search_terms: list[SearchTerm] = []
        self.read_only = False
        self._locked_controls: list[QWidget] = []
        self._event_dirty = False
        self._session_dirty = False
        self._qa_dirty = False

        self.form = EventForm()
        self.summary_editor = MarkdownEditor()
        self.summary_editor.set_placeholder(
            self.tr("Your overall notes and impressions of the event, in markdown")
        )
        self.session_list = SessionList()
        self.add_session_button = self._tool_button("+", self.tr("Add a session (Ctrl+Shift+N)"))
        self.delete_session_button = self._tool_button("−", self.tr("Delete the session"))
        self.session_up_button = self._tool_button("↑", self.tr("Move the session up"))
        self.session_down_button = self._tool_button("↓", self.tr("Move the session down"))
        self.session_editor = SessionEditor()
        self.no_session_label = QLabel(
            self.tr("No sessions yet.\nAdd one with + for each talk you attended.")
        )
        self.no_session_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_session_label.setObjectName("hint")

        session_buttons = QHBoxLayout()
        for button in (
            self.add_session_button,
            self.delete_session_button,
            self.session_up_button,
            self.session_down_button,
        ):
            session_buttons.addWidget(button)
        session_buttons.addStretch()
        session_column = QWidget()
        session_column_layout = QVBoxLayout(session_column)
        session_column_layout.setContentsMargins(0, 0, 0, 0)
        session_column_layout.addWidget(self.session_list)
        session_column_layout.addLayout(session_buttons)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.session_editor)
        detail_layout.addWidget(self.no_session_label)
        self.sessions_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.sessions_splitter.setObjectName("sessionsSplitter")
        self.sessions_splitter.addWidget(session_column)
        self.sessions_splitter.addWidget(detail)
        self.sessions_splitter.setStretchFactor(1, 1)
        self.sessions_splitter.setSizes([220, 600])

        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self.sessions_splitter, self.tr("Sessions"))
        self.tabs.addTab(self.summary_editor, self.tr("Summary"))
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form)
        body_layout.addWidget(self.tabs, 1)
        self.nothing_label = QLabel(
            self.tr("No event selected.\nPick one in the list, or create one with Ctrl+N.")
        )
        self.nothing_label.setObjectName("hint")
        self.nothing_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.nothing_label)
        self.pages.setCurrentWidget(self.nothing_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.autosave_timer.timeout.connect(self.save_now)

        self.form.edited.connect(self._on_event_edited)
        self.summary_editor.textEdited.connect(self._on_event_edited)
        self.session_editor.fieldsEdited.connect(self._on_session_edited)
        self.session_editor.qaEdited.connect(self._on_qa_edited)
        self.session_list.currentItemChanged.connect(self._on_current_session_changed)
        self.session_list.model().rowsMoved.connect(self._on_sessions_dragged)
        self.add_session_button.clicked.connect(self.add_session)
        self.delete_session_button.clicked.connect(self.delete_current_session)
        self.session_up_button.clicked.connect(lambda: self.move_current_session(-1))
        self.session_down_button.clicked.connect(lambda: self.move_current_session(1))
        self.setEnabled(False)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    # -- loading ---------------------------------------------------------------

    def set_library(self, library: "Library") -> None:
        self.library = library
        self.refresh_choices()

    def refresh_choices(self) -> None:
        if self.library is not None:
            tag_names = [tag.name for tag in self.library.tag_counts()]
            self.form.set_choices(self.library.category_names(), tag_names)

    def load_event(self, event_id: int, session_id: int = 0) -> None:
        """Show an event (0 for none), saving what was being edited first."""
        self.save_now()
        if self.library is None or event_id == 0:
            self.record = None
            self.setEnabled(False)
            self._show_sessions([], 0)
            self.pages.setCurrentWidget(self.nothing_label)
            return
        self.record = self.library.event(event_id)
        self.setEnabled(True)
        self.pages.setCurrentWidget(self.body)
        self.form.load(self.record)
        self.summary_editor.set_markdown(self.record.summary or "")
        self._show_sessions(self.record.sessions, session_id)
        self._apply_read_only()

    def show_search_matches(self, query: str, matches: Sequence[SearchMatch]) -> None:
        """Open the session a search matched in and mark the search terms in the text."""
        self.search_terms = parse_query(query) if query else []
        for match in matches:
            session_id = self._session_of_match(match)
            if session_id:
                self.session_list.setCurrentRow(self.session_list.row_of(session_id))
                tab = SessionEditor.QA_TAB if match.kind == "qa" else SessionEditor.NOTES_TAB
                self.session_editor.tabs.setCurrentIndex(tab)
                break
        self._mark_search_terms()

    def _session_of_match(self, match: SearchMatch) -> int:
        if match.kind == "session":
            return match.ref_id if match.ref_id in self.sessions else 0
        if match.kind == "qa":
            for talk in self.sessions.values():
                if any(entry.id == match.ref_id for entry in talk.qa):
                    return talk.id or 0
        return 0

    def _mark_search_terms(self) -> None:
        for editor in (self.summary_editor, self.session_editor.notes_editor):
            editor.text_edit.setExtraSelections(
                search_selections(editor.text_edit, self.search_terms)
            )

    def current_event_id(self) -> int:
        return self.record.id or 0 if self.record is not None else 0

    def _show_sessions(self, sessions: list[SessionRecord], select_id: int) -> None:
        self.sessions = {talk.id: talk for talk in sessions if talk.id is not None}
        blocker = self.session_list.blockSignals(True)
        self.session_list.clear()
        for position, talk in enumerate(sessions):
            item = QListWidgetItem(SessionList.label(position, talk))
            item.setData(SESSION_ID_ROLE, talk.id)
            self.session_list.addItem(item)
        self.session_list.blockSignals(blocker)
        if sessions:
            ids = [talk.id for talk in sessions]
            row = ids.index(select_id) if select_id in ids else 0
            self.session_list.setCurrentRow(row)
            self._show_session(self.session_list.current_session_id())
        else:
            self._show_session(0)
        self._update_tab_title()

    def _show_session(self, session_id: int) -> None:
        self.current_session_id = session_id
        record = self.sessions.get(session_id)
        self.session_editor.setVisible(record is not None)
        self.no_session_label.setVisible(record is None)
        for button in (
            self.delete_session_button,
            self.session_up_button,
            self.session_down_button,
        ):
            button.setEnabled(record is not None)
        if record is not None:
            self.session_editor.load(record)
            self._apply_read_only()
            self._mark_search_terms()

    def _update_tab_title(self) -> None:
        count = len(self.sessions)
        title = self.tr("Sessions ({count})").format(count=count) if count else self.tr("Sessions")
        self.tabs.setTabText(0, title)

    # -- saving ----------------------------------------------------------------

    def set_autosave_delay(self, milliseconds: int) -> None:
        self.autosave_timer.setInterval(milliseconds)

    def set_date_style(self, style: str, language: str) -> None:
        self.form.set_date_style(style, language)

    def set_line_breaks(self, line_breaks: str) -> None:
        """How the summary's and the notes' previews show single line breaks."""
        for editor in (self.summary_editor, self.session_editor.notes_editor):
            editor.set_line_breaks(line_breaks)

    def set_read_only(self, read_only: bool) -> None:
        """A library open in another window is shown, not edited: its text can
        still be read, scrolled, selected and copied, and sessions switched."""
        self.read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        locked = self.read_only
        for field in self.body.findChildren(QLineEdit) + self.body.findChildren(QDateEdit):
            field.setReadOnly(locked)
        for text in self.body.findChildren(QPlainTextEdit):
            text.setReadOnly(locked)
        controls: list[QWidget] = [
            *self.body.findChildren(QAbstractButton),
            *self.body.findChildren(QComboBox),
        ]
        if locked:
            for control in controls:
                if control.isEnabled() and not isinstance(control.parent(), QTabBar):
                    control.setEnabled(False)
                    self._locked_controls.append(control)
        else:  # give back only what read-only mode took
            for control in self._locked_controls:
                control.setEnabled(True)
            self._locked_controls.clear()
        self.session_list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )

    def discard_changes(self) -> None:
        """Forget pending edits (the event is about to be deleted)."""
        self.autosave_timer.stop()
        self._event_dirty = self._session_dirty = self._qa_dirty = False

    def has_unsaved_changes(self) -> bool:
        return self._event_dirty or self._session_dirty or self._qa_dirty

    def save_now(self) -> bool:
        """Write every pending change; True when nothing is left unsaved."""
        self.autosave_timer.stop()
        if (
            self.read_only
            or self.library is None
            or self.record is None
            or not self.has_unsaved_changes()
        ):
            return True
        try:
            if self._event_dirty:
                self._save_event_fields()
            if self._session_dirty:
                self._save_session_fields()
            if self._qa_dirty:
                self._save_qa()
        except RecapError as error:
            self.problem.emit(error_text(error))
            return False
        if not self.has_unsaved_changes():
            self.saved.emit()
        return not self.has_unsaved_changes()

    def _save_event_fields(self) -> None:
        assert self.library is not None and self.record is not None
        all_valid = self.form.validate()
        updated = self.form.apply_to(self.record)
        updated.summary = self.summary_editor.markdown() or None
        tags_changed = updated.tags != self.record.tags or updated.category != self.record.category
        self.library.update_event(updated)
        self.record = updated
        self._event_dirty = not all_valid  # the invalid field still waits to be saved
        self.eventSaved.emit(
            EventSummary(
                id=updated.id or 0,
                title=updated.title,
                start_date=updated.start_date,
                end_date=updated.end_date,
                tags=tuple(updated.tags),
            )
        )
        if tags_changed:
            self.tagsChanged.emit()

    def _save_session_fields(self) -> None:
        assert self.library is not None
        record = self.sessions.get(self.current_session_id)
        if record is None:
            self._session_dirty = False
            return
        if not self.session_editor.validate():
            return
        updated = self.session_editor.apply_to(record)
        self.library.update_session(updated)
        self.sessions[self.current_session_id] = updated
        self.session_list.renumber(self.sessions)
        self._session_dirty = False

    def _save_qa(self) -> None:
        assert self.library is not None
        record = self.sessions.get(self.current_session_id)
        if record is None:
            self._qa_dirty = False
            return
        records = self.session_editor.qa_editor.records()
        ids = self.library.save_qa_entries(self.current_session_id, records)
        self.session_editor.qa_editor.set_ids(ids)
        for qa_record, qa_id in zip(records, ids, strict=True):
            qa_record.id = qa_id
        record.qa = [entry for entry in records if entry.id is not None]
        self._qa_dirty = False

    def _on_event_edited(self) -> None:
        if self.read_only:
            return  # nothing is written to a library another window edits
        self._event_dirty = True
        self.autosave_timer.start()

    def _on_session_edited(self) -> None:
        if self.read_only:
            return  # nothing is written to a library another window edits
        self._session_dirty = True
        self.autosave_timer.start()

    def _on_qa_edited(self) -> None:
        if self.read_only:
            return  # nothing is written to a library another window edits
        self._qa_dirty = True
        self.autosave_timer.start()

    # -- sessions ----------------------------------------------------------------

    def _on_current_session_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        new_id = int(current.data(SESSION_ID_ROLE)) if current is not None else 0
        if new_id == self.current_session_id:
            return
        self.save_now()
        self._show_session(new_id)

    def add_session(self) -> None:
        if self.library is None or self.record is None or self.record.id is None:
            return
        self.save_now()
        title = self.tr("New session")
        session_id = self.library.add_session(self.record.id, SessionRecord(title=title))
        self._reload_sessions(select_id=session_id)
        self.tabs.setCurrentIndex(0)
        self.session_editor.title_edit.setFocus()
        self.session_editor.title_edit.selectAll()

    def delete_current_session(self) -> None:
        record = self.sessions.get(self.current_session_id)
        if self.library is None or record is None or record.id is None:
            return
        if record.qa:
            question = self.tr(
                "Delete the session “{title}” with its notes, links and {count} Q&A entries?"
            ).format(title=record.title, count=len(record.qa))
        else:
            question = self.tr("Delete the session “{title}” with its notes and links?").format(
                title=record.title
            )
        if not confirm_deletion(self, self.tr("Delete session"), question):
            return
        self.save_now()
        row = self.session_list.currentRow()
        self.library.delete_session(record.id)
        self._session_dirty = self._qa_dirty = False
        ids = [talk_id for talk_id in self.session_list.session_ids() if talk_id != record.id]
        self._reload_sessions(select_id=ids[min(row, len(ids) - 1)] if ids else 0)

    def move_current_session(self, step: int) -> None:
        session_id = self.current_session_id
        if self.library is None or session_id == 0:
            return
        row = self.session_list.row_of(session_id)
        target = row + step
        if not 0 <= target < self.session_list.count():
            return
        self.save_now()
        self.library.move_session(session_id, target)
        self._reload_sessions(select_id=session_id)

    def _on_sessions_dragged(self) -> None:
        """The user dropped a talk elsewhere in the list: store the new order."""
        if self.library is None or self.record is None or self.record.id is None:
            return
        self.library.reorder_sessions(self.record.id, self.session_list.session_ids())
        self.session_list.renumber(self.sessions)

    def _reload_sessions(self, select_id: int) -> None:
        assert self.library is not None and self.record is not None and self.record.id is not None
        self.record.sessions = self.library.event(self.record.id).sessions
        self._show_sessions(self.record.sessions, select_id)
