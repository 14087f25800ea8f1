"""The library's storage rules, on real SQLite files and PostgreSQL databases (no Qt)."""

import datetime as dt
import sqlite3
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from recap.domain.records import (
    EventFilter,
    EventRecord,
    EventSummary,
    LinkRecord,
    QARecord,
    SessionRecord,
    TagCount,
)
from recap.errors import InvalidInput, LibraryError, NotFound
from recap.storage.library import Library, LoadResult, open_library
from recap.storage.location import Location
from recap.storage.migrations import HEAD_REVISION
from tests.backends import read_rows

pytestmark = pytest.mark.both_backends

D = dt.date
PYTHON_KO = "파이썬"
PYTHON_KO_NFD = unicodedata.normalize("NFD", PYTHON_KO)
CONTENT_TABLES = ("events", "sessions", "qa_entries", "links", "event_tags", "tags")


DAY = D(2024, 4, 13)


def event(title: str = "Event", start: dt.date = DAY, **fields: object) -> EventRecord:
    return EventRecord(title=title, start_date=start, **fields)  # type: ignore[arg-type]


def talk(title: str = "Talk", **fields: object) -> SessionRecord:
    return SessionRecord(title=title, **fields)  # type: ignore[arg-type]


def rows(where: Location, query: str, *params: object) -> list[tuple[object, ...]]:
    """Read the library with a fresh connection, apart from the library's engine."""
    return read_rows(where, query, *params)


def count(path: Location, table: str) -> int:
    return int(rows(path, f"SELECT count(*) FROM {table}")[0][0])


def session_titles(library: Library, event_id: int) -> list[str]:
    return [item.title for item in library.event(event_id).sessions]


def stored_positions(path: Location, table: str, parent: str, parent_id: int) -> list[int]:
    found = rows(
        path, f"SELECT position FROM {table} WHERE {parent} = ? ORDER BY position", parent_id
    )
    return [int(position) for (position,) in found]


def titles(summaries: list[EventSummary]) -> list[str]:
    return [summary.title for summary in summaries]


def assert_library_empty(library: Library, path: Location) -> None:
    assert library.event_count() == 0
    assert library.tag_counts() == []
    for table in CONTENT_TABLES:
        assert count(path, table) == 0, table


# -- events: the rules -------------------------------------------------------


def test_an_event_keeps_every_field(library: Library) -> None:
    record = event(
        "Android Dev Night #7",
        D(2024, 3, 21),
        end_date=D(2024, 3, 22),
        venue="판교 스타트업 캠퍼스 2층",
        host="안드로이드 개발자 모임",
        url="https://example.org/adn",
        found_via="사내 슬랙 공지",
        category="TIL - 메모",
        tags=["android", "ExoPlayer"],
        summary="## 요약\n\n- 하나\n",
        sessions=[
            talk(
                "ExoPlayer 캐시",
                speaker="김하늘",
                affiliation="모바일팀",
                impression="유용했다.",
                notes="```kotlin\nval x = 1\n```",
                links=[LinkRecord(url="https://example.org/media3", label="Media3 문서")],
                qa=[
                    QARecord(kind="audience", question="Q?", answer="A.", resolved=True),
                    QARecord(kind="own", question="Why?", resolved=False),
                ],
            )
        ],
    )
    event_id = library.create_event(record)
    stored = library.event(event_id)
    assert stored.id == event_id
    assert (stored.title, stored.start_date, stored.end_date) == (
        "Android Dev Night #7",
        D(2024, 3, 21),
        D(2024, 3, 22),
    )
    assert (stored.venue, stored.host, stored.url, stored.found_via, stored.category) == (
        "판교 스타트업 캠퍼스 2층",
        "안드로이드 개발자 모임",
        "https://example.org/adn",
        "사내 슬랙 공지",
        "TIL - 메모",
    )
    assert stored.tags == ["android", "ExoPlayer"]
    assert stored.summary == "## 요약\n\n- 하나\n"
    [stored_talk] = stored.sessions
    assert stored_talk.id is not None
    assert (stored_talk.title, stored_talk.speaker, stored_talk.affiliation) == (
        "ExoPlayer 캐시",
        "김하늘",
        "모바일팀",
    )
    assert stored_talk.impression == "유용했다."
    assert stored_talk.notes == "```kotlin\nval x = 1\n```"
    assert [(link.label, link.url) for link in stored_talk.links] == [
        ("Media3 문서", "https://example.org/media3")
    ]
    assert [(qa.kind, qa.question, qa.answer, qa.resolved) for qa in stored_talk.qa] == [
        ("audience", "Q?", "A.", True),
        ("own", "Why?", None, False),
    ]
    assert library.category_names() == ["TIL - 메모"]


