"""Colours for Markdown source as it is typed: the highlighter follows the renderer's
rules (recap/export/commonmark_blocks.py) line by line, so what it colours as a list,
a quote or code is what the preview shows as one. It only sets formats: it never
touches the text, so an input method's pre-edit (Hangul being composed) is safe."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from recap.ui.theme import is_dark

# --- highlighting -------------------------------------------------------------

# The block state carries what the next line needs to know, as CommonMark (and the
# renderer, see recap.export.commonmark_blocks) reads it. Outside fenced code:
# (content column of the innermost open list item + 1, or 0) * 4 + what the line was
# (blank, paragraph text, or something else). Inside fenced code: _FENCE_STATE plus
# the fence's kind and length and the list column to return to.
_NORMAL_STATE = 0
_BLANK, _TEXT, _OTHER = 0, 1, 2
_FENCE_STATE = 1_000_000
_TILDE = 500_000
_MAX_LIST_COLUMN = 499

_FENCE_OPEN = re.compile(r"^( *)(`{3,}|~{3,})(.*)$")
_FENCE_CLOSE = re.compile(r"^( *)(`{3,}|~{3,})[ \t]*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)")
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCKQUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_LIST_MARKER = re.compile(r"^( *)([-*+]|(\d{1,9})[.)])( {1,4}(?! )|[ \t]*$| +)")
_TABLE_PIPE = re.compile(r"\|")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(
    r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)|(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])"
)
_STRIKETHROUGH = re.compile(r"(?<!~)(~~?)(?=[^\s~])(.+?)(?<=[^\s~])\1(?!~)")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:[ \t]+\"[^\"]*\")?\)")
_BARE_URL = re.compile(r"<(?:https?|mailto):[^>\s]+>|\b(?:https?://|www\.)[^\s<>()]+")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def _fence_state(marker: str, list_column: int) -> int:
    kind = _TILDE if marker.startswith("~") else 0
    return _FENCE_STATE + kind + list_column * 1_000 + min(len(marker), 999)


def _fence_parts(state: int) -> tuple[str, int, int]:
    """The fence character, its length and the list column of a fenced-code state."""
    rest = state - _FENCE_STATE
    character = "~" if rest >= _TILDE else "`"
    rest %= _TILDE
    return character, rest % 1_000, rest // 1_000


def _closes_fence(text: str, state: int) -> bool:
    match = _FENCE_CLOSE.match(text.expandtabs(4))
    if match is None:
        return False
    character, length, list_column = _fence_parts(state)
    marker = match.group(2)
    indent = len(match.group(1)) - max(list_column - 1, 0)
    return marker[0] == character and len(marker) >= length and indent <= 3


@dataclass(frozen=True)
class _LineShape:
    """What the renderer makes of one line, for colouring it and for the next line."""

    kind: str  # "blank", "text", "list", "code", "other"
    list_column: int  # the open list item's content column + 1, or 0
    marker: tuple[int, int] | None = None  # where a list marker is


def _line_shape(text: str, state: int) -> _LineShape:
    """CommonMark's reading of a line outside fenced code, given the previous line's state:
    a list marker nests by the open item's content column (2, 3 or 4 spaces or a tab
    all nest); an indented line is code after a blank line and text after text."""
    list_column, previous = divmod(state, 4)
    line = text.expandtabs(4)
    indent = len(line) - len(line.lstrip(" "))
    if not line.strip():
        return _LineShape("blank", list_column)
    base = max(list_column - 1, 0)  # where a nested block's indentation is counted from
    # Less indented than the open item: it belongs to an outer item (or none), whose
    # column the state does not keep; it is not deep enough to be code there.
    relative = indent - base if indent >= base else min(indent, 3 if list_column else indent)
    if relative >= 4:
        return _LineShape("text" if previous == _TEXT else "code", list_column)
    marker = _LIST_MARKER.match(line)
    if marker is not None and not _THEMATIC_BREAK.match(line):
        ordered_start = marker.group(3)
        empty = not line[marker.end() :].strip()
        # A list interrupts a line of text only with a bullet or "1." and some content.
        interrupts = not empty and (ordered_start is None or int(ordered_start) == 1)
        if previous != _TEXT or interrupts or list_column:
            content = marker.end() if not empty else marker.end(2) + 1
            if len(marker.group(4)) > 4:
                content = marker.end(2) + 1
            return _LineShape(
                "list", min(content + 1, _MAX_LIST_COLUMN), (marker.start(2), marker.end(2))
            )
    if list_column and indent < base and previous == _BLANK:
        list_column = 0  # not indented into the item after a blank line: the list ended
    if _HEADING.match(line) or _THEMATIC_BREAK.match(line) or _BLOCKQUOTE.match(line):
        return _LineShape("other", list_column)
    return _LineShape("text", list_column)


def _utf16_positions(text: str) -> list[int] | None:
    """Qt counts UTF-16 units, Python counts code points; map one to the other.

    Returns None when they agree (no characters outside the BMP, e.g. emoji).
    """
    if not text or max(text) <= "\uffff":
        return None
    positions = []
    position = 0
    for character in text:
        positions.append(position)
        position += 2 if character > "\uffff" else 1
    positions.append(position)
    return positions


@dataclass(frozen=True)
class MarkdownFormats:
    """The character formats the highlighter uses, chosen for a light or dark palette."""

    heading: QTextCharFormat
    strong: QTextCharFormat
    emphasis: QTextCharFormat
    strikethrough: QTextCharFormat
    marker: QTextCharFormat
    link_text: QTextCharFormat
    link_url: QTextCharFormat
    code: QTextCharFormat
    code_block: QTextCharFormat
    fence: QTextCharFormat
    blockquote: QTextCharFormat

    @classmethod
    def for_palette(cls, palette: QPalette) -> MarkdownFormats:
        dark = is_dark(palette)

        def colour(light: str, on_dark: str) -> QColor:
            return QColor(on_dark if dark else light)

        # A translucent grey tints both white and near-black bases visibly.
        code_background = QColor(128, 128, 128, 48)

        def make(
            foreground: QColor | None = None,
            *,
            bold: bool = False,
            italic: bool = False,
            underline: bool = False,
            strike: bool = False,
            background: QColor | None = None,
        ) -> QTextCharFormat:
            text_format = QTextCharFormat()
            if foreground is not None:
                text_format.setForeground(foreground)
            if background is not None:
                text_format.setBackground(background)
            if bold:
                text_format.setFontWeight(QFont.Weight.Bold)
            if italic:
                text_format.setFontItalic(True)
            if underline:
                text_format.setFontUnderline(True)
            if strike:
                text_format.setFontStrikeOut(True)
            return text_format

        code_colour = colour("#3d4a57", "#d0d7de")  # neutral: code is content, not an error
        return cls(
            heading=make(colour("#1f5fbf", "#6cb6ff"), bold=True),
            strong=make(bold=True),
            emphasis=make(italic=True),
            strikethrough=make(strike=True),
            marker=make(colour("#b35900", "#e8a33d"), bold=True),
            link_text=make(colour("#08787f", "#4fd1c5"), underline=True),
            link_url=make(colour("#667380", "#8d9aa7")),
            code=make(code_colour, background=code_background),
            code_block=make(code_colour, background=code_background),
            fence=make(colour("#667380", "#8d9aa7"), background=code_background),
            blockquote=make(colour("#56636f", "#a3afbb"), italic=True),
        )


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours Markdown source. It only sets formats: it never edits the text,
    so an input method's pre-edit (a Hangul syllable being composed) survives."""

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        palette = palette or QGuiApplication.palette()
        self._dark = is_dark(palette)
        self._formats = MarkdownFormats.for_palette(palette)

    @property
    def formats(self) -> MarkdownFormats:
        return self._formats

    def set_palette(self, palette: QPalette) -> None:
        """Switch colours when the palette turns from light to dark or back."""
        if is_dark(palette) != self._dark:
            self._dark = not self._dark
            self._formats = MarkdownFormats.for_palette(palette)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        formats = self._formats
        utf16 = _utf16_positions(text)

        def paint(start: int, end: int, text_format: QTextCharFormat) -> None:
            if utf16 is not None:
                start, end = utf16[start], utf16[end]
            if end > start:
                self.setFormat(start, end - start, text_format)

        previous = max(self.previousBlockState(), _NORMAL_STATE)
        if previous >= _FENCE_STATE:
            if _closes_fence(text, previous):
                paint(0, len(text), formats.fence)
                self.setCurrentBlockState(_fence_parts(previous)[2] * 4 + _OTHER)
            else:
                paint(0, len(text), formats.code_block)
                self.setCurrentBlockState(previous)
            return
        shape = _line_shape(text, previous)
        next_kind = {"blank": _BLANK, "text": _TEXT}.get(shape.kind, _OTHER)
        self.setCurrentBlockState(shape.list_column * 4 + next_kind)
        if shape.kind == "code":
            paint(0, len(text), formats.code_block)
            return

        fence = _FENCE_OPEN.match(text.expandtabs(4))
        list_indent = max(shape.list_column - 1, 0)
        # CommonMark: a backtick fence's info string cannot contain a backtick
        # (that line is inline code instead).
        if (
            fence is not None
            and len(fence.group(1)) - list_indent <= 3
            and not (fence.group(2)[0] == "`" and "`" in fence.group(3))
        ):
            paint(0, len(text), formats.fence)
            self.setCurrentBlockState(_fence_state(fence.group(2), shape.list_column))
            return
        if _THEMATIC_BREAK.match(text):
            paint(0, len(text), formats.marker)
            return

        line_format: QTextCharFormat | None = None
        if _HEADING.match(text):
            line_format = formats.heading
            paint(0, len(text), line_format)
        elif quote := _BLOCKQUOTE.match(text):
            line_format = formats.blockquote
            paint(0, len(text), line_format)
            paint(quote.start(), quote.end(), formats.marker)
        elif shape.marker is not None:
            # The marker is the line's first non-blank text (its columns count tabs as 4).
            start = len(text) - len(text.lstrip(" \t"))
            paint(start, start + shape.marker[1] - shape.marker[0], formats.marker)
        if text.lstrip().startswith("|"):
            for pipe in _TABLE_PIPE.finditer(text):
                paint(pipe.start(), pipe.end(), formats.marker)

        def layered(text_format: QTextCharFormat) -> QTextCharFormat:
            if line_format is None:
                return text_format
            combined = QTextCharFormat(line_format)
            combined.merge(text_format)
            return combined

        for pattern, text_format in (
            (_STRONG, formats.strong),
            (_EMPHASIS, formats.emphasis),
            (_STRIKETHROUGH, formats.strikethrough),
        ):
            styled = layered(text_format)
            for match in pattern.finditer(text):
                paint(match.start(), match.end(), styled)
        for match in _BARE_URL.finditer(text):
            paint(match.start(), match.end(), layered(formats.link_text))
        for match in _LINK.finditer(text):
            paint(match.start(), match.end(), layered(formats.link_url))
            paint(match.start(1), match.end(1), layered(formats.link_text))
        # Last, so that nothing inside a code span looks like markup.
        for match in _CODE_SPAN.finditer(text):
            paint(match.start(), match.end(), formats.code)
