"""A month calendar that marks the days with events and shows a chosen range of days.

Drawn by the calendar panel (recap/ui/calendar_panel.py), which owns the filtering;
this widget only paints what it is told.
"""

import datetime as dt
import math
import re
from collections.abc import Mapping

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHeaderView,
    QTableView,
    QWidget,
)

from recap.ui.theme import is_dark

WEEKS_SHOWN = 6
DAYS_SHOWN = WEEKS_SHOWN * 7
MAX_TOOLTIP_TITLES = 10
# Date pattern letters that must not leak into a "year and month" title.
_DAY_AND_TIME_LETTERS = set("dhHmsaAtz")


def first_visible_day(year: int, month: int, first_day_of_week: Qt.DayOfWeek) -> dt.date:
    """The top-left day of QCalendarWidget's six-week grid for a month.

    Qt always shows at least one day of the previous month: when the 1st falls on
    the first day of the week, the whole week before it fills the first row.
    """
    first_of_month = dt.date(year, month, 1)
    leading_days = (first_of_month.isoweekday() - first_day_of_week.value) % 7
    return first_of_month - dt.timedelta(days=leading_days or 7)


def visible_range(
    year: int, month: int, first_day_of_week: Qt.DayOfWeek
) -> tuple[dt.date, dt.date]:
    """The first and last day of the six weeks shown for a month."""
    first = first_visible_day(year, month, first_day_of_week)
    return first, first + dt.timedelta(days=DAYS_SHOWN - 1)


def month_title(locale: QLocale, year: int, month: int) -> str:
    """``2024년 5월``, ``2024年5月`` or ``May 2024``: the locale's own order and words."""
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    year_at, month_at = pattern.find("y"), pattern.find("M")
    if 0 <= year_at < month_at:
        # Year-first locales write the pair as one phrase ("yyyy년 MMMM", "yyyy年M月"):
        # reuse that slice of their long format, with a unit sign right after the month.
        end = month_at
        while end < len(pattern) and pattern[end] == "M":
            end += 1
        while end < len(pattern) and not (
            pattern[end].isspace() or pattern[end].isascii() or pattern[end] == "'"
        ):
            end += 1
        year_month = pattern[year_at:end]
        if not _DAY_AND_TIME_LETTERS & set(re.sub("'[^']*'", "", year_month)):
            return locale.toString(QDate(year, month, 1), year_month)
    month_name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
    return f"{month_name} {year}"