def test_the_title_is_trimmed(library: Library) -> None:
    event_id = library.create_event(event("  Build With AI in Songdo \n"))
    assert library.event(event_id).title == "Build With AI in Songdo"


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_the_title_is_required(library: Library, library_location: Location, title: str) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(event(title, tags=["Python"], sessions=[talk()]))
    assert_library_empty(library, library_location)


def test_a_title_over_300_characters_is_refused(
    library: Library, library_location: Location
) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(event("x" * 301))
    assert_library_empty(library, library_location)
    library.create_event(event("x" * 300))
    assert library.event_count() == 1


def test_an_end_before_the_start_is_refused(library: Library, library_location: Location) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(
            event(start=D(2024, 5, 31), end_date=D(2024, 5, 30), tags=["LLM"], sessions=[talk()])
        )
    assert_library_empty(library, library_location)


def test_a_one_day_event_may_end_on_its_start(library: Library) -> None:
    event_id = library.create_event(event(start=D(2024, 5, 31), end_date=D(2024, 5, 31)))
    assert library.event(event_id).end_date == D(2024, 5, 31)


def test_a_blank_session_title_is_refused(library: Library, library_location: Location) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(event(tags=["LLM"], sessions=[talk("ok"), talk("   ")]))
    assert_library_empty(library, library_location)


@pytest.mark.parametrize(
    "entry",
    [
        QARecord(kind="own"),
        QARecord(kind="audience", question=None, answer=None),
        QARecord(kind="own", question="", answer="   "),
        QARecord(kind="audience", question="\n", answer=None),
    ],
)
def test_a_qa_entry_needs_a_question_or_an_answer(
    library: Library, library_location: Location, entry: QARecord
) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(event(tags=["LLM"], sessions=[talk(qa=[entry])]))
    assert_library_empty(library, library_location)

    event_id = library.create_event(event(sessions=[talk()]))
    session_id = library.event(event_id).sessions[0].id
    assert session_id is not None
    with pytest.raises(InvalidInput):
        library.add_qa(session_id, entry)
    assert count(library_location, "qa_entries") == 0


def test_a_qa_entry_may_hold_only_a_question_or_only_an_answer(library: Library) -> None:
    entries = [QARecord(kind="own", question="Why?"), QARecord(kind="audience", answer="Because.")]
    event_id = library.create_event(event(sessions=[talk(qa=entries)]))
    stored = library.event(event_id).sessions[0].qa
    assert [(qa.question, qa.answer) for qa in stored] == [("Why?", None), (None, "Because.")]


def test_a_qa_entry_kind_is_audience_or_own(library: Library, library_location: Location) -> None:
    bad = QARecord(kind="speaker", question="Q?")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        library.create_event(event(sessions=[talk(qa=[bad])]))
    assert_library_empty(library, library_location)


@pytest.mark.parametrize("url", ["", "   "])
def test_a_link_needs_a_url(library: Library, library_location: Location, url: str) -> None:
    with pytest.raises(InvalidInput):
        library.create_event(event(sessions=[talk(links=[LinkRecord(url=url, label="x")])]))
    assert_library_empty(library, library_location)


def test_text_is_stored_nfc_and_markdown_is_not_rewritten(library: Library) -> None:
    notes = "  ## 메모  \n\n* 한 줄\t\n\n\n```py\n    x = 1\n```\n  "

    def nfd(value: str) -> str:
        return unicodedata.normalize("NFD", value)

    event_id = library.create_event(
        event(
            nfd("밋업"),
            venue=nfd("판교"),
            summary=nfd(notes),
            sessions=[
                talk(
                    nfd("발표"),
                    speaker=nfd("최유진"),
                    notes=nfd(notes),
                    qa=[QARecord(kind="own", question=nfd("왜?"))],
                )
            ],
        )
    )
    stored = library.event(event_id)
    assert (stored.title, stored.venue, stored.summary) == ("밋업", "판교", notes)
    assert (stored.sessions[0].title, stored.sessions[0].speaker) == ("발표", "최유진")
    assert stored.sessions[0].notes == notes
    assert stored.sessions[0].qa[0].question == "왜?"


def test_unknown_ids_are_not_found(library: Library) -> None:
    with pytest.raises(NotFound):
        library.event(404)
    with pytest.raises(NotFound):
        library.delete_event(404)
    with pytest.raises(NotFound):
        library.update_event(event(id=404))
    with pytest.raises(NotFound):
        library.update_event(event())
    with pytest.raises(NotFound):
        library.add_session(404, talk())
    with pytest.raises(NotFound):
        library.move_session(404, 0)
    with pytest.raises(NotFound):
        library.delete_qa(404)


