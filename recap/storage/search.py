"""Full-text search: an FTS5 trigram index kept in step with every write.

Korean glues particles to words (어텐션을), so word tokenisers miss substrings;
the trigram tokenizer finds any substring of three or more characters. Shorter
terms (토큰, 병렬) are expanded through the index's own vocabulary into the
trigrams that start with them; every document ends with two padding characters
so that each occurrence has such a trigram. Initial-consonant terms (ㅌㅋ) match
a second column holding the initials of each Hangul word.

Each indexed document is an event's own text, a session's, or a Q&A entry's.
Its rowid sorts by the event's start date, so "newest first" is a walk down the
index that stops as soon as enough events are found.
"""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, selectinload

from recap.domain.hangul import initials_words
from recap.domain.records import EventFilter, MatchKind, SearchHit, SearchMatch
from recap.domain.search_text import SearchTerm, make_snippet, parse_query
from recap.storage import queries
from recap.storage.models import Event, EventSession, QAEntry

INDEX_TABLE = "search_index"
VOCABULARY_TABLE = "search_vocabulary"
PADDING = "\x1f\x1f"
KIND_BITS: dict[MatchKind, int] = {"event": 0, "session": 1, "qa": 2}
KIND_OF_BITS: dict[int, MatchKind] = {bits: kind for kind, bits in KIND_BITS.items()}
# rowid = start date's ordinal (22 bits, up to 9999-12-31) | kind (2 bits) | id (39 bits):
# 63 bits, the most an SQLite integer holds.
REF_BITS = 39
DATE_SHIFT = REF_BITS + 2
MAX_EXPANSIONS = 300
MAX_SINGLE_CHARACTER_EXPANSIONS = 40  # beyond that, scanning newest-first is cheaper
SMALL_FILTER = 300  # events; a filter this narrow is searched date by date
LONGEST_EVENT_DAYS = 366  # date filters look this far back for multi-day events

CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
    "event_id UNINDEXED, body, initials, tokenize = 'trigram')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_TABLE} USING fts5vocab({INDEX_TABLE}, 'row')",
)
DROP_STATEMENTS = (
    f"DROP TABLE IF EXISTS {VOCABULARY_TABLE}",
    f"DROP TABLE IF EXISTS {INDEX_TABLE}",
)


def doc_rowid(start: dt.date, kind: MatchKind, ref_id: int) -> int:
    return (start.toordinal() << DATE_SHIFT) | (KIND_BITS[kind] << REF_BITS) | ref_id


def rowid_parts(rowid: int) -> tuple[MatchKind, int]:
    kind = KIND_OF_BITS[(rowid >> REF_BITS) & 0b11]
    return kind, rowid & ((1 << REF_BITS) - 1)


