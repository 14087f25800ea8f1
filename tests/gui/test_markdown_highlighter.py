"""The highlighter colours as lists, code and quotes what the renderer reads as such.

The renderer's block structure (recap.export.commonmark_blocks, the one
render_markdown uses) is the reference: for every line of the oracle corpus
(tests/data/notes) and of a few tricky shapes, the highlighter paints a list marker
exactly where an item starts and code exactly where a code block is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from recap.domain.commonmark_blocks import parse
from recap.export.markdown_html import render_markdown
from recap.ui.markdown_text_edit import MarkdownTextEdit

NOTES = Path(__file__).parent.parent / "data" / "notes"
NOTE_FILES = sorted(path for path in NOTES.glob("*.md") if path.name != "README.md")


@pytest.fixture
def source(qtbot: QtBot) -> MarkdownTextEdit:
    edit = MarkdownTextEdit()
    qtbot.addWidget(edit)
    return edit


def line_formats(edit: MarkdownTextEdit, number: int) -> list[tuple[int, int, QTextCharFormat]]:
    block = edit.document().findBlockByNumber(number)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def highlighted(edit: MarkdownTextEdit, text: str) -> tuple[set[int], set[int]]:
    """The lines coloured with a list marker, and the lines coloured as code."""
    edit.setPlainText(text)
    formats = edit.highlighter.formats
    markers, code = set(), set()
    for number, line in enumerate(text.split("\n")):
        ranges = line_formats(edit, number)
        indent = len(line) - len(line.lstrip(" \t"))
        painted = any(start == indent and fmt == formats.marker for start, _l, fmt in ranges)
        # A thematic break (---) is painted as a marker too; it is no list item.
        is_rule = set(line.strip()) <= set("-*_ ")
        if painted and line.lstrip(" \t")[:1] in "-*+0123456789" and not is_rule:
            markers.add(number)
        # Code and fence lines are painted whole (inline code only in part).
        whole = [fmt for start, length, fmt in ranges if start == 0 and length == len(line) > 0]
        if any(fmt in (formats.code_block, formats.fence) for fmt in whole):
            code.add(number)
    return markers, code


def rendered(text: str) -> tuple[set[int], set[int]]:
    """The lines where the renderer starts a list item, and its code lines (outside quotes)."""
    markers, code = set(), set()

    def visit(block, in_quote: bool) -> None:  # type: ignore[no-untyped-def]
        if block.kind == "item" and not in_quote:
            markers.add(block.first_line)
        if block.kind in ("code", "fence") and not in_quote:
            code.update(block.lines)
        for child in block.children:
            visit(child, in_quote or block.kind == "quote")

    visit(parse(text.split("\n")), False)
    return markers, code


SHAPES = {
    "nested by 4 spaces": "- item\n    - nested\n        - deeper\n- next",
    "nested by a tab": "- item\n\t- nested",
    "nested by 3 under an ordered item": "1. item\n   - nested",
    "list right after text": "코루틴의 장점:\n- 가벼운 스레드\n- 취소",
    "an indented dash after text is text": "문장\n    - 목록 아님",
    "an indented dash after a blank line is code": "문장\n\n    - 코드",
    "2. after text is text": "문장\n2. 목록 아님",
    "1) is a list": "1) 하나\n2) 둘",
    "fence inside an item": "- 예:\n  ```\n  - 코드 안\n  ```\n- 다음",
    "code inside an item": "- 항목\n\n      코드\n- 다음",
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_shapes_are_coloured_as_the_renderer_reads_them(
    source: MarkdownTextEdit, text: str
) -> None:
    assert highlighted(source, text) == rendered(text)


@pytest.mark.parametrize("note", NOTE_FILES, ids=lambda path: path.stem)
def test_corpus_notes_are_coloured_as_the_renderer_reads_them(
    source: MarkdownTextEdit, note: Path
) -> None:
    text = note.read_text(encoding="utf-8")

    assert highlighted(source, text) == rendered(text)


def test_a_four_space_nested_item_is_coloured_and_rendered_as_a_nested_list(
    source: MarkdownTextEdit,
) -> None:
    text = "- item\n    - nested"
    markers, _code = highlighted(source, text)

    assert markers == {0, 1}
    assert render_markdown(text).count("<ul>") == 2
    assert (4, 1, source.highlighter.formats.marker) in line_formats(source, 1)