# -- tags --------------------------------------------------------------------


def test_tags_are_trimmed_and_unique_within_an_event(library: Library) -> None:
    event_id = library.create_event(event(tags=[" LLM ", "llm", "video   caching", "Python"]))
    assert library.event(event_id).tags == ["LLM", "video caching", "Python"]
    assert library.tag_counts() == [
        TagCount("LLM", 1),
        TagCount("Python", 1),
        TagCount("video caching", 1),
    ]


def test_tags_are_one_across_events_whatever_the_case(
    library: Library, library_location: Location
) -> None:
    first = library.create_event(event("PyData", tags=["Python"]))
    second = library.create_event(event("FastAPI", tags=["python"]))
    third = library.create_event(event("Other", tags=[" PYTHON "]))
    assert library.tag_counts() == [TagCount("Python", 3)]
    assert [library.event(i).tags for i in (first, second, third)] == [["Python"]] * 3
    assert rows(library_location, "SELECT name FROM tags") == [("Python",)]


def test_tags_are_one_across_nfd_and_nfc(library: Library, library_location: Location) -> None:
    library.create_event(event("A", tags=[PYTHON_KO_NFD]))
    library.create_event(event("B", tags=[PYTHON_KO]))
    assert library.tag_counts() == [TagCount(PYTHON_KO, 2)]
    assert rows(library_location, "SELECT name, key FROM tags") == [(PYTHON_KO, PYTHON_KO)]


def test_an_event_keeps_its_tag_order(library: Library) -> None:
    event_id = library.create_event(event(tags=["zeta", "Alpha", "미디어"]))
    assert library.event(event_id).tags == ["zeta", "Alpha", "미디어"]
    assert library.event_summaries()[0].tags == ("zeta", "Alpha", "미디어")


def test_update_event_changes_tags_and_counts(library: Library, library_location: Location) -> None:
    first = library.create_event(event("PyData", tags=["Python", "LLM"], sessions=[talk()]))
    second = library.create_event(event("FastAPI", D(2024, 6, 8), tags=["python"]))

    record = library.event(first)
    record.tags = ["llm", "Rust"]
    record.title = "PyData Seoul"
    library.update_event(record)

    updated = library.event(first)
    assert updated.title == "PyData Seoul"
    assert updated.tags == ["LLM", "Rust"]  # the stored spelling of LLM is kept
    assert session_titles(library, first) == ["Talk"]  # sessions untouched
    assert library.tag_counts() == [TagCount("LLM", 1), TagCount("Python", 1), TagCount("Rust", 1)]

    other = library.event(second)
    other.tags = []
    library.update_event(other)
    assert library.event(second).tags == []
    assert library.tag_counts() == [TagCount("LLM", 1), TagCount("Rust", 1)]
    assert sorted(name for (name,) in rows(library_location, "SELECT name FROM tags")) == [
        "LLM",
        "Rust",
    ]


def test_update_event_can_reorder_tags(library: Library) -> None:
    event_id = library.create_event(event(tags=["a", "b", "c"]))
    record = library.event(event_id)
    record.tags = ["c", "a", "b"]
    library.update_event(record)
    assert library.event(event_id).tags == ["c", "a", "b"]


@pytest.mark.parametrize(
    "change",
    [{"end_date": D(2024, 5, 29)}, {"title": "   "}, {"tags": ["ok", " "]}],
    ids=["end-before-start", "blank-title", "blank-tag"],
)
def test_a_refused_update_changes_nothing(library: Library, change: dict[str, object]) -> None:
    event_id = library.create_event(event("Kept", D(2024, 5, 30), tags=["Python"]))
    before = library.event(event_id)
    record = library.event(event_id)
    record.venue = "Changed"
    record.tags = ["Python", "New"]
    for name, value in change.items():
        setattr(record, name, value)
    with pytest.raises(InvalidInput):
        library.update_event(record)
    assert library.event(event_id) == before
    assert library.tag_counts() == [TagCount("Python", 1)]


# -- deleting ----------------------------------------------------------------


