"""Consistent copies of a library with SQLite's online backup API.

A copy can be taken while the app has the library open: SQLite copies a
consistent snapshot page by page. Automatic copies live in the data folder's
``backups/`` and are rotated.
"""

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from recap.errors import LibraryError

DAILY_PREFIX = "daily-"
BEFORE_MIGRATION_PREFIX = "before-migration-"
DAILY_KEPT = 7


def copy_library(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the library at ``source`` to ``destination``
    (a file, or a folder to put ``<name>-<timestamp>.db`` in)."""
    if destination.is_dir():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = destination / f"{source.stem}-{stamp}.db"
    if destination.resolve() == source.resolve():
        raise LibraryError("The backup must not overwrite the library itself.")
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader:
            with sqlite3.connect(partial) as writer:
                reader.backup(writer)
            writer.close()
        reader.close()
        partial.replace(destination)  # a copy is either whole or absent
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise LibraryError(f"Cannot back up the library to {destination}: {error}.") from None
    return destination


def backups_dir(library: Path) -> Path:
    return library.parent / "backups"


def daily_backup(library: Path, today: dt.date | None = None) -> Path | None:
    """Once a day, a copy in ``backups/``; the last ``DAILY_KEPT`` are kept."""
    if not library.exists() or library.stat().st_size == 0:
        return None
    folder = backups_dir(library)
    folder.mkdir(exist_ok=True)
    day = (today or dt.date.today()).isoformat()
    target = folder / f"{DAILY_PREFIX}{library.stem}-{day}.db"
    if target.exists():
        return None
    copy_library(library, target)
    dailies = sorted(folder.glob(f"{DAILY_PREFIX}{library.stem}-*.db"))
    for old in dailies[:-DAILY_KEPT]:
        old.unlink()
    return target


def backup_before_migration(library: Path, revision: str) -> Path:
    folder = backups_dir(library)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return copy_library(library, folder / f"{BEFORE_MIGRATION_PREFIX}{revision}-{stamp}.db")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved: dt.datetime
    event_count: int | None  # None: the copy cannot be read


def list_backups(library: Path) -> list[BackupInfo]:
    """The copies in ``backups/`` beside the library, newest first, with their sizes."""
    folder = backups_dir(library)
    if not folder.is_dir():
        return []
    infos = []
    for path in folder.glob("*.db"):
        saved = dt.datetime.fromtimestamp(path.stat().st_mtime)
        infos.append(BackupInfo(path, saved, count_events(path)))
    return sorted(infos, key=lambda info: info.saved, reverse=True)


def count_events(path: Path) -> int | None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT count(*) FROM events").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0])


def restore(backup: Path, library: Path) -> Path:
    """Put ``backup`` in place of the library, after keeping a copy of the library as
    it is (so that a restore can itself be undone). Returns that copy."""
    folder = backups_dir(library)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = folder / f"before-restore-{stamp}.db"
    try:
        if library.exists():
            # a plain copy: the library may be the damaged file being replaced
            shutil.copyfile(library, kept)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
    except OSError as error:
        raise LibraryError(f"Cannot replace {library}: {error.strerror}.") from None
    copy_library(backup, library)
    return kept
