"""The hand-written recap-json check agrees with the normative JSON Schema.

recap.interchange.schema_check replaces jsonschema for speed; here jsonschema,
run on the shared schema file, is the referee.
"""

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from recap.errors import InvalidDocument
from recap.interchange.recap_json import check_header
from recap.interchange.schema_check import SchemaProblem, check_document
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON

# Version 2's schema reads versions 1 and 2.
SHARED_SCHEMA = REPO_ROOT.parent / "shared" / "spec" / "recap-json-v2.schema.json"
PACKAGED_SCHEMA = REPO_ROOT / "recap" / "interchange" / "recap-json-v2.schema.json"

Json = Any


@cache
def referee() -> Draft202012Validator:
    path = SHARED_SCHEMA if SHARED_SCHEMA.exists() else PACKAGED_SCHEMA
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def ours_accepts(document: Json) -> bool:
    """The header check and the schema check together: what parse_document checks first."""
    try:
        check_header(document)
        check_document(document)
    except (InvalidDocument, SchemaProblem):
        return False
    return True


def assert_agree(document: Json) -> None:
    expected = referee().is_valid(document)
    assert ours_accepts(document) is expected, (
        f"jsonschema says {'valid' if expected else 'invalid'}: {json.dumps(document)[:500]}"
    )


def doc(*events: Json) -> Json:
    return {"format": "recap", "version": 1, "events": list(events)}


def ev(**fields: Json) -> Json:
    return {"title": "T", "start_date": "2024-04-13", **fields}


def talk(**fields: Json) -> Json:
    return {"title": "S", **fields}


