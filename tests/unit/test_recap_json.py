"""recap-json: round trip, stable dumps (version 2) and every loading rule (docs/)."""

import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from recap import cli
from recap.domain.tags import tag_key
from recap.errors import InvalidDocument
from recap.interchange.recap_json import dump_document, parse_document
from recap.storage.library import Library, LoadResult, open_library
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON

SHARED_SPEC = REPO_ROOT.parent / "shared" / "spec"
PACKAGED_SCHEMA = REPO_ROOT / "recap" / "interchange" / "recap-json-v2.schema.json"

EVENT_KEYS = [
    "title", "start_date", "end_date", "venue", "host", "url",
    "found_via", "category", "tags", "summary", "author", "sessions", "attachments",
    "publications",
]  # fmt: skip
SESSION_KEYS = [
    "title", "speaker", "affiliation", "starts_at", "impression", "notes", "links", "qa",
]  # fmt: skip
LINK_KEYS = ["label", "url"]
QA_KEYS = ["kind", "question", "answer", "resolved"]

Json = dict[str, Any]


def sample() -> Json:
    return json.loads(SAMPLE_LIBRARY_JSON.read_text(encoding="utf-8"))


def document(*events: Json, version: int = 1) -> Json:
    return {"format": "recap", "version": version, "events": list(events)}


def as_version_2(old: Json) -> Json:
    """A version 1 document as a dump writes it: version 2, its new fields empty."""
    for item in old["events"]:
        item["author"] = item.get("author")
        for talk in item.get("sessions", []):
            talk["starts_at"] = talk.get("starts_at")
        item["attachments"] = item.get("attachments", [])
        item["publications"] = item.get("publications", [])
    return {**old, "version": 2}


def good_event(title: str = "Good Event", start: str = "2024-04-13", **fields: Any) -> Json:
    return {"title": title, "start_date": start, **fields}


def load(library: Library, data: Json | str | bytes) -> LoadResult:
    raw = json.dumps(data, ensure_ascii=False) if isinstance(data, dict) else data
    return library.load_records(parse_document(raw).events)


def dump(library: Library) -> str:
    return dump_document(library.events())


@pytest.fixture
def other_library(tmp_path: Path) -> Iterator[Library]:
    opened = open_library(tmp_path / "other.db")
    yield opened
    opened.close()


# -- round trip and dumping --------------------------------------------------


def test_round_trip_gives_the_same_bytes(sample_library: Library, other_library: Library) -> None:
    first = dump(sample_library)
    assert load(other_library, first) == LoadResult(added=3, skipped=0)
    second = dump(other_library)
    assert second == first


def test_the_dump_holds_the_sample(sample_library: Library) -> None:
    expected = sample()
    # Tags are one across events: the first spelling seen (in document order) is kept.
    first_spelling: dict[str, str] = {}
    for item in expected["events"]:
        for tag in item["tags"]:
            first_spelling.setdefault(tag_key(tag), tag)
    for item in expected["events"]:
        item["tags"] = [first_spelling[tag_key(tag)] for tag in item["tags"]]
    expected["events"].sort(key=lambda item: item["start_date"])

    assert json.loads(dump(sample_library)) == as_version_2(expected)


def test_the_sample_tag_spelling_rule_applies(sample_library: Library) -> None:
    """The sample writes Python then python: the dump shows Python for both."""
    fastapi = json.loads(dump(sample_library))["events"][2]
    assert fastapi["tags"] == ["FastAPI", "Python", "AWS EC2"]


def test_the_dump_is_stable_and_pretty(sample_library: Library) -> None:
    text = dump(sample_library)
    assert dump(sample_library) == text
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert text.splitlines()[1] == '  "format": "recap",'
    assert json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n" == text
    assert "판교 스타트업 캠퍼스 2층" in text
    assert "\\u" not in text


