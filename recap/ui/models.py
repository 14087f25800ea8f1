"""Qt item models over the library's plain records.

The views never hold widgets per row, so tens of thousands of events stay cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

if TYPE_CHECKING:  # records are only annotations here; importing them costs start-up
    from recap.domain.records import EventSummary, TagCount


AnyIndex = QModelIndex | QPersistentModelIndex
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def day_range_text(start: dt.date, end: dt.date | None) -> str:
    if end is None or end == start:
        return start.isoformat()
    if end.year == start.year:
        return f"{start.isoformat()} – {end.strftime('%m-%d')}"
    return f"{start.isoformat()} – {end.isoformat()}"


class EventListModel(QAbstractTableModel):
    """Rows of ``EventSummary``, newest first as the library returns them."""

    DATE, TITLE, TAGS = range(3)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[EventSummary] = []
        self._row_of_id: dict[int, int] = {}

    def set_events(self, rows: Sequence[EventSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of_id = {summary.id: row for row, summary in enumerate(self._rows)}
        self.endResetModel()

    def update_event(self, summary: EventSummary) -> None:
        """Show an edited event's new title, dates or tags in its row."""
        row = self._row_of_id.get(summary.id)
        if row is None:
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def summary_at(self, row: int) -> EventSummary:
        return self._rows[row]

    def row_of(self, event_id: int) -> int | None:
        return self._row_of_id.get(event_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return day_range_text(summary.start_date, summary.end_date)
            if column == self.TITLE:
                return summary.title
            if column == self.TAGS:
                return ", ".join(summary.tags)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.TAGS):
            return summary.title if column == self.TITLE else ", ".join(summary.tags)
        if role == EVENT_ID_ROLE:
            return summary.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 3:
            return None
        return (self.tr("Date"), self.tr("Title"), self.tr("Tags"))[section]


class TagCountModel(QAbstractTableModel):
    """Every tag with its number of events."""

    NAME, COUNT = range(2)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._tags: list[TagCount] = []

    def set_tags(self, tags: Sequence[TagCount]) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self.endResetModel()

    def tag_at(self, row: int) -> TagCount:
        return self._tags[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tags)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._tags):
            return None
        tag = self._tags[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return tag.name if index.column() == self.NAME else str(tag.count)
        if role == SORT_ROLE:
            return tag.name if index.column() == self.NAME else tag.count
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 2:
            return None
        return (self.tr("Tag"), self.tr("Events"))[section]


class TagSortModel(QSortFilterProxyModel):
    """Sorts tags by name the way a reader expects (Hangul and Latin, case-blind) or by count."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._collator = QCollator(QLocale())
        self._collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._collator.setNumericMode(True)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        left_value = left.data(SORT_ROLE)
        right_value = right.data(SORT_ROLE)
        if isinstance(left_value, int) and isinstance(right_value, int):
            if left_value != right_value:
                return left_value < right_value
            # equal counts: by name, so the order is stable
            left_value = left.sibling(left.row(), TagCountModel.NAME).data(SORT_ROLE)
            right_value = right.sibling(right.row(), TagCountModel.NAME).data(SORT_ROLE)
        return self._collator.compare(str(left_value), str(right_value)) < 0
