"""The words of a search marked where they occur in an editor's text."""

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from recap.domain.search_text import SearchTerm, match_spans


def search_selections(
    text_edit: QPlainTextEdit, terms: list[SearchTerm]
) -> list[QTextEdit.ExtraSelection]:
    """Highlights for every place the search terms occur in an editor's text."""
    if not terms:
        return []
    highlight = QTextCharFormat()
    highlight.setBackground(QColor("#fde68a"))
    highlight.setForeground(QColor("#1f2328"))
    document = text_edit.document()
    selections = []
    for start, end in match_spans(document.toPlainText(), terms)[:500]:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = highlight
        selections.append(selection)
    return selections