def test_the_dump_keeps_the_spec_key_order(sample_library: Library) -> None:
    dumped = json.loads(dump(sample_library))
    assert list(dumped) == ["format", "version", "events"]
    assert (dumped["format"], dumped["version"]) == ("recap", 2)
    for item in dumped["events"]:
        assert list(item) == EVENT_KEYS
        for talk in item["sessions"]:
            assert list(talk) == SESSION_KEYS
            for link in talk["links"]:
                assert list(link) == LINK_KEYS
            for entry in talk["qa"]:
                assert list(entry) == QA_KEYS


def test_the_dump_is_valid_recap_json(sample_library: Library) -> None:
    schema = json.loads(PACKAGED_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(json.loads(dump(sample_library)))


@pytest.mark.parametrize("version", [1, 2])
def test_the_packaged_schema_is_the_shared_one(version: int) -> None:
    name = f"recap-json-v{version}.schema.json"
    if not SHARED_SPEC.exists():
        pytest.skip("the shared spec folder is not here")
    packaged = REPO_ROOT / "recap" / "interchange" / name
    assert json.loads(packaged.read_text(encoding="utf-8")) == json.loads(
        (SHARED_SPEC / name).read_text(encoding="utf-8")
    )


def test_the_dump_of_an_empty_library(library: Library) -> None:
    assert json.loads(dump(library)) == document(version=2)


def test_the_dump_writes_every_field(library: Library, other_library: Library) -> None:
    load(
        library,
        document(good_event(sessions=[{"title": "Talk", "qa": [{"kind": "own", "answer": "A."}]}])),
    )
    text = dump(library)
    [item] = json.loads(text)["events"]
    assert item == {
        "title": "Good Event",
        "start_date": "2024-04-13",
        "end_date": None,
        "venue": None,
        "host": None,
        "url": None,
        "found_via": None,
        "category": None,
        "tags": [],
        "summary": None,
        "author": None,
        "sessions": [
            {
                "title": "Talk",
                "speaker": None,
                "affiliation": None,
                "starts_at": None,
                "impression": None,
                "notes": None,
                "links": [],
                "qa": [{"kind": "own", "question": None, "answer": "A.", "resolved": False}],
            }
        ],
        "attachments": [],
        "publications": [],
    }
    load(other_library, text)
    assert dump(other_library) == text


def test_events_are_dumped_in_start_date_order(library: Library) -> None:
    load(
        library,
        document(
            good_event("Late", "2024-12-01"),
            good_event("Early", "2023-01-05"),
            good_event("Middle", "2024-06-01", end_date="2024-06-03"),
        ),
    )
    dumped = json.loads(dump(library))
    assert [item["title"] for item in dumped["events"]] == ["Early", "Middle", "Late"]


def test_sessions_and_qa_keep_their_order(library: Library) -> None:
    talks = [
        {"title": f"Talk {n}", "qa": [{"kind": "own", "question": f"Q{n}.{m}"} for m in (3, 1, 2)]}
        for n in (2, 3, 1)
    ]
    load(library, document(good_event(sessions=talks)))
    [item] = json.loads(dump(library))["events"]
    assert [talk["title"] for talk in item["sessions"]] == ["Talk 2", "Talk 3", "Talk 1"]
    assert [entry["question"] for entry in item["sessions"][0]["qa"]] == ["Q2.3", "Q2.1", "Q2.2"]


# -- loading -----------------------------------------------------------------


def test_loading_twice_adds_nothing(library: Library) -> None:
    data = SAMPLE_LIBRARY_JSON.read_bytes()
    assert library.load_records(parse_document(data).events) == LoadResult(added=3, skipped=0)
    before = dump(library)
    assert library.load_records(parse_document(data).events) == LoadResult(added=0, skipped=3)
    assert dump(library) == before


def test_loading_a_decomposed_copy_adds_nothing(sample_library: Library) -> None:
    decomposed = unicodedata.normalize("NFD", SAMPLE_LIBRARY_JSON.read_text(encoding="utf-8"))
    assert load(sample_library, decomposed) == LoadResult(added=0, skipped=3)


def test_parse_accepts_text_and_bytes() -> None:
    text = SAMPLE_LIBRARY_JSON.read_text(encoding="utf-8")
    assert parse_document(text).events == parse_document(text.encode("utf-8")).events
    assert len(parse_document(text).events) == 3
    assert parse_document(text).warnings == []


@pytest.mark.parametrize(
    ("kind", "given", "stored"),
    [
        ("own", {}, False),
        ("audience", {}, True),
        ("own", {"resolved": True}, True),
        ("audience", {"resolved": False}, False),
    ],
)
def test_resolved_default(library: Library, kind: str, given: Json, stored: bool) -> None:
    entry = {"kind": kind, "question": "Q?", **given}
    load(library, document(good_event(sessions=[{"title": "Talk", "qa": [entry]}])))
    [item] = library.events()
    assert item.sessions[0].qa[0].resolved is stored


def test_unknown_fields_warn_and_still_load(library: Library) -> None:
    data = document(
        good_event("First"),
        good_event(
            "Second Event",
            mood="great",
            sessions=[
                {
                    "title": "Talk",
                    "rating": 5,
                    "links": [{"url": "https://example.org", "rel": "slides"}],
                    "qa": [{"kind": "own", "question": "Q?", "votes": 3}],
                }
            ],
        ),
    )
    data["generator"] = "another tool"
    parsed = parse_document(json.dumps(data))
    warnings = parsed.warnings
    assert len(warnings) == 5
    assert any("generator" in warning for warning in warnings)
    for field in ("mood", "rating", "rel", "votes"):
        [warning] = [warning for warning in warnings if field in warning]
        assert "event 2" in warning
        assert "Second Event" in warning
    assert library.load_records(parsed.events) == LoadResult(added=2, skipped=0)
    assert "mood" not in dump(library)


def test_strings_are_nfc_and_markdown_is_kept(library: Library) -> None:
    notes = "  ## 메모  \n\n* 한 줄\t\n\n\n```py\n    x = 1\n```\n\n> 인용 <b>굵게</b>\r\n"

    def nfd(value: str) -> str:
        return unicodedata.normalize("NFD", value)

    data = document(
        good_event(
            nfd("밋업 후기"),
            venue=nfd("판교"),
            category=nfd("TIL - 메모"),
            tags=[nfd("파이썬")],
            summary=nfd(notes),
            sessions=[
                {
                    "title": nfd("발표"),
                    "speaker": nfd("최유진"),
                    "notes": nfd(notes),
                    "links": [{"label": nfd("문서"), "url": "https://example.org/문서"}],
                    "qa": [{"kind": "own", "question": nfd("왜?"), "answer": nfd("몰라")}],
                }
            ],
        )
    )
    load(library, data)
    text = dump(library)
    assert unicodedata.is_normalized("NFC", text)
    [item] = json.loads(text)["events"]
    assert (item["title"], item["venue"], item["category"]) == ("밋업 후기", "판교", "TIL - 메모")
    assert item["tags"] == ["파이썬"]
    assert item["summary"] == notes
    talk = item["sessions"][0]
    assert (talk["title"], talk["speaker"], talk["notes"]) == ("발표", "최유진", notes)
    assert talk["links"] == [{"label": "문서", "url": "https://example.org/문서"}]
    assert (talk["qa"][0]["question"], talk["qa"][0]["answer"]) == ("왜?", "몰라")


def test_an_empty_summary_stays_empty(library: Library) -> None:
    load(library, document(good_event(summary="")))
    assert json.loads(dump(library))["events"][0]["summary"] == ""


def test_duplicates_inside_one_document_are_skipped(library: Library) -> None:
    data = document(good_event("Same"), good_event("Same"), good_event("Same", "2024-04-14"))
    assert load(library, data) == LoadResult(added=2, skipped=1)


# -- invalid documents: the document as a whole ------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["JSON"]),
        (b"{not json", ["JSON"]),
        (b'{"format": "recap", "version": 1, "events": []', ["JSON"]),
        (
            '{"format": "recap", "version": 1, "events": [{"title": "Caf\u00e9", '
            '"start_date": "2024-01-01"}]}'.encode("latin-1"),
            ["UTF-8"],
        ),
        (b"[]", ["format"]),
        (b'"recap"', ["format"]),
        (b'{"version": 1, "events": []}', ["format"]),
        (b'{"format": "Recap", "version": 1, "events": []}', ["format"]),
        (b'{"format": "recap", "version": 3, "events": []}', ["version", "3"]),
        (b'{"format": "recap", "version": "1", "events": []}', ["version"]),
        (b'{"format": "recap", "version": true, "events": []}', ["version"]),
        (b'{"format": "recap", "events": []}', ["version"]),
        (b'{"format": "recap", "version": 1}', ["events"]),
        (b'{"format": "recap", "version": 1, "events": {}}', ["events"]),
        (b'{"format": "recap", "version": 1, "events": null}', ["events"]),
    ],
    ids=[
        "empty-file",
        "not-json",
        "truncated-json",
        "not-utf8",
        "array",
        "string",
        "no-format",
        "wrong-format",
        "version-3",
        "version-string",
        "version-true",
        "no-version",
        "no-events",
        "events-object",
        "events-null",
    ],
)
def test_an_invalid_document_is_refused(data: bytes, words: list[str]) -> None:
    with pytest.raises(InvalidDocument) as caught:
        parse_document(data)
    message = str(caught.value)
    for word in words:
        assert word in message
    assert "\n" not in message


