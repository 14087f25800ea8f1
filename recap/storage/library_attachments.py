"""The library's door to an event's pictures and files (see recap.domain.attachments).

An attachment's bytes are stored once per content (``blobs``) and read only when
asked for; its name is unique within the event, case aside. Renaming one rewrites
the references in the event's summary and its talks' notes in the same transaction.
"""

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from recap.domain.attachment_links import referenced_names, renamed_references
from recap.domain.attachments import (
    AttachmentRecord,
    check_content,
    check_name,
    clean_caption,
    guessed_type,
    name_key,
    unique_name,
)
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from recap.storage import search
from recap.storage.attachment_rows import attachment_record, find_blob
from recap.storage.library_base import LibraryBase
from recap.storage.models import Attachment, Blob, Event


class AttachmentMethods(LibraryBase):
    def attachments(self, event_id: int) -> list[AttachmentRecord]:
        """The event's attachments in the order they were added, without their bytes."""
        with self._reading() as db:
            return [attachment_record(row) for row in self._get(db, Event, event_id).attachments]

    def attachment_data(self, event_id: int, name: str) -> bytes:
        with self._reading() as db:
            row = _find(db, event_id, name)
            return db.execute(select(Blob.data).where(Blob.id == row.blob_id)).scalar_one()

    def add_attachment(
        self,
        event_id: int,
        wanted_name: str,
        data: bytes,
        media_type: str | None = None,
        caption: str | None = None,
    ) -> AttachmentRecord:
        """Attach ``data`` under ``wanted_name``, numbered when the event has that name
        already; returns the attachment as stored (its name may differ)."""
        name = check_name(wanted_name)
        media_type = check_content(name, media_type or guessed_type(name, data), data)
        with self._transaction() as db:
            event = self._get(db, Event, event_id)
            name = unique_name(name, [row.name for row in event.attachments])
            row = Attachment(
                name=name,
                name_key=name_key(name),
                media_type=media_type,
                caption=clean_caption(caption),
                blob=find_blob(db, data),
                position=len(event.attachments),
            )
            event.attachments.append(row)
            db.flush()
            return attachment_record(row)

    def rename_attachment(self, event_id: int, old: str, new: str) -> AttachmentRecord:
        """Give an attachment a new name; the notes that show it follow."""
        new = check_name(new)
        with self._transaction() as db:
            row = _find(db, event_id, old)
            clash = db.scalar(
                select(Attachment.id).where(
                    Attachment.event_id == event_id,
                    Attachment.name_key == name_key(new),
                    Attachment.id != row.id,
                )
            )
            if clash is not None:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "RecapError", "The event already has an attachment named “{name}”."
                    ),
                    name=new,
                )
            old_name, row.name, row.name_key = row.name, new, name_key(new)
            event = self._get(db, Event, event_id)
            if old_name in referenced_names(event.summary):
                event.summary = renamed_references(event.summary or "", old_name, new)
                search.reindex_event_texts(db, [event_id])
            for talk in event.sessions:
                if old_name in referenced_names(talk.notes):
                    talk.notes = renamed_references(talk.notes or "", old_name, new)
                    search.reindex_session(db, talk)
            db.flush()
            return attachment_record(row)

    def set_attachment_caption(self, event_id: int, name: str, caption: str | None) -> None:
        with self._transaction() as db:
            _find(db, event_id, name).caption = clean_caption(caption)

    def delete_attachment(self, event_id: int, name: str) -> None:
        """Remove an attachment (its bytes too, when no other attachment holds them)."""
        with self._transaction() as db:
            row = _find(db, event_id, name)
            event = self._get(db, Event, event_id)
            event.attachments = [other for other in event.attachments if other is not row]
            for position, other in enumerate(event.attachments):
                other.position = position
            db.flush()
            delete_unused_blobs(db)


def _find(db: Session, event_id: int, name: str) -> Attachment:
    row = db.scalars(
        select(Attachment).where(
            Attachment.event_id == event_id, Attachment.name_key == name_key(name)
        )
    ).one_or_none()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("RecapError", "The event has no attachment named “{name}”."),
            name=name,
        )
    return row


def delete_unused_blobs(db: Session) -> None:
    """Bytes no attachment holds any more (after an attachment or an event went)."""
    used = exists().where(Attachment.blob_id == Blob.id)
    db.execute(delete(Blob).where(~used))