def joined(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


@dataclass(frozen=True)
class Document:
    rowid: int
    event_id: int
    body: str

    def row(self) -> dict[str, object]:
        return {
            "rowid": self.rowid,
            "event_id": self.event_id,
            "body": self.body + PADDING,
            "initials": initials_words(self.body) + PADDING,
        }


def event_body(
    title: str,
    venue: str | None,
    host: str | None,
    found_via: str | None,
    category: str | None,
    tags: Iterable[str],
    summary: str | None,
) -> str:
    return joined(title, venue, host, found_via, category, " ".join(tags), summary)


def session_body(
    title: str,
    speaker: str | None,
    affiliation: str | None,
    impression: str | None,
    notes: str | None,
    links: Iterable[tuple[str | None, str]],
) -> str:
    link_text = " ".join(joined(label, url) for label, url in links)
    return joined(title, speaker, affiliation, impression, notes, link_text)


def qa_body(question: str | None, answer: str | None) -> str:
    return joined(question, answer)


def event_documents(event: Event) -> Iterator[Document]:
    start = event.start_date
    yield Document(
        doc_rowid(start, "event", event.id),
        event.id,
        event_body(
            event.title,
            event.venue,
            event.host,
            event.found_via,
            event.category.name if event.category else None,
            (link.tag.name for link in event.tag_links),
            event.summary,
        ),
    )
    for talk in event.sessions:
        yield from session_documents(start, talk)


def session_documents(start: dt.date, talk: EventSession) -> Iterator[Document]:
    """A session's document and its Q&A entries' documents."""
    links = ((link.label, link.url) for link in talk.links)
    body = session_body(
        talk.title, talk.speaker, talk.affiliation, talk.impression, talk.notes, links
    )
    yield Document(doc_rowid(start, "session", talk.id), talk.event_id, body)
    for entry in talk.qa_entries:
        qa_text = qa_body(entry.question, entry.answer)
        yield Document(doc_rowid(start, "qa", entry.id), talk.event_id, qa_text)


def insert_documents(db: Session | Connection, documents: Iterable[Document]) -> None:
    # In rowid order: FTS5 appends to its segments instead of scattering (2-3x faster).
    rows = [document.row() for document in sorted(documents, key=lambda doc: doc.rowid)]
    if rows:
        db.execute(
            text(
                f"INSERT INTO {INDEX_TABLE} (rowid, event_id, body, initials) "
                "VALUES (:rowid, :event_id, :body, :initials)"
            ),
            rows,
        )


def day_bounds(day: dt.date) -> tuple[int, int]:
    """The rowids of the documents of the events starting on ``day``: [low, high)."""
    return day.toordinal() << DATE_SHIFT, (day.toordinal() + 1) << DATE_SHIFT


def delete_event_documents(db: Session, event_id: int, start: dt.date) -> None:
    """Every document of one event; ``start`` is its start date as indexed. The rowid
    range keeps this off a scan of the whole index (event_id is not indexed)."""
    low, high = day_bounds(start)
    db.execute(
        text(f"DELETE FROM {INDEX_TABLE} WHERE rowid >= :low AND rowid < :high AND event_id = :id"),
        {"low": low, "high": high, "id": event_id},
    )


def reindex_event(db: Session, event_id: int, indexed_start: dt.date | None) -> None:
    """Replace every document of one event (after any change to it); ``indexed_start``
    is the start date its documents were indexed under (None for a new event)."""
    db.flush()
    if indexed_start is not None:
        delete_event_documents(db, event_id, indexed_start)
    event = db.get(Event, event_id)
    if event is not None:
        db.refresh(event)
        insert_documents(db, event_documents(event))


def session_rowids(talk: EventSession, extra_qa_ids: Iterable[int] = ()) -> list[int]:
    start = talk.event.start_date
    qa_ids = [entry.id for entry in talk.qa_entries] + list(extra_qa_ids)
    return [doc_rowid(start, "session", talk.id)] + [
        doc_rowid(start, "qa", qa_id) for qa_id in qa_ids
    ]


def delete_rowids(db: Session, rowids: list[int]) -> None:
    db.execute(
        text(f"DELETE FROM {INDEX_TABLE} WHERE rowid = :rowid"),
        [{"rowid": rowid} for rowid in rowids],
    )


def delete_session_documents(db: Session, talk: EventSession) -> None:
    delete_rowids(db, session_rowids(talk))


def reindex_session(db: Session, talk: EventSession, removed_qa_ids: Iterable[int] = ()) -> None:
    """Replace the documents of one session and its Q&A entries (autosave's path:
    cheaper than the whole event when an event has many sessions)."""
    db.flush()
    db.refresh(talk)
    delete_rowids(db, session_rowids(talk, removed_qa_ids))
    insert_documents(db, session_documents(talk.event.start_date, talk))


def reindex_event_texts(db: Session, event_ids: Iterable[int]) -> None:
    """Replace only the events' own documents (a tag renamed: sessions are unchanged)."""
    db.flush()
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        for event in db.scalars(select(Event).where(Event.id.in_(batch))):
            db.refresh(event)
            document = next(event_documents(event))
            db.execute(
                text(f"DELETE FROM {INDEX_TABLE} WHERE rowid = :rowid"), {"rowid": document.rowid}
            )
            insert_documents(db, [document])


def rebuild_index(connection: Connection) -> None:
    """Index every event from scratch (a migration, or a repair)."""
    for statement in DROP_STATEMENTS + CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)
    with Session(bind=connection) as db:
        ids = list(db.scalars(select(Event.id)))
        for start in range(0, len(ids), 500):
            events = db.scalars(
                select(Event)
                .where(Event.id.in_(ids[start : start + 500]))
                .options(
                    selectinload(Event.tag_links),
                    selectinload(Event.sessions).selectinload(EventSession.links),
                    selectinload(Event.sessions).selectinload(EventSession.qa_entries),
                )
            )
            insert_documents(
                connection, [doc for event in events for doc in event_documents(event)]
            )
            db.expunge_all()


# -- queries ---------------------------------------------------------------------------


def quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def expansions(db: Session, prefix: str) -> list[str] | None:
    """The indexed trigrams that start with a 1–2 character term; None when so many
    that a scan is cheaper."""
    most = MAX_SINGLE_CHARACTER_EXPANSIONS if len(prefix) == 1 else MAX_EXPANSIONS
    rows = db.execute(
        text(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term >= :low AND term < :high LIMIT :most"
        ),
        {"low": prefix, "high": prefix + "\U0010ffff", "most": most + 1},
    )
    terms = [row[0] for row in rows]
    return None if len(terms) > most else terms


def match_expression(db: Session, terms: list[SearchTerm]) -> str | None:
    """An FTS5 MATCH string for all the terms, or None when one of them cannot match.
    Raises TooCommon when a short term is better found by a scan."""
    parts = []
    for term in terms:
        column = "initials" if term.initials else "body"
        if len(term.text) >= 3:
            parts.append(f"{column} : {quoted(term.text)}")
            continue
        grams = expansions(db, term.text)
        if grams is None:
            raise TooCommon(term.text)
        if not grams:
            return None
        parts.append(f"{column} : ({' OR '.join(quoted(gram) for gram in grams)})")
    return " AND ".join(parts)


class TooCommon(Exception):
    """A one-character term in so many trigrams that a scan is cheaper."""


