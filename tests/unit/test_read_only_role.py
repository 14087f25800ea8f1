"""A database role that may only read a server's library: it opens read-only (as a
second window opens a file's library), says so, and a write it tries anyway is one
sentence that changes nothing."""

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import URL

from recap.domain.records import EventFilter
from recap.errors import LibraryError
from recap.interchange.recap_json import parse_document
from recap.storage.library import open_library
from recap.storage.opening import open_for_editing
from tests.backends import connection_options, read_rows
from tests.conftest import SAMPLE_LIBRARY_JSON
from tests.postgres_server import ThrowawayServer
from tests.unit.test_server_library import run_cli, text_of

READER = "recap_reader"


@pytest.fixture
def reader_url(postgres_server: ThrowawayServer, postgres_url: URL) -> Iterator[URL]:
    """The sample library on the server, and a role that may read its tables only."""
    library = open_library(postgres_url)
    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    library.close()
    with postgres_server.admin() as connection:
        known = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (READER,))
        if known.fetchone() is None:
            connection.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(READER)))
    with psycopg.connect(**connection_options(postgres_url), autocommit=True) as connection:
        connection.execute(
            sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(
                sql.Identifier(READER)
            )
        )
    yield postgres_url.set(username=READER)


def test_a_role_that_may_only_read_opens_the_library_read_only(
    reader_url: URL, postgres_url: URL
) -> None:
    opened = open_for_editing(reader_url)
    try:
        assert opened.read_only and opened.read_only_because == "role"
        titles = [summary.title for summary in opened.library.event_summaries(EventFilter())]
        assert titles[0] == "FastAPI 밋업 — 비동기의 함정" and len(titles) == 3
    finally:
        opened.close()
    owner = open_for_editing(postgres_url)
    try:
        assert not owner.read_only
    finally:
        owner.close()


def test_a_write_by_that_role_is_one_sentence_and_changes_nothing(reader_url: URL) -> None:
    before = read_rows(reader_url, "SELECT id, title FROM events ORDER BY id")
    library = open_library(reader_url)
    try:
        event = library.event(before[0][0])
        event.title = "바뀐 제목"
        with pytest.raises(LibraryError) as raised:
            library.update_event(event)
    finally:
        library.close()
    assert str(raised.value) == (
        "Could not finish saving the change: your database role may read this library but "
        "not change it. Nothing was changed."
    )
    assert read_rows(reader_url, "SELECT id, title FROM events ORDER BY id") == before


def test_the_commands_read_and_refuse_to_write_with_that_role(reader_url: URL) -> None:
    code, out, err = run_cli("--db", text_of(reader_url), "list")
    assert (code, err) == (0, "") and "FastAPI" in out
    code, out, err = run_cli("--db", text_of(reader_url), "tags", "--rename", "Python", "파이썬")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "may read this library but not change it" in err
    assert ("Python",) in read_rows(reader_url, "SELECT name FROM tags")
