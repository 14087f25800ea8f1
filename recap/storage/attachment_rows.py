"""Attachment rows made from records and records from rows, their bytes stored once."""

import hashlib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from recap.domain.attachments import AttachmentRecord, clean_caption, name_key
from recap.storage.models import Attachment, Blob


def attachment_record(row: Attachment, with_data: bool = False) -> AttachmentRecord:
    return AttachmentRecord(
        id=row.id,
        name=row.name,
        media_type=row.media_type,
        caption=row.caption,
        size=row.blob.size,
        data=row.blob.data if with_data else None,
    )


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_blob(db: Session, data: bytes) -> Blob:
    """The stored bytes equal to ``data``, stored now if they were not."""
    digest = content_hash(data)
    blob = db.scalars(select(Blob).where(Blob.sha256 == digest)).one_or_none()
    if blob is None:
        blob = Blob(sha256=digest, size=len(data), data=data)
        db.add(blob)
    return blob


def new_attachments(db: Session, records: Sequence[AttachmentRecord]) -> list[Attachment]:
    """Rows for attachments already checked (a whole event being stored)."""
    rows = []
    for position, record in enumerate(records):
        assert record.data is not None
        rows.append(
            Attachment(
                position=position,
                name=record.name,
                name_key=name_key(record.name),
                media_type=record.media_type,
                caption=clean_caption(record.caption),
                blob=find_blob(db, record.data),
            )
        )
    return rows
