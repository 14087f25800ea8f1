"""Self-contained HTML for pasting into a blog editor: inline styles, then nh3.

Blog editors (Tistory, WordPress) drop ``<style>`` blocks and external style
sheets but keep ``style`` attributes, so every element gets its look inline:
`inline_styles` gives each element that has no ``style`` of its own a default
one (and highlighted code its colours), and `sanitise_post` then passes the
whole post through nh3 — whatever the notes or a user's template hold, no
script, event handler, frame or ``javascript:``/``data:`` URL gets through.
"""

from __future__ import annotations

import functools
import re
import threading
from html import escape
from html.parser import HTMLParser
from typing import Final

import nh3
from pygments.formatters import HtmlFormatter

from recap.export.markdown_html import CODE_CSS_CLASS, LIGHT_CODE_STYLE

MONOSPACE: Final = "D2Coding, 'JetBrains Mono', Consolas, Menlo, 'Noto Sans Mono CJK KR', monospace"
CODE_BACKGROUND: Final = "#f6f8fa"

DEFAULT_STYLES: Final[dict[str, str]] = {
    "p": "margin: 0 0 14px;",
    "h1": "font-size: 1.9em; line-height: 1.35; margin: 0 0 20px;",
    "h2": "font-size: 1.35em; line-height: 1.4; margin: 44px 0 14px; padding-bottom: 8px;"
    " border-bottom: 1px solid #e3e6ea;",
    "h3": "font-size: 1.15em; margin: 28px 0 10px;",
    "h4": "font-size: 1.05em; margin: 24px 0 8px;",
    "h5": "font-size: 1em; margin: 20px 0 8px;",
    "h6": "font-size: 0.95em; margin: 20px 0 8px; color: #57606a;",
    "ul": "margin: 0 0 14px; padding-left: 1.6em;",
    "ol": "margin: 0 0 14px; padding-left: 1.6em;",
    "li": "margin: 3px 0;",
    "blockquote": "margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #d0d7de;"
    " color: #57606a; background-color: #f8f9fa;",
    "pre": f"margin: 0; padding: 14px 16px; overflow-x: auto; font-family: {MONOSPACE};"
    " font-size: 0.88em; line-height: 1.55; white-space: pre;",
    "code": f"font-family: {MONOSPACE}; font-size: 0.9em; background-color: #eff1f3;"
    " padding: 1px 5px; border-radius: 4px;",
    "table": "border-collapse: collapse; margin: 0 0 16px; font-size: 0.95em;",
    "th": "border: 1px solid #d0d7de; padding: 6px 12px; background-color: #f6f8fa;",
    "td": "border: 1px solid #d0d7de; padding: 6px 12px;",
    "a": "color: #0b66d6; text-decoration: underline;",
    "img": "max-width: 100%; height: auto;",
    "hr": "border: none; border-top: 1px solid #e3e6ea; margin: 36px 0;",
}
CODE_BLOCK_STYLE: Final = (
    f"margin: 0 0 16px; background-color: {CODE_BACKGROUND}; border-radius: 6px;"
)
CODE_IN_BLOCK_STYLE: Final = "font-family: inherit; font-size: 1em;"
NESTED_LIST_STYLE: Final = "margin: 3px 0; padding-left: 1.4em;"
# A task list item shows its box instead of a bullet, as on GitHub.
TASK_ITEM_STYLE: Final = "margin: 3px 0; list-style-type: none;"
# Blog editors drop form controls: a task's box is pasted as a character.
TASK_BOXES: Final = {True: "☑", False: "☐"}

