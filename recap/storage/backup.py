"""Consistent copies of a library with SQLite's online backup API.

A copy can be taken while the app has the library open: SQLite copies a
consistent snapshot page by page. Automatic copies live in ``backups/`` beside
the library and are rotated. Several libraries may share that folder, so every
copy's name starts with its library's: ``library.daily-2026-11-26.db``,
``library.before-migration-0003-20261126-130918.db``, ``library.before-restore-…``,
``library.copy-…``.
"""

import datetime as dt
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from recap.errors import QT_TRANSLATE_NOOP, LibraryError
from recap.storage.failures import backing_up_to, storage_errors

DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
COPY = "copy"
KINDS = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE, COPY)
DAILY_KEPT = 7


def backup_name(library: Path, kind: str, stamp: str) -> str:
    return f"{library.stem}.{kind}-{stamp}.db"


def backup_kind(path: Path, library: Path) -> str | None:
    """Which of ``KINDS`` the copy at ``path`` is, or None when it is not ``library``'s."""
    pattern = rf"{re.escape(library.stem)}\.({'|'.join(KINDS)})-[0-9A-Za-z_-]+\.db"
    match = re.fullmatch(pattern, path.name)
    return match[1] if match else None


def is_backup_of(path: Path, library: Path, kinds: tuple[str, ...] = KINDS) -> bool:
    """Whether ``path`` is one of ``library``'s copies (not another library's)."""
    return backup_kind(path, library) in kinds


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def unused(path: Path) -> Path:
    """``path``, or ``path`` numbered (``-2``, ``-3``…) when a copy already has that name."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` only to read. Built from the path, never
    formatted from it: ``#``, ``?`` and ``%`` are ordinary characters in a folder's name."""
    query = "?mode=ro&immutable=1" if immutable else "?mode=ro"
    return path.absolute().as_uri() + query


def copy_library(source: Path, destination: Path) -> Path:
    """Write a consistent copy of the library at ``source`` to ``destination``
    (a new file, or a folder to put ``<name>.copy-<timestamp>.db`` in)."""
    if destination.is_dir():
        destination = unused(destination / backup_name(source, COPY, timestamp()))
    if destination.resolve() == source.resolve():
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "The backup must not overwrite the library itself.")
        )
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        with storage_errors(backing_up_to(destination)):
            with (
                closing(sqlite3.connect(read_only_uri(source), uri=True)) as reader,
                closing(sqlite3.connect(partial.absolute())) as writer,
            ):
                reader.backup(writer)
                # A copy in rollback-journal mode is one file: reading it later
                # leaves no -wal/-shm beside it.
                writer.execute("PRAGMA journal_mode=DELETE")
            partial.replace(destination)  # a copy is either whole or absent
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def backups_dir(library: Path) -> Path:
    return library.parent / "backups"


def make_backups_dir(library: Path) -> Path:
    """``backups/`` beside the library, made if need be."""
    folder = backups_dir(library)
    if folder.exists() and not folder.is_dir():
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError", "{path} is a file, not a folder: backups cannot be kept there."
            ),
            path=folder,
        )
    with storage_errors(backing_up_to(folder)):
        folder.mkdir(exist_ok=True)
    return folder


def daily_backup(library: Path, today: dt.date | None = None) -> Path | None:
    """Once a day, a copy in ``backups/``; the last ``DAILY_KEPT`` are kept."""
    if not library.exists() or library.stat().st_size == 0:
        return None
    folder = make_backups_dir(library)
    day = (today or dt.date.today()).isoformat()
    target = folder / backup_name(library, DAILY, day)
    if target.exists():
        return None
    copy_library(library, target)
    with storage_errors(backing_up_to(folder)):
        dailies = [path for path in folder.iterdir() if is_backup_of(path, library, (DAILY,))]
        for old in sorted(dailies)[:-DAILY_KEPT]:
            old.unlink()
    return target


def backup_before_migration(library: Path, revision: str) -> Path:
    folder = make_backups_dir(library)
    name = backup_name(library, BEFORE_MIGRATION, f"{revision}-{timestamp()}")
    return copy_library(library, unused(folder / name))


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved: dt.datetime
    event_count: int | None  # None: the copy cannot be read
    kind: str  # one of KINDS


def list_backups(library: Path) -> list[BackupInfo]:
    """This library's copies in ``backups/`` beside it, newest first, with their sizes."""
    folder = backups_dir(library)
    if not folder.is_dir():
        return []
    infos = []
    for path in folder.iterdir():
        kind = backup_kind(path, library)
        if kind is None:
            continue
        saved = dt.datetime.fromtimestamp(path.stat().st_mtime)
        infos.append(BackupInfo(path, saved, count_events(path), kind))
    return sorted(infos, key=lambda info: info.saved, reverse=True)


def count_events(path: Path) -> int | None:
    try:
        # immutable: only read, never a -wal or -shm file created beside the copy
        uri = read_only_uri(path, immutable=True)
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            row = connection.execute("SELECT count(*) FROM events").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0])


def restore(backup: Path, library: Path) -> Path:
    """Put ``backup`` in place of the library, after keeping a copy of the library as
    it is (so that a restore can itself be undone). Returns that copy."""
    folder = make_backups_dir(library)
    kept = unused(folder / backup_name(library, BEFORE_RESTORE, timestamp()))
    try:
        if library.exists():
            # a plain copy: the library may be the damaged file being replaced
            shutil.copyfile(library, kept)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
    except OSError as error:
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot replace {path}: {reason}."),
            path=library,
            reason=error.strerror,
        ) from None
    copy_library(backup, library)
    return kept
