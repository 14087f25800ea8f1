"""Writing events, talks, Q&A entries, links and tags inside a caller's transaction."""

from collections.abc import Sequence

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from recap.domain.fields import column_values
from recap.domain.publications import check_unique_platforms, clean_publication, platform_key
from recap.domain.records import (
    EventRecord,
    LinkRecord,
    PublicationRecord,
    QARecord,
    SessionRecord,
)
from recap.domain.tags import clean_tag, tag_key
from recap.domain.validate import clean_event, clean_qa, clean_session
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput
from recap.storage.attachments import attach_all
from recap.storage.models import (
    Category,
    Event,
    EventSession,
    EventTag,
    Link,
    Publication,
    QAEntry,
    Tag,
)


def find_or_create_tag(db: Session, name: str) -> Tag:
    """The stored tag with this name's key; a new one keeps this spelling."""
    key = tag_key(name)
    tag = db.scalars(select(Tag).where(Tag.key == key)).one_or_none()
    if tag is None:
        tag = Tag(name=name, key=key)
        db.add(tag)
        db.flush()
    return tag


def find_or_create_category(db: Session, name: str | None) -> Category | None:
    if name is None:
        return None
    category = db.scalars(select(Category).where(Category.name == name)).one_or_none()
    if category is None:
        category = Category(name=name)
        db.add(category)
        db.flush()
    return category


def delete_unused_tags(db: Session) -> None:
    used = exists().where(EventTag.tag_id == Tag.id)
    db.execute(delete(Tag).where(~used))


def apply_event_fields(db: Session, event: Event, record: EventRecord) -> None:
    """Copy an event's own fields and tags from ``record`` (already cleaned)."""
    set_columns(event, record, EventRecord)
    event.category = find_or_create_category(db, record.category)
    kept = {link.tag_id: link for link in event.tag_links}
    links = []
    for position, name in enumerate(record.tags):
        tag = find_or_create_tag(db, name)
        link = kept.get(tag.id) or EventTag(tag=tag)
        link.position = position
        links.append(link)
    # Assigning the collection diffs it: dropped tags are deleted, kept ones stay.
    event.tag_links = links


def set_columns(row: object, record: object, record_type: type) -> None:
    """Copy the fields kept in columns of the same name from a (cleaned) record."""
    for name, value in column_values(record, record_type).items():
        setattr(row, name, value)


def replace_links(talk: EventSession, links: Sequence[LinkRecord]) -> None:
    talk.links = [
        Link(position=position, **column_values(link, LinkRecord))
        for position, link in enumerate(links)
    ]


def new_qa_entry(record: QARecord, position: int) -> QAEntry:
    entry = QAEntry(position=position)
    apply_qa_fields(entry, record)
    return entry


def apply_qa_fields(entry: QAEntry, record: QARecord) -> None:
    set_columns(entry, record, QARecord)


def apply_session_fields(talk: EventSession, record: SessionRecord) -> None:
    set_columns(talk, record, SessionRecord)
    replace_links(talk, record.links)


def new_session(record: SessionRecord, position: int) -> EventSession:
    """A talk with its links and Q&A entries, all checked."""
    cleaned = clean_session(record)
    talk = EventSession(position=position)
    apply_session_fields(talk, cleaned)
    talk.qa_entries = [
        new_qa_entry(clean_qa(entry), index) for index, entry in enumerate(record.qa)
    ]
    return talk


def insert_event(db: Session, record: EventRecord) -> Event:
    """Store a whole event with its talks; raises InvalidInput before writing anything bad."""
    cleaned = clean_event(record)
    sessions = [new_session(talk, index) for index, talk in enumerate(record.sessions)]
    publications = [clean_publication(entry) for entry in record.publications]
    check_unique_platforms(publications)
    event = Event()
    db.add(event)
    apply_event_fields(db, event, cleaned)
    event.sessions = sessions
    attach_all(db, event, record.attachments)
    event.publications = [new_publication(entry) for entry in publications]
    db.flush()
    return event


def publication_columns(record: PublicationRecord) -> dict[str, object]:
    """A (cleaned) publication's columns, its platform's key among them."""
    return {**column_values(record, PublicationRecord), "key": platform_key(record.platform)}


def new_publication(record: PublicationRecord) -> Publication:
    return Publication(**publication_columns(record))


def set_publication(event: Event, record: PublicationRecord) -> Publication:
    """Record where ``event`` was posted: the publication on the same platform (case-blind)
    is updated, keeping its place; else one is added."""
    cleaned = clean_publication(record)
    key = platform_key(cleaned.platform)
    for row in event.publications:
        if row.key == key:
            for name, value in publication_columns(cleaned).items():
                setattr(row, name, value)
            return row
    row = new_publication(cleaned)
    event.publications.append(row)
    return row


def remove_publication(event: Event, platform: str) -> bool:
    """Forget where ``event`` was posted on ``platform``; False when it was not."""
    key = platform_key(platform)
    kept = [row for row in event.publications if row.key != key]
    removed = len(kept) != len(event.publications)
    event.publications = kept
    return removed


def rename_tag(db: Session, old: str, new: str) -> list[int]:
    """Rename a tag, merging it into the tag ``new`` names if there is one.
    Returns the ids of the events whose tags changed."""
    tag = find_tag(db, old)
    new_name = clean_tag(new)
    new_key = new_name.casefold()
    links = list(db.scalars(select(EventTag).where(EventTag.tag_id == tag.id)))
    event_ids = [link.event_id for link in links]
    target = db.scalars(select(Tag).where(Tag.key == new_key)).one_or_none()
    if target is None or target.id == tag.id:
        tag.name = new_name
        tag.key = new_key
        return event_ids
    already = set(db.scalars(select(EventTag.event_id).where(EventTag.tag_id == target.id)))
    for link in links:
        if link.event_id in already:
            db.delete(link)
        else:
            db.add(EventTag(event_id=link.event_id, tag_id=target.id, position=link.position))
            db.delete(link)
    db.flush()
    db.delete(tag)
    return event_ids


def delete_tag(db: Session, name: str) -> list[int]:
    """Remove a tag from every event; returns the ids of those events."""
    tag = find_tag(db, name)
    event_ids = list(db.scalars(select(EventTag.event_id).where(EventTag.tag_id == tag.id)))
    db.execute(delete(EventTag).where(EventTag.tag_id == tag.id))
    db.delete(tag)
    return event_ids


def raise_versions(db: Session, event_ids: list[int]) -> None:
    """Events changed by a write that is not their own save (a tag renamed, merged or
    removed): a window that read one before must not save over the change unasked."""
    for start in range(0, len(event_ids), 500):
        chosen = Event.id.in_(event_ids[start : start + 500])
        db.execute(update(Event).where(chosen).values(version=Event.version + 1))


def find_tag(db: Session, name: str) -> Tag:
    tag = db.scalars(select(Tag).where(Tag.key == tag_key(name))).one_or_none()
    if tag is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "There is no tag “{name}” in this library."),
            name=name.strip(),
        )
    return tag
