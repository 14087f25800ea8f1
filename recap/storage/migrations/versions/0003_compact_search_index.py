"""compact search index: contentless FTS5 trigram with detail=none, texts in search_docs

Revision ID: 0003_compact_search_index
Revises: 0002_search_index

Frozen: this migration reads the tables as they were at this revision and builds the
index the way the search code of this revision did, with its own copy of that code.
It never imports today's models or search code, so it runs the same however they
change later (a later column on a talk would otherwise make it select a column an old
library does not have).
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003_compact_search_index"
down_revision = "0002_search_index"
branch_labels = None
depends_on = None

DOCS_TABLE = "search_docs"
INDEX_TABLE = "search_index"
VOCABULARY_TABLE = "search_vocabulary"
SEPARATOR = "\x1e"  # between a document's text and its initials
PADDING = "\x1f\x1f"
EVENT, SESSION, QA = 0, 1, 2  # a document's kind
DAY_SHIFT = 20  # rowid = the event's start day (ordinal) << 20 | a number within that day
BATCH = 500  # events read at a time

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

# The tables as they were at this revision (only the columns the index reads).
events = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("title", sa.Text),
    sa.column("start_date", sa.Date),
    sa.column("venue", sa.Text),
    sa.column("host", sa.Text),
    sa.column("found_via", sa.Text),
    sa.column("category_id", sa.Integer),
    sa.column("summary", sa.Text),
)
categories = sa.table("categories", sa.column("id", sa.Integer), sa.column("name", sa.Text))
tags = sa.table("tags", sa.column("id", sa.Integer), sa.column("name", sa.Text))
event_tags = sa.table(
    "event_tags",
    sa.column("event_id", sa.Integer),
    sa.column("tag_id", sa.Integer),
    sa.column("position", sa.Integer),
)
sessions = sa.table(
    "sessions",
    sa.column("id", sa.Integer),
    sa.column("event_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("title", sa.Text),
    sa.column("speaker", sa.Text),
    sa.column("affiliation", sa.Text),
    sa.column("impression", sa.Text),
    sa.column("notes", sa.Text),
)
links = sa.table(
    "links",
    sa.column("session_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("label", sa.Text),
    sa.column("url", sa.Text),
)
qa_entries = sa.table(
    "qa_entries",
    sa.column("id", sa.Integer),
    sa.column("session_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("question", sa.Text),
    sa.column("answer", sa.Text),
)

# Hangul initials as this revision indexed them (a copy: the index's form is frozen too).
SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
TO_INITIALS = {
    code: INITIALS[(code - SYLLABLE_FIRST) // (21 * 28)]
    for code in range(SYLLABLE_FIRST, SYLLABLE_LAST + 1)
}
HANGUL_WORD = re.compile(f"[{chr(SYLLABLE_FIRST)}-{chr(SYLLABLE_LAST)}{INITIALS}]+")


def indexed_text(body: str) -> str:
    """What the index holds for a document: its text, then its Hangul words' initials."""
    initials = " ".join(HANGUL_WORD.findall(body)).translate(TO_INITIALS)
    return body + SEPARATOR + initials + PADDING


