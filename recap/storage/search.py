"""Full-text search: an FTS5 trigram index kept in step with every write.

Korean glues particles to words (어텐션을), so word tokenisers miss substrings;
the trigram tokenizer finds any substring of three or more characters. Shorter
terms (토큰, 병렬) are expanded through the index's own vocabulary into the
trigrams that start with them; every indexed text ends with padding so that each
occurrence has such a trigram. Initial-consonant terms (ㅌㅋ) match the initials
of each Hangul word, indexed after the text behind a separator nobody types.

Each document is an event's own text, a session's, or a Q&A entry's, kept in
``search_docs``. The index is contentless and has ``detail=none`` (no positions):
about a fifth of a full trigram index's size. It answers "which documents hold
these trigrams"; a term longer than one trigram is then checked against the
document's text. A document's rowid is its event's start date followed by a
number within that day, so "newest first" is a walk down the index that stops as
soon as enough events are found, and neighbouring rowids stay close (short
rowid lists in the index).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select, text
from sqlalchemy.orm import Session, selectinload

from recap.domain.fields import searchable_text
from recap.domain.hangul import initials_words
from recap.domain.records import EventFilter, MatchKind, SearchHit, SearchMatch
from recap.domain.search_text import SearchTerm, make_snippet, parse_query
from recap.storage import queries
from recap.storage.convert import event_fields_record, session_record
from recap.storage.models import Event, EventSession

INDEX_TABLE = "search_index"
DOCS_TABLE = "search_docs"
VOCABULARY_TABLE = "search_vocabulary"
SEPARATOR = "\x1e"  # between a document's text and its initials
PADDING = "\x1f\x1f"
KIND_CODES: dict[MatchKind, int] = {"event": 0, "session": 1, "qa": 2}
KINDS: dict[int, MatchKind] = {code: kind for kind, code in KIND_CODES.items()}
# rowid = start date's ordinal (22 bits, up to 9999-12-31) << 20 | number within the day
DAY_SHIFT = 20
MAX_EXPANSIONS = 300
MAX_PROBES = 5  # trigrams of a long term looked up in the index
MAX_SINGLE_CHARACTER_EXPANSIONS = 40  # beyond that, scanning newest-first is cheaper
MANY_DOCUMENTS = 10_000  # a load this big is followed by merging the index
QUICK_WALK = 1000  # documents walked checking short terms before expanding them
# Several terms are looked for across an event's texts when one of them is in at most
# this many texts (its events are read whole); otherwise they must share one text.
RARE_DOCUMENTS = 200
RARE_WALK = 4 * RARE_DOCUMENTS  # index rows read to tell whether a long term is rare
RARE_PROBES = 2  # terms counted to find a rare one
SMALL_FILTER = 300  # events; a filter this narrow has its documents read directly
CHECK_BATCH = 256  # candidate documents whose events are checked against a filter at once
LONGEST_EVENT_DAYS = 366  # date filters look this far back for multi-day events

CREATE_STATEMENTS = (
    f"CREATE TABLE IF NOT EXISTS {DOCS_TABLE} (id INTEGER PRIMARY KEY, "
    "event_id INTEGER NOT NULL, kind INTEGER NOT NULL, ref_id INTEGER NOT NULL, "
    "body TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {DOCS_TABLE}_event ON {DOCS_TABLE} (event_id)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
    "text, tokenize = 'trigram', detail = none, content = '')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_TABLE} USING fts5vocab({INDEX_TABLE}, 'row')",
)
DROP_STATEMENTS = (
    f"DROP TABLE IF EXISTS {VOCABULARY_TABLE}",
    f"DROP TABLE IF EXISTS {INDEX_TABLE}",
    f"DROP TABLE IF EXISTS {DOCS_TABLE}",
)


def day_bounds(day: dt.date) -> tuple[int, int]:
    """The rowids of the documents of the events starting on ``day``: [low, high)."""
    return day.toordinal() << DAY_SHIFT, (day.toordinal() + 1) << DAY_SHIFT


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


# -- writes -----------------------------------------------------------------------------

Db = Session | Connection


def core(db: Db) -> Connection:
    """The Core connection: executemany through the ORM session costs more per call."""
    return db.connection() if isinstance(db, Session) else db


def next_rowids(db: Db, days: set[int]) -> dict[int, int]:
    """For each day (an ordinal), the rowid after its last document: one query."""
    parameters = {"low": min(days) << DAY_SHIFT, "high": (max(days) + 1) << DAY_SHIFT}
    result = core(db).execute(
        text(
            f"SELECT id >> {DAY_SHIFT}, max(id) FROM {DOCS_TABLE} "
            f"WHERE id >= :low AND id < :high GROUP BY id >> {DAY_SHIFT}"
        ),
        parameters,
    )
    last: dict[int, int] = {day: rowid for day, rowid in result}
    return {day: last[day] + 1 if day in last else day << DAY_SHIFT for day in days}


def free_rowid(db: Db, day: int, taken: set[int]) -> int:
    """The first unused rowid of a day whose last number is used up (about a million
    documents added on one day): slow, and never seen in practice."""
    low, high = day << DAY_SHIFT, (day + 1) << DAY_SHIFT
    stored = core(db).execute(
        text(f"SELECT id FROM {DOCS_TABLE} WHERE id >= :low AND id < :high"),
        {"low": low, "high": high},
    )
    used = taken | {row[0] for row in stored}
    rowid = next((rowid for rowid in range(low, high) if rowid not in used), None)
    if rowid is None:
        raise OverflowError(f"More than {1 << DAY_SHIFT} search documents on one day.")
    return rowid


def assign_rowids(
    db: Db, documents: Iterable[Document], reusable: Iterable[int]
) -> list[tuple[int, Document]]:
    """Rowids for new documents: ``reusable`` ones (just freed on the same day) first, so
    that a day's numbers do not keep growing, then the ones after the day's last."""
    spare: dict[int, list[int]] = defaultdict(list)
    for rowid in sorted(reusable, reverse=True):
        spare[rowid >> DAY_SHIFT].append(rowid)  # popped lowest first
    pending = list(documents)
    days = {document.start.toordinal() for document in pending}
    following = next_rowids(db, days) if days else {}
    for day, rowids in spare.items():  # the spare ones are not stored again yet
        following[day] = max(following.get(day, 0), rowids[0] + 1)
    rows: list[tuple[int, Document]] = []
    for document in pending:
        day = document.start.toordinal()
        if spare[day]:
            rowid = spare[day].pop()
        elif following[day] < (day + 1) << DAY_SHIFT:
            rowid = following[day]
            following[day] += 1
        else:
            rowid = free_rowid(db, day, {taken for taken, _ in rows})
        rows.append((rowid, document))
    return rows


def insert_documents(db: Db, documents: Iterable[Document], reusable: Iterable[int] = ()) -> None:
    """Store and index documents; ``reusable`` are rowids just freed (by deleting the
    documents these replace)."""
    rows = assign_rowids(db, documents, reusable)
    if not rows:
        return
    rows.sort(key=lambda row: row[0])  # FTS5 appends to its segments instead of scattering
    # Plain tuples to the driver: a load inserts about 400,000 of these.
    connection = core(db)
    connection.exec_driver_sql(
        f"INSERT INTO {DOCS_TABLE} (id, event_id, kind, ref_id, body) VALUES (?, ?, ?, ?, ?)",
        [(rowid, doc.event_id, KIND_CODES[doc.kind], doc.ref_id, doc.body) for rowid, doc in rows],
    )
    connection.exec_driver_sql(
        f"INSERT INTO {INDEX_TABLE} (rowid, text) VALUES (?, ?)",
        [(rowid, indexed_text(doc.body)) for rowid, doc in rows],
    )


def optimize_index(db: Db) -> None:
    """Merge the index into one segment after a big load (~2 s for 400,000 documents):
    the segments a load leaves make later saves pause for merges."""
    core(db).exec_driver_sql(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")


def delete_documents(db: Db, rows: list[tuple[int, str]]) -> list[int]:
    """Remove documents given as (rowid, body); returns their rowids. A contentless
    index forgets a document only when told the text it indexed."""
    if rows:
        db.execute(
            text(
                f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, text) "
                "VALUES ('delete', :rowid, :text)"
            ),
            [{"rowid": rowid, "text": indexed_text(body)} for rowid, body in rows],
        )
        db.execute(
            text(f"DELETE FROM {DOCS_TABLE} WHERE id = :id"), [{"id": rowid} for rowid, _ in rows]
        )
    return [rowid for rowid, _ in rows]


StoredDocument = tuple[int, int, int, str]  # rowid, kind code, ref_id, body


def stored_documents(db: Db, event_id: int) -> list[StoredDocument]:
    """Every document of one event as stored."""
    result = db.execute(
        text(f"SELECT id, kind, ref_id, body FROM {DOCS_TABLE} WHERE event_id = :id"),
        {"id": event_id},
    )
    return [(row[0], row[1], row[2], row[3]) for row in result]


def replace_documents(db: Db, old: list[StoredDocument], new: Iterable[Document]) -> None:
    """Make the index hold ``new`` instead of ``old``, touching only the documents that
    changed (an autosave changes one text, not its session's Q&A entries): fewer index
    writes, fewer merge pauses."""
    kept = {(kind, ref_id): (rowid >> DAY_SHIFT, body) for rowid, kind, ref_id, body in old}
    wanted = {(KIND_CODES[doc.kind], doc.ref_id): doc for doc in new}
    unchanged = {
        key for key, doc in wanted.items() if kept.get(key) == (doc.start.toordinal(), doc.body)
    }
    doomed = [(rowid, body) for rowid, kind, ref_id, body in old if (kind, ref_id) not in unchanged]
    freed = delete_documents(db, doomed)
    insert_documents(db, [doc for key, doc in wanted.items() if key not in unchanged], freed)


def delete_event_documents(db: Db, event_id: int) -> None:
    """Every document of one event."""
    stored = stored_documents(db, event_id)
    delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])


def reindex_event(db: Session, event_id: int) -> None:
    """Bring every document of one event up to date (after any change to it)."""
    db.flush()
    stored = stored_documents(db, event_id)
    event = db.get(Event, event_id)
    if event is None:
        delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])
        return
    db.refresh(event)
    replace_documents(db, stored, event_documents(event))


def session_stored_documents(
    db: Session, talk: EventSession, extra_qa_ids: Iterable[int] = ()
) -> list[StoredDocument]:
    """The documents of a session and its Q&A entries (and of entries just removed)."""
    qa_ids = {entry.id for entry in talk.qa_entries} | set(extra_qa_ids)
    wanted = {(KIND_CODES["session"], talk.id)} | {(KIND_CODES["qa"], qa_id) for qa_id in qa_ids}
    stored = stored_documents(db, talk.event_id)
    return [document for document in stored if (document[1], document[2]) in wanted]


def delete_session_documents(db: Session, talk: EventSession) -> None:
    stored = session_stored_documents(db, talk)
    delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])


def reindex_session(db: Session, talk: EventSession, removed_qa_ids: Iterable[int] = ()) -> None:
    """Bring the documents of one session and its Q&A entries up to date (autosave's
    path: cheaper than the whole event when an event has many sessions)."""
    db.flush()
    db.refresh(talk)
    stored = session_stored_documents(db, talk, removed_qa_ids)
    replace_documents(db, stored, session_documents(talk.event.start_date, talk))


def reindex_event_texts(db: Session, event_ids: Iterable[int]) -> None:
    """Bring only the events' own documents up to date (a tag renamed: sessions are
    unchanged)."""
    db.flush()
    ids = list(event_ids)
    event_kind = KIND_CODES["event"]
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        for event in db.scalars(select(Event).where(Event.id.in_(batch))):
            db.refresh(event)
            stored = [doc for doc in stored_documents(db, event.id) if doc[1] == event_kind]
            replace_documents(db, stored, [event_document(event)])


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
    that a scan is cheaper. (The vocabulary walks each trigram's rowid list: a few ms
    for a common term.)"""
    most = MAX_SINGLE_CHARACTER_EXPANSIONS if len(prefix) == 1 else MAX_EXPANSIONS
    rows = db.execute(
        text(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term >= :low AND term < :high LIMIT :most"
        ),
        {"low": prefix, "high": prefix + "\U0010ffff", "most": most + 1},
    )
    terms = [row[0] for row in rows]
    return None if len(terms) > most else terms


