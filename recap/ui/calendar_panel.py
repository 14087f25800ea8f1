"""The month calendar beside the event list: it marks days with events and filters by date.

The panel knows nothing about the library. The main window listens to ``monthShown``
to learn which six weeks are on screen, answers with ``set_marked_days``, and
listens to ``dateFilterChanged`` to filter its event list.
"""

import datetime as dt
import html
from collections.abc import Mapping

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from recap.ui.marked_calendar import (
    MAX_TOOLTIP_TITLES,
    MarkedCalendar,
    month_title,
    visible_range,
)
from recap.ui.models import day_range_text


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
