"""The selected event: its fields, summary and talks, saved automatically.

There is no Save button. Edits are written a moment after typing stops
(recap.ui.autosave), and at once when the user switches event or talk,
moves focus elsewhere, closes the window or quits. A field that is not valid
(an empty title, an end before the start) is shown at the field and not
written until fixed; everything else still is.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import EventRecord, EventSummary, SearchMatch, SessionRecord
from recap.domain.search_text import SearchTerm, parse_query
from recap.errors import EditConflict, NotFound
from recap.ui.attachment_strip import AttachmentStrip
from recap.ui.autosave import EVENT_FIELDS, QA_ENTRIES, SESSION_FIELDS, Autosave
from recap.ui.conflict_dialog import (
    keep_deleted_event,
    keep_deleted_talk,
    resolve_event,
    resolve_talk,
)
from recap.ui.event_attachments import EventAttachments
from recap.ui.event_form import EventForm
from recap.ui.event_pictures import EventPictures
from recap.ui.markdown_editor import MarkdownEditor
from recap.ui.markdown_text_edit import MarkdownTextEdit
from recap.ui.search_marks import search_selections
from recap.ui.session_commands import SessionCommands
from recap.ui.session_editor import SessionEditor
from recap.ui.session_panel import SessionPanel
from recap.ui.window_state import panel_shown, save_panel_shown

if TYPE_CHECKING:
    from recap.ui.library_controller import LibraryController


class EventEditor(QWidget):
    """Signals tell the main window what changed so that it can refresh the list,
    the tag counts and the calendar. Every read and write goes through the library
    controller, which reports its problems itself; a write that failed stays pending."""

    eventSaved = Signal(object)  # EventSummary
    # The event someone else deleted while it was written is kept as this new one (its id).
    eventReplaced = Signal(int)
    tagsChanged = Signal()
    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: LibraryController | None = None
        self.record: EventRecord | None = None
        self.sessions: dict[int, SessionRecord] = {}
        self.current_session_id = 0
        self.search_terms: list[SearchTerm] = []
        self.read_only = False
        self._locked_controls: list[QWidget] = []
        self.autosave = Autosave(
            {
                EVENT_FIELDS: self._save_event_fields,
                SESSION_FIELDS: self._save_session_fields,
                QA_ENTRIES: self._save_qa,
            },
            self,
        )

        self.form = EventForm()
        self.summary_editor = MarkdownEditor()
        self.summary_editor.set_placeholder(
            self.tr("Your overall notes and impressions of the event, in markdown")
        )
        self.session_panel = SessionPanel()
        self.session_editor = SessionEditor()
        self.no_session_label = QLabel(
            self.tr("No sessions yet.\nAdd one with + for each talk you attended.")
        )
        self.no_session_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_session_label.setObjectName("hint")

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.session_editor)
        detail_layout.addWidget(self.no_session_label)
        self.sessions_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.sessions_splitter.setObjectName("sessionsSplitter")
        self.sessions_splitter.addWidget(self.session_panel)
        self.sessions_splitter.addWidget(detail)
        self.sessions_splitter.setStretchFactor(1, 1)
        self.sessions_splitter.setSizes([170, 650])

        self.tabs = QTabWidget()
        self.tabs.setObjectName("eventTabs")
        self.tabs.addTab(self.sessions_splitter, self.tr("Sessions"))
        self.tabs.addTab(self.summary_editor, self.tr("Summary"))
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form)
        body_layout.addWidget(self.tabs, 1)
        self._build_attachments()
        body_layout.addWidget(self.attachment_strip)
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

        self.autosave.saved.connect(self.saved)
        self.form.edited.connect(lambda: self.autosave.edited(EVENT_FIELDS))
        self.summary_editor.textEdited.connect(lambda: self.autosave.edited(EVENT_FIELDS))
        self.session_editor.fieldsEdited.connect(lambda: self.autosave.edited(SESSION_FIELDS))
        self.session_editor.qaEdited.connect(lambda: self.autosave.edited(QA_ENTRIES))
        self.session_panel.currentChanged.connect(self._on_current_session_changed)
        self.session_commands = SessionCommands(self)
        self.session_panel.reordered.connect(self.session_commands.store_dragged_order)
        self.session_panel.addRequested.connect(self.session_commands.add)
        self.session_panel.deleteRequested.connect(self.session_commands.delete_current)
        self.session_panel.moveRequested.connect(self.session_commands.move_current)
        self.setEnabled(False)

    def _build_attachments(self) -> None:
        """The event's pictures and files: the strip, and both markdown fields' paste,
        drop and preview pictures."""
        self.pictures = EventPictures(self)
        self.attachment_strip = AttachmentStrip(self.pictures)
        self.attachment_strip.set_folded(not panel_shown("attachments"))
        self.attachment_strip.foldedChanged.connect(
            lambda folded: save_panel_shown("attachments", not folded)
        )
        self.attachments = EventAttachments(
            self.attachment_strip,
            self.pictures,
            save_edits=self.save_now,
            reload_texts=lambda: self.load_event(self.current_event_id(), self.current_session_id),
            target=self.markdown_target,
            parent=self,
        )
        for editor in (self.summary_editor, self.session_editor.notes_editor):
            editor.preview.picture_source = self.pictures.preview_image
            editor.text_edit.offer_handler = self.attachments.offer
            self.pictures.picturesChanged.connect(editor.refresh_preview)

    def markdown_target(self) -> MarkdownTextEdit | None:
        """Where Insert › Picture or File… types: the summary on its tab, else the notes
        of the talk shown (the summary when there is none)."""
        if self.record is None:
            return None
        if self.tabs.currentIndex() == 0 and self.current_session_id in self.sessions:
            self.session_editor.tabs.setCurrentIndex(SessionEditor.NOTES_TAB)
            return self.session_editor.notes_editor.text_edit
        self.tabs.setCurrentWidget(self.summary_editor)
        return self.summary_editor.text_edit

    # -- loading ---------------------------------------------------------------

    def set_controller(self, controller: "LibraryController") -> None:
        self.controller = controller
        self.attachments.set_controller(controller)
        self.refresh_choices()

    def refresh_choices(self) -> None:
        if self.controller is not None:
            tag_names = [tag.name for tag in self.controller.tag_counts()]
            self.form.set_choices(self.controller.category_names(), tag_names)
            speakers = self.controller.attempt(lambda library: library.speaker_counts(), quiet=True)
            self.session_editor.set_speaker_names([count.name for count in speakers or []])

    def load_event(self, event_id: int, session_id: int = 0) -> None:
        """Show an event (0 for none), saving what was being edited first."""
        self.save_now()
        self.record = None
        if self.controller is not None and event_id:
            self.record = self.controller.event_record(event_id)  # None: show nothing, not the last
        self.attachments.load(self.record.id or 0 if self.record is not None else 0)
        if self.record is None:
            self.setEnabled(False)
            self._show_sessions([], 0)
            self.pages.setCurrentWidget(self.nothing_label)
            return
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
                self.session_panel.select(session_id)
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
        self._show_session(self.session_panel.show_sessions(sessions, select_id))
        self._update_tab_title()

    def _show_session(self, session_id: int) -> None:
        self.current_session_id = session_id
        record = self.sessions.get(session_id)
        self.session_editor.setVisible(record is not None)
        self.no_session_label.setVisible(record is None)
        self.session_panel.set_session_buttons_enabled(record is not None)
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
        self.autosave.set_delay(milliseconds)

    def set_date_style(self, style: str, language: str) -> None:
        self.form.set_date_style(style, language)

    def set_preview_placement(self, placement: str) -> None:
        for editor in (self.summary_editor, self.session_editor.notes_editor):
            editor.set_preview_placement(placement)

    def set_line_breaks(self, line_breaks: str) -> None:
        """How the summary's and the notes' previews show single line breaks."""
        for editor in (self.summary_editor, self.session_editor.notes_editor):
            editor.set_line_breaks(line_breaks)

    def set_read_only(self, read_only: bool) -> None:
        """A library open in another window is shown, not edited: its text can
        still be read, scrolled, selected and copied, and sessions switched."""
        self.read_only = read_only
        self.autosave.read_only = read_only
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
        self.session_panel.set_read_only(locked)
        self.attachments.set_read_only(locked)

    def discard_changes(self) -> None:
        """Forget pending edits (the event is about to be deleted)."""
        self.autosave.forget()
        self.session_editor.links_editor.discard_drafts()

    def has_unsaved_changes(self) -> bool:
        """Edits not written yet, including a link that still waits for its address."""
        return self.autosave.has_unsaved_changes() or self.session_editor.links_editor.has_drafts()

    def save_now(self) -> bool:
        """Write every pending change; True when nothing is left unsaved."""
        if self.controller is None or self.record is None:
            return True
        self.attachments.finish()  # a picture still being stored is in before anything else
        return self.autosave.save_now() and not self.has_unsaved_changes()

    def _save_event_fields(self) -> bool:
        assert self.controller is not None and self.record is not None
        all_valid = self.form.validate()
        updated = self.form.apply_to(self.record)
        updated.summary = self.summary_editor.markdown() or None
        tags_changed = updated.tags != self.record.tags or updated.category != self.record.category
        saved = self.controller.update_event(updated)
        if isinstance(saved, EditConflict):
            return resolve_event(self, updated, saved) and all_valid
        if isinstance(saved, NotFound):
            return keep_deleted_event(self, updated) and all_valid
        if not saved:
            return False  # what was typed stays here, to be saved again
        self.record = updated
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
        return all_valid  # an invalid field still waits to be saved

    def _save_session_fields(self) -> bool:
        assert self.controller is not None
        record = self.sessions.get(self.current_session_id)
        if record is None:
            return True
        all_valid = self.session_editor.validate()
        updated = self.session_editor.apply_to(record)
        saved = self.controller.update_session_unless_gone(updated)
        if isinstance(saved, EditConflict):
            return resolve_talk(self, updated, saved) and all_valid
        if isinstance(saved, NotFound):
            return keep_deleted_talk(self, updated) and all_valid
        if not saved:
            return False
        self.sessions[self.current_session_id] = updated
        self.session_panel.session_list.renumber(self.sessions)
        return all_valid  # an invalid field still waits to be saved

    def _save_qa(self) -> bool:
        assert self.controller is not None
        record = self.sessions.get(self.current_session_id)
        if record is None:
            return True
        records = self.session_editor.qa_editor.records()
        merged = self.controller.merge_qa_entries(self.current_session_id, records, record.qa)
        if merged is None:
            return False
        if merged.stored is not None:  # someone else's changes were kept: show them too
            record.qa = merged.stored
            self.session_editor.qa_editor.set_entries(merged.stored)
            return True
        self.session_editor.qa_editor.set_ids(merged.ids)
        for qa_record, qa_id in zip(records, merged.ids, strict=True):
            qa_record.id = qa_id
        record.qa = [entry for entry in records if entry.id is not None]
        return True

    # -- sessions ----------------------------------------------------------------

    def _on_current_session_changed(self, new_id: int) -> None:
        if new_id == self.current_session_id:
            return
        self.save_now()
        self._show_session(new_id)

    def reload_sessions(self, select_id: int) -> None:
        """The talks read again (after one was added, deleted or moved), ``select_id``
        shown."""
        assert self.controller is not None and self.record is not None
        reloaded = self.controller.event_record(self.record.id or 0)
        if reloaded is not None:
            self.record.sessions = reloaded.sessions
        self._show_sessions(self.record.sessions, select_id)
