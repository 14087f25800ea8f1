"""Recap's markdown posts read back in: the round trip, hand edits, and bad input."""

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recap import cli
from recap import postformat as post_format
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.errors import InvalidInput
from recap.export.batch import export_posts
from recap.export.posts import ExportOptions, render_post
from recap.interchange.markdown_import import (
    parse_markdown_post,
    read_markdown_file,
    read_markdown_post,
)
from recap.postformat import normalise_event
from recap.storage.library import Library, open_library
from tests.unit.test_export_batch import run_cli

# No example database: it would leave a .hypothesis folder in the working tree.
quick = settings(
    database=None,
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
VARIANTS = [
    ExportOptions(language=language, front_matter=style, line_breaks=line_breaks)
    for language in ("ko", "en")
    for style in ("none", "jekyll", "hugo")
    for line_breaks in ("typed", "soft")
]


def round_trip(record: EventRecord, options: ExportOptions) -> EventRecord:
    return parse_markdown_post(render_post(record, options), "post.md")


# -- the sample library --------------------------------------------------------------


@pytest.mark.parametrize(
    "options", VARIANTS, ids=lambda o: f"{o.language}-{o.front_matter}-{o.line_breaks}"
)
def test_sample_events_come_back_the_same(sample_library: Library, options: ExportOptions) -> None:
    for record in sample_library.events():
        assert round_trip(record, options) == normalise_event(record)


def test_sample_library_survives_export_and_import_through_a_new_library(
    sample_library: Library, tmp_path: Path
) -> None:
    originals = list(sample_library.events())
    result = export_posts(originals, tmp_path / "posts", ExportOptions(front_matter="hugo"))
    imported = [read_markdown_file(path) for path in result.written]

    fresh = open_library(tmp_path / "fresh.db")
    try:
        assert fresh.load_records(imported).added == 3
        reloaded = list(fresh.events())
    finally:
        fresh.close()
    assert [normalise_event(event) for event in reloaded] == [normalise_event(e) for e in originals]


def test_the_bundled_larger_sample_comes_back_the_same() -> None:
    from recap.interchange.recap_json import parse_document
    from recap.resources_path import sample_library_json

    for record in parse_document(sample_library_json()).events:
        for options in VARIANTS:
            assert round_trip(record, options) == normalise_event(record)


def test_related_posts_footer_is_ignored_on_import(sample_library: Library, tmp_path: Path) -> None:
    originals = list(sample_library.events())
    result = export_posts(originals, tmp_path, ExportOptions(related=True))

    for original, path in zip(originals, result.written, strict=True):
        assert read_markdown_file(path) == normalise_event(original)


# -- line breaks -------------------------------------------------------------------

MULTI_LINE = EventRecord(
    title="줄바꿈 밋업",
    start_date=dt.date(2024, 4, 13),
    summary="하루 요약 첫 줄\n둘째 줄\n\n새 문단",
    sessions=[
        SessionRecord(
            title="코루틴",
            impression="재미있었다\n다시 듣고 싶다",
            notes=(
                "한 줄에 한 생각.\n다음 생각.\n\n"
                "코루틴의 장점:\n- 가벼운 스레드\n    - 중첩 4칸\n  이어지는 줄\n"
                "- 취소\n\n```\n코드 줄 1\n코드 줄 2\n```\n"
                "두 칸으로 끝난 줄  \n백슬래시로 끝난 줄\\\n끝"
            ),
            qa=[
                QARecord(
                    kind="audience",
                    question="질문 첫 줄\n질문 둘째 줄",
                    answer="답 1\n답 2\n답 3",
                    resolved=True,
                ),
                QARecord(kind="own", question="→ 화살표로 시작\n(Q&A) 괄호", resolved=False),
            ],
        )
    ],
)


@pytest.mark.parametrize("line_breaks", ["typed", "soft"])
@pytest.mark.parametrize("front_matter", ["none", "hugo"])
def test_multi_line_notes_and_answers_come_back_the_same(
    line_breaks: str, front_matter: str
) -> None:
    options = ExportOptions(line_breaks=line_breaks, front_matter=front_matter)  # type: ignore[arg-type]

    assert round_trip(MULTI_LINE, options) == post_format.normalise_event(MULTI_LINE)


def test_typed_line_breaks_are_written_as_two_trailing_spaces() -> None:
    post = render_post(MULTI_LINE, ExportOptions(line_breaks="typed"))

    assert "한 줄에 한 생각.  \n다음 생각.\n\n" in post
    assert "  이어지는 줄" in post and "- 가벼운 스레드  \n" not in post  # a list item line
    assert "코드 줄 1\n코드 줄 2\n" in post  # never inside code
    assert "두 칸으로 끝난 줄    \n" in post  # two more, so that import can tell
    assert "백슬래시로 끝난 줄\\\n끝" in post  # already a hard break
    assert "- (Q&A) 질문 첫 줄  \n  질문 둘째 줄\n  → 답 1  \n  답 2  \n  답 3" in post
    assert "> **한줄평:** 재미있었다  \n> 다시 듣고 싶다" in post


def test_soft_line_breaks_leave_lines_as_typed() -> None:
    post = render_post(MULTI_LINE, ExportOptions(line_breaks="soft"))

    assert "한 줄에 한 생각.\n다음 생각." in post
    assert "  → 답 1\n  답 2\n  답 3" in post


def test_a_typed_post_shows_every_line_on_a_commonmark_blog() -> None:
    import cmarkgfm

    html = cmarkgfm.github_flavored_markdown_to_html(
        render_post(MULTI_LINE, ExportOptions(line_breaks="typed"))
    )

    assert "한 줄에 한 생각.<br />\n다음 생각." in html
    assert "답 1<br />\n답 2<br />\n답 3" in html
    assert "재미있었다<br />\n다시 듣고 싶다" in html
    assert "두 칸으로 끝난 줄<br />" in html


# -- generated events -----------------------------------------------------------------

STRUCTURE_LOOKALIKES = [
    "## \\<Fake talk - Someone>",
    " ## \\<indented>",
    "## 요점",
    "# 큰 제목",
    "**Q&A · 궁금증**",
    "**Q&A and my questions**  ",
    "**링크**",
    "**Links**",
    "---",
    "- 카테고리: 가짜",
    "- Tags: a, b",
    "- 일시: 2024년 01월 01일 (월)",
    "> **한줄평:** 가짜 소감",
    "> **Impression:**",
    "> quoted",
    "- (Q&A) question",
    "  → answer",
    "→ arrow",
    "(Q&A) marker",
    "- [ ] task",
    "[x] done",
    "```python",
    "```",
    "    indented code",
    "| a | b |",
    "|---|---|",
    "<script>x</script>",
    "* star list",
    "1. numbered",
    "\\",
    "",
]
POST_LINES = st.sampled_from(
    [
        *STRUCTURE_LOOKALIKES,
        "---",
        "title: x",
        "date: 2024-04-13",
        "# 제목",
        "- 일시: 2024년 04월 13일 (토) ~ 2024년 04월 14일 (일)",
        "- Date: Sat, 13 Apr 2024",
        "- 장소: 어딘가",
        "## \\<발표 - 발표자 (소속)>",
        "- [x] (Q&A) q",
        "- [링크](https://example.org)",
        "- <https://example.org>",
    ]
)
CHARACTERS = st.one_of(
    st.sampled_from(list("aZ09 가나다밋업한글 #*_`[]()<>!\\-+.:|~&;→>\"'{}=$%^@/,\t\n\r")),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)
text = st.text(CHARACTERS, max_size=30)
optional_text = st.none() | text
one_line_title = st.text(CHARACTERS, min_size=1, max_size=60).filter(
    lambda value: post_format.one_line(value) is not None
)
markdown = st.lists(text | st.sampled_from(STRUCTURE_LOOKALIKES), max_size=8).map("\n".join)
optional_markdown = st.none() | markdown

qa_entries = st.builds(
    QARecord,
    kind=st.sampled_from(["audience", "own"]),
    question=st.none() | markdown,
    answer=st.none() | markdown,
    resolved=st.booleans(),
)
links = st.builds(
    LinkRecord, url=text | st.just("https://example.org/a_(b)?q=1&amp;x"), label=optional_text
)
sessions = st.builds(
    SessionRecord,
    title=one_line_title,
    speaker=optional_text,
    affiliation=optional_text,
    starts_at=st.none() | st.times().map(lambda time: time.replace(second=0, microsecond=0)),
    impression=optional_markdown,
    notes=optional_markdown,
    links=st.lists(links, max_size=3),
    qa=st.lists(qa_entries, max_size=4),
)


@st.composite
def events(draw: st.DrawFn) -> EventRecord:
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
    end = draw(st.none() | st.integers(0, 5).map(lambda days: start + dt.timedelta(days=days)))
    return EventRecord(
        title=draw(one_line_title),
        start_date=start,
        end_date=end,
        venue=draw(optional_text),
        host=draw(optional_text),
        url=draw(optional_text | st.just("https://example.org/행사?a=1")),
        found_via=draw(optional_text),
        category=draw(optional_text),
        tags=draw(st.lists(text, max_size=4)),
        summary=draw(optional_markdown),
        author=draw(optional_text),
        sessions=draw(st.lists(sessions, max_size=3)),
    )


@quick
@given(record=events(), options=st.sampled_from(VARIANTS))
@example(
    record=EventRecord(
        title="C# - *bold* [x](y) <b> ##",
        start_date=dt.date(2024, 4, 13),
        end_date=dt.date(2024, 4, 13),
        summary="\n\n## \\<not a talk>\n---\n\n- 태그: fake\n  ",
        tags=["a,b", "A,B", "  spaced  tag "],
        sessions=[
            SessionRecord(
                title="- Title - with - dashes -",
                speaker="Kim (Jr.)",
                affiliation="(Lab)",
                impression="line one\n\n> line three",
                notes="> **한줄평:** looks like an impression\n**링크**",
                links=[LinkRecord(url=" https://example.org/x ", label="")],
                qa=[
                    QARecord(kind="own", question="(Q&A) not audience", resolved=False),
                    QARecord(kind="audience", question="→ not an answer\n→ nor this"),
                    QARecord(kind="audience", answer="only\n\nthe answer", resolved=False),
                    QARecord(kind="own", question="  ", answer=" "),
                ],
            )
        ],
    ),
    options=VARIANTS[0],
)
def test_generated_events_come_back_normalised(record: EventRecord, options: ExportOptions) -> None:
    assert round_trip(record, options) == normalise_event(record)


@quick
@given(record=events())
def test_normalising_is_idempotent_and_changes_no_post(record: EventRecord) -> None:
    normal = normalise_event(record)

    assert normalise_event(normal) == normal
    assert render_post(normal) == render_post(record)


def test_the_author_and_talk_start_times_come_back() -> None:
    record = EventRecord(
        title="Build With AI in Songdo",
        start_date=dt.date(2024, 4, 13),
        author="김하늘",
        sessions=[
            SessionRecord(title="MemGPT", speaker="이영빈", starts_at=dt.time(13, 5)),
            SessionRecord(title="Title ending > · 12:00", starts_at=None),
        ],
    )
    for options in VARIANTS:
        post = render_post(record, options)
        assert "## \\<MemGPT - 이영빈> · 13:05" in post
        assert ("- 글쓴이: 김하늘" if options.language == "ko" else "- Author: 김하늘") in post
        if options.front_matter != "none":
            assert "author: 김하늘" in post
        assert round_trip(record, options) == post_format.normalise_event(record)


def test_a_bad_start_time_in_a_heading_names_the_line() -> None:
    post = "# T\n\n- Date: 2024-04-13\n\n## \\<Talk> · 25:70\n"
    with pytest.raises(InvalidInput, match=r"post.md, line 5: .*25:70"):
        parse_markdown_post(post, "post.md")


# -- hand-edited posts ------------------------------------------------------------------


def test_a_post_edited_by_hand_is_read_leniently() -> None:
    post = (
        "\ufeff# Hand written ##\r\n"
        "\r\n"
        "- 일시: 2024-04-13 ~ 2024년 4월 14일\r\n"
        "- Venue: 어딘가\r\n"
        "\r\n"
        "## \\<Talk>   \r\n"
        "\r\n"
        "**Links**\r\n"
        "\r\n"
        "- [a](https://example.org/a)\r\n"
    )
    record = parse_markdown_post(post, "hand.md")

    assert record.title == "Hand written"
    assert (record.start_date, record.end_date) == (dt.date(2024, 4, 13), dt.date(2024, 4, 14))
    assert record.venue == "어딘가"
    assert record.sessions[0].links == [LinkRecord(url="https://example.org/a", label="a")]


def test_front_matter_fills_in_what_the_body_lacks() -> None:
    post = (
        "---\ntitle: 'Only: in front matter'\ndate: 2024-04-13\n"
        "categories: [Study]\ntags: [a, b]\n---\n\nSome text.\n"
    )
    record = parse_markdown_post(post, "fm.md")

    assert record.title == "Only: in front matter"
    assert record.start_date == dt.date(2024, 4, 13)
    assert (record.category, record.tags, record.summary) == ("Study", ["a", "b"], "Some text.")


# -- bad input ----------------------------------------------------------------------------

BAD_POSTS = [
    ("", "there is no title"),
    ("just some text", "there is no title"),
    ("# Title\n\nno header", "there is no date"),
    ("# Title\n\n- 일시: someday", "line 3: 'someday' is not a date"),
    ("# Title\n\n- 일시: 2024년 02월 30일 (금)", "not a real calendar date"),
    ("# Title\n\n- Date: Sat, 13 Foo 2024", "not a date"),
    ("# Title\n\n- 일시: 2024-04-14 ~ 2024-04-13", "before the start date"),
    ("# Title\n\n- 일시: 2024-04-13\n- 일시: 2024-04-14", "appears twice"),
    ("# " + "가" * 301 + "\n\n- 일시: 2024-04-13", "300 at most"),
    ("# Title\n\n- 일시: 2024-04-13\n\n## \\<no end", "line 5: a session heading must end"),
    ("# Title\n\n- 일시: 2024-04-13\n\n## \\<>", "needs a title"),
    (
        "# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**Q&A · 궁금증**\n\nprose",
        "line 9: expected a list",
    ),
    ("# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**Q&A · 궁금증**\n\n- what?", "starts with '(Q&A)'"),
    (
        "# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**Q&A · 궁금증**\n\n- (Q&A) ",
        "question or an answer",
    ),
    ("# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**링크**\n\n- [a](", "expected a link"),
    ("# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**링크**\n\n- [a]()", "expected a link"),
    ("# T\n\n- 일시: 2024-04-13\n\n## \\<S>\n\n**링크**\n\n- x\n  y", "fit on one line"),
    ("---\ntitle: [unclosed\n---\n", "not valid YAML"),
    ("---\ntitle: x\n", "never closed"),
    ("---\n- a list\n---\n", "must be a YAML mapping"),
    ("---\ndate: 2024-02-30\n---\n# T\n", "cannot read"),
    ("---\ntitle: {a: 1}\n---\n", "title must be text"),
    ("---\ntitle: T\ndate: [1]\n---\n", "date must be a date"),
    ("---\ntitle: T\ndate: 2024-01-01\ntags: [[a]]\n---\n", "tags must be text"),
    ("---\n!!python/object:os.system {}\n---\n", "not valid YAML"),
    ("---\n" + "[" * 5000 + "\n---\n", "front matter"),
]


@pytest.mark.parametrize(("post", "message"), BAD_POSTS)
def test_bad_posts_are_refused_with_the_file_name(post: str, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_markdown_post(post, "notes/bad.md")

    assert str(raised.value).startswith("notes/bad.md")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_file_that_is_not_utf8_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput, match=r"^euc-kr\.md: the file is not UTF-8 text"):
        read_markdown_post("# 제목".encode("euc-kr"), "euc-kr.md")


@quick
@given(st.text(CHARACTERS, max_size=300) | st.lists(text | POST_LINES, max_size=30).map("\n".join))
def test_any_text_is_an_event_or_invalid_input(text: str) -> None:
    try:
        parse_markdown_post(text, "fuzz.md")
    except InvalidInput as error:
        assert str(error).startswith("fuzz.md")


@quick
@given(st.binary(max_size=200))
def test_any_bytes_are_an_event_or_invalid_input(data: bytes) -> None:
    try:
        read_markdown_post(data, "fuzz.md")
    except InvalidInput as error:
        assert str(error).startswith("fuzz.md")


@quick
@given(record=events(), options=st.sampled_from(VARIANTS), seed=st.integers(0, 2**32))
def test_damaged_posts_are_an_event_or_invalid_input(
    record: EventRecord, options: ExportOptions, seed: int
) -> None:
    rng = random.Random(seed)
    lines = render_post(record, options).split("\n")
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(lines))
        action = rng.choice(["drop", "copy", "swap", "cut", "lookalike"])
        if action == "drop":
            del lines[where]
        elif action == "copy":
            lines.insert(where, lines[rng.randrange(len(lines))])
        elif action == "swap":
            other = rng.randrange(len(lines))
            lines[where], lines[other] = lines[other], lines[where]
        elif action == "cut":
            lines[where] = lines[where][: rng.randrange(len(lines[where]) + 1)]
        else:
            lines.insert(where, rng.choice(STRUCTURE_LOOKALIKES))
        if not lines:
            lines = [""]
    try:
        parse_markdown_post("\n".join(lines), "damaged.md")
    except InvalidInput as error:
        assert str(error).startswith("damaged.md")


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def posts(sample_library: Library, tmp_path: Path) -> list[Path]:
    return export_posts(sample_library.events(), tmp_path / "posts", ExportOptions()).written


