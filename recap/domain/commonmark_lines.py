"""The pieces a CommonMark block parser reads a line by (recap.domain.commonmark_blocks):
the block-start patterns, the Block tree it builds, list markers and table cells."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

TAB_SIZE: Final = 4

ATX_HEADING: Final = re.compile(r"#{1,6}(?:[ \t]|$)")
FENCE: Final = re.compile(r"(`{3,}|~{3,})(.*)$")
THEMATIC_BREAK: Final = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
SETEXT_UNDERLINE: Final = re.compile(r"(?:=+|-+)[ \t]*$")
BULLET: Final = re.compile(r"[-+*](?=[ \t]|$)")
ORDERED: Final = re.compile(r"(\d{1,9})([.)])(?=[ \t]|$)")
HTML_BLOCK_TAGS: Final = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul|pre|script|style|textarea"
)
HTML_BLOCK: Final = re.compile(
    rf"<(?:/?(?:{HTML_BLOCK_TAGS})(?=[ \t>]|/>|$)|!--|\?|![A-Za-z]|!\[CDATA\[)", re.IGNORECASE
)
TABLE_DELIMITER: Final = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# Python-Markdown's stash of a block it has already rendered (a fenced code block, raw HTML).
PLACEHOLDER: Final = re.compile("\x02wzxhzdk:\\d+\x03[ \t]*$")

CONTAINERS: Final = frozenset({"document", "quote", "list", "item"})


@dataclass(eq=False)
class Block:
    """A block and the source lines it covers.

    ``kind`` is one of: document, quote, list, item (containers) or paragraph,
    heading, setext_heading, thematic_break, fence, code, html, table,
    placeholder (leaves). ``lines`` are the source line numbers of a leaf;
    ``texts`` the same lines with the containers' markers and indentation taken
    away (a paragraph's lines also lose their leading spaces).
    """

    kind: str
    parent: Block | None = None
    children: list[Block] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    is_open: bool = True
    # list and item
    marker: str = ""  # "-", "+", "*", or "." / ")" for ordered lists
    start: int = 1
    content_indent: int = 0
    starts_blank: bool = False
    loose: bool = False
    # item and quote: where the content begins on each line (lazy lines: absent)
    content_offsets: dict[int, int] = field(default_factory=dict)
    # fence
    fence: str = ""
    fence_indent: int = 0

    @property
    def is_leaf(self) -> bool:
        return self.kind not in CONTAINERS

    @property
    def first_line(self) -> int:
        if self.kind in ("item", "quote"):
            return min(self.content_offsets, default=-1)
        if self.is_leaf:
            return self.lines[0]
        return self.children[0].first_line

    @property
    def last_line(self) -> int:
        if self.is_leaf:
            return self.lines[-1]
        ends = [child.last_line for child in self.children]
        if self.kind == "item":
            ends.append(min(self.content_offsets, default=-1))  # its marker's line
        elif self.kind == "quote":
            ends.append(max(self.content_offsets, default=-1))
        return max(ends)

    def walk(self) -> Iterator[Block]:
        yield self
        for child in self.children:
            yield from child.walk()


def spaces(line: str, position: int) -> int:
    count = 0
    while position + count < len(line) and line[position + count] == " ":
        count += 1
    return count


def is_blank(text: str) -> bool:
    return not text.strip(" \t")


def cells(row: str) -> int:
    """How many cells a GFM table row has (escaped pipes do not split)."""
    inner = row.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return len(re.split(r"(?<!\\)\|", inner))


@dataclass
class ListMarker:
    marker: str
    start: int
    ordered: bool
    width: int  # the marker's own width
    empty: bool  # nothing after the marker on this line


def list_marker(rest: str) -> ListMarker | None:
    if bullet := BULLET.match(rest):
        return ListMarker(bullet[0], 1, False, 1, is_blank(rest[1:]))
    if ordered := ORDERED.match(rest):
        width = len(ordered[0])
        return ListMarker(ordered[2], int(ordered[1]), True, width, is_blank(rest[width:]))
    return None