RowRange = tuple[int | None, int | None]  # rowid >= low and < high; None: unbounded


def range_condition(rows: RowRange, parameters: dict[str, object]) -> str:
    low, high = rows
    conditions = []
    if low is not None:
        conditions.append("rowid >= :low")
        parameters["low"] = low
    if high is not None:
        conditions.append("rowid < :high")
        parameters["high"] = high
    return "".join(f" AND {condition}" for condition in conditions)


def candidate_rows(
    db: Session, terms: list[SearchTerm], expression: str | None, rows: RowRange
) -> Iterator[tuple[int, int, str]]:
    """(rowid, event_id, body) of matching documents in a rowid range, newest first."""
    parameters: dict[str, object] = {}
    if expression is None:  # too common for the index: scan newest-first instead
        # instr(), not LIKE: SQLite 3.40 answers LIKE on a trigram table wrongly for
        # patterns of fewer than three non-ASCII characters.
        conditions = " AND ".join(
            f"instr(lower({'initials' if term.initials else 'body'}), :t{index}) > 0"
            for index, term in enumerate(terms)
        )
        parameters.update({f"t{index}": term.text for index, term in enumerate(terms)})
        where = conditions + range_condition(rows, parameters)
    else:
        parameters["expression"] = expression
        where = f"{INDEX_TABLE} MATCH :expression" + range_condition(rows, parameters)
    result = db.execute(
        text(f"SELECT rowid, event_id, body FROM {INDEX_TABLE} WHERE {where} ORDER BY rowid DESC"),
        parameters,
    )
    for row in result:
        yield row[0], row[1], row[2]


def walk_ranges(db: Session, event_filter: EventFilter, allowed: set[int] | None) -> list[RowRange]:
    """The rowid ranges to walk, newest first: one per start day when the filter is
    narrow (a rare tag), else one range bounded by the filter's dates."""
    if allowed is not None and len(allowed) <= SMALL_FILTER:
        days = sorted(queries.start_dates(db, allowed), reverse=True)
        return [day_bounds(day) for day in days]
    low = None
    if event_filter.date_from is not None:
        ordinal = max(1, event_filter.date_from.toordinal() - LONGEST_EVENT_DAYS)
        low = day_bounds(dt.date.fromordinal(ordinal))[0]
    high = day_bounds(event_filter.date_to)[1] if event_filter.date_to else None
    return [(low, high)]


def search(db: Session, query: str, event_filter: EventFilter, limit: int = 50) -> list[SearchHit]:
    """Events whose text matches every term of ``query``, newest first, with where it matched."""
    terms = parse_query(query)
    if not terms:
        return []
    allowed: set[int] | None = None
    if event_filter.tags or event_filter.date_from or event_filter.date_to:
        allowed = set(queries.matching_event_ids(db, event_filter))
    try:
        expression = match_expression(db, terms)
        if expression is None:
            return []
    except TooCommon:
        expression = None
    found: dict[int, list[tuple[MatchKind, int, str]]] = {}
    last_day = None
    for rows in walk_ranges(db, event_filter, allowed):
        for rowid, event_id, body in candidate_rows(db, terms, expression, rows):
            if allowed is not None and event_id not in allowed:
                continue
            day = rowid >> DATE_SHIFT
            if event_id not in found:
                if len(found) >= limit:
                    if day != last_day:
                        break
                    continue  # same day: documents of events already found may follow
                found[event_id] = []
            last_day = day
            kind, ref_id = rowid_parts(rowid)
            found[event_id].append((kind, ref_id, body.removesuffix(PADDING)))
        else:
            continue
        break
    return hits_for(db, found, terms)


def hits_for(
    db: Session, found: dict[int, list[tuple[MatchKind, int, str]]], terms: list[SearchTerm]
) -> list[SearchHit]:
    if not found:
        return []
    summaries = {summary.id: summary for summary in queries.event_summaries_by_id(db, list(found))}
    event_ids = list(found)
    session_titles: dict[int, str] = {
        session_id: title
        for session_id, title in db.execute(
            select(EventSession.id, EventSession.title).where(EventSession.event_id.in_(event_ids))
        )
    }
    qa_sessions: dict[int, int] = {
        qa_id: session_id
        for qa_id, session_id in db.execute(
            select(QAEntry.id, QAEntry.session_id)
            .join(EventSession, EventSession.id == QAEntry.session_id)
            .where(EventSession.event_id.in_(event_ids))
        )
    }
    hits = []
    for event_id, documents in found.items():
        matches = []
        # the event's own text first, then its sessions, then Q&A, as they are read
        for kind, ref_id, body in sorted(documents, key=lambda doc: (KIND_BITS[doc[0]], doc[1])):
            if kind == "event":
                label = summaries[event_id].title
            elif kind == "session":
                label = session_titles.get(ref_id, "")
            else:
                label = session_titles.get(qa_sessions.get(ref_id, 0), "")
            matches.append(SearchMatch(kind, ref_id, label, make_snippet(body, terms)))
        hits.append(SearchHit(event=summaries[event_id], matches=tuple(matches)))
    return hits
