"""The library: the one door through which the GUI, the CLI and the exporters
read and write events. Every method is one short unit of work (one transaction).
"""

import datetime as dt
import secrets
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Engine, select
from sqlalchemy.orm import Session, selectinload

from recap.domain.records import (
    EventFilter,
    EventRecord,
    EventSummary,
    PublicationRecord,
    SearchHit,
    SessionRecord,
    TagCount,
)
from recap.domain.validate import clean_event, clean_session
from recap.errors import QT_TRANSLATE_NOOP, EditConflict, InvalidInput, NotFound, Sentence
from recap.storage import bulk, change_feed, queries, search, writes
from recap.storage.attachments import delete_unused_contents, records_for
from recap.storage.convert import (
    event_fields_record,
    event_record,
    publication_record,
    session_record,
)
from recap.storage.engine import open_engine
from recap.storage.failures import LOADING, READING, SAVING, storage_errors
from recap.storage.library_attachments import AttachmentMethods
from recap.storage.library_people import PeopleMethods
from recap.storage.library_qa import QAMethods
from recap.storage.library_server import ServerMethods
from recap.storage.location import Location
from recap.storage.models import Event, EventSession, QAEntry

RowT = TypeVar("RowT", Event, EventSession, QAEntry)
# How a missing row is named to the user.
ROW_KINDS = {
    Event: Sentence(QT_TRANSLATE_NOOP("RecapError", "event")),
    EventSession: Sentence(QT_TRANSLATE_NOOP("RecapError", "session")),
    QAEntry: Sentence(QT_TRANSLATE_NOOP("RecapError", "Q&A entry")),
}
ItemT = TypeVar("ItemT", EventSession, QAEntry)


CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "RecapError", "Someone else saved this since you opened it; choose which text to keep."
)


@dataclass(frozen=True)
class LoadResult:
    added: int
    skipped: int


