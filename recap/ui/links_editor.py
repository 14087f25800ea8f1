"""A talk's links: sources and references, label and address.

A row is saved once it has an address. A row with only a label is kept as it was
typed — also when the writer looks at another talk and comes back — and marked
until it gets one. An address typed without ``https://`` gets it when the cell is
left; one that would run code (``javascript:``) is marked, since posts leave it out.
"""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.domain.addresses import completed_address, is_unsafe
from recap.domain.records import LinkRecord

LABEL, ADDRESS = 0, 1
Row = tuple[str, str]  # label, address as typed


class LinksEditor(QWidget):
    """Emits ``edited`` on any change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Text"), self.tr("URL")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 180)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("fieldError")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #d33;")
        self.problem_label.hide()
        self.add_button = QPushButton(self.tr("+ Link"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.problem_label)
        layout.addLayout(buttons)
        # Rows without an address, by talk, while the writer is elsewhere.
        self._drafts: dict[int, list[Row]] = {}
        self._talk_id = 0
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button.clicked.connect(self.add_link)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_links(self, links: Sequence[LinkRecord], talk_id: int = 0) -> None:
        """Show a talk's links, and the rows without an address left on it before."""
        self._keep_drafts()
        self._talk_id = talk_id
        blocker = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for link in links:
            self._append_row(link.label or "", link.url)
        for label, address in self._drafts.pop(talk_id, []):
            self._append_row(label, address)
        self.table.blockSignals(blocker)
        self.show_problems()

    def links(self) -> list[LinkRecord]:
        """The rows that can be saved: those with an address."""
        return [
            LinkRecord(url=address, label=label or None)
            for label, address in self._rows()
            if address
        ]

    def discard_drafts(self) -> None:
        """Forget the rows without an address (the edits are being thrown away)."""
        self._drafts.clear()
        for row in reversed(range(self.table.rowCount())):
            label, address = self._rows()[row]
            if label and not address:
                self.table.removeRow(row)

    def has_drafts(self) -> bool:
        """Whether a row anywhere has a label but no address yet (it cannot be saved)."""
        self._keep_drafts()
        return bool(self._drafts)

    def waiting_labels(self) -> list[str]:
        """The labels of the shown rows that have no address yet."""
        return [label for label, address in self._rows() if label and not address]

    def problem(self) -> str | None:
        waiting = self.waiting_labels()
        if waiting:
            return self.tr("“{label}” needs an address; it is kept here, not saved yet.").format(
                label=waiting[0]
            )
        unsafe = [address for _label, address in self._rows() if is_unsafe(address)]
        if unsafe:
            return self.tr(
                "“{address}” would run code when clicked; posts leave this link out."
            ).format(address=unsafe[0])
        return None

    def show_problems(self) -> bool:
        problem = self.problem()
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(problem is not None)
        return problem is None

    def add_link(self) -> None:
        blocker = self.table.blockSignals(True)
        self._append_row("", "")
        self.table.blockSignals(blocker)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, LABEL)
        item = self.table.item(row, LABEL)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.show_problems()
            self.edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == ADDRESS:
            completed = completed_address(item.text())
            if completed != item.text().strip():
                blocker = self.table.blockSignals(True)
                item.setText(completed)
                self.table.blockSignals(blocker)
        self.show_problems()
        self.edited.emit()

    def _keep_drafts(self) -> None:
        drafts: list[Row] = [(label, "") for label in self.waiting_labels()]
        if drafts:
            self._drafts[self._talk_id] = drafts
        else:
            self._drafts.pop(self._talk_id, None)

    def _rows(self) -> list[Row]:
        return [
            (self._text(row, LABEL).strip(), self._text(row, ADDRESS).strip())
            for row in range(self.table.rowCount())
        ]

    def _append_row(self, label: str, url: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, LABEL, QTableWidgetItem(label))
        self.table.setItem(row, ADDRESS, QTableWidgetItem(url))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
