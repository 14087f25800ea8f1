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
from typing import Final

import markdown
import nh3
from pygments.formatters import HtmlFormatter

__all__ = ["CODE_CSS_CLASS", "pygments_css", "render_markdown"]

CODE_CSS_CLASS: Final = "codehilite"

LIGHT_CODE_STYLE: Final = "friendly"
DARK_CODE_STYLE: Final = "monokai"

# truly_sane_lists: nested lists indented by two spaces, as bloggers (and GFM) write them.
_EXTENSIONS: Final = ["tables", "fenced_code", "codehilite", "mdx_truly_sane_lists"]
_EXTENSION_CONFIGS: Final[dict[str, dict[str, object]]] = {
    # Colours come from CSS classes (see pygments_css), never inline styles,
    # so the sanitiser can drop every style attribute.
    "codehilite": {"css_class": CODE_CSS_CLASS, "guess_lang": False},
    # Qt's rich text understands align="..." on cells but not text-align styles.
    "tables": {"use_align_attribute": True},
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
}
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

    def __init__(self) -> None:
        self.markdown = markdown.Markdown(
            extensions=_EXTENSIONS,
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
        )

    def render(self, text: str) -> str:
        self.markdown.reset()
        html = self.markdown.convert(text)
        cleaned: str = self.cleaner.clean(html)
        return cleaned


_per_thread = threading.local()


def _renderer() -> _Renderer:
    renderer: _Renderer | None = getattr(_per_thread, "renderer", None)
    if renderer is None:
        renderer = _Renderer()
        _per_thread.renderer = renderer
    return renderer


def render_markdown(text: str) -> str:
    """Convert a note's Markdown to sanitised HTML.

    Supports tables, fenced code (highlighted through CSS classes; see
    `pygments_css`) and lists. Raw HTML in the note is kept only where it is on
    the allow-list: scripts, styles, frames, event-handler attributes and
    non-http(s)/mailto links are removed. Safe to call from any thread.
    """
    return _renderer().render(text)


@functools.cache
def pygments_css(dark: bool = False) -> str:
    """The style sheet that colours highlighted code blocks (`.codehilite ...`)."""
    style = DARK_CODE_STYLE if dark else LIGHT_CODE_STYLE
    formatter = HtmlFormatter(style=style, cssclass=CODE_CSS_CLASS)
    css: str = formatter.get_style_defs(f".{CODE_CSS_CLASS}")
    return css
