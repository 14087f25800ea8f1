"""Line breaks "as typed" or "markdown soft breaks": the preview, Preferences and
the export dialog, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from recap.interchange.recap_json import parse_document
from recap.storage.library import open_library
from recap.ui import markdown_editor
from recap.ui.export_dialog import ExportDialog
from recap.ui.main_window import MainWindow
from recap.ui.markdown_editor import MarkdownEditor
from recap.ui.preferences import Preferences, load_preferences, save_preferences
from tests.gui.conftest import WindowFactory

EVENT_JSON = Path(__file__).parent.parent / "data" / "line-breaks-event.json"
TWO_LINES = "첫 줄\n둘째 줄"


@pytest.fixture
def editor(qtbot: QtBot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def line_breaks_library(tmp_path: Path) -> Path:
    path = tmp_path / "line-breaks.db"
    library = open_library(path)
    library.load_records(parse_document(EVENT_JSON.read_bytes()).events)
    library.close()
    return path


def pick(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def test_the_preview_keeps_every_typed_line_by_default(editor: MarkdownEditor) -> None:
    editor.set_markdown(TWO_LINES)

    assert editor.line_breaks() == "typed"
    assert editor.preview.toPlainText() == TWO_LINES


def test_soft_breaks_join_the_lines_in_the_preview(editor: MarkdownEditor) -> None:
    editor.set_markdown(TWO_LINES)
    editor.set_line_breaks("soft")

    assert editor.preview.toPlainText() == "첫 줄 둘째 줄"
    editor.set_line_breaks("typed")
    assert editor.preview.toPlainText() == TWO_LINES


def test_a_large_note_rendered_off_the_gui_thread_uses_the_chosen_mode(
    editor: MarkdownEditor, qtbot: QtBot
) -> None:
    editor.set_line_breaks("soft")
    note = "한 줄\n다음 줄\n\n" * (markdown_editor.BACKGROUND_RENDER_CHARS // 10 + 10)
    with qtbot.waitSignal(editor.previewUpdated, timeout=10_000):
        editor.set_markdown(note)

    assert "한 줄 다음 줄" in editor.preview.toPlainText()


def test_task_boxes_show_in_the_preview(editor: MarkdownEditor) -> None:
    editor.set_markdown("- [x] 끝\n- [ ] 할 일")

    assert editor.preview.toPlainText().split("\n") == ["☑ 끝", "☐ 할 일"]


def test_a_nested_list_and_a_list_after_text_show_nested_in_the_preview(
    editor: MarkdownEditor,
) -> None:
    editor.set_markdown("장점:\n- 가벼운 스레드\n    - 4칸 중첩")
    document = editor.preview.document()
    lists = [
        document.findBlockByNumber(number).textList()
        for number in range(document.blockCount())
        if document.findBlockByNumber(number).textList() is not None
    ]

    assert document.findBlockByNumber(0).text() == "장점:"
    assert len(lists) == 2
    assert lists[1].format().indent() > lists[0].format().indent()


def test_preferences_choose_the_mode_for_open_editors_and_the_next_start(
    open_window: WindowFactory, line_breaks_library: Path
) -> None:
    assert load_preferences().line_breaks == "typed"
    window = open_window(line_breaks_library)
    notes = window.editor.session_editor.notes_editor
    summary = window.editor.summary_editor
    notes.render_now()
    assert "부모가 취소되면 자식도 취소된다" in notes.preview.toPlainText()
    assert "취소가 쉽다\n부모가" in notes.preview.toPlainText()

    dialog = window.commands.open_preferences()
    pick(dialog.line_breaks_box, "soft")
    dialog.accept()
    QApplication.processEvents()

    assert notes.line_breaks() == summary.line_breaks() == "soft"
    assert "취소가 쉽다 부모가" in notes.preview.toPlainText()
    assert load_preferences().line_breaks == "soft"
    assert MainWindow().preferences.line_breaks == "soft"  # what the next start reads


def test_an_unknown_stored_mode_reads_as_typed() -> None:
    save_preferences(Preferences(line_breaks="soft"))
    from PySide6.QtCore import QSettings

    QSettings().setValue("preferences/line_breaks", "hard")
    assert load_preferences().line_breaks == "typed"


def test_the_export_dialog_starts_with_the_preference_and_can_change_it(
    open_window: WindowFactory, line_breaks_library: Path
) -> None:
    save_preferences(Preferences(line_breaks="soft", export_language="ko"))
    window = open_window(line_breaks_library)
    dialog = window.commands.open_export_dialog()
    assert isinstance(dialog, ExportDialog)
    try:
        assert dialog.line_breaks_box.currentData() == "soft"
        assert "코루틴 기초를 다시 훑었다.\n한 줄에" in dialog.source.toPlainText()

        pick(dialog.line_breaks_box, "typed")
        assert dialog.options().line_breaks == "typed"
        assert "코루틴 기초를 다시 훑었다.  \n한 줄에" in dialog.source.toPlainText()
        assert "코루틴 기초를 다시 훑었다.\n한 줄에" in dialog.preview.toPlainText()
        assert "☑ 슬라이드 받기" in dialog.preview.toPlainText()
    finally:
        dialog.close()