def joined(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


Row = Any  # a result row of one of the queries below
Document = tuple[int, int, int, int, str]  # start day, event id, kind, ref id, body


def grouped(rows: Iterable[Row]) -> dict[object, list[Row]]:
    """Rows by their first column."""
    by_key: dict[object, list[Row]] = defaultdict(list)
    for row in rows:
        by_key[row[0]].append(row)
    return by_key


def documents(
    connection: sa.Connection, ids: list[int]
) -> Iterator[tuple[int, int, int, int, str]]:
    """(start day, event id, kind, ref id, body) for every document of these events."""
    category_names = dict(connection.execute(sa.select(categories.c.id, categories.c.name)).all())
    event_rows = connection.execute(
        sa.select(events).where(events.c.id.in_(ids)).order_by(events.c.id)
    ).all()
    tag_rows = grouped(
        connection.execute(
            sa.select(event_tags.c.event_id, tags.c.name)
            .join(tags, tags.c.id == event_tags.c.tag_id)
            .where(event_tags.c.event_id.in_(ids))
            .order_by(event_tags.c.event_id, event_tags.c.position)
        )
    )
    session_rows = grouped(
        connection.execute(
            sa.select(
                sessions.c.event_id,
                sessions.c.id,
                sessions.c.title,
                sessions.c.speaker,
                sessions.c.affiliation,
                sessions.c.impression,
                sessions.c.notes,
            )
            .where(sessions.c.event_id.in_(ids))
            .order_by(sessions.c.event_id, sessions.c.position)
        )
    )
    session_ids = [row[1] for rows in session_rows.values() for row in rows]
    link_rows: dict[object, list[Row]] = defaultdict(list)
    qa_rows: dict[object, list[Row]] = defaultdict(list)
    for start in range(0, len(session_ids), BATCH):
        some = session_ids[start : start + BATCH]
        link_rows.update(
            grouped(
                connection.execute(
                    sa.select(links.c.session_id, links.c.label, links.c.url)
                    .where(links.c.session_id.in_(some))
                    .order_by(links.c.session_id, links.c.position)
                )
            )
        )
        qa_rows.update(
            grouped(
                connection.execute(
                    sa.select(qa_entries.c.session_id, qa_entries.c.id, qa_entries.c.question)
                    .add_columns(qa_entries.c.answer)
                    .where(qa_entries.c.session_id.in_(some))
                    .order_by(qa_entries.c.session_id, qa_entries.c.position)
                )
            )
        )
    for event in event_rows:
        day = event.start_date.toordinal()
        tag_text = " ".join(row[1] for row in tag_rows.get(event.id, []))
        category = category_names.get(event.category_id)
        body = joined(
            event.title, event.venue, event.host, event.found_via, category, tag_text, event.summary
        )
        yield day, event.id, EVENT, event.id, body
        for talk in session_rows.get(event.id, []):
            _, talk_id, title, speaker, affiliation, impression, notes = talk
            link_text = " ".join(joined(row[1], row[2]) for row in link_rows.get(talk_id, []))
            body = joined(title, speaker, affiliation, impression, notes, link_text)
            yield day, event.id, SESSION, talk_id, body
            for entry in qa_rows.get(talk_id, []):
                yield day, event.id, QA, entry[1], joined(entry[2], entry[3])


def build_index(connection: sa.Connection) -> None:
    """The compact index of every event, from scratch."""
    for statement in DROP_STATEMENTS + CREATE_STATEMENTS:
        connection.exec_driver_sql(statement)
    ids = list(connection.execute(sa.select(events.c.id).order_by(events.c.id)).scalars())
    numbers: dict[int, int] = defaultdict(int)  # documents so far on each day
    for start in range(0, len(ids), BATCH):
        rows = []
        for day, event_id, kind, ref_id, body in documents(connection, ids[start : start + BATCH]):
            rowid = (day << DAY_SHIFT) | numbers[day]
            numbers[day] += 1
            rows.append((rowid, event_id, kind, ref_id, body))
        rows.sort()  # FTS5 appends to its segments instead of scattering
        connection.exec_driver_sql(
            f"INSERT INTO {DOCS_TABLE} (id, event_id, kind, ref_id, body) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        connection.exec_driver_sql(
            f"INSERT INTO {INDEX_TABLE} (rowid, text) VALUES (?, ?)",
            [(row[0], indexed_text(row[4])) for row in rows],
        )
    if ids:
        connection.exec_driver_sql(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # a server's index: 0005_server_search
        return
    # The full-text index a library of 0002 has (search_index, with its shadow tables, and
    # search_vocabulary) is dropped and replaced by the compact one.
    build_index(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    for statement in DROP_STATEMENTS:
        connection.exec_driver_sql(statement)
