"""`recap import FILE.ics` and `recap export ... --format ics`: exit statuses, messages,
all or nothing, and the calendar on stdout or in a file."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from recap import cli
from recap.storage.library import open_library
from tests.conftest import DATA_DIR, REPO_ROOT, SAMPLE_LIBRARY_JSON

ICS = DATA_DIR / "ics"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def titles(db: Path) -> list[str]:
    library = open_library(db)
    try:
        return [summary.title for summary in library.event_summaries()]
    finally:
        library.close()


@pytest.fixture
def db(library_path: Path) -> Path:
    code, _out, err = run_cli("--db", str(library_path), "load", str(SAMPLE_LIBRARY_JSON))
    assert (code, err) == (0, "")
    return library_path


def test_a_calendar_is_imported_and_importing_it_again_adds_nothing(db: Path) -> None:
    code, out, err = run_cli("--db", str(db), "import", str(ICS / "meetup.ics"))
    assert (code, err) == (0, "")
    assert out == "Added 3 events from 1 file.\n"
    assert "송도 해커톤" in titles(db)
    code, out, err = run_cli("--db", str(db), "import", str(ICS / "meetup.ics"))
    assert (code, out, err) == (
        0,
        "Nothing added from 1 file: 3 events already in the library.\n",
        "",
    )


def test_recurring_events_need_from_and_to_and_nothing_is_imported_without(db: Path) -> None:
    before = titles(db)
    code, out, err = run_cli(
        "--db", str(db), "import", str(ICS / "meetup.ics"), str(ICS / "google-calendar.ics")
    )
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("recap: error: ")
    assert "weekly-llm-study@google.com) repeats; give a date range (--from and --to)" in err
    assert titles(db) == before  # the Meetup file, fine on its own, was not imported either


def test_with_a_range_the_occurrences_are_imported_and_warnings_go_to_stderr(db: Path) -> None:
    code, out, err = run_cli(
        "--db",
        str(db),
        "import",
        str(ICS / "google-calendar.ics"),
        "--from",
        "2024-09-01",
        "--to",
        "2024-09-30",
    )
    assert code == 0
    assert out == "Added 7 events from 1 file.\n"
    assert err == (
        f"recap: warning: {ICS / 'google-calendar.ics'}, VEVENT 7 "
        "(UID cancelled-hackathon@google.com) is cancelled; skipped.\n"
    )
    assert titles(db).count("LLM 논문 스터디") == 3


def test_posts_and_calendars_import_together(db: Path, tmp_path: Path) -> None:
    code, _out, err = run_cli("--db", str(db), "export", "1", "--out", str(tmp_path / "posts"))
    assert (code, err) == (0, "")
    [post] = (tmp_path / "posts").iterdir()
    other = tmp_path / "other.db"
    code, out, err = run_cli("--db", str(other), "import", str(post), str(ICS / "outlook.ics"))
    assert (code, err) == (0, "")
    assert out == "Added 5 events from 2 files.\n"


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--from", "2024-01-01"), "Give both --from and --to"),
        (("--from", "2024-02-01", "--to", "2024-01-01"), "--to 2024-01-01 is before --from"),
        (("--from", "2024-13-01", "--to", "2024-12-31"), "is not a real calendar date"),
    ],
)
def test_a_bad_range_is_refused_before_reading(
    db: Path, options: tuple[str, ...], said: str
) -> None:
    code, out, err = run_cli("--db", str(db), "import", str(ICS / "google-calendar.ics"), *options)
    assert (code, out) == (2, "")
    assert said in err and err.count("\n") == 1


def test_a_range_without_a_calendar_file_is_a_mistake(db: Path, tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# T\n", encoding="utf-8")
    code, _out, err = run_cli(
        "--db", str(db), "import", str(post), "--from", "2024-01-01", "--to", "2024-01-31"
    )
    assert code == 2 and "--from and --to are for calendar files (.ics)" in err


def test_a_damaged_calendar_among_good_ones_imports_nothing(db: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.ics"
    damaged.write_bytes((ICS / "outlook.ics").read_bytes()[:-200])
    before = titles(db)
    code, out, err = run_cli("--db", str(db), "import", str(ICS / "meetup.ics"), str(damaged))
    assert (code, out) == (2, "")
    assert err == f"recap: error: {damaged} ends before its calendar does: the file is cut short.\n"
    assert titles(db) == before


def test_the_chosen_events_go_to_stdout_as_one_calendar(db: Path) -> None:
    code, out, err = run_cli("--db", str(db), "export", "--all", "--format", "ics")
    assert (code, err) == (0, "")
    parsed = icalendar.Calendar.from_ical(out)
    assert sorted(str(event["SUMMARY"]) for event in parsed.walk("VEVENT")) == sorted(titles(db))


def test_export_then_import_into_the_same_library_adds_nothing(db: Path, tmp_path: Path) -> None:
    code, out, _err = run_cli("--db", str(db), "export", "--all", "--format", "ics")
    exported = tmp_path / "all.ics"
    exported.write_text(out, encoding="utf-8")
    code, out, err = run_cli("--db", str(db), "import", str(exported))
    assert (code, err) == (0, "")
    assert out == "Nothing added from 1 file: 3 events already in the library.\n"


def test_out_names_a_folder_or_an_ics_file(db: Path, tmp_path: Path) -> None:
    code, out, err = run_cli(
        "--db",
        str(db),
        "export",
        "--tag",
        "Python",
        "--format",
        "ics",
        "--out",
        str(tmp_path / "a"),
    )
    written = tmp_path / "a" / "recap-events.ics"
    assert (code, err) == (0, "")
    assert out.startswith("Wrote ") and out.endswith(f" to {written}.\n")
    assert written.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    code, out, err = run_cli(
        "--db",
        str(db),
        "export",
        "--all",
        "--format",
        "ics",
        "--out",
        str(tmp_path / "new" / "mine.ics"),
    )
    assert (code, out, err) == (0, f"Wrote 3 events to {tmp_path / 'new' / 'mine.ics'}.\n", "")
    assert (tmp_path / "new" / "mine.ics").is_file()


def test_blog_options_with_ics_and_no_selection_are_refused(db: Path) -> None:
    code, out, err = run_cli(
        "--db", str(db), "export", "--all", "--format", "ics", "--front-matter", "hugo"
    )
    assert (code, out) == (2, "")
    assert "--front-matter and --related are for blog posts" in err
    code, _out, err = run_cli("--db", str(db), "export", "--format", "ics")
    assert code == 2 and "Name the events to export" in err


def test_an_empty_library_exports_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    open_library(empty).close()
    code, out, err = run_cli(
        "--db", str(empty), "export", "--all", "--format", "ics", "--out", str(tmp_path / "x")
    )
    assert (code, out, err) == (0, "", "recap: no events match; nothing exported.\n")
    assert not (tmp_path / "x").exists()


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX system")
def test_stdout_of_the_real_program_keeps_the_crlf_lines(db: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-m", "recap", "--db", str(db), "export", "--all", "--format", "ics"],
        capture_output=True,
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert (child.returncode, child.stderr) == (0, b"")
    assert child.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\n" not in child.stdout.replace(b"\r\n", b"")
    assert child.stdout.count(b"BEGIN:VEVENT\r\n") == 3
