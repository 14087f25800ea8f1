"""Libraries saved by earlier schemas open with today's code and keep every field.

Each schema change adds a file here: ``library-<revision>.db`` made from the shared
sample (by that version of Recap, or since 0004 by tests/data/make_stored_library.py),
and ``.expected.json``, the events it holds as recap-json of its time. A migration
that imported today's code instead of freezing what it reads would break the first
time a model gains a column: the last test here makes one gain a column.
"""

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from recap.interchange.recap_json import dump_document, parse_document
from recap.storage.engine import compact_if_mostly_free, create_library_engine
from recap.storage.library import open_library
from recap.storage.migrations import HEAD_REVISION
from tests.conftest import DATA_DIR, REPO_ROOT

STORED = sorted(DATA_DIR.glob("library-*.db"))


def test_every_schema_has_a_stored_library() -> None:
    assert DATA_DIR / f"library-{HEAD_REVISION}.db" in STORED


@pytest.mark.parametrize("stored", STORED, ids=lambda path: path.stem)
def test_a_stored_library_opens_and_keeps_every_field(stored: Path, tmp_path: Path) -> None:
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    library = open_library(copy)
    try:
        dumped = dump_document(library.events())
        assert library.search("캐시")  # the search index is there and current
    finally:
        library.close()
    # Read as recap-json of its version and written as today's: the fields later versions
    # added are empty on both sides.
    expected = parse_document(stored.with_suffix(".expected.json").read_bytes()).events
    assert dumped == dump_document(expected)


def test_freed_pages_are_given_back_when_most_of_the_file_is_free(tmp_path: Path) -> None:
    """What a migration that rebuilt the search index ends with (engine.open_engine)."""
    path = tmp_path / "library.db"
    open_library(path).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE junk (x)")
        connection.executemany("INSERT INTO junk VALUES (?)", [("x" * 1000,)] * 2000)
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("DROP TABLE junk")
    engine = create_library_engine(path)
    try:
        compact_if_mostly_free(engine)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)


LATER_COLUMN = """
import shutil, sys
from pathlib import Path

import sqlalchemy as sa

from recap.storage import migrate
from recap.storage.models import EventSession

# Today's models gain a column, with the migration that adds it (in a copy of the
# migrations folder): what the next schema change will do.
EventSession.__table__.append_column(sa.Column("slides_url", sa.Text, nullable=True))
EventSession.__mapper__.add_property("slides_url", EventSession.__table__.c.slides_url)
folder = Path(sys.argv[1])
shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
(folder / "versions" / "9999_slides_url.py").write_text(
    "import sqlalchemy as sa\\n"
    "from alembic import op\\n"
    "revision = '9999_slides_url'\\n"
    f"down_revision = {migrate.HEAD_REVISION!r}\\n"
    "def upgrade():\\n"
    "    with op.batch_alter_table('sessions') as table:\\n"
    "        table.add_column(sa.Column('slides_url', sa.Text(), nullable=True))\\n",
    encoding="utf-8",
)
migrate.MIGRATIONS_DIR = folder
migrate.HEAD_REVISION = "9999_slides_url"

from recap.interchange.recap_json import dump_document
from recap.storage.library import open_library

for stored in sys.argv[2:]:
    library = open_library(Path(stored))
    print(dump_document(library.events()), end="\\0")
    assert library.search("캐시"), stored
    library.close()
"""


def test_every_stored_library_migrates_when_a_model_gains_a_column(tmp_path: Path) -> None:
    copies = []
    for stored in STORED:
        copy = tmp_path / stored.name
        shutil.copy(stored, copy)
        copies.append(copy)
    child = subprocess.run(
        [sys.executable, "-c", LATER_COLUMN, str(tmp_path / "migrations"), *map(str, copies)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    assert child.returncode == 0, child.stderr
    dumps = child.stdout.split("\0")[:-1]
    for stored, dumped in zip(STORED, dumps, strict=True):
        expected = parse_document(stored.with_suffix(".expected.json").read_bytes()).events
        assert dumped == dump_document(expected), stored.name


def indexed_texts(library_file: Path) -> list[tuple[int, str]]:
    with closing(sqlite3.connect(library_file)) as connection:
        rows = connection.execute("SELECT kind, body FROM search_docs").fetchall()
        vocabulary = connection.execute("SELECT count(*) FROM search_vocabulary").fetchone()
    assert vocabulary[0] > 0  # the trigram index itself is there
    return sorted(rows)


@pytest.mark.parametrize("stored", STORED[:-1], ids=lambda path: path.stem)
def test_a_migrated_library_has_the_index_a_fresh_load_makes(stored: Path, tmp_path: Path) -> None:
    copy = tmp_path / stored.name
    shutil.copy(stored, copy)
    open_library(copy).close()  # migrates, building the search index of 0003 as it was
    fresh = tmp_path / "fresh.db"
    library = open_library(fresh)
    library.load_records(parse_document(stored.with_suffix(".expected.json").read_bytes()).events)
    searches = {query: [hit.event.title for hit in library.search(query)] for query in QUERIES}
    library.close()
    assert all(searches.values())  # every query finds something to compare
    assert indexed_texts(copy) == indexed_texts(fresh)
    migrated = open_library(copy)
    try:
        for query, titles in searches.items():
            assert [hit.event.title for hit in migrated.search(query)] == titles, query
    finally:
        migrated.close()


QUERIES = ("캐시", "ㅋㅅ", "키", "async", "Dana Park", "캐시 SimpleCache", '"p99가 10배"')
