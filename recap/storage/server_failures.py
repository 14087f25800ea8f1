"""Why a PostgreSQL server library did not open, in one sentence.

libpq reports a failed connection as one long text (``connection failed: connection
to server on socket "…" failed: FATAL:  …``) without an SQLSTATE: the sentence is
chosen from that text, and the server's own words are kept as the reason (they may
be in the server's language).
"""

from sqlalchemy import URL

from recap.errors import QT_TRANSLATE_NOOP, LibraryError
from recap.storage.location import safe_text

NO_PASSWORD = QT_TRANSLATE_NOOP(
    "RecapError",
    "The server of {url} asks for a password and Recap keeps none: put it in ~/.pgpass "
    "(or a libpq service file) and try again.",
)
LOGIN_REFUSED = QT_TRANSLATE_NOOP("RecapError", "The server of {url} refused the login: {reason}.")
NO_DATABASE = QT_TRANSLATE_NOOP(
    "RecapError",
    "There is no database {database} on the server of {url}; create it first "
    "(createdb {database}).",
)
UNREACHABLE = QT_TRANSLATE_NOOP("RecapError", "Cannot reach the server of {url}: {reason}.")


def server_reason(error: BaseException) -> str:
    """The useful part of libpq's message: the server's words, or libpq's last step."""
    text = str(error).strip()
    if "FATAL:" in text:
        text = text.split("FATAL:", 1)[1]
    elif " failed: " in text:
        text = text.rsplit(" failed: ", 1)[1]
    first_line = text.strip().splitlines()[0] if text.strip() else str(error)
    return first_line.strip().rstrip(".")


def connection_error(error: BaseException, url: URL) -> LibraryError:
    """The sentence for a connection to ``url`` that failed with ``error``."""
    text = str(error)
    shown = safe_text(url)
    if "no password supplied" in text:
        return LibraryError(NO_PASSWORD, url=shown)
    if f'database "{url.database}" does not exist' in text:
        return LibraryError(NO_DATABASE, url=shown, database=url.database)
    if "FATAL:" in text:
        return LibraryError(LOGIN_REFUSED, url=shown, reason=server_reason(error))
    return LibraryError(UNREACHABLE, url=shown, reason=server_reason(error))


def is_driver_error(error: BaseException) -> bool:
    """True for an error raised by psycopg (without importing it for SQLite users)."""
    return type(error).__module__.split(".")[0] == "psycopg"
