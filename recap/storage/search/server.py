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
from recap.storage.search.planning import RowRange, holds_every_term, probe_trigrams
from recap.storage.search.tables import DOCS_TABLE, SEPARATOR

Candidate = tuple[int, int, int, int, str]  # rowid, event_id, kind code, ref_id, body
Db = Session | Connection

FIRST_WINDOW = 2000  # documents walked first (about 1.5 ms on the 20,000-event library)
LARGEST_WINDOW = 32_000  # each next window doubles, up to this
# A window in which fewer than this many documents hold the terms sends the rest of the
# search to the index: below about 0.5 % the index reads fewer rows than a walk would.
DENSE_MATCHES = 10
# Newest documents looked at to tell that a term is too common to count in the index.
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
    """SQL that keeps the documents whose folded text holds every term (an initials
    term is held by the initials part; Python's check after is the final word)."""
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


def walk_statement(terms: list[SearchTerm], rows: RowRange) -> Statement:
    """The documents in a rowid range holding the terms, newest first, read by id."""
    parameters: dict[str, object] = {}
    where = "TRUE" + range_conditions(rows, parameters) + text_conditions(terms, parameters)
    return Statement(
        f"SELECT {COLUMNS} FROM {DOCS_TABLE} WHERE {where} ORDER BY id DESC", parameters
    )


def index_statement(terms: list[SearchTerm], rows: RowRange) -> Statement:
    """The documents in a rowid range holding the terms, found through the GIN index.
    MATERIALIZED keeps the planner from walking the ids and computing each text's
    pieces instead (it would, under an ORDER BY … LIMIT)."""
    parameters: dict[str, object] = {"keys": index_keys(terms)}
    where = "recap_search_grams(folded) @> %(keys)s::text[]" + range_conditions(rows, parameters)
    found = f"WITH found AS MATERIALIZED (SELECT {COLUMNS}, folded FROM {DOCS_TABLE} WHERE {where})"
    checks = text_conditions(terms, parameters)
    return Statement(
        f"{found} SELECT {COLUMNS} FROM found WHERE TRUE{checks} ORDER BY id DESC", parameters
    )


def window_floor(db: Db, rows: RowRange, size: int) -> int | None:
    """The rowid ``size`` documents below the top of the range (None: fewer are left)."""
    parameters: dict[str, object] = {"skip": size - 1}
    where = "TRUE" + range_conditions(rows, parameters)
    sql = f"SELECT id FROM {DOCS_TABLE} WHERE {where} ORDER BY id DESC OFFSET %(skip)s LIMIT 1"
    found = driver_rows(db, Statement(sql, parameters))
    floor: int | None = found[0][0] if found else None
    return floor


def driver_rows(db: Db, statement: Statement) -> list[tuple[Any, ...]]:
    """Rows straight from psycopg (run inside Library._transaction, whose
    storage_errors turns its errors into sentences)."""
    connection = db.connection() if isinstance(db, Session) else db
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor:
        cursor.execute(statement.sql.encode(), statement.parameters)
        return list(cursor.fetchall())


def candidates(db: Db, statement: Statement, terms: list[SearchTerm]) -> Iterator[Candidate]:
    for rowid, event_id, kind, ref_id, body in driver_rows(db, statement):
        if holds_every_term(body, terms):
            yield rowid, event_id, kind, ref_id, body


def candidate_rows(db: Db, terms: list[SearchTerm], rows: RowRange) -> Iterator[Candidate]:
    """The documents holding every term in one text, newest first: windows of the newest
    documents while the terms are common in them, then the index for the rest."""
    low, high = rows
    size = FIRST_WINDOW
    while True:
        floor = window_floor(db, (low, high), size)
        if floor is None:  # the rest of the range fits in this window
            yield from candidates(db, walk_statement(terms, (low, high)), terms)
            return
        found = list(candidates(db, walk_statement(terms, (floor, high)), terms))
        yield from found
        high = floor
        if len(found) < DENSE_MATCHES:
            yield from candidates(db, index_statement(terms, (low, high)), terms)
            return
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


def newest_count(db: Db, term: SearchTerm, rows: RowRange, sample: int, most: int) -> int:
    """How many of the newest ``sample`` documents hold the index keys of ``term``,
    counted up to ``most``: when it reaches ``most``, the index would too."""
    parameters: dict[str, object] = {}
    newest = "TRUE" + range_conditions(rows, parameters)
    held = ""
    for n, key in enumerate(index_keys([term])):
        parameters[f"key{n}"] = key
        held += f" AND strpos(folded, %(key{n})s) > 0"
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM (SELECT folded FROM {DOCS_TABLE} "
        f"WHERE {newest} ORDER BY id DESC LIMIT {int(sample)}) AS newest "
        f"WHERE TRUE{held} LIMIT {int(most)}) AS counted"
    )
    count: int = driver_rows(db, Statement(sql, parameters))[0][0]
    return count


def holding_rows(db: Db, term: SearchTerm, rows: RowRange) -> list[Candidate]:
    """Every document holding ``term`` (a rare one), newest first."""
    return list(candidates(db, index_statement([term], rows), [term]))
