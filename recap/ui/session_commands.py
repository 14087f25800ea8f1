"""The event's talks added, deleted and moved: each saves what is being typed first,
asks before a deletion, and shows the talks again with the right one selected."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from recap.domain.records import SessionRecord
from recap.ui.autosave import QA_ENTRIES, SESSION_FIELDS
from recap.ui.confirm import confirm_deletion

if TYPE_CHECKING:
    from recap.ui.event_editor import EventEditor


class SessionCommands(QObject):
    def __init__(self, editor: "EventEditor") -> None:
        super().__init__(editor)
        self.editor = editor

    def add(self) -> None:
        editor = self.editor
        if editor.controller is None or editor.record is None or editor.record.id is None:
            return
        editor.save_now()
        title = QCoreApplication.translate("EventEditor", "New session")
        session_id = editor.controller.add_session(editor.record.id, SessionRecord(title=title))
        if session_id is None:
            return
        editor.reload_sessions(select_id=session_id)
        editor.tabs.setCurrentIndex(0)
        editor.session_editor.title_edit.setFocus()
        editor.session_editor.title_edit.selectAll()

    def delete_current(self) -> None:
        editor = self.editor
        record = editor.sessions.get(editor.current_session_id)
        if editor.controller is None or record is None or record.id is None:
            return
        if record.qa:
            question = QCoreApplication.translate(
                "EventEditor",
                "Delete the session “{title}” with its notes, links and {count} Q&A entries?",
            ).format(title=record.title, count=len(record.qa))
        else:
            question = QCoreApplication.translate(
                "EventEditor", "Delete the session “{title}” with its notes and links?"
            ).format(title=record.title)
        if not confirm_deletion(
            editor, QCoreApplication.translate("EventEditor", "Delete session"), question
        ):
            return
        editor.save_now()
        session_list = editor.session_panel.session_list
        row = session_list.currentRow()
        if not editor.controller.delete_session(record.id):
            return
        editor.autosave.forget(SESSION_FIELDS, QA_ENTRIES)
        ids = [talk_id for talk_id in session_list.session_ids() if talk_id != record.id]
        editor.reload_sessions(select_id=ids[min(row, len(ids) - 1)] if ids else 0)

    def move_current(self, step: int) -> None:
        editor = self.editor
        session_id = editor.current_session_id
        if editor.controller is None or session_id == 0:
            return
        session_list = editor.session_panel.session_list
        target = session_list.row_of(session_id) + step
        if not 0 <= target < session_list.count():
            return
        editor.save_now()
        if not editor.controller.move_session(session_id, target):
            return
        editor.reload_sessions(select_id=session_id)

    def store_dragged_order(self, session_ids: list[int]) -> None:
        """The user dropped a talk elsewhere in the list: store the new order."""
        editor = self.editor
        if editor.controller is None or editor.record is None or editor.record.id is None:
            return
        editor.controller.reorder_sessions(editor.record.id, session_ids)
        editor.session_panel.session_list.renumber(editor.sessions)