def test_delete_event_removes_its_sessions_qa_links_and_lonely_tags(
    library: Library, library_location: Location
) -> None:
    full = event(
        "Doomed",
        tags=["Python", "only-here"],
        sessions=[
            talk(
                "One",
                links=[LinkRecord(url="https://example.org/a")],
                qa=[QARecord(kind="own", question="Q?")],
            ),
            talk("Two", qa=[QARecord(kind="audience", answer="A.")]),
        ],
    )
    doomed = library.create_event(full)
    kept = library.create_event(event("Kept", tags=["python"]))
    assert count(library_location, "sessions") == 2

    library.delete_event(doomed)

    for table in ("sessions", "qa_entries", "links"):
        assert count(library_location, table) == 0, table
    assert rows(library_location, "SELECT id FROM events") == [(kept,)]
    assert rows(library_location, "SELECT event_id FROM event_tags") == [(kept,)]
    assert rows(library_location, "SELECT name FROM tags") == [("Python",)]
    assert library.tag_counts() == [TagCount("Python", 1)]

    library.delete_event(kept)
    assert_library_empty(library, library_location)


# -- running order of sessions and Q&A ---------------------------------------


@pytest.fixture
def three_talks(library: Library) -> int:
    return library.create_event(event(sessions=[talk("A"), talk("B"), talk("C")]))


def test_sessions_keep_their_order(library: Library, three_talks: int) -> None:
    assert session_titles(library, three_talks) == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (None, ["A", "B", "C", "New"]),
        (0, ["New", "A", "B", "C"]),
        (1, ["A", "New", "B", "C"]),
        (3, ["A", "B", "C", "New"]),
    ],
)
def test_add_session_at_an_index(
    library: Library,
    library_location: Location,
    three_talks: int,
    index: int | None,
    expected: list[str],
) -> None:
    new_id = library.add_session(three_talks, talk("New"), index=index)
    assert session_titles(library, three_talks) == expected
    assert library.event(three_talks).sessions[expected.index("New")].id == new_id
    assert stored_positions(library_location, "sessions", "event_id", three_talks) == [0, 1, 2, 3]


def test_add_session_refuses_a_blank_title(library: Library, three_talks: int) -> None:
    with pytest.raises(InvalidInput):
        library.add_session(three_talks, talk("  "))
    assert session_titles(library, three_talks) == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("name", "index", "expected"),
    [
        ("C", 0, ["C", "A", "B"]),
        ("A", 2, ["B", "C", "A"]),
        ("A", 1, ["B", "A", "C"]),
        ("B", 99, ["A", "C", "B"]),
        ("B", 1, ["A", "B", "C"]),
    ],
)
def test_move_session(
    library: Library,
    library_location: Location,
    three_talks: int,
    name: str,
    index: int,
    expected: list[str],
) -> None:
    ids = {item.title: item.id for item in library.event(three_talks).sessions}
    library.move_session(ids[name], index)  # type: ignore[arg-type]
    assert session_titles(library, three_talks) == expected
    assert stored_positions(library_location, "sessions", "event_id", three_talks) == [0, 1, 2]


def test_delete_session_renumbers(
    library: Library, library_location: Location, three_talks: int
) -> None:
    middle = library.event(three_talks).sessions[1]
    assert middle.id is not None
    library.delete_session(middle.id)
    assert session_titles(library, three_talks) == ["A", "C"]
    assert stored_positions(library_location, "sessions", "event_id", three_talks) == [0, 1]
    library.add_session(three_talks, talk("D"))
    assert session_titles(library, three_talks) == ["A", "C", "D"]
    assert stored_positions(library_location, "sessions", "event_id", three_talks) == [0, 1, 2]


def test_deleting_a_session_leaves_other_events_alone(library: Library) -> None:
    other = library.create_event(event("Other", sessions=[talk("X"), talk("Y")]))
    first = library.create_event(event("First", sessions=[talk("A"), talk("B")]))
    doomed = library.event(first).sessions[0].id
    assert doomed is not None
    library.delete_session(doomed)
    assert session_titles(library, other) == ["X", "Y"]
    assert session_titles(library, first) == ["B"]


def test_update_session_changes_fields_and_links_but_not_qa(library: Library) -> None:
    event_id = library.create_event(
        event(
            sessions=[
                talk(
                    "Old",
                    links=[LinkRecord(url="https://a"), LinkRecord(url="https://b")],
                    qa=[QARecord(kind="own", question="Q?")],
                )
            ]
        )
    )
    record = library.event(event_id).sessions[0]
    record.title = " New "
    record.speaker = "Dana Park"
    record.links = [LinkRecord(url="https://c", label="c"), LinkRecord(url="https://a")]
    record.qa = []
    library.update_session(record)
    stored = library.event(event_id).sessions[0]
    assert (stored.title, stored.speaker) == ("New", "Dana Park")
    assert [(link.label, link.url) for link in stored.links] == [
        ("c", "https://c"),
        (None, "https://a"),
    ]
    assert [qa.question for qa in stored.qa] == ["Q?"]