EXAMPLES: dict[str, Json] = {
    "sample": json.loads(SAMPLE_LIBRARY_JSON.read_text(encoding="utf-8")),
    "empty": doc(),
    "minimal": doc(ev()),
    "all-null": doc(
        ev(end_date=None, venue=None, host=None, url=None, found_via=None, category=None)
    ),
    "unknown-fields": {**doc(ev(mood=1, sessions=[talk(x=1)])), "generator": "x"},
    "version-true": {"format": "recap", "version": True, "events": []},
    "version-float": {"format": "recap", "version": 1.0, "events": []},
    "version-3": {"format": "recap", "version": 3, "events": []},
    "format-other": {"format": "other", "version": 1, "events": []},
    "no-events": {"format": "recap", "version": 1},
    "events-object": {"format": "recap", "version": 1, "events": {}},
    "event-string": doc("event"),
    "no-title": doc({"start_date": "2024-04-13"}),
    "blank-title": doc(ev(title=" \t")),
    "title-300": doc(ev(title="x" * 300)),
    "title-301": doc(ev(title="x" * 301)),
    "title-number": doc(ev(title=3)),
    "no-start": doc({"title": "T"}),
    "start-pattern-only": doc(ev(start_date="2024-13-40")),
    "start-slashes": doc(ev(start_date="2024/04/13")),
    "start-number": doc(ev(start_date=20240413)),
    "end-null": doc(ev(end_date=None)),
    "end-bad": doc(ev(end_date="soon")),
    "venue-number": doc(ev(venue=1)),
    "summary-bool": doc(ev(summary=False)),
    "tags-string": doc(ev(tags="a,b")),
    "tag-empty": doc(ev(tags=[""])),
    "tag-blank": doc(ev(tags=[" "])),
    "tag-null": doc(ev(tags=[None])),
    "sessions-null": doc(ev(sessions=None)),
    "session-no-title": doc(ev(sessions=[{"notes": "n"}])),
    "session-title-301": doc(ev(sessions=[talk(title="y" * 301)])),
    "session-notes-number": doc(ev(sessions=[talk(notes=1)])),
    "links-object": doc(ev(sessions=[talk(links={})])),
    "link-no-url": doc(ev(sessions=[talk(links=[{"label": "l"}])])),
    "link-empty-url": doc(ev(sessions=[talk(links=[{"url": ""}])])),
    "link-blank-url": doc(ev(sessions=[talk(links=[{"url": " "}])])),
    "link-label-number": doc(ev(sessions=[talk(links=[{"url": "u", "label": 1}])])),
    "qa-ok": doc(ev(sessions=[talk(qa=[{"kind": "own", "answer": "a"}])])),
    "qa-no-kind": doc(ev(sessions=[talk(qa=[{"question": "q"}])])),
    "qa-bad-kind": doc(ev(sessions=[talk(qa=[{"kind": "x", "question": "q"}])])),
    "qa-neither": doc(ev(sessions=[talk(qa=[{"kind": "own"}])])),
    "qa-blank": doc(ev(sessions=[talk(qa=[{"kind": "own", "question": " ", "answer": ""}])])),
    "qa-question-number": doc(ev(sessions=[talk(qa=[{"kind": "own", "question": 1}])])),
    "qa-resolved-null": doc(
        ev(sessions=[talk(qa=[{"kind": "own", "question": "q", "resolved": None}])])
    ),
    "qa-resolved-int": doc(
        ev(sessions=[talk(qa=[{"kind": "own", "question": "q", "resolved": 0}])])
    ),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_check_agrees_with_the_schema(name: str) -> None:
    assert_agree(EXAMPLES[name])


def test_the_referee_can_tell_the_difference() -> None:
    assert referee().is_valid(EXAMPLES["sample"])
    assert not referee().is_valid(EXAMPLES["qa-neither"])


def test_a_problem_names_its_path() -> None:
    with pytest.raises(SchemaProblem) as caught:
        check_document(doc(ev(), ev(sessions=[talk(), talk(links=[{"label": "l"}])])))
    assert caught.value.path == ["events", 1, "sessions", 1, "links", 0, "url"]


def test_the_first_problem_in_document_order_is_reported() -> None:
    events = [ev(title=f"E{n}") for n in range(12)]
    events[10]["tags"] = [""]
    events[2]["venue"] = 1
    with pytest.raises(SchemaProblem) as caught:
        check_document(doc(*events))
    assert caught.value.path[:2] == ["events", 2]


# -- generated documents, valid and not ---------------------------------------

short_text = st.text(max_size=4)
not_text = st.integers(-1, 1) | st.booleans() | st.just([]) | st.just({})
text_value = st.none() | short_text | not_text
title_value = short_text | st.just(" ") | st.just("x" * 300) | st.just("x" * 301) | not_text
date_value = (
    st.sampled_from(["2024-04-13", "2024-13-40", "2024-4-13", "", "24-01-01", "2024/04/13"])
    | st.none()
    | not_text
)


def maybe_list(item: st.SearchStrategy[Json]) -> st.SearchStrategy[Json]:
    return st.lists(item, max_size=2) | st.none() | short_text | st.just({})


link_value = st.fixed_dictionaries(
    {}, optional={"label": text_value, "url": short_text | st.none() | not_text}
) | st.just("link")
qa_value = st.fixed_dictionaries(
    {},
    optional={
        "kind": st.sampled_from(["own", "audience", "speaker"]) | not_text,
        "question": text_value,
        "answer": text_value,
        "resolved": st.booleans() | st.none() | st.integers(0, 1),
    },
)
session_value = st.fixed_dictionaries(
    {},
    optional={
        "title": title_value,
        "speaker": text_value,
        "notes": text_value,
        "links": maybe_list(link_value),
        "qa": maybe_list(qa_value),
        "extra": text_value,
    },
)
event_value = st.fixed_dictionaries(
    {},
    optional={
        "title": title_value,
        "start_date": date_value,
        "end_date": date_value,
        "venue": text_value,
        "category": text_value,
        "summary": text_value,
        "tags": maybe_list(short_text | not_text),
        "sessions": maybe_list(session_value),
    },
) | st.just("event")
document_value = st.fixed_dictionaries(
    {
        "format": st.just("recap") | st.sampled_from(["Recap", ""]),
        "version": st.just(1) | st.sampled_from([2, "1", None]),
        "events": st.lists(event_value, max_size=3) | st.just({}) | st.none(),
    }
)


@settings(
    database=None,
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(document_value)
def test_generated_documents_agree_with_the_schema(document: Json) -> None:
    assert_agree(document)
