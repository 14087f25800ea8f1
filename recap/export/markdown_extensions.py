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
- ``~one tilde~`` strikes through as ``~~two~~`` do.

Fenced code blocks (anywhere, also in lists and quotes) come from
pymdownx.superfences, which stashes each one before this extension sees the
blocks; a stashed block is a single placeholder line here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Sequence
from typing import Final

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor

from recap.export.commonmark_blocks import Block, parse

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
        if only.kind == "list":
            return True
        if only.kind == "setext_heading":
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
        text = "\n".join(
            lines[number][item.content_offsets[number] :]
            if number in item.content_offsets
            else lines[number].lstrip(" ")
            for number in range(child.first_line, child.last_line + 1)
        )
        self.parser.state.set("looselist")
        try:
            self.parser.parseBlocks(li, [text])
        finally:
            self.parser.state.reset()


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
        md.registerExtension(self)

    def reset(self) -> None:
        pass
