"""Libraries saved by earlier schemas open with today's code and keep every field.

Each schema change adds a file here: ``library-<revision>.db`` made from the shared
sample by that version, and ``.expected.json``, its dump at that time.
"""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from recap.interchange.recap_json import dump_document
from recap.storage.engine import compact_if_mostly_free, create_library_engine
from recap.storage.library import open_library
from recap.storage.migrations import HEAD_REVISION
from tests.conftest import DATA_DIR

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
    expected = stored.with_suffix(".expected.json").read_text(encoding="utf-8")
    assert dumped == expected


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
