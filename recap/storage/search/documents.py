"""Which text is indexed: one document for an event's own fields, one per talk, one per
Q&A entry, each made from the fields the records declare searchable."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from recap.domain.fields import searchable_text
from recap.domain.hangul import initials_words
from recap.domain.records import MatchKind
from recap.storage.convert import event_fields_record, session_record
from recap.storage.models import Event, EventSession
from recap.storage.search.tables import PADDING, SEPARATOR


def indexed_text(body: str) -> str:
    """What the index holds for a document: its text, then its words' initials."""
    return body + SEPARATOR + initials_words(body) + PADDING


@dataclass(frozen=True)
class Document:
    start: dt.date  # the event's start date
    kind: MatchKind
    ref_id: int  # the event's, session's or Q&A entry's id
    event_id: int
    body: str


def event_document(event: Event) -> Document:
    """The event's own text (not its sessions')."""
    body = searchable_text(event_fields_record(event))
    return Document(event.start_date, "event", event.id, event.id, body)


def event_documents(event: Event) -> Iterator[Document]:
    yield event_document(event)
    for talk in event.sessions:
        yield from session_documents(event.start_date, talk)


def session_documents(start: dt.date, talk: EventSession) -> Iterator[Document]:
    """A session's document and its Q&A entries' documents."""
    record = session_record(talk)
    yield Document(start, "session", talk.id, talk.event_id, searchable_text(record))
    for entry in record.qa:
        assert entry.id is not None
        yield Document(start, "qa", entry.id, talk.event_id, searchable_text(entry))
