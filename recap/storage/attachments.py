"""An event's pictures and files inside a caller's transaction.

Bytes are stored once per content (its SHA-256) in ``attachment_contents``; an
``attachments`` row names them within an event. Nothing here reads the bytes unless
asked for them: the list of an event's attachments reads names and sizes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Row, Select, delete, exists, func, select
from sqlalchemy.orm import Session

from recap.domain.attachments import check_unique, clean_name, name_key, unique_name
from recap.domain.fields import fields_of
from recap.domain.records import AttachmentInfo, AttachmentRecord, EventRecord, SessionRecord
from recap.domain.references import recaptioned, refers_to, renamed
from recap.domain.validate import clean_attachment
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from recap.storage.models import Attachment, AttachmentContent, Event, EventSession

# The markdown fields that may refer to attachments, by the records' declared facts.
EVENT_MARKDOWN = tuple(info.name for info in fields_of(EventRecord) if info.kind == "markdown")
SESSION_MARKDOWN = tuple(info.name for info in fields_of(SessionRecord) if info.kind == "markdown")


@dataclass(frozen=True)
class AttachmentUse:
    """A markdown field that refers to an attachment: the event's own (``session_id``
    None) or a talk's."""

    field: str  # "summary", "notes"
    session_id: int | None
    session_title: str | None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def info_query() -> Select[int, int, str, str, str | None, int, str]:
    return select(
        Attachment.id,
        Attachment.event_id,
        Attachment.name,
        Attachment.media_type,
        Attachment.caption,
        AttachmentContent.size,
        Attachment.content_sha256,
    ).join(AttachmentContent, AttachmentContent.sha256 == Attachment.content_sha256)


def info_of(row: Row[int, int, str, str, str | None, int, str]) -> AttachmentInfo:
    row_id, event_id, name, media_type, caption, size, sha256 = row
    return AttachmentInfo(row_id, event_id, name, media_type, caption, size, sha256)


def attachment_infos(db: Session, event_id: int) -> list[AttachmentInfo]:
    rows = db.execute(
        info_query().where(Attachment.event_id == event_id).order_by(Attachment.position)
    )
    return [info_of(row) for row in rows]


def attachment_info(db: Session, attachment_id: int) -> AttachmentInfo:
    row = db.execute(info_query().where(Attachment.id == attachment_id)).one_or_none()
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("RecapError", "There is no attachment with id {id}."),
            id=attachment_id,
        )
    return info_of(row)


def content(db: Session, sha256: str) -> bytes:
    data = db.scalar(select(AttachmentContent.data).where(AttachmentContent.sha256 == sha256))
    if data is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("RecapError", "The library holds no file with the hash {sha256}."),
            sha256=sha256,
        )
    return bytes(data)


def store_content(db: Session, data: bytes) -> str:
    """The content's hash, its bytes stored unless the library has them already."""
    sha256 = digest(data)
    if db.get(AttachmentContent, sha256) is None:
        db.add(AttachmentContent(sha256=sha256, size=len(data), data=data))
        db.flush()
    return sha256


def add_attachment(db: Session, event: Event, record: AttachmentRecord) -> Attachment:
    """Attach a (checked) file to an event after its other attachments."""
    cleaned = clean_attachment(record)
    taken = db.scalars(select(Attachment.name_key).where(Attachment.event_id == event.id))
    if name_key(cleaned.name) in set(taken):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The event already has an attachment named “{name}”."),
            name=cleaned.name,
        )
    last = db.scalar(select(func.max(Attachment.position)).where(Attachment.event_id == event.id))
    row = new_row(cleaned, store_content(db, cleaned.data), 0 if last is None else last + 1)
    row.event_id = event.id
    db.add(row)
    db.flush()
    return row


def new_row(record: AttachmentRecord, sha256: str, position: int) -> Attachment:
    return Attachment(
        position=position,
        name=record.name,
        name_key=name_key(record.name),
        media_type=record.media_type,
        caption=record.caption,
        content_sha256=sha256,
    )


def attach_all(db: Session, event: Event, records: Sequence[AttachmentRecord]) -> None:
    """A new event's attachments, all checked first (names unique)."""
    cleaned = [clean_attachment(record) for record in records]
    check_unique(record.name for record in cleaned)
    event.attachments = [
        new_row(record, store_content(db, record.data), position)
        for position, record in enumerate(cleaned)
    ]


