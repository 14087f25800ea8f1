"""The library's methods that matter on a PostgreSQL server (mixed into `Library`):
whether this database role may write, and the feed of other writers' changes."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from recap.storage import change_feed
from recap.storage.failures import READING, storage_errors

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ServerMethods:
    if TYPE_CHECKING:
        engine: Engine
        token: str

        @property
        def on_server(self) -> bool: ...

        def _reading(self) -> AbstractContextManager[Session]: ...

    def can_write(self) -> bool:
        """False when the server lets this database role read the library only (a
        file's library: True; its file's permissions show when a save fails)."""
        if not self.on_server:
            return True
        with self._reading() as db:
            return bool(db.scalar(text("SELECT has_table_privilege('events', 'UPDATE')")))

    def change_feed(self) -> change_feed.ChangeFeed | None:
        """Other writers' changes as the server announces them (None for a file)."""
        if not self.on_server:
            return None
        with storage_errors(READING):
            pooled = self.engine.raw_connection()
            driver = pooled.driver_connection
            pooled.detach()  # its own for as long as it listens
        return change_feed.ChangeFeed(driver, self.token)
