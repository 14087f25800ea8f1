"""Where a library lives: a file (SQLite), or a database on a PostgreSQL server named
by a URL such as ``postgresql+psycopg://ana@/recap?host=/run/postgresql``.

URLs are parsed and built with SQLAlchemy's URL objects, never pasted together from
strings. Recap never keeps a password: a URL that carries one is refused, and the
server's password comes from libpq's own sources (``~/.pgpass``, a service file,
``PGPASSWORD``).
"""

from pathlib import Path

from sqlalchemy import URL
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from recap.errors import QT_TRANSLATE_NOOP, LibraryError

# What a user may write before "://" for a server library; all mean psycopg 3.
SERVER_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
DRIVER = "postgresql+psycopg"

Location = Path | URL


def looks_like_url(text: str) -> bool:
    """True when ``text`` names a server rather than a file (a scheme before ``://``)."""
    scheme, separator, _ = text.partition("://")
    return bool(separator) and scheme.replace("+", "").replace("-", "").isalnum()


def server_url(text: str) -> URL:
    """The URL of a server library, checked: PostgreSQL through psycopg, no password."""
    try:
        url = make_url(text)
    except ArgumentError:
        raise LibraryError(
            QT_TRANSLATE_NOOP("RecapError", "{url} is not a database URL Recap can read."),
            url=text,
        ) from None
    if url.drivername not in SERVER_SCHEMES:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "Recap keeps libraries in a file or on a PostgreSQL server; {url} is neither "
                "(a server's URL starts with postgresql+psycopg://).",
            ),
            url=safe_text(url),
        )
    if url.password is not None:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "Recap does not take a password in the library's URL; put it in ~/.pgpass "
                "or a libpq service file instead.",
            )
        )
    if not url.database:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError", "The URL {url} names no database (add /DATABASE after the server)."
            ),
            url=safe_text(url),
        )
    return url.set(drivername=DRIVER)


def parse_location(text: str) -> Location:
    """A file path or a server URL, as given by ``--db``, RECAP_DB or the preferences."""
    if looks_like_url(text):
        return server_url(text)
    return Path(text).expanduser()


def safe_text(url: URL) -> str:
    """The URL as shown to the user (a password, were there one, hidden)."""
    return url.render_as_string(hide_password=True)


def describe(location: Location | None) -> str:
    """A library's name in messages."""
    if location is None:
        return ":memory:"
    if isinstance(location, URL):
        return safe_text(location)
    return str(location)


def short_name(location: Location | None) -> str:
    """A library's name for a window's title: the file's name, or the database and
    where its server is (``recap @ db.example.org``, ``recap @ /run/postgresql``,
    ``recap @ service team``)."""
    if location is None:
        return ":memory:"
    if isinstance(location, Path):
        return location.name
    query = dict(location.query)
    host = location.host or query.get("host")
    service = query.get("service")
    where = host if host else f"service {service}" if service else "localhost"
    if isinstance(where, tuple):
        where = ", ".join(where)
    return f"{location.database} @ {where}"
