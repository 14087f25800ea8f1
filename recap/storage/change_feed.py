"""Other writers' changes to a server's library, as PostgreSQL announces them.

Every write transaction on a server ends with ``pg_notify`` on one channel (the server
delivers it when, and only if, the transaction commits), its payload the writing
library's token. A ``ChangeFeed`` listens on its own connection: the GUI watches that
connection's socket in its event loop (no polling) and calls ``changes_by_others`` when
the socket has data. A file's library has no other writers and no feed.
"""

import contextlib
from typing import Any

from sqlalchemy import Connection, text

from recap.storage.failures import READING, storage_errors

CHANNEL = "recap_changes"


def announce(connection: Connection, token: str) -> None:
    """Inside a write transaction on a server: tell the listeners once it commits."""
    connection.execute(
        text("SELECT pg_notify(:channel, :token)"), {"channel": CHANNEL, "token": token}
    )


class ChangeFeed:
    """A connection of its own that listens for the library's change notices."""

    def __init__(self, driver_connection: Any, own_token: str) -> None:
        self._driver = driver_connection  # psycopg's, taken out of the engine's pool
        self.own_token = own_token
        with storage_errors(READING):
            self._driver.autocommit = True
            self._driver.execute(f"LISTEN {CHANNEL}")

    def socket(self) -> int:
        """The connection's socket: readable when a notice (or anything) arrived."""
        return int(self._driver.pgconn.socket)

    def changes_by_others(self) -> int:
        """How many notices from other writers arrived since the last call (reads what
        the socket holds without waiting; this library's own writes are left out)."""
        pgconn = self._driver.pgconn
        with storage_errors(READING):
            pgconn.consume_input()
        count = 0
        while (notice := pgconn.notifies()) is not None:
            if notice.extra.decode() != self.own_token:
                count += 1
        return count

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a connection the server already dropped
            self._driver.close()
