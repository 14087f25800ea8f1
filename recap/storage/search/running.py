"""Running a search: walking the index newest first, checking candidates, applying the
tag and date filters, and turning the first events found into hits with snippets."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from recap.domain.records import EventFilter, MatchKind, SearchHit, SearchMatch
from recap.domain.search_text import SearchTerm, make_snippet, parse_query
from recap.storage import queries
from recap.storage.search import server
from recap.storage.search.planning import (
    Plan,
    RowRange,
    date_range,
    holds_every_term,
    plan_query,
)
from recap.storage.search.tables import (
    CHECK_BATCH,
    DAY_SHIFT,
    DOCS_TABLE,
    INDEX_TABLE,
    KIND_CODES,
    KINDS,
    QUICK_WALK,
    RARE_DOCUMENTS,
    RARE_PROBES,
    RARE_WALK,
    SMALL_FILTER,
)

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


def documents_of_events(
    db: Session, event_ids: Iterable[int], terms: list[SearchTerm]
) -> list[Candidate]:
    """Every stored document of the given events that may hold one of the terms (on a
    server the others are left there: only these count, and a text is costly to send)."""
    if db.get_bind().dialect.name == "postgresql":
        return list(server.documents_of_events(db, sorted(set(event_ids)), terms))
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
    return events_holding_every_term(documents_of_events(db, allowed, terms), terms)


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


def server_rare_term_events(
    db: Session, terms: list[SearchTerm], rows: RowRange
) -> set[int] | None:
    """rare_term_events on a server: the same terms probed and the same counts, taken
    from the newest documents when they already show the term is common."""
    if len(terms) < 2:
        return None
    probed = [term for term in terms if len(term.text) >= 3]
    for term in sorted(probed, key=lambda candidate: -len(candidate.text))[:RARE_PROBES]:
        # In more than RARE_DOCUMENTS texts, a term is never the rare one on SQLite either
        # (its index rows are too many, or the texts that hold it are).
        if server.often_held(db, term, rows, RARE_DOCUMENTS):
            continue
        if server.more_than(db, term, rows, RARE_WALK):
            continue
        holding = server.holding_rows(db, term, rows)
        if len(holding) <= RARE_DOCUMENTS:
            return {row[1] for row in holding}
    return None


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
        # A filter of dates only passes every event that starts inside them, as a
        # document's rowid tells: only an earlier start (a span reaching into the
        # dates) needs asking. The rowid range already stops at the last day.
        dates_only = not event_filter.tags and event_filter.unpublished_on is None
        start = event_filter.date_from
        self.sure_from: int | None = (start.toordinal() if start else 0) if dates_only else None

    def passes_by_start(self, rowid: int) -> bool:
        return self.sure_from is not None and rowid >> DAY_SHIFT >= self.sure_from

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
        if not chunk and check.passes_by_start(row[0]):
            yield row  # newest first: the rows that need asking come after these
            continue
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
    filtering = event_filter.narrows
    # Dates alone narrow the walk by rowid already (see FilterCheck): no list of ids.
    dates_only = not event_filter.tags and event_filter.unpublished_on is None
    if filtering and not dates_only:
        few = queries.narrow_event_ids(db, event_filter, SMALL_FILTER)
        if few is not None:
            found = newest_events(filtered_rows(db, terms, set(few)), limit)
            return hits_for(db, found, terms)
    rows: Iterable[Candidate]
    lengths = {len(term.text) >= 3 for term in terms}
    on_server = db.get_bind().dialect.name == "postgresql"
    find_rare = server_rare_term_events if on_server else rare_term_events
    rare = find_rare(db, terms, date_range(event_filter))
    if rare is not None:
        rows = events_holding_every_term(documents_of_events(db, rare, terms), terms)
    elif on_server:
        narrowing = filtering and not dates_only
        rows = server.candidate_rows(db, terms, date_range(event_filter), filtered=narrowing)
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