# -- invalid documents: each rule of an event --------------------------------

BAD = "Bad Event"


def session(**fields: Any) -> Json:
    return {"title": "Talk", **fields}


def with_qa(**entry: Any) -> Json:
    return good_event(BAD, sessions=[session(qa=[entry])])


# (case id, the bad event at index 1, whether its title can be named, words the message names)
EVENT_CASES: list[tuple[str, Json, bool, list[str]]] = [
    ("missing-title", {"start_date": "2024-04-13"}, False, ["title"]),
    ("blank-title", good_event("   "), False, ["title"]),
    ("title-not-string", good_event(42), False, ["title"]),  # type: ignore[arg-type]
    ("title-301", good_event("T" * 301), True, ["title", "300"]),
    ("missing-start", {"title": BAD}, True, ["start_date"]),
    ("start-not-a-day", good_event(BAD, "2024-13-40"), True, ["start_date", "2024-13-40"]),
    ("start-feb-30", good_event(BAD, "2024-02-30"), True, ["start_date", "2024-02-30"]),
    ("start-wrong-form", good_event(BAD, "2024/04/13"), True, ["start_date", "2024/04/13"]),
    ("start-short", good_event(BAD, "24-1-1"), True, ["start_date"]),
    ("start-null", good_event(BAD, None), True, ["start_date"]),  # type: ignore[arg-type]
    ("end-not-a-day", good_event(BAD, end_date="2024-04-31"), True, ["end_date", "2024-04-31"]),
    ("end-before-start", good_event(BAD, "2024-05-31", end_date="2024-05-30"), True, ["end"]),
    ("tag-empty", good_event(BAD, tags=["ok", ""]), True, ["tags"]),
    ("tag-blank", good_event(BAD, tags=["ok", "  "]), True, ["tags"]),
    ("tag-not-string", good_event(BAD, tags=[1]), True, ["tags"]),
    ("tags-not-array", good_event(BAD, tags="python"), True, ["tags"]),
    ("venue-number", good_event(BAD, venue=3), True, ["venue"]),
    ("summary-array", good_event(BAD, summary=["x"]), True, ["summary"]),
    ("sessions-object", good_event(BAD, sessions={}), True, ["sessions"]),
    (
        "session-no-title",
        good_event(BAD, sessions=[session(), {"notes": "x"}]),
        True,
        ["sessions[1]", "title"],
    ),
    (
        "session-blank-title",
        good_event(BAD, sessions=[session(title=" ")]),
        True,
        ["sessions[0]", "title"],
    ),
    ("session-long-title", good_event(BAD, sessions=[session(title="x" * 301)]), True, ["title"]),
    (
        "link-no-url",
        good_event(BAD, sessions=[session(links=[{"label": "slides"}])]),
        True,
        ["links[0]", "url"],
    ),
    (
        "link-empty-url",
        good_event(BAD, sessions=[session(links=[{"url": ""}])]),
        True,
        ["links[0]", "url"],
    ),
    ("link-null-url", good_event(BAD, sessions=[session(links=[{"url": None}])]), True, ["url"]),
    ("qa-bad-kind", with_qa(kind="speaker", question="Q?"), True, ["qa[0]", "kind"]),
    ("qa-no-kind", with_qa(question="Q?"), True, ["qa[0]", "kind"]),
    ("qa-neither", with_qa(kind="own"), True, ["qa[0]", "question", "answer"]),
    (
        "qa-both-null",
        with_qa(kind="own", question=None, answer=None),
        True,
        ["qa[0]", "question", "answer"],
    ),
    (
        "qa-both-blank",
        with_qa(kind="audience", question="", answer="  "),
        True,
        ["qa[0]", "question", "answer"],
    ),
    (
        "qa-resolved-string",
        with_qa(kind="own", question="Q?", resolved="yes"),
        True,
        ["qa[0]", "resolved"],
    ),
    ("qa-resolved-number", with_qa(kind="own", question="Q?", resolved=1), True, ["resolved"]),
    ("lone-surrogate", good_event(BAD, tags=["bad \ud800 tag"]), True, ["tags"]),
    ("event-not-object", "an event", False, []),  # type: ignore[list-item]
]


