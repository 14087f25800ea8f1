"""Search on a PostgreSQL server: the same documents and the same answers as SQLite's
FTS5 index, from a GIN index of every 1–3 character piece of each document's folded
text (migration 0005_server_search; the figures behind this are in
docs/postgresql-search.md).

A GIN index hands back its matches unordered, and reading thousands of them to sort
them costs far more than the budget, while a common term is found within the newest
few thousand documents anyway. So a search first walks the newest documents by id
(the rowid, which starts with the event's day) testing the folded text, a window at a
time, and turns to the index for the rest once a window shows the terms are rare.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from recap.domain.hangul import initials_words
from recap.domain.search_text import SearchTerm
from recap.storage.search import signature
from recap.storage.search.planning import RowRange, probe_trigrams
from recap.storage.search.signature import SIGS_TABLE
from recap.storage.search.tables import DOCS_TABLE, SEPARATOR

Candidate = tuple[int, int, int, int, str]  # rowid, event_id, kind code, ref_id, body
Db = Session | Connection

# Documents walked first: a little more than 50 events' worth (about 21 each in the
# benchmark library), so that a common term's newest 50 events come from one window.
FIRST_WINDOW = 1200
LARGEST_WINDOW = 32_000  # no window reads more documents than this
# A walk in which fewer than one document in this many holds the terms sends the rest
# of the search to the index. Around there walking and the index cost about the same
# (measured: docs/postgresql-search.md); above it the index would fetch and sort more
# rows than a walk reads.
SPARSE = 300
SPARSE_SAMPLE = 8000  # documents in a window that is judged sparse on its own
# A window with this many matches already holds dozens of events: the next one (if the
# search needs it at all) keeps its size.
MANY_MATCHES = 200
# Matching documents a page of results usually takes (50 events, a few with two texts):
# while fewer are found, the next window is sized, at the rate seen, to find the rest.
PAGE_OF_MATCHES = 56
# Newest documents looked at to tell that a term is too common to count in the index:
# a first sample, and a larger one when the first shows the term is not rare.
FIRST_SAMPLE = 1000
COMMON_SAMPLE = 8000

COLUMNS = "id, event_id, kind, ref_id, body"


def folded_text(body: str) -> str:
    """What the server matches against: the text and its words' initials, lower-cased
    by Recap (not by the server, whose locale may not know Hangul or accents)."""
    return (body + SEPARATOR + initials_words(body)).lower()


def index_keys(terms: Iterable[SearchTerm]) -> list[str]:
    """The index keys every matching document holds: a term of up to three characters
    is a key itself, a longer one gives a spread of its trigrams."""
    keys: dict[str, None] = {}
    for term in terms:
        pieces = [term.text] if len(term.text) <= 3 else probe_trigrams(term.text)
        keys.update(dict.fromkeys(pieces))
    return list(keys)


@dataclass
class Statement:
    sql: str
    parameters: dict[str, object]


def text_conditions(terms: Iterable[SearchTerm], parameters: dict[str, object]) -> str:
    """SQL that keeps the documents whose folded text holds every term. For a term that
    is not initials this is exact: it holds a character that is not an initial
    consonant, so it can only be found in the text part, and it never holds the
    separator (a space to Python's split)."""
    conditions = ""
    for n, term in enumerate(terms):
        parameters[f"term{n}"] = term.text
        conditions += f" AND strpos(folded, %(term{n})s) > 0"
    return conditions


def range_conditions(rows: RowRange, parameters: dict[str, object]) -> str:
    low, high = rows
    conditions = ""
    if low is not None:
        parameters["low"] = low
        conditions += " AND id >= %(low)s"
    if high is not None:
        parameters["high"] = high
        conditions += " AND id < %(high)s"
    return conditions


def selected(terms: list[SearchTerm]) -> str:
    """The columns a search reads: the folded text too when an initials term must be
    checked on it (see ``text_conditions``)."""
    return COLUMNS + (", folded" if any(term.initials for term in terms) else "")


def signature_test(terms: Iterable[SearchTerm], parameters: dict[str, object]) -> str:
    """SQL, on ``search_sigs``, true for the documents whose signature holds every bit of
    the terms' pieces: all those holding the terms, and a few more (signature.py)."""
    tests = []
    for word, value in signature.mask(terms).items():
        parameters[f"mask{word}"] = value
        tests.append(f"s{word} & %(mask{word})s = %(mask{word})s")
    return " AND ".join(tests) or "TRUE"


def window_statement(terms: list[SearchTerm], rows: RowRange, size: int) -> Statement:
    """The newest ``size`` documents of a rowid range that hold the terms, and one more
    row (kind -1) with the lowest rowid and the number of documents looked at. Their
    signatures come first, in one pass in id order from the index that carries them;
    only the documents they let through are read (a phrase of common words: one in
    ten; measured in docs/postgresql-search.md), by id, so that the planner cannot
    swap in a scan of the whole table when edits have scattered the rows."""
    parameters: dict[str, object] = {"size": size}
    where = "TRUE" + range_conditions(rows, parameters)
    passes = signature_test(terms, parameters)
    checks = text_conditions(terms, parameters)
    columns = selected(terms)
    blanks = ", ''" if columns != COLUMNS else ""
    if passes == "TRUE":  # one-character terms: every document is read, in id order
        chosen = "id BETWEEN (SELECT low FROM walked) AND (SELECT high FROM walked)"
    else:
        chosen = "id = ANY((SELECT ids FROM walked)::bigint[])"
    return Statement(
        "WITH walked AS MATERIALIZED (SELECT min(id) AS low, max(id) AS high, "
        "count(*) AS looked, array_agg(id) FILTER (WHERE passes) AS ids "
        f"FROM (SELECT id, {passes} AS passes FROM {SIGS_TABLE} "
        f"WHERE {where} ORDER BY id DESC LIMIT %(size)s) AS newest) "
        f"SELECT {columns} FROM {DOCS_TABLE} WHERE {chosen}{checks} "
        f"UNION ALL SELECT low, looked, -1, 0, ''{blanks} FROM walked",
        parameters,
    )


def index_statement(terms: list[SearchTerm], rows: RowRange) -> Statement:
    """The documents in a rowid range holding the terms, found through the GIN index.
    MATERIALIZED keeps the planner from walking the ids and computing each text's
    pieces instead (it would, under an ORDER BY … LIMIT)."""
    parameters: dict[str, object] = {"keys": index_keys(terms)}
    where = "recap_search_grams(folded) @> %(keys)s::text[]" + range_conditions(rows, parameters)
    found = f"WITH found AS MATERIALIZED (SELECT {COLUMNS}, folded FROM {DOCS_TABLE} WHERE {where})"
    checks = text_conditions(terms, parameters)
    return Statement(f"{found} SELECT {selected(terms)} FROM found WHERE TRUE{checks}", parameters)


def driver_rows(db: Db, statement: Statement) -> list[tuple[Any, ...]]:
    """Rows straight from psycopg (run inside Library._transaction, whose
    storage_errors turns its errors into sentences)."""
    connection = db.connection() if isinstance(db, Session) else db
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(statement.sql.encode(), statement.parameters)
        return list(cursor.fetchall())


def folded_holds_every_term(folded: str, terms: Iterable[SearchTerm]) -> bool:
    """planning.holds_every_term, on the folded text: its text part is the body
    lower-cased, its part after the last separator the words' initials."""
    split = folded.rfind(SEPARATOR)
    text, initials = folded[:split], folded[split + 1 :]
    return all(term.text in (initials if term.initials else text) for term in terms)


def holding(rows: list[tuple[Any, ...]], terms: list[SearchTerm]) -> list[Candidate]:
    """The rows that hold every term, newest first. The SQL checks are exact for terms
    that are not initials; an initials term is checked again on the folded text read
    with the row (a match in the text itself, jamo typed as such, is not enough)."""
    kept = [
        (row[0], row[1], row[2], row[3], row[4])
        for row in rows
        if len(row) == 5 or folded_holds_every_term(row[5], terms)
    ]
    kept.sort(reverse=True)
    return kept


def candidate_rows(
    db: Db, terms: list[SearchTerm], rows: RowRange, *, filtered: bool = False
) -> Iterator[Candidate]:
    """The documents holding every term in one text, newest first: windows of the newest
    documents while the terms are common in them, then the index for the rest.
    ``filtered``: a filter will turn some of their events away (a larger first window)."""
    low, high = rows
    size = FIRST_WINDOW * (2 if filtered else 1)
    walked = matched = 0
    while True:
        found = driver_rows(db, window_statement(terms, (low, high), size))
        floor, looked_at = found[-1][0], found[-1][1]
        matching = holding([row for row in found if row[2] != -1], terms)
        yield from matching
        if looked_at < size:  # the whole range was in this window
            return
        high = floor
        walked, matched = walked + looked_at, matched + len(matching)
        # Sparse over every window so far (a small one says little), or in a large one.
        sparse_here = looked_at >= SPARSE_SAMPLE and len(matching) * SPARSE < looked_at
        if matched * SPARSE < walked or sparse_here:
            yield from holding(driver_rows(db, index_statement(terms, (low, high))), terms)
            return
        if matched < PAGE_OF_MATCHES:  # one window for the rest of the page, at this rate
            wanted = (PAGE_OF_MATCHES - matched) * walked // matched
            size = min(max(wanted, FIRST_WINDOW), LARGEST_WINDOW)
        elif len(matching) < MANY_MATCHES:  # sparse: a larger window for the next events
            size = min(size * 2, LARGEST_WINDOW)


def indexed_count(db: Db, term: SearchTerm, rows: RowRange, most: int) -> int:
    """How many documents hold the index keys of ``term``, counted up to ``most``: what
    SQLite's index counts for the same term. Cheap for a rare term only (the lists of a
    common term's keys take ~10 ms each to read): ask ``newest_count`` first."""
    parameters: dict[str, object] = {"keys": index_keys([term])}
    where = "recap_search_grams(folded) @> %(keys)s::text[]" + range_conditions(rows, parameters)
    sql = (
        f"WITH found AS MATERIALIZED (SELECT 1 FROM {DOCS_TABLE} WHERE {where}) "
        f"SELECT count(*) FROM (SELECT 1 FROM found LIMIT {int(most)}) AS counted"
    )
    count: int = driver_rows(db, Statement(sql, parameters))[0][0]
    return count


def newest_holders(db: Db, pieces: list[str], rows: RowRange, sample: int, most: int) -> int:
    """How many of the newest ``sample`` documents hold every one of ``pieces`` in their
    folded text, counted up to ``most``. Only the documents whose signature holds the
    pieces' bits are read, newest first, until ``most`` are found."""
    parameters: dict[str, object] = {}
    newest = "TRUE" + range_conditions(rows, parameters)
    passes = signature_test([SearchTerm(piece, False) for piece in pieces], parameters)
    held = ""
    for n, piece in enumerate(pieces):
        parameters[f"piece{n}"] = piece
        held += f" AND strpos(d.folded, %(piece{n})s) > 0"
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM (SELECT id, {passes} AS passes "
        f"FROM {SIGS_TABLE} WHERE {newest} ORDER BY id DESC LIMIT {int(sample)}) AS newest "
        f"JOIN {DOCS_TABLE} AS d ON d.id = newest.id "
        f"WHERE newest.passes{held} LIMIT {int(most)}) AS counted"
    )
    count: int = driver_rows(db, Statement(sql, parameters))[0][0]
    return count


def newest_count(db: Db, term: SearchTerm, rows: RowRange, sample: int, most: int) -> int:
    """How many of the newest ``sample`` documents hold the index keys of ``term``,
    counted up to ``most``: when it reaches ``most``, the index would too."""
    return newest_holders(db, index_keys([term]), rows, sample, most)


def often_held(db: Db, term: SearchTerm, rows: RowRange, most: int) -> bool:
    """True when the newest documents show that more than ``most`` texts hold ``term``
    itself: a quicker proof that it is not rare than counting its index keys (a quarter
    as many documents read when ``most`` is RARE_DOCUMENTS). Not for initials: the SQL
    test may also find them typed in the text itself."""
    if term.initials:
        return False
    return newest_holders(db, [term.text], rows, COMMON_SAMPLE, most + 1) > most


def holding_rows(db: Db, term: SearchTerm, rows: RowRange) -> list[Candidate]:
    """Every document holding ``term`` (a rare one), newest first."""
    return holding(driver_rows(db, index_statement([term], rows)), [term])


def more_than(db: Db, term: SearchTerm, rows: RowRange, most: int) -> bool:
    """True when more than ``most`` documents hold the index keys of ``term``, as SQLite's
    index would count them. The newest documents settle it for a common term; the index
    counts a rare one (cheap then: its keys' lists are short)."""
    first = newest_count(db, term, rows, FIRST_SAMPLE, most + 1)
    if first > most:
        return True
    # At that rate the larger sample would hold at least a quarter of ``most``: look there.
    promising = first * COMMON_SAMPLE * 4 >= most * FIRST_SAMPLE
    if promising and newest_count(db, term, rows, COMMON_SAMPLE, most + 1) > most:
        return True
    return indexed_count(db, term, rows, most + 1) > most


def documents_of_events(
    db: Db, event_ids: list[int], terms: list[SearchTerm]
) -> Iterator[Candidate]:
    """The documents of the given events whose folded text holds one of the terms."""
    parameters: dict[str, object] = {"ids": event_ids}
    holds_one = " OR ".join(f"strpos(folded, %(term{n})s) > 0" for n in range(len(terms)))
    parameters.update({f"term{n}": term.text for n, term in enumerate(terms)})
    sql = f"SELECT {COLUMNS} FROM {DOCS_TABLE} WHERE event_id = ANY(%(ids)s) AND ({holds_one})"
    for row in driver_rows(db, Statement(sql, parameters)):
        yield row[0], row[1], row[2], row[3], row[4]
