"""Any folder name works: ``#``, ``?``, ``%20``, spaces, Hangul, quotes and long paths
are ordinary characters, never read as parts of a URI. Each operation runs in such a
folder; the data must be in the file that was asked for, and no stray file (``a``
for ``a?x``, ``100 done`` for ``100%20done``) may appear anywhere."""

import datetime as dt
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from recap import cli
from recap.storage.backup import copy_library, daily_backup, list_backups, restore
from recap.storage.library import open_library
from recap.storage.lock import LibraryLock, LibraryLocked
from recap.storage.opening import open_for_editing
from tests.conftest import DATA_DIR, SAMPLE_LIBRARY_JSON

LONG_NAME = ("long-folder_" * 17)[:200]
FOLDER_NAMES = ["C# notes", "what?", "100%20done", "a b", "메모 폴더", "it's", LONG_NAME]
NAME_IDS = ["hash", "question-mark", "percent-20", "space", "hangul", "quote", "200-chars"]
SAMPLE_TITLES = {event["title"] for event in json.loads(SAMPLE_LIBRARY_JSON.read_text())["events"]}
OLD_LIBRARY = DATA_DIR / "library-0002_search_index.db"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def titles_in(path: Path) -> set[str]:
    """The event titles stored in the file at ``path``, read with plain sqlite3."""
    assert path.is_file(), f"nothing at {path}"
    with closing(sqlite3.connect(path)) as connection:  # a plain file name, not a URI
        return {title for (title,) in connection.execute("SELECT title FROM events")}


@pytest.fixture(params=FOLDER_NAMES, ids=NAME_IDS)
def folder(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    """A folder with the awkward name; afterwards nothing may lie outside it."""
    made = tmp_path / "work" / request.param
    made.mkdir(parents=True)
    yield made
    strays = [
        path for path in (tmp_path / "work").rglob("*") if path != made and made not in path.parents
    ]
    assert strays == [], f"files outside {made.name!r}: {strays}"


@pytest.fixture
def library(folder: Path) -> Path:
    """A library holding the sample, loaded through the CLI."""
    path = folder / "library.db"
    code, _out, err = run_cli("--db", str(path), "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err) == (0, ""), err
    return path


def test_open_creates_the_file_that_was_asked_for(folder: Path) -> None:
    path = folder / "library.db"
    opened = open_library(path)
    opened.close()
    assert titles_in(path) == set()
    assert sorted(p.name for p in folder.iterdir()) == ["library.db"]


def test_load_puts_the_events_into_the_named_file(library: Path) -> None:
    assert titles_in(library) == SAMPLE_TITLES
    code, out, _err = run_cli("--db", str(library), "list", "--json")
    assert code == 0 and {item["title"] for item in json.loads(out)} == SAMPLE_TITLES


def test_a_manual_backup_holds_the_events(library: Path, folder: Path) -> None:
    code, out, err = run_cli("--db", str(library), "backup")
    assert (code, err) == (0, "")
    [copy] = (folder / "backups").glob("library.copy-*.db")
    assert titles_in(copy) == SAMPLE_TITLES
    assert str(copy) in out
    named = folder / "copy of it.db"
    assert run_cli("--db", str(library), "backup", str(named))[0] == 0
    assert titles_in(named) == SAMPLE_TITLES
    assert copy_library(library, folder / "by the service.db") == folder / "by the service.db"
    assert titles_in(folder / "by the service.db") == SAMPLE_TITLES


def test_the_daily_backup_holds_the_events(library: Path, folder: Path) -> None:
    # none yet: the library was created empty (an empty library gets no daily copy)
    assert not (folder / "backups").exists()
    opened = open_for_editing(library)  # as the app and the writing commands open it
    opened.close()
    assert opened.warnings == []
    [daily] = (folder / "backups").glob("library.daily-*.db")
    assert daily.name == f"library.daily-{dt.date.today().isoformat()}.db"
    assert titles_in(daily) == SAMPLE_TITLES
    assert daily_backup(library, dt.date(2000, 1, 1)) == folder / "backups" / (
        "library.daily-2000-01-01.db"
    )
    [info] = [info for info in list_backups(library) if info.path.name.endswith("2000-01-01.db")]
    assert info.event_count == len(SAMPLE_TITLES)


def test_the_copy_before_a_migration_holds_the_old_library(folder: Path) -> None:
    path = folder / "library.db"
    shutil.copyfile(OLD_LIBRARY, path)
    old_titles = titles_in(path)
    assert old_titles
    open_library(path).close()  # migrates
    [kept] = (folder / "backups").glob("library.before-migration-0002*.db")
    assert titles_in(kept) == old_titles
    with closing(sqlite3.connect(kept)) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert revision == [("0002_search_index",)]  # the copy is the library as it was
    assert titles_in(path) == old_titles


def test_restore_puts_the_backup_in_place(library: Path, folder: Path) -> None:
    backup = folder / "before.db"
    copy_library(library, backup)
    run_cli("--db", str(library), "tags", "--delete", "Python")  # a change to undo
    wiped = open_library(library)
    for summary in wiped.event_summaries():
        wiped.delete_event(summary.id)
    wiped.close()
    assert titles_in(library) == set()
    kept = restore(backup, library)
    assert titles_in(library) == SAMPLE_TITLES
    assert kept.parent == folder / "backups" and titles_in(kept) == set()


def test_dump_writes_the_named_file(library: Path, folder: Path) -> None:
    target = folder / "dump.json"
    code, out, err = run_cli("--db", str(library), "dump", str(target))
    assert (code, out, err) == (0, "", "")
    dumped = json.loads(target.read_text(encoding="utf-8"))
    assert {event["title"] for event in dumped["events"]} == SAMPLE_TITLES


def test_export_and_import_in_the_folder(library: Path, folder: Path) -> None:
    posts = folder / "posts"
    code, _out, err = run_cli("--db", str(library), "export", "--all", "--out", str(posts))
    assert (code, err) == (0, ""), err
    written = sorted(posts.glob("*.md"))
    assert len(written) == len(SAMPLE_TITLES)
    other = folder / "other.db"
    code, _out, err = run_cli("--db", str(other), "import", *map(str, written))
    assert (code, err) == (0, ""), err
    assert titles_in(other) == SAMPLE_TITLES


def test_the_lock_is_taken_on_the_named_library(library: Path, folder: Path) -> None:
    held = LibraryLock(library)
    held.acquire()
    try:
        with pytest.raises(LibraryLocked):
            LibraryLock(library).acquire()
        code, _out, err = run_cli("--db", str(library), "tags", "--delete", "Python")
        assert code == 2 and "open in the Recap app" in err
    finally:
        held.release()
    assert (folder / "library.db.lock").exists()
