"""Markdown to HTML for the preview and exports: features kept, hostile markup removed."""

import re
import threading
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from recap.export.markdown_html import pygments_css, render_markdown


class _Attributes(HTMLParser):
    """Collects every (tag, attribute, value) of a fragment, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend((tag, name, value or "") for name, value in attrs)


def attributes_of(html: str) -> list[tuple[str, str, str]]:
    parser = _Attributes()
    parser.feed(html)
    parser.close()
    return parser.found


def test_table_is_rendered_with_alignment() -> None:
    html = render_markdown("| 모델 | 지연 |\n|:--|--:|\n| small | 12 |\n")

    assert "<table>" in html
    assert "<thead>" in html
    assert "<tbody>" in html
    assert '<th align="left">모델</th>' in html
    assert '<td align="right">12</td>' in html
    assert "style=" not in html


def test_fenced_code_keeps_highlighting_classes() -> None:
    html = render_markdown("```python\ndef f(x):\n    return x  # 주석\n```\n")

    assert '<div class="codehilite">' in html
    assert "<pre>" in html
    assert '<span class="k">def</span>' in html
    assert '<span class="c1"># 주석</span>' in html
    assert "style=" not in html


def test_fenced_code_without_language_is_not_guessed() -> None:
    html = render_markdown("```\nSELECT * FROM t;\n```\n")

    assert '<div class="codehilite">' in html
    assert "SELECT * FROM t;" in html
    assert '<span class="k">' not in html


def test_headings_and_inline_markup() -> None:
    html = render_markdown("# 제목\n\n## Attention 어텐션\n\n**굵게** *기울임* `code` <del>x</del>")

    assert "<h1>제목</h1>" in html
    assert "<h2>Attention 어텐션</h2>" in html
    assert "<strong>굵게</strong>" in html
    assert "<em>기울임</em>" in html
    assert "<code>code</code>" in html
    assert "<del>x</del>" in html


def test_korean_text_survives_unchanged() -> None:
    text = "발표자는 어텐션을 설명했다. 토큰 병렬 처리와 검색, 그리고 한글 ㅎㅎ."

    assert render_markdown(text) == f"<p>{text}</p>"


def test_soft_line_breaks_join_lines_as_commonmark_does() -> None:
    assert render_markdown("첫 줄\n둘째 줄", "soft") == "<p>첫 줄\n둘째 줄</p>"


def test_typed_line_breaks_keep_every_line_and_are_the_default() -> None:
    html = "<p>첫 줄<br>\n둘째 줄</p>"

    assert render_markdown("첫 줄\n둘째 줄", "typed") == html
    assert render_markdown("첫 줄\n둘째 줄") == html
    assert render_markdown("- 항목\n  이어서\n- 다음") == (
        "<ul>\n<li>항목<br>\n이어서</li>\n<li>다음</li>\n</ul>"
    )


@pytest.mark.parametrize("line_breaks", ["soft", "typed"])
def test_hard_breaks_typed_in_markdown_are_single_breaks(line_breaks: str) -> None:
    html = render_markdown("두 칸  \n백슬래시\\\n끝", line_breaks)  # type: ignore[arg-type]

    assert html.count("<br>") == 2
    assert "\\" not in html


def test_an_unknown_line_break_mode_is_a_bug() -> None:
    with pytest.raises(ValueError, match="line_breaks"):
        render_markdown("x", "hard")  # type: ignore[arg-type]


def test_task_list_boxes_are_disabled_checkboxes() -> None:
    html = render_markdown("- [ ] 할 일\n- [x] 끝")

    boxes = [(name, value) for tag, name, value in attributes_of(html) if tag == "input"]
    assert boxes.count(("type", "checkbox")) == 2
    assert boxes.count(("disabled", "")) == 2
    assert boxes.count(("checked", "")) == 1


def test_an_input_typed_into_a_note_can_only_be_a_disabled_checkbox() -> None:
    html = render_markdown('<p><input type="text" value="x" onfocus="alert(1)"></p>')

    found = [(name, value) for tag, name, value in attributes_of(html) if tag == "input"]
    assert sorted(found) == [("disabled", ""), ("type", "checkbox")]


def test_an_ordered_list_keeps_its_start() -> None:
    assert '<ol start="3">' in render_markdown("3. 셋\n4. 넷")


def test_a_hash_without_space_is_text_not_a_heading() -> None:
    assert render_markdown("#태그\n글 #태그", "soft") == "<p>#태그\n글 #태그</p>"


def test_lists_are_rendered() -> None:
    html = render_markdown("- 하나\n- 둘\n\n1. first\n2. second\n")

    assert "<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html


@pytest.mark.parametrize(
    "url", ["https://example.com/a?b=1&c=2", "http://example.com", "mailto:me@example.com"]
)
def test_links_with_allowed_schemes_are_kept(url: str) -> None:
    html = render_markdown(f'[링크]({url} "제목")')

    assert ("a", "href", url) in attributes_of(html)
    assert ("a", "title", "제목") in attributes_of(html)
    assert ">링크</a>" in html


def test_images_keep_source_and_alt() -> None:
    html = render_markdown('![슬라이드](https://example.com/s.png "표지")')

    found = attributes_of(html)
    assert ("img", "src", "https://example.com/s.png") in found
    assert ("img", "alt", "슬라이드") in found
    assert ("img", "title", "표지") in found


def test_the_same_renderer_can_be_reused() -> None:
    # The Markdown instance is reused with reset(): a link reference defined in
    # one note must not leak into the next.
    first = render_markdown("[a][ref]\n\n[ref]: https://example.com/one")
    second = render_markdown("[a][ref]")

    assert "https://example.com/one" in first
    assert "https://example.com/one" not in second


def test_rendering_from_several_threads_at_once() -> None:
    notes = [f"# 노트 {n}\n\n" + "- 항목 **굵게**\n" * 200 for n in range(4)]
    expected = [render_markdown(note) for note in notes]
    results: dict[int, list[str]] = {}

    def work(index: int) -> None:
        results[index] = [render_markdown(notes[index]) for _ in range(5)]

    threads = [threading.Thread(target=work, args=(index,)) for index in range(len(notes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    for index, rendered in results.items():
        assert rendered == [expected[index]] * 5


HOSTILE_INPUTS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="https://example.com/a.png" ONERROR="alert(1)">',
    "[x](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
    '&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<a href=' javascript:alert(1)'>x</a>",
    "[x]( javascript:alert(1) )",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<iframe src=https://evil.example></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<style>body { background: url(javascript:alert(1)) }</style>",
    "<p style='background:url(javascript:alert(1))'>x</p>",
    "<object data=https://evil.example/x.swf></object>",
    "<embed src=https://evil.example/x.swf>",
    "<div onclick=alert(1) onmouseover=alert(2)>x</div>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form action=https://evil.example><input onfocus=alert(1) autofocus></form>",
    "<!--><script>alert(1)</script>-->",
    '<a href="vbscript:msgbox(1)">x</a>',
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<base href=javascript:alert(1)//>",
    "<<script>script>alert(1)<</script>/script>",
    "```\n</code></pre><script>alert(1)</script>\n```",
]

HANDLER_ATTRIBUTE = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.parametrize("hostile", HOSTILE_INPUTS)
def test_hostile_markup_is_neutralised(hostile: str) -> None:
    html = render_markdown(hostile).lower()

    assert "<script" not in html
    assert "javascript:" not in html
    assert "vbscript:" not in html
    assert "data:" not in html
    assert not HANDLER_ATTRIBUTE.search(html)
    for tag in ("<iframe", "<style", "<object", "<embed", "<svg", "<math", "<form", "<meta"):
        assert tag not in html
    for tag, name, value in attributes_of(html):
        assert not name.startswith("on")
        assert name != "style"
        if name in {"href", "src"}:
            assert urlsplit(value).scheme in {"", "http", "https", "mailto"}, (tag, value)


def test_autolink_to_javascript_is_not_a_link() -> None:
    html = render_markdown("<javascript:alert(1)>")

    assert all(name != "href" for _tag, name, _value in attributes_of(html))


def test_only_listed_attributes_survive() -> None:
    html = render_markdown(
        '<p id="x" class="y">p</p><span class="n" data-x="1">s</span>'
        '<a href="https://e.example" target="_blank">a</a>'
    )

    found = {(tag, name) for tag, name, _value in attributes_of(html)}
    assert ("span", "class") in found
    assert ("p", "id") not in found
    assert ("p", "class") not in found
    assert ("span", "data-x") not in found
    assert ("a", "target") not in found


@pytest.mark.parametrize("dark", [False, True])
def test_pygments_css_targets_codehilite(dark: bool) -> None:
    css = pygments_css(dark)

    assert ".codehilite .k " in css
    assert ".codehilite " in css
    assert css != pygments_css(not dark)


def test_lists_nested_by_two_spaces_nest() -> None:
    html = render_markdown("- 요점\n  - 캐시 키\n  - LRU\n- 다음")
    assert html.count("<ul>") == 2
    assert html.index("캐시 키") > html.index("<ul>", html.index("요점"))