def probe_trigrams(term: str) -> list[str]:
    """Trigrams of a 3+ character term that each matching document holds: all distinct
    ones of a short term, a spread of a long one's (each costs a rowid list to read;
    the index has no positions anyway, the text is checked after)."""
    grams = list(dict.fromkeys(term[start : start + 3] for start in range(len(term) - 2)))
    if len(grams) <= MAX_PROBES:
        return grams
    last = len(grams) - 1
    return [grams[round(index * last / (MAX_PROBES - 1))] for index in range(MAX_PROBES)]


@dataclass(frozen=True)
class Plan:
    expression: str | None  # FTS5 MATCH for the terms the index answers; None: scan
    checked: tuple[SearchTerm, ...]  # terms the index only narrows: check the text


def plan_query(db: Session, terms: list[SearchTerm], expand: bool = True) -> Plan | None:
    """How to find documents holding every term; None when one of them cannot match.
    A term of exactly three characters (one trigram) or a short term expanded through
    the vocabulary is answered by the index alone; ``expand`` False checks short terms
    on the text instead."""
    parts = []
    checked = []
    for term in terms:
        if len(term.text) >= 3:
            parts.append(" AND ".join(quoted(gram) for gram in probe_trigrams(term.text)))
            if len(term.text) > 3:
                checked.append(term)
            continue
        grams = expansions(db, term.text) if expand else None
        if grams is None:  # in too many trigrams (or not looked up): check the text
            checked.append(term)
        elif not grams:
            return None
        else:
            parts.append(f"({' OR '.join(quoted(gram) for gram in grams)})")
    return Plan(" AND ".join(parts) if parts else None, tuple(checked))


