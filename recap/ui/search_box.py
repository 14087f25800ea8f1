"""The search box above the event list: searches as the user types."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

SEARCH_DELAY_MS = 250


class SearchBox(QLineEdit):
    """Emits ``searchChanged(text)`` a moment after typing stops; Esc clears."""

    searchChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search notes, talks, Q&A… (Ctrl+F)"))
        self.setToolTip(
            self.tr(
                "Finds text in events, talks and Q&A: several words (all in one event),\n"
                "a “quoted phrase”, parts of Korean words (어텐션 finds 어텐션을),\n"
                "initial consonants (ㅌㅋ finds 토큰)."
            )
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(lambda _text: self._timer.start())
        self._last = ""

    def clear_quietly(self) -> None:
        """Empty the box and forget the last search without announcing it (the
        caller refreshes the list itself)."""
        self.clear()
        self._timer.stop()
        self._last = ""

    def search_now(self) -> None:
        self._timer.stop()
        self._emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.search_now()
            return
        super().keyPressEvent(event)

    def _emit(self) -> None:
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.searchChanged.emit(text)