@pytest.fixture
def three_questions(library: Library) -> int:
    """The id of a session holding Q&A entries Q1, Q2, Q3."""
    qa = [QARecord(kind="own", question=f"Q{n}") for n in (1, 2, 3)]
    event_id = library.create_event(event(sessions=[talk(qa=qa)]))
    session_id = library.event(event_id).sessions[0].id
    assert session_id is not None
    return session_id


def questions(library: Library, session_id: int) -> list[str | None]:
    for record in library.events():
        for item in record.sessions:
            if item.id == session_id:
                return [entry.question for entry in item.qa]
    raise AssertionError(f"no session {session_id}")


def qa_ids(library: Library, session_id: int) -> dict[str | None, int | None]:
    for record in library.events():
        for item in record.sessions:
            if item.id == session_id:
                return {entry.question: entry.id for entry in item.qa}
    raise AssertionError(f"no session {session_id}")


@pytest.mark.parametrize(
    ("name", "index", "expected"),
    [
        ("Q3", 0, ["Q3", "Q1", "Q2"]),
        ("Q1", 2, ["Q2", "Q3", "Q1"]),
        ("Q1", 1, ["Q2", "Q1", "Q3"]),
        ("Q2", 50, ["Q1", "Q3", "Q2"]),
    ],
)
def test_move_qa(
    library: Library,
    library_location: Location,
    three_questions: int,
    name: str,
    index: int,
    expected: list[str],
) -> None:
    library.move_qa(qa_ids(library, three_questions)[name], index)  # type: ignore[arg-type]
    assert questions(library, three_questions) == expected
    assert stored_positions(library_location, "qa_entries", "session_id", three_questions) == [
        0,
        1,
        2,
    ]


def test_add_qa_appends(library: Library, library_location: Location, three_questions: int) -> None:
    library.add_qa(three_questions, QARecord(kind="audience", answer="A4"))
    assert questions(library, three_questions) == ["Q1", "Q2", "Q3", None]
    assert stored_positions(library_location, "qa_entries", "session_id", three_questions) == [
        0,
        1,
        2,
        3,
    ]


def test_delete_qa_renumbers(
    library: Library, library_location: Location, three_questions: int
) -> None:
    library.delete_qa(qa_ids(library, three_questions)["Q1"])  # type: ignore[arg-type]
    assert questions(library, three_questions) == ["Q2", "Q3"]
    assert stored_positions(library_location, "qa_entries", "session_id", three_questions) == [0, 1]


def test_update_qa(library: Library, three_questions: int) -> None:
    qa_id = qa_ids(library, three_questions)["Q2"]
    library.update_qa(
        QARecord(id=qa_id, kind="own", question="Q2", answer="Found it.", resolved=True)
    )
    [_, entry, _] = next(iter(library.events())).sessions[0].qa
    assert (entry.answer, entry.resolved) == ("Found it.", True)
    with pytest.raises(InvalidInput):
        library.update_qa(QARecord(id=qa_id, kind="own", question=" ", answer=None))
    [_, entry, _] = next(iter(library.events())).sessions[0].qa
    assert entry.answer == "Found it."


# -- reading: lists, filters, calendar ---------------------------------------


@pytest.fixture
def filtered(library: Library) -> Library:
    library.create_event(event("Both", D(2024, 3, 1), tags=["Python", "LLM"]))
    library.create_event(event("Only Python", D(2024, 4, 1), tags=["python"]))
    library.create_event(event("Only LLM", D(2024, 5, 1), tags=["llm", PYTHON_KO]))
    library.create_event(event("PyData", D(2024, 5, 30), end_date=D(2024, 5, 31), tags=["Rust"]))
    library.create_event(event("Untagged", D(2024, 6, 8)))
    return library


def test_event_summaries_are_newest_first(filtered: Library) -> None:
    summaries = filtered.event_summaries()
    assert titles(summaries) == ["Untagged", "PyData", "Only LLM", "Only Python", "Both"]
    pydata = summaries[1]
    assert (pydata.start_date, pydata.end_date, pydata.tags) == (
        D(2024, 5, 30),
        D(2024, 5, 31),
        ("Rust",),
    )
    assert summaries[0].tags == ()


def test_events_are_oldest_first(filtered: Library) -> None:
    assert [record.title for record in filtered.events()] == [
        "Both",
        "Only Python",
        "Only LLM",
        "PyData",
        "Untagged",
    ]


def test_filter_by_all_tags(filtered: Library) -> None:
    both = EventFilter(tags=("PYTHON", " llm "))
    assert titles(filtered.event_summaries(both)) == ["Both"]
    assert [record.title for record in filtered.events(both)] == ["Both"]
    assert titles(filtered.event_summaries(EventFilter(tags=("python",)))) == [
        "Only Python",
        "Both",
    ]


