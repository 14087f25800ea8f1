"""Real storage faults end in one sentence, never a traceback, and write nothing.

The command line runs as ``python -m recap`` in a child process: a full disk
(RLIMIT_FSIZE), a library locked by another program's open write transaction, and a
page of the file overwritten with garbage. The services show that the raw-driver
fast reads go through the same error boundary as the ORM."""

from collections.abc import Callable
from pathlib import Path

import pytest

from recap.errors import LibraryError
from recap.storage.library import Library, open_library
from recap.storage.opening import open_for_editing
from tests.faults import (
    damage_a_page,
    make_library,
    run_recap,
    snapshot,
    write_recap_json,
    write_transaction_held,
)

EXIT_BAD_INPUT = 2


@pytest.fixture
def filled(library_path: Path) -> Path:
    """A library of 300 events, with today's backup already made (so that a command's
    only output is about what it was asked to do)."""
    make_library(library_path, 300)
    open_for_editing(library_path).close()
    return library_path


def one_sentence(stderr: str) -> str:
    assert stderr.count("\n") == 1 and stderr.startswith("recap: error: "), stderr
    assert "Traceback" not in stderr
    return stderr.removeprefix("recap: error: ").strip()


# -- a full disk ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "doing"),
    [
        (["load", "{json}"], "loading the events"),
        (["tags", "--rename", "all", "everything"], "saving the change"),
    ],
    ids=["load", "rename-tag"],
)
def test_a_full_disk_is_one_sentence_and_nothing_is_written(
    filled: Path, tmp_path: Path, command: list[str], doing: str
) -> None:
    new_events = write_recap_json(tmp_path / "new.json", 300, "New")
    arguments = [part.format(json=new_events) for part in command]
    before = snapshot(filled)
    done = run_recap(["--db", str(filled), *arguments], file_size=64 * 1024)
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, "")
    sentence = one_sentence(done.stderr)
    assert sentence.startswith(f"Could not finish {doing}: the disk could not be written")
    assert snapshot(filled) == before
    # With room again, the same command goes through.
    assert run_recap(["--db", str(filled), *arguments]).returncode == 0
    assert snapshot(filled) != before


# -- another program's write transaction --------------------------------------------


def test_a_library_locked_by_another_program_is_one_sentence(filled: Path, tmp_path: Path) -> None:
    new_events = write_recap_json(tmp_path / "new.json", 5, "New")
    before = snapshot(filled)
    with write_transaction_held(filled):
        # Reading goes on beside a writer (the library is in WAL mode)...
        listed = run_recap(["--db", str(filled), "list"])
        assert (listed.returncode, listed.stderr) == (0, "")
        # ...a write waits for it (5 s), then gives up with a sentence.
        done = run_recap(["--db", str(filled), "load", str(new_events)])
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, "")
    assert one_sentence(done.stderr) == (
        "Could not finish loading the events: the library is busy in another program. "
        "Nothing was changed; try again in a moment."
    )
    assert snapshot(filled) == before


# -- a damaged page -----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["dump"],
        ["search", "token{broken}"],
        ["export", "{broken_id}"],
        ["tags", "--rename", "all", "everything"],
    ],
    ids=["list", "dump", "search", "export", "rename-tag"],
)
def test_a_damaged_page_is_one_sentence_and_the_file_is_left_as_it_is(
    filled: Path, command: list[str]
) -> None:
    broken = damage_a_page(filled, "events")
    arguments = [
        part.format(broken=broken[0], broken_id=broken[0]) for part in command
    ]  # event n has id n
    before = filled.read_bytes()
    done = run_recap(["--db", str(filled), *arguments])
    assert (done.returncode, done.stdout) == (EXIT_BAD_INPUT, "")
    assert "the library file is damaged" in one_sentence(done.stderr)
    assert filled.read_bytes() == before


@pytest.mark.parametrize(
    ("owner", "read"),
    [
        ("ix_events_start_date", lambda library, broken: library.event_ids()),
        ("events", lambda library, broken: library.summaries_for(broken)),
        ("events", lambda library, broken: library.search(f"token{broken[0]}")),
        ("events", lambda library, broken: library.event(broken[0])),
    ],
    ids=["event_ids", "summaries_for", "search", "event (orm)"],
)
def test_the_fast_reads_meet_the_same_boundary_as_the_orm(
    library_path: Path, owner: str, read: Callable[[Library, list[int]], object]
) -> None:
    """event_ids, summaries_for and search read straight from the driver: a damaged
    page there is the same LibraryError about reading as the ORM's, not a bare
    sqlite3 error (nor one that says "written")."""
    make_library(library_path, 300)
    broken = damage_a_page(library_path, owner)
    library = open_library(library_path)
    try:
        with pytest.raises(LibraryError) as failed:
            read(library, broken)
    finally:
        library.close()
    assert str(failed.value) == (
        "Could not finish reading the library: the library file is damaged. "
        "Nothing was changed; restore it from a backup."
    )


def test_a_write_that_meets_a_damaged_page_says_saving(library_path: Path) -> None:
    make_library(library_path, 300)
    broken = damage_a_page(library_path, "events")
    library = open_library(library_path)
    try:
        with pytest.raises(LibraryError, match=r"^Could not finish saving the change: the library"):
            library.delete_event(broken[0])
    finally:
        library.close()