def holds_every_term(body: str, terms: Iterable[SearchTerm]) -> bool:
    """The index's semantics, checked on the text: each term a substring, case-blind;
    an initials term a substring of the words' initials."""
    folded = body.lower()
    initials = None
    for term in terms:
        if term.initials:
            if initials is None:
                initials = initials_words(body)
            if term.text not in initials:
                return False
        elif term.text not in folded:
            return False
    return True


RowRange = tuple[int | None, int | None]  # rowid >= low and < high; None: unbounded
Candidate = tuple[int, int, int, int, str]  # rowid, event_id, kind code, ref_id, body


def range_condition(column: str, rows: RowRange, parameters: dict[str, object]) -> str:
    low, high = rows
    conditions = []
    if low is not None:
        conditions.append(f"{column} >= :low")
        parameters["low"] = low
    if high is not None:
        conditions.append(f"{column} < :high")
        parameters["high"] = high
    return "".join(f" AND {condition}" for condition in conditions)


def candidate_rows(db: Session, plan: Plan, rows: RowRange) -> Iterator[Candidate]:
    """Matching documents in a rowid range, newest first."""
    for row in index_rows(db, plan, rows):
        if not plan.checked or holds_every_term(row[4], plan.checked):
            yield row


def index_rows(
    db: Session, plan: Plan, rows: RowRange, *, checks_in_sql: bool = True, most: int = 0
) -> Iterator[Candidate]:
    """The documents the index finds for a plan, newest first: with ``checks_in_sql``
    the case-free checked terms already tested, else none of them; at ``most`` rows
    (0: all)."""
    parameters: dict[str, object] = {}
    columns = "d.id, d.event_id, d.kind, d.ref_id, d.body"
    if plan.expression is None:  # every term too common for the index: scan
        where = "1" + range_condition("d.id", rows, parameters)
        sql = f"SELECT {columns} FROM {DOCS_TABLE} AS d WHERE {where}"
        order = "d.id"
    else:
        parameters["expression"] = plan.expression
        where = f"{INDEX_TABLE} MATCH :expression" + range_condition(
            f"{INDEX_TABLE}.rowid", rows, parameters
        )
        # CROSS JOIN: walk the index (newest first) and look each document up.
        sql = (
            f"SELECT {columns} FROM {INDEX_TABLE} CROSS JOIN {DOCS_TABLE} AS d "
            f"ON d.id = {INDEX_TABLE}.rowid WHERE {where}"
        )
        order = f"{INDEX_TABLE}.rowid"  # the index's order: no sorting of every match
    if checks_in_sql:
        sql += exact_text_conditions(plan.checked, parameters)
    sql += f" ORDER BY {order} DESC" + (f" LIMIT {int(most)}" if most else "")
    # Straight from the driver: a rare phrase of common words walks thousands of rows.
    # Run inside Library._transaction: storage_errors there turns driver errors into sentences.
    driver = db.connection().connection.driver_connection
    assert driver is not None
    yield from driver.execute(sql, parameters)


