"""The month calendar beside the event list: it marks days with events and filters by date.

The panel knows nothing about the library. The main window listens to ``monthShown``
to learn which six weeks are on screen, answers with ``set_marked_days``, and
listens to ``dateFilterChanged`` to filter its event list.
"""

import datetime as dt
import html
import math
import re
from collections.abc import Mapping

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recap.ui.models import day_range_text
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


class CalendarPanel(QWidget):
    """A month calendar used as the event list's date filter.

    A click picks one day, a Shift+click extends from the day picked before to a
    range, and a click on the picked day (or Clear) removes the filter.
    """

    dateFilterChanged = Signal(object, object)  # first, last: dt.date | None
    monthShown = Signal(object, object)  # first and last visible day: dt.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles_by_day: dict[dt.date, list[str]] = {}
        self._filter: tuple[dt.date | None, dt.date | None] = (None, None)
        self._anchor: dt.date | None = None
        self._first_day_override: Qt.DayOfWeek | None = None
        self._last_month_shown: tuple[dt.date, dt.date] | None = None
        # How the current selection change came about (see _on_selection_changed).
        self._changing_selection = False
        self._click_pending = False
        self._input_modifiers = Qt.KeyboardModifier.NoModifier

        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.month_label = QLabel()
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title_font = QFont(self.month_label.font())
        title_font.setWeight(QFont.Weight.Bold)
        self.month_label.setFont(title_font)
        self.today_button = QToolButton()
        for button in (self.previous_button, self.next_button, self.today_button):
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.calendar = MarkedCalendar()
        self.calendar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.status_label = QLabel()
        self.status_label.setObjectName("dateFilter")
        self.status_label.setWordWrap(True)  # a long-style range may take two lines
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.date_style = ("iso", "en")
        self.clear_button = QToolButton()
        self.clear_button.setAutoRaise(True)
        retained = self.clear_button.sizePolicy()
        retained.setRetainSizeWhenHidden(True)
        self.clear_button.setSizePolicy(retained)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(2)
        header.addWidget(self.previous_button)
        header.addWidget(self.month_label, 1)
        header.addWidget(self.next_button)
        header.addWidget(self.today_button)
        status = QHBoxLayout()
        status.setContentsMargins(4, 0, 0, 0)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.calendar, 1)
        layout.addLayout(status)

        self.previous_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.today_button.clicked.connect(lambda: self.show_date(dt.date.today()))
        self.clear_button.clicked.connect(self.clear_filter)
        self.calendar.currentPageChanged.connect(self._on_page_changed)
        self.calendar.clicked.connect(self._on_clicked)
        self.calendar.selectionChanged.connect(self._on_selection_changed)
        self.calendar.view.installEventFilter(self)
        self.calendar.view.viewport().installEventFilter(self)

        self.calendar.setFirstDayOfWeek(self.locale().firstDayOfWeek())
        self._retranslate()
        self._update_month_label()
        self._update_status()

    # Public API ------------------------------------------------------------------

    def set_marked_days(self, titles_by_day: Mapping[dt.date, list[str]]) -> None:
        """Mark the days that have events; multi-day events come as one entry per day."""
        self._titles_by_day = {day: list(titles) for day, titles in titles_by_day.items() if titles}
        self.calendar.set_event_counts(
            {day: len(titles) for day, titles in self._titles_by_day.items()}
        )

    def show_date(self, day: dt.date) -> None:
        """Turn to the month of ``day`` (and put the keyboard cursor there); the filter stays."""
        self._changing_selection = True
        try:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        finally:
            self._changing_selection = False
        self.calendar.setCurrentPage(day.year, day.month)

    def clear_filter(self) -> None:
        self._anchor = None
        self._set_filter(None, None)

    def date_filter(self) -> tuple[dt.date | None, dt.date | None]:
        return self._filter

    def request_month_data(self) -> None:
        """Emit ``monthShown`` for the page on screen, e.g. after the library changed."""
        self._emit_month_shown(always=True)

    def set_first_day_of_week(self, day: Qt.DayOfWeek) -> None:
        """Override the locale's first day of the week (tests, or a user setting)."""
        self._first_day_override = day
        self.calendar.setFirstDayOfWeek(day)
        self._emit_month_shown()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the six weeks on screen."""
        return visible_range(
            self.calendar.yearShown(), self.calendar.monthShown(), self.calendar.firstDayOfWeek()
        )

    def tooltip_text(self, day: dt.date) -> str:
        """The hover text for a day: its date and event titles; empty when it has none."""
        titles = self._titles_by_day.get(day)
        if not titles:
            return ""
        heading = self.locale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        lines = [f"<b>{html.escape(heading)}</b>"]
        lines += [f"• {html.escape(title)}" for title in titles[:MAX_TOOLTIP_TITLES]]
        hidden = len(titles) - MAX_TOOLTIP_TITLES
        if hidden > 0:
            more = self.tr("… and %n more", "", hidden)
            lines.append(f"<i>{html.escape(more)}</i>")
        return "<qt>" + "<br>".join(lines) + "</qt>"

    # Qt overrides -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendar.view:
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
                return self._on_view_key_press(event)
            if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self.calendar.updateCells()
        elif watched is self.calendar.view.viewport():
            if isinstance(event, QMouseEvent):
                self._on_viewport_mouse_event(event)
            elif event.type() == QEvent.Type.Leave:
                self.calendar.set_hovered(None)
            elif isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
                self._show_tooltip(event)
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._update_status()
        elif event.type() == QEvent.Type.LocaleChange:
            # QCalendarWidget goes back to the locale's first weekday on a locale change.
            override = self._first_day_override
            self.calendar.setFirstDayOfWeek(
                self.locale().firstDayOfWeek() if override is None else override
            )
            self._update_month_label()
            self._emit_month_shown()

    # Reacting to the user -----------------------------------------------------------

    def _on_viewport_mouse_event(self, event: QMouseEvent) -> None:
        if event.type() == QEvent.Type.MouseMove:
            index = self.calendar.view.indexAt(event.position().toPoint())
            self.calendar.set_hovered(self.calendar.date_for_index(index))
        elif event.button() == Qt.MouseButton.LeftButton:
            if event.type() == QEvent.Type.MouseButtonPress:
                self._click_pending = True
                self.calendar.set_focus_visible(False)
            # The calendar's clicked signal has no modifiers, so keep the release's.
            self._input_modifiers = event.modifiers()

    def _on_view_key_press(self, event: QKeyEvent) -> bool:
        """Enter works like a click and Escape clears; arrows go on to the calendar."""
        self._click_pending = False
        self._input_modifiers = event.modifiers()
        self.calendar.set_focus_visible(True)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select):
            self._pick(self._selected_day(), toggle=True)
            return True
        if event.key() == Qt.Key.Key_Escape and self._filter != (None, None):
            self.clear_filter()
            return True
        return False

    def _on_clicked(self, date: QDate) -> None:
        self._click_pending = False
        day = date.toPython()
        if isinstance(day, dt.date):
            self._pick(day, toggle=True)

    def _on_selection_changed(self) -> None:
        # A mouse click also changes the selection, just before `clicked`, which
        # handles it; what is left is the keyboard (arrows, Home/End, Page Up/Down).
        if self._changing_selection or self._click_pending:
            return
        self._pick(self._selected_day(), toggle=False)

    def _pick(self, day: dt.date, *, toggle: bool) -> None:
        extend = bool(self._input_modifiers & Qt.KeyboardModifier.ShiftModifier)
        if extend and self._anchor is not None:
            self._set_filter(min(self._anchor, day), max(self._anchor, day))
        elif toggle and self._filter == (day, day):
            self.clear_filter()
        else:
            self._anchor = day
            self._set_filter(day, day)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        view = self.calendar.view
        index = view.indexAt(event.pos())
        day = self.calendar.date_for_index(index)
        text = self.tooltip_text(day) if day is not None else ""
        if text:
            QToolTip.showText(event.globalPos(), text, view.viewport(), view.visualRect(index))
        else:
            QToolTip.hideText()
            event.ignore()

    # State and display ------------------------------------------------------------

    def _selected_day(self) -> dt.date:
        day = self.calendar.selectedDate().toPython()
        assert isinstance(day, dt.date)
        return day

    def _set_filter(self, first: dt.date | None, last: dt.date | None) -> None:
        if (first, last) == self._filter:
            return
        self._filter = (first, last)
        self.calendar.set_filter_range(first, last)
        self._update_status()
        self.dateFilterChanged.emit(first, last)

    def _on_page_changed(self, _year: int, _month: int) -> None:
        self._update_month_label()
        self._emit_month_shown()

    def _emit_month_shown(self, *, always: bool = False) -> None:
        shown = self.visible_range()
        if always or shown != self._last_month_shown:
            self._last_month_shown = shown
            self.monthShown.emit(*shown)

    def _update_month_label(self) -> None:
        self.month_label.setText(
            month_title(self.locale(), self.calendar.yearShown(), self.calendar.monthShown())
        )

    def set_date_style(self, style: str, language: str) -> None:
        """The chosen days read like the event list's dates."""
        self.date_style = (style, language)
        self._update_status()

    def _update_status(self) -> None:
        first, last = self._filter
        if first is None or last is None:
            self.status_label.setText(self.tr("All dates"))
        else:
            self.status_label.setText(day_range_text(first, last, *self.date_style))
        self.clear_button.setVisible(first is not None)

    def _retranslate(self) -> None:
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.previous_button.setAccessibleName(self.tr("Previous month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Show this month"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Show events on all dates"))
