"""The event list: the events passing the filters, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from recap.ui.models import (
    EVENT_ID_ROLE,
    MATCH_HTML_ROLE,
    EventListModel,
    SummaryLoader,
    day_range_text,
)
from recap.ui.search_box import SearchBox

NARROW_LIST_WIDTH = 460  # pixels; below it the tags column is hidden

if TYPE_CHECKING:  # records are only annotations here; importing them costs start-up
    from recap.domain.records import EventSummary, SearchHit, SearchMatch


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a search result's title with, under it, where it matched (MATCH_HTML_ROLE)."""

    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setTextWidth(-1)
        document.setHtml(f"<div style='white-space:pre'>{markup}</div>")
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        markup = index.data(MATCH_HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document = self._document(option, markup)  # kept alive while its layout draws
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(MATCH_HTML_ROLE):
            size.setHeight(option.fontMetrics.lineSpacing() * 2 + 8)
        return size


class EventList(QWidget):
    """Emits ``eventSelected(event_id)`` (0 when nothing is selected)."""

    eventSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = SearchBox()
        self.model = EventListModel(self)
        self.view = QTreeView()
        self.view.setObjectName("eventList")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        # Every row is as tall as the first (two lines in a search): Qt need not
        # measure 20,000 rows.
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAllColumnsShowFocus(True)
        self.view.setItemDelegateForColumn(EventListModel.TITLE, SearchResultDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        # Measured once from the widest date text, not from 20,000 rows.
        header.setSectionResizeMode(EventListModel.DATE, QHeaderView.ResizeMode.Interactive)
        self.set_date_style("iso", "en")
        header.setSectionResizeMode(EventListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EventListModel.TAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(EventListModel.TAGS, 120)

        self._current_before = 0
        self._last_chosen = 0  # the last event the user was on, even while hidden
        self.count_label = QLabel()
        self.count_label.setObjectName("eventCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def set_date_style(self, style: str, language: str) -> None:
        """Dates as Preferences say; the column fits a two-day event's date."""
        self.model.set_date_style(style, language)
        # One day's date: a multi-day event's range is shortened (its tooltip has it whole).
        widest = day_range_text(dt.date(2026, 12, 30), None, style, language)
        width = self.view.fontMetrics().horizontalAdvance(widest) + 16
        self.view.header().resizeSection(EventListModel.DATE, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def set_event_ids(self, ids: Sequence[int], total: int, loader: SummaryLoader) -> None:
        """Show these events (loaded as they scroll into view); keep the selected one."""
        self._current_before = self.current_event_id()
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_event_ids(ids, loader)
        self.view.selectionModel().blockSignals(blocker)
        self._fit_columns()
        self._show_count(len(ids), total)
        self._reselect()

    def set_events(self, rows: Sequence[EventSummary], total: int) -> None:
        """Show ``rows``; keep the selected event selected when it is still among them."""
        self._show(rows, None)
        self._show_count(len(rows), total)
        self._reselect()

    def _show_count(self, shown: int, total: int) -> None:
        if shown == total:
            one = self.tr("1 event")
            self.count_label.setText(
                one if total == 1 else self.tr("{count} events").format(count=total)
            )
        else:
            text = self.tr("{shown} of {total} events")
            self.count_label.setText(text.format(shown=shown, total=total))

    def set_search_results(self, hits: Sequence[SearchHit], query: str, limit: int) -> None:
        from recap.domain.search_text import unquoted  # not at start-up: it imports records

        self._show([hit.event for hit in hits], {hit.event.id: hit.matches for hit in hits})
        if not hits:
            text = self.tr("Nothing matches “{query}”").format(query=query)
        elif len(hits) == 1:
            text = self.tr("1 event matches “{query}”")
        elif len(hits) >= limit:
            text = self.tr("The newest {count} events matching “{query}”")
        else:
            text = self.tr("{count} events match “{query}”")
        self.count_label.setText(text.format(count=len(hits), query=unquoted(query)))
        self._reselect()

    def _show(
        self, rows: Sequence[EventSummary], matches: dict[int, tuple[SearchMatch, ...]] | None
    ) -> None:
        self._current_before = self.current_event_id()
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_events(rows, matches)
        self.view.selectionModel().blockSignals(blocker)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """No tags column while searching (the title's second line says where it
        matched), nor in a narrow list (room for the titles; the editor shows the tags)."""
        narrow = self.width() < NARROW_LIST_WIDTH
        self.view.setColumnHidden(EventListModel.TAGS, narrow or self.model.is_search())

    def _reselect(self) -> None:
        """Keep the event the user was on; one a filter hid comes back with it."""
        for wanted in (self._current_before, self._last_chosen):
            if wanted and self.select_event(wanted):
                return
        self.eventSelected.emit(0)

    def select_event(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def current_event_id(self) -> int:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return 0
        return int(index.data(EVENT_ID_ROLE))

    def select_neighbour(self, step: int) -> None:
        """Move the selection ``step`` rows down (or up), for next/previous event."""
        if self.model.rowCount() == 0:
            return
        row = self.view.currentIndex().row()
        target = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + step))
        self.select_event(self.model.event_id_at(target))

    def update_event(self, summary: EventSummary) -> None:
        self.model.update_event(summary)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event_id = int(current.data(EVENT_ID_ROLE)) if current.isValid() else 0
        if event_id:
            self._last_chosen = event_id
        self.eventSelected.emit(event_id)