def exact_text_conditions(terms: Iterable[SearchTerm], parameters: dict[str, object]) -> str:
    """SQL that turns away, in SQLite, the documents without a term that has no letter
    case (Korean, digits): for such a term a plain substring test is exact."""
    conditions = ""
    for n, term in enumerate(terms):
        if not term.initials and term.text == term.text.upper():
            parameters[f"exact{n}"] = term.text
            conditions += f" AND instr(d.body, :exact{n}) > 0"
    return conditions


def short_terms_checked_first(
    db: Session, terms: list[SearchTerm], rows: RowRange
) -> Iterator[Candidate]:
    """Matching documents for a query with short terms beside a longer one, newest first.
    Common short words (캐시, 지연) are cheaper checked on the longer term's matches than
    expanded through the vocabulary; if a short term turns out rare, the walk goes on
    with the expansions after QUICK_WALK documents."""
    quick = plan_query(db, terms, expand=False)
    assert quick is not None  # nothing was looked up
    # The short terms are tested here, not in SQL: a pair that never meets would
    # otherwise walk every document of the longer term inside one statement.
    walked = index_rows(db, quick, rows, checks_in_sql=False, most=QUICK_WALK)
    last = None
    for count, row in enumerate(walked, start=1):
        if holds_every_term(row[4], quick.checked):
            yield row
        last = row[0] if count == QUICK_WALK else None
    if last is not None:  # the longer term is common: expand the short ones below here
        exact = plan_query(db, terms)
        if exact is not None:
            yield from candidate_rows(db, exact, (rows[0], last))


