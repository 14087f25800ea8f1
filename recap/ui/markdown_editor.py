"""The note editor: highlighted Markdown source beside a live HTML preview.

Typing must stay instant and must never disturb an input method (Korean is
composed syllable by syllable in a pre-edit area): the highlighter only sets
formats, nothing here edits the document behind the user's back, and the
preview is rendered after a pause in typing, on a worker thread when the note
is large.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from recap.export.markdown_html import (
    DEFAULT_LINE_BREAKS,
    LINE_BREAKS,
    LineBreaks,
    pygments_css,
    render_markdown,
)
from recap.ui.theme import is_dark

__all__ = [
    "MarkdownEditor",
    "MarkdownFormats",
    "MarkdownHighlighter",
    "MarkdownTextEdit",
    "editor_font",
    "preview_font",
    "qt_rich_text",
]

logger = logging.getLogger(__name__)

# Sizes are counted in characters, which QTextDocument knows without copying the
# text. Mixed Korean/English notes run ~1.45 UTF-8 bytes per character, so these
# are about 8 KB and 20 KB. Rendering costs ~2.7 µs per character (see
# PERFORMANCE-NOTES.md), so a background-sized note would take >15 ms inline.
BACKGROUND_RENDER_CHARS = 5_500
LARGE_NOTE_CHARS = 14_000
SMALL_NOTE_DEBOUNCE_MS = 150
LARGE_NOTE_DEBOUNCE_MS = 500
# How often the editor looks for a finished background render: one frame at 60 Hz.
BACKGROUND_POLL_MS = 16

INDENT = "  "
BULLET = "- "
LINK_URL_PLACEHOLDER = "https://"

# Families are tried in order for each character, so a Latin-only first choice
# still gets Hangul from a later one. Only installed families are passed to Qt
# (a missing family makes Qt scan its alias table, which is slow).
_CJK_MONOSPACE_FAMILIES = ("D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding")
_KOREAN_TEXT_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Apple SD Gothic Neo",
    "Malgun Gothic",
    "NanumGothic",
    "NanumBarunGothic",
)


@functools.cache
def _installed_families() -> frozenset[str]:
    return frozenset(family.casefold() for family in QFontDatabase.families())


def _with_families(base: QFont, preferred: Iterable[str], fallbacks: Iterable[str]) -> QFont:
    installed = _installed_families()
    families: list[str] = []
    for family in [*preferred, base.family(), *fallbacks]:
        if family and family.casefold() in installed and family not in families:
            families.append(family)
    font = QFont(base)
    if families:
        font.setFamilies(families)
    return font


def editor_font() -> QFont:
    """A monospace font for Markdown source that also has Hangul."""
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if QGuiApplication.font().pointSizeF() > 0:
        base.setPointSizeF(QGuiApplication.font().pointSizeF())
    font = _with_families(base, _CJK_MONOSPACE_FAMILIES, _KOREAN_TEXT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    return font


def preview_font() -> QFont:
    """The application's text font, with Korean fallbacks for the preview."""
    return _with_families(QGuiApplication.font(), (), _KOREAN_TEXT_FAMILIES)


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


# --- the source editor ----------------------------------------------------------

_CTRL = Qt.KeyboardModifier.ControlModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_NO_MODIFIER = Qt.KeyboardModifier.NoModifier
_OTHER_LIST_MARKER = re.compile(r"^([ \t]*)([*+]|\d{1,9}[.)])[ \t]+")
_URL_LIKE = re.compile(r"^(?:https?://|mailto:)\S+$")


