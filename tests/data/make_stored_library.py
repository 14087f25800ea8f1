"""Make the stored library of one schema revision, for tests/unit/test_stored_libraries.py.

    python -m tests.data.make_stored_library REVISION

The shared sample (with an author, talk start times and publications set, where the
schema has them) is loaded into a library of today's schema; its rows are then copied, column by
column, into a fresh file migrated only up to REVISION. Writes
tests/data/library-REVISION.db and its .expected.json: the events that library holds,
as recap-json. Run it once, when a schema change makes REVISION a past one, and
commit both files.
"""

import dataclasses
import datetime as dt
import importlib
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from alembic import command

from recap.domain.records import AttachmentRecord, EventRecord, PublicationRecord
from recap.interchange.recap_json import dump_document, parse_document
from recap.storage import migrate
from recap.storage.engine import create_library_engine
from recap.storage.library import open_library
from recap.storage.migrations import HEAD_REVISION
from tests.conftest import DATA_DIR, SAMPLE_LIBRARY_JSON
from tests.pictures import PDF_BYTES, png_bytes

TABLES = (
    "categories",
    "tags",
    "events",
    "event_tags",
    "sessions",
    "links",
    "qa_entries",
    "attachment_contents",
    "attachments",
    "publications",
)


def sample_events() -> list[EventRecord]:
    """The sample, with the fields later schemas added given values (to show they are
    kept where the schema has them and absent where it has not)."""
    events = parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events
    for number, event in enumerate(events):
        event.author = "김하늘" if number % 2 == 0 else None
        for position, talk in enumerate(event.sessions):
            talk.starts_at = dt.time(13, 5 * position) if position < 12 else None
        if number < 2:  # pictures and a file (0006), the picture referred to from the notes
            picture = AttachmentRecord(
                name=f"슬라이드-{number + 1}.png",
                media_type="image/png",
                data=png_bytes(3 + number, 2),
                caption="MemGPT 구조" if number == 0 else None,
            )
            slides = AttachmentRecord(
                name="slides.pdf", media_type="application/pdf", data=PDF_BYTES
            )
            event.attachments = [picture, slides]
            if event.sessions:
                talk = event.sessions[0]
                talk.notes = (talk.notes or "") + f"\n\n![MemGPT 구조]({picture.name})"
    events[0].publications = [
        PublicationRecord(
            platform="tistory",
            url="https://recap.tistory.com/12",
            published_on=dt.date(2024, 3, 24),
        ),
        PublicationRecord(platform="velog", state="draft"),
    ]
    return events


def has_search_docs(path: Path) -> bool:
    with closing(sqlite3.connect(path)) as connection:
        found = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_docs'"
        ).fetchone()
    return found is not None


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    """The table's columns; none for a table the schema does not have yet."""
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def make(revision: str) -> Path:
    target = DATA_DIR / f"library-{revision}.db"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "today.db"
        library = open_library(source)
        library.load_records(sample_events())
        stored = list(library.events())  # as the library holds them (tags' first spelling)
        library.close()
        if revision == HEAD_REVISION:  # today's schema: the library itself
            with closing(sqlite3.connect(source)) as new, closing(sqlite3.connect(target)) as copy:
                new.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
            target.with_suffix(".expected.json").write_text(dump_document(stored), "utf-8")
            return target
        engine = create_library_engine(target)
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), revision)
        engine.dispose()
        with closing(sqlite3.connect(target)) as old, closing(sqlite3.connect(source)) as new:
            has_author = "author" in columns(old, "events")
            has_start = "starts_at" in columns(old, "sessions")
            has_attachments = bool(columns(old, "attachments"))
            has_publications = bool(columns(old, "publications"))
            for table in TABLES:
                if not columns(old, table):
                    continue  # not in that schema yet
                kept = [name for name in columns(old, table) if name in columns(new, table)]
                if not kept:
                    continue
                names = ", ".join(kept)
                rows = new.execute(f"SELECT {names} FROM {table}").fetchall()
                marks = ", ".join("?" for _ in kept)
                old.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            old.commit()
        if has_search_docs(target):  # the index of 0003 onwards, as that migration builds it
            compact = importlib.import_module(
                "recap.storage.migrations.versions.0003_compact_search_index"
            )
            engine = create_library_engine(target)
            with engine.begin() as connection:
                compact.build_index(connection)
            engine.dispose()
        with closing(sqlite3.connect(target)) as old:
            old.execute("VACUUM")
    held = [
        without_later_fields(event, has_author, has_start, has_attachments, has_publications)
        for event in stored
    ]
    target.with_suffix(".expected.json").write_text(dump_document(held), encoding="utf-8")
    return target


def without_later_fields(
    event: EventRecord,
    has_author: bool,
    has_start: bool,
    has_attachments: bool,
    has_publications: bool,
) -> EventRecord:
    """The event as an older schema holds it: without the fields it did not have yet."""
    talks = [
        talk if has_start else dataclasses.replace(talk, starts_at=None) for talk in event.sessions
    ]
    return dataclasses.replace(
        event,
        author=event.author if has_author else None,
        sessions=talks,
        attachments=event.attachments if has_attachments else [],
        publications=event.publications if has_publications else [],
    )


if __name__ == "__main__":
    print(make(sys.argv[1]))
