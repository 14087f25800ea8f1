"""A library on a PostgreSQL server: URLs in --db and RECAP_DB, the commands on it, and
one sentence (exit status 2) for each way a server library fails to open. Every test
runs against the throwaway server of tests/postgres_server.py."""

import io
import json
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import URL

from recap import cli
from recap.errors import LibraryError
from recap.storage.library import open_library
from recap.storage.location import parse_location
from recap.storage.migrations import HEAD_REVISION
from tests.backends import connection_options, read_rows
from tests.conftest import SAMPLE_LIBRARY_JSON
from tests.postgres_server import PASSWORD_ROLE, ThrowawayServer


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def text_of(url: URL) -> str:
    """The URL as a user types it."""
    return url.render_as_string(hide_password=False)


def one_line_failure(url: URL, *command: str) -> str:
    code, out, err = run_cli("--db", text_of(url), *(command or ("list",)))
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("recap: "), err
    return err


# -- where a library lives -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "postgresql+psycopg://ana@db.example.org/recap",
        "postgresql://ana@db.example.org/recap",
        "postgres://ana@db.example.org:5433/recap",
    ],
)
def test_a_server_url_means_psycopg(text: str) -> None:
    location = parse_location(text)
    assert isinstance(location, URL)
    assert location.drivername == "postgresql+psycopg"
    assert (location.username, location.database) == ("ana", "recap")


def test_a_socket_folder_and_a_service_stay_in_the_url() -> None:
    location = parse_location("postgresql+psycopg://ana@/recap?host=/run/postgresql")
    assert isinstance(location, URL)
    assert location.query == {"host": "/run/postgresql"}
    service = parse_location("postgresql+psycopg:///recap?service=team")
    assert isinstance(service, URL)
    assert service.query == {"service": "team"}


@pytest.mark.parametrize(
    "text", ["library.db", "~/recaps/library.db", "/tmp/a#b?c%d.db", "C:\\recaps\\x.db"]
)
def test_anything_else_is_a_file(text: str) -> None:
    assert parse_location(text) == Path(text).expanduser()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("postgresql+psycopg://ana:secret@db.example.org/recap", "password"),
        ("mysql://ana@db.example.org/recap", "PostgreSQL server"),
        ("postgresql+psycopg://ana@db.example.org", "names no database"),
    ],
)
def test_a_url_recap_cannot_use_is_one_sentence(text: str, says: str) -> None:
    with pytest.raises(LibraryError, match=says) as raised:
        parse_location(text)
    assert "secret" not in str(raised.value)
    code, out, err = run_cli("--db", text, "list")
    assert (code, out) == (2, "")
    assert says in err and err.count("\n") == 1
    assert "secret" not in err


# -- the commands on a server library --------------------------------------------------


