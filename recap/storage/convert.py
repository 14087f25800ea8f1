"""Turn stored rows into the plain records the rest of the app reads."""

from typing import cast

from recap.domain.records import EventRecord, LinkRecord, QAKind, QARecord, SessionRecord
from recap.storage.models import Event, EventSession, Link, QAEntry


def link_record(link: Link) -> LinkRecord:
    return LinkRecord(id=link.id, label=link.label, url=link.url)


def qa_record(entry: QAEntry) -> QARecord:
    return QARecord(
        id=entry.id,
        kind=cast(QAKind, entry.kind),
        question=entry.question,
        answer=entry.answer,
        resolved=entry.resolved,
    )


def session_record(talk: EventSession) -> SessionRecord:
    return SessionRecord(
        id=talk.id,
        title=talk.title,
        speaker=talk.speaker,
        affiliation=talk.affiliation,
        impression=talk.impression,
        notes=talk.notes,
        links=[link_record(link) for link in talk.links],
        qa=[qa_record(entry) for entry in talk.qa_entries],
    )


def event_record(event: Event) -> EventRecord:
    return EventRecord(
        id=event.id,
        title=event.title,
        start_date=event.start_date,
        end_date=event.end_date,
        venue=event.venue,
        host=event.host,
        url=event.url,
        found_via=event.found_via,
        category=event.category.name if event.category else None,
        tags=[link.tag.name for link in event.tag_links],
        summary=event.summary,
        sessions=[session_record(talk) for talk in event.sessions],
    )