def documents_of_events(db: Session, event_ids: Iterable[int]) -> list[Candidate]:
    """Every stored document of the given events."""
    documents: list[Candidate] = []
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), 500):
        result = db.connection().execute(
            text(
                f"SELECT id, event_id, kind, ref_id, body FROM {DOCS_TABLE} WHERE event_id IN :ids"
            ).bindparams(bindparam("ids", expanding=True)),
            {"ids": ids[start : start + 500]},
        )
        documents.extend((row[0], row[1], row[2], row[3], row[4]) for row in result)
    return documents


def events_holding_every_term(
    documents: Iterable[Candidate], terms: list[SearchTerm]
) -> list[Candidate]:
    """The documents, newest first, of the events in which every term is found in some
    text (a phrase within one text), each document kept when it holds one of the terms."""
    by_event: dict[int, list[Candidate]] = defaultdict(list)
    for document in documents:
        by_event[document[1]].append(document)
    matching: list[Candidate] = []
    for texts in by_event.values():
        holding = [
            [document for document in texts if holds_every_term(document[4], [term])]
            for term in terms
        ]
        if all(holding):
            matching.extend(
                {document[0]: document for found in holding for document in found}.values()
            )
    matching.sort(reverse=True)
    return matching


def filtered_rows(db: Session, terms: list[SearchTerm], allowed: set[int]) -> list[Candidate]:
    """The matching documents of a few events, newest first: reading and checking their
    text beats walking the index for common terms."""
    return events_holding_every_term(documents_of_events(db, allowed), terms)


def indexed_count(db: Session, expression: str, rows: RowRange) -> int:
    """How many documents the index finds for ``expression``, counted up to
    RARE_WALK + 1 only: rowids alone, no text read."""
    parameters: dict[str, object] = {"expression": expression}
    where = f"{INDEX_TABLE} MATCH :expression" + range_condition(
        f"{INDEX_TABLE}.rowid", rows, parameters
    )
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {INDEX_TABLE} WHERE {where} LIMIT {RARE_WALK + 1})"
    return int(db.connection().exec_driver_sql(sql, parameters).scalar_one())


def rare_term_events(db: Session, terms: list[SearchTerm], rows: RowRange) -> set[int] | None:
    """The events (in the rowid range) holding the rarest of several terms, when one is in
    at most RARE_DOCUMENTS texts: every event holding all the terms is among them."""
    if len(terms) < 2:
        return None
    # Long terms are the likely rare ones; 1–2 character terms are common, and costly
    # to count (their trigrams come from the vocabulary).
    probed = [term for term in terms if len(term.text) >= 3]
    for term in sorted(probed, key=lambda candidate: -len(candidate.text))[:RARE_PROBES]:
        plan = plan_query(db, [term])
        if plan is None:
            return set()  # a term found nowhere: no event holds them all
        if plan.expression is None or indexed_count(db, plan.expression, rows) > RARE_WALK:
            continue  # too common to be looked up, or in too many texts
        walked = list(index_rows(db, plan, rows, checks_in_sql=False))
        holding = [row for row in walked if holds_every_term(row[4], [term])]
        if len(holding) <= RARE_DOCUMENTS:
            return {row[1] for row in holding}
    return None


def date_range(event_filter: EventFilter) -> RowRange:
    """The rowids of the events that may pass the filter's dates."""
    low = None
    if event_filter.date_from is not None:
        ordinal = max(1, event_filter.date_from.toordinal() - LONGEST_EVENT_DAYS)
        low = day_bounds(dt.date.fromordinal(ordinal))[0]
    high = day_bounds(event_filter.date_to)[1] if event_filter.date_to else None
    return low, high


