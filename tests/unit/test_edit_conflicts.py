"""Two writers on one event: the save based on an older version is refused with what
is stored now, nothing of it written; saving again on top of that version goes in."""

import datetime as dt
from dataclasses import replace

import pytest

from recap.domain.records import EventRecord, QARecord, SessionRecord
from recap.errors import EditConflict
from recap.storage.library import Library, open_library
from recap.storage.location import Location

pytestmark = pytest.mark.both_backends


@pytest.fixture
def two_writers(library_location: Location) -> tuple[Library, Library, int]:
    first = open_library(library_location)
    event_id = first.create_event(
        EventRecord(
            title="Build With AI in Songdo",
            start_date=dt.date(2024, 4, 13),
            sessions=[SessionRecord(title="어텐션 다시 보기", notes="처음 메모")],
        )
    )
    return first, open_library(library_location), event_id


def test_the_later_save_of_an_older_talk_is_refused_and_nothing_is_lost(
    two_writers: tuple[Library, Library, int],
) -> None:
    mine, theirs, event_id = two_writers
    try:
        my_talk = mine.event(event_id).sessions[0]
        their_talk = theirs.event(event_id).sessions[0]
        assert my_talk.version == their_talk.version == 1
        their_talk.notes = "그쪽이 먼저 저장한 메모"
        theirs.update_session(their_talk)
        assert their_talk.version == 2

        my_talk.notes = "내 메모"
        with pytest.raises(EditConflict) as refused:
            mine.update_session(my_talk)
        stored = refused.value.theirs
        assert isinstance(stored, SessionRecord)
        assert (stored.notes, stored.version) == ("그쪽이 먼저 저장한 메모", 2)
        assert my_talk.version == 1  # unchanged by the refused save
        assert mine.event(event_id).sessions[0].notes == "그쪽이 먼저 저장한 메모"

        my_talk.version = stored.version  # "keep mine", on top of what they saved
        mine.update_session(my_talk)
        assert mine.event(event_id).sessions[0].notes == "내 메모"
        assert my_talk.version == 3
    finally:
        mine.close()
        theirs.close()


def test_an_event_saved_meanwhile_refuses_the_older_save(
    two_writers: tuple[Library, Library, int],
) -> None:
    mine, theirs, event_id = two_writers
    try:
        my_event, their_event = mine.event(event_id), theirs.event(event_id)
        their_event.summary = "그쪽 요약"
        theirs.update_event(their_event)
        my_event.title = "Build With AI 2025"
        with pytest.raises(EditConflict) as refused:
            mine.update_event(my_event)
        assert str(refused.value) == (
            "Someone else saved this since you opened it; choose which text to keep."
        )
        assert mine.event(event_id).title == "Build With AI in Songdo"
        saved_twice = mine.event(event_id)
        saved_twice.title = "Build With AI 2025"
        mine.update_event(saved_twice)
        mine.update_event(saved_twice)  # one writer saving again and again: no conflict
        assert mine.event(event_id).title == "Build With AI 2025"
    finally:
        mine.close()
        theirs.close()


def test_a_qa_entry_added_meanwhile_survives_a_save_that_never_saw_it(
    two_writers: tuple[Library, Library, int],
) -> None:
    mine, theirs, event_id = two_writers
    try:
        talk_id = mine.event(event_id).sessions[0].id
        assert talk_id is not None
        [first_id] = mine.save_qa_entries(talk_id, [QARecord("audience", question="첫 질문?")])
        assert first_id is not None
        my_entries = mine.event(event_id).sessions[0].qa  # what my editor shows
        their_id = theirs.add_qa(talk_id, QARecord("own", question="그쪽 질문?", answer="그쪽 답"))

        my_entries[0].answer = "내 답"
        known = [entry.id for entry in my_entries if entry.id is not None]
        mine.save_qa_entries(talk_id, my_entries, known_ids=known)
        stored = mine.event(event_id).sessions[0].qa
        assert [(entry.id, entry.answer) for entry in stored] == [
            (first_id, "내 답"),
            (their_id, "그쪽 답"),
        ]

        mine.save_qa_entries(talk_id, [], known_ids=[first_id])  # I delete mine only
        assert [entry.id for entry in mine.event(event_id).sessions[0].qa] == [their_id]
    finally:
        mine.close()
        theirs.close()


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_a_tag_changed_meanwhile_refuses_the_older_save_of_its_events(
    two_writers: tuple[Library, Library, int], change: str
) -> None:
    """Else a writer's older tags would quietly bring back a tag someone else renamed."""
    mine, theirs, event_id = two_writers
    try:
        record = mine.event(event_id)
        record.tags = ["AI", "행사"]
        mine.update_event(record)
        my_copy = mine.event(event_id)
        if change == "rename":
            theirs.rename_tag("AI", "인공지능")
        else:
            theirs.delete_tag("AI")
        my_copy.summary = "내 요약"
        with pytest.raises(EditConflict) as refused:
            mine.update_event(my_copy)
        stored = refused.value.theirs
        assert isinstance(stored, EventRecord)
        assert stored.tags == (["인공지능", "행사"] if change == "rename" else ["행사"])
    finally:
        mine.close()
        theirs.close()


