"""The Markdown source editor: plain text with formatting commands (bold, italic, link,
lists, indenting) that are one undo step each and never touch text being composed."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import (
    QKeyEvent,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from recap.ui.editor_fonts import editor_font
from recap.ui.markdown_highlighter import MarkdownHighlighter

INDENT = "  "
BULLET = "- "
LINK_URL_PLACEHOLDER = "https://"

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


# Encoded pictures a clipboard may offer (a browser's copied picture), taken as they are.
PICTURE_FORMATS = ("image/png", "image/jpeg", "image/gif", "image/webp")


def offers_files(source: QMimeData) -> bool:
    """A picture, or files of this computer (not a web address, which stays text)."""
    return (
        source.hasImage()
        or any(source.hasFormat(media_type) for media_type in PICTURE_FORMATS)
        or any(url.isLocalFile() for url in source.urls())
    )


def _leading_whitespace(text: str) -> int:
    # Whitespace lies inside the BMP, so this count is also a count of UTF-16 units.
    return len(text) - len(text.lstrip(" \t"))


class MarkdownTextEdit(QPlainTextEdit):
    """Plain-text Markdown source with formatting shortcuts.

    Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Shift+L bullet list, Tab and
    Shift+Tab indent by two spaces. Every command is one undo step.
    """

    # Pictures and files pasted or dropped here: given to this (the event's attachments),
    # which takes them (True) or leaves them to the plain text edit (False).
    offer_handler: Callable[[MarkdownTextEdit, QMimeData], bool] | None = None

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

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if self.offer_handler is not None and offers_files(source):
            return not self.isReadOnly()
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """A paste or a drop (the cursor already at the drop point): pictures and files
        go to the handler, text is inserted as usual."""
        handler = self.offer_handler
        if handler is not None and offers_files(source) and handler(self, source):
            return
        super().insertFromMimeData(source)

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