def test_the_commands_work_on_a_server_library(postgres_url: URL) -> None:
    db = text_of(postgres_url)
    code, out, err = run_cli("--db", db, "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err) == (0, "") and "Added 3 events" in out
    code, out, err = run_cli("--db", db, "load", str(SAMPLE_LIBRARY_JSON))
    assert "Nothing added" in out

    code, out, err = run_cli("--db", db, "list", "--json")
    assert code == 0
    newest = json.loads(out)[0]
    assert newest["title"] == "FastAPI 밋업 — 비동기의 함정"
    code, out, err = run_cli("--db", db, "tags", "--json")
    assert {"name": "Python", "count": 2} in json.loads(out)
    code, out, err = run_cli("--db", db, "search", "비동", "--json")
    assert [hit["title"] for hit in json.loads(out)] == ["FastAPI 밋업 — 비동기의 함정"]
    code, out, err = run_cli("--db", db, "tags", "--rename", "python", "파이썬")
    assert code == 0, err
    code, out, err = run_cli("--db", db, "list", "--tag", "파이썬", "--json")
    assert len(json.loads(out)) == 2
    code, dumped, err = run_cli("--db", db, "dump")
    assert code == 0 and json.loads(dumped)["format"] == "recap"


def test_a_server_library_dumps_what_a_file_library_dumps(
    postgres_url: URL, tmp_path: Path
) -> None:
    for db in (text_of(postgres_url), str(tmp_path / "library.db")):
        assert run_cli("--db", db, "load", str(SAMPLE_LIBRARY_JSON))[0] == 0
    server = run_cli("--db", text_of(postgres_url), "dump")
    file = run_cli("--db", str(tmp_path / "library.db"), "dump")
    assert server == file


def test_recap_db_may_name_a_server(postgres_url: URL, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECAP_DB", text_of(postgres_url))
    assert run_cli("load", str(SAMPLE_LIBRARY_JSON))[0] == 0
    code, out, _ = run_cli("list", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_ids_keep_counting_after_a_load(postgres_url: URL) -> None:
    """A load gives rows their ids itself; the server's sequences must follow."""
    db = text_of(postgres_url)
    run_cli("--db", db, "load", str(SAMPLE_LIBRARY_JSON))
    library = open_library(postgres_url)
    try:
        first = library.events().__next__()
        first.id, first.title = None, "A copy made one by one"
        new_id = library.create_event(first)
        assert library.event(new_id).title == "A copy made one by one"
        assert library.event_count() == 4
    finally:
        library.close()


def test_an_empty_database_gets_the_newest_schema(empty_database: URL) -> None:
    open_library(empty_database).close()
    assert read_rows(empty_database, "SELECT version_num FROM alembic_version") == [
        (HEAD_REVISION,)
    ]
    tables = {name for (name,) in read_rows(empty_database, "SELECT tablename FROM pg_tables")}
    assert {"events", "sessions", "qa_entries", "search_docs"} <= tables


# -- one sentence for each way it fails ----------------------------------------------------


def test_no_server_at_the_address(tmp_path: Path) -> None:
    url = URL.create(
        "postgresql+psycopg", username="ana", database="recap", query={"host": str(tmp_path)}
    )
    err = one_line_failure(url)
    assert "Cannot reach the server" in err and "No such file or directory" in err


def test_a_database_that_does_not_exist(postgres_server: ThrowawayServer) -> None:
    err = one_line_failure(postgres_server.url("no_such_library"))
    assert "There is no database no_such_library" in err
    assert "createdb no_such_library" in err


def test_a_role_the_server_does_not_know(postgres_url: URL) -> None:
    err = one_line_failure(postgres_url.set(username="stranger"))
    assert "refused the login" in err and "stranger" in err


@pytest.fixture
def password_role(postgres_server: ThrowawayServer, postgres_url: URL) -> URL:
    """A role that must give a password (scram-sha-256) and owns a library's database."""
    with postgres_server.admin() as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_ROLE,)
        ).fetchone()
        if exists is None:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'right'").format(
                    sql.Identifier(PASSWORD_ROLE)
                )
            )
    with psycopg.connect(**connection_options(postgres_url), autocommit=True) as connection:
        connection.execute(
            sql.SQL("GRANT ALL ON ALL TABLES IN SCHEMA public TO {}").format(
                sql.Identifier(PASSWORD_ROLE)
            )
        )
        connection.execute(
            sql.SQL("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {}").format(
                sql.Identifier(PASSWORD_ROLE)
            )
        )
    return postgres_url.set(username=PASSWORD_ROLE)


def test_a_server_that_asks_for_a_password_recap_was_not_given(
    password_role: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    err = one_line_failure(password_role)
    assert "asks for a password" in err and "~/.pgpass" in err


def test_a_wrong_password_is_a_refused_login(
    password_role: URL, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", "wrong")
    err = one_line_failure(password_role)
    assert "refused the login" in err and "password authentication failed" in err
    assert "wrong" not in err.replace("password authentication failed", "")


def test_the_password_comes_from_libpq(
    password_role: URL, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{PASSWORD_ROLE}:right\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    code, out, err = run_cli("--db", text_of(password_role), "list", "--json")
    assert (code, err) == (0, "") and json.loads(out) == []


def test_a_database_of_another_program_is_left_alone(empty_database: URL) -> None:
    with psycopg.connect(**connection_options(empty_database), autocommit=True) as connection:
        connection.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text)")
    err = one_line_failure(empty_database)
    assert "holds another program's tables" in err
    tables = {name for (name,) in read_rows(empty_database, "SELECT tablename FROM pg_tables")}
    assert "alembic_version" not in tables and "events" not in tables


def test_a_library_from_a_newer_recap_is_left_alone(postgres_url: URL) -> None:
    with psycopg.connect(**connection_options(postgres_url), autocommit=True) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    err = one_line_failure(postgres_url)
    assert "saved by a newer version of Recap" in err
    assert read_rows(postgres_url, "SELECT version_num FROM alembic_version") == [
        ("9999_from_the_future",)
    ]
