"""The recap-json check agrees with the normative JSON Schema and the spec.

recap.interchange.schema_check runs fastjsonschema, compiled from the packaged
schema, plus a check for lone surrogates. Here jsonschema, run on the shared schema
file, is the referee, told the spec's two rules that a JSON Schema validator does
not apply on its own: a pattern's ``$`` is the end of the text (Python's ``re``
also lets it match before a final newline, so jsonschema takes "2024-04-13\n" for
a date), and every string is Unicode text (JSON can spell a lone surrogate).
"""

import json
import subprocess
import sys
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from recap.errors import InvalidDocument
from recap.interchange.recap_json import check_header, parse_document
from recap.interchange.schema_check import SCHEMA_FILES, SchemaProblem, check_document, schema
from tests.conftest import REPO_ROOT, SAMPLE_LIBRARY_JSON

SHARED_SPEC = REPO_ROOT.parent / "shared" / "spec"
PACKAGED = REPO_ROOT / "recap" / "interchange"

Json = Any


def normative_schema(version: int = 1) -> Json:
    """The schema a document of ``version`` is read by (a version 1 document knows nothing
    of version 2's fields: it is checked, and read, as version 1)."""
    name = f"recap-json-v{version}.schema.json"
    path = SHARED_SPEC / name if (SHARED_SPEC / name).exists() else PACKAGED / name
    return json.loads(path.read_text(encoding="utf-8"))


def version_of(document: Json) -> int:
    version = document.get("version") if isinstance(document, dict) else None
    return 2 if version == 2 and not isinstance(version, bool) else 1


