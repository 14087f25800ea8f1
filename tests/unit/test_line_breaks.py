"""Line breaks "as typed" or as markdown soft breaks, in every kind of post.

tests/data/line-breaks-event.json is an event whose notes, summary, impression and
answers have one thought per line and the list shapes bloggers type; its posts
are golden files (tests/data/export/line-breaks.*).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import cmarkgfm
import pytest

from recap import cli
from recap import postformat as post_format
from recap.domain.records import EventRecord
from recap.export.batch import export_posts
from recap.export.posts import ExportOptions, render_post
from recap.interchange.markdown_import import parse_markdown_post
from recap.interchange.recap_json import parse_document
from tests.site_generators import build_hugo, build_jekyll, hugo_site, jekyll_site
from tests.unit.test_export_markdown import golden

EVENT_JSON = Path(__file__).parent.parent / "data" / "line-breaks-event.json"


@pytest.fixture(scope="module")
def event() -> EventRecord:
    return parse_document(EVENT_JSON.read_bytes()).events[0]


@pytest.mark.parametrize("post_format_name", ["md", "html"])
@pytest.mark.parametrize("line_breaks", ["typed", "soft"])
def test_posts_match_golden_files(
    event: EventRecord, line_breaks: str, post_format_name: str
) -> None:
    options = ExportOptions(format=post_format_name, line_breaks=line_breaks)  # type: ignore[arg-type]

    golden(f"line-breaks.{line_breaks}.{post_format_name}", render_post(event, options))


@pytest.mark.parametrize("line_breaks", ["typed", "soft"])
def test_the_post_comes_back_as_the_event(event: EventRecord, line_breaks: str) -> None:
    post = render_post(event, ExportOptions(line_breaks=line_breaks))  # type: ignore[arg-type]

    assert parse_markdown_post(post) == post_format.normalise_event(event)


def test_typed_html_post_and_typed_markdown_post_break_the_same_lines(event: EventRecord) -> None:
    html = render_post(event, ExportOptions(format="html", line_breaks="typed"))
    blog = cmarkgfm.github_flavored_markdown_to_html(
        render_post(event, ExportOptions(line_breaks="typed"))
    )

    for pair in (
        ("코루틴 기초를 다시 훑었다.", "한 줄에 한 생각씩 적었다."),
        ("가장 재미있었던 발표.", "예제가 바로 와닿았다."),
        ("취소가 쉽다", "부모가 취소되면 자식도 취소된다"),
        ("거의 쓰지 않는다.", "앱 전체 수명과 같은 작업만."),
    ):
        assert "<br>\n".join(pair) in html
        assert "<br />\n".join(pair) in blog


def test_soft_posts_join_the_lines(event: EventRecord) -> None:
    html = render_post(event, ExportOptions(format="html", line_breaks="soft"))

    assert "코루틴 기초를 다시 훑었다.\n한 줄에 한 생각씩 적었다." in html
    assert "<br" not in html


def test_cli_exports_with_the_line_break_mode(library_path: Path) -> None:
    def run(*argv: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        assert cli.run(["--db", str(library_path), *argv], out, err) == 0, err.getvalue()
        return out.getvalue()

    run("load", str(EVENT_JSON))
    typed = run("export", "1", "--lang", "ko")
    soft = run("export", "1", "--lang", "ko", "--line-breaks", "soft")

    assert "코루틴 기초를 다시 훑었다.  \n한 줄에 한 생각씩 적었다." in typed
    assert "코루틴 기초를 다시 훑었다.\n한 줄에 한 생각씩 적었다." in soft


def test_cli_refuses_an_unknown_line_break_mode(library_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(["--db", str(library_path), "export", "1", "--line-breaks", "hard"], out, err)

    assert code == 2
    assert "--line-breaks" in err.getvalue() and "'hard'" in err.getvalue()


TYPED_PAIRS = (
    ("코루틴 기초를 다시 훑었다.", "한 줄에 한 생각씩 적었다."),
    ("취소가 쉽다", "부모가 취소되면 자식도 취소된다"),
    ("거의 쓰지 않는다.", "앱 전체 수명과 같은 작업만."),
)


def broken_between(html: str, first: str, second: str) -> bool:
    """Whether the built page breaks the line between the two texts (any <br> form)."""
    return re.search(re.escape(first) + r"\s*<br\s*/?>\s*" + re.escape(second), html) is not None


def test_real_hugo_breaks_the_typed_lines(event: EventRecord, tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    export_posts([event], site / "content" / "posts", typed("hugo"))
    [page] = (build_hugo(site) / "posts").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert all(broken_between(html, *pair) for pair in TYPED_PAIRS)


def test_real_jekyll_breaks_the_typed_lines(event: EventRecord, tmp_path: Path) -> None:
    site = jekyll_site(tmp_path)
    export_posts([event], site / "_posts", typed("jekyll"))
    [page] = build_jekyll(site).glob("**/*.html")
    html = page.read_text(encoding="utf-8")
    assert all(broken_between(html, *pair) for pair in TYPED_PAIRS)


def typed(front_matter: str) -> ExportOptions:
    return ExportOptions(front_matter=front_matter, line_breaks="typed")  # type: ignore[arg-type]
