"""Edit › Preferences: every choice takes effect in the running window and is
still there after a restart."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from recap.storage.library import open_library
from recap.ui.main_window import MainWindow
from recap.ui.markdown_editor import MarkdownEditor
from recap.ui.preferences import Preferences, load_preferences, save_preferences
from recap.ui.preferences_dialog import PreferencesDialog
from recap.ui.start import LibrarySwitcher
from recap.ui.theme import is_dark
from tests.gui.conftest import WindowFactory


def change_preferences(window: MainWindow, change: Callable[[PreferencesDialog], None]) -> None:
    dialog = window.commands.open_preferences()
    change(dialog)
    dialog.accept()


def heading_colour(editor: MarkdownEditor) -> QColor:
    """The colour the note's headings are painted in."""
    return editor.text_edit.highlighter.formats.heading.foreground().color()


def pick(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)


def test_the_dark_theme_darkens_the_window_and_the_editor_and_stays_chosen(
    open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    assert not is_dark(QApplication.palette())
    change_preferences(window, lambda dialog: pick(dialog.theme_box, "dark"))
    QApplication.processEvents()
    assert is_dark(QApplication.palette())
    notes = window.editor.session_editor.notes_editor
    assert is_dark(notes.text_edit.palette())
    assert heading_colour(notes).lightness() > 128  # a light colour, made for a dark page
    assert load_preferences().theme == "dark"

    export = window.commands.open_export_dialog()
    assert export is not None
    assert not is_dark(export.preview.palette())  # a post is previewed on white paper
    export.close()

    change_preferences(window, lambda dialog: pick(dialog.theme_box, "light"))
    QApplication.processEvents()
    assert not is_dark(QApplication.palette())
    assert heading_colour(notes).lightness() < 128


def test_autosave_delay_applies_to_the_open_editor_and_persists(
    qtbot: QtBot, open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    change_preferences(window, lambda dialog: dialog.autosave_spin.setValue(2.5))
    assert window.editor.autosave.timer.interval() == 2500
    assert load_preferences().autosave_delay_ms == 2500
    restarted = MainWindow()  # what the next start reads
    qtbot.addWidget(restarted)
    assert restarted.preferences.autosave_delay_ms == 2500


def test_date_style_changes_the_list_and_the_date_fields(
    open_window: WindowFactory, sample_path: Path
) -> None:
    save_preferences(Preferences(ui_language="ko"))
    window = open_window(sample_path)
    model = window.event_list.model
    shown = {model.index(row, model.DATE).data() for row in range(model.rowCount())}
    assert "2024년 06월 08일 (토)" in shown

    change_preferences(window, lambda dialog: pick(dialog.date_box, "iso"))
    shown = {model.index(row, model.DATE).data() for row in range(model.rowCount())}
    assert "2024-06-08" in shown
    assert window.editor.form.start_edit.displayFormat() == "yyyy-MM-dd"
    assert load_preferences().date_style == "iso"


def test_export_dialog_starts_from_the_chosen_defaults(
    open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)

    def choose(dialog: PreferencesDialog) -> None:
        pick(dialog.target_box, "hugo")
        pick(dialog.export_language_box, "en")

    change_preferences(window, choose)
    export = window.commands.open_export_dialog()
    assert export is not None
    assert export.target_box.currentData() == "hugo"
    assert export.language_box.currentData() == "en"
    assert "\ndraft: false\n" in export.source.toPlainText()  # a key only Hugo's has
    export.close()


def test_a_new_language_is_remembered_and_announced(
    open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    dialog = window.commands.open_preferences()
    assert not dialog.language_note.isVisibleTo(dialog)
    pick(dialog.language_box, "ko")
    assert dialog.language_note.isVisibleTo(dialog)
    dialog.accept()
    assert load_preferences().ui_language == "ko"
    assert load_preferences().language() == "ko"


def test_creating_a_new_library_switches_to_it_and_the_next_start_opens_it(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sample_path)
    new_file = tmp_path / "second library"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(new_file), ""))
    dialog = window.commands.open_preferences()
    dialog.new_library_button.click()
    assert str(new_file) + ".db" in dialog.library_label.text()
    dialog.accept()
    assert window.library is not None
    assert window.library.path == Path(str(new_file) + ".db")
    assert window.library.event_count() == 0
    assert load_preferences().library_path == str(new_file) + ".db"

    restarted = MainWindow()
    qtbot.addWidget(restarted)
    assert LibrarySwitcher(restarted, None).library_location() == Path(str(new_file) + ".db")


def test_a_library_that_fails_to_open_is_not_remembered(
    open_window: WindowFactory, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(sample_path)
    switcher = window.findChild(LibrarySwitcher)
    not_a_library = tmp_path / "notes.db"
    not_a_library.write_text("just some text, not SQLite")
    monkeypatch.setattr(switcher, "_recover", lambda path, reason: False)
    assert not switcher.open_file(str(not_a_library))
    assert window.library is not None and window.library.path == sample_path
    assert load_preferences().library_path == ""
    assert not_a_library.read_text() == "just some text, not SQLite"

    # The same through Preferences › Open Another…
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(not_a_library), "")
    )
    dialog = window.commands.open_preferences()
    dialog.open_library_button.click()
    dialog.accept()
    assert window.library is not None and window.library.path == sample_path
    assert load_preferences().library_path == ""


