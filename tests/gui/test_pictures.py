"""Pictures in the notes: pasted from the clipboard, dropped, inserted; shown in the
preview and in the strip under the event; renamed, captioned, opened, saved, deleted."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from recap.domain.attachments import MAX_ATTACHMENT_BYTES
from recap.domain.records import AttachmentRecord
from recap.storage.library import open_library
from recap.ui.event_editor import EventEditor
from recap.ui.main_window import MainWindow
from recap.ui.markdown_text_edit import MarkdownTextEdit
from tests.gui.conftest import WindowFactory, answer_deletions, type_text
from tests.pictures import PDF_BYTES, png_bytes

RED = QColor(220, 30, 30)


def red_image(width: int = 64, height: int = 48) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(RED)
    return image


def editor_of(window: MainWindow) -> EventEditor:
    editor = window.editor
    assert editor.record is not None
    return editor


def notes_edit(window: MainWindow) -> MarkdownTextEdit:
    return editor_of(window).session_editor.notes_editor.text_edit


def wait_until_stored(qtbot: QtBot, editor: EventEditor) -> None:
    qtbot.waitUntil(lambda: not editor.attachments.busy(), timeout=10_000)
    editor.attachments.finish()


def stored_attachments(path: Path, title: str) -> list[AttachmentRecord]:
    library = open_library(path)
    try:
        [event] = [event for event in library.events() if event.title == title]
        return event.attachments
    finally:
        library.close()


def preview_resource(editor: EventEditor, name: str) -> QImage:
    preview = editor.session_editor.notes_editor.preview
    resource = preview.document().resource(2, QUrl(name))  # ImageResource
    assert isinstance(resource, QImage), resource
    return resource


@pytest.fixture
def window(open_window: WindowFactory, sample_path: Path) -> MainWindow:
    opened = open_window(sample_path)
    notes_edit(opened).setFocus()
    return opened


def test_a_picture_pasted_from_the_clipboard_is_attached_shown_and_listed(
    qtbot: QtBot, window: MainWindow, sample_path: Path
) -> None:
    editor = editor_of(window)
    title = editor.record.title if editor.record else ""
    text_edit = notes_edit(window)
    text_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, text_edit, "\n구조: ")
    QApplication.clipboard().setImage(red_image())
    qtbot.keyClick(text_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert text_edit.toPlainText().endswith("구조: ![](image.png)")  # at once, before storing
    wait_until_stored(qtbot, editor)

    [stored] = stored_attachments(sample_path, title)
    assert (stored.name, stored.media_type) == ("image.png", "image/png")
    picture = QImage.fromData(stored.data)
    assert (picture.width(), picture.height()) == (64, 48)
    assert picture.pixelColor(10, 10) == RED

    # the preview shows the picture itself (not a placeholder)
    qtbot.waitUntil(lambda: preview_resource(editor, "image.png").height() == 48, timeout=5000)
    assert preview_resource(editor, "image.png").pixelColor(5, 5) == RED
    # the strip lists it with its thumbnail
    strip = editor.attachment_strip
    assert strip.isVisible()
    assert strip.model.rowCount() == 1
    assert "image.png" in str(strip.model.index(0).data())
    qtbot.waitUntil(lambda: strip.model.shown_thumbnails() == 1, timeout=5000)
    assert (editor.pictures.cache_folder).is_dir()

    # undo takes the reference away; the attachment stays
    text_edit.undo()
    assert "image.png" not in text_edit.toPlainText()
    assert editor.save_now()
    assert [item.name for item in stored_attachments(sample_path, title)] == ["image.png"]


def test_a_picture_pasted_over_selected_text_takes_it_as_caption_and_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = editor_of(window)
    text_edit = notes_edit(window)
    text_edit.clear()
    type_text(qtbot, text_edit, "MemGPT 구조")
    text_edit.selectAll()
    mime = QMimeData()
    mime.setData("image/png", png_bytes(8, 8))  # a browser's copied picture, as encoded
    text_edit.insertFromMimeData(mime)
    assert text_edit.toPlainText() == "![MemGPT 구조](memgpt-구조.png)"
    wait_until_stored(qtbot, editor)
    [info] = editor.pictures.infos
    assert (info.name, info.caption, info.size) == (
        "memgpt-구조.png",
        "MemGPT 구조",
        len(png_bytes(8, 8)),
    )
    # pasted again: a second name, never the first one's
    text_edit.moveCursor(QTextCursor.MoveOperation.End)
    text_edit.insertFromMimeData(mime)
    wait_until_stored(qtbot, editor)
    assert [info.name for info in editor.pictures.infos] == ["memgpt-구조.png", "image.png"]


def test_a_dropped_file_is_attached_where_it_is_dropped(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, sample_path: Path
) -> None:
    editor = editor_of(window)
    title = editor.record.title if editor.record else ""
    text_edit = notes_edit(window)
    text_edit.setPlainText("first line\nsecond line")
    slides = tmp_path / "발표 자료.pdf"
    slides.write_bytes(PDF_BYTES)
    photo = tmp_path / "Slide 3.PNG"
    photo.write_bytes(png_bytes(30, 20))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(slides))])
    second_line = QTextCursor(text_edit.document().findBlockByNumber(1))
    at = text_edit.cursorRect(second_line).center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.CopyAction
    for event in (
        QDragEnterEvent(at, action, mime, buttons, keys),
        QDragMoveEvent(at, action, mime, buttons, keys),
        QDropEvent(QPointF(at), action, mime, buttons, keys),
    ):
        QApplication.sendEvent(text_edit.viewport(), event)
    assert text_edit.toPlainText() == (
        "first line\n![](slide-3.png)\n[발표-자료.pdf](발표-자료.pdf)\nsecond line"
    )
    wait_until_stored(qtbot, editor)
    stored = stored_attachments(sample_path, title)
    assert [(item.name, item.data) for item in stored] == [
        ("slide-3.png", png_bytes(30, 20)),
        ("발표-자료.pdf", PDF_BYTES),
    ]
    assert editor.attachment_strip.model.rowCount() == 2


def test_a_name_that_is_not_attached_shows_a_broken_picture(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = editor_of(window)
    editor.session_editor.notes_editor.set_markdown("![gone](gone.png)")
    shown = preview_resource(editor, "gone.png")
    assert shown.height() == 64  # the placeholder box, not a picture
    assert shown.pixelColor(shown.width() // 2, 3) == QColor("#fbeaea")


def test_a_damaged_picture_is_a_placeholder_not_a_crash(qtbot: QtBot, window: MainWindow) -> None:
    editor = editor_of(window)
    damaged = png_bytes(40, 40)[:60] + b"\x00garbage" * 20
    mime = QMimeData()
    mime.setData("image/png", damaged)
    text_edit = notes_edit(window)
    text_edit.clear()
    text_edit.insertFromMimeData(mime)
    wait_until_stored(qtbot, editor)
    qtbot.waitUntil(lambda: "cannot be shown" in str(editor.pictures._placeholders), timeout=5000)
    assert preview_resource(editor, "image.png").height() == 64
    qtbot.waitUntil(lambda: not editor.pictures.thumbnails_pending(), timeout=5000)
    assert editor.attachment_strip.model.shown_thumbnails() == 0


def test_the_strip_renames_captions_opens_saves_and_deletes(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sample_path: Path,
) -> None:
    editor = editor_of(window)
    title = editor.record.title if editor.record else ""
    text_edit = notes_edit(window)
    text_edit.setPlainText("see ")
    text_edit.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setData("image/png", png_bytes(12, 12))
    text_edit.insertFromMimeData(mime)
    wait_until_stored(qtbot, editor)
    strip = editor.attachment_strip
    strip.select(0)

    answers = iter([("구조도 v2.png", True), ("아키텍처", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: next(answers))
    strip.menu_actions["rename"].trigger()
    assert notes_edit(window).toPlainText() == "see ![](<구조도 v2.png>)"
    strip.select(0)
    strip.menu_actions["caption"].trigger()
    assert notes_edit(window).toPlainText() == "see ![아키텍처](<구조도 v2.png>)"
    [stored] = stored_attachments(sample_path, title)
    assert (stored.name, stored.caption) == ("구조도 v2.png", "아키텍처")

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    strip.select(0)
    strip.menu_actions["open"].trigger()
    assert Path(opened[0].toLocalFile()).read_bytes() == png_bytes(12, 12)

    copy = tmp_path / "copy.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(copy), ""))
    strip.select(0)
    strip.menu_actions["save"].trigger()
    assert copy.read_bytes() == png_bytes(12, 12)

    asked = answer_deletions(monkeypatch, False, True)
    strip.select(0)
    strip.menu_actions["delete"].trigger()
    talk = editor.session_editor.title_edit.text()
    assert asked[0] == (
        f"“구조도 v2.png” is still shown in the notes of “{talk}”. Delete it anyway? "
        "Those places will show a missing picture."
    )
    assert strip.model.rowCount() == 1  # kept: the answer was Cancel
    strip.select(0)
    strip.menu_actions["delete"].trigger()
    assert strip.model.rowCount() == 0
    assert not strip.isVisible()
    assert stored_attachments(sample_path, title) == []
    assert notes_edit(window).toPlainText() == "see ![아키텍처](<구조도 v2.png>)"  # kept


def test_insert_picture_or_file_attaches_chosen_files(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    editor = editor_of(window)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(png_bytes(5, 5))  # a PNG under a JPEG's name: the bytes decide its type
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_args, **_kw: ([str(photo)], ""))
    editor.tabs.setCurrentIndex(1)  # the summary
    window.menu_actions.insert_attachment.trigger()
    assert editor.summary_editor.text_edit.toPlainText().endswith("![](photo.jpg)")
    wait_until_stored(qtbot, editor)
    [info] = editor.pictures.infos
    assert (info.name, info.media_type) == ("photo.jpg", "image/png")
    summary_preview = editor.summary_editor.preview
    qtbot.waitUntil(
        lambda: (
            isinstance(summary_preview.document().resource(2, QUrl("photo.jpg")), QImage)
            and summary_preview.document().resource(2, QUrl("photo.jpg")).height() == 5
        ),
        timeout=5000,
    )


def test_files_that_cannot_be_kept_are_refused_with_a_sentence(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    svg = tmp_path / "diagram.svg"
    svg.write_text("<svg/>")
    text_edit = notes_edit(window)
    before = text_edit.toPlainText()
    for path in (huge, svg):
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(path))])
        text_edit.insertFromMimeData(mime)
    assert text_edit.toPlainText() == before
    assert "“huge.png” is 50.0 MB; a picture or file can be at most 50 MB." in warned[0]
    assert "can carry scripts" in warned[1]
    assert editor_of(window).pictures.infos == []


def test_a_read_only_library_takes_no_pictures(qtbot: QtBot, window: MainWindow) -> None:
    editor = editor_of(window)
    editor.set_read_only(True)
    mime = QMimeData()
    mime.setImageData(red_image())
    assert not notes_edit(window).canInsertFromMimeData(mime)
    assert not editor.attachments.offer(notes_edit(window), mime)
    assert not editor.attachment_strip.add_button.isEnabled()


def test_the_preview_fits_a_wide_picture_to_its_width(qtbot: QtBot, window: MainWindow) -> None:
    editor = editor_of(window)
    text_edit = notes_edit(window)
    text_edit.clear()
    QApplication.clipboard().setImage(red_image(3000, 300))
    text_edit.paste()
    wait_until_stored(qtbot, editor)
    preview = editor.session_editor.notes_editor.preview
    qtbot.waitUntil(lambda: preview_resource(editor, "image.png").height() != 64, timeout=5000)
    shown = preview_resource(editor, "image.png")
    assert shown.width() / shown.devicePixelRatio() <= preview.viewport().width()
    assert abs(shown.height() - shown.width() / 10) <= 1  # the same shape


def test_the_strip_folds_away_and_stays_folded_in_the_next_window(
    qtbot: QtBot, window: MainWindow, open_window: WindowFactory, sample_path: Path
) -> None:
    editor = editor_of(window)
    mime = QMimeData()
    mime.setData("image/png", png_bytes(20, 10))
    notes_edit(window).insertFromMimeData(mime)
    wait_until_stored(qtbot, editor)
    strip = editor.attachment_strip
    assert strip.view.isVisible()
    qtbot.mouseClick(strip.title, Qt.MouseButton.LeftButton)
    assert not strip.view.isVisible()
    assert strip.title.text() == "Pictures and files (1)"  # the header stays, with the count
    window.close()

    again = open_window(sample_path)
    strip = editor_of(again).attachment_strip
    assert strip.isVisible() and strip.is_folded() and not strip.view.isVisible()
    qtbot.mouseClick(strip.title, Qt.MouseButton.LeftButton)
    assert strip.view.isVisible()
