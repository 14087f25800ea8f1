"""Backups: recap backup, the copy before a migration, the rotating daily copy."""

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command

from recap.domain.records import EventRecord
from recap.storage import migrate
from recap.storage.backup import (
    DAILY_KEPT,
    copy_library,
    daily_backup,
    list_backups,
    restore,
)
from recap.storage.engine import create_library_engine
from recap.storage.library import Library, open_library
from tests.unit.test_cli import run_cli


def events_in(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [title for (title,) in connection.execute("SELECT title FROM events")]


def test_backup_while_the_library_is_open(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    library.create_event(EventRecord(title="송도 밋업", start_date=dt.date(2024, 4, 13)))
    code, _, err = run_cli("--db", str(library_path), "backup", str(tmp_path / "copy.db"))
    assert (code, err) == (0, "")
    assert events_in(tmp_path / "copy.db") == ["송도 밋업"]
    assert open_library(tmp_path / "copy.db").event_count() == 1


def test_backup_into_the_default_folder(library: Library, library_path: Path) -> None:
    code, out, _ = run_cli("--db", str(library_path), "backup")
    assert code == 0
    [copy] = (library_path.parent / "backups").iterdir()
    assert str(copy) in out


def test_backup_of_a_missing_library_or_to_a_bad_place_is_one_line(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    code, _, err = run_cli("--db", str(tmp_path / "none.db"), "backup")
    assert code == 2 and err.count("\n") == 1
    assert not (tmp_path / "none.db").exists()
    code, _, err = run_cli("--db", str(library_path), "backup", str(library_path))
    assert code == 2 and "already exists" in err


def test_a_migration_is_preceded_by_a_copy_of_the_old_library(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_library_engine(path)
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), "0001_initial")
        connection.exec_driver_sql(
            "INSERT INTO events (title, start_date) VALUES ('Old event', '2023-01-01')"
        )
    engine.dispose()
    open_library(path).close()
    [copy] = (tmp_path / "backups").glob("old.before-migration-0001_initial-*.db")
    assert events_in(copy) == ["Old event"]
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_initial",)
        ]


def test_daily_backups_once_a_day_and_only_the_last_seven(
    library: Library, library_path: Path
) -> None:
    start = dt.date(2024, 1, 1)
    for offset in range(10):
        assert daily_backup(library_path, start + dt.timedelta(days=offset)) is not None
    assert daily_backup(library_path, start + dt.timedelta(days=9)) is None  # same day again
    kept = sorted(path.name for path in (library_path.parent / "backups").iterdir())
    assert len(kept) == DAILY_KEPT
    assert kept[0].endswith("2024-01-04.db") and kept[-1].endswith("2024-01-10.db")


def test_libraries_sharing_a_folder_keep_their_own_backups(tmp_path: Path) -> None:
    work, work_old = tmp_path / "work.db", tmp_path / "work-old.db"
    for path, title in ((work, "current"), (work_old, "archive")):
        library = open_library(path)
        library.create_event(EventRecord(title=title, start_date=dt.date(2024, 4, 13)))
        library.close()
    start = dt.date(2024, 1, 1)
    for offset in range(8):
        daily_backup(work_old, start + dt.timedelta(days=offset))
    daily_backup(work, start + dt.timedelta(days=8))
    copy_library(work_old, tmp_path / "backups")  # what recap backup makes
    mine = list_backups(work)
    assert [info.path.name for info in mine] == ["work.daily-2024-01-09.db"]
    assert mine[0].event_count == 1 and events_in(mine[0].path) == ["current"]
    theirs = list_backups(work_old)
    assert len(theirs) == DAILY_KEPT + 1
    assert all(info.path.name.startswith("work-old.") for info in theirs)


def test_reading_and_restoring_backups_leaves_no_journal_files_behind(
    library: Library, library_path: Path
) -> None:
    library.create_event(EventRecord(title="송도 밋업", start_date=dt.date(2024, 4, 13)))
    daily_backup(library_path, dt.date(2024, 1, 1))
    library.close()
    [info] = list_backups(library_path)
    assert info.event_count == 1
    kept = restore(info.path, library_path)
    assert kept.name.startswith("library.before-restore-")
    names = sorted(path.name for path in (library_path.parent / "backups").iterdir())
    assert not [name for name in names if name.endswith(("-wal", "-shm"))], names
    assert len(list_backups(library_path)) == 2  # the daily copy and the one kept before


def test_a_backup_never_replaces_an_existing_file(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copy.db"
    assert run_cli("--db", str(library_path), "backup", str(target))[0] == 0
    before = target.read_bytes()
    code, out, err = run_cli("--db", str(library_path), "backup", str(target))
    assert (code, out) == (2, "") and "already exists" in err
    assert target.read_bytes() == before


def test_backup_into_a_folder_not_made_yet(
    library: Library, library_path: Path, tmp_path: Path
) -> None:
    code, _, err = run_cli(
        "--db", str(library_path), "backup", str(tmp_path / "new" / "folder") + "/"
    )
    assert (code, err) == (0, "")
    [first] = (tmp_path / "new" / "folder").iterdir()
    assert first.name.startswith("library.copy-")
    assert run_cli("--db", str(library_path), "backup", str(tmp_path / "new" / "folder"))[0] == 0
    assert len(list((tmp_path / "new" / "folder").iterdir())) == 2  # same second: numbered
