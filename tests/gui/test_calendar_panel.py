"""The calendar panel: date mapping, day and range filters, marks, tooltips, locales."""

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from recap.ui.calendar_panel import CalendarPanel
from recap.ui.marked_calendar import (
    MAX_TOOLTIP_TITLES,
    first_visible_day,
    month_title,
    visible_range,
)
from recap.ui.start import KOREAN_CAPABLE_FONTS

KOREAN = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
US_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
UK_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
SUNDAY, MONDAY = Qt.DayOfWeek.Sunday, Qt.DayOfWeek.Monday


@pytest.fixture
def default_locale() -> Iterator[Callable[[QLocale], None]]:
    """Set the default locale for widgets created afterwards; restored after the test."""
    previous = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(previous)


@pytest.fixture
def make_panel(
    qtbot: QtBot, default_locale: Callable[[QLocale], None]
) -> Callable[..., CalendarPanel]:
    def make(locale: QLocale = KOREAN, shown: dt.date = dt.date(2024, 5, 15)) -> CalendarPanel:
        default_locale(locale)
        panel = CalendarPanel()
        qtbot.addWidget(panel)
        panel.show_date(shown)
        panel.resize(300, panel.sizeHint().height())
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture(autouse=True)
def no_tooltip_left_behind(qtbot: QtBot) -> Iterator[None]:
    yield
    QToolTip.hideText()


def cell_center(panel: CalendarPanel, day: dt.date) -> QPoint:
    """Where a day is drawn in the calendar's viewport (found through the panel's mapping)."""
    view = panel.calendar.view
    model = view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if panel.calendar.date_for_index(index) == day:
                return view.visualRect(index).center()
    raise AssertionError(f"{day} is not on the page shown")


def click_day(
    qtbot: QtBot,
    panel: CalendarPanel,
    day: dt.date,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    viewport = panel.calendar.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, cell_center(panel, day))


def record_filters(panel: CalendarPanel) -> list[tuple[dt.date | None, dt.date | None]]:
    seen: list[tuple[dt.date | None, dt.date | None]] = []
    panel.dateFilterChanged.connect(lambda first, last: seen.append((first, last)))
    return seen


# The grid ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "first_weekday", "expected"),
    [
        (2024, 5, SUNDAY, dt.date(2024, 4, 28)),  # May 1st is a Wednesday
        (2024, 5, MONDAY, dt.date(2024, 4, 29)),
        (2024, 9, SUNDAY, dt.date(2024, 8, 25)),  # starts on the first weekday: a whole week before
        (2024, 7, MONDAY, dt.date(2024, 6, 24)),
        (2024, 9, MONDAY, dt.date(2024, 8, 26)),
        (2026, 2, SUNDAY, dt.date(2026, 1, 25)),  # four exact weeks, a week either side
    ],
)
def test_first_visible_day(
    year: int, month: int, first_weekday: Qt.DayOfWeek, expected: dt.date
) -> None:
    assert first_visible_day(year, month, first_weekday) == expected
    first, last = visible_range(year, month, first_weekday)
    assert first == expected
    assert (last - first).days == 41
    assert first < dt.date(year, month, 1)
    assert last >= dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("year", "month", "first_weekday"),
    [
        (2024, 5, SUNDAY),
        (2024, 5, MONDAY),
        (2024, 9, SUNDAY),  # the 1st on the first weekday
        (2024, 7, MONDAY),  # the 1st on the first weekday
        (2026, 2, SUNDAY),  # 28 days starting on Sunday
        (2023, 12, Qt.DayOfWeek.Saturday),
        (2025, 3, Qt.DayOfWeek.Friday),
    ],
)
def test_date_mapping_matches_what_qt_selects(
    qtbot: QtBot,
    make_panel: Callable[..., CalendarPanel],
    year: int,
    month: int,
    first_weekday: Qt.DayOfWeek,
) -> None:
    """Clicking a cell selects exactly the date the panel maps that cell to."""
    panel = make_panel()
    panel.set_first_day_of_week(first_weekday)
    view = panel.calendar.view
    model = view.model()
    cells = [(1, 0), (1, 6), (2, 0), (2, 3), (4, 2), (6, 0), (6, 6)]
    for row, column in cells:
        panel.calendar.setCurrentPage(year, month)
        index = model.index(row, column)
        mapped = panel.calendar.date_for_index(index)
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
        assert panel.calendar.selectedDate().toPython() == mapped, (row, column)
    panel.calendar.setCurrentPage(year, month)
    assert panel.calendar.date_for_index(model.index(1, 0)) == panel.visible_range()[0]
    assert panel.calendar.date_for_index(model.index(6, 6)) == panel.visible_range()[1]
    assert panel.calendar.date_for_index(model.index(0, 3)) is None  # the weekday header