class MarkedCalendar(QCalendarWidget):
    """A QCalendarWidget that draws every day itself: event marks, the filter range, today."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setGridVisible(False)
        # Typing digits would open Qt's little date editor, whose Enter the panel takes
        # for "filter this day"; arrows, Page Up/Down and the month buttons remain.
        self.setDateEditEnabled(False)
        view = self.findChild(QTableView)
        if view is None:
            raise RuntimeError("QCalendarWidget has no table view inside")
        self.view = view
        self.view.viewport().setMouseTracking(True)
        self._event_counts: dict[dt.date, int] = {}
        self._range: tuple[dt.date, dt.date] | None = None
        self._hovered: dt.date | None = None
        self._focus_visible = False
        self._apply_text_formats()

    # State set by the panel -------------------------------------------------

    def set_event_counts(self, counts: Mapping[dt.date, int]) -> None:
        self._event_counts = {day: count for day, count in counts.items() if count > 0}
        self.updateCells()

    def event_count(self, day: dt.date) -> int:
        return self._event_counts.get(day, 0)

    def set_filter_range(self, first: dt.date | None, last: dt.date | None) -> None:
        self._range = (first, last) if first is not None and last is not None else None
        self.updateCells()

    def set_hovered(self, day: dt.date | None) -> None:
        if day != self._hovered:
            self._hovered = day
            self.updateCells()

    def set_focus_visible(self, visible: bool) -> None:
        """Outline the keyboard cursor's day; only while the keyboard is in use."""
        if visible != self._focus_visible:
            self._focus_visible = visible
            self.updateCells()

    def date_for_index(self, index: QModelIndex) -> dt.date | None:
        """The day shown in a cell of the internal view, or None for a header cell."""
        if not index.isValid():
            return None
        header_rows = (
            0
            if self.horizontalHeaderFormat()
            == QCalendarWidget.HorizontalHeaderFormat.NoHorizontalHeader
            else 1
        )
        header_columns = (
            0
            if self.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
            else 1
        )
        row, column = index.row() - header_rows, index.column() - header_columns
        if not (0 <= row < WEEKS_SHOWN and 0 <= column < 7):
            return None
        first = first_visible_day(self.yearShown(), self.monthShown(), self.firstDayOfWeek())
        return first + dt.timedelta(days=row * 7 + column)

    # Qt overrides -------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LocaleChange,
            QEvent.Type.FontChange,
        ):
            self._apply_text_formats()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = date.toPython()
        if not isinstance(day, dt.date):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = QRectF(rect)
        chip = cell.adjusted(2, 2, -2, -2)
        radius = min(6.0, chip.height() / 2)
        palette = self.palette()
        # The view has already filled a selected cell with the highlight; our own
        # marks replace Qt's selection look, so start from a plain cell.
        painter.fillRect(cell, palette.brush(QPalette.ColorRole.Base))
        highlight = palette.color(QPalette.ColorRole.Highlight)
        in_month = date.month() == self.monthShown() and date.year() == self.yearShown()
        is_endpoint = self._range is not None and day in self._range
        in_range = self._range is not None and self._range[0] <= day <= self._range[1]

        if in_range and self._range is not None and self._range[0] != self._range[1]:
            self._paint_range_band(painter, day, cell, chip, highlight)
        if is_endpoint:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(highlight)
            painter.drawRoundedRect(chip, radius, radius)
        elif day == self._hovered:
            hover = QColor(palette.color(QPalette.ColorRole.Text))
            hover.setAlphaF(0.08)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hover)
            painter.drawRoundedRect(chip, radius, radius)

        if day == dt.date.today():
            ring = palette.color(
                QPalette.ColorRole.HighlightedText if is_endpoint else QPalette.ColorRole.Highlight
            )
            painter.setPen(QPen(ring, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = 2.0 if is_endpoint else 0.75
            painter.drawRoundedRect(
                chip.adjusted(inset, inset, -inset, -inset), radius - inset / 2, radius - inset / 2
            )
        if self._focus_visible and self.view.hasFocus() and date == self.selectedDate():
            focus = palette.color(
                QPalette.ColorRole.HighlightedText if is_endpoint else QPalette.ColorRole.Text
            )
            painter.setPen(QPen(focus, 1.0, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip.adjusted(3, 3, -3, -3), radius - 1.5, radius - 1.5)

        self._paint_number_and_mark(painter, day, cell, chip, in_month, is_endpoint)
        painter.restore()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._height_for_badges()))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._height_for_badges()))

    # Painting helpers -----------------------------------------------------------

    def _paint_range_band(
        self, painter: QPainter, day: dt.date, cell: QRectF, chip: QRectF, highlight: QColor
    ) -> None:
        """A light band joining the range's end days, so the range reads as one piece."""
        assert self._range is not None
        band = QRectF(cell.left(), chip.top(), cell.width(), chip.height())
        starts_here, ends_here = day == self._range[0], day == self._range[1]
        right_to_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # The band runs from the centre of an end day towards the rest of the range.
        if starts_here != ends_here:
            towards_right = starts_here != right_to_left
            if towards_right:
                band.setLeft(cell.center().x())
            else:
                band.setRight(cell.center().x())
        color = QColor(highlight)
        color.setAlphaF(0.28 if self._is_dark() else 0.2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(band)

    def _paint_number_and_mark(
        self,
        painter: QPainter,
        day: dt.date,
        cell: QRectF,
        chip: QRectF,
        in_month: bool,
        is_endpoint: bool,
    ) -> None:
        palette = self.palette()
        count = self._event_counts.get(day, 0)
        number_font, small_font = self._fonts()
        if count:
            number_font.setWeight(QFont.Weight.Bold)
        number_height = QFontMetricsF(number_font).height()
        badge_height = max(8.0, QFontMetricsF(small_font).height())
        # Numbers sit in the same place in every cell; the badge line is kept free below
        # them when the cell is tall enough, otherwise a mark moves to the corner.
        roomy = chip.height() >= number_height + badge_height + 2
        if roomy:
            top = chip.top() + (chip.height() - number_height - badge_height) / 2
            number_rect = QRectF(cell.left(), top, cell.width(), number_height)
        else:
            number_rect = QRectF(chip)

        if is_endpoint:
            number_color = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            weekday_color = self._weekday_color(day)
            number_color = (
                palette.color(QPalette.ColorRole.Text) if weekday_color is None else weekday_color
            )
            if not in_month:
                number_color.setAlphaF(0.4)
        painter.setFont(number_font)
        painter.setPen(number_color)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignCenter, str(day.day))

        if not count:
            return
        if is_endpoint:
            badge_color = palette.color(QPalette.ColorRole.HighlightedText)
            badge_text_color = palette.color(QPalette.ColorRole.Highlight)
        else:
            badge_color = self._mark_color()
            badge_text_color = QColor("#ffffff")
            if not in_month:
                badge_color.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(badge_color)
        if not roomy:
            size = 5.0
            corner = QPointF(chip.right() - size - 1, chip.top() + size + 1)
            painter.drawEllipse(corner, size / 2 + 0.5, size / 2 + 0.5)
            return
        centre_y = number_rect.bottom() + 1 + badge_height / 2
        if count == 1:
            painter.drawEllipse(QPointF(cell.center().x(), centre_y), 2.75, 2.75)
            return
        label = str(count) if count < 100 else "99+"
        text_width = QFontMetricsF(small_font).horizontalAdvance(label)
        width = min(chip.width(), max(badge_height, text_width + badge_height * 0.6))
        badge = QRectF(
            cell.center().x() - width / 2, centre_y - badge_height / 2, width, badge_height
        )
        painter.drawRoundedRect(badge, badge_height / 2, badge_height / 2)
        painter.setFont(small_font)
        painter.setPen(badge_text_color)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)

    def _fonts(self) -> tuple[QFont, QFont]:
        """The fonts of day numbers and of the event count badges."""
        number_font = QFont(self.font())
        small_font = QFont(self.font())
        small_font.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.72))
        small_font.setWeight(QFont.Weight.Bold)
        return number_font, small_font

    def _height_for_badges(self) -> int:
        """Tall enough for six weeks with a badge line under every day number."""
        number_font, small_font = self._fonts()
        bold = QFont(number_font)
        bold.setWeight(QFont.Weight.Bold)
        cell = QFontMetricsF(bold).height() + max(8.0, QFontMetricsF(small_font).height()) + 7
        return math.ceil(
            self._header_row_height() + WEEKS_SHOWN * cell + 2 * self.view.frameWidth()
        )

    def _header_row_height(self) -> int:
        return math.ceil(QFontMetricsF(self.font()).height()) + 8

    def _is_dark(self) -> bool:
        return is_dark(self.palette())

    def _mark_color(self) -> QColor:
        # A warm accent that stays apart from the (usually blue) selection colour.
        return QColor("#ff922b" if self._is_dark() else "#e8590c")

    def _weekday_color(self, day: dt.date) -> QColor | None:
        """Sunday red and Saturday blue, as Korean calendars print them, on days off."""
        weekday = Qt.DayOfWeek(day.isoweekday())
        if weekday in self.locale().weekdays():
            return None
        dark = self._is_dark()
        if weekday == Qt.DayOfWeek.Saturday:
            return QColor("#74c0fc" if dark else "#1c7ed6")
        return QColor("#ff8787" if dark else "#e03131")

    def _apply_text_formats(self) -> None:
        """The weekday header row, which Qt draws from these formats."""
        palette = self.palette()
        header = QTextCharFormat()
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlphaF(0.65)
        header.setForeground(muted)
        header.setBackground(palette.brush(QPalette.ColorRole.Base))
        header.setFontWeight(QFont.Weight.DemiBold)
        self.setHeaderTextFormat(header)
        # Qt stretches the weekday names row like the weeks; it needs less room.
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        rows.resizeSection(0, self._header_row_height())
        sunday = dt.date(2024, 6, 2)
        for offset in range(7):
            day = sunday + dt.timedelta(days=offset)
            weekday_format = QTextCharFormat()
            color = self._weekday_color(day)
            if color is not None:
                weekday_format.setForeground(color)
            self.setWeekdayTextFormat(Qt.DayOfWeek(day.isoweekday()), weekday_format)
