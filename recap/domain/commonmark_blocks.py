"""The block structure of a note as CommonMark/GFM reads it (no inline parsing, no Qt).

Python-Markdown splits a document into blocks its own way: a list needs a blank
line before it, nested lists need four spaces, a single paragraph line that starts
with ``#`` becomes a heading. Blogs (Hugo's goldmark, GitHub, Velog) follow
CommonMark. This module finds the blocks as CommonMark does — block quotes, list
items with their content column, fenced and indented code, headings, thematic
breaks, GFM tables, paragraphs with lazy continuation lines — so that:

- the Python-Markdown extension in `recap.export.markdown_extensions` can hand
  each block to Python-Markdown on its own (`top_level_blocks`, `parse`), and
- markdown posts can mark which line ends are soft breaks inside a paragraph
  (`soft_break_lines`), where "as typed" line breaks become hard breaks.

It follows the parsing strategy of the CommonMark spec (appendix "A parsing
strategy"), simplified where notes never go: HTML blocks end at a blank line,
link reference definitions are paragraph text, tabs count to the next multiple of
four anywhere in a line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from recap.domain.commonmark_lines import (
    ATX_HEADING,
    FENCE,
    HTML_BLOCK,
    PLACEHOLDER,
    SETEXT_UNDERLINE,
    TAB_SIZE,
    TABLE_DELIMITER,
    THEMATIC_BREAK,
    Block,
    ListMarker,
    cells,
    is_blank,
    list_marker,
    spaces,
)

__all__ = ["Block", "parse", "soft_break_lines", "top_level_blocks"]


class _Parser:
    def __init__(self) -> None:
        self.document = Block("document")
        self.blank_lines: set[int] = set()

    # -- the open blocks ----------------------------------------------------------------

    @staticmethod
    def _open_child(block: Block) -> Block | None:
        if block.children and block.children[-1].is_open:
            return block.children[-1]
        return None

    def _tip(self) -> Block:
        block = self.document
        while (child := self._open_child(block)) is not None:
            block = child
        return block

    def _close_below(self, block: Block) -> None:
        child = self._open_child(block)
        while child is not None:
            self._finish(child)
            child = self._open_child(child)

    def _finish(self, block: Block) -> None:
        block.is_open = False
        if block.kind == "code":
            # Blank lines at the end of an indented code block belong after it.
            while len(block.lines) > 1 and is_blank(block.texts[-1]):
                self.blank_lines.add(block.lines.pop())
                block.texts.pop()

    def _add(self, container: Block, kind: str, **values: object) -> Block:
        self._close_below(container)
        block = Block(kind, parent=container, **values)  # type: ignore[arg-type]
        container.children.append(block)
        return block

    # -- one line ---------------------------------------------------------------------------

    def add_line(self, number: int, line: str) -> None:
        line = line.expandtabs(TAB_SIZE)
        position = 0
        container = self.document
        all_matched = True
        # 1. Which open containers does this line continue?
        while (child := self._open_child(container)) is not None and not child.is_leaf:
            if child.kind == "list":
                item = self._open_child(child)
                if item is None:
                    break
                matched = self._continues_item(item, line, position)
                if matched is None:
                    all_matched = False
                    break
                item.content_offsets[number] = matched
                container, position = item, matched
            elif child.kind == "quote":
                indent = spaces(line, position)
                if indent > 3 or line[position + indent : position + indent + 1] != ">":
                    all_matched = False
                    break
                position += indent + 1
                if line[position : position + 1] == " ":
                    position += 1
                container = child
                child.content_offsets[number] = position
        tip = self._tip()
        leaf = self._open_child(container)
        if all_matched and leaf is not None and self._continue_leaf(leaf, number, line, position):
            return
        # 2. New blocks starting on this line. Only a line that would otherwise go on
        # with an open paragraph (every container matched) "interrupts" it: then a list
        # item must not be empty and an ordered one must start at 1.
        interrupting = all_matched and leaf is not None and leaf.kind == "paragraph"
        lazy = tip.kind == "paragraph"
        opened = False
        while True:
            indent = spaces(line, position)
            rest = line[position + indent :]
            if is_blank(rest):
                break
            if indent >= 4:
                if lazy and not opened:
                    break  # an indented line continues a paragraph
                code = self._add(container, "code")
                code.lines.append(number)
                code.texts.append(line[position + 4 :])
                return
            if rest.startswith(">"):
                container = self._add(container, "quote")
                position += indent + 1
                if line[position : position + 1] == " ":
                    position += 1
                container.content_offsets[number] = position
                opened, interrupting, lazy = True, False, False
                continue
            if interrupting and SETEXT_UNDERLINE.match(rest):
                assert leaf is not None
                leaf.kind = "setext_heading"
                leaf.lines.append(number)
                leaf.texts.append(rest)
                self._finish(leaf)
                return
            kind = self._leaf_start(rest)
            if kind is not None:
                block = self._add(container, kind)
                if kind == "fence":
                    fence = FENCE.match(rest)
                    assert fence is not None
                    block.fence, block.fence_indent = fence[1], indent
                block.lines.append(number)
                block.texts.append(rest)
                if kind in ("heading", "thematic_break", "placeholder"):
                    self._finish(block)
                return
            marker = list_marker(rest)
            if marker is not None and not (
                interrupting and (marker.empty or (marker.ordered and marker.start != 1))
            ):
                container, position = self._open_item(container, marker, line, position, indent)
                container.content_offsets[number] = position
                opened, interrupting, lazy = True, False, False
                continue
            if interrupting and self._is_table_delimiter(leaf, rest):
                assert leaf is not None
                self._start_table(container, leaf, number, rest)
                return
            break
        # 3. What is left of the line is text (or blank).
        rest = line[position:]
        if not all_matched and not opened:
            if tip.kind == "paragraph" and not is_blank(rest):
                tip.lines.append(number)  # a lazy continuation line
                tip.texts.append(rest.lstrip(" "))
                return
            self._close_below(container)
        if is_blank(rest):
            self.blank_lines.add(number)
            if container.kind == "item" and not container.children and opened:
                container.starts_blank = True
            leaf = self._open_child(container)
            if leaf is not None and leaf.is_leaf:
                self._finish(leaf)
            return
        leaf = self._open_child(container)
        if leaf is not None and leaf.kind in ("paragraph", "table"):
            leaf.lines.append(number)
            leaf.texts.append(rest.lstrip(" "))
            return
        paragraph = self._add(container, "paragraph")
        paragraph.lines.append(number)
        paragraph.texts.append(rest.lstrip(" "))

    def _continues_item(self, item: Block, line: str, position: int) -> int | None:
        """Where the item's content starts on this line, or None if the line leaves it."""
        if is_blank(line[position:]):
            if item.starts_blank and not item.children:
                return None  # an item can start with at most one blank line
            return min(len(line), position + item.content_indent)
        if spaces(line, position) >= item.content_indent:
            return position + item.content_indent
        return None

    def _continue_leaf(self, leaf: Block, number: int, line: str, position: int) -> bool:
        """Give the line to an open fenced code, indented code or HTML block if it takes it."""
        if leaf.kind == "fence":
            indent = spaces(line, position)
            rest = line[position + indent :]
            closing = re.match(rf"{re.escape(leaf.fence[0])}{{{len(leaf.fence)},}}[ \t]*$", rest)
            leaf.lines.append(number)
            if indent <= 3 and closing:
                leaf.texts.append(rest)
                self._finish(leaf)
            else:
                leaf.texts.append(line[position + min(indent, leaf.fence_indent) :])
            return True
        if leaf.kind == "code":
            if spaces(line, position) >= 4 or is_blank(line[position:]):
                leaf.lines.append(number)
                leaf.texts.append(line[position + 4 :])
                return True
            self._finish(leaf)
            return False
        if leaf.kind == "html":
            if is_blank(line[position:]):
                self._finish(leaf)
                return False
            leaf.lines.append(number)
            leaf.texts.append(line[position:])
            return True
        return False

    @staticmethod
    def _is_table_delimiter(paragraph: Block | None, rest: str) -> bool:
        """GFM: a delimiter row under a paragraph's last line with as many cells makes a table."""
        if paragraph is None or not TABLE_DELIMITER.match(rest) or "-" not in rest:
            return False
        header = paragraph.texts[-1]
        return ("|" in rest or "|" in header) and cells(rest) == cells(header)

    @staticmethod
    def _leaf_start(rest: str) -> str | None:
        if PLACEHOLDER.match(rest):
            return "placeholder"
        if ATX_HEADING.match(rest):
            return "heading"
        fence = FENCE.match(rest)
        if fence and not (fence[1][0] == "`" and "`" in fence[2]):
            return "fence"
        if HTML_BLOCK.match(rest):
            return "html"
        if THEMATIC_BREAK.match(rest):
            return "thematic_break"
        return None

    def _open_item(
        self, container: Block, marker: ListMarker, line: str, position: int, indent: int
    ) -> tuple[Block, int]:
        after = position + indent + marker.width
        padding = spaces(line, after)
        if marker.empty:
            width = marker.width + 1
        elif padding > 4:
            width = marker.width + 1  # the content is an indented code block
        else:
            width = marker.width + padding
        previous = self._open_child(container)
        # A list goes on while its items have the same bullet or the same delimiter.
        if previous is not None and previous.kind == "list" and previous.marker == marker.marker:
            lst = previous
        else:
            lst = self._add(container, "list", marker=marker.marker, start=marker.start)
        item = self._add(lst, "item", content_indent=indent + width)
        return item, min(len(line), position + indent + width)

    def _start_table(self, container: Block, paragraph: Block, number: int, rest: str) -> None:
        header_line, header_text = paragraph.lines.pop(), paragraph.texts.pop()
        if not paragraph.lines:
            container.children.remove(paragraph)
        else:
            self._finish(paragraph)
        table = self._add(container, "table")
        table.lines += [header_line, number]
        table.texts += [header_text, rest]

    # -- the whole document -----------------------------------------------------------------

    def finish(self) -> Block:
        self._close_below(self.document)
        for block in self.document.walk():
            if block.kind == "list":
                block.loose = self._is_loose(block)
        return self.document

    def _is_loose(self, lst: Block) -> bool:
        """CommonMark: a list is loose when a blank line separates two of its items or
        two blocks directly inside one of its items."""
        spans = [(a.last_line, b.first_line) for a, b in itertools.pairwise(lst.children)]
        for item in lst.children:
            spans += [(a.last_line, b.first_line) for a, b in itertools.pairwise(item.children)]
        return any(
            any(line in self.blank_lines for line in range(end + 1, start)) for end, start in spans
        )


def parse(lines: Sequence[str]) -> Block:
    """The document's block tree."""
    parser = _Parser()
    for number, line in enumerate(lines):
        parser.add_line(number, line)
    return parser.finish()


def top_level_blocks(lines: Sequence[str]) -> list[Block]:
    """The blocks directly in the document, in order."""
    return parse(lines).children


def soft_break_lines(text: str) -> set[int]:
    """Numbers of the lines (from 0) whose line end is a soft break inside a paragraph:
    the next line continues the same paragraph (or the same Q&A answer)."""
    if "\n" not in text:
        return set()  # one line: nothing continues it (most fields; exports call this often)
    lines = text.split("\n")
    soft: set[int] = set()
    for block in parse(lines).walk():
        if block.kind == "paragraph":
            soft.update(block.lines[:-1])
    return soft
