"""The library's methods for an event's pictures and files (mixed into `Library`).

Each method is one transaction, as every other method of the library. The bytes
are read only by `attachment_content` (and by whole-event reads meant for an
export or a dump): the editor lists names, sizes and hashes.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from recap.domain.records import AttachmentInfo, AttachmentRecord
from recap.errors import QT_TRANSLATE_NOOP, NotFound, Sentence
from recap.storage import attachments, search
from recap.storage.attachments import AttachmentUse
from recap.storage.failures import READING, SAVING
from recap.storage.models import Event, EventSession

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class AttachmentMethods:
    if TYPE_CHECKING:

        def _transaction(self, doing: Sentence = SAVING) -> AbstractContextManager[Session]: ...

    def attachments(self, event_id: int) -> list[AttachmentInfo]:
        """An event's attachments in the order they were added, without their bytes."""
        with self._transaction(READING) as db:
            return attachments.attachment_infos(db, event_id)

    def attachment_content(self, sha256: str) -> bytes:
        """The bytes stored under a content hash (any attachment's with that hash)."""
        with self._transaction(READING) as db:
            return attachments.content(db, sha256)

    def add_attachment(self, event_id: int, record: AttachmentRecord) -> AttachmentInfo:
        """Attach a picture or file to an event; its name must be free in the event
        (`available_attachment_name` finds one)."""
        with self._transaction() as db:
            event = db.get(Event, event_id)
            if event is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("RecapError", "There is no {kind} with id {id}."),
                    kind=Sentence(QT_TRANSLATE_NOOP("RecapError", "event")),
                    id=event_id,
                )
            row = attachments.add_attachment(db, event, record)
            return attachments.attachment_info(db, row.id)

    def available_attachment_name(self, event_id: int, wanted: str) -> str:
        with self._transaction(READING) as db:
            return attachments.available_name(db, event_id, wanted)

    def rename_attachment(self, attachment_id: int, new_name: str) -> AttachmentInfo:
        """A new name; every reference in the event's markdown follows it."""
        with self._transaction() as db:
            changed = attachments.rename(db, attachment_id, new_name)
            self._reindex_rewritten(db, attachment_id, changed)
            return attachments.attachment_info(db, attachment_id)

    def set_attachment_caption(self, attachment_id: int, caption: str | None) -> AttachmentInfo:
        with self._transaction() as db:
            changed = attachments.set_caption(db, attachment_id, caption)
            self._reindex_rewritten(db, attachment_id, changed)
            return attachments.attachment_info(db, attachment_id)

    def attachment_uses(self, attachment_id: int) -> list[AttachmentUse]:
        """Where the event's summary and notes refer to the attachment."""
        with self._transaction(READING) as db:
            return attachments.uses(db, attachment_id)

    def delete_attachment(self, attachment_id: int) -> None:
        """Remove an attachment (references to it stay in the text, shown as missing)."""
        with self._transaction() as db:
            attachments.delete_attachment(db, attachment_id)

    @staticmethod
    def _reindex_rewritten(db: Session, attachment_id: int, talks: Sequence[EventSession]) -> None:
        event_id = attachments.get_row(db, attachment_id).event_id
        search.reindex_event_texts(db, [event_id])
        for talk in talks:
            search.reindex_session(db, talk)
