"""The one error boundary between the database and the user.

Every way into a library goes through ``storage_errors``: the ORM's units of work
(``Library._transaction``, which also runs the raw-driver fast reads of queries.py
and search.py), opening and migrating (engine.py) and copying (backup.py). Driver
and file-system errors come out as a ``LibraryError`` in one sentence that says
what was being done and what the user can do about it; a broken rule of the
schema comes out as ``InvalidInput``.
"""

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, LibraryError, Sentence
from recap.storage.server_failures import is_driver_error, server_reason

# What was being done, as the error names it.
READING = Sentence(QT_TRANSLATE_NOOP("RecapError", "reading the library"))
SAVING = Sentence(QT_TRANSLATE_NOOP("RecapError", "saving the change"))
LOADING = Sentence(QT_TRANSLATE_NOOP("RecapError", "loading the events"))
BACKING_UP = Sentence(QT_TRANSLATE_NOOP("RecapError", "backing up the library"))


def opening(path: object) -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("RecapError", "opening the library {path}"), path=path)


def backing_up_to(path: object) -> Sentence:
    return Sentence(QT_TRANSLATE_NOOP("RecapError", "backing up the library to {path}"), path=path)


DISK_FULL = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the disk is full. Nothing was changed; "
    "free some space and try again.",
)
BUSY = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the library is busy in another program. Nothing was changed; "
    "try again in a moment.",
)
NOT_WRITABLE = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the file cannot be written (it is read-only or you lack "
    "permission). Nothing was changed.",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the library file is damaged. Nothing was changed; "
    "restore it from a backup.",
)
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the disk could not be written (it may be full). "
    "Nothing was changed; free some space and try again.",
)
DISK_ERROR = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the disk could not be read or written. Nothing was changed.",
)
NO_PRIVILEGE = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: your database role may read this library but not change it. "
    "Nothing was changed.",
)
SERVER_GONE = QT_TRANSLATE_NOOP(
    "RecapError",
    "Could not finish {doing}: the library's server cannot be reached ({reason}). "
    "Nothing was half-written.",
)
OTHER = QT_TRANSLATE_NOOP("RecapError", "Could not finish {doing}: {reason}.")
# PostgreSQL's SQLSTATEs for a lost connection (class 08) and a server shutting down.
CONNECTION_STATES = ("08", "57P01", "57P02", "57P03")
# PostgreSQL's SQLSTATE for a statement the role has no privilege for.
INSUFFICIENT_PRIVILEGE = "42501"
BROKEN_RULE = QT_TRANSLATE_NOOP("RecapError", "The change breaks a rule of the library: {reason}")

# SQLite's extended result codes for a failed write: a full disk or a file-size limit
# (SQLite reports ENOSPC as SQLITE_FULL, but EFBIG and EDQUOT as these).
SQLITE_WRITE_ERRORS = {
    10 | 3 << 8,  # SQLITE_IOERR_WRITE
    10 | 4 << 8,  # SQLITE_IOERR_FSYNC
    10 | 6 << 8,  # SQLITE_IOERR_TRUNCATE
    10 | 19 << 8,  # SQLITE_IOERR_SHMSIZE
}
# SQLite's primary result codes (the low byte of an extended code).
SQLITE_TEMPLATES = {
    3: NOT_WRITABLE,  # SQLITE_PERM
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    8: NOT_WRITABLE,  # SQLITE_READONLY
    10: DISK_ERROR,  # SQLITE_IOERR
    11: DAMAGED,  # SQLITE_CORRUPT
    13: DISK_FULL,  # SQLITE_FULL
    26: DAMAGED,  # SQLITE_NOTADB
}
OS_TEMPLATES = {
    errno.ENOSPC: DISK_FULL,
    errno.EFBIG: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EACCES: NOT_WRITABLE,
    errno.EPERM: NOT_WRITABLE,
    errno.EROFS: NOT_WRITABLE,
    errno.EIO: DISK_ERROR,
}


def library_error(error: BaseException, doing: Sentence) -> LibraryError:
    """The sentence for a driver or file-system error met while ``doing``."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        template = None
        if isinstance(code, int):
            template = (
                NOT_WRITTEN if code in SQLITE_WRITE_ERRORS else SQLITE_TEMPLATES.get(code & 0xFF)
            )
        return LibraryError(template or OTHER, doing=doing, reason=error)
    if isinstance(error, OSError):
        template = OS_TEMPLATES.get(error.errno or 0)
        return LibraryError(template or OTHER, doing=doing, reason=error.strerror or error)
    if is_driver_error(error):  # a server's: libpq's long text cut to its point
        if getattr(error, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            return LibraryError(NO_PRIVILEGE, doing=doing)
        if server_gone(error):
            return LibraryError(SERVER_GONE, doing=doing, reason=server_reason(error))
        return LibraryError(OTHER, doing=doing, reason=server_reason(error))
    return LibraryError(OTHER, doing=doing, reason=error)


def server_gone(error: BaseException) -> bool:
    """A server's connection that broke or could not be made (libpq gives no SQLSTATE
    for those: an OperationalError without one is the connection's own)."""
    state = getattr(error, "sqlstate", None)
    if state is None:
        return type(error).__name__ == "OperationalError"
    return str(state).startswith(CONNECTION_STATES)


@contextmanager
def storage_errors(doing: Sentence) -> Iterator[None]:
    """Turn what the database or the disk raises inside the block into a typed error."""
    try:
        yield
    except (IntegrityError, sqlite3.IntegrityError) as error:
        cause = getattr(error, "orig", error)
        reason = server_reason(cause) if is_driver_error(cause) else cause
        raise InvalidInput(BROKEN_RULE, reason=reason) from None
    except DBAPIError as error:  # SQLAlchemy's wrapping of a driver error
        raise library_error(error.orig or error, doing) from None
    except (sqlite3.Error, OSError) as error:  # the raw driver, the file system
        raise library_error(error, doing) from None
    except Exception as error:  # psycopg's own, from the fast reads on a server
        if not is_driver_error(error):
            raise
        if any(kind.__name__ == "IntegrityError" for kind in type(error).__mro__):
            raise InvalidInput(BROKEN_RULE, reason=server_reason(error)) from None
        raise library_error(error, doing) from None
