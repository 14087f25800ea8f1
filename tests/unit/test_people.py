"""`recap questions` and `recap speakers` on both back ends: the writer's own questions
across events (newest first, open only, by tag) and every speaker with their talks
(several names in one field counted each, spellings kept apart)."""

import datetime as dt
import json

import pytest

from recap.domain.people import SpeakerCount, speaker_names
from recap.domain.records import EventRecord, QARecord, SessionRecord
from recap.errors import InvalidInput
from recap.storage.library import Library
from recap.storage.location import Location
from tests.unit.test_cli import run_cli, where

pytestmark = pytest.mark.both_backends


@pytest.fixture
def talks(library: Library) -> Library:
    library.create_event(
        EventRecord(
            title="Build With AI in Songdo",
            start_date=dt.date(2025, 9, 13),
            tags=["LLM"],
            sessions=[
                SessionRecord(
                    title="어텐션 다시 보기",
                    speaker="이영빈, Alex Kim",
                    qa=[
                        QARecord(kind="own", question="궁금증: KV 캐시는 얼마나 클까?"),
                        QARecord(kind="audience", question="청중 질문", answer="답"),
                        QARecord(kind="own", question="RoPE는?", answer="논문 참고", resolved=True),
                    ],
                ),
                SessionRecord(title="LT", speaker="Youngbin Lee"),
            ],
        )
    )
    library.create_event(
        EventRecord(
            title="Kotlin Night",
            start_date=dt.date(2024, 3, 1),
            sessions=[
                SessionRecord(
                    title="코루틴",
                    speaker="이영빈",
                    qa=[QARecord(kind="own", question="Flow는 언제 쓰지?")],
                )
            ],
        )
    )
    return library


def test_speaker_fields_name_each_person_once() -> None:
    assert speaker_names(" 이영빈 ,Alex  Kim, 이영빈,") == ["이영빈", "Alex Kim"]
    assert speaker_names(None) == []


def test_own_questions_newest_event_first_open_or_all_and_by_tag(talks: Library) -> None:
    every = talks.own_questions()
    assert [item.question for item in every] == [
        "궁금증: KV 캐시는 얼마나 클까?",
        "RoPE는?",
        "Flow는 언제 쓰지?",
    ]
    assert [item.question for item in talks.own_questions(open_only=True)] == [
        "궁금증: KV 캐시는 얼마나 클까?",
        "Flow는 언제 쓰지?",
    ]
    tagged = talks.own_questions(tags=("llm",))
    assert {item.event for item in tagged} == {"Build With AI in Songdo"}
    assert (tagged[1].session, tagged[1].answer, tagged[1].resolved) == (
        "어텐션 다시 보기",
        "논문 참고",
        True,
    )


def test_speakers_are_counted_per_name(talks: Library) -> None:
    assert talks.speaker_counts() == [
        SpeakerCount("이영빈", 2, 2),
        SpeakerCount("Alex Kim", 1, 1),
        SpeakerCount("Youngbin Lee", 1, 1),
    ]


def test_the_commands_print_them(talks: Library, library_location: Location) -> None:
    code, out, err = run_cli("--db", where(library_location), "questions", "--open", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)[0] == {
        "event_id": 1,
        "event": "Build With AI in Songdo",
        "start_date": "2025-09-13",
        "session": "어텐션 다시 보기",
        "question": "궁금증: KV 캐시는 얼마나 클까?",
        "answer": None,
        "resolved": False,
    }
    code, out, err = run_cli("--db", where(library_location), "speakers", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)[0] == {"name": "이영빈", "talks": 2, "events": 2}
    code, out, err = run_cli("--db", where(library_location), "questions")
    assert code == 0 and "[x] 2025-09-13  Build With AI in Songdo — 어텐션 다시 보기" in out
    code, out, err = run_cli("--db", where(library_location), "questions", "--tag", "없는태그")
    assert (code, out) == (2, "") and "없는태그" in err


def test_a_speakers_talks_and_renaming_one_spelling(talks: Library) -> None:
    assert [talk.session for talk in talks.speaker_talks("이영빈")] == [
        "어텐션 다시 보기",
        "코루틴",
    ]
    assert talks.speaker_talks("이영") == []  # a whole name, not a part of one
    assert talks.rename_speaker("Youngbin Lee", "이영빈") == 1  # merged
    assert talks.speaker_counts()[0] == SpeakerCount("이영빈", 3, 2)
    assert [hit.event.title for hit in talks.search("Youngbin")] == []
    assert talks.rename_speaker("Alex Kim", "김알렉스") == 1
    [first, *_] = talks.event(talks.speaker_talks("김알렉스")[0].event_id).sessions
    assert first.speaker == "이영빈, 김알렉스"
    assert talks.rename_speaker("아무도 아닌", "누구") == 0


def test_a_rename_within_one_field_names_the_person_once(talks: Library) -> None:
    assert talks.rename_speaker("Alex Kim", "이영빈") == 1
    [first, _] = talks.event(talks.speaker_talks("이영빈")[0].event_id).sessions
    assert first.speaker == "이영빈"
    assert talks.speaker_counts()[0] == SpeakerCount("이영빈", 2, 2)
    assert [hit.event.title for hit in talks.search("이영빈")] == [
        "Build With AI in Songdo",
        "Kotlin Night",
    ]


@pytest.mark.parametrize("new", ["", "   ", "이영빈, Alex Kim"])
def test_a_rename_to_no_name_or_two_names_changes_nothing(talks: Library, new: str) -> None:
    before = talks.speaker_counts()
    with pytest.raises(InvalidInput, match="one name"):
        talks.rename_speaker("Youngbin Lee", new)
    assert talks.speaker_counts() == before


def test_the_commands_in_text_and_by_tag(talks: Library, library_location: Location) -> None:
    code, out, err = run_cli("--db", where(library_location), "questions", "--tag", "LLM")
    assert (code, err) == (0, "")
    assert "Kotlin Night" not in out and "    → 논문 참고" in out
    code, out, err = run_cli("--db", where(library_location), "questions", "--open")
    assert (code, err) == (0, "")
    assert "RoPE는?" not in out
    assert out.index("Build With AI in Songdo") < out.index("Kotlin Night")  # newest first
    code, out, err = run_cli("--db", where(library_location), "speakers")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["2", "talks", "2", "events", "이영빈"]


def test_own_questions_by_text_and_a_page_at_a_time(talks: Library) -> None:
    assert [q.question for q in talks.own_questions(text="kotlin")] == ["Flow는 언제 쓰지?"]
    assert [q.question for q in talks.own_questions(text="논문 RoPE")] == ["RoPE는?"]
    assert talks.own_questions(text="100%") == []  # a wildcard is a character here
    assert [q.question for q in talks.own_questions(limit=2)] == [
        "궁금증: KV 캐시는 얼마나 클까?",
        "RoPE는?",
    ]
