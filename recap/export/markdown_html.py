"""Markdown to safe HTML, for the editor's preview and for exported posts (no Qt).

Notes are typed by the user but often hold text pasted from elsewhere (slides,
chat, web pages), so the HTML that Python-Markdown produces is treated as
untrusted and passed through nh3 with an explicit allow-list before anyone
displays it.
"""

from __future__ import annotations

import functools
import html
import re
import threading
from typing import Final, Literal

import markdown
import nh3
from pygments.formatters import HtmlFormatter

from recap.export.markdown_extensions import CommonMarkBlocksExtension

__all__ = [
    "CODE_CSS_CLASS",
    "DEFAULT_LINE_BREAKS",
    "LINE_BREAKS",
    "LineBreaks",
    "pygments_css",
    "render_markdown",
]

# "typed": every newline inside a paragraph, list item or answer is a line break, as
# Tistory's editor keeps every line; "soft": CommonMark's rule, a single newline is a space.
LineBreaks = Literal["typed", "soft"]
LINE_BREAKS: Final[tuple[LineBreaks, ...]] = ("typed", "soft")
DEFAULT_LINE_BREAKS: Final[LineBreaks] = "typed"

CODE_CSS_CLASS: Final = "codehilite"

LIGHT_CODE_STYLE: Final = "friendly"
DARK_CODE_STYLE: Final = "monokai"

# Python-Markdown read as CommonMark/GFM blogs read notes (see markdown_extensions):
# fences anywhere (also in lists and quotes), task lists, bare web addresses as links,
# ~~strikethrough~~.
_EXTENSIONS: Final = [
    "tables",
    "pymdownx.highlight",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.magiclink",
    "pymdownx.tilde",
]
_EXTENSION_CONFIGS: Final[dict[str, dict[str, object]]] = {
    # Colours come from CSS classes (see pygments_css), never inline styles,
    # so the sanitiser can drop every style attribute.
    "pymdownx.highlight": {"css_class": CODE_CSS_CLASS, "guess_lang": False},
    # Qt's rich text understands align="..." on cells but not text-align styles.
    "tables": {"use_align_attribute": True},
    # GFM: ~one~ and ~~two~~ tildes both strike through; no subscript.
    "pymdownx.tilde": {"subscript": False},
    "pymdownx.magiclink": {"hide_protocol": False, "repo_url_shortener": False},
}

_ALLOWED_TAGS: Final = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "blockquote",
        "pre",
        "code",
        "span",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "img",
        "em",
        "strong",
        "del",
        "hr",
        "br",
        "sup",
        "sub",
        "input",
    }
)
_ALLOWED_ATTRIBUTES: Final = {
    "span": {"class"},
    "div": {"class"},
    "code": {"class"},
    "pre": {"class"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "li": {"class"},
    "ul": {"class"},
    "input": {"checked"},
}
# A task list's box is the only input a note makes: every input is a disabled checkbox.
_FORCED_ATTRIBUTES: Final = {"input": {"type": "checkbox", "disabled": ""}}
_ALLOWED_URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})
# Removed together with their text, not just unwrapped.
_CLEAN_CONTENT_TAGS: Final = frozenset({"script", "style"})


_SCRIPT_SCHEMES: Final = ("javascript:", "vbscript:", "data:")
_INVISIBLE: Final = re.compile(r"[\s\x00-\x1f]+")


def _drop_script_urls(_element: str, attribute: str, value: str) -> str | None:
    """Belt and braces beside nh3's scheme list: a link whose text, read with entities
    decoded and every space and control character removed, names a script scheme
    anywhere ("java  script:", "x=&quot;javascript:") is dropped."""
    if attribute not in ("href", "src"):
        return value
    squeezed = _INVISIBLE.sub("", html.unescape(value)).lower()
    if squeezed.startswith(_SCRIPT_SCHEMES) or "script:" in squeezed:
        return None
    return value


class _Renderer:
    """One Markdown instance and one sanitiser, reused call after call.

    Neither is safe to share between threads, so each thread gets its own
    (the editor renders large notes on a worker thread).
    """

    def __init__(self, line_breaks: LineBreaks) -> None:
        extensions: list[str | markdown.Extension] = [*_EXTENSIONS, CommonMarkBlocksExtension()]
        if line_breaks == "typed":
            extensions.append("nl2br")
        self.markdown = markdown.Markdown(
            extensions=extensions,
            extension_configs=_EXTENSION_CONFIGS,
            output_format="html",
        )
        self.cleaner = nh3.Cleaner(
            tags=set(_ALLOWED_TAGS),
            clean_content_tags=set(_CLEAN_CONTENT_TAGS),
            attributes={tag: set(names) for tag, names in _ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(_ALLOWED_URL_SCHEMES),
            strip_comments=True,
            attribute_filter=_drop_script_urls,
            set_tag_attribute_values=_FORCED_ATTRIBUTES,
        )

    def render(self, text: str) -> str:
        self.markdown.reset()
        html = self.markdown.convert(text)
        cleaned: str = self.cleaner.clean(html)
        return cleaned


_per_thread = threading.local()


def _renderer(line_breaks: LineBreaks) -> _Renderer:
    renderers: dict[str, _Renderer] | None = getattr(_per_thread, "renderers", None)
    if renderers is None:
        renderers = _per_thread.renderers = {}
    renderer = renderers.get(line_breaks)
    if renderer is None:
        renderer = renderers[line_breaks] = _Renderer(line_breaks)
    return renderer


def render_markdown(text: str, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> str:
    """Convert a note's Markdown to sanitised HTML, its blocks read as CommonMark/GFM.

    Supports nested lists, tables, task lists, fenced code (highlighted through
    CSS classes; see `pygments_css`), strikethrough and bare web addresses as links.
    ``line_breaks`` "typed" makes every newline inside a paragraph a line break;
    "soft" keeps CommonMark's rule (a newline is a space; two trailing spaces or a
    backslash make a break). Raw HTML in the note is kept only where it is on
    the allow-list: scripts, styles, frames, event-handler attributes and
    non-http(s)/mailto links are removed. Safe to call from any thread.
    """
    if line_breaks not in LINE_BREAKS:
        raise ValueError(f"line_breaks must be one of {LINE_BREAKS}, not {line_breaks!r}")
    return _renderer(line_breaks).render(text)


@functools.cache
def pygments_css(dark: bool = False) -> str:
    """The style sheet that colours highlighted code blocks (`.codehilite ...`)."""
    style = DARK_CODE_STYLE if dark else LIGHT_CODE_STYLE
    formatter = HtmlFormatter(style=style, cssclass=CODE_CSS_CLASS)
    css: str = formatter.get_style_defs(f".{CODE_CSS_CLASS}")
    return css
