"""The talks of an event in running order, with buttons to add, delete and move them.

The panel only shows and asks: the editor decides what a request does to the library.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.dates import format_time
from recap.domain.records import SessionRecord

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def session_label(position: int, record: SessionRecord) -> str:
    """``1. 13:05 Title — Speaker``: the running order, the start time when known."""
    start = f"{format_time(record.starts_at)} " if record.starts_at else ""
    speaker = f" — {record.speaker}" if record.speaker else ""
    return f"{position + 1}. {start}{record.title}{speaker}"


class SessionList(QListWidget):
    """The talks in running order; drag to reorder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionList")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)

    def session_ids(self) -> list[int]:
        return [int(self.item(row).data(SESSION_ID_ROLE)) for row in range(self.count())]

    def current_session_id(self) -> int:
        item = self.currentItem()
        return int(item.data(SESSION_ID_ROLE)) if item is not None else 0

    def row_of(self, session_id: int) -> int:
        return self.session_ids().index(session_id)

    def renumber(self, records: dict[int, SessionRecord]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            record = records.get(int(item.data(SESSION_ID_ROLE)))
            if record is not None:
                item.setText(session_label(row, record))


class SessionPanel(QWidget):
    """Emits ``currentChanged(id)`` (0: none), ``addRequested``, ``deleteRequested``,
    ``moveRequested(step)`` and ``reordered(ids)`` after a drag."""

    currentChanged = Signal(int)
    addRequested = Signal()
    deleteRequested = Signal()
    moveRequested = Signal(int)
    reordered = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_list = SessionList()
        self.add_button = self._tool_button("+", self.tr("Add a session (Ctrl+Shift+N)"))
        self.delete_button = self._tool_button("−", self.tr("Delete the session"))
        self.up_button = self._tool_button("↑", self.tr("Move the session up"))
        self.down_button = self._tool_button("↓", self.tr("Move the session down"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.session_list)
        layout.addLayout(buttons)

        self.session_list.currentItemChanged.connect(self._on_current_changed)
        self.session_list.model().rowsMoved.connect(
            lambda: self.reordered.emit(self.session_list.session_ids())
        )
        self.add_button.clicked.connect(self.addRequested)
        self.delete_button.clicked.connect(self.deleteRequested)
        self.up_button.clicked.connect(lambda: self.moveRequested.emit(-1))
        self.down_button.clicked.connect(lambda: self.moveRequested.emit(1))

    @staticmethod
    def _tool_button(text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    def show_sessions(self, sessions: Sequence[SessionRecord], select_id: int) -> int:
        """List the talks and select ``select_id`` (else the first); returns the id selected
        (0 when there are none). ``currentChanged`` is not emitted for it."""
        blocker = self.session_list.blockSignals(True)
        self.session_list.clear()
        for position, talk in enumerate(sessions):
            item = QListWidgetItem(session_label(position, talk))
            item.setData(SESSION_ID_ROLE, talk.id)
            self.session_list.addItem(item)
        if sessions:
            ids = [talk.id for talk in sessions]
            self.session_list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
        self.session_list.blockSignals(blocker)
        chosen = self.session_list.current_session_id()
        self.set_session_buttons_enabled(chosen != 0)
        return chosen

    def set_session_buttons_enabled(self, enabled: bool) -> None:
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(enabled)

    def select(self, session_id: int) -> None:
        self.session_list.setCurrentRow(self.session_list.row_of(session_id))

    def set_read_only(self, read_only: bool) -> None:
        self.session_list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if read_only
            else QAbstractItemView.DragDropMode.InternalMove
        )

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.currentChanged.emit(int(current.data(SESSION_ID_ROLE)) if current else 0)
