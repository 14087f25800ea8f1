"""Hostile input: whatever bytes or text arrive, Recap answers with a RecapError or a
result, never with another exception (that would be a crash), and its HTML stays safe."""

import contextlib
import datetime as dt
import html
import json
import random
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.errors import InvalidDocument, InvalidInput, RecapError
from recap.export.markdown_html import render_markdown
from recap.export.posts import ExportOptions, render_post
from recap.interchange.markdown_import import read_markdown_post
from recap.interchange.recap_json import dump_document, parse_document
from recap.storage.library import Library, open_library

# No example database: it would leave a .hypothesis folder in the working tree.
fuzz = settings(
    database=None,
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# -- recap-json -------------------------------------------------------------------------


@fuzz
@given(st.binary(max_size=400))
@example(b"\xef\xbb\xbf{}")
@example(b"\xff\xfe{\x00}\x00")  # UTF-16 with a BOM: json.loads detects it
@example(b'{"format":"recap","version":1,"events":[]}\xed\xa0\x80')
def test_any_bytes_are_a_document_or_invalid_document(data: bytes) -> None:
    with contextlib.suppress(InvalidDocument):
        parse_document(data)


# JSON documents that json.loads accepts but Python cannot represent: they must be
# refused as InvalidDocument, not crash with ValueError / RecursionError.
PATHOLOGICAL_JSON = {
    "huge-integer-top-level": b"1" * 5000,
    "huge-integer-in-event": (
        b'{"format":"recap","version":1,"events":[{"title":"t","start_date":"2024-01-01",'
        b'"venue":' + b"9" * 5000 + b"}]}"
    ),
    "huge-version": b'{"format":"recap","version":' + b"1" * 4301 + b',"events":[]}',
    "deep-array": b"[" * 100_000 + b"]" * 100_000,
    "deep-object-in-event": (
        b'{"format":"recap","version":1,"events":[{"title":"t","start_date":"2024-01-01",'
        b'"summary":' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"}]}"
    ),
}


@pytest.mark.parametrize("data", PATHOLOGICAL_JSON.values(), ids=PATHOLOGICAL_JSON.keys())
def test_json_python_cannot_hold_is_an_invalid_document(data: bytes) -> None:
    with pytest.raises(InvalidDocument):
        parse_document(data)


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**300), max_value=10**300),
    st.sampled_from([0, -1, 2**63, -(2**63) - 1, 2**64]),
    st.floats(allow_nan=True, allow_infinity=True),  # dumped as NaN / Infinity, which json reads
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "", " ", "\x00", "\u200b", "가\u0301", "\ufeff"]),
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
# Text a check might trip over; lone surrogates are the one kind that must be refused.
odd_strings = st.sampled_from(
    ["\x00", "  ", "\u3000", "가" * 301, "a" * 300, "e\u0301", "제목", "\u200b", "\ufeff", "<b>"]
)
surrogates = st.sampled_from(["\ud800", "x\udbff", "\udfff가"])


def rarely(
    common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any], one_in: int = 25
) -> st.SearchStrategy[Any]:
    """``common``, except about once in ``one_in`` draws ``rare``."""
    return st.integers(0, one_in - 1).flatmap(lambda n: rare if n == 0 else common)


weird_strings = rarely(odd_strings, surrogates, 6)
titles = rarely(st.text(min_size=1, max_size=30).filter(str.strip), weird_strings, 8)
unusual_dates = st.sampled_from(
    [
        "2024-04-13",
        "0001-01-01",
        "9999-12-31",
        "0000-01-01",
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "2024-4-13",
        "２０２４-04-13",  # full-width digits: \d would match them, [0-9] must not
        "٢٠٢٤-٠٤-١٣",
        "2024-04-13T00:00",
        "",
    ]
)
iso_dates = st.dates().map(lambda day: day.isoformat())
dates = rarely(iso_dates | st.just("2024-04-13"), unusual_dates, 6)


