"""`recap copy`: a whole library moved from a file to a server and back, ids, search and
all; an occupied target refused; a copy that fails midway leaves the target as it was.
The server is the throwaway one of tests/postgres_server.py."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from psycopg import sql
from sqlalchemy import URL

from benchmarks.generate import generate
from recap import cli
from recap.storage.library import open_library
from recap.storage.library_copy import copy_library
from recap.storage.models import Base
from tests.backends import read_rows
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON
from tests.postgres_server import ThrowawayServer

TABLES = [table.name for table in Base.metadata.sorted_tables]


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def text_of(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def loaded_file(path: Path) -> Path:
    code, _, err = run_cli("--db", str(path), "load", str(SAMPLE_LIBRARY_JSON))
    assert code == 0, err
    return path


def dump_of(where: str) -> str:
    code, out, err = run_cli("--db", where, "dump")
    assert code == 0, err
    return out


def search_titles(where: str, text: str) -> list[str]:
    code, out, err = run_cli("--db", where, "search", text, "--json")
    assert code == 0, err
    return [hit["title"] for hit in json.loads(out)]


def row_counts(where: Path | URL) -> dict[str, int]:
    return {table: read_rows(where, f"SELECT count(*) FROM {table}")[0][0] for table in TABLES}


def test_a_file_goes_to_a_server_and_back_unchanged(tmp_path: Path, empty_database: URL) -> None:
    source = loaded_file(tmp_path / "laptop.db")
    code, out, err = run_cli("copy", str(source), text_of(empty_database))
    assert (code, err) == (0, "")
    assert out.startswith("Copied 3 events (") and out.endswith("the counts match.\n")
    back = tmp_path / "메모 폴더" / "home.db"
    back.parent.mkdir()
    assert run_cli("copy", text_of(empty_database), str(back))[0] == 0

    assert dump_of(str(source)) == dump_of(text_of(empty_database)) == dump_of(str(back))
    assert row_counts(source) == row_counts(empty_database) == row_counts(back)
    # rows keep their ids, and the copies' search indexes were built
    query = "SELECT id, title FROM sessions ORDER BY id"
    assert read_rows(source, query) == read_rows(empty_database, query) == read_rows(back, query)
    for where in (text_of(empty_database), str(back)):
        assert search_titles(where, "비동") == ["FastAPI 밋업 — 비동기의 함정"]
        assert search_titles(where, "ㅂㄷㄱ") == search_titles(str(source), "ㅂㄷㄱ")


def test_a_server_copy_keeps_counting_ids(tmp_path: Path, empty_database: URL) -> None:
    """Rows arrive with their ids; the server's sequences must move past them."""
    copy_library(loaded_file(tmp_path / "library.db"), empty_database)
    library = open_library(empty_database)
    try:
        event = next(library.events())
        event.id, event.title = None, "Written after the copy"
        new_id = library.create_event(event)
        assert library.event(new_id).title == "Written after the copy"
    finally:
        library.close()


def test_progress_is_told_batch_by_batch(tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    result = copy_library(
        loaded_file(tmp_path / "a.db"),
        tmp_path / "b.db",
        lambda done, total: told.append((done, total)),
    )
    total = sum(result.rows.values())
    assert told and told[-1] == (total, total)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_a_target_that_holds_a_library_is_refused(tmp_path: Path, postgres_url: URL) -> None:
    source = loaded_file(tmp_path / "source.db")
    run_cli("--db", text_of(postgres_url), "load", str(SAMPLE_LIBRARY_JSON))
    other = loaded_file(tmp_path / "other.db")
    before = (dump_of(text_of(postgres_url)), other.read_bytes())
    for target in (text_of(postgres_url), str(other)):
        code, out, err = run_cli("copy", str(source), target)
        assert (code, out) == (2, "")
        assert "already holds a library" in err and err.count("\n") == 1
    assert (dump_of(text_of(postgres_url)), other.read_bytes()) == before


def test_an_empty_library_file_may_be_the_target(tmp_path: Path) -> None:
    target = tmp_path / "empty.db"
    open_library(target).close()
    assert run_cli("copy", str(loaded_file(tmp_path / "a.db")), str(target))[0] == 0
    assert row_counts(target)["events"] == 3


@pytest.mark.parametrize(
    ("source", "target", "said"),
    [
        ("same.db", "same.db", "onto itself"),
        ("missing.db", "new.db", "There is no library at"),
    ],
)
def test_impossible_copies_are_one_sentence(
    tmp_path: Path, source: str, target: str, said: str
) -> None:
    loaded_file(tmp_path / "same.db")
    code, out, err = run_cli("copy", str(tmp_path / source), str(tmp_path / target))
    assert (code, out) == (2, "") and said in err and err.count("\n") == 1
    assert not (tmp_path / "new.db").exists()


def test_a_copy_refused_by_the_server_midway_leaves_the_database_empty(
    tmp_path: Path, postgres_url: URL, postgres_server: ThrowawayServer
) -> None:
    """The server rejects the last talk (a rule added for the test): events and their
    tags were already sent, and none of it stays."""
    source = loaded_file(tmp_path / "library.db")
    (last_talk,) = read_rows(source, "SELECT title FROM sessions ORDER BY id DESC LIMIT 1")[0]
    with postgres_server.admin(str(postgres_url.database)) as admin:
        rule = sql.SQL("ALTER TABLE sessions ADD CONSTRAINT refuse_one CHECK (title <> {})")
        admin.execute(rule.format(sql.Literal(last_talk)))
        admin.commit()
    code, out, err = run_cli("copy", str(source), text_of(postgres_url))
    assert (code, out) == (2, "") and err.count("\n") == 1 and "refuse_one" in err
    assert set(row_counts(postgres_url).values()) == {0}
    assert read_rows(postgres_url, "SELECT count(*) FROM search_docs") == [(0,)]


def test_a_copy_that_fills_the_disk_leaves_no_file(tmp_path: Path) -> None:
    """A file-size limit (binding root too) stops the copy midway, in a child process:
    the empty library is made, the rows do not fit."""
    document = tmp_path / "many.json"
    document.write_text(json.dumps(generate(events=300)), encoding="utf-8")
    source = tmp_path / "library.db"
    assert run_cli("--db", str(source), "load", str(document))[0] == 0
    target = tmp_path / "copy.db"
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))\n"
        "from recap import cli\n"
        f"sys.exit(cli.run(['copy', {str(source)!r}, {str(target)!r}]))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO_ROOT
    )
    assert finished.returncode == 2, finished.stderr
    assert finished.stderr.startswith("recap: error: Could not finish copying the library")
    assert "disk" in finished.stderr and finished.stderr.count("\n") == 1
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith("copy.db")]


def test_backup_of_a_server_library_is_a_library_file(tmp_path: Path, postgres_url: URL) -> None:
    run_cli("--db", text_of(postgres_url), "load", str(SAMPLE_LIBRARY_JSON))
    code, out, err = run_cli("--db", text_of(postgres_url), "backup", str(tmp_path) + "/")
    assert code == 0, err
    (written,) = tmp_path.glob("*.db")
    assert written.name.startswith(f"{postgres_url.database}.copy-")
    assert out.startswith("Backed up 3 events") and str(written) in out
    assert dump_of(str(written)) == dump_of(text_of(postgres_url))
    code, out, err = run_cli("--db", text_of(postgres_url), "backup", str(written))
    assert code == 2 and "never replaces" in err
