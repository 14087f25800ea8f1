"""Open a library: check it, connect with the right settings, migrate it.

A file is an SQLite library; a URL names a database on a PostgreSQL server (see
location.py). Both get the same models and migrations.
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from recap.errors import QT_TRANSLATE_NOOP, LibraryError
from recap.storage import migrate
from recap.storage.backup import backup_before_migration
from recap.storage.failures import opening, storage_errors
from recap.storage.location import Location, describe
from recap.storage.server_failures import connection_error

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


# Connection settings a server URL may override: a server that does not answer is
# reported after this many seconds, and the server's activity lists name Recap.
SERVER_CONNECT_DEFAULTS = {"connect_timeout": "10", "application_name": "recap"}


def create_server_engine(url: URL) -> Engine:
    """An engine on a PostgreSQL database; the password, if any, comes from libpq."""
    query: dict[str, str | tuple[str, ...]] = dict(SERVER_CONNECT_DEFAULTS)
    query.update(url.query)
    # pool_pre_ping: a connection the server closed while the app sat idle is replaced.
    engine = create_engine(url.set(query=query), pool_pre_ping=True)
    event.listen(engine, "connect", _set_server_options)
    return engine


def _set_server_options(dbapi_connection: Any, _record: Any) -> None:
    # Recap's statements take milliseconds: starting parallel workers for them costs more
    # (5 ms for a search window measured on a 2-core machine) than it saves.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    dbapi_connection.commit()


def is_server(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def compact_if_mostly_free(engine: Engine) -> None:
    """After a migration that replaced big tables (a rebuilt search index), give the
    freed pages back: a library's file would otherwise keep its old size."""
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar() or 0
        free = connection.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
    if free > pages // 4:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")


def open_server_engine(url: URL) -> Engine:
    """Connect to a server library, creating or migrating its schema as needed. The
    server keeps its own backups (pg_dump): none is made here."""
    engine = create_server_engine(url)
    try:
        try:
            first = engine.connect()
        except DBAPIError as error:
            raise connection_error(error.orig or error, url) from None
        with storage_errors(opening(describe(url))):
            with first as connection:
                must_upgrade = migrate.needs_upgrade(connection)
            if must_upgrade:
                with engine.begin() as connection:
                    migrate.upgrade(connection)
    except BaseException:
        engine.dispose()
        raise
    return engine


def open_engine(location: Location | None) -> Engine:
    """Connect to the library at ``location``, creating or migrating its schema as needed."""
    if isinstance(location, URL):
        return open_server_engine(location)
    path = location
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
