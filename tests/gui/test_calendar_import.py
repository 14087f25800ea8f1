"""File › Import Calendar… driven as a user would: the menu, the file dialog (stubbed:
it is the platform's), the date range for recurring events, the message, the list."""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.storage.opening import OpenedLibrary
from recap.ui.calendar_import import OccurrenceRangeDialog
from recap.ui.i18n import install_translators
from recap.ui.main_window import MainWindow
from recap.ui.start import create_application
from tests.conftest import DATA_DIR
from tests.gui.conftest import WindowFactory

ICS = DATA_DIR / "ics"


def file_menu_action(window: MainWindow, text: str) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    for action in file_menu.actions():  # type: ignore[union-attr]
        if action.text() == text:
            return action
    raise AssertionError(f"no {text!r} in the File menu")


def listed_titles(window: MainWindow) -> list[str]:
    model = window.event_list.model
    return [model.summary_at(row).title for row in range(model.rowCount())]


class Messages:
    """Stands in for the message boxes the import shows and keeps what they said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.said: list[tuple[str, str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(_parent: object, title: str, text: str, *_args: object) -> object:
            self.said.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return record


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    return Messages(monkeypatch)


@pytest.fixture
def choose_file(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path | None], list[str]]:
    """Makes the file dialog answer with ``path`` (None: cancelled); returns its filters."""
    filters: list[str] = []

    def choose(path: Path | None) -> list[str]:
        def dialog(_parent: object, _title: str, _folder: str, name_filter: str) -> object:
            filters.append(name_filter)
            return (str(path) if path else "", "")

        monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
        return filters

    return choose


def answer_range(first: dt.date | None, last: dt.date | None = None) -> list[tuple[QDate, QDate]]:
    """Answer the next date-range dialog (None: Cancel); returns the dates it offered."""
    offered: list[tuple[QDate, QDate]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OccurrenceRangeDialog):
            QTimer.singleShot(10, answer)  # not open yet
            return
        offered.append((dialog.first_edit.date(), dialog.last_edit.date()))
        if first is None or last is None:
            dialog.reject()
            return
        dialog.first_edit.setDate(QDate(first.year, first.month, first.day))
        dialog.last_edit.setDate(QDate(last.year, last.month, last.day))
        dialog.accept()

    QTimer.singleShot(0, answer)
    return offered


def test_a_meetup_calendar_is_imported_from_the_file_menu(
    open_window: WindowFactory,
    tmp_path: Path,
    messages: Messages,
    choose_file: Callable[[Path | None], list[str]],
) -> None:
    window = open_window(tmp_path / "library.db")
    filters = choose_file(ICS / "meetup.ics")
    file_menu_action(window, "Import Calendar…").trigger()
    assert filters == ["Calendar files (*.ics)"]
    assert messages.said == [
        (
            "information",
            "Import calendar",
            "Events added from meetup.ics: 3. Already in the library: 0.",
        )
    ]
    assert listed_titles(window) == [
        "송도 해커톤",
        "FastAPI 밋업 — 비동기의 함정",
        "Build With AI in Songdo, 2024 — 송도에서 만나요",
    ]
    assert window.library is not None
    stored = window.library.event(window.event_list.model.summary_at(2).id)
    assert (stored.start_date, stored.venue) == (
        dt.date(2024, 4, 13),
        "인천 글로벌캠퍼스 (송도문화로 119, 연수구, 인천)",
    )
    assert stored.tags == ["AI", "Gemini, Gemma", "구글", "송도"]

    file_menu_action(window, "Import Calendar…").trigger()  # the same file again
    assert messages.said[-1][2] == "Events added from meetup.ics: 0. Already in the library: 3."
    assert len(listed_titles(window)) == 3


def test_recurring_events_ask_for_a_range_six_months_ahead_by_default(
    open_window: WindowFactory,
    tmp_path: Path,
    messages: Messages,
    choose_file: Callable[[Path | None], list[str]],
) -> None:
    window = open_window(tmp_path / "library.db")
    choose_file(ICS / "google-calendar.ics")
    offered = answer_range(dt.date(2024, 9, 1), dt.date(2024, 9, 30))
    window.menu_actions.import_calendar.trigger()
    today = QDate.currentDate()
    assert offered == [(today, today.addMonths(6))]
    kind, _title, text = messages.said[0]
    assert kind == "information"
    assert text.startswith("Events added from google-calendar.ics: 7. Already in the library: 0.")
    assert "VEVENT 7 (UID cancelled-hackathon@google.com) is cancelled; skipped." in text
    titles = listed_titles(window)
    assert titles.count("LLM 논문 스터디") == 3  # 3, 10 and 24 September
    assert "DEVIEW 2024" in titles


def test_cancelling_the_range_or_the_file_dialog_imports_nothing(
    open_window: WindowFactory,
    tmp_path: Path,
    messages: Messages,
    choose_file: Callable[[Path | None], list[str]],
) -> None:
    window = open_window(tmp_path / "library.db")
    choose_file(None)
    window.menu_actions.import_calendar.trigger()
    choose_file(ICS / "google-calendar.ics")
    offered = answer_range(None)
    window.menu_actions.import_calendar.trigger()
    assert len(offered) == 1
    assert messages.said == []
    assert listed_titles(window) == []


def test_a_damaged_calendar_is_explained_and_changes_nothing(
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    messages: Messages,
    choose_file: Callable[[Path | None], list[str]],
) -> None:
    damaged = tmp_path / "damaged.ics"
    data = (ICS / "outlook.ics").read_bytes()
    damaged.write_bytes(data.replace(b"DTSTART;VALUE=DATE:20241121", b"DTSTART:2024-11-21"))
    window = open_window(sample_path)
    before = listed_titles(window)
    choose_file(damaged)
    window.menu_actions.import_calendar.trigger()
    [(kind, title, text)] = messages.said
    assert (kind, title) == ("warning", "Recap")  # the window's one place for problems
    # the file, the VEVENT with its (shortened) UID, what is wrong with it
    assert text.startswith(f"{damaged}, VEVENT 4 (UID 040000008200E00074C5B7101A82E008")
    assert text.endswith("…): its start (DTSTART) '2024-11-21' is not a date.")
    assert listed_titles(window) == before
    window.close()
    library = open_library(sample_path)
    assert [summary.title for summary in library.event_summaries()] == before
    library.close()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """The interface in ``language``; the locale and English again afterwards."""
    app = create_application()
    before = QLocale()
    translators = install_translators(app, language)
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


@pytest.fixture
def korean(qtbot: QtBot) -> Iterator[None]:
    with speaking("ko"):
        yield


@pytest.mark.usefixtures("korean")
def test_the_import_speaks_korean(
    qtbot: QtBot,
    tmp_path: Path,
    messages: Messages,
    choose_file: Callable[[Path | None], list[str]],
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.attach(OpenedLibrary(open_library(tmp_path / "library.db"), None, False))
    dialog = OccurrenceRangeDialog("study.ics", window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "반복 일정"
    assert file_menu_action(window, "캘린더 가져오기…")
    choose_file(ICS / "google-calendar.ics")
    answer_range(dt.date(2024, 9, 1), dt.date(2024, 9, 30))
    window.commands.import_calendar()
    kind, title, text = messages.said[0]
    assert (kind, title) == ("information", "캘린더 가져오기")
    assert text.startswith("google-calendar.ics에서 행사 7개를 추가했어요. 이미 있던 행사: 0개.")
    assert "7번째 VEVENT (UID cancelled-hackathon@google.com)은(는) 취소된 일정이라" in text


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_range_dialog_has_no_untranslated_text(qtbot: QtBot, language: str) -> None:
    from tests.gui.test_languages import check, interface_texts

    with speaking(language):
        dialog = OccurrenceRangeDialog("study.ics", None)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [(where, text.replace("study.ics", "")) for where, text in interface_texts(dialog)]
    assert len(texts) >= 5  # title, explanation, two labels, two buttons
    check(texts, language)