def _blocks_of(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks (lines) a cursor's selection touches, or its own block."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    # A selection ending at the very start of a line does not include that line.
    if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
        last = last.previous()
    blocks = [first]
    while blocks[-1] != last and blocks[-1].next().isValid():
        blocks.append(blocks[-1].next())
    return blocks


def _leading_whitespace(text: str) -> int:
    # Whitespace lies inside the BMP, so this count is also a count of UTF-16 units.
    return len(text) - len(text.lstrip(" \t"))


class MarkdownTextEdit(QPlainTextEdit):
    """Plain-text Markdown source with formatting shortcuts.

    Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+L bullet list, Tab and
    Shift+Tab indent by two spaces. Every command is one undo step.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(editor_font())
        self.setTabChangesFocus(False)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        self._commands: dict[tuple[Qt.KeyboardModifier, int], Callable[[], None]] = {
            (_CTRL, Qt.Key.Key_B.value): self.make_bold,
            (_CTRL, Qt.Key.Key_I.value): self.make_italic,
            (_CTRL, Qt.Key.Key_K.value): self.make_link,
            (_CTRL | _SHIFT, Qt.Key.Key_L.value): self.toggle_bullet_list,
            (_NO_MODIFIER, Qt.Key.Key_Tab.value): self.indent,
            (_SHIFT, Qt.Key.Key_Backtab.value): self.dedent,
            (_NO_MODIFIER, Qt.Key.Key_Backtab.value): self.dedent,
        }

    # Commands --------------------------------------------------------------

    def make_bold(self) -> None:
        """Wrap the selection in ``**``, or insert ``****`` with the cursor inside."""
        self._wrap_selection("**")

    def make_italic(self) -> None:
        """Wrap the selection in ``*``, or insert ``**`` with the cursor inside."""
        self._wrap_selection("*")

    def make_link(self) -> None:
        """Turn the selection into ``[selection](https://)`` with the URL selected.

        A selected URL becomes ``[](url)`` with the cursor where its text goes.
        """
        cursor = self.textCursor()
        start, end = self._trimmed_selection(cursor)
        selected = self._text_between(start, end)
        cursor.beginEditBlock()
        if selected and _URL_LIKE.match(selected):
            self._insert_at(cursor, end, ")")
            self._insert_at(cursor, start, "[](")
            cursor.setPosition(start + 1)
        else:
            self._insert_at(cursor, end, f"]({LINK_URL_PLACEHOLDER})")
            self._insert_at(cursor, start, "[")
            if selected:
                url_start = end + 3  # past "[" and "]("
                cursor.setPosition(url_start)
                cursor.setPosition(
                    url_start + len(LINK_URL_PLACEHOLDER), QTextCursor.MoveMode.KeepAnchor
                )
            else:
                cursor.setPosition(start + 1)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def toggle_bullet_list(self) -> None:
        """Add ``- `` to the selected lines, or remove it if every line has it.

        Other list markers (``*``, ``+``, ``1.``) are replaced by ``- ``; blank
        lines inside a multi-line selection are left alone.
        """
        cursor = self.textCursor()
        blocks = _blocks_of(cursor)
        lines = [block for block in blocks if block.text().strip()] or blocks
        remove = all(block.text().lstrip(" \t").startswith(BULLET) for block in lines)
        cursor.beginEditBlock()
        for block in lines:
            text = block.text()
            indent = _leading_whitespace(text)
            edit = QTextCursor(block)
            edit.setPosition(block.position() + indent)
            if remove:
                edit.setPosition(
                    block.position() + indent + len(BULLET), QTextCursor.MoveMode.KeepAnchor
                )
                edit.removeSelectedText()
            elif not text[indent:].startswith(BULLET):
                other = _OTHER_LIST_MARKER.match(text)
                if other is not None:
                    edit.setPosition(
                        block.position() + other.end(), QTextCursor.MoveMode.KeepAnchor
                    )
                edit.insertText(BULLET)
        cursor.endEditBlock()

    def indent(self) -> None:
        """Tab: two spaces at the cursor, or before every selected line."""
        cursor = self.textCursor()
        blocks = _blocks_of(cursor)
        if len(blocks) == 1:
            cursor.insertText(INDENT)
            self.setTextCursor(cursor)
            return
        cursor.beginEditBlock()
        for block in blocks:
            edit = QTextCursor(block)
            edit.insertText(INDENT)
        cursor.endEditBlock()

    def dedent(self) -> None:
        """Shift+Tab: remove up to two leading spaces from the current or selected lines."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in _blocks_of(cursor):
            text = block.text()
            count = len(text) - len(text.lstrip(" "))
            count = min(count, len(INDENT))
            if count:
                edit = QTextCursor(block)
                edit.setPosition(block.position() + count, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
        cursor.endEditBlock()

    # Qt overrides ------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Claim our keys before an application-wide shortcut with the same keys does.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._command_for(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self._command_for(event)
        if command is None:
            super().keyPressEvent(event)
            return
        command()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())

    # Helpers ---------------------------------------------------------------

    def _command_for(self, event: QKeyEvent) -> Callable[[], None] | None:
        if self.isReadOnly():
            return None
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return self._commands.get((modifiers, event.key()))

    def _trimmed_selection(self, cursor: QTextCursor) -> tuple[int, int]:
        """The selection without surrounding whitespace: ``** word**`` is not bold."""
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        selected = cursor.selectedText()
        if selected and not selected.isspace():
            start += len(selected) - len(selected.lstrip())
            end -= len(selected) - len(selected.rstrip())
        return start, end

    def _text_between(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    @staticmethod
    def _insert_at(cursor: QTextCursor, position: int, text: str) -> None:
        cursor.setPosition(position)
        cursor.insertText(text)

    def _wrap_selection(self, marker: str) -> None:
        cursor = self.textCursor()
        start, end = self._trimmed_selection(cursor)
        cursor.beginEditBlock()
        # The end first, so that the start position stays valid.
        self._insert_at(cursor, end, marker)
        self._insert_at(cursor, start, marker)
        inner_start = start + len(marker)
        cursor.setPosition(inner_start)
        cursor.setPosition(inner_start + end - start, QTextCursor.MoveMode.KeepAnchor)
        cursor.endEditBlock()
        self.setTextCursor(cursor)


# --- the preview -------------------------------------------------------------

_PREVIEW_CSS = """
table { border-collapse: collapse; border-style: solid; border-width: 1px;
        border-color: #8a8a8a; margin-top: 6px; margin-bottom: 6px; }
th, td { border-style: solid; border-width: 1px; border-color: #8a8a8a; padding: 3px 8px; }
th { font-weight: bold; }
pre { white-space: pre-wrap; }
code { font-family: "D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding", monospace; }
blockquote { margin-left: 12px; font-style: italic; }
.codehilite { padding: 6px; }
"""


class _PreviewBrowser(QTextBrowser):
    """Shows the rendered note; external links open in the user's browser.

    Relative links are not followed: they would replace the note with whatever
    local file they name.
    """

    def doSetSource(
        self,
        name: QUrl | str,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        url = QUrl(name)
        if url.hasFragment() and not url.path() and not url.scheme():
            self.scrollToAnchor(url.fragment())


class _BackgroundRenderer:
    """Renders Markdown on one worker thread, created on first use.

    The worker is handed only the text and hands back only a string (or None
    when rendering failed): it holds nothing that owns a Qt object and nothing
    a Qt connection points at, so nothing of the editor is ever freed on it.
    The editor collects the result on its own thread (`take_result`, polled by
    a timer). Closing never waits: the worker finishes the render it is on,
    nobody collects it, and the thread ends.
    """

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future[str | None] | None = None
        self._pending_generation = 0

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def submit(
        self, text: str, generation: int, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS
    ) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recap-preview")
        self._pending = self._executor.submit(_render_safely, text, line_breaks)
        self._pending_generation = generation

    def take_result(self) -> tuple[int, str | None] | None:
        """The finished render's generation and HTML (None: it failed), or None while busy."""
        if self._pending is None or not self._pending.done():
            return None
        html = self._pending.result()  # _render_safely logs failures instead of raising
        self._pending = None
        return self._pending_generation, html

    def close(self, *_destroyed: object) -> None:
        """Let the worker end after its current render, without waiting for it."""
        self._pending = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


class MarkdownEditor(QWidget):
    """Markdown source (`text_edit`) and its rendered preview (`preview`) side by side.

    `textEdited` is emitted whenever the user changes the text (typing, paste,
    undo, formatting shortcuts), never by `set_markdown` and never while an
    input method is only composing. `previewUpdated` is emitted after the
    preview shows new HTML.
    """

    textEdited = Signal()
    previewUpdated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = MarkdownTextEdit()
        self.preview = _PreviewBrowser()
        self.preview.setOpenExternalLinks(True)
        self.preview.setFont(preview_font())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.text_edit)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # Every change to the text gets a new generation; a render result for an
        # older generation is stale and dropped.
        self._generation = 0
        self._shown_generation = -1
        self._known_text = ""
        self._loading = False
        self._preview_enabled = True
        self._scroll_to_top = False
        # Where the reader is in the preview, as a fraction of its height. Qt lays
        # long documents out lazily, so the height keeps changing for a while
        # after setHtml(); the fraction is re-applied until the user scrolls.
        self._scroll_fraction: float | None = None
        self._render_requested_while_busy = False
        self._line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._start_render)

        self._background = _BackgroundRenderer()
        self._background_poll = QTimer(self)
        self._background_poll.setInterval(BACKGROUND_POLL_MS)
        self._background_poll.timeout.connect(self._collect_background_render)
        # A partial, which PySide holds strongly. For a bound method it holds the
        # object only weakly and, when that object dies on another thread while
        # `destroyed` is being emitted, calls the method on freed memory.
        self.destroyed.connect(functools.partial(_BackgroundRenderer.close, self._background))

        self.text_edit.document().contentsChanged.connect(self._on_contents_changed)
        scroll_bar = self.preview.verticalScrollBar()
        scroll_bar.rangeChanged.connect(self._keep_scroll_fraction)
        scroll_bar.actionTriggered.connect(self._forget_scroll_fraction)
        self._apply_preview_style()

    # Public API -----------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show another note: no `textEdited`, a fresh undo history, preview rendered now."""
        if self.text_edit.hasFocus():
            # A syllable still being composed belongs to the text being replaced.
            QGuiApplication.inputMethod().reset()
        self._loading = True
        try:
            self.text_edit.setPlainText(text)
        finally:
            self._loading = False
        document = self.text_edit.document()
        document.clearUndoRedoStacks()
        document.setModified(False)
        self._generation += 1
        self._scroll_to_top = True
        self._debounce.stop()
        self._start_render()

    def markdown(self) -> str:
        """The note's text exactly as typed (no-break spaces kept, lines joined by ``\\n``)."""
        return _plain_text(self.text_edit.document())

    def set_preview_visible(self, visible: bool) -> None:
        self._preview_enabled = visible
        self.preview.setVisible(visible)
        if not visible:
            self._debounce.stop()
        elif self._shown_generation != self._generation:
            self._start_render()

    def set_preview_placement(self, placement: str) -> None:
        """``beside`` the text, ``below`` it, or ``hidden`` (more room to write)."""
        below = placement == "below"
        self.splitter.setOrientation(
            Qt.Orientation.Vertical if below else Qt.Orientation.Horizontal
        )
        self.set_preview_visible(placement != "hidden")

    def set_placeholder(self, text: str) -> None:
        self.text_edit.setPlaceholderText(text)

    def line_breaks(self) -> LineBreaks:
        return self._line_breaks

    def set_line_breaks(self, line_breaks: str) -> None:
        """Show every typed line as a line ("typed") or join them as CommonMark does ("soft")."""
        chosen: LineBreaks = "soft" if line_breaks == "soft" else "typed"
        if chosen == self._line_breaks:
            return
        self._line_breaks = chosen
        self._shown_generation = -1
        if self._preview_enabled:
            self._start_render()

    def render_now(self) -> None:
        """Render the current text on this thread and show it before returning."""
        self._debounce.stop()
        html = _render_safely(self.markdown(), self._line_breaks)
        if html is not None:
            self._show_html(self._generation, html)

    # Qt overrides ---------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_preview_style()
            self._shown_generation = -1
            if self._preview_enabled:
                self._start_render()

    # Rendering --------------------------------------------------------------

    def _apply_preview_style(self) -> None:
        # Our own palette: the preview's is updated only after this widget hears
        # of a change.
        dark = is_dark(self.palette())
        self.preview.document().setDefaultStyleSheet(pygments_css(dark) + _PREVIEW_CSS)

    @Slot()
    def _on_contents_changed(self) -> None:
        # Also emitted for format-only changes (highlighting) and for every step
        # of an input method's pre-edit; only a change of the text itself counts.
        document = self.text_edit.document()
        text = document.toRawText()
        if text == self._known_text:
            return
        self._known_text = text
        if self._loading:
            return
        self._generation += 1
        if self._preview_enabled:
            large = document.characterCount() > LARGE_NOTE_CHARS
            self._debounce.start(LARGE_NOTE_DEBOUNCE_MS if large else SMALL_NOTE_DEBOUNCE_MS)
        self.textEdited.emit()

    @Slot()
    def _start_render(self) -> None:
        if not self._preview_enabled:
            return
        if self._background.busy:
            self._render_requested_while_busy = True
            return
        text = self.markdown()
        if len(text) < BACKGROUND_RENDER_CHARS:
            html = _render_safely(text, self._line_breaks)
            if html is not None:
                self._show_html(self._generation, html)
            return
        self._background.submit(text, self._generation, self._line_breaks)
        self._background_poll.start()

    @Slot()
    def _collect_background_render(self) -> None:
        result = self._background.take_result()
        if result is None:
            return
        self._background_poll.stop()
        generation, html = result
        if self._render_requested_while_busy:
            self._render_requested_while_busy = False
            self._start_render()
        # An older generation is stale: the text has changed since, and the new
        # text's render is already scheduled.
        elif html is not None and self._generation == generation != self._shown_generation:
            self._show_html(generation, html)

    def _show_html(self, generation: int, html: str) -> None:
        # Keep the reader at the same place, proportionally: the new HTML may be
        # longer or shorter than the old.
        bar = self.preview.verticalScrollBar()
        at_top = self._scroll_to_top or bar.maximum() <= 0
        self._scroll_fraction = 0.0 if at_top else bar.value() / bar.maximum()
        self._scroll_to_top = False
        self.preview.setHtml(qt_rich_text(html))
        self._keep_scroll_fraction(bar.minimum(), bar.maximum())
        self._shown_generation = generation
        self.previewUpdated.emit()

    @Slot(int, int)
    def _keep_scroll_fraction(self, _minimum: int, maximum: int) -> None:
        if self._scroll_fraction is not None:
            self.preview.verticalScrollBar().setValue(round(self._scroll_fraction * maximum))

    @Slot()
    def _forget_scroll_fraction(self) -> None:
        self._scroll_fraction = None


def _plain_text(document: QTextDocument) -> str:
    # toPlainText() would turn no-break spaces into spaces, changing the note.
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


_CHECKBOX = re.compile(r"<input\b[^>]*>")


def qt_rich_text(html: str) -> str:
    """Rendered notes as Qt's rich text can show them: it draws no form controls, so a
    task list's checkbox becomes ☑ or ☐."""
    if "<input" not in html:
        return html
    return _CHECKBOX.sub(lambda box: "☑" if "checked" in box[0] else "☐", html)


def _render_safely(text: str, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> str | None:
    """The HTML, or None (logged) when Python-Markdown fails: the old preview stays."""
    assert line_breaks in LINE_BREAKS
    try:
        return render_markdown(text, line_breaks)
    except Exception:
        logger.exception("Rendering the Markdown preview failed")
        return None