def records_for(db: Session, event_ids: Sequence[int]) -> dict[int, list[AttachmentRecord]]:
    """The events' attachments with their bytes, in stored order."""
    found: dict[int, list[AttachmentRecord]] = {event_id: [] for event_id in event_ids}
    rows = db.execute(
        select(
            Attachment.event_id,
            Attachment.id,
            Attachment.name,
            Attachment.media_type,
            Attachment.caption,
            AttachmentContent.data,
        )
        .join(AttachmentContent, AttachmentContent.sha256 == Attachment.content_sha256)
        .where(Attachment.event_id.in_(event_ids))
        .order_by(Attachment.event_id, Attachment.position)
    )
    for event_id, row_id, name, media_type, caption, data in rows:
        found[event_id].append(
            AttachmentRecord(
                id=row_id, name=name, media_type=media_type, data=bytes(data), caption=caption
            )
        )
    return found


def delete_unused_contents(db: Session, hashes: Iterable[str] | None = None) -> None:
    """Forget bytes no attachment holds any more (those of ``hashes``, or any)."""
    used = exists().where(Attachment.content_sha256 == AttachmentContent.sha256)
    statement = delete(AttachmentContent).where(~used)
    if hashes is not None:
        statement = statement.where(AttachmentContent.sha256.in_(list(hashes)))
    db.execute(statement)


def get_row(db: Session, attachment_id: int) -> Attachment:
    row = db.get(Attachment, attachment_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("RecapError", "There is no attachment with id {id}."),
            id=attachment_id,
        )
    return row


def rename(db: Session, attachment_id: int, new_name: str) -> list[EventSession]:
    """Rename an attachment and every reference to it in its event's markdown; returns
    the talks whose notes changed (the event's own text may have too)."""
    row = get_row(db, attachment_id)
    name = clean_name(new_name)
    others = db.scalars(
        select(Attachment.name_key).where(
            Attachment.event_id == row.event_id, Attachment.id != row.id
        )
    )
    if name_key(name) in set(others):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The event already has an attachment named “{name}”."),
            name=name,
        )
    old = row.name
    row.name, row.name_key = name, name_key(name)
    return _rewrite_markdown(db, row.event_id, lambda text: renamed(text, old, name))


def set_caption(db: Session, attachment_id: int, caption: str | None) -> list[EventSession]:
    """A new caption; pictures shown with no caption or the old one show the new one."""
    row = get_row(db, attachment_id)
    new = (caption or "").strip() or None
    old, row.caption = row.caption, new
    return _rewrite_markdown(db, row.event_id, lambda text: recaptioned(text, row.name, old, new))


def _rewrite_markdown(
    db: Session, event_id: int, change: Callable[[str | None], str | None]
) -> list[EventSession]:
    event = db.get(Event, event_id)
    assert event is not None
    for field in EVENT_MARKDOWN:
        setattr(event, field, change(getattr(event, field)))
    changed = []
    for talk in event.sessions:
        before = [getattr(talk, field) for field in SESSION_MARKDOWN]
        for field in SESSION_MARKDOWN:
            setattr(talk, field, change(getattr(talk, field)))
        if before != [getattr(talk, field) for field in SESSION_MARKDOWN]:
            changed.append(talk)
    return changed


def uses(db: Session, attachment_id: int) -> list[AttachmentUse]:
    """Where the attachment's event refers to it by name."""
    row = get_row(db, attachment_id)
    event = db.get(Event, row.event_id)
    assert event is not None
    found = [
        AttachmentUse(field, None, None)
        for field in EVENT_MARKDOWN
        if refers_to(getattr(event, field), row.name)
    ]
    for talk in event.sessions:
        found += [
            AttachmentUse(field, talk.id, talk.title)
            for field in SESSION_MARKDOWN
            if refers_to(getattr(talk, field), row.name)
        ]
    return found


def delete_attachment(db: Session, attachment_id: int) -> None:
    row = get_row(db, attachment_id)
    sha256 = row.content_sha256
    db.delete(row)
    db.flush()
    delete_unused_contents(db, [sha256])


def available_name(db: Session, event_id: int, wanted: str) -> str:
    """``wanted``, numbered when the event has that name already."""
    taken = db.scalars(select(Attachment.name).where(Attachment.event_id == event_id))
    return unique_name(clean_name(wanted), taken)
