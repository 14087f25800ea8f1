"""Reading a library apart from its engine, whichever back end holds it: a fresh sqlite3
connection on a file, a fresh psycopg connection on a server's database."""

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import URL


def connection_options(url: URL) -> dict[str, Any]:
    """psycopg's keywords for a library URL (the test server's: a socket, no password)."""
    options: dict[str, Any] = {"dbname": url.database, "user": url.username}
    options.update(url.query)
    return options


def read_rows(where: Path | URL, query: str, *params: object) -> list[tuple[Any, ...]]:
    """The rows of ``query`` (parameters marked ``?``)."""
    if isinstance(where, Path):
        with closing(sqlite3.connect(where)) as connection:
            return connection.execute(query, params).fetchall()
    with psycopg.connect(**connection_options(where)) as connection:
        server_query = query.replace("?", "%s").encode()
        return connection.execute(server_query, params).fetchall()
