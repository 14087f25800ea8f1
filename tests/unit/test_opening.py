"""Opening a library to edit it: a daily backup that cannot be made is a warning and
the library opens; a failed open leaves the lock free and no connection open."""

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from recap.errors import LibraryError
from recap.storage.library import open_library
from recap.storage.lock import LibraryLock, LibraryLocked
from recap.storage.opening import open_for_editing
from tests.faults import file_size_limit, make_library, run_recap

WARNED = "The library opened, but today's backup was not made. "


def lock_is_free(library: Path) -> bool:
    lock = LibraryLock(library)
    try:
        lock.acquire()
    except LibraryLocked:
        return False
    lock.release()
    return True


def files_open_on(library: Path) -> list[str]:
    """The library's files (itself, -wal, -shm) this process has open."""
    links = []
    for descriptor in os.listdir("/proc/self/fd"):
        try:
            links.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        except OSError:
            continue  # closed meanwhile (the listing's own descriptor)
    return [link for link in links if link.startswith(str(library))]


@pytest.fixture
def filled(library_path: Path) -> Path:
    make_library(library_path, 30)
    return library_path


@pytest.fixture
def backups_read_only(filled: Path) -> Iterator[Path]:
    folder = filled.parent / "backups"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield folder
    folder.chmod(0o755)


def test_a_file_named_backups_is_a_warning_and_the_library_opens(filled: Path) -> None:
    blocker = filled.parent / "backups"
    blocker.write_text("not a folder")
    opened = open_for_editing(filled)
    try:
        assert [str(warning) for warning in opened.warnings] == [
            f"{WARNED}{blocker} is a file, not a folder: backups cannot be kept there."
        ]
        assert opened.library.event_count() == 30
        assert not opened.read_only and opened.lock is not None and opened.lock.held
    finally:
        opened.close()
    assert blocker.read_text() == "not a folder"
    assert lock_is_free(filled)


def test_a_full_disk_during_the_daily_backup_is_a_warning(filled: Path) -> None:
    with file_size_limit(filled.stat().st_size // 2):
        opened = open_for_editing(filled)
    try:
        [warning] = opened.warnings
        assert str(warning).startswith(WARNED + "Could not finish backing up the library to ")
        assert "the disk could not be written (it may be full)" in str(warning)
        assert opened.library.event_count() == 30
    finally:
        opened.close()
    assert os.listdir(filled.parent / "backups") == []  # no half copy left behind


def test_the_cli_warns_in_one_line_and_does_its_work(filled: Path) -> None:
    """A command that writes makes today's backup first: a full disk there is one
    warning line, and the command itself still succeeds (exit status 0)."""
    done = run_recap(
        ["--db", str(filled), "tags", "--rename", "group3", "grp3"],
        file_size=filled.stat().st_size // 2,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Renamed 'group3' to 'grp3'")
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("recap: warning: " + WARNED)


def test_a_read_only_backups_folder_is_a_warning(filled: Path, backups_read_only: Path) -> None:
    """Root ignores permission bits: the child drops the capabilities that let it."""
    done = run_recap(
        ["--db", str(filled), "tags", "--rename", "group3", "grp3"], obey_permissions=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Renamed 'group3' to 'grp3'")
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("recap: warning: " + WARNED)
    assert str(backups_read_only) in done.stderr
    assert os.listdir(backups_read_only) == []


def test_a_failed_open_leaves_the_lock_free_and_no_connection_open(library_path: Path) -> None:
    open_library(library_path).close()
    with closing(sqlite3.connect(library_path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
    with pytest.raises(LibraryError, match="newer version"):
        open_for_editing(library_path)
    assert lock_is_free(library_path)
    assert files_open_on(library_path) == []


def test_an_open_library_holds_its_files_until_closed(filled: Path) -> None:
    """The check above can fail: an open library does hold files open."""
    opened = open_for_editing(filled)
    opened.library.event_count()
    assert files_open_on(filled) != [] and not lock_is_free(filled)
    opened.close()
    assert files_open_on(filled) == [] and lock_is_free(filled)


def test_a_library_held_elsewhere_is_refused_or_opened_read_only(filled: Path) -> None:
    holder = LibraryLock(filled)
    holder.acquire()
    try:
        with pytest.raises(LibraryLocked):
            open_for_editing(filled)
        asked: list[str] = []
        opened = open_for_editing(
            filled, read_only_when_locked=lambda error: asked.append(str(error)) is None
        )
        assert opened.read_only and opened.lock is None and opened.warnings == []
        assert len(asked) == 1 and "another Recap window" in asked[0]
        assert not (filled.parent / "backups").exists()  # a reader makes no copies
        opened.close()
    finally:
        holder.release()


def test_a_new_library_gets_its_first_daily_copy_once_it_holds_events(tmp_path: Path) -> None:
    from recap.interchange.recap_json import parse_document
    from recap.storage.backup import list_backups
    from tests.conftest import SAMPLE_LIBRARY_JSON

    path = tmp_path / "new.db"
    open_for_editing(path).close()
    assert list_backups(path) == []  # an empty copy would be no use to anyone
    opened = open_for_editing(path)
    opened.library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    opened.close()
    open_for_editing(path).close()
    [copy] = list_backups(path)
    assert copy.event_count == 3