def field(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value (to get past the first checks), rarely any JSON value."""
    return rarely(valid, json_values, 40)


def record_like(
    fields: dict[str, st.SearchStrategy[Any]], required: tuple[str, ...] = ()
) -> st.SearchStrategy[Any]:
    """An object with ``required`` and some other ``fields`` (each plausible or, rarely,
    random), perhaps an unknown one; rarely not an object at all."""
    obj = st.fixed_dictionaries(
        {name: field(fields[name]) for name in required},
        optional={
            name: field(strategy) for name, strategy in fields.items() if name not in required
        }
        | {"unknown": json_values},
    )
    return rarely(obj, json_values, 40)


optional_text = st.none() | st.text(max_size=20) | weird_strings
links = record_like(
    {"url": st.text(max_size=20) | weird_strings, "label": optional_text}, required=("url",)
)
qa = record_like(
    {
        "kind": st.sampled_from(["audience", "own", "Audience", ""]),
        "question": optional_text,
        "answer": optional_text,
        "resolved": st.booleans(),
    },
    required=("kind", "question"),
)
sessions = record_like(
    {
        "title": titles,
        "speaker": optional_text,
        "affiliation": optional_text,
        "impression": optional_text,
        "notes": optional_text,
        "links": st.lists(links, max_size=3),
        "qa": st.lists(qa, max_size=3),
    },
    required=("title",),
)
events = record_like(
    {
        "title": titles,
        "start_date": dates,
        "end_date": st.none() | dates,
        "venue": optional_text,
        "host": optional_text,
        "url": optional_text,
        "found_via": optional_text,
        "category": optional_text | st.just(" "),
        "tags": st.lists(
            st.text(min_size=1, max_size=10) | weird_strings | st.just("TAG"), max_size=4
        ),
        "summary": optional_text,
        "sessions": st.lists(sessions, max_size=3),
    },
    required=("title", "start_date"),
)
documents = st.fixed_dictionaries(
    {
        "format": rarely(st.just("recap"), json_values | st.just("Recap"), 15),
        "version": rarely(st.just(1), st.sampled_from([1.0, True, "1", 2, 0, None]), 15),
        "events": field(st.lists(events, max_size=4)),
    },
    optional={"extra": json_values},
)


def load_or_refuse(library_path_factory: Any, data: bytes) -> None:
    """parse_document, then load the events into a fresh library: RecapError or success."""
    try:
        parsed = parse_document(data)
    except InvalidDocument:
        event("refused by parse_document")
        return
    event(f"parsed, {min(len(parsed.events), 2)}+ events")
    library = library_path_factory()
    try:
        result = library.load_records(parsed.events)
    except RecapError:
        event("refused by load_records")
        return
    finally:
        library.close()
    assert result.added + result.skipped == len(parsed.events)


@pytest.fixture
def fresh_library(tmp_path: Any) -> Any:
    """Opens a new, empty library file for each hypothesis example."""
    counter = iter(range(1_000_000))

    def opener() -> Library:
        return open_library(tmp_path / f"fuzz-{next(counter)}.db")

    return opener


@fuzz
@given(document=documents, ensure_ascii=st.booleans())
def test_json_shaped_documents_parse_and_load_or_are_refused(
    fresh_library: Any, document: dict[str, Any], ensure_ascii: bool
) -> None:
    # ensure_ascii=True writes lone surrogates as \ud800; False leaves them raw,
    # which surrogatepass turns into bytes no UTF-8 decoder accepts.
    text = json.dumps(document, ensure_ascii=ensure_ascii)
    load_or_refuse(fresh_library, text.encode("utf-8", "surrogatepass"))


@fuzz
@given(document=documents)
def test_the_library_fixture_takes_whatever_parses(
    library: Library, document: dict[str, Any]
) -> None:
    """The same, loading into the shared ``library`` fixture (events may pile up: the
    second time an event arrives it is skipped, which must not fail either)."""
    try:
        parsed = parse_document(json.dumps(document))
    except InvalidDocument:
        return
    with contextlib.suppress(RecapError):
        library.load_records(parsed.events)


# -- markdown posts ------------------------------------------------------------------------

SAMPLE_EVENT = EventRecord(
    title="안드로이드 개발자 밤 #7 - Compose *deep* dive",
    start_date=dt.date(2024, 4, 13),
    end_date=dt.date(2024, 4, 14),
    venue="서울 강남구 어딘가",
    host="GDG Seoul",
    url="https://example.org/행사?a=1&b=2",
    found_via="지인 추천",
    category="Study",
    tags=["android", "안드로이드", "compose"],
    summary="첫 줄 요약.\n\n- 목록\n- **굵게**",
    sessions=[
        SessionRecord(
            title="Compose 성능 - 측정부터",
            speaker="김개발, Lee",
            affiliation="(Recap Lab)",
            impression="가장 재밌던 발표",
            notes="# 메모\n\n```kotlin\nval x = 1\n```\n\n> 인용\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |",
            links=[LinkRecord(url="https://example.org/slides", label="슬라이드")],
            qa=[
                QARecord(kind="audience", question="질문?", answer="답변.", resolved=True),
                QARecord(kind="own", question="내 궁금증", resolved=False),
            ],
        ),
        SessionRecord(title="Second talk", notes="plain notes"),
    ],
)
POSTS = [
    render_post(SAMPLE_EVENT, ExportOptions(language=language, front_matter=style)).encode()
    for language in ("ko", "en")
    for style in ("none", "jekyll", "hugo")
]
INTERESTING_BYTES = [
    b"\x00",
    b"\xff",
    b"\xc0\x80",  # overlong NUL
    b"\xed\xa0\x80",  # an encoded surrogate
    b"\xef\xbb\xbf",
    b"\r",
    b"\n",
    b"\r\n",
    b"---\n",
    b"\n---\n",
    b"\xe2\x80\xa8",  # LINE SEPARATOR: str.splitlines() splits on it, "\n" does not
    b"\x85",
    b"\xc2\x85",  # NEXT LINE (U+0085)
    b"\x0c",
    b"\x1c",
    b"## \\<",
    b"- ",
    b"  ",
    b"- (Q&A) ",
    b"\xe2\x86\x92 ",
    b"[",
    b"](",
    b"!!python/object:os.system ",
    b"&#0;",
    b"{{",
    b"*",
    b"9" * 30,
]


@fuzz
@given(post=st.sampled_from(POSTS), seed=st.integers(0, 2**32))
def test_byte_level_damaged_posts_are_an_event_or_invalid_input(post: bytes, seed: int) -> None:
    """Real exported posts (front matter, Korean, Q&A, links), damaged byte by byte:
    flipped bits, deleted runs, inserted control and multi-byte sequences, truncation."""
    rng = random.Random(seed)
    data = bytearray(post)
    for _ in range(rng.randint(1, 12)):
        where = rng.randrange(len(data) + 1)
        action = rng.choice(["flip", "delete", "insert", "replace", "duplicate", "truncate"])
        if action == "flip" and where < len(data):
            data[where] ^= 1 << rng.randrange(8)
        elif action == "delete":
            del data[where : where + rng.randint(1, 16)]
        elif action == "insert":
            data[where:where] = rng.choice(INTERESTING_BYTES)
        elif action == "replace" and where < len(data):
            data[where] = rng.randrange(256)
        elif action == "duplicate":
            start = rng.randrange(len(data) + 1)
            data[where:where] = data[start : start + rng.randint(1, 64)]
        elif action == "truncate":
            del data[where:]
    try:
        record = read_markdown_post(bytes(data), "damaged.md")
    except InvalidInput as error:
        assert str(error).startswith("damaged.md")
        assert "\n" not in str(error)
    else:
        assert isinstance(record, EventRecord)


@pytest.mark.parametrize("post", POSTS[:2], ids=["ko", "ko-jekyll"])
@pytest.mark.parametrize(
    "separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]
)
def test_unicode_line_breaks_in_a_post_are_an_event_or_invalid_input(
    post: bytes, separator: str
) -> None:
    """Characters str.splitlines() treats as line breaks but "\\n" splitting does not."""
    text = post.decode().replace("\n", separator, 3)
    for candidate in (text, post.decode().replace("\n\n", "\n" + separator + "\n")):
        try:
            record = read_markdown_post(candidate.encode(), "breaks.md")
        except InvalidInput as error:
            assert str(error).startswith("breaks.md")
            assert "\n" not in str(error) and separator not in str(error)
        else:
            assert isinstance(record, EventRecord)


# -- the HTML sanitiser ----------------------------------------------------------------------

FRAGMENTS = [
    "<script>",
    "</script>",
    "<SCRIPT SRC=//x.example/x.js>",
    "<scr<script>ipt>",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "java&#x09;script:",
    "&#106;avascript:",
    "&#x6A;avascript&#x3A;",
    "&#0000106&#0000097vascript:",
    "vbscript:",
    "data:text/html,",
    "onerror=",
    " onload=",
    "ONCLICK=",
    "onmouseover=alert(1)//",
    "<img",
    "<img src=x onerror=alert(1)>",
    "<svg",
    "<svg/onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<a href=",
    '<a href="',
    "<a href='",
    "<iframe src=",
    "<object data=",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&#106;",
    "&lt;",
    "&",
    '"',
    "'",
    "`",
    "```",
    "```html\n",
    "\n",
    "\n\n",
    "    ",
    " ",
    ">",
    "/",
    "=",
    "(",
    ")",
    "[x](",
    "![x](",
    "<",
    "alert(1)",
    "x",
    "| a |\n|---|\n",
    "- ",
]
hostile_text = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join)


class _Collector(HTMLParser):
    """Every tag and attribute in the output, with values already unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def squeeze(value: str) -> str:
    """What a browser makes of a URL: entities decoded, whitespace and controls dropped."""
    value = html.unescape(value)
    return "".join(char for char in value if char > " " and char != "\x7f").lower()


SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see in an href/src value (None: a relative URL)."""
    found = SCHEME.match(squeeze(value))
    return found.group(1) if found else None


@fuzz
@given(hostile_text)
@example('<a href="java&#x09;script:alert(1)">x</a>')
@example("[x](javascript:alert(1))")
@example("<img src=x onerror=alert(1)>")
@example("```\n<script>alert(1)</script>\n```")
@example('<a href="&#106;avascript:alert(1)">x</a>')
def test_rendered_markdown_holds_no_script(text: str) -> None:
    output = render_markdown(text)

    # Raw "<script" (escaped text shows as &lt;script, which is harmless).
    assert "<script" not in output.lower()
    parsed = _Collector()
    parsed.feed(output)
    parsed.close()
    assert not {"script", "iframe", "object", "embed", "svg", "math", "style"} & set(parsed.tags)
    for name, value in parsed.attributes:
        assert not name.lower().startswith("on"), (name, value, output)
        if name in ("href", "src"):
            assert url_scheme(value) in (None, "http", "https", "mailto"), (value, output)
    # "javascript:" may still appear, but only as text, never inside a tag.
    for tag in re.findall(r"<[^>]*>", output):
        assert not re.search(r"""=["']?javascript:""", squeeze(tag)), (tag, output)


def test_dump_of_parsed_fuzz_sample_round_trips() -> None:
    """A sanity anchor for the strategies above: a valid document parses and loads."""
    document = dump_document([SAMPLE_EVENT])
    parsed = parse_document(document.encode())
    assert [event.title for event in parsed.events] == [SAMPLE_EVENT.title]
