"""The command line, run in-process through recap.cli.run and once as `python -m recap`."""

import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import URL

from recap import __version__, cli
from recap.app import gui_db_option, main, wants_gui
from recap.storage.location import Location
from tests.backends import read_rows
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON

SAMPLE_TITLES_NEWEST_FIRST = [
    "FastAPI 밋업 — 비동기의 함정",
    "PyData Seoul Conference 2024",
    "Android Dev Night #7",
]
SUMMARY_KEYS = {"id", "title", "start_date", "end_date", "tags"}


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def where(location: Location) -> str:
    """``--db``'s text for a library file or a server's database."""
    if isinstance(location, URL):
        return location.render_as_string(hide_password=False)
    return str(location)


def snapshot(path: Location) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read with plain sqlite3 (the WAL included) or psycopg."""
    if isinstance(path, URL):
        return server_snapshot(path)
    if not path.exists():
        return {}
    with closing(sqlite3.connect(path)) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            # sorted in Python: the search index's shadow tables have no rowid
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }


def server_snapshot(url: URL) -> dict[str, list[tuple[object, ...]]]:
    names = read_rows(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {name: sorted(read_rows(url, f'SELECT * FROM "{name}"'), key=repr) for (name,) in names}


# The commands on a file's library and on a server's (tests about the file: sqlite_only).
pytestmark = pytest.mark.both_backends


@pytest.fixture
def db(library_location: Location) -> Location:
    """A library holding the shared sample, loaded through the CLI: a file, or a database
    on the throwaway PostgreSQL server."""
    code, out, err = run_cli("--db", where(library_location), "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err, out) == (0, "", f"Added 3 events from {SAMPLE_LIBRARY_JSON}.\n")
    return library_location


def listed(db: Location, *options: str) -> list[dict[str, object]]:
    code, out, err = run_cli("--db", where(db), "list", "--json", *options)
    assert (code, err) == (0, ""), err
    items = json.loads(out)
    assert isinstance(items, list)
    return items


def titles(items: list[dict[str, object]]) -> list[object]:
    return [item["title"] for item in items]


# -- version and help --------------------------------------------------------


@pytest.mark.parametrize(
    ("flag", "text"), [("--version", f"recap {__version__}"), ("--help", "load")]
)
def test_version_and_help_exit_zero(
    capsys: pytest.CaptureFixture[str], flag: str, text: str
) -> None:
    out, err = io.StringIO(), io.StringIO()
    try:
        code = cli.run([flag], out, err)
    except SystemExit as stop:  # argparse's own actions exit; that is acceptable here
        code = stop.code
    printed = out.getvalue() + capsys.readouterr().out
    assert code == 0
    assert text in printed
    assert err.getvalue() == ""


# -- happy paths -------------------------------------------------------------


def test_load_reports_what_it_added(library_path: Path) -> None:
    code, out, err = run_cli("--db", str(library_path), "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err, out) == (0, "", f"Added 3 events from {SAMPLE_LIBRARY_JSON}.\n")


def test_loading_again_adds_nothing(db: Location) -> None:
    before = snapshot(db)
    code, out, err = run_cli("--db", where(db), "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err) == (0, "")
    assert out == f"Nothing added from {SAMPLE_LIBRARY_JSON}: 3 events already in the library.\n"
    assert snapshot(db) == before


def test_load_warns_about_unknown_fields(library_path: Path, tmp_path: Path) -> None:
    data = {
        "format": "recap",
        "version": 1,
        "events": [{"title": "Meetup", "start_date": "2024-04-13", "mood": "great"}],
    }
    source = tmp_path / "extra.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli("--db", str(library_path), "load", str(source))
    assert (code, out) == (0, f"Added 1 event from {source}.\n")
    [warning] = err.splitlines()
    assert warning.startswith("recap: ")
    assert "mood" in warning and "event 1" in warning and "Meetup" in warning


def test_list_shows_newest_first(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "list")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 3
    for line, title in zip(lines, SAMPLE_TITLES_NEWEST_FIRST, strict=True):
        assert title in line
    assert "2024-05-30..2024-05-31" in lines[1]
    assert "Python" in lines[1] and "LLM" in lines[1]


def test_list_json_carries_the_summary_fields(db: Location) -> None:
    items = listed(db)
    assert titles(items) == SAMPLE_TITLES_NEWEST_FIRST
    for item in items:
        assert set(item) >= SUMMARY_KEYS
        assert isinstance(item["id"], int)
        assert isinstance(item["tags"], list)
    pydata = items[1]
    assert (pydata["start_date"], pydata["end_date"]) == ("2024-05-30", "2024-05-31")
    assert pydata["tags"] == ["Python", "LLM", "doc2vec"]
    assert items[0]["end_date"] is None
    assert items[0]["tags"] == ["FastAPI", "Python", "AWS EC2"]


@pytest.mark.parametrize("spelling", ["python", "Python", "PYTHON", " python "])
def test_list_by_tag_finds_both_spellings(db: Location, spelling: str) -> None:
    assert titles(listed(db, "--tag", spelling)) == [
        "FastAPI 밋업 — 비동기의 함정",
        "PyData Seoul Conference 2024",
    ]


def test_list_by_all_and_any_tags(db: Location) -> None:
    assert titles(listed(db, "--tag", "python", "--tag", "llm")) == ["PyData Seoul Conference 2024"]
    assert titles(listed(db, "--tag", "LLM", "--tag", "android", "--any")) == [
        "PyData Seoul Conference 2024",
        "Android Dev Night #7",
    ]


def test_list_by_dates_overlaps_multi_day_events(db: Location) -> None:
    assert titles(listed(db, "--from", "2024-05-31", "--to", "2024-06-01")) == [
        "PyData Seoul Conference 2024"
    ]
    assert titles(listed(db, "--to", "2024-05-30")) == [
        "PyData Seoul Conference 2024",
        "Android Dev Night #7",
    ]


def test_an_empty_result_is_success(db: Location) -> None:
    assert listed(db, "--from", "2025-01-01") == []
    code, out, err = run_cli("--db", where(db), "list", "--from", "2025-01-01")
    assert (code, out, err) == (0, "", "")


def test_tags_json_counts_python_once(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "tags", "--json")
    assert (code, err) == (0, "")
    counts = {item["name"]: item["count"] for item in json.loads(out)}
    assert counts == {
        "android": 1,
        "ExoPlayer": 1,
        "video caching": 1,
        "Python": 2,
        "LLM": 1,
        "doc2vec": 1,
        "FastAPI": 1,
        "AWS EC2": 1,
    }
    assert all(set(item) == {"name", "count"} for item in json.loads(out))


def test_tags_text(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "tags")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 8
    [python] = [line for line in lines if line.split(maxsplit=1)[1] == "Python"]
    assert python.split() == ["2", "Python"]


def test_dump_to_stdout_is_recap_json(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "dump")
    assert (code, err) == (0, "")
    dumped = json.loads(out)
    assert (dumped["format"], dumped["version"]) == ("recap", 2)
    assert [item["title"] for item in dumped["events"]] == SAMPLE_TITLES_NEWEST_FIRST[::-1]


def test_dump_to_a_file(db: Location, tmp_path: Path) -> None:
    _, to_stdout, _ = run_cli("--db", where(db), "dump")
    target = tmp_path / "backup.json"
    code, out, err = run_cli("--db", where(db), "dump", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_text(encoding="utf-8") == to_stdout
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".backup")] == []


def test_dump_a_part(db: Location) -> None:
    code, out, _ = run_cli("--db", where(db), "dump", "--tag", "python", "--from", "2024-06-01")
    assert code == 0
    assert [item["title"] for item in json.loads(out)["events"]] == ["FastAPI 밋업 — 비동기의 함정"]


def test_dump_then_load_elsewhere_round_trips(db: Location, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    run_cli("--db", where(db), "dump", str(first))
    other = tmp_path / "other.db"
    code, _, _ = run_cli("--db", str(other), "load", str(first))
    assert code == 0
    _, again, _ = run_cli("--db", str(other), "dump")
    assert again == first.read_text(encoding="utf-8")


def test_db_may_follow_the_command(db: Location) -> None:
    code, out, err = run_cli("list", "--db", where(db), "--json")
    assert (code, err) == (0, "")
    assert titles(json.loads(out)) == SAMPLE_TITLES_NEWEST_FIRST


def test_recap_db_is_honoured(db: Location, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECAP_DB", where(db))
    code, out, err = run_cli("list", "--json")
    assert (code, err) == (0, "")
    assert titles(json.loads(out)) == SAMPLE_TITLES_NEWEST_FIRST


def test_db_wins_over_recap_db(
    db: Location, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    monkeypatch.setenv("RECAP_DB", str(elsewhere))
    code, out, _ = run_cli("--db", where(db), "list", "--json")
    assert code == 0
    assert len(json.loads(out)) == 3
    assert not elsewhere.exists()


def test_the_default_library_is_in_the_user_data_folder() -> None:
    from platformdirs import user_data_path

    expected = user_data_path("recap", appauthor=False) / "library.db"
    # tests/conftest.py points HOME and XDG_DATA_HOME at a private folder for each test.
    assert Path(os.environ["HOME"]) in expected.parents
    code, out, err = run_cli("load", str(SAMPLE_LIBRARY_JSON))
    assert code == 0 and expected.is_file()
    code, out, err = run_cli("list", "--json")
    assert (code, len(json.loads(out)), err) == (0, 3, "")


def test_a_reading_command_refuses_a_library_that_is_not_there(tmp_path: Path) -> None:
    mistyped = tmp_path / "mistyped.db"
    for command in (["list"], ["search", "캐시"], ["dump"], ["tags"], ["tags", "--delete", "x"]):
        code, out, err = run_cli("--db", str(mistyped), *command)
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and f"There is no library at {mistyped}" in err
    assert not mistyped.exists()  # nothing was made


def test_main_runs_the_cli_when_given_a_command(db: Location, tmp_path: Path) -> None:
    # cli.run binds sys.stdout as a default at import time, so check a file, not stdout.
    target = tmp_path / "via-main.json"
    assert main(["--db", where(db), "dump", str(target)]) == 0
    events = json.loads(target.read_text(encoding="utf-8"))["events"]
    assert [item["title"] for item in events] == SAMPLE_TITLES_NEWEST_FIRST[::-1]


# -- bad input: one line on stderr, status 2, nothing written -----------------


def write(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


BAD_INPUTS = {
    "missing-file": lambda tmp: ["load", str(tmp / "missing.json")],
    "folder-as-file": lambda tmp: ["load", str(tmp)],
    "invalid-json": lambda tmp: ["load", write(tmp, "bad.json", b'{"format": "recap",')],
    "not-utf8": lambda tmp: [
        "load",
        write(tmp, "latin.json", '{"x": "caf\u00e9"}'.encode("latin-1")),
    ],
    "schema-violation": lambda tmp: [
        "load",
        write(
            tmp,
            "schema.json",
            b'{"format": "recap", "version": 1, "events": [{"title": "No date"}]}',
        ),
    ],
    "version-3": lambda tmp: [
        "load",
        write(tmp, "v3.json", b'{"format": "recap", "version": 3, "events": []}'),
    ],
    "lone-surrogate": lambda tmp: [
        "load",
        write(
            tmp,
            "surrogate.json",
            b'{"format": "recap", "version": 1, "events": '
            b'[{"title": "Broken \\ud800 text", "start_date": "2024-01-01"}]}',
        ),
    ],
    "unknown-tag": lambda tmp: ["list", "--tag", "no-such-tag"],
    "unknown-tag-dump": lambda tmp: ["dump", "--tag", "no-such-tag"],
    "bad-from-date": lambda tmp: ["list", "--from", "2024-13-40"],
    "bad-to-date": lambda tmp: ["list", "--to", "yesterday"],
    "bad-dump-date": lambda tmp: ["dump", "--from", "2024-02-30"],
    "dump-into-missing-folder": lambda tmp: ["dump", str(tmp / "missing" / "out.json")],
    "unknown-command": lambda tmp: ["bogus"],
    "no-command": lambda tmp: [],
    "unknown-option": lambda tmp: ["list", "--colour"],
    "tag-without-value": lambda tmp: ["list", "--tag"],
    "load-without-file": lambda tmp: ["load"],
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_one_line_and_changes_nothing(db: Location, tmp_path: Path, case: str) -> None:
    args = BAD_INPUTS[case](tmp_path)
    before = snapshot(db)
    code, out, err = run_cli("--db", where(db), *args)
    assert code == 2
    assert out == ""
    assert err.startswith("recap: ")
    assert err.endswith("\n")
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "args",
    [["list", "--from", "2024-13-40"], ["dump", "--to", "24-1-1"], ["bogus"], []],
    ids=["bad-list-date", "bad-dump-date", "unknown-command", "no-command"],
)
def test_bad_input_creates_no_library(library_path: Path, args: list[str]) -> None:
    """'Bad input ... nothing is written': not even a new, empty library file."""
    code, _, err = run_cli("--db", str(library_path), *args)
    assert code == 2
    assert len(err.splitlines()) == 1
    assert not library_path.exists()


def test_a_broken_library_file_is_one_line_and_left_alone(library_path: Path) -> None:
    library_path.write_bytes(b"not a database at all\n" * 10)
    before = library_path.read_bytes()
    code, out, err = run_cli("--db", str(library_path), "list")
    assert (code, out) == (2, "")
    assert err.startswith("recap: ") and len(err.splitlines()) == 1
    assert library_path.read_bytes() == before


@pytest.mark.sqlite_only
def test_a_library_from_a_newer_version_is_one_line(db: Location) -> None:
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
        connection.commit()
    code, _, err = run_cli("--db", where(db), "list")
    assert code == 2
    assert err.startswith("recap: ") and len(err.splitlines()) == 1
    assert "newer version" in err


# -- as a separate process ---------------------------------------------------


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "recap", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=60,
        check=False,
    )


def test_python_m_recap_lists_json(db: Location) -> None:
    done = run_module("--db", where(db), "list", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert titles(json.loads(done.stdout)) == SAMPLE_TITLES_NEWEST_FIRST


def test_python_m_recap_honours_recap_db(db: Location) -> None:
    done = run_module("tags", "--json", env={"RECAP_DB": where(db)})
    assert done.returncode == 0, done.stderr
    assert {"name": "Python", "count": 2} in json.loads(done.stdout)


def test_python_m_recap_bad_input(db: Location) -> None:
    done = run_module("--db", where(db), "list", "--tag", "nope")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("recap: ")
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr


# -- GUI or CLI --------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "gui"),
    [
        ([], True),
        (["--db", "lib.db"], True),
        (["--db=lib.db"], True),
        (["list"], False),
        (["--db", "lib.db", "list"], False),
        (["--db=lib.db", "tags", "--json"], False),
        (["list", "--db", "lib.db"], False),
        (["--version"], False),
        (["--help"], False),
        (["-h"], False),
        (["bogus"], False),
        (["--db", "list"], True),  # a library file that happens to be called "list"
    ],
)
def test_wants_gui(arguments: list[str], gui: bool) -> None:
    assert wants_gui(arguments) is gui


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ([], None),
        (["--db", "lib.db"], "lib.db"),
        (["--db=lib.db"], "lib.db"),
        (["--db=~/recap/라이브러리.db"], "~/recap/라이브러리.db"),
        (["--db"], None),
    ],
)
def test_gui_db_option(arguments: list[str], path: str | None) -> None:
    assert gui_db_option(arguments) == path


# -- search and tag changes ---------------------------------------------------------


def search_json(db: Location, *args: str) -> list[dict[str, object]]:
    code, out, err = run_cli("--db", where(db), "search", *args, "--json")
    assert (code, err) == (0, ""), err
    result = json.loads(out)
    assert isinstance(result, list)
    return result


def test_search_finds_korean_inside_a_word_and_says_where(db: Location) -> None:
    [hit] = search_json(db, "캐시")
    assert hit["title"] == "Android Dev Night #7"
    assert {"id", "title", "start_date", "end_date", "tags", "matches"} <= set(hit)
    kinds = {match["kind"] for match in hit["matches"]}  # type: ignore[union-attr]
    assert kinds == {"session", "qa"}
    assert all("캐시" in match["matched"] for match in hit["matches"])  # type: ignore[union-attr]


def test_search_combines_text_tags_and_dates(db: Location) -> None:
    assert [hit["title"] for hit in search_json(db, "the", "--tag", "python")] == [
        "PyData Seoul Conference 2024"
    ]
    assert search_json(db, "the", "--tag", "python", "--to", "2024-05-29") == []
    assert [hit["title"] for hit in search_json(db, "ㅂㄷㄱ", "--from", "2024-06-01")] == [
        "FastAPI 밋업 — 비동기의 함정"
    ]


def test_search_with_no_results_is_success_and_an_empty_list(db: Location) -> None:
    assert search_json(db, "zzzqqq") == []
    code, out, err = run_cli("--db", where(db), "search", "zzzqqq")
    assert (code, out, err) == (0, "", "")


def test_search_prints_matches_marked(db: Location) -> None:
    code, out, _ = run_cli("--db", where(db), "search", "p99")
    assert code == 0
    assert "FastAPI 밋업" in out and "[p99]" in out


@pytest.mark.parametrize(
    "args",
    [
        ("search", "x", "--tag", "nope"),
        ("search", "x", "--from", "2024-13-40"),
        ("search", "x", "--limit", "0"),
        ("tags", "--rename", "nope", "x"),
        ("tags", "--delete", "nope"),
        ("tags", "--rename", "python", "   "),
    ],
)
def test_bad_search_and_tag_input_is_one_line_and_changes_nothing(
    db: Location,
    args: tuple[str, ...],
) -> None:
    before = snapshot(db)
    code, _, err = run_cli("--db", where(db), *args)
    assert code == 2
    assert err.startswith("recap: ") and err.count("\n") == 1
    assert snapshot(db) == before


def test_tags_rename_merges_case_blind_and_keeps_the_search_index(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "tags", "--rename", "doc2vec", "llm")
    assert (code, err) == (0, "")
    assert out == "Merged 'doc2vec' into 'LLM' on 1 event.\n"
    code, out, _ = run_cli("--db", where(db), "tags", "--json")
    counts = {item["name"]: item["count"] for item in json.loads(out)}
    assert "doc2vec" not in counts
    assert counts["LLM"] == 1
    assert [hit["title"] for hit in search_json(db, "LLM")] == ["PyData Seoul Conference 2024"]


def test_tags_delete_removes_it_from_every_event(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "tags", "--delete", "PYTHON")
    assert (code, err, out) == (0, "", "Removed 'PYTHON' from 2 events.\n")
    code, out, _ = run_cli("--db", where(db), "tags", "--json")
    assert "Python" not in {item["name"] for item in json.loads(out)}
    code, out, _ = run_cli("--db", where(db), "list", "--json")
    assert all("Python" not in item["tags"] for item in json.loads(out))


def test_a_dump_file_gets_ordinary_permissions(db: Location, tmp_path: Path) -> None:
    target = tmp_path / "dump.json"
    assert run_cli("--db", where(db), "dump", str(target))[0] == 0
    assert target.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda path: path.write_bytes(b""), "empty file"),
        (lambda path: path.write_bytes(b"\x00garbage" * 100), "not an SQLite database"),
        (lambda path: path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200), "is damaged"),
    ],
    ids=["empty", "garbage", "truncated"],
)
def test_a_bad_library_file_is_one_line_and_left_byte_for_byte(
    tmp_path: Path, make: Callable[[Path], object], words: str
) -> None:
    path = tmp_path / "library.db"
    make(path)
    before = path.read_bytes()
    code, out, err = run_cli("--db", str(path), "list")
    assert (code, out) == (2, "")
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == before


def test_a_library_in_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    code, _, err = run_cli("--db", str(tmp_path / "no" / "such" / "library.db"), "load", "x.json")
    assert code == 2 and err.count("\n") == 1
    code, _, err = run_cli("--db", str(tmp_path / "no" / "such" / "library.db"), "list")
    assert code == 2 and "There is no library" in err
    assert not (tmp_path / "no").exists()


def test_tags_rename_to_a_new_name_says_renamed(db: Location) -> None:
    code, out, err = run_cli("--db", where(db), "tags", "--rename", "doc2vec", "Doc2Vec 모델")
    assert (code, err, out) == (0, "", "Renamed 'doc2vec' to 'Doc2Vec 모델' on 1 event.\n")


@pytest.mark.parametrize(
    "command",
    [
        ("load", str(SAMPLE_LIBRARY_JSON)),
        ("tags", "--rename", "Python", "파이썬"),
        ("tags", "--delete", "Python"),
        ("import", str(REPO_ROOT / "tests" / "data" / "export" / "2024-03-21.ko.none.md")),
    ],
)
@pytest.mark.sqlite_only
def test_writes_are_refused_while_the_app_has_the_library(
    db: Location, command: tuple[str, ...]
) -> None:
    from recap.storage.lock import LibraryLock

    app_lock = LibraryLock(db)  # as a Recap window holds it
    app_lock.acquire()
    before = snapshot(db)
    try:
        code, out, err = run_cli("--db", where(db), *command)
    finally:
        app_lock.release()
    assert (code, out) == (2, "")
    assert "open in the Recap app" in err and err.count("\n") == 1
    assert snapshot(db) == before
    assert run_cli("--db", where(db), *command)[0] == 0  # once the app has closed it
    after = LibraryLock(db)  # and the command let go of it too
    after.acquire()
    after.release()


@pytest.mark.sqlite_only
def test_reading_commands_work_while_the_app_has_the_library(db: Location) -> None:
    from recap.storage.lock import LibraryLock

    app_lock = LibraryLock(db)
    app_lock.acquire()
    try:
        assert run_cli("--db", where(db), "list")[0] == 0
        assert run_cli("--db", where(db), "search", "파이썬")[0] == 0
        assert run_cli("--db", where(db), "dump")[0] == 0
    finally:
        app_lock.release()


@pytest.mark.parametrize("command", ["list", "dump", "search"])
def test_a_date_range_that_ends_before_it_starts_is_refused(db: Location, command: str) -> None:
    words = ["파이썬"] if command == "search" else []
    code, out, err = run_cli(
        "--db", where(db), command, *words, "--from", "2026-01-01", "--to", "2025-01-01"
    )
    assert (code, out) == (2, "")
    assert "before --from" in err and err.count("\n") == 1


def test_another_programs_database_is_named_in_the_message(tmp_path: Path) -> None:
    other = tmp_path / "music.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()
    code, _, err = run_cli("--db", str(other), "list")
    assert code == 2
    assert f"{other} is a database of another program, not a Recap library" in err