@pytest.mark.parametrize(
    ("bad", "titled", "words"),
    [case[1:] for case in EVENT_CASES],
    ids=[case[0] for case in EVENT_CASES],
)
def test_an_invalid_event_is_refused_by_index_title_and_field(
    bad: Json, titled: bool, words: list[str]
) -> None:
    data = document(good_event("First", "2024-01-01"), bad, good_event("Third", "2024-01-03"))
    with pytest.raises(InvalidDocument) as caught:
        parse_document(json.dumps(data))
    message = str(caught.value)
    assert re.search(r"\bevent 2\b", message), message  # counted from 1
    if titled:
        title = bad["title"]
        assert title in message, message
    for word in words:
        assert word in message, message
    assert "First" not in message and "Third" not in message
    assert "\n" not in message


def test_the_first_invalid_event_is_reported_in_document_order() -> None:
    events = [good_event(f"Event {n}", f"2024-01-{n + 1:02d}") for n in range(12)]
    events[10]["start_date"] = "2024-13-40"
    events[2]["tags"] = [""]
    with pytest.raises(InvalidDocument, match=r"event 3 \(") as caught:
        parse_document(json.dumps(document(*events)))
    assert "Event 2" in str(caught.value)


# -- all or nothing ----------------------------------------------------------


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def event_titles(path: Path) -> list[str]:
    library = open_library(path)
    try:
        return [summary.title for summary in library.event_summaries()]
    finally:
        library.close()


