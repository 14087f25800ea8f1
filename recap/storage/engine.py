"""Open a library file: check it, connect with the right pragmas, migrate it."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event

from recap.errors import QT_TRANSLATE_NOOP, LibraryError
from recap.storage import migrate
from recap.storage.backup import backup_before_migration
from recap.storage.failures import opening, storage_errors

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another program's transaction before it gives up.
BUSY_TIMEOUT_MS = 5000


def check_library_file(path: Path) -> None:
    """Refuse a file we would damage by treating it as a library."""
    if path.is_dir():
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "{path} is a folder, not a library file."), path=path
        )
    if not path.exists():
        return  # a new library
    if path.stat().st_size == 0:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError", "{path} is an empty file, not a Recap library (it was left as it is)."
            ),
            path=path,
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot read the library {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None
    if header != SQLITE_HEADER:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError", "{path} is not a Recap library (it is not an SQLite database)."
            ),
            path=path,
        )


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    # With WAL (set once, in open_engine): a crash loses at most the last
    # transactions and never corrupts the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def library_url(path: Path | None) -> URL:
    """The URL of the library at ``path`` (None: a private in-memory one). Built, never
    formatted: ``#``, ``?`` and ``%`` are ordinary characters in a folder's name."""
    return URL.create("sqlite", database=str(path) if path is not None else None)


def create_library_engine(path: Path | None) -> Engine:
    """An engine on ``path``, or on a private in-memory database when ``path`` is None."""
    engine = create_engine(library_url(path))
    event.listen(engine, "connect", _set_pragmas)
    return engine


def compact_if_mostly_free(engine: Engine) -> None:
    """After a migration that replaced big tables (a rebuilt search index), give the
    freed pages back: a library's file would otherwise keep its old size."""
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar() or 0
        free = connection.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
    if free > pages // 4:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")


def open_engine(path: Path | None) -> Engine:
    """Connect to the library at ``path``, creating or migrating its schema as needed."""
    if path is not None:
        check_library_file(path)
        if not path.parent.is_dir():
            raise LibraryError(
                QT_TRANSLATE_NOOP("RecapError", "The folder {folder} does not exist."),
                folder=path.parent,
            )
    engine = create_library_engine(path)
    try:
        with storage_errors(opening(path if path is not None else ":memory:")):
            # Only reads until the file is known to be a library this version can open.
            with engine.connect() as connection:
                must_upgrade = migrate.needs_upgrade(connection, path or "This library")
                revision = migrate.current_revision(connection)
            if must_upgrade and revision is not None and path is not None:
                backup_before_migration(path, revision)  # the old schema's data, kept as it was
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode = WAL")
            if must_upgrade:
                with engine.begin() as connection:
                    migrate.upgrade(connection)
                compact_if_mostly_free(engine)
    except BaseException:
        engine.dispose()  # a library that did not open keeps no connection
        raise
    return engine
