"""Python-Markdown extensions that make it read notes as CommonMark/GFM blogs do.

`CommonMarkBlocksExtension` replaces Python-Markdown's list handling and splits
its blocks where CommonMark starts a new one (see `recap.export.commonmark_blocks`):

- nested lists indented by 2, 3 or 4 spaces or a tab after ``- item`` nest, by
  the item's content column as in CommonMark, not by multiples of four;
- a list (or a heading, quote, fence, rule) right after a line of text starts
  there, without a blank line before it;
- a list is tight or loose as a whole; an ordered list keeps its start number;
  ``1)`` is an ordered list; a change of bullet starts a new list;
- a paragraph line that starts with ``#`` but no space (``#태그``) stays text;
- a backslash at the end of a line is a hard line break;
- ``~one tilde~`` strikes through as ``~~two~~`` do;
- ``*`` and ``_`` open and close emphasis by CommonMark's flanking rules, which
  look at punctuation: ``**"인용"**이`` stays as typed, as it does on the blogs.

Fenced code blocks (anywhere, also in lists and quotes) come from
pymdownx.superfences, which stashes each one before this extension sees the
blocks; a stashed block is a single placeholder line here.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.util import AtomicString

from recap.domain.commonmark_blocks import Block, parse

__all__ = ["CommonMarkBlocksExtension"]

_HASH_LINE: Final = re.compile(r"^([ ]*)#", re.MULTILINE)
# A list goes on after a blank line only with an indented line or another item.
_MAY_CONTINUE_LIST: Final = re.compile(r"\n*(?:[ ]|[-+*](?:[ ]|$)|\d{1,9}[.)](?:[ ]|$))")
_BACKSLASH_BREAK: Final = r"\\\n"
# GFM strikes through between one tilde and another too (pymdownx.tilde does ~~two~~).
_SINGLE_TILDE: Final = r"(?<!~)(~)(?=[^\s~])(.+?)(?<=[^\s~])~(?!~)"
_CACHE_SIZE: Final = 64


class CommonMarkBlockProcessor(BlockProcessor):
    """Splits a block into the blocks CommonMark sees in it and builds lists itself."""

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)
        self._parsed: dict[str, Block] = {}

    def _parse(self, text: str) -> Block:
        tree = self._parsed.get(text)
        if tree is None:
            if len(self._parsed) >= _CACHE_SIZE:
                self._parsed.clear()
            tree = self._parsed[text] = parse(text.split("\n"))
        return tree

    def test(self, parent: etree.Element, block: str) -> bool:
        children = self._parse(block).children
        if len(children) != 1:
            return len(children) > 1
        only = children[0]
        if only.kind in ("list", "quote", "setext_heading", "fence"):
            return True
        return only.kind == "paragraph" and any(text.startswith("#") for text in only.texts)

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        first = self._parse(block).children[0]
        if first.kind == "list":
            while blocks and _MAY_CONTINUE_LIST.match(blocks[0]):
                block += "\n\n" + blocks.pop(0)
            first = self._parse(block).children[0]
        lines = block.split("\n")
        rest = lines[first.last_line + 1 :]
        while rest and not rest[0].strip():
            rest.pop(0)
        if rest:
            blocks.insert(0, "\n".join(rest))
        if first.kind == "list":
            self._build_list(parent, first, lines)
        elif first.kind == "quote":
            # Not Python-Markdown's: it joins quotes that only a blank line separates.
            quote = etree.SubElement(parent, "blockquote")
            self.parser.parseChunk(quote, _content(first, first, lines))
        elif first.kind == "fence":
            _code_block(parent, first)
        elif first.kind == "setext_heading":
            level = 1 if first.texts[-1].startswith("=") else 2
            heading = etree.SubElement(parent, f"h{level}")
            heading.text = "\n".join(text.strip() for text in first.texts[:-1])
        elif first.kind == "paragraph":
            # Escaped so that Python-Markdown does not read ``#태그`` as a heading.
            text = "\n".join(first.texts)
            blocks.insert(0, _HASH_LINE.sub(r"\1\\#", text))
        else:
            blocks.insert(0, "\n".join(lines[first.first_line : first.last_line + 1]))
        return True

    def _build_list(self, parent: etree.Element, lst: Block, lines: Sequence[str]) -> None:
        ordered = lst.marker in ".)"
        element = etree.SubElement(parent, "ol" if ordered else "ul")
        if ordered and lst.start != 1:
            element.set("start", str(lst.start))
        for item in lst.children:
            li = etree.SubElement(element, "li")
            for child in item.children:
                self._add_to_item(li, child, item, lines, lst.loose)

    def _add_to_item(
        self, li: etree.Element, child: Block, item: Block, lines: Sequence[str], loose: bool
    ) -> None:
        if not loose and child.kind == "paragraph":
            # A tight list's paragraphs are the item's own text.
            text = "\n".join(child.texts)
            if len(li):
                li[-1].tail = (li[-1].tail or "") + text
            else:
                li.text = (li.text or "") + text
            return
        if child.kind == "placeholder":
            # Python-Markdown swaps a paragraph holding only a placeholder for the stashed block.
            etree.SubElement(li, "p").text = child.texts[0].strip()
            return
        if child.kind == "fence":
            _code_block(li, child)
            return
        self.parser.state.set("looselist")
        try:
            self.parser.parseBlocks(li, [_content(item, child, lines)])
        finally:
            self.parser.state.reset()


def _content(container: Block, child: Block, lines: Sequence[str]) -> str:
    """The lines of ``child`` without the markers and indentation of ``container``."""
    return "\n".join(
        lines[number][container.content_offsets[number] :]
        if number in container.content_offsets
        else lines[number].lstrip(" ")
        for number in range(child.first_line, child.last_line + 1)
    )


def _code_block(parent: etree.Element, fence: Block) -> None:
    """A fence superfences left alone because nothing closes it: CommonMark closes it
    at the end of its container. Shown as plain code."""
    body = fence.texts[1:]
    closing = re.compile(rf"{re.escape(fence.fence[0])}{{{len(fence.fence)},}}[ \t]*$")
    if body and closing.match(body[-1]):
        body.pop()
    code = etree.SubElement(etree.SubElement(parent, "pre"), "code")
    code.text = AtomicString("".join(line + "\n" for line in body))


# Python-Markdown keeps code spans, links and raw HTML as placeholders between these
# while it parses emphasis; each stands for markup that ends in punctuation (` ) >).
_PLACEHOLDER_EDGES: Final = "\x02\x03"


def _is_punctuation(character: str) -> bool:
    return character in _PLACEHOLDER_EDGES or unicodedata.category(character)[0] in "PS"


def _is_space(character: str) -> bool:
    return character == "" or character.isspace()


@dataclass(frozen=True)
class _Run:
    """What Python-Markdown's delimiter processor reads from a match."""

    lastgroup: str
    begin: int
    finish: int
    text: str

    def start(self, _group: int = 0) -> int:
        return self.begin

    def end(self, _group: int = 0) -> int:
        return self.finish

    def group(self, _group: int = 0) -> str:
        return self.text