def test_filter_by_any_tag(filtered: Library) -> None:
    either = EventFilter(tags=("python", "Rust"), match_any_tag=True)
    assert titles(filtered.event_summaries(either)) == ["PyData", "Only Python", "Both"]


def test_filter_by_a_decomposed_korean_tag(filtered: Library) -> None:
    assert titles(filtered.event_summaries(EventFilter(tags=(PYTHON_KO_NFD,)))) == ["Only LLM"]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (D(2024, 5, 31), None, ["Untagged", "PyData"]),
        (D(2024, 5, 31), D(2024, 6, 1), ["PyData"]),
        (None, D(2024, 5, 30), ["PyData", "Only LLM", "Only Python", "Both"]),
        (D(2024, 5, 30), D(2024, 5, 30), ["PyData"]),
        (D(2024, 6, 1), D(2024, 6, 7), []),
        (D(2024, 4, 1), D(2024, 4, 1), ["Only Python"]),
        (D(2024, 1, 1), D(2024, 2, 29), []),
    ],
)
def test_filter_by_overlapping_dates(
    filtered: Library,
    date_from: dt.date | None,
    date_to: dt.date | None,
    expected: list[str],
) -> None:
    chosen = EventFilter(date_from=date_from, date_to=date_to)
    assert titles(filtered.event_summaries(chosen)) == expected
    assert [record.title for record in filtered.events(chosen)] == expected[::-1]


def test_filter_by_tag_and_dates(filtered: Library) -> None:
    chosen = EventFilter(tags=("llm",), date_from=D(2024, 4, 1))
    assert titles(filtered.event_summaries(chosen)) == ["Only LLM"]


@pytest.mark.parametrize("tags", [("nope",), ("Python", "nope"), ("  ",)])
def test_filter_by_an_unknown_tag_is_refused(filtered: Library, tags: tuple[str, ...]) -> None:
    with pytest.raises(InvalidInput):
        filtered.event_summaries(EventFilter(tags=tags))
    with pytest.raises(InvalidInput):
        list(filtered.events(EventFilter(tags=tags, match_any_tag=True)))


def test_titles_by_day_spans_multi_day_events(library: Library) -> None:
    library.create_event(event("PyData", D(2024, 5, 30), end_date=D(2024, 6, 2)))
    library.create_event(event("Meetup", D(2024, 5, 31)))
    library.create_event(event("Later", D(2024, 7, 1)))
    assert library.titles_by_day(D(2024, 5, 1), D(2024, 6, 30)) == {
        D(2024, 5, 30): ["PyData"],
        D(2024, 5, 31): ["PyData", "Meetup"],
        D(2024, 6, 1): ["PyData"],
        D(2024, 6, 2): ["PyData"],
    }
    # A month view that starts inside the event sees its remaining days only.
    assert library.titles_by_day(D(2024, 6, 1), D(2024, 6, 30)) == {
        D(2024, 6, 1): ["PyData"],
        D(2024, 6, 2): ["PyData"],
    }
    assert library.titles_by_day(D(2024, 5, 31), D(2024, 5, 31)) == {
        D(2024, 5, 31): ["PyData", "Meetup"]
    }
    assert library.titles_by_day(D(2024, 6, 3), D(2024, 6, 30)) == {}


def test_events_come_in_batches_in_order(library: Library) -> None:
    start = D(2020, 1, 1)
    records = [event(f"E{n:04d}", start + dt.timedelta(days=n)) for n in range(501)]
    assert library.load_records(records[::-1]) == LoadResult(added=501, skipped=0)
    assert [record.title for record in library.events()] == [r.title for r in records]


# -- loading records ---------------------------------------------------------


def test_load_records_skips_events_already_there(library: Library) -> None:
    records = [event("A", tags=["x"]), event("B", D(2024, 4, 14))]
    assert library.load_records(records) == LoadResult(added=2, skipped=0)
    again = [event(" A "), event("B", D(2024, 4, 14)), event("B", D(2024, 4, 15))]
    assert library.load_records(again) == LoadResult(added=1, skipped=2)
    assert library.event_count() == 3


def test_load_records_skips_a_decomposed_duplicate(library: Library) -> None:
    library.load_records([event("FastAPI 밋업")])
    nfd = unicodedata.normalize("NFD", "FastAPI 밋업")
    assert library.load_records([event(nfd)]) == LoadResult(added=0, skipped=1)


def test_load_records_is_all_or_nothing(library: Library, library_location: Location) -> None:
    records = [
        event("Good", tags=["Python"], sessions=[talk()]),
        event("Bad", sessions=[talk(qa=[QARecord(kind="own")])]),
    ]
    with pytest.raises(InvalidInput):
        library.load_records(records)
    assert_library_empty(library, library_location)


