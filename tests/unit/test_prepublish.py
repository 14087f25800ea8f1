"""The pre-publish check (issue 15 item 3): an event built to trip every rule, one that
passes clean, and ``recap check`` (exit 0 clean, 1 problems, 2 bad input) on both back
ends."""

import datetime as dt
import json

import pytest

from recap.domain.prepublish import Spot, check_event, well_formed
from recap.domain.records import AttachmentRecord, EventRecord, LinkRecord, QARecord, SessionRecord
from recap.storage.library import Library
from tests.pictures import png_bytes
from tests.unit.test_cli import run_cli, snapshot, where


def clean() -> EventRecord:
    return EventRecord(
        title="Build With AI in Songdo",
        start_date=dt.date(2025, 9, 13),
        category="TIL - 메모",
        tags=["AI"],
        summary="![무대](stage.png)",
        sessions=[
            SessionRecord(
                title="Gemini 다시 보기",
                speaker="이영빈",
                notes="- 긴 문맥",
                impression="좋았어요",
                links=[LinkRecord(label="슬라이드", url="slides.example.com/gemini")],
                qa=[QARecord(kind="own", question="RoPE?", answer="논문", resolved=True)],
            )
        ],
        attachments=[AttachmentRecord(name="stage.png", media_type="image/png", data=png_bytes())],
    )


def faulty() -> EventRecord:
    return EventRecord(
        title="x" * 30,
        start_date=dt.date(2025, 9, 13),
        summary="![](missing.png)",
        sessions=[
            SessionRecord(
                title="빈 발표",
                links=[
                    LinkRecord(label=None, url="https://example.com/a"),
                    LinkRecord(label="깨진 주소", url="htps//example com"),
                ],
                qa=[
                    QARecord(kind="own", question="KV 캐시는 얼마나 클까?"),
                    QARecord(kind="audience", question="청중 질문"),  # not the writer's
                ],
            )
        ],
        attachments=[AttachmentRecord(name="unused.png", media_type="image/png", data=png_bytes())],
    )


def test_an_event_that_trips_every_rule() -> None:
    found = [(p.place, p.problem, p.spot) for p in check_event(faulty(), "y" * 40, title_limit=35)]
    talk = "talk 1 “빈 발표”"
    assert found == [
        (
            "the event's title",
            "The post's title is 40 characters; the platform takes 35.",
            Spot("title"),
        ),
        ("the event", "No tags.", Spot("tags")),
        ("the event", "No category.", Spot("category")),
        (talk, "No speaker.", Spot("speaker", 0)),
        (talk, "No notes.", Spot("notes", 0)),
        (talk, "The impression is empty.", Spot("impression", 0)),
        (talk, "Your question “KV 캐시는 얼마나 클까?” is still open.", Spot("qa", 0, 0)),
        (talk, "The link https://example.com/a has no label.", Spot("links", 0, 0)),
        (talk, "The link address “htps//example com” is malformed.", Spot("links", 0, 1)),
        ("the summary", "“missing.png” is referred to but not attached.", Spot("summary")),
        ("the pictures", "“unused.png” is attached but never shown.", Spot("attachments")),
    ]


def test_a_clean_event_has_no_problems() -> None:
    assert check_event(clean(), "[메모] <Build With AI in Songdo> 후기", title_limit=255) == []


@pytest.mark.parametrize(
    ("url", "good"),
    [
        ("https://example.com/x", True),
        ("example.com/x", True),
        ("mailto:me@example.com", True),
        ("http://localhost:8080/", True),
        ("https://", False),
        ("https://exa mple.com", False),
        ("javascript:alert(1)", False),
        ("https://example.com:99999/", False),
        ("", False),
    ],
)
def test_well_formed_addresses(url: str, good: bool) -> None:
    assert well_formed(url) is good


@pytest.mark.both_backends
def test_recap_check_exit_codes_and_json(library: Library) -> None:
    good = library.create_event(clean())
    bad = library.create_event(faulty())
    db = where(library.location)  # type: ignore[arg-type]
    code, out, err = run_cli("--db", db, "check", str(good))
    assert (code, out, err) == (0, "No problems in 1 event.\n", "")
    code, out, err = run_cli("--db", db, "check", str(good), str(bad), "--json")
    assert (code, err) == (1, "")
    listed = json.loads(out)
    assert {item["event_id"] for item in listed} == {bad}
    assert listed[0] == {"event_id": bad, "problem": "No tags.", "where": "the event"}
    assert len(listed) == 10  # no title limit without a profile
    code, out, _ = run_cli("--db", db, "check", str(bad), "--profile", "velog")
    assert code == 1 and f"{bad:>6}  talk 1 “빈 발표”: No speaker.\n" in out
    long_title = clean()
    long_title.title = "긴 제목 " * 60
    long_id = library.create_event(long_title)
    code, out, _ = run_cli("--db", db, "check", str(long_id), "--profile", "tistory")
    assert code == 1 and "the platform takes 255" in out
    assert run_cli("--db", db, "check", str(long_id))[0] == 0


@pytest.mark.both_backends
@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["999"], "999"), (["1", "--profile", "medium"], "There is no profile “medium”")],
)
def test_recap_check_bad_input(library: Library, arguments: list[str], message: str) -> None:
    library.create_event(clean())
    before = snapshot(library.location)  # type: ignore[arg-type]
    code, out, err = run_cli("--db", where(library.location), "check", *arguments)  # type: ignore[arg-type]
    assert (code, out) == (2, "") and message in err
    assert snapshot(library.location) == before  # type: ignore[arg-type]
