"""Libraries saved by earlier schemas open with today's code and keep every field.

Each schema change adds a file here: ``library-<revision>.db`` made from the shared
sample by that version, and ``.expected.json``, its dump at that time.
"""

import shutil
from pathlib import Path

import pytest

from recap.interchange.recap_json import dump_document
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
