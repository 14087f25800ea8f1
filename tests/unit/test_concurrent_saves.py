"""Two saves of one event at the same moment on a server: the check of the version and
the write must be one step. Another writer holds the event's row (saved, not yet
committed) while this library saves the version it read: once they commit, this save is
refused with their text, never written over it."""

import datetime as dt
import threading
import time
from typing import Any

import psycopg
import pytest
from sqlalchemy import URL

from recap.domain.records import EventRecord, SessionRecord
from recap.errors import EditConflict
from recap.storage.library import open_library

LOCK_WAIT_S = 10.0


def connect(url: URL) -> psycopg.Connection[Any]:
    return psycopg.connect(host=str(url.query["host"]), user=url.username, dbname=url.database)


def wait_until_a_save_waits_for_the_row(admin: psycopg.Connection[Any]) -> None:
    """Until another backend waits for a row lock (the save under test reached it)."""
    deadline = time.monotonic() + LOCK_WAIT_S
    while time.monotonic() < deadline:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()
        if row is not None and row[0] > 0:
            return
        time.sleep(0.02)
    pytest.fail("the save never reached the row the other writer holds")


@pytest.mark.parametrize("table", ["events", "sessions"])
def test_a_save_racing_another_writers_commit_is_refused(postgres_url: URL, table: str) -> None:
    library = open_library(postgres_url)
    try:
        event_id = library.create_event(
            EventRecord(
                title="Build With AI in Songdo",
                start_date=dt.date(2024, 4, 13),
                sessions=[SessionRecord(title="어텐션 다시 보기", notes="처음 메모")],
            )
        )
        mine = library.event(event_id)
        column, row_id = (
            ("title", event_id) if table == "events" else ("notes", mine.sessions[0].id)
        )
        outcome: list[BaseException | None] = []

        def save_mine() -> None:
            try:
                if table == "events":
                    mine.title = "내 제목"
                    library.update_event(mine)
                else:
                    mine.sessions[0].notes = "내 메모"
                    library.update_session(mine.sessions[0])
                outcome.append(None)
            except BaseException as error:  # handed to the test's thread
                outcome.append(error)

        with connect(postgres_url) as theirs, connect(postgres_url) as admin:
            admin.autocommit = True
            theirs.execute(
                f"UPDATE {table} SET {column} = %s, version = version + 1 WHERE id = %s",
                ("그쪽 글", row_id),
            )  # their save, its transaction still open: the row is theirs until commit
            saver = threading.Thread(target=save_mine)
            saver.start()
            wait_until_a_save_waits_for_the_row(admin)
            theirs.commit()
            saver.join(LOCK_WAIT_S)
        assert not saver.is_alive()
        assert len(outcome) == 1 and isinstance(outcome[0], EditConflict)
        stored = library.event(event_id)
        kept = stored.title if table == "events" else stored.sessions[0].notes
        assert kept == "그쪽 글"
    finally:
        library.close()