Mutation = Callable[[Json], None]


def break_third_start(data: Json) -> None:
    data["events"][2]["start_date"] = "2024-13-40"


def break_third_qa(data: Json) -> None:
    data["events"][2]["sessions"][0]["qa"] = [{"kind": "own", "question": " "}]


@pytest.mark.parametrize("mutation", [break_third_start, break_third_qa])
def test_a_load_is_all_or_nothing(tmp_path: Path, library_path: Path, mutation: Mutation) -> None:
    data = sample()
    mutation(data)
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    code, _, err = run_cli("--db", str(library_path), "load", str(source))

    assert code == 2
    assert "event 3" in err
    assert "FastAPI 밋업" in err
    assert event_titles(library_path) == []


def test_a_failed_load_leaves_an_existing_library_as_it_was(
    sample_library: Library, library_path: Path, tmp_path: Path
) -> None:
    before = dump(sample_library)
    data = document(good_event("New One"), good_event("New Two"), good_event(BAD, "2024-02-30"))
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("--db", str(library_path), "load", str(source))
    assert code == 2
    assert "event 3" in err and BAD in err
    assert str(source) in err  # the file is named
    assert dump(sample_library) == before


def test_a_document_parse_accepts_either_loads_or_names_its_bad_event(
    library_path: Path, tmp_path: Path
) -> None:
    """A blank link URL passes the schema's minLength; the library must not then refuse the
    load with a message that no longer says which event and field were at fault."""
    data = document(
        good_event("First"),
        good_event(BAD, sessions=[session(links=[{"label": "slides", "url": "   "}])]),
    )
    source = tmp_path / "blank-url.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli("--db", str(library_path), "load", str(source))
    if code == 0:
        assert sorted(event_titles(library_path)) == sorted(["First", BAD])
    else:
        assert code == 2
        assert "event 2" in err, err
        assert BAD in err, err
        assert "url" in err, err
        assert event_titles(library_path) == []