class Library(AttachmentMethods, PeopleMethods, QAMethods, ServerMethods):
    def __init__(self, engine: Engine, location: Location | None) -> None:
        self.engine = engine
        self.location = location
        # Names this library's writes in a server's change notices (change_feed.py).
        self.token = secrets.token_hex(8)
        # The library's file; None for a server's database or a throwaway one.
        self.path = location if isinstance(location, Path) else None

    @property
    def on_server(self) -> bool:
        return isinstance(self.location, URL)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self, doing: Sentence = SAVING) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole. Whatever the driver
        raises inside, through the ORM or straight from its connection (the fast reads
        of queries.py and search.py), comes out as a sentence about ``doing``."""
        with (
            storage_errors(doing),
            Session(self.engine, expire_on_commit=False) as db,
            db.begin(),
        ):
            yield db
            if doing is not READING and self.on_server:
                change_feed.announce(db.connection(), self.token)

    def _reading(self) -> AbstractContextManager[Session]:
        return self._transaction(READING)

    # -- reading -------------------------------------------------------------

    def event_summaries(self, event_filter: EventFilter | None = None) -> list[EventSummary]:
        with self._reading() as db:
            return queries.event_summaries(db, event_filter or EventFilter())

    def event_ids(self, event_filter: EventFilter | None = None) -> list[int]:
        """Ids of the events passing the filter, newest first (the list pages the rest)."""
        with self._reading() as db:
            return queries.event_ids(db, event_filter or EventFilter())

    def summaries_for(self, event_ids: Sequence[int]) -> list[EventSummary]:
        """Rows of the event list for these ids (in no particular order)."""
        with self._reading() as db:
            return queries.event_summaries_by_id(db, list(event_ids))

    def event(self, event_id: int, *, attachments: bool = True) -> EventRecord:
        """A whole event; ``attachments=False`` leaves its pictures and files out (the
        editor lists them with `attachments`, without their bytes)."""
        with self._reading() as db:
            record = event_record(self._get(db, Event, event_id))
            if attachments:
                record.attachments = records_for(db, [event_id])[event_id]
            return record

    def session(self, session_id: int) -> SessionRecord:
        with self._reading() as db:
            return session_record(self._get(db, EventSession, session_id))

    def events(
        self, event_filter: EventFilter | None = None, *, attachments: bool = True
    ) -> Iterator[EventRecord]:
        """Whole events passing the filter, oldest first, loaded in batches."""
        with self._reading() as db:
            ids = queries.matching_event_ids(db, event_filter or EventFilter())
        yield from self.events_with_ids(ids, attachments=attachments)

    def events_with_ids(
        self, ids: Sequence[int], *, attachments: bool = True
    ) -> Iterator[EventRecord]:
        """Whole events, in the order of ``ids``, loaded in batches (with their pictures'
        and files' bytes unless ``attachments`` is False)."""
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            with self._reading() as db:
                loaded = db.scalars(
                    select(Event)
                    .where(Event.id.in_(batch))
                    .options(
                        selectinload(Event.sessions).selectinload(EventSession.links),
                        selectinload(Event.sessions).selectinload(EventSession.qa_entries),
                        selectinload(Event.tag_links),
                        selectinload(Event.publications),
                    )
                )
                by_id = {event.id: event_record(event) for event in loaded}
                if attachments:
                    for event_id, found in records_for(db, list(by_id)).items():
                        by_id[event_id].attachments = found
            # an event deleted since the ids were taken is left out
            yield from (by_id[event_id] for event_id in batch if event_id in by_id)

    def search(
        self, query: str, event_filter: EventFilter | None = None, limit: int = 50
    ) -> list[SearchHit]:
        """The newest ``limit`` events matching every term of ``query`` and the filter."""
        with self._reading() as db:
            return search.search(db, query, event_filter or EventFilter(), limit)

    def event_count(self) -> int:
        with self._reading() as db:
            return queries.event_count(db)

    def tag_counts(self) -> list[TagCount]:
        with self._reading() as db:
            return queries.tag_counts(db)

    def publication_platforms(self) -> list[str]:
        with self._reading() as db:
            return queries.publication_platforms(db)

    def category_names(self) -> list[str]:
        with self._reading() as db:
            return queries.category_names(db)

    def titles_by_day(self, first: dt.date, last: dt.date) -> dict[dt.date, list[str]]:
        with self._reading() as db:
            return queries.titles_by_day(db, first, last)

    # -- events --------------------------------------------------------------

    def create_event(self, record: EventRecord) -> int:
        """Store a new event with its sessions; returns its id."""
        with self._transaction() as db:
            event_id = writes.insert_event(db, record).id
            search.reindex_event(db, event_id)
            return event_id

    def update_event(self, record: EventRecord) -> None:
        """Save an event's own fields and tags (not its sessions). A record read at an
        older version than the stored one is refused (EditConflict): someone else saved
        it meanwhile. On success ``record.version`` is the new one."""
        if record.id is None:
            raise NotFound("The event to update has no id.")
        cleaned = clean_event(record)
        with self._transaction() as db:
            event = self._get(db, Event, record.id, locked=True)
            if record.version is not None and record.version != event.version:
                raise EditConflict(CHANGED_MEANWHILE, theirs=event_fields_record(event))
            event.version += 1
            saved_version = event.version
            indexed_start = event.start_date
            writes.apply_event_fields(db, event, cleaned)
            db.flush()
            writes.delete_unused_tags(db)
            if event.start_date == indexed_start:  # only the event's own text changed
                search.reindex_event_texts(db, [record.id])
            else:  # every document's rowid carries the start date
                search.reindex_event(db, record.id)
        record.version = saved_version  # once committed: a failed save keeps the old one

    def delete_event(self, event_id: int) -> None:
        with self._transaction() as db:
            event = self._get(db, Event, event_id)
            hashes = [attachment.content_sha256 for attachment in event.attachments]
            search.delete_event_documents(db, event_id)
            db.delete(event)
            db.flush()
            writes.delete_unused_tags(db)
            delete_unused_contents(db, hashes)

    def load_records(self, records: Sequence[EventRecord]) -> LoadResult:
        """Add events all at once; an event already here (same title and start) is skipped."""
        with self._transaction(LOADING) as db:
            added, skipped = bulk.add_events(db, records)
        return LoadResult(added=added, skipped=skipped)

    # -- where recaps were published -----------------------------------------------

    def publish(self, event_id: int, record: PublicationRecord) -> PublicationRecord:
        """Record where an event's recap was posted; the same platform again (case-blind)
        updates that record. Returns it as stored."""
        with self._transaction() as db:
            row = writes.set_publication(self._get(db, Event, event_id), record)
            db.flush()
            return publication_record(row)

    def unpublish(self, event_id: int, platform: str) -> bool:
        """Forget where an event was posted on ``platform``; False when it was not."""
        with self._transaction() as db:
            return writes.remove_publication(self._get(db, Event, event_id), platform)

    # -- tags ----------------------------------------------------------------------

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag; a new name that matches another tag (case-blind) merges the two.
        Returns the number of events whose tags changed."""
        with self._transaction() as db:
            event_ids = writes.rename_tag(db, old, new)
            writes.raise_versions(db, event_ids)
            search.reindex_event_texts(db, event_ids)
            return len(event_ids)

    def delete_tag(self, name: str) -> int:
        """Remove a tag from every event; returns how many events had it."""
        with self._transaction() as db:
            event_ids = writes.delete_tag(db, name)
            writes.raise_versions(db, event_ids)
            search.reindex_event_texts(db, event_ids)
            return len(event_ids)

    # -- sessions (talks) ----------------------------------------------------

    def add_session(self, event_id: int, record: SessionRecord, index: int | None = None) -> int:
        """Add a talk at ``index`` in the running order (at the end by default)."""
        with self._transaction() as db:
            event = self._get(db, Event, event_id)
            talk = writes.new_session(record, position=len(event.sessions))
            order = list(event.sessions)
            order.insert(len(order) if index is None else index, talk)
            event.sessions = order
            self._renumber(order)
            search.reindex_session(db, talk)
            return talk.id

    def update_session(self, record: SessionRecord) -> None:
        """Save a talk's own fields and links (not its Q&A entries); versions as in
        ``update_event``."""
        if record.id is None:
            raise NotFound("The session to update has no id.")
        cleaned = clean_session(record)
        with self._transaction() as db:
            talk = self._get(db, EventSession, record.id, locked=True)
            if record.version is not None and record.version != talk.version:
                raise EditConflict(CHANGED_MEANWHILE, theirs=session_record(talk))
            talk.version += 1
            saved_version = talk.version
            writes.apply_session_fields(talk, cleaned)
            search.reindex_session(db, talk)
        record.version = saved_version

    def delete_session(self, session_id: int) -> None:
        with self._transaction() as db:
            talk = self._get(db, EventSession, session_id)
            siblings = [other for other in talk.event.sessions if other.id != session_id]
            search.delete_session_documents(db, talk)
            db.delete(talk)
            self._renumber(siblings)

    def move_session(self, session_id: int, new_index: int) -> None:
        with self._transaction() as db:
            talk = self._get(db, EventSession, session_id)
            self._renumber(self._moved(talk.event.sessions, talk, new_index))

    def reorder_sessions(self, event_id: int, session_ids: Sequence[int]) -> None:
        """Put an event's talks in the given order (all of its talks, each once)."""
        with self._transaction() as db:
            talks = {talk.id: talk for talk in self._get(db, Event, event_id).sessions}
            if sorted(talks) != sorted(session_ids):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "RecapError", "The new order must list each session of the event once."
                    )
                )
            self._renumber([talks[talk_id] for talk_id in session_ids])

    # -- helpers -------------------------------------------------------------

    @staticmethod
    def _get(db: Session, model: type[RowT], row_id: int, *, locked: bool = False) -> RowT:
        """``locked``: held until commit (a server's FOR UPDATE), so that no other writer
        commits between a save's check of the version and its write."""
        row = db.get(model, row_id, with_for_update=locked)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("RecapError", "There is no {kind} with id {id}."),
                kind=ROW_KINDS[model],
                id=row_id,
            )
        return row

    @staticmethod
    def _moved(items: Sequence[ItemT], item: ItemT, new_index: int) -> list[ItemT]:
        order = [other for other in items if other is not item]
        order.insert(max(0, min(new_index, len(order))), item)
        return order

    @staticmethod
    def _renumber(items: Sequence[EventSession | QAEntry]) -> None:
        for position, item in enumerate(items):
            item.position = position


def open_library(location: Location | None) -> Library:
    """Open (creating or migrating) the library at ``location`` (a file or a server's
    URL); None for a throwaway one."""
    return Library(open_engine(location), location)