class _FlankingBoundary:
    """A run of ``*`` or ``_`` that may open ("start"), close ("end") or both
    ("ambiguous") emphasis, by CommonMark's left- and right-flanking rules."""

    def __init__(self, token: str) -> None:
        self.token = token

    def match(self, data: str, position: int) -> _Run | None:
        if data[position : position + 1] != self.token:
            return None
        end = position
        while end < len(data) and data[end] == self.token:
            end += 1
        before = data[position - 1] if position else ""
        after = data[end] if end < len(data) else ""
        left = not _is_space(after) and (
            not _is_punctuation(after) or _is_space(before) or _is_punctuation(before)
        )
        right = not _is_space(before) and (
            not _is_punctuation(before) or _is_space(after) or _is_punctuation(after)
        )
        if self.token == "_":
            can_open = left and (not right or _is_punctuation(before))
            can_close = right and (not left or _is_punctuation(after))
        else:
            can_open, can_close = left, right
        if can_open and can_close:
            kind = "ambiguous"
        elif can_open:
            kind = "start"
        elif can_close:
            kind = "end"
        else:
            return None
        return _Run(kind, position, end, data[position:end])


class CommonMarkBlocksExtension(Extension):
    """Block structure as CommonMark reads it (see the module's docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        processors = md.parser.blockprocessors
        for name in ("indent", "olist", "ulist"):
            if name in processors:
                processors.deregister(name)
        processors.register(CommonMarkBlockProcessor(md.parser), "commonmark_blocks", 105)
        md.inlinePatterns.register(
            SubstituteTagInlineProcessor(_BACKSLASH_BREAK, "br"), "backslash_break", 185
        )
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(_SINGLE_TILDE, "del"), "single_tilde_strike", 35
        )
        if md.delimiters is not None:
            for token, delimiter in md.delimiters.delimiters.items():
                delimiter.boundary = _FlankingBoundary(token)  # type: ignore[assignment]
        md.registerExtension(self)

    def reset(self) -> None:
        pass