POST_TAGS: Final = frozenset(
    {
        "article", "section", "header", "footer", "div", "span", "p", "br", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
        "pre", "code", "table", "thead", "tbody", "tr", "th", "td",
        "a", "img", "em", "strong", "del", "sup", "sub", "small",
    }
)  # fmt: skip
POST_ATTRIBUTES: Final = {
    "*": {"style"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
STYLE_PROPERTIES: Final = frozenset(
    {
        "color", "background-color", "font-family", "font-size", "font-weight",
        "font-style", "line-height", "letter-spacing", "text-align", "text-decoration",
        "white-space", "word-break", "overflow-wrap", "overflow-x", "display",
        "vertical-align", "list-style-type", "max-width", "width", "height",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left",
        "border-radius", "border-collapse",
    }
)  # fmt: skip
VOID_TAGS: Final = frozenset({"br", "hr", "img", "input"})
SAFE_SCHEMES: Final = frozenset({"http", "https", "mailto"})


@functools.cache
def code_styles() -> dict[str, str]:
    """Pygments token class -> inline style, for the light code style."""
    formatter = HtmlFormatter(style=LIGHT_CODE_STYLE)
    return {name: style for name, (style, *_rest) in formatter.class2style.items() if style}


class _StyleInliner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, set[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "input":
            self.out.append(TASK_BOXES["checked" in values])
            return
        classes = set((values.get("class") or "").split())
        if not values.get("style"):
            style = self._default_style(tag, classes)
            if style:
                values["style"] = style
        self.out.append(self._start(tag, values))
        if tag not in VOID_TAGS:
            self.open.append((tag, classes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or all(name != tag for name, _ in self.open):
            return
        while self.open:
            name, _ = self.open.pop()
            self.out.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def _inside(self, tag: str, css_class: str | None = None) -> bool:
        return any(
            name == tag and (css_class is None or css_class in classes)
            for name, classes in self.open
        )

    def _default_style(self, tag: str, classes: set[str]) -> str | None:
        if tag == "div" and CODE_CSS_CLASS in classes:
            return CODE_BLOCK_STYLE
        if self._inside("div", CODE_CSS_CLASS):
            if tag == "span":
                colours = code_styles()
                return next((colours[name] for name in classes if name in colours), None)
            if tag == "code":
                return CODE_IN_BLOCK_STYLE
        if tag == "li" and "task-list-item" in classes:
            return TASK_ITEM_STYLE
        if tag in ("ul", "ol") and self._inside("li"):
            return NESTED_LIST_STYLE
        if tag == "code" and self._inside("pre"):
            return CODE_IN_BLOCK_STYLE
        if tag == "pre" and not self._inside("div", CODE_CSS_CLASS):
            return DEFAULT_STYLES["pre"] + f" background-color: {CODE_BACKGROUND};"
        return DEFAULT_STYLES.get(tag)

    @staticmethod
    def _start(tag: str, values: dict[str, str | None]) -> str:
        attributes = "".join(
            f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}"
            for name, value in values.items()
        )
        return f"<{tag}{attributes}>"


def inline_styles(html: str) -> str:
    inliner = _StyleInliner()
    inliner.feed(html)
    inliner.close()
    while inliner.open:
        inliner.out.append(f"</{inliner.open.pop()[0]}>")
    return "".join(inliner.out)


_per_thread = threading.local()


_URL_ATTRIBUTES: Final = frozenset({"href", "src"})
_INVISIBLE_IN_URLS: Final = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME: Final = re.compile(r"([a-z][a-z0-9+.-]*):")


def _safe_url(tag: str, attribute: str, value: str) -> str | None:
    """Drop an address whose scheme is unsafe once spaces and controls are squeezed out.

    nh3 already refuses unsafe schemes, but reads ``java script:`` as a relative
    address; no browser runs that, and no reader needs it either.
    """
    if attribute not in _URL_ATTRIBUTES:
        return value
    scheme = _SCHEME.match(_INVISIBLE_IN_URLS.sub("", value).lower())
    if scheme and scheme[1] not in SAFE_SCHEMES:
        return None
    return value


def _new_cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(POST_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in POST_ATTRIBUTES.items()},
        url_schemes=set(SAFE_SCHEMES),
        strip_comments=True,
        filter_style_properties=set(STYLE_PROPERTIES),
        attribute_filter=_safe_url,
    )


def sanitise_post(html: str) -> str:
    """The post with inline styles, through nh3's allow-list."""
    cleaner: nh3.Cleaner | None = getattr(_per_thread, "cleaner", None)
    if cleaner is None:  # like markdown_html's, one per thread
        cleaner = _per_thread.cleaner = _new_cleaner()
    cleaned: str = cleaner.clean(inline_styles(html))
    return cleaned