def test_opening_another_library_from_the_file_menu(
    open_window: WindowFactory, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.db"
    library = open_library(other)
    library.close()
    window = open_window(sample_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(other), ""))
    window.menu_actions.open_library.trigger()
    assert window.library is not None and window.library.path == other
    assert "other.db" in window.windowTitle()


def test_an_export_choice_of_an_older_version_is_kept(qtbot: QtBot) -> None:
    settings = QSettings()
    settings.setValue("preferences/post_format", "md")
    settings.setValue("preferences/front_matter", "jekyll")
    assert load_preferences().export_target == "jekyll"
    settings.setValue("preferences/post_format", "html")
    settings.setValue("preferences/front_matter", "hugo")  # never a valid pair
    assert load_preferences().export_target == "markdown"


def test_unknown_stored_values_fall_back_to_defaults(qtbot: QtBot) -> None:
    settings = QSettings()
    save_preferences(replace(Preferences(), theme="dark"))
    settings.setValue("preferences/export_target", "wordpress")
    settings.setValue("preferences/autosave_delay_ms", "soon")
    settings.setValue("preferences/date_style", 3)
    loaded = load_preferences()
    assert loaded.theme == "dark"
    assert loaded.export_target == "markdown"
    assert loaded.autosave_delay_ms == Preferences().autosave_delay_ms
    assert loaded.date_style == "long"
    settings.setValue("preferences/autosave_delay_ms", 999_999)
    assert load_preferences().autosave_delay_ms == 10_000


def test_posts_are_written_in_the_interface_language_until_chosen(qtbot: QtBot) -> None:
    settings = QSettings()
    settings.setValue("preferences/ui_language", "en")
    assert load_preferences().export_language == "en"
    settings.setValue("preferences/ui_language", "ko")
    assert load_preferences().export_language == "ko"
    settings.setValue("preferences/export_language", "en")
    assert load_preferences().export_language == "en"


def test_your_name_is_the_author_of_the_events_you_create(
    open_window: WindowFactory, sample_path: Path
) -> None:
    window = open_window(sample_path)
    change_preferences(window, lambda dialog: dialog.author_edit.setText("  김하늘 "))
    assert load_preferences().author_name == "김하늘"
    window.menu_actions.new_event.trigger()
    assert window.editor.form.author_edit.text() == "김하늘"
    window.save_pending_edits()
    library = open_library(sample_path)
    try:
        authors = {event.title: event.author for event in library.events()}
    finally:
        library.close()
    assert authors["New event"] == "김하늘"
    assert authors["PyData Seoul Conference 2024"] is None  # events made before keep theirs