# -- the file ----------------------------------------------------------------


def test_reopening_the_file_keeps_everything(
    sample_library: Library, library_location: Location
) -> None:
    before = list(sample_library.events())
    summaries = sample_library.event_summaries()
    counts = sample_library.tag_counts()
    sample_library.close()
    reopened = open_library(library_location)
    try:
        assert list(reopened.events()) == before
        assert reopened.event_summaries() == summaries
        assert reopened.tag_counts() == counts
        assert len(before) == 3
    finally:
        reopened.close()


def test_foreign_keys_are_on(library: Library) -> None:
    with library.engine.connect() as connection:
        if not library.on_server:  # a server always checks them
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(IntegrityError):
            connection.execute(
                text("INSERT INTO sessions (event_id, position, title) VALUES (404, 0, 'x')")
            )


@pytest.mark.sqlite_only
def test_the_journal_is_wal(library: Library, library_path: Path) -> None:
    library.create_event(event())
    assert rows(library_path, "PRAGMA journal_mode") == [("wal",)]
    with library.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_an_in_memory_library_works() -> None:
    library = open_library(None)
    try:
        library.create_event(event(tags=["Python"]))
        assert library.event_count() == 1
        assert library.tag_counts() == [TagCount("Python", 1)]
    finally:
        library.close()


def test_an_empty_file_is_refused_and_left_empty(library_path: Path) -> None:
    """Issue 6: an empty file is not taken for a new library (it may be a damaged one)."""
    library_path.touch()
    with pytest.raises(LibraryError, match="empty file"):
        open_library(library_path)
    assert library_path.read_bytes() == b""


def sidecars(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + "-*"))


@pytest.mark.parametrize(
    "content",
    [
        b"not a database\n" * 200,
        b"hi",
        "제목: 메모\n".encode() * 10,
        b"SQLite format 3\x00" + b"\xff" * 4096,
    ],
    ids=["text", "tiny", "korean-text", "corrupt-sqlite"],
)
def test_a_file_that_is_not_a_library_is_refused_and_left_alone(
    library_path: Path, content: bytes
) -> None:
    library_path.write_bytes(content)
    with pytest.raises(LibraryError):
        open_library(library_path)
    assert library_path.read_bytes() == content
    assert sidecars(library_path) == []


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        open_library(tmp_path)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        open_library(tmp_path / "missing" / "library.db")
    assert not (tmp_path / "missing").exists()


def make_newer(path: Path, journal_mode: str | None = None) -> None:
    """Make ``path`` a library stamped by a future version of Recap."""
    open_library(path).close()
    with closing(sqlite3.connect(path)) as connection:
        if journal_mode is not None:
            connection.execute(f"PRAGMA journal_mode = {journal_mode}")
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()


def test_a_library_from_a_newer_version_is_refused_and_left_alone(library_path: Path) -> None:
    make_newer(library_path)
    before = library_path.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(library_path)
    assert library_path.read_bytes() == before
    assert rows(library_path, "SELECT version_num FROM alembic_version") == [
        ("9999_from_the_future",)
    ]


def test_a_newer_library_in_rollback_journal_mode_is_left_alone(library_path: Path) -> None:
    """The refusal says "the file was left unchanged": it must be, whatever its journal mode."""
    make_newer(library_path, journal_mode="DELETE")
    before = library_path.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(library_path)
    assert library_path.read_bytes() == before
    assert rows(library_path, "PRAGMA journal_mode") == [("delete",)]


def test_another_programs_sqlite_database_is_refused_and_left_alone(library_path: Path) -> None:
    """A SQLite file that is not a Recap library must not get Recap's tables added to it."""
    with closing(sqlite3.connect(library_path)) as connection:
        connection.execute("CREATE TABLE bookmarks (url TEXT)")
        connection.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
        connection.commit()
    before = library_path.read_bytes()
    with pytest.raises(LibraryError):
        open_library(library_path).close()
    assert library_path.read_bytes() == before
    assert rows(library_path, "SELECT name FROM sqlite_master WHERE type = 'table'") == [
        ("bookmarks",)
    ]


def test_a_new_library_is_stamped_with_the_head_revision(
    library: Library, library_location: Location
) -> None:
    assert rows(library_location, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]


