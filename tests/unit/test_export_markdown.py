"""Markdown posts: golden files for the sample library, front matter, escaping, templates.

Golden files live in tests/data/export/. After a deliberate change to the output,
rewrite them with ``RECAP_UPDATE_GOLDEN=1 pytest tests/unit -k export`` and review
the diff like any other change.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from recap import postformat as post_format
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.export.posts import ExportOptions, render_post
from recap.export.templates import TemplateProblem, user_templates_dir
from recap.storage.library import Library
from tests.conftest import DATA_DIR

GOLDEN_DIR = DATA_DIR / "export"
UPDATE_GOLDEN = bool(os.environ.get("RECAP_UPDATE_GOLDEN"))
LANGUAGES = ("ko", "en")
FRONT_MATTER = ("none", "jekyll", "hugo")


def golden(name: str, text: str) -> None:
    path = GOLDEN_DIR / name
    if UPDATE_GOLDEN:
        GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {name}; run with RECAP_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


def sample_events(library: Library) -> list[EventRecord]:
    events = list(library.events())
    assert len(events) == 3
    return events


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    end = text.index("\n---\n", 4)
    data = yaml.safe_load(text[4:end])
    assert isinstance(data, dict)
    return data, text[end + 5 :]


def event(**changes: object) -> EventRecord:
    base = EventRecord(title="밋업", start_date=dt.date(2024, 4, 13))
    for name, value in changes.items():
        setattr(base, name, value)
    return base


# -- golden files ------------------------------------------------------------------


@pytest.mark.parametrize("front_matter", FRONT_MATTER)
@pytest.mark.parametrize("language", LANGUAGES)
def test_sample_posts_match_golden_files(
    sample_library: Library, language: str, front_matter: str
) -> None:
    options = ExportOptions(language=language, front_matter=front_matter)  # type: ignore[arg-type]
    for record in sample_events(sample_library):
        text = render_post(record, options)
        golden(f"{record.start_date}.{language}.{front_matter}.md", text)


def test_korean_post_reads_like_a_recap(sample_library: Library) -> None:
    android = sample_events(sample_library)[0]
    text = render_post(android, ExportOptions(language="ko"))

    assert text.startswith("# Android Dev Night #7\n\n- 일시: 2024년 03월 21일 (목)\n")
    assert "- 장소: 판교 스타트업 캠퍼스 2층\n- 주최: 안드로이드 개발자 모임\n" in text
    assert "- 알게 된 경로: 사내 슬랙 공지\n" in text
    assert "## \\<ExoPlayer 캐시로 데이터 요금 줄이기 - 김하늘 (모바일팀)>\n" in text
    assert "> **한줄평:** 캐시 키 설계 부분이 특히 유용했다.\n" in text
    assert android.sessions[0].notes is not None
    assert android.sessions[0].notes in text  # the notes as written
    assert (
        "- (Q&A) 캐시가 가득 차면 재생 중인 파일도 지워지나요?\n"
        "  → 재생 중인 구간은 잠겨 있어서 지워지지 않는다.\n"
    ) in text
    assert "- [ ] 프리로드는 어느 시점에 시작하는 게 좋을까?\n" in text  # open, own
    assert "- [Media3 문서](https://example.org/media3-cache)\n" in text
    assert text.endswith(
        "---\n\n- 카테고리: TIL - 메모\n- 태그: android, ExoPlayer, video caching\n"
    )


def test_english_labels_and_multi_day_dates(sample_library: Library) -> None:
    pydata = sample_events(sample_library)[1]
    text = render_post(pydata, ExportOptions(language="en"))

    assert "- Date: Thu, 30 May 2024 – Fri, 31 May 2024\n" in text
    assert "- Venue: COEX Hall E\n- Host: PyData Seoul\n- Found via: newsletter\n" in text
    assert "> **Impression:** The clearest explanation" in text
    assert "**Q&A and my questions**" in text
    assert "- Category: Conference\n- Tags: Python, LLM, doc2vec\n" in text


def test_korean_multi_day_dates_show_both_days() -> None:
    text = render_post(event(end_date=dt.date(2024, 4, 14)), ExportOptions(language="ko"))

    assert "- 일시: 2024년 04월 13일 (토) ~ 2024년 04월 14일 (일)\n" in text


def test_answer_alone_and_open_audience_question() -> None:
    talk = SessionRecord(
        title="발표",
        qa=[
            QARecord(kind="audience", answer="답만 적어둠", resolved=True),
            QARecord(kind="audience", question="아직 답 없음", resolved=False),
            QARecord(kind="own", question="해결한 궁금증", answer="찾아봄", resolved=True),
        ],
    )
    text = render_post(event(sessions=[talk]))

    assert "- (Q&A) → 답만 적어둠\n" in text
    assert "- [ ] (Q&A) 아직 답 없음\n" in text
    assert "- [x] 해결한 궁금증\n  → 찾아봄\n" in text


def test_empty_fields_leave_no_empty_lines_behind() -> None:
    text = render_post(event(summary="  ", venue="", sessions=[SessionRecord(title="LT")]))

    assert text == "# 밋업\n\n- 일시: 2024년 04월 13일 (토)\n\n## \\<LT>\n"


# -- front matter ----------------------------------------------------------------


HOSTILE_TITLES = [
    'Build: "AI" in Songdo',
    "[메모] <Build With AI> 후기 #1",
    "it's 'quoted' & {braced}",
    "- starts like a list",
    "key: value: more",
    "yes",
    "null",
    "2024-04-13",
    "@at *star &amp !bang %percent `tick",
    "줄바꿈\n있는 제목",
    "탭\t문자",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
@pytest.mark.parametrize("style", ["jekyll", "hugo"])
def test_front_matter_is_yaml_that_reads_back(title: str, style: str) -> None:
    record = event(
        title=title,
        category='TIL: "메모"',
        tags=["LLM", "데이터 엔지니어링", "a: b", "#tag"],
    )
    text = render_post(record, ExportOptions(front_matter=style))  # type: ignore[arg-type]
    data, body = split_front_matter(text)

    assert data["title"] == post_format.one_line(title)
    assert data["date"] == dt.date(2024, 4, 13)
    assert data["categories"] == ['TIL: "메모"']
    assert data["tags"] == ["LLM", "데이터 엔지니어링", "a: b", "#tag"]
    assert body.startswith("\n- 일시: ")  # no duplicate title heading


def test_jekyll_and_hugo_keys(sample_library: Library) -> None:
    korean = sample_events(sample_library)[2]
    jekyll, _ = split_front_matter(render_post(korean, ExportOptions(front_matter="jekyll")))
    hugo, _ = split_front_matter(render_post(korean, ExportOptions(front_matter="hugo")))

    assert list(jekyll) == ["layout", "title", "date", "categories", "tags"]
    assert jekyll["layout"] == "post"
    assert list(hugo) == [
        "title",
        "date",
        "draft",
        "slug",
        "categories",
        "tags",
        "isCJKLanguage",
    ]
    assert hugo["draft"] is False
    assert hugo["slug"] == "fastapi-밋업-비동기의-함정"
    assert hugo["isCJKLanguage"] is True


def test_hugo_marks_only_korean_posts_as_cjk() -> None:
    data, _ = split_front_matter(
        render_post(event(title="English only"), ExportOptions(front_matter="hugo"))
    )
    assert "isCJKLanguage" not in data


def test_front_matter_without_category_or_tags_has_empty_lists() -> None:
    data, _ = split_front_matter(render_post(event(), ExportOptions(front_matter="jekyll")))
    assert data["categories"] == []
    assert data["tags"] == []


# -- escaping ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Android Dev Night #7", "Android Dev Night #7"),
        ("TIL - 메모", "TIL - 메모"),
        ("snake_case and _private_", "snake_case and \\_private\\_"),
        ("<script>", "\\<script>"),
        ("*star* `tick` [link](x) ~~del~~", "\\*star\\* \\`tick\\` \\[link\\](x) \\~\\~del\\~\\~"),
        ("Q&A &amp; &#65;", "Q&A \\&amp; \\&#65;"),
        ("C:\\path", "C:\\\\path"),
    ],
)
def test_plain_text_is_escaped_only_where_markdown_would_change_it(text: str, escaped: str) -> None:
    assert post_format.escape_text(text) == escaped
    assert post_format.unescape_text(escaped) == text


@pytest.mark.parametrize(
    ("title", "speaker", "affiliation"),
    [
        ("A - B", "C - D", "E (F)"),
        ("title -", None, "(x)"),
        ("- dash", "Kim (Jr.)", None),
        ("괄호 (있음)", None, None),
        ("Title", None, "Lab"),
        ("\\ back", "slash\\", "\\"),
    ],
)
def test_session_heading_splits_back_into_its_parts(
    title: str, speaker: str | None, affiliation: str | None
) -> None:
    heading = post_format.session_heading(title, speaker, affiliation)

    assert heading.startswith("## \\<") and heading.endswith(">")
    inner = heading[len(post_format.SESSION_HEADING_PREFIX) : -1]
    assert post_format.parse_session_heading(inner) == (title, speaker, affiliation)


def test_structure_lookalikes_in_notes_are_shifted_by_one_space() -> None:
    notes = "## \\<Fake - Talk>\n**Q&A · 궁금증**\n- 태그: x\n## 요점\n  **Links**"
    escaped = post_format.escape_block(notes)

    assert escaped.split("\n") == [
        " ## \\<Fake - Talk>",
        " **Q&A · 궁금증**",
        " - 태그: x",
        "## 요점",
        "   **Links**",
    ]
    assert [post_format.unescape_block_line(line) for line in escaped.split("\n")] == (
        notes.split("\n")
    )


def test_links_without_label_and_unusual_addresses() -> None:
    talk = SessionRecord(
        title="t",
        links=[
            LinkRecord(url="https://example.org/a_(b)", label="괄호 [주소]"),
            LinkRecord(url="https://example.org/plain"),
            LinkRecord(url="not a url"),
        ],
    )
    text = render_post(event(sessions=[talk]))

    assert "- [괄호 \\[주소\\]](<https://example.org/a_(b)>)\n" in text
    assert "- <https://example.org/plain>\n" in text
    assert "- not a url\n" in text


# -- templates ---------------------------------------------------------------------


def test_a_template_in_the_config_folder_replaces_the_shipped_one() -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "post.md.j2").write_text(
        "{{ event.title }} / {{ event.date_text }} / {{ labels.venue }}\n", encoding="utf-8"
    )

    assert render_post(event(venue="코엑스")) == "밋업 / 2024년 04월 13일 (토) / 장소\n"


def test_a_template_edited_after_first_use_is_read_again() -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    template = folder / "post.md.j2"
    template.write_text("first\n", encoding="utf-8")
    assert render_post(event()) == "first\n"

    template.write_text("second, longer\n", encoding="utf-8")
    os.utime(template, (1, 2_000_000_000))
    assert render_post(event()) == "second, longer\n"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% if %}", "line 1"),
        ("{{ event.no_such_field }}", "no_such_field"),
        ("{{ 1 + 'a' }}", "TypeError"),
    ],
)
def test_a_broken_user_template_is_a_clear_error(source: str, message: str) -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "post.md.j2").write_text(source, encoding="utf-8")

    with pytest.raises(TemplateProblem, match=message):
        render_post(event())


def test_shipped_templates_are_package_resources() -> None:
    from recap.resources_path import resource

    for name in ("post.md.j2", "post.html.j2"):
        assert resource("templates", name).is_file()


def test_docs_describe_every_variable_and_filter() -> None:
    from recap.export.templates import FILTERS

    docs = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text("utf-8")
    for name in [*FILTERS, "event", "session", "entry", "link", "labels", "related"]:
        assert f"`{name}" in docs, name


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_link_that_runs_code_is_left_out_of_every_post(fmt: str) -> None:
    talk = SessionRecord(
        title="XSS",
        links=[
            LinkRecord(url="javascript:alert(1)", label="click me"),
            LinkRecord(url=" JavaScript:alert(2)"),
            LinkRecord(url="https://example.org/slides", label="slides"),
        ],
    )
    post = render_post(
        EventRecord("e", dt.date(2024, 1, 1), sessions=[talk]), ExportOptions(format=fmt)
    )
    assert "alert" not in post.lower()
    assert "click me" not in post
    assert "https://example.org/slides" in post