# -- version 2: the recap's author and a talk's start time ---------------------


def test_version_2_fields_load_and_dump_unchanged(library: Library, other_library: Library) -> None:
    data = document(
        good_event(
            "Build With AI in Songdo",
            author="김하늘",
            sessions=[{"title": "MemGPT", "starts_at": "13:05"}, {"title": "RAG"}],
        ),
        version=2,
    )
    assert load(library, data) == LoadResult(added=1, skipped=0)
    [event] = library.events()
    assert event.author == "김하늘"
    assert [talk.starts_at for talk in event.sessions] == [dt.time(13, 5), None]
    text = dump(library)
    dumped = json.loads(text)["events"][0]
    assert (dumped["author"], dumped["sessions"][0]["starts_at"]) == ("김하늘", "13:05")
    load(other_library, text)
    assert dump(other_library) == text


def test_a_version_1_document_does_not_know_the_version_2_fields(library: Library) -> None:
    talks = [{"title": "T", "starts_at": "09:00"}]
    parsed = parse_document(json.dumps(document(good_event(author="me", sessions=talks))))
    assert parsed.events[0].author is None
    assert parsed.events[0].sessions[0].starts_at is None
    assert any("'author'" in warning for warning in parsed.warnings)
    assert any("'sessions[0].starts_at'" in warning for warning in parsed.warnings)


@pytest.mark.parametrize("value", ["25:00", "9:05", "13:05:00", "", "１３:０５"])
def test_a_bad_start_time_names_the_event_and_the_field(value: str) -> None:
    data = document(good_event("Songdo", sessions=[{"title": "T", "starts_at": value}]), version=2)
    with pytest.raises(InvalidDocument) as caught:
        parse_document(json.dumps(data))
    message = str(caught.value)
    assert "Songdo" in message
    assert "starts_at" in message


def test_a_broken_json_file_is_named_with_its_line(library_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "broken.json"
    source.write_text('{"format": "recap",\n "version": 1,\n "events": [{"title": "x', "utf-8")
    code, _, err = run_cli("--db", str(library_path), "load", str(source))
    assert code == 2
    assert err == (
        f"recap: error: {source}: This is not valid JSON: "
        "Unterminated string starting at line 3, column 23.\n"
    )
