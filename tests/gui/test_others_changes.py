"""Two writers on one team library: what one saves shows in the other's window within
2 s — new, changed and deleted events, tags and their counts — without a click."""

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import URL

from recap.domain.records import EventRecord
from recap.storage.library import open_library
from tests.gui.conftest import WindowFactory
from tests.gui.test_main_window import listed_titles


def tag_names(window: object) -> set[str]:
    model = window.tag_sidebar.model  # type: ignore[attr-defined]
    return {model.tag_at(row).name for row in range(model.rowCount())}


def test_another_writers_changes_show_within_two_seconds(
    qtbot: QtBot, postgres_url: URL, open_window: WindowFactory
) -> None:
    window = open_window(postgres_url)
    assert listed_titles(window) == []
    other = open_library(postgres_url)
    try:
        event_id = other.create_event(
            EventRecord(title="GDG 송도 스터디", start_date=dt.date(2024, 4, 13), tags=["Kotlin"])
        )
        qtbot.waitUntil(lambda: listed_titles(window) == ["GDG 송도 스터디"], timeout=2000)
        qtbot.waitUntil(lambda: tag_names(window) == {"Kotlin"}, timeout=2000)

        event = other.event(event_id)
        event.title = "GDG 송도 스터디 #2"
        other.update_event(event)
        qtbot.waitUntil(lambda: listed_titles(window) == ["GDG 송도 스터디 #2"], timeout=2000)

        other.delete_event(event_id)
        qtbot.waitUntil(lambda: listed_titles(window) == [], timeout=2000)
        qtbot.waitUntil(lambda: tag_names(window) == set(), timeout=2000)
    finally:
        other.close()