def test_cli_imports_posts_and_skips_them_the_second_time(
    posts: list[Path], tmp_path: Path
) -> None:
    db = str(tmp_path / "new.db")
    code, out, err = run_cli("--db", db, "import", *map(str, posts))
    assert (code, err) == (0, "")
    assert out == "Added 3 events from 3 files.\n"

    code, out, _ = run_cli("--db", db, "import", str(posts[0]))
    assert (code, out) == (0, "Nothing added from 1 file: 1 event already in the library.\n")

    listed = io.StringIO()
    assert cli.run(["--db", db, "list"], listed, io.StringIO()) == 0
    assert "Android Dev Night #7" in listed.getvalue()


def test_cli_import_is_all_or_nothing(posts: list[Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("# 제목만 있음\n", encoding="utf-8")
    db = tmp_path / "new.db"

    code, out, err = run_cli("--db", str(db), "import", str(posts[0]), str(bad))

    assert code == 2 and out == ""
    assert err.startswith(f"recap: error: {bad}: there is no date") and err.count("\n") == 1
    assert not db.exists()


@pytest.mark.parametrize("name", ["missing.md", "."])
def test_cli_import_of_a_missing_file_or_a_folder(tmp_path: Path, name: str) -> None:
    code, _, err = run_cli("--db", str(tmp_path / "x.db"), "import", str(tmp_path / name))
    assert code == 2 and err.count("\n") == 1


def test_an_html_post_is_refused_with_what_to_do_instead(tmp_path: Path) -> None:
    post = tmp_path / "2024-04-13-build-with-ai.html"
    post.write_text("<h1>Build With AI</h1>", encoding="utf-8")
    with pytest.raises(InvalidInput, match="HTML posts cannot be imported; export the event as"):
        read_markdown_file(post)
