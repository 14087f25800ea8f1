"""The export dialog and File › Import, driven as a user would."""

import base64
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from recap.domain.records import AttachmentRecord
from recap.storage.library import open_library
from recap.ui.export_dialog import ExportDialog
from recap.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory
from tests.gui.test_main_window import listed_titles
from tests.pictures import png_bytes


def open_dialog(window: MainWindow, language: str = "ko") -> ExportDialog:
    """The dialog for a writer who exports in ``language`` (a Preferences default)."""
    window.preferences = replace(window.preferences, export_language=language)
    dialog = window.commands.open_export_dialog()
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_the_preview_follows_format_and_language(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    assert dialog.one_button.isChecked()
    assert "일시: 2024년 06월 08일 (토)" in dialog.source.toPlainText()
    assert "비동기의 함정" in dialog.preview.toPlainText()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert "Sat, 08 Jun 2024" in dialog.source.toPlainText()
    assert [dialog.target_box.itemData(row) for row in range(dialog.target_box.count())] == [
        "markdown",
        "jekyll",
        "hugo",
        "html",
        "ics",
    ]
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("hugo"))
    assert dialog.source.toPlainText().startswith("---\n")
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("html"))
    source = dialog.source.toPlainText()
    assert "<script" not in source and source.lstrip().startswith("<")
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("ics"))
    calendar = dialog.source.toPlainText()
    assert calendar.startswith("BEGIN:VCALENDAR") and "SUMMARY:FastAPI 밋업" in calendar
    assert not dialog.related_check.isEnabled()
    dialog.close()


def test_copy_puts_rich_html_and_plain_markdown_on_the_clipboard(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    dialog.copy_button.click()
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml() and "<h2" in data.html()
    assert data.text().lstrip().startswith("- 일시:") or "일시:" in data.text()
    assert "<h2" not in data.text()
    dialog.close()


def test_copy_carries_the_pictures_inside_the_html(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    picture = png_bytes(6, 4)
    library = open_library(sample_path)
    [newest, *_] = library.event_summaries()
    library.add_attachment(
        newest.id, AttachmentRecord(name="구조.png", media_type="image/png", data=picture)
    )
    event = library.event(newest.id)
    event.summary = "![구조도](구조.png)"
    library.update_event(event)
    library.close()
    window = open_window(sample_path)
    window.event_list.select_event(newest.id)
    dialog = open_dialog(window)
    dialog.copy_button.click()
    html = QApplication.clipboard().mimeData().html()
    embedded = 'src="data:image/png;base64,' + base64.b64encode(picture).decode() + '"'
    assert embedded in html
    assert "구조.png" not in html.replace('alt="구조도"', "")  # no link to a file
    dialog.close()


def test_save_one_post(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    target = tmp_path / "post.md"
    suggested: list[str] = []

    def choose(_parent: object, _title: str, name: str, *_args: object) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.save_button.click()
    first = Path(suggested[0])
    assert first.name == "2024-06-08-fastapi-밋업-비동기의-함정.md"
    assert first.parent != Path.cwd()  # the documents folder (or home), not the program's
    dialog.save_button.click()
    assert Path(suggested[1]).parent == target.parent  # the folder used last time
    assert target.read_text(encoding="utf-8") == dialog.source.toPlainText()
    assert dialog.windowTitle().endswith("saved")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    assert not dialog.windowTitle().endswith("saved")  # the post shown is not the one saved
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    dialog.copy_button.click()
    dialog.save_one(tmp_path / "no such folder" / "post.md")
    assert warned and "no such folder" in warned[0]
    assert not dialog.windowTitle().endswith(("saved", "copied"))
    dialog.close()


def test_batch_export_of_the_list_with_progress(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    dialog.many_button.setChecked(True)
    assert not dialog.copy_button.isEnabled()
    assert "3 posts" in dialog.many_label.text()
    folder = tmp_path / "posts"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    dialog.related_check.setChecked(True)
    dialog.save_button.click()
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 3 and all(name.endswith(".md") for name in names)
    assert names[0].startswith("2024-03-21-")
    assert "Wrote 3 posts" in dialog.many_label.text()
    dialog.close()


def test_import_reads_exported_posts_back(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    library_path: Path,
    tmp_path: Path,
) -> None:
    window = open_window(sample_path)
    dialog = open_dialog(window)
    dialog.many_button.setChecked(True)
    dialog.save_many(tmp_path / "posts")
    dialog.close()
    written = sorted((tmp_path / "posts").iterdir())
    window.close()

    empty = open_window(library_path)
    empty.commands.import_files(written)
    assert empty.event_list.model.rowCount() == 3
    assert empty.statusBar().currentMessage() == "Imported 3 events."
    empty.commands.import_files(written)
    assert empty.event_list.model.rowCount() == 3
    assert empty.statusBar().currentMessage() == "Imported 0 events. 3 were already in the library."


def test_a_bad_post_is_refused_with_a_message(
    qtbot: QtBot,
    open_window: WindowFactory,
    library_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(library_path)
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe not a post")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    window.commands.import_files([bad])
    assert shown and "bad.md" in shown[0]
    assert window.library is not None and window.library.event_count() == 0


def test_every_listed_event_is_saved_as_one_calendar(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from recap.interchange.ics import read_calendar_file

    window = open_window(sample_path)
    dialog = open_dialog(window)
    dialog.many_button.setChecked(True)
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("ics"))
    target = tmp_path / "행사 달력.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    read = read_calendar_file(target)
    assert sorted(event.title for event in read.events) == sorted(listed_titles(window))
    dialog.close()