@pytest.fixture
def two_questions(two_writers: tuple[Library, Library, int]) -> tuple[Library, Library, int]:
    """The talk holds two questions; returns both writers and the talk's id."""
    mine, theirs, event_id = two_writers
    talk_id = mine.event(event_id).sessions[0].id
    assert talk_id is not None
    mine.save_qa_entries(
        talk_id,
        [QARecord("audience", question="첫 질문?"), QARecord("audience", question="둘째 질문?")],
    )
    return mine, theirs, talk_id


def questions_of(library: Library, talk_id: int) -> list[tuple[str | None, str | None]]:
    return [(entry.question, entry.answer) for entry in library.session(talk_id).qa]


def test_two_writers_answering_different_questions_keep_both_answers(
    two_questions: tuple[Library, Library, int],
) -> None:
    mine, theirs, talk_id = two_questions
    try:
        shown = mine.session(talk_id).qa  # what my editor shows
        their_list = theirs.session(talk_id).qa
        their_list[1].answer = "그쪽이 적은 답"
        theirs.merge_qa_entries(talk_id, their_list, theirs.session(talk_id).qa)

        my_list = [QARecord(**vars(entry)) for entry in shown]
        my_list[0].answer = "내가 적은 답"
        merged = mine.merge_qa_entries(talk_id, my_list, shown)
        expected = [("첫 질문?", "내가 적은 답"), ("둘째 질문?", "그쪽이 적은 답")]
        assert questions_of(mine, talk_id) == expected
        assert merged.stored is not None  # the editor is shown their answer too
        assert [(entry.question, entry.answer) for entry in merged.stored] == expected
    finally:
        mine.close()
        theirs.close()


def test_a_question_both_changed_is_kept_twice_mine_first(
    two_questions: tuple[Library, Library, int],
) -> None:
    mine, theirs, talk_id = two_questions
    try:
        shown = mine.session(talk_id).qa
        their_list = theirs.session(talk_id).qa
        their_list[0].answer = "그쪽 답"
        theirs.merge_qa_entries(talk_id, their_list, theirs.session(talk_id).qa)

        my_list = [QARecord(**vars(entry)) for entry in shown]
        my_list[0].answer = "내 답"
        mine.merge_qa_entries(talk_id, my_list, shown)
        assert questions_of(mine, talk_id) == [
            ("첫 질문?", "내 답"),
            ("첫 질문?", "그쪽 답"),
            ("둘째 질문?", None),
        ]
    finally:
        mine.close()
        theirs.close()


def test_a_question_deleted_meanwhile_stays_deleted_unless_i_changed_it(
    two_questions: tuple[Library, Library, int],
) -> None:
    mine, theirs, talk_id = two_questions
    try:
        shown = mine.session(talk_id).qa
        theirs.merge_qa_entries(talk_id, [], theirs.session(talk_id).qa)  # both deleted

        my_list = [QARecord(**vars(entry)) for entry in shown]
        my_list[1].answer = "지워진 질문에 단 내 답"
        merged = mine.merge_qa_entries(talk_id, my_list, shown)
        assert questions_of(mine, talk_id) == [("둘째 질문?", "지워진 질문에 단 내 답")]
        assert merged.ids[0] is None and merged.ids[1] is not None
    finally:
        mine.close()
        theirs.close()


def test_a_save_with_nothing_changed_meanwhile_tells_the_editor_nothing(
    two_questions: tuple[Library, Library, int],
) -> None:
    mine, theirs, talk_id = two_questions
    try:
        shown = mine.session(talk_id).qa
        my_list = [QARecord(**vars(entry)) for entry in shown] + [
            QARecord("own", question="  내 질문  ")  # cleaned when stored: no false alarm
        ]
        merged = mine.merge_qa_entries(talk_id, my_list, shown)
        assert merged.stored is None and None not in merged.ids
        again = mine.merge_qa_entries(
            talk_id,
            [replace(entry, id=i) for entry, i in zip(my_list, merged.ids, strict=True)],
            my_list,
        )
        assert again.stored is None
    finally:
        mine.close()
        theirs.close()