def test_the_sample_loads_with_merged_tags(sample_library: Library) -> None:
    sample_events = list(sample_library.events())
    assert [record.title for record in sample_events] == [
        "Android Dev Night #7",
        "PyData Seoul Conference 2024",
        "FastAPI 밋업 — 비동기의 함정",
    ]
    counts = {tag.name: tag.count for tag in sample_library.tag_counts()}
    assert counts["Python"] == 2
    assert "python" not in counts
    assert sample_events[2].tags == ["FastAPI", "Python", "AWS EC2"]


# -- whole-list edits used by the editor ---------------------------------------


def test_session_reads_one_talk(library: Library) -> None:
    event_id = library.create_event(
        event(
            sessions=[
                talk("First"),
                talk(
                    "Second",
                    speaker="Dana Park",
                    links=[LinkRecord(url="https://example.org", label="slides")],
                    qa=[QARecord(kind="own", question="Q?")],
                ),
            ]
        )
    )
    second = library.event(event_id).sessions[1]
    assert second.id is not None
    assert library.session(second.id) == second
    with pytest.raises(NotFound):
        library.session(404)


def test_reorder_sessions(library: Library, library_location: Location, three_talks: int) -> None:
    ids = {item.title: item.id for item in library.event(three_talks).sessions}
    library.reorder_sessions(three_talks, [ids["C"], ids["A"], ids["B"]])  # type: ignore[list-item]
    assert session_titles(library, three_talks) == ["C", "A", "B"]
    assert stored_positions(library_location, "sessions", "event_id", three_talks) == [0, 1, 2]


def test_reorder_sessions_must_name_each_talk_once(library: Library, three_talks: int) -> None:
    ids = [item.id for item in library.event(three_talks).sessions]
    other = library.create_event(event("Other", sessions=[talk("X")]))
    foreign = library.event(other).sessions[0].id
    for wrong in ([ids[0], ids[1]], [ids[0], ids[0], ids[1]], [ids[2], ids[1], foreign], []):
        with pytest.raises(InvalidInput):
            library.reorder_sessions(three_talks, wrong)  # type: ignore[arg-type]
        assert session_titles(library, three_talks) == ["A", "B", "C"]
    assert session_titles(library, other) == ["X"]


def session_qa(
    library: Library, session_id: int
) -> list[tuple[int | None, str | None, str | None]]:
    return [(qa.id, qa.question, qa.answer) for qa in library.session(session_id).qa]


def test_save_qa_entries_updates_adds_deletes_and_orders(
    library: Library, library_location: Location, three_questions: int
) -> None:
    ids = qa_ids(library, three_questions)
    records = [
        QARecord(id=ids["Q3"], kind="own", question="Q3", answer="A3"),
        QARecord(kind="audience", question="New"),
        QARecord(id=ids["Q1"], kind="own", question="Q1 edited"),
    ]
    returned = library.save_qa_entries(three_questions, records)
    stored = session_qa(library, three_questions)
    assert [(question, answer) for _, question, answer in stored] == [
        ("Q3", "A3"),
        ("New", None),
        ("Q1 edited", None),
    ]
    assert returned == [entry_id for entry_id, _, _ in stored]
    assert returned[0] == ids["Q3"] and returned[2] == ids["Q1"]
    assert ids["Q2"] not in returned
    assert count(library_location, "qa_entries") == 3
    assert stored_positions(library_location, "qa_entries", "session_id", three_questions) == [
        0,
        1,
        2,
    ]


def test_save_qa_entries_never_writes_an_empty_entry(
    library: Library, library_location: Location, three_questions: int
) -> None:
    ids = qa_ids(library, three_questions)
    records = [
        QARecord(id=ids["Q1"], kind="own", question="Q1"),
        QARecord(id=ids["Q2"], kind="own", question="  ", answer=""),  # keeps its last good text
        QARecord(kind="own", question=None, answer=" "),  # new and empty: skipped
        QARecord(id=ids["Q3"], kind="own", question="Q3"),
    ]
    returned = library.save_qa_entries(three_questions, records)
    assert returned == [ids["Q1"], ids["Q2"], None, ids["Q3"]]
    assert [question for _, question, _ in session_qa(library, three_questions)] == [
        "Q1",
        "Q2",
        "Q3",
    ]
    assert count(library_location, "qa_entries") == 3


def test_save_qa_entries_is_all_or_nothing(library: Library, three_questions: int) -> None:
    before = session_qa(library, three_questions)
    ids = qa_ids(library, three_questions)
    records = [
        QARecord(id=ids["Q1"], kind="own", question="changed"),
        QARecord(kind="speaker", question="bad kind"),  # type: ignore[arg-type]
    ]
    with pytest.raises(InvalidInput):
        library.save_qa_entries(three_questions, records)
    assert session_qa(library, three_questions) == before
    with pytest.raises(NotFound):
        library.save_qa_entries(404, [])