def with_the_spec_rules(node: Json) -> Json:
    """The schema with ``$`` meaning the end of the text and every string checked as text."""
    if isinstance(node, list):
        return [with_the_spec_rules(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: with_the_spec_rules(value) for key, value in node.items()}
    if isinstance(node.get("pattern"), str) and node["pattern"].endswith("$"):
        node["pattern"] = node["pattern"][:-1] + r"\Z"
    kinds = node.get("type")
    if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
        node["format"] = "unicode-text"
    return node


def is_unicode_text(value: object) -> bool:
    if isinstance(value, str):  # a format applies to strings only
        value.encode("utf-8")
    return True


@cache
def referee(version: int = 1) -> Draft202012Validator:
    checker = FormatChecker(formats=())
    checker.checks("unicode-text", raises=UnicodeEncodeError)(is_unicode_text)
    schema = with_the_spec_rules(normative_schema(version))
    return Draft202012Validator(schema, format_checker=checker)


@cache
def plain_jsonschema(version: int = 1) -> Draft202012Validator:
    return Draft202012Validator(normative_schema(version))


def ours_accepts(document: Json) -> bool:
    """The header check and the schema check together: what parse_document checks first."""
    try:
        check_header(document)
        check_document(document, version_of(document))
    except (InvalidDocument, SchemaProblem):
        return False
    return True


def assert_agree(document: Json) -> None:
    expected = referee(version_of(document)).is_valid(document)
    assert ours_accepts(document) is expected, (
        f"the referee says {'valid' if expected else 'invalid'}: {ascii(document)[:500]}"
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
# Where jsonschema alone accepts what the spec refuses.
SPEC_ONLY: dict[str, Json] = {
    "start-final-newline": doc(ev(start_date="2024-04-13\n")),
    "end-final-newline": doc(ev(end_date="2024-04-14\n")),
    "title-lone-surrogate": doc(ev(title="제목 \ud800")),
    "tag-lone-surrogate": doc(ev(tags=["ok", "\udfff"])),
    "notes-lone-surrogate": doc(ev(sessions=[talk(notes="a\udc00b")])),
    "link-label-lone-surrogate": doc(ev(sessions=[talk(links=[{"url": "u", "label": "\ud8ff"}])])),
    "answer-lone-surrogate": doc(
        ev(sessions=[talk(qa=[{"kind": "own", "question": "q", "answer": "\udbff"}])])
    ),
}
EXAMPLES |= SPEC_ONLY
EXAMPLES |= {
    "start-final-crlf": doc(ev(start_date="2024-04-13\r\n")),
    "start-leading-newline": doc(ev(start_date="\n2024-04-13")),
    "surrogate-pair": doc(ev(title="emoji \U0001f600", summary="\U0001f680")),
    "unknown-field-lone-surrogate": doc(ev(mood="\ud800", sessions=[talk(x=["\udfff"])])),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_check_agrees_with_the_schema(name: str) -> None:
    assert_agree(EXAMPLES[name])


def test_the_referee_can_tell_the_difference() -> None:
    assert referee().is_valid(EXAMPLES["sample"])
    assert not referee().is_valid(EXAMPLES["qa-neither"])


@pytest.mark.parametrize("name", list(SPEC_ONLY))
def test_where_jsonschema_alone_would_accept_the_spec_refuses(name: str) -> None:
    assert plain_jsonschema().is_valid(SPEC_ONLY[name])
    assert not referee().is_valid(SPEC_ONLY[name])
    assert not ours_accepts(SPEC_ONLY[name])


@pytest.mark.parametrize("version", [1, 2])
def test_the_packaged_schema_is_the_shared_one(version: int) -> None:
    packaged = PACKAGED / f"recap-json-v{version}.schema.json"
    assert json.loads(packaged.read_text(encoding="utf-8")) == normative_schema(version)
    assert schema(version) == normative_schema(version)


def test_each_version_read_has_its_schema_and_version_1_is_one_of_them() -> None:
    assert 1 in SCHEMA_FILES
    for version in SCHEMA_FILES:
        assert schema(version)["properties"]["version"] in (
            {"const": version},
            {"enum": [1, version]},
        )


def test_the_validator_is_compiled_on_first_use_not_at_import() -> None:
    probe = (
        "import sys, recap.cli, recap.interchange.recap_json; "
        "print('fastjsonschema' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    assert done.stdout.strip() == "False"


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
# Each value is of the right kind most of the time, so that about one document in three
# is valid and many fail on one thing only: a lone surrogate or a date with a final
# newline among otherwise valid fields is where jsonschema and the spec part ways.


def mostly(valid: st.SearchStrategy[Json], odd: st.SearchStrategy[Json]) -> st.SearchStrategy[Json]:
    """``valid``, except about once in ten draws ``odd``."""
    return st.integers(0, 9).flatmap(lambda n: odd if n == 0 else valid)


lone_surrogates = st.sampled_from(["\ud800", "a\udfff", "\udbff\udc00", "제목\udc80"])
short_text = st.text(max_size=4)
not_text = st.integers(-1, 1) | st.booleans() | st.just([]) | st.just({})
text_value = mostly(st.none() | short_text, not_text | lone_surrogates)
non_blank = st.text(min_size=1, max_size=4).filter(str.strip)
title_value = mostly(
    non_blank | st.just("x" * 300),
    st.sampled_from(["", " ", "\x1f", "x" * 301]) | not_text | lone_surrogates,
)
date_value = mostly(
    st.sampled_from(["2024-04-13", "2024-02-29"]),
    st.sampled_from(["2024-13-40", "2024-4-13", "", "24-01-01", "2024/04/13", "2024-04-13 "])
    | st.sampled_from(["2024-04-13\n", "2024-04-13\r\n", "\n2024-04-13"])
    | not_text,
)


def maybe_list(item: st.SearchStrategy[Json]) -> st.SearchStrategy[Json]:
    return mostly(st.lists(item, max_size=2), st.none() | short_text | st.just({}))


link_value = mostly(
    st.fixed_dictionaries(
        {"url": mostly(non_blank, st.just("") | not_text)}, optional={"label": text_value}
    ),
    st.just("link") | st.fixed_dictionaries({}, optional={"label": text_value}),
)
qa_value = st.fixed_dictionaries(
    {"kind": mostly(st.sampled_from(["own", "audience"]), st.just("speaker") | not_text)},
    optional={
        "question": mostly(non_blank, text_value),
        "answer": text_value,
        "resolved": mostly(st.booleans(), st.none() | st.integers(0, 1)),
    },
)
session_value = st.fixed_dictionaries(
    {"title": title_value},
    optional={
        "speaker": text_value,
        "notes": text_value,
        "links": maybe_list(link_value),
        "qa": maybe_list(qa_value),
        "extra": text_value,
    },
)
event_value = mostly(
    st.fixed_dictionaries(
        {"title": title_value, "start_date": date_value},
        optional={
            "end_date": mostly(st.none(), date_value),
            "venue": text_value,
            "category": text_value,
            "summary": text_value,
            "tags": maybe_list(mostly(non_blank, st.just("") | not_text | lone_surrogates)),
            "sessions": maybe_list(session_value),
        },
    ),
    st.just("event") | st.fixed_dictionaries({}, optional={"title": title_value}),
)
document_value = st.fixed_dictionaries(
    {
        "format": mostly(st.just("recap"), st.sampled_from(["Recap", ""])),
        "version": mostly(st.just(1), st.sampled_from([2, "1", None, True, 1.0])),
        "events": mostly(st.lists(event_value, max_size=3), st.just({}) | st.none()),
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


# -- the spec's own rules, through parse_document ---------------------------------------

SPEC_ONLY_WORDS = {
    "start-final-newline": ["start_date", r"'2024-04-13\n' is not a date of the form YYYY-MM-DD"],
    "end-final-newline": ["end_date", "is not a date of the form YYYY-MM-DD or null"],
    "title-lone-surrogate": [r'event 1 ("제목 \ud800"): title:', "lone surrogate"],
    "tag-lone-surrogate": ['event 1 ("T")', "tags[1]", "lone surrogate"],
    "notes-lone-surrogate": ["sessions[0].notes", "lone surrogate"],
    "link-label-lone-surrogate": ["sessions[0].links[0].label", "lone surrogate"],
    "answer-lone-surrogate": ["sessions[0].qa[0].answer", "lone surrogate"],
}


def encodings(document: Json) -> dict[str, bytes | str]:
    """The same document as the texts json.loads reads it from."""
    return {
        "escaped": json.dumps(document).encode(),  # \ud800 as six ASCII characters
        "encoded": json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        "utf-16": json.dumps(document).encode("utf-16"),
        "text": json.dumps(document, ensure_ascii=False),
    }


@pytest.mark.parametrize("name", list(SPEC_ONLY_WORDS))
def test_a_spec_only_problem_names_the_event_and_field(name: str) -> None:
    for spelling, source in encodings(SPEC_ONLY[name]).items():
        with pytest.raises(InvalidDocument) as caught:
            parse_document(source)
        for words in SPEC_ONLY_WORDS[name]:
            assert words in str(caught.value), (spelling, str(caught.value))


def test_surrogate_pairs_and_unknown_fields_still_load() -> None:
    fine = doc(
        ev(
            title="웃음 \U0001f600",
            summary="\U0001f680",
            mood="\ud800",
            sessions=[talk(x="\udfff")],
        )
    )
    for spelling, source in encodings(fine).items():
        parsed = parse_document(source)
        assert parsed.events[0].title == "웃음 \U0001f600", spelling
        assert len(parsed.warnings) == 2, spelling


def test_a_schema_problem_comes_before_a_lone_surrogate_further_on() -> None:
    document = doc(ev(title="\ud800"), ev(venue=3))
    with pytest.raises(InvalidDocument, match=r"event 2 \(\"T\"\): venue: must be a string"):
        parse_document(json.dumps(document))


def text_paths(value: Json, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Where a valid document holds a string Recap reads that may be any text."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, list):
        return [
            found for index, item in enumerate(value) for found in text_paths(item, (*path, index))
        ]
    if isinstance(value, dict):
        known = ("format", "kind", "extra")  # two fixed words and an unknown field
        return [
            found
            for key, item in value.items()
            if key not in known
            for found in text_paths(item, (*path, key))
        ]
    return []


@settings(
    database=None,
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(document=document_value, data=st.data())
def test_one_spec_only_flaw_in_a_valid_document_is_refused_by_name(
    document: Json, data: st.DataObject
) -> None:
    """A valid document with one date given a final newline, or one string given a lone
    surrogate: jsonschema alone takes it, the spec and Recap do not, and the message names
    the place, whichever way the JSON text spells the surrogate."""
    assume(referee().is_valid(document))
    paths = text_paths(document)
    assume(paths)
    *parents, last = data.draw(st.sampled_from(paths))
    holder = document
    for step in parents:
        holder = holder[step]
    flaw = (
        "\n"
        if last in ("start_date", "end_date")
        else data.draw(st.sampled_from(["\ud800", "\udfff"]))
    )
    # A date gets a newline after it; a text has its last character (if any) replaced, so
    # that it keeps its length and its one non-blank character.
    value = holder[last]
    holder[last] = value + flaw if flaw == "\n" else value[:-1] + flaw
    assert plain_jsonschema().is_valid(document)
    assert not referee().is_valid(document)
    assert not ours_accepts(document)
    spelling, source = data.draw(st.sampled_from(sorted(encodings(document).items())))
    with pytest.raises(InvalidDocument) as caught:
        parse_document(source)
    assert f"event {parents[1] + 1}" in str(caught.value), spelling  # counted from 1
    field = f"{last}" if isinstance(last, str) else f"[{last}]"
    assert field in str(caught.value), (spelling, str(caught.value))
