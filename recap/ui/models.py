"""Qt item models over the library's plain records.

The views never hold widgets per row, so tens of thousands of events stay cheap.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
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
from PySide6.QtGui import QIcon

from recap.domain.dates import format_date_range, format_day_span

if TYPE_CHECKING:  # records are only annotations here; importing them costs start-up
    from recap.domain.records import EventSummary, SearchMatch, Snippet, TagCount


AnyIndex = QModelIndex | QPersistentModelIndex
SummaryLoader = Callable[[list[int]], "list[EventSummary]"]
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
MATCH_HTML_ROLE = Qt.ItemDataRole.UserRole + 3


def day_range_text(
    start: dt.date, end: dt.date | None, style: str = "iso", language: str = "en"
) -> str:
    """``2024-04-13 – 04-14`` in the short style; the long one spells out weekdays."""
    if style == "long":
        return format_day_span(start, end, language)
    if end is None or end == start:
        return start.isoformat()
    if end.year == start.year:
        return f"{start.isoformat()} – {end.strftime('%m-%d')}"
    return f"{start.isoformat()} – {end.isoformat()}"


def snippet_plain(snippet: Snippet) -> str:
    return "".join(text for text, _hit in snippet)


# Characters kept before the first match in a list row: the match must fit the column.
ROW_LEAD_CHARS = 12


def close_to_first_match(snippet: Snippet, lead: int = ROW_LEAD_CHARS) -> Snippet:
    """``snippet`` with the text before its first match cut to ``lead`` characters."""
    first_hit = next((index for index, (_text, hit) in enumerate(snippet) if hit), None)
    if first_hit is None:
        return snippet
    before = "".join(text for text, _hit in snippet[:first_hit])
    if len(before) <= lead:
        return snippet
    return (("…" + before[-lead:].lstrip(), False), *snippet[first_hit:])


def snippet_html(snippet: Snippet) -> str:
    """Matches in bold and underlined: no colours, so it reads on any background."""
    return "".join(
        f"<b><u>{html.escape(text)}</u></b>" if hit else html.escape(text) for text, hit in snippet
    )


class RecordTableModel(QAbstractTableModel):
    """A flat table of records: row and column counts and headers, written once."""

    def column_titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def record_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.record_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        titles = self.column_titles()
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return titles[section] if 0 <= section < len(titles) else None


class EventListModel(RecordTableModel):
    """Rows of ``EventSummary``, newest first as the library returns them.

    While a search is shown, the last column says where each event matched."""

    DATE, TITLE, TAGS = range(3)

    PAGE = 200  # rows fetched at a time when the view first needs them

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._ids: list[int] = []
        self._row_of_id: dict[int, int] = {}
        self._summaries: dict[int, EventSummary] = {}
        self._loader: SummaryLoader | None = None
        self._matches: dict[int, tuple[SearchMatch, ...]] | None = None
        self.date_style = ("iso", "en")  # (style, language): see day_range_text

    def set_events(
        self,
        rows: Sequence[EventSummary],
        matches: dict[int, tuple[SearchMatch, ...]] | None = None,
    ) -> None:
        """Show these rows, all known already (a search's results)."""
        self._reset([summary.id for summary in rows], None, matches)
        self._summaries = {summary.id: summary for summary in rows}

    def set_event_ids(self, ids: Sequence[int], loader: SummaryLoader) -> None:
        """Show these events; their titles, dates and tags are loaded a page at a time
        as the view needs them, so 20,000 events cost one query of ids."""
        self._reset(list(ids), loader, None)

    def _reset(
        self,
        ids: list[int],
        loader: SummaryLoader | None,
        matches: dict[int, tuple[SearchMatch, ...]] | None,
    ) -> None:
        self.beginResetModel()
        self._ids = ids
        self._row_of_id = {event_id: row for row, event_id in enumerate(ids)}
        self._summaries = {}
        self._loader = loader
        self._matches = matches
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.TAGS, self.TAGS)

    def event_id_at(self, row: int) -> int:
        return self._ids[row]

    def event_ids(self) -> list[int]:
        return list(self._ids)

    def matches_for(self, event_id: int) -> tuple[SearchMatch, ...]:
        return self._matches.get(event_id, ()) if self._matches is not None else ()

    def is_search(self) -> bool:
        return self._matches is not None

    def _match_text(self, summary: EventSummary, html_form: bool) -> str:
        """Where the event matched first: the title's second line in a search."""
        matches = self.matches_for(summary.id)
        if not matches:
            return ""
        first = matches[0]
        where = {"event": self.tr("event"), "session": self.tr("session"), "qa": self.tr("Q&A")}
        more = f" (+{len(matches) - 1})" if len(matches) > 1 else ""
        if html_form:  # the row: room for the match itself (the talk is in the tooltip)
            label = where[first.kind]
            heading = f"{html.escape(summary.title)}<br><i>{html.escape(label)}{more}:</i> "
            return heading + snippet_html(close_to_first_match(first.snippet))
        label = (
            where[first.kind] if first.kind == "event" else f"{where[first.kind]} · {first.label}"
        )
        return f"{label}{more}: {snippet_plain(first.snippet)}"

    def set_date_style(self, style: str, language: str) -> None:
        self.date_style = (style, language)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.DATE), self.index(len(self._ids) - 1, self.DATE)
            )

    def update_event(self, summary: EventSummary) -> None:
        """Show an edited event's new title, dates or tags in its row."""
        row = self._row_of_id.get(summary.id)
        if row is None:
            return
        self._summaries[summary.id] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def record_count(self) -> int:
        return len(self._ids)

    def summary_at(self, row: int) -> EventSummary:
        event_id = self._ids[row]
        if event_id not in self._summaries and self._loader is not None:
            start = row - row % self.PAGE
            page = [i for i in self._ids[start : start + self.PAGE] if i not in self._summaries]
            self._summaries.update((summary.id, summary) for summary in self._loader(page))
        found = self._summaries.get(event_id)
        if found is None:  # the library was closed meanwhile: an empty row
            from recap.domain.records import EventSummary

            found = EventSummary(event_id, "", dt.date.min, None, ())
        return found

    def row_of(self, event_id: int) -> int | None:
        return self._row_of_id.get(event_id)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == EVENT_ID_ROLE:
            return self._ids[index.row()]
        summary = self.summary_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return day_range_text(summary.start_date, summary.end_date, *self.date_style)
            if column == self.TITLE:
                return summary.title
            if column == self.TAGS:
                if self._matches is not None:
                    return self._match_text(summary, html_form=False)
                return ", ".join(summary.tags)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE and summary.published:
            return published_icon()  # the published mark
        if role == MATCH_HTML_ROLE and column == self.TITLE and self._matches is not None:
            return self._match_text(summary, html_form=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DATE:
            return format_date_range(summary.start_date, summary.end_date, self.date_style[1])
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.TAGS):
            where_matched = [
                f"{match.label}: {snippet_plain(match.snippet)}"
                for match in self.matches_for(summary.id)
            ]
            if column == self.TITLE:  # in a search, the title's tooltip says where it matched
                posted = (
                    [
                        self.tr("Published on {platforms}").format(
                            platforms=", ".join(summary.published)
                        )
                    ]
                    if summary.published
                    else []
                )
                return "\n".join([summary.title, *posted, *where_matched])
            return (
                "\n".join(where_matched) if self._matches is not None else ", ".join(summary.tags)
            )
        if role == EVENT_ID_ROLE:
            return summary.id
        return None

    def column_titles(self) -> tuple[str, ...]:
        last = self.tr("Where it matched") if self._matches is not None else self.tr("Tags")
        return (self.tr("Date"), self.tr("Title"), last)


class TagCountModel(RecordTableModel):
    """Every tag with its number of events."""

    NAME, COUNT = range(2)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._tags: list[TagCount] = []

    def set_tags(self, tags: Sequence[TagCount]) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self.endResetModel()

    def record_count(self) -> int:
        return len(self._tags)

    def tag_at(self, row: int) -> TagCount:
        return self._tags[row]

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

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Tag"), self.tr("Events"))


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


def published_icon() -> QIcon:
    """The list's mark of a recap published somewhere."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
