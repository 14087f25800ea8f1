"""A server's change notices: every committed write announces itself, a listener hears
other writers' and not its own, and a read announces nothing."""

import datetime as dt
import select

from sqlalchemy import URL

from recap.domain.records import EventRecord
from recap.storage.library import open_library


def wait_readable(socket: int) -> None:
    readable, _, _ = select.select([socket], [], [], 2.0)
    assert readable, "no notice within 2 s"


def test_a_listener_hears_other_writers_and_not_itself(postgres_url: URL) -> None:
    mine, theirs = open_library(postgres_url), open_library(postgres_url)
    feed = mine.change_feed()
    assert feed is not None
    try:
        mine.create_event(EventRecord(title="내 행사", start_date=dt.date(2024, 4, 13)))
        theirs.event_summaries()  # a read: no notice
        theirs.create_event(EventRecord(title="남의 행사", start_date=dt.date(2024, 4, 14)))
        wait_readable(feed.socket())
        count = feed.changes_by_others()
        while count < 1:  # the notices may come in more than one read of the socket
            wait_readable(feed.socket())
            count += feed.changes_by_others()
        assert count == 1
    finally:
        feed.close()
        mine.close()
        theirs.close()


def test_a_file_library_has_no_feed(library_path: object) -> None:
    library = open_library(library_path)  # type: ignore[arg-type]
    try:
        assert library.change_feed() is None
    finally:
        library.close()