# Filtering by day and range -------------------------------------------------------------


def test_click_filters_to_that_day(qtbot: QtBot, make_panel: Callable[..., CalendarPanel]) -> None:
    panel = make_panel()
    seen = record_filters(panel)
    day = dt.date(2024, 5, 15)
    with qtbot.waitSignal(panel.dateFilterChanged) as blocker:
        click_day(qtbot, panel, day)
    assert blocker.args == [day, day]
    assert seen == [(day, day)]  # one signal per click, not one more for the selection change
    assert panel.date_filter() == (day, day)
    assert panel.status_label.text() == "2024-05-15"
    assert panel.clear_button.isVisibleTo(panel)


def test_shift_click_selects_a_range_from_the_anchor(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    seen = record_filters(panel)
    click_day(qtbot, panel, dt.date(2024, 5, 20))
    click_day(qtbot, panel, dt.date(2024, 5, 31), Qt.KeyboardModifier.ShiftModifier)
    assert seen[-1] == (dt.date(2024, 5, 20), dt.date(2024, 5, 31))
    assert panel.status_label.text() == "2024-05-20 – 05-31"
    # The anchor stays: Shift+click before it turns the range around.
    click_day(qtbot, panel, dt.date(2024, 5, 10), Qt.KeyboardModifier.ShiftModifier)
    assert panel.date_filter() == (dt.date(2024, 5, 10), dt.date(2024, 5, 20))
    # A plain click starts again from one day.
    click_day(qtbot, panel, dt.date(2024, 5, 3))
    assert panel.date_filter() == (dt.date(2024, 5, 3), dt.date(2024, 5, 3))
    assert len(seen) == 4


def test_clicking_the_selected_day_again_clears(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    day = dt.date(2024, 5, 9)
    click_day(qtbot, panel, day)
    with qtbot.waitSignal(panel.dateFilterChanged) as blocker:
        click_day(qtbot, panel, day)
    assert blocker.args == [None, None]
    assert panel.date_filter() == (None, None)
    assert panel.status_label.text() == "All dates"
    assert not panel.clear_button.isVisibleTo(panel)
    # …and a third click filters again.
    click_day(qtbot, panel, day)
    assert panel.date_filter() == (day, day)


def test_double_click_keeps_the_day(qtbot: QtBot, make_panel: Callable[..., CalendarPanel]) -> None:
    """The second click of a double-click must not take back the filter the first one set."""
    panel = make_panel()
    seen = record_filters(panel)
    day = dt.date(2024, 5, 16)
    click_day(qtbot, panel, day)
    viewport = panel.calendar.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=cell_center(panel, day))
    assert seen == [(day, day)]
    assert panel.date_filter() == (day, day)


def test_clear_button_and_clear_filter(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    click_day(qtbot, panel, dt.date(2024, 5, 20))
    click_day(qtbot, panel, dt.date(2024, 5, 22), Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(panel.dateFilterChanged) as blocker:
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None, None]
    assert panel.date_filter() == (None, None)
    # Clearing what is already clear says nothing; Shift+click has no anchor any more.
    with qtbot.assertNotEmitted(panel.dateFilterChanged):
        panel.clear_filter()
    click_day(qtbot, panel, dt.date(2024, 5, 24), Qt.KeyboardModifier.ShiftModifier)
    assert panel.date_filter() == (dt.date(2024, 5, 24), dt.date(2024, 5, 24))


def test_clicking_a_day_of_the_next_month_turns_the_page(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    with qtbot.waitSignal(panel.monthShown):
        click_day(qtbot, panel, dt.date(2024, 6, 3))
    assert panel.date_filter() == (dt.date(2024, 6, 3), dt.date(2024, 6, 3))
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2024, 6)


def test_keyboard_moves_extends_and_clears(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    view = panel.calendar.view
    click_day(qtbot, panel, dt.date(2024, 5, 15))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert panel.date_filter() == (dt.date(2024, 5, 16), dt.date(2024, 5, 16))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert panel.date_filter() == (dt.date(2024, 5, 16), dt.date(2024, 5, 23))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert panel.date_filter() == (None, None)
    # Enter works like a click: it filters to the cursor's day, and again clears it.
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert panel.date_filter() == (dt.date(2024, 5, 23), dt.date(2024, 5, 23))
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert panel.date_filter() == (None, None)
    # A click after keyboard use is still an ordinary click, not a second "keyboard" pick.
    seen = record_filters(panel)
    click_day(qtbot, panel, dt.date(2024, 5, 2))
    assert seen == [(dt.date(2024, 5, 2), dt.date(2024, 5, 2))]


# Pages and the data they need ------------------------------------------------------------


def test_show_date_turns_the_page_without_touching_the_filter(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    click_day(qtbot, panel, dt.date(2024, 5, 15))
    with (
        qtbot.assertNotEmitted(panel.dateFilterChanged),
        qtbot.waitSignal(panel.monthShown) as shown,
    ):
        panel.show_date(dt.date(2023, 12, 25))
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (2023, 12)
    assert panel.month_label.text() == "2023년 12월"
    assert shown.args == [dt.date(2023, 11, 26), dt.date(2024, 1, 6)]
    assert panel.date_filter() == (dt.date(2024, 5, 15), dt.date(2024, 5, 15))


def test_month_shown_on_navigation_covers_six_weeks(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    with qtbot.waitSignal(panel.monthShown) as shown:
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    first, last = shown.args
    assert (first, last) == (dt.date(2024, 5, 26), dt.date(2024, 7, 6))
    assert first.isoweekday() == SUNDAY.value
    assert (last - first).days == 41
    assert first < dt.date(2024, 6, 1) and last >= dt.date(2024, 6, 30)
    assert panel.month_label.text() == "2024년 6월"

    qtbot.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.monthShown) as shown:
        qtbot.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    assert shown.args == list(visible_range(2024, 4, SUNDAY))
    assert panel.month_label.text() == "2024년 4월"

    today = dt.date.today()
    with qtbot.waitSignal(panel.monthShown) as shown:
        qtbot.mouseClick(panel.today_button, Qt.MouseButton.LeftButton)
    assert (panel.calendar.yearShown(), panel.calendar.monthShown()) == (today.year, today.month)
    assert shown.args == list(visible_range(today.year, today.month, SUNDAY))
    assert panel.date_filter() == (None, None)


def test_request_month_data_emits_the_current_page(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    for _ in range(2):  # every time it is asked, not only when the page changes
        with qtbot.waitSignal(panel.monthShown) as shown:
            panel.request_month_data()
        assert shown.args == [dt.date(2024, 4, 28), dt.date(2024, 6, 8)]


# Locales ------------------------------------------------------------------------------------


def test_first_weekday_follows_the_locale(make_panel: Callable[..., CalendarPanel]) -> None:
    korean = make_panel(KOREAN)
    model = korean.calendar.view.model()
    assert korean.calendar.firstDayOfWeek() == SUNDAY
    assert model.index(0, 0).data() == "일"
    assert korean.visible_range()[0] == dt.date(2024, 4, 28)

    british = make_panel(UK_ENGLISH)
    model = british.calendar.view.model()
    assert british.calendar.firstDayOfWeek() == MONDAY
    assert model.index(0, 0).data() == "Mon"
    assert british.visible_range()[0] == dt.date(2024, 4, 29)
    assert british.month_label.text() == "May 2024"


def test_first_weekday_can_be_set_and_survives_a_locale_change(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel(KOREAN)
    with qtbot.waitSignal(panel.monthShown) as shown:
        panel.set_first_day_of_week(MONDAY)
    assert shown.args == [dt.date(2024, 4, 29), dt.date(2024, 6, 9)]
    panel.setLocale(US_ENGLISH)
    assert panel.calendar.firstDayOfWeek() == MONDAY
    assert panel.month_label.text() == "May 2024"


def test_locale_change_follows_the_new_first_weekday(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel(KOREAN)
    with qtbot.waitSignal(panel.monthShown) as shown:
        panel.setLocale(UK_ENGLISH)
    assert panel.calendar.firstDayOfWeek() == MONDAY
    assert shown.args == [dt.date(2024, 4, 29), dt.date(2024, 6, 9)]
    assert panel.month_label.text() == "May 2024"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (KOREAN, "2024년 5월"),
        (US_ENGLISH, "May 2024"),
        (UK_ENGLISH, "May 2024"),
        (QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), "2024年5月"),
        (QLocale(QLocale.Language.German, QLocale.Country.Germany), "Mai 2024"),
    ],
)
def test_month_title(locale: QLocale, expected: str) -> None:
    assert month_title(locale, 2024, 5) == expected


# Marks and tooltips --------------------------------------------------------------------------


def test_tooltip_lists_the_titles_of_a_marked_day(
    make_panel: Callable[..., CalendarPanel],
) -> None:
    panel = make_panel()
    busy = dt.date(2024, 5, 13)
    titles = [f"Talk {number}" for number in range(1, 13)]
    panel.set_marked_days(
        {dt.date(2024, 5, 30): ["DEVIEW 2024", "<b>Rust</b> & 러스트"], busy: titles}
    )

    text = panel.tooltip_text(dt.date(2024, 5, 30))
    assert "2024년 5월 30일 목요일" in text
    assert "DEVIEW 2024" in text
    assert "&lt;b&gt;Rust&lt;/b&gt; &amp; 러스트" in text  # titles are text, not markup

    text = panel.tooltip_text(busy)
    assert all(f"{title}<" in text for title in titles[:MAX_TOOLTIP_TITLES])
    assert "Talk 11" not in text
    assert "… and 2 more" in text

    assert panel.tooltip_text(dt.date(2024, 5, 14)) == ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform
def test_hovering_shows_the_tooltip_only_on_marked_days(
    qtbot: QtBot, make_panel: Callable[..., CalendarPanel]
) -> None:
    panel = make_panel()
    panel.set_marked_days({dt.date(2024, 5, 30): ["DEVIEW 2024"]})
    viewport = panel.calendar.view.viewport()

    def hover(day: dt.date) -> bool:
        position = cell_center(panel, day)
        event = QHelpEvent(QEvent.Type.ToolTip, position, viewport.mapToGlobal(position))
        QApplication.sendEvent(viewport, event)
        return event.isAccepted()

    assert not hover(dt.date(2024, 5, 29))
    assert QToolTip.text() == ""
    assert hover(dt.date(2024, 5, 30))
    assert "DEVIEW 2024" in QToolTip.text()
    assert QToolTip.isVisible()
    hover(dt.date(2024, 5, 29))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_multi_day_events_mark_every_day_they_span(
    make_panel: Callable[..., CalendarPanel],
) -> None:
    panel = make_panel()
    conference = [dt.date(2024, 5, 30), dt.date(2024, 5, 31), dt.date(2024, 6, 1)]
    marks = {day: ["PyCon KR"] for day in conference}
    marks[dt.date(2024, 5, 31)].append("Sprint")
    panel.set_marked_days(marks)

    for day in conference:
        assert "PyCon KR" in panel.tooltip_text(day)
    assert panel.calendar.event_count(dt.date(2024, 5, 31)) == 2
    assert panel.calendar.event_count(dt.date(2024, 6, 1)) == 1  # shown greyed in May's grid
    assert panel.calendar.event_count(dt.date(2024, 5, 29)) == 0

    # The marks are drawn: the cells look different once they are taken away.
    before = [grab_cell(panel, day) for day in conference]
    panel.set_marked_days({})
    after = [grab_cell(panel, day) for day in conference]
    assert all(marked != plain for marked, plain in zip(before, after, strict=True))
    assert panel.tooltip_text(dt.date(2024, 5, 30)) == ""


def grab_cell(panel: CalendarPanel, day: dt.date) -> QImage:
    view = panel.calendar.view
    center = cell_center(panel, day)
    rect = view.visualRect(view.indexAt(center))
    return view.viewport().grab(rect).toImage()


def test_range_is_highlighted(qtbot: QtBot, make_panel: Callable[..., CalendarPanel]) -> None:
    panel = make_panel()
    base = panel.palette().color(QPalette.ColorRole.Base)
    highlight = panel.palette().color(QPalette.ColorRole.Highlight)

    def corner_color(day: dt.date) -> QColor:
        image = grab_cell(panel, day)
        return image.pixelColor(image.width() // 2, 3)  # between the number and the edge

    click_day(qtbot, panel, dt.date(2024, 5, 20))
    click_day(qtbot, panel, dt.date(2024, 5, 24), Qt.KeyboardModifier.ShiftModifier)
    assert corner_color(dt.date(2024, 5, 20)) == highlight  # the ends are solid
    assert corner_color(dt.date(2024, 5, 24)) == highlight
    inside = corner_color(dt.date(2024, 5, 22))
    assert inside not in (base, highlight)  # the days between are tinted
    assert corner_color(dt.date(2024, 5, 27)) == base


# Looks ------------------------------------------------------------------------------------------


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in [
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#2f7fd1"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ]:
        palette.setColor(role, QColor(color))
    return palette


def korean_capable_font() -> QFont:
    """The application's font as Recap sets it at start-up: Hangul-capable, the widest case."""
    font = QApplication.font()
    font.setFamilies([font.family(), *KOREAN_CAPABLE_FONTS])
    return font


@pytest.mark.parametrize(("locale", "dark"), [(KOREAN, False), (KOREAN, True), (US_ENGLISH, False)])
def test_small_panel_is_not_clipped_and_renders(
    qtbot: QtBot,
    make_panel: Callable[..., CalendarPanel],
    tmp_path: Path,
    locale: QLocale,
    dark: bool,
) -> None:
    panel = make_panel(locale, shown=dt.date(2024, 9, 1))
    panel.setFont(korean_capable_font())
    if dark:
        panel.setPalette(dark_palette())
    panel.set_marked_days(
        {
            dt.date(2024, 9, 3): ["Kotlin Conf"],
            dt.date(2024, 9, 9): [f"Session {n}" for n in range(12)],
            dt.date(2024, 9, 10): ["PyCon KR", "Sprint"],
            dt.date(2024, 9, 11): ["PyCon KR"],
            dt.date(2024, 10, 2): ["if(kakao)"],
        }
    )
    click_day(qtbot, panel, dt.date(2024, 9, 10))
    click_day(qtbot, panel, dt.date(2024, 9, 18), Qt.KeyboardModifier.ShiftModifier)
    # The sidebar gives the calendar about 290 px.
    assert panel.minimumSizeHint().width() <= 300
    size = QSize(300, panel.minimumSizeHint().height())
    panel.resize(size)
    qtbot.waitUntil(lambda: panel.size() == size)
    panel.layout().activate()  # lay the children out now, not at the next event loop

    label = panel.month_label
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    for widget in (
        panel.previous_button,
        panel.next_button,
        panel.today_button,
        panel.clear_button,
    ):
        assert panel.rect().contains(widget.geometry()), widget
        assert widget.width() >= widget.sizeHint().width()
    status = panel.status_label
    assert status.fontMetrics().horizontalAdvance(status.text()) <= status.contentsRect().width()

    image = panel.grab().toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert len(colours) > 100  # drawn: anti-aliased text alone gives hundreds of shades
    assert image.save(str(tmp_path / "calendar.png"))  # to look at when this test fails
