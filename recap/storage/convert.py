"""Turn stored rows into the plain records the rest of the app reads.

Fields kept in a column of the same name are copied by their declared facts
(recap.domain.fields); the rest (category, tags, children) are named here.
"""

from recap.domain.fields import column_values
from recap.domain.records import (
    EventRecord,
    LinkRecord,
    PublicationRecord,
    QARecord,
    SessionRecord,
)
from recap.storage.models import Event, EventSession, Link, Publication, QAEntry


def link_record(link: Link) -> LinkRecord:
    return LinkRecord(id=link.id, **column_values(link, LinkRecord))


def qa_record(entry: QAEntry) -> QARecord:
    return QARecord(id=entry.id, **column_values(entry, QARecord))


def session_record(talk: EventSession) -> SessionRecord:
    return SessionRecord(
        id=talk.id,
        version=talk.version,
        **column_values(talk, SessionRecord),
        links=[link_record(link) for link in talk.links],
        qa=[qa_record(entry) for entry in talk.qa_entries],
    )


def publication_record(row: Publication) -> PublicationRecord:
    return PublicationRecord(id=row.id, **column_values(row, PublicationRecord))


def event_fields_record(event: Event) -> EventRecord:
    """The event's own fields, without its sessions."""
    return EventRecord(
        id=event.id,
        version=event.version,
        **column_values(event, EventRecord),
        category=event.category.name if event.category else None,
        tags=[link.tag.name for link in event.tag_links],
        publications=[publication_record(row) for row in event.publications],
    )


def event_record(event: Event) -> EventRecord:
    record = event_fields_record(event)
    record.sessions = [session_record(talk) for talk in event.sessions]
    return record
