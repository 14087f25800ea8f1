"""A talk's links: sources and references, label and URL."""

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import LinkRecord


class LinksEditor(QWidget):
    """Emits ``edited`` on any change; rows without a URL are not saved."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Text"), self.tr("URL")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 180)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("+ Link"))
        self.remove_button = QPushButton(self.tr("Remove"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.add_button.clicked.connect(self.add_link)
        self.remove_button.clicked.connect(self.remove_selected)

    def set_links(self, links: Sequence[LinkRecord]) -> None:
        blocker = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for link in links:
            self._append_row(link.label or "", link.url)
        self.table.blockSignals(blocker)

    def links(self) -> list[LinkRecord]:
        result = []
        for row in range(self.table.rowCount()):
            label = self._text(row, 0).strip()
            url = self._text(row, 1).strip()
            if url:
                result.append(LinkRecord(url=url, label=label or None))
        return result

    def add_link(self) -> None:
        blocker = self.table.blockSignals(True)
        self._append_row("", "")
        self.table.blockSignals(blocker)
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.edited.emit()

    def _append_row(self, label: str, url: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(label))
        self.table.setItem(row, 1, QTableWidgetItem(url))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
