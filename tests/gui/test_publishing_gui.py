"""Publishing in the window (issue 15): the export dialog's profile choice, the check
panel whose problems go to their place in the editor, and the offer to record where
the post went after Copy."""

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recap.domain.records import EventRecord, PublicationRecord, SessionRecord
from recap.storage.library import open_library
from tests.gui.conftest import WindowFactory
from tests.gui.test_export_dialog import open_dialog


def publish_newest(path: Path, *platforms: str) -> tuple[list[int], int]:
    """The newest events published, the first on the first platform and so on; returns
    their ids and the library's number of events."""
    library = open_library(path)
    try:
        ids = library.event_ids()[: len(platforms)]
        for event_id, platform in zip(ids, platforms, strict=True):
            library.publish(event_id, PublicationRecord(platform=platform))
        return ids, library.event_count()
    finally:
        library.close()


def test_a_profile_sets_the_post_and_an_explicit_choice_wins(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    box = dialog.profile_box.box
    assert [box.itemData(row) for row in range(box.count())] == [
        "", "tistory", "velog", "jekyll", "hugo",
    ]  # fmt: skip
    box.setCurrentIndex(box.findData("tistory"))
    assert dialog.target().name == "html"
    assert "[메모] &lt;FastAPI 밋업 — 비동기의 함정&gt; 후기" in dialog.source.toPlainText()
    box.setCurrentIndex(box.findData("velog"))
    assert dialog.target().name == "markdown"
    assert dialog.source.toPlainText().startswith("- 일시:")  # Velog shows the title itself
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert dialog.source.toPlainText().startswith("- Date:")  # the choice here wins
    dialog.close()


def test_check_panel_lists_problems_and_a_click_goes_there(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    library = open_library(sample_path)
    try:
        event_id = library.create_event(
            EventRecord(
                title="Build With AI in Songdo",
                start_date=dt.date(2030, 9, 13),
                category="AI",
                tags=["AI"],
                sessions=[
                    SessionRecord(
                        title="첫 발표", speaker="이영빈", notes="- a", impression="좋음"
                    ),
                    SessionRecord(title="둘째 발표", notes="- b", impression="좋음"),
                ],
            )
        )
    finally:
        library.close()
    window = open_window(sample_path)
    window.event_list.select_event(event_id)
    dialog = open_dialog(window, "en")
    problems = dialog.check_panel.list
    texts = [problems.item(row).text() for row in range(problems.count())]
    assert texts == ["talk 2 “둘째 발표”: No speaker."]
    _event_id, spot = problems.item(0).data(Qt.ItemDataRole.UserRole)
    assert (_event_id, spot.talk, spot.field) == (event_id, 1, "speaker")
    window.editor.load_event(0)  # somewhere else first
    problems.itemClicked.emit(problems.item(0))
    record = window.editor.record
    assert record is not None and record.id == event_id
    assert window.editor.session_panel.session_list.current_session_id() == record.sessions[1].id
    dialog.close()


def test_copy_offers_to_mark_it_published(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    box = dialog.profile_box.box
    box.setCurrentIndex(box.findData("velog"))
    dialog.copy_button.click()
    assert QApplication.clipboard().mimeData().hasHtml()
    offer = dialog.mark_dialog
    assert offer is not None and offer.isVisible()
    assert offer.platform_edit.text() == "velog"
    offer.url_edit.setText("ftp://nowhere")
    offer.mark()
    assert offer.isVisible() and "not a web address" in offer.error_label.text()
    assert window.editor.form.published_label.isHidden()  # nothing recorded yet
    offer.url_edit.setText("velog.io/@me/fastapi")
    offer.mark()
    assert not offer.isVisible()
    links = window.editor.form.published_label
    assert links.text() == '<a href="https://velog.io/@me/fastapi">velog</a>'
    assert links.openExternalLinks() and not links.isHidden()
    event_id = dialog.current_event.id if dialog.current_event else 0
    dialog.close()
    window.close()
    library = open_library(sample_path)
    try:
        (stored,) = library.event(event_id).publications
        assert (stored.platform, stored.url) == ("velog", "https://velog.io/@me/fastapi")
    finally:
        library.close()


def test_the_list_marks_published_recaps_and_shows_only_those_not_yet(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    [posted], count = publish_newest(sample_path, "velog")
    window = open_window(sample_path)
    model = window.event_list.model
    row = model.row_of(posted)
    assert row is not None
    title = model.index(row, model.TITLE)
    assert model.data(title, Qt.ItemDataRole.DecorationRole) is not None
    assert "velog" in str(model.data(title, Qt.ItemDataRole.ToolTipRole))
    other = model.index(0 if row else 1, model.TITLE)
    assert model.data(other, Qt.ItemDataRole.DecorationRole) is None
    window.menu_actions.only_unpublished.trigger()
    qtbot.waitUntil(lambda: len(model.event_ids()) == count - 1)
    assert posted not in model.event_ids()
    window.menu_actions.only_unpublished.trigger()
    qtbot.waitUntil(lambda: len(model.event_ids()) == count)


def test_show_all_events_also_ends_the_not_yet_published_filter(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    _, count = publish_newest(sample_path, "velog")
    window = open_window(sample_path)
    model = window.event_list.model
    window.menu_actions.only_unpublished.trigger()
    qtbot.waitUntil(lambda: len(model.event_ids()) == count - 1)
    window.menu_actions.clear_filters.trigger()  # View › Show All Events
    qtbot.waitUntil(lambda: len(model.event_ids()) == count)
    assert not window.menu_actions.only_unpublished.isChecked()
    window.menu_actions.only_unpublished.trigger()  # and the tick means what it shows
    qtbot.waitUntil(lambda: len(model.event_ids()) == count - 1)


def test_not_yet_published_on_one_platform(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    [on_velog, _], count = publish_newest(sample_path, "Velog", "내 블로그")
    window = open_window(sample_path)
    model = window.event_list.model
    menu = window.menu_actions.unpublished_menu
    menu.aboutToShow.emit()  # as when the menu opens: the platforms known now
    offered = {action.data(): action for action in menu.platform_actions}
    assert {"Velog", "내 블로그", "tistory", "hugo", "jekyll"} <= set(offered)  # no "velog" twice
    offered["Velog"].trigger()
    qtbot.waitUntil(lambda: len(model.event_ids()) == count - 1)
    assert on_velog not in model.event_ids()
    assert not window.menu_actions.only_unpublished.isChecked()  # one choice at a time
    offered["tistory"].trigger()
    qtbot.waitUntil(lambda: len(model.event_ids()) == count)
    window.menu_actions.only_unpublished.trigger()  # anywhere: both published ones go
    qtbot.waitUntil(lambda: len(model.event_ids()) == count - 2)
    assert not offered["tistory"].isChecked()
    window.menu_actions.only_unpublished.trigger()  # the ticked one again: every recap
    qtbot.waitUntil(lambda: len(model.event_ids()) == count)
    assert menu.chosen() is None