Found = dict[int, list[tuple[MatchKind, int, str]]]


def newest_events(rows: Iterable[Candidate], limit: int) -> Found:
    """The first ``limit`` events of the rows (newest first) with all their matches:
    an event's documents all share its start day, so the walk ends at a new day."""
    found: Found = {}
    last_day = None
    for rowid, event_id, kind, ref_id, body in rows:
        day = rowid >> DAY_SHIFT
        if event_id not in found:
            if len(found) >= limit:
                if day != last_day:
                    break
                continue  # same day: documents of events already found may follow
            found[event_id] = []
        last_day = day
        found[event_id].append((KINDS[kind], ref_id, body))
    return found


class FilterCheck:
    """Which events pass a broad filter, asked for the events of a few hundred candidate
    documents at a time: a filter that passes most events costs a query or two instead
    of listing thousands of ids. One that turns most away is listed once after all."""

    def __init__(self, db: Session, event_filter: EventFilter) -> None:
        self.db = db
        self.event_filter = event_filter
        self.asked = 0
        self.passed = 0
        self.every: set[int] | None = None

    def passing(self, event_ids: set[int]) -> set[int]:
        if self.every is not None:
            return event_ids & self.every
        passed = queries.passing_event_ids(self.db, self.event_filter, event_ids)
        self.asked += len(event_ids)
        self.passed += len(passed)
        if self.asked >= CHECK_BATCH and self.passed * 4 < self.asked:
            self.every = queries.event_id_set(self.db, self.event_filter)
        return passed


def passing_rows(rows: Iterable[Candidate], check: FilterCheck) -> Iterator[Candidate]:
    chunk: list[Candidate] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHECK_BATCH:
            passed = check.passing({candidate[1] for candidate in chunk})
            yield from (candidate for candidate in chunk if candidate[1] in passed)
            chunk = []
    if chunk:
        passed = check.passing({candidate[1] for candidate in chunk})
        yield from (candidate for candidate in chunk if candidate[1] in passed)


def search(db: Session, query: str, event_filter: EventFilter, limit: int = 50) -> list[SearchHit]:
    """Events whose text matches every term of ``query``, newest first, with where it matched."""
    terms = parse_query(query)
    if not terms:
        return []
    filtering = bool(event_filter.tags or event_filter.date_from or event_filter.date_to)
    if filtering:
        few = queries.narrow_event_ids(db, event_filter, SMALL_FILTER)
        if few is not None:
            found = newest_events(filtered_rows(db, terms, set(few)), limit)
            return hits_for(db, found, terms)
    rows: Iterable[Candidate]
    lengths = {len(term.text) >= 3 for term in terms}
    rare = rare_term_events(db, terms, date_range(event_filter))
    if rare is not None:
        rows = events_holding_every_term(documents_of_events(db, rare), terms)
    elif lengths == {True, False}:
        rows = short_terms_checked_first(db, terms, date_range(event_filter))
    else:
        plan = plan_query(db, terms)
        if plan is None:
            return []
        rows = candidate_rows(db, plan, date_range(event_filter))
    if filtering:
        rows = passing_rows(rows, FilterCheck(db, event_filter))
    return hits_for(db, newest_events(rows, limit), terms)


def hits_for(db: Session, found: Found, terms: list[SearchTerm]) -> list[SearchHit]:
    if not found:
        return []
    summaries = {summary.id: summary for summary in queries.event_summaries_by_id(db, list(found))}
    matched = [(kind, ref_id) for documents in found.values() for kind, ref_id, _ in documents]
    labels = queries.session_labels(
        db,
        [ref_id for kind, ref_id in matched if kind == "session"],
        [ref_id for kind, ref_id in matched if kind == "qa"],
    )
    hits = []
    for event_id, documents in found.items():
        matches = []
        # the event's own text first, then its sessions, then Q&A, as they are read
        for kind, ref_id, body in sorted(documents, key=lambda doc: (KIND_CODES[doc[0]], doc[1])):
            label = summaries[event_id].title if kind == "event" else labels[kind].get(ref_id, "")
            matches.append(SearchMatch(kind, ref_id, label, make_snippet(body, terms)))
        hits.append(SearchHit(event=summaries[event_id], matches=tuple(matches)))
    return hits
