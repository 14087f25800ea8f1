"""``recap publish`` and ``recap list --unpublished`` on both back ends (issue 15 item
2): a record made, updated and removed, the list's mark, dump/load keeping it, and bad
input refused with nothing changed."""

import datetime as dt
import json

import pytest

from recap.domain.records import EventRecord
from recap.storage.library import Library
from tests.unit.test_cli import run_cli, snapshot, where

pytestmark = pytest.mark.both_backends


@pytest.fixture
def two(library: Library) -> tuple[Library, int, int]:
    first = library.create_event(
        EventRecord(title="Build With AI", start_date=dt.date(2025, 9, 13))
    )
    second = library.create_event(EventRecord(title="Kotlin Night", start_date=dt.date(2024, 3, 1)))
    return library, first, second


def test_publish_list_mark_filter_and_remove(two: tuple[Library, int, int]) -> None:
    library, first, second = two
    db = where(library.location)  # type: ignore[arg-type]
    code, out, err = run_cli(
        "--db", db, "publish", str(first), "--platform", "tistory",
        "--url", "me.tistory.com/12", "--on", "2025-09-14",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert (
        out == f"Event {first}: published on tistory at https://me.tistory.com/12 (2025-09-14).\n"
    )
    code, out, _ = run_cli("--db", db, "publish", str(second), "--platform", "velog", "--draft")
    assert code == 0 and f"Event {second}: draft on velog" in out
    stored = library.event(first).publications[0]
    assert (stored.url, stored.published_on) == ("https://me.tistory.com/12", dt.date(2025, 9, 14))

    code, out, _ = run_cli("--db", db, "list")
    assert "Build With AI  ✓ tistory" in out and "Kotlin Night\n" in out
    listed = json.loads(run_cli("--db", db, "list", "--json")[1])
    assert {item["title"]: item["published"] for item in listed} == {
        "Build With AI": ["tistory"],
        "Kotlin Night": [],  # a draft is not published
    }
    titles = [
        item["title"]
        for item in json.loads(run_cli("--db", db, "list", "--unpublished", "--json")[1])
    ]
    assert titles == ["Kotlin Night"]
    on_velog = json.loads(run_cli("--db", db, "list", "--unpublished", "VELOG", "--json")[1])
    assert [item["title"] for item in on_velog] == ["Build With AI", "Kotlin Night"]

    code, out, _ = run_cli("--db", db, "publish", str(first), "--platform", "Tistory", "--remove")
    assert code == 0 and library.event(first).publications == []
    code, _, err = run_cli("--db", db, "publish", str(first), "--platform", "tistory", "--remove")
    assert code == 2 and "has no record on tistory" in err


def test_dump_and_load_keep_publications(two: tuple[Library, int, int], tmp_path) -> None:  # type: ignore[no-untyped-def]
    library, first, _ = two
    db = where(library.location)  # type: ignore[arg-type]
    run_cli(
        "--db", db, "publish", str(first), "--platform", "velog", "--url", "https://velog.io/@me/a"
    )
    dumped = tmp_path / "all.json"
    code, _, _ = run_cli("--db", db, "dump", str(dumped))
    assert code == 0
    events = json.loads(dumped.read_text(encoding="utf-8"))["events"]
    posted = [event["publications"] for event in events if event["title"] == "Build With AI"]
    assert posted[0][0]["url"] == "https://velog.io/@me/a"
    other = tmp_path / "other.db"
    code, _, err = run_cli("--db", str(other), "load", str(dumped))
    assert code == 0, err
    listed = json.loads(run_cli("--db", str(other), "list", "--json")[1])
    assert {item["title"]: item["published"] for item in listed}["Build With AI"] == ["velog"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--platform", " "], "needs a platform"),
        (["--platform", "velog", "--url", "ftp://x/y"], "not a web address"),
        (["--platform", "velog", "--on", "2025-13-01"], "--on date"),
        (["--platform", "velog", "--remove", "--draft"], "--remove takes only --platform"),
    ],
)
def test_bad_input_changes_nothing(
    two: tuple[Library, int, int], arguments: list[str], message: str
) -> None:
    library, first, _ = two
    before = snapshot(library.location)  # type: ignore[arg-type]
    code, out, err = run_cli("--db", where(library.location), "publish", str(first), *arguments)  # type: ignore[arg-type]
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert snapshot(library.location) == before  # type: ignore[arg-type]


def test_publishing_a_missing_event(two: tuple[Library, int, int]) -> None:
    library, *_ = two
    code, _, err = run_cli("--db", where(library.location), "publish", "999", "--platform", "velog")  # type: ignore[arg-type]
    assert code == 2 and "999" in err
