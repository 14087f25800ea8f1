"""Opening a library to edit it: one sequence for the app and the command line.

lock → open (migrating, with a copy before) → today's copy. A copy that cannot be
made is a warning, never a reason not to open; a step that fails closes what the
steps before it opened.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL

from recap.errors import QT_TRANSLATE_NOOP, LibraryError, RecapError
from recap.storage.backup import daily_backup
from recap.storage.library import Library, open_library
from recap.storage.lock import LibraryLock, LibraryLocked

# Where a library lives: a file (a path, or its text), or a server's database (a URL).
Location = Path | str | URL


@dataclass
class OpenedLibrary:
    """An open library with its lock (None when read-only) and what the user should
    hear about though it opened (a daily copy that could not be made)."""

    library: Library
    lock: LibraryLock | None
    read_only: bool
    warnings: list[RecapError] = field(default_factory=list)
    # Why it is read-only: another window holds the lock ("locked"), or the server
    # lets this database role read only ("role").
    read_only_because: str = "locked"

    def close(self) -> None:
        self.library.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def library_file(location: Path | str) -> Path:
    return location if isinstance(location, Path) else Path(location)


def open_for_editing(
    location: Location,
    *,
    read_only_when_locked: Callable[[LibraryLocked], bool] | None = None,
    keep_daily_copy: bool = True,
) -> OpenedLibrary:
    """Lock, open and back up the library at ``location``.

    When another process holds the lock, ``read_only_when_locked(error)`` decides
    whether to open it read-only anyway (without it, or when it says no, the
    LibraryLocked error is raised).

    A server's database has no lock file (the server arbitrates its writers) and no
    daily copy (the server's own backups, pg_dump, keep it). A database role that may
    only read opens it read-only."""
    if isinstance(location, URL):
        library = open_library(location)
        try:
            writable = library.can_write()
        except BaseException:
            library.close()
            raise
        return OpenedLibrary(library, None, read_only=not writable, read_only_because="role")
    path = library_file(location)
    # Without its folder there is nothing to lock: opening says plainly what is missing.
    lock = LibraryLock(path) if path.parent.is_dir() else None
    read_only = False
    if lock is not None:
        try:
            lock.acquire()
        except LibraryLocked as locked:
            if read_only_when_locked is None or not read_only_when_locked(locked):
                raise
            lock, read_only = None, True
    try:
        library = open_library(path)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    opened = OpenedLibrary(library, lock, read_only)
    if keep_daily_copy and not read_only:
        try:
            # An empty library (a new one) has nothing to keep: its first copy is made
            # on the first day it holds events.
            if library.event_count():
                daily_backup(path)
        except LibraryError as error:
            opened.warnings.append(
                LibraryError(
                    QT_TRANSLATE_NOOP(
                        "RecapError", "The library opened, but today's backup was not made. {why}"
                    ),
                    why=error.sentence,
                )
            )
        except BaseException:
            opened.close()
            raise
    return opened
