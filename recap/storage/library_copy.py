"""A whole library copied to another place: a file to a server, a server to a file,
or a file to a file.

Every table of the models is copied row for row, ids kept, parents before children,
so a table added later comes along without a change here. The source is read in one
snapshot; the target is written in one transaction and its search index rebuilt once
at the end, then each table's rows are counted on both sides before the commit. A
copy that fails leaves the target as it was: an empty database stays empty, and a
file the copy created is removed.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, LargeBinary, Table, func, insert, select

from recap.errors import QT_TRANSLATE_NOOP, LibraryError, Sentence
from recap.storage import search
from recap.storage.bulk import advance_id_sequences
from recap.storage.engine import open_engine
from recap.storage.failures import storage_errors
from recap.storage.location import Location, describe
from recap.storage.lock import LibraryLock, LibraryLocked
from recap.storage.models import Base

BATCH_ROWS = 5000
# A table of files' bytes (up to 50 MB a row) is copied a few rows at a time.
BLOB_BATCH_ROWS = 8
# (rows copied so far, rows to copy): called after every batch.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CopyResult:
    """The rows of each table now in the target (the same as in the source)."""

    rows: dict[str, int]

    @property
    def events(self) -> int:
        return self.rows.get("events", 0)


def copying(source: Location, target: Location) -> Sentence:
    return Sentence(
        QT_TRANSLATE_NOOP("RecapError", "copying the library {source} to {target}"),
        source=describe(source),
        target=describe(target),
    )


def copy_library(
    source: Location, target: Location, progress: Progress | None = None
) -> CopyResult:
    """Copy the library at ``source`` into ``target``: a file that does not exist yet
    or an empty library, or an empty database on a server (created tables and all)."""
    if _same_place(source, target):
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "A library cannot be copied onto itself ({path})."),
            path=describe(source),
        )
    if isinstance(source, Path) and not source.exists():
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "There is no library at {path}."), path=source
        )
    created = isinstance(target, Path) and not target.exists()
    try:
        with _locked(target):
            source_engine = open_engine(source)
            try:
                target_engine = open_engine(target)
                try:
                    return _copy(source_engine, target_engine, (source, target), progress)
                finally:
                    target_engine.dispose()
            finally:
                source_engine.dispose()
    except BaseException:
        if created and isinstance(target, Path):
            _remove_library_file(target)
        raise


def _copy(
    source_engine: Engine,
    target_engine: Engine,
    places: tuple[Location, Location],
    progress: Progress | None,
) -> CopyResult:
    tables = list(Base.metadata.sorted_tables)  # parents before children
    with (
        storage_errors(copying(*places)),
        _snapshot(source_engine) as source,
        target_engine.begin() as target,
    ):
        occupied = [table.name for table in tables if _count(target, table)]
        if occupied:
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "{target} already holds a library; copy into a new file or an empty database.",
                ),
                target=describe(places[1]),
            )
        expected = {table.name: _count(source, table) for table in tables}
        total, done = sum(expected.values()), 0
        for table in tables:
            for rows in _batches(source, table):
                target.execute(insert(table), rows)
                done += len(rows)
                if progress is not None:
                    progress(done, total)
        if _on_server(target):
            advance_id_sequences(target)
        search.rebuild_index(target)
        copied = {table.name: _count(target, table) for table in tables}
        if copied != expected:
            raise LibraryError(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "The copy did not match its source ({details}); nothing was kept.",
                ),
                details=", ".join(
                    f"{name} {copied[name]}/{count}"
                    for name, count in expected.items()
                    if copied[name] != count
                ),
            )
    return CopyResult(copied)


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection that sees the library as it was when the copy began, though the
    app keeps writing to it."""
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # pysqlite begins no transaction for reads; WAL keeps this one's view fixed.
            connection.exec_driver_sql("BEGIN")
        else:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        try:
            yield connection
        finally:
            connection.rollback()


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    holds_files = any(isinstance(column.type, LargeBinary) for column in table.columns)
    size = BLOB_BATCH_ROWS if holds_files else BATCH_ROWS
    rows = connection.execution_options(yield_per=size).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for batch in rows.partitions():
        yield [dict(row._mapping) for row in batch]


def _count(connection: Connection, table: Table) -> int:
    return connection.scalar(select(func.count()).select_from(table)) or 0


def _on_server(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def _same_place(source: Location, target: Location) -> bool:
    if isinstance(source, Path) and isinstance(target, Path):
        return source.resolve() == target.resolve()
    if isinstance(source, URL) and isinstance(target, URL):
        return source.render_as_string() == target.render_as_string()
    return False


@contextmanager
def _locked(target: Location) -> Iterator[None]:
    """A file target is locked as the app locks it: no window writes there meanwhile."""
    if not isinstance(target, Path) or not target.parent.is_dir():
        yield  # a missing folder is named when the target is opened
        return
    lock = LibraryLock(target)
    try:
        lock.acquire()
    except LibraryLocked:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError", "{path} is open in Recap; close it there and copy again."
            ),
            path=target,
        ) from None
    try:
        yield
    finally:
        lock.release()


def _remove_library_file(path: Path) -> None:
    """Remove a library file the copy made, with the files SQLite and the lock kept
    beside it."""
    ends = ("-wal", "-shm", ".lock")
    for leftover in (path, *(path.with_name(path.name + end) for end in ends)):
        leftover.unlink(missing_ok=True)
