"""The main window: calendar and tags on the left, the event list, the editor.

Widgets only emit signals; this window wires them to the library and to each other.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.ui.calendar_panel import CalendarPanel
from recap.ui.confirm import confirm_deletion
from recap.ui.empty_state import EmptyState
from recap.ui.error_text import error_text
from recap.ui.event_list import EventList
from recap.ui.library_files import ask_existing_library, ask_new_library
from recap.ui.preferences import Preferences, load_preferences, save_preferences
from recap.ui.tag_sidebar import TagSidebar

if TYPE_CHECKING:
    from recap.domain.records import EventSummary
    from recap.storage.library import Library
    from recap.storage.lock import LibraryLock
    from recap.ui.event_editor import EventEditor
    from recap.ui.export_dialog import ExportDialog
    from recap.ui.preferences_dialog import PreferencesDialog


SEARCH_LIMIT = 50


class MainWindow(QMainWindow):
    """``sampleLibraryRequested`` / ``ownLibraryRequested`` / ``libraryFileRequested``
    ask start-up to switch library (the last with a file's path, "" for the default)."""

    sampleLibraryRequested = Signal()
    ownLibraryRequested = Signal()
    libraryFileRequested = Signal(str)
    restoreRequested = Signal()

    EMPTY_PAGE, LIBRARY_PAGE = range(2)

    def __init__(self, preferences: Preferences | None = None) -> None:
        super().__init__()
        self.preferences = preferences or load_preferences()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Recap")
        self.library: Library | None = None
        self.date_range: tuple[dt.date | None, dt.date | None] = (None, None)
        self.tag_filter: tuple[tuple[str, ...], bool] = ((), False)
        self.search_text = ""

        self.calendar = CalendarPanel()
        self.tag_sidebar = TagSidebar()
        self.event_list = EventList()
        self._language = self.preferences.language()
        self.event_list.set_date_style(self.preferences.date_style, self._language)
        self.calendar.set_date_style(self.preferences.date_style, self._language)
        # The editor (markdown, preview, highlighting) is built once a library is
        # attached, so that the window reaches the screen sooner.
        self._editor: EventEditor | None = None
        self.editor_placeholder = QWidget()
        self.empty_state = EmptyState()
        self.sample_banner = self._build_sample_banner()
        self.read_only_banner = QLabel(
            self.tr("Read-only: this library is open in another Recap window.")
        )
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(
            "padding: 4px 8px; background: palette(alternate-base);"
        )
        self.read_only_banner.hide()
        self.read_only = False
        self.library_lock: LibraryLock | None = None

        self.sidebar_splitter = QSplitter(Qt.Orientation.Vertical)
        self.sidebar_splitter.setObjectName("sidebarSplitter")
        self.sidebar_splitter.addWidget(self.calendar)
        self.sidebar_splitter.addWidget(self.tag_sidebar)
        self.sidebar_splitter.setStretchFactor(1, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar_splitter)
        self.main_splitter.addWidget(self.event_list)
        self.main_splitter.addWidget(self.editor_placeholder)
        self.main_splitter.setStretchFactor(2, 1)
        self.main_splitter.setSizes([280, 480, 700])

        library_page = QWidget()
        library_layout = QVBoxLayout(library_page)
        library_layout.setContentsMargins(6, 6, 6, 6)
        library_layout.addWidget(self.sample_banner)
        library_layout.addWidget(self.read_only_banner)
        library_layout.addWidget(self.main_splitter, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_state)
        self.pages.addWidget(library_page)
        self.pages.setCurrentIndex(self.LIBRARY_PAGE)
        self.setCentralWidget(self.pages)

        self._create_actions()
        self._connect_signals()
        self.resize(1450, 900)
        self.restore_geometry()
        self._splitters_restored = False
        self.statusBar().showMessage(self.tr("Opening the library…"))

    # -- building --------------------------------------------------------------

    def _build_sample_banner(self) -> QWidget:
        banner = QWidget()
        banner.setObjectName("sampleBanner")
        label = QLabel(
            self.tr("You are exploring the sample library. Your own library is unchanged.")
        )
        back = QPushButton(self.tr("Back to my library"))
        back.clicked.connect(self.ownLibraryRequested)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(label, 1)
        layout.addWidget(back)
        banner.setStyleSheet("#sampleBanner { background: palette(alternate-base); }")
        banner.hide()
        return banner

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_event_action = self._action(
            self.tr("New Event"), QKeySequence.StandardKey.New, self.create_event
        )
        self.new_session_action = self._action(
            self.tr("New Session"), "Ctrl+Shift+N", lambda: self.editor.add_session()
        )
        self.delete_event_action = self._action(
            self.tr("Delete Event…"), "Ctrl+Shift+Delete", self.delete_current_event
        )
        self.find_action = self._action(
            self.tr("Find…"), QKeySequence.StandardKey.Find, self.focus_find
        )
        self.next_event_action = self._action(
            self.tr("Next Event"), "Alt+Down", lambda: self.event_list.select_neighbour(1)
        )
        self.previous_event_action = self._action(
            self.tr("Previous Event"), "Alt+Up", lambda: self.event_list.select_neighbour(-1)
        )
        self.clear_filters_action = self._action(
            self.tr("Show All Events"), "Ctrl+Shift+A", self.clear_filters
        )
        self.export_action = self._action(
            self.tr("Export as Blog Post…"), "Ctrl+E", self.open_export_dialog
        )
        self.import_action = self._action(self.tr("Import Posts…"), None, self.import_posts)
        self.open_library_action = self._action(
            self.tr("Open Library…"), QKeySequence.StandardKey.Open, self.choose_library_file
        )
        self.new_library_action = self._action(
            self.tr("New Library…"), None, self.create_library_file
        )
        self.preferences_action = self._action(
            self.tr("Preferences…"), "Ctrl+,", self.open_preferences
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.restore_action = self._action(
            self.tr("Restore from Backup…"), None, self.restoreRequested.emit
        )
        self.sample_action = self._action(
            self.tr("Explore the Sample Library"), None, self.sampleLibraryRequested.emit
        )
        self.quit_action = self._action(self.tr("Quit"), QKeySequence.StandardKey.Quit, self.close)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_event_action)
        file_menu.addAction(self.new_session_action)
        file_menu.addSeparator()
        file_menu.addAction(self.open_library_action)
        file_menu.addAction(self.new_library_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.delete_event_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        go_menu.addAction(self.next_event_action)
        go_menu.addAction(self.previous_event_action)
        go_menu.addAction(self.find_action)
        go_menu.addAction(self.clear_filters_action)

        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.new_event_action)
        toolbar.addAction(self.new_session_action)
        toolbar.addSeparator()
        toolbar.addAction(self.export_action)
        toolbar.addSeparator()
        toolbar.addAction(self.delete_event_action)
        self.addToolBar(toolbar)

    def _connect_signals(self) -> None:
        self.calendar.dateFilterChanged.connect(self._on_date_filter_changed)
        self.calendar.monthShown.connect(self._on_month_shown)
        self.tag_sidebar.tagFilterChanged.connect(self._on_tag_filter_changed)
        self.event_list.search_box.searchChanged.connect(self._on_search_changed)
        self.tag_sidebar.renameRequested.connect(self.rename_tag)
        self.tag_sidebar.deleteRequested.connect(self.delete_tag)
        self.event_list.eventSelected.connect(self._on_event_selected)
        self.empty_state.createEventRequested.connect(self.create_event)
        self.empty_state.openSampleRequested.connect(self.sampleLibraryRequested)
        app = QApplication.instance()
        self._watching_focus = isinstance(app, QApplication)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def editor(self) -> "EventEditor":
        if self._editor is None:
            self._editor = self._build_editor()
        return self._editor

    def _build_editor(self) -> "EventEditor":
        from recap.ui.event_editor import EventEditor

        editor = EventEditor()
        editor.set_autosave_delay(self.preferences.autosave_delay_ms)
        editor.set_date_style(self.preferences.date_style, self._language)
        editor.set_line_breaks(self.preferences.line_breaks)
        editor.set_read_only(self.read_only)
        if self.library is not None:
            editor.set_library(self.library)
        editor.eventSaved.connect(self._on_event_saved)
        editor.tagsChanged.connect(self.refresh_tags)
        editor.saved.connect(
            lambda: self.statusBar().showMessage(self.tr("All changes saved"), 3000)
        )
        editor.problem.connect(lambda text: self.statusBar().showMessage(text))
        sizes = self.main_splitter.sizes()
        self.main_splitter.replaceWidget(2, editor)
        self.editor_placeholder.deleteLater()
        settings = self._settings()
        main_state = settings.value("window/mainSplitter")
        if isinstance(main_state, QByteArray):
            self.main_splitter.restoreState(main_state)  # again, now with the real editor
        else:
            self.main_splitter.setSizes(sizes)
        sessions_state = settings.value("window/sessionsSplitter")
        if isinstance(sessions_state, QByteArray):
            editor.sessions_splitter.restoreState(sessions_state)
        return editor

    def save_pending_edits(self) -> bool:
        """Save what the editor holds (nothing to do before it exists)."""
        return self._editor is None or self._editor.save_now()

    # -- the library -------------------------------------------------------------

    def attach_library(
        self,
        library: "Library",
        *,
        is_sample: bool = False,
        lock: "LibraryLock | None" = None,
        read_only: bool = False,
    ) -> None:
        """Show ``library`` (after saving what the previous one was editing); ``lock``
        is released when another library is shown or the window closes."""
        self.save_pending_edits()
        if self.library is not None and self.library is not library:
            self.library.close()
        self._release_lock()
        self.library = library
        self.library_lock = lock
        self.set_read_only(read_only)
        if self._editor is not None:
            self._editor.set_library(library)
        self.sample_banner.setVisible(is_sample)
        self.sample_action.setEnabled(not is_sample)
        self.restore_action.setEnabled(not is_sample and not read_only)
        name = library.path.name if library.path is not None else self.tr("in memory")
        self.setWindowTitle(f"{name} — Recap")
        self.refresh_tags()
        self.calendar.request_month_data()
        self.refresh_events()
        # The list first; the editor (and the imports it needs) right after.
        QTimer.singleShot(0, lambda: self._open_last_event(library))
        self.statusBar().showMessage(self._library_size_text(), 4000)

    def _library_size_text(self) -> str:
        count = self.library.event_count() if self.library is not None else 0
        if count == 0:
            return self.tr("The library is empty.")
        if count == 1:
            return self.tr("1 event in the library")
        return self.tr("{count} events in the library").format(count=count)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for action in (
            self.new_event_action,
            self.new_session_action,
            self.delete_event_action,
            self.import_action,
            self.restore_action,
        ):
            action.setEnabled(not read_only)
        self.empty_state.create_button.setEnabled(not read_only)
        self.read_only_banner.setVisible(read_only)
        if self._editor is not None:
            self._editor.set_read_only(read_only)

    def close_library(self) -> None:
        """Save, then let go of the library and its lock (its file is about to change)."""
        self.save_pending_edits()
        if self._editor is not None:
            self._editor.load_event(0)
        if self.library is not None:
            self.library.close()
            self.library = None
        self._release_lock()

    def _release_lock(self) -> None:
        lock = getattr(self, "library_lock", None)
        if lock is not None:
            lock.release()
        self.library_lock = None

    def _open_last_event(self, library: "Library") -> None:
        if self.library is not library:
            return
        last_event = self._settings().value(self._last_event_key(), 0, type=int)
        if isinstance(last_event, int) and last_event and self.event_list.select_event(last_event):
            return
        if self.event_list.model.rowCount():
            self.event_list.select_neighbour(0)

    def refresh_events(self) -> None:
        if self.library is None:
            return
        date_from, date_to = self.date_range
        tags, match_any = self.tag_filter
        from recap.domain.records import EventFilter

        event_filter = EventFilter(
            tags=tags, match_any_tag=match_any, date_from=date_from, date_to=date_to
        )
        total = self.library.event_count()
        self.pages.setCurrentIndex(self.LIBRARY_PAGE if total else self.EMPTY_PAGE)
        try:
            if self.search_text:
                hits = self.library.search(self.search_text, event_filter, limit=SEARCH_LIMIT)
                self.event_list.set_search_results(hits, self.search_text, SEARCH_LIMIT)
            else:
                ids = self.library.event_ids(event_filter)
                self.event_list.set_event_ids(ids, total, self.library.summaries_for)
        except RecapError as error:
            self.statusBar().showMessage(error_text(error))
            self.event_list.set_events([], total)

    def refresh_tags(self) -> None:
        if self.library is None:
            return
        self.tag_sidebar.set_tags(self.library.tag_counts())
        if self._editor is not None:
            self._editor.refresh_choices()

    def refresh_calendar(self) -> None:
        self.calendar.request_month_data()

    # -- user actions -----------------------------------------------------------------

    def create_event(self) -> None:
        if self.library is None:
            return
        self.save_pending_edits()
        from recap.domain.records import EventRecord

        today = dt.date.today()
        event_id = self.library.create_event(
            EventRecord(title=self.tr("New event"), start_date=today)
        )
        self.clear_filters()
        self.refresh_calendar()
        self.event_list.select_event(event_id)
        self.calendar.show_date(today)
        self.statusBar().showMessage(self._library_size_text(), 4000)
        self.editor.form.title_edit.setFocus()
        self.editor.form.title_edit.selectAll()

    def delete_current_event(self) -> None:
        event_id = self.editor.current_event_id()
        if self.library is None or not event_id or self.editor.record is None:
            return
        record = self.editor.record
        count = len(self.editor.sessions)
        if count:
            question = self.tr(
                "Delete “{title}” with its {count} sessions, their notes and Q&A?\n"
                "This cannot be undone."
            ).format(title=record.title, count=count)
        else:
            question = self.tr("Delete “{title}”?\nThis cannot be undone.").format(
                title=record.title
            )
        if not confirm_deletion(self, self.tr("Delete event"), question):
            return
        row = self.event_list.view.currentIndex().row()
        self.editor.discard_changes()
        self.library.delete_event(event_id)
        self.refresh_tags()
        self.refresh_calendar()
        self.refresh_events()
        if self.event_list.model.rowCount():
            target = min(max(row, 0), self.event_list.model.rowCount() - 1)
            self.event_list.select_event(self.event_list.model.event_id_at(target))

    def open_export_dialog(self) -> "ExportDialog | None":
        if self.library is None:
            return None
        from recap.ui.export_dialog import ExportDialog

        self.save_pending_edits()
        model = self.event_list.model
        listed = model.event_ids()
        current = self.editor.record if self.editor.current_event_id() else None
        if current is None and not listed:
            self.statusBar().showMessage(self.tr("Nothing to export: no event is listed."), 4000)
            return None
        dialog = ExportDialog(self.library, current, listed, self, defaults=self.preferences)
        dialog.open()
        return dialog

    # -- preferences and library files ----------------------------------------------------

    def open_preferences(self) -> "PreferencesDialog":
        from recap.ui.preferences_dialog import PreferencesDialog

        current = self.library.path if self.library is not None else None
        dialog = PreferencesDialog(self.preferences, current, self)

        def accepted() -> None:
            self.apply_preferences(dialog.chosen())
            if dialog.library_choice is not None:
                self.libraryFileRequested.emit(dialog.library_choice)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def apply_preferences(self, preferences: Preferences) -> None:
        """Use ``preferences`` now and from the next start (the language only then)."""
        from recap.ui.theme import apply_theme

        self.preferences = preferences
        save_preferences(preferences)
        apply_theme(preferences.theme)
        self.event_list.set_date_style(preferences.date_style, self.language())
        self.calendar.set_date_style(preferences.date_style, self.language())
        if self._editor is not None:
            self._editor.set_autosave_delay(preferences.autosave_delay_ms)
            self._editor.set_date_style(preferences.date_style, self.language())
            self._editor.set_line_breaks(preferences.line_breaks)

    def language(self) -> str:
        """The language the interface was started in (a change waits for a restart)."""
        return self._language

    def choose_library_file(self) -> None:
        chosen = ask_existing_library(self, self._library_folder())
        if chosen:
            self.libraryFileRequested.emit(chosen)

    def create_library_file(self) -> None:
        chosen = ask_new_library(self, self._library_folder())
        if chosen:
            self.libraryFileRequested.emit(chosen)

    def _library_folder(self) -> str:
        path = self.library.path if self.library is not None else None
        return str(Path(path).parent) if path else ""

    def import_posts(self) -> None:
        if self.library is None:
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import posts"), "", self.tr("Markdown posts (*.md *.markdown)")
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> None:
        """Read Recap's own markdown posts back into events (all files, or none)."""
        from recap.interchange.markdown_import import read_markdown_file

        assert self.library is not None
        self.save_pending_edits()
        try:
            result = self.library.load_records([read_markdown_file(path) for path in paths])
        except RecapError as error:
            QMessageBox.warning(self, self.tr("Import posts"), error_text(error))
            return
        self.refresh_tags()
        self.refresh_calendar()
        self.refresh_events()
        self.statusBar().showMessage(
            self.tr("Imported {added} events; {skipped} were already in the library.").format(
                added=result.added, skipped=result.skipped
            )
        )

    def rename_tag(self, name: str) -> None:
        if self.library is None or self.read_only:
            return
        new_name, accepted = QInputDialog.getText(
            self,
            self.tr("Rename tag"),
            self.tr("New name for “{name}” (an existing tag's name merges the two):").format(
                name=name
            ),
            text=name,
        )
        if accepted and new_name.strip() and new_name.strip() != name:
            self._change_tags(lambda library: library.rename_tag(name, new_name))

    def delete_tag(self, name: str) -> None:
        if self.library is None or self.read_only:
            return
        question = self.tr("Remove the tag “{name}” from every event? The events stay.")
        if confirm_deletion(self, self.tr("Delete tag"), question.format(name=name)):
            self._change_tags(lambda library: library.delete_tag(name))

    def _change_tags(self, change: "Callable[[Library], int]") -> None:
        assert self.library is not None
        self.save_pending_edits()
        try:
            count = change(self.library)
        except RecapError as error:
            QMessageBox.warning(self, self.tr("Tags"), error_text(error))
            return
        self.refresh_tags()
        self.refresh_events()
        current = self.editor.current_event_id()
        if current:
            self.editor.load_event(current)
        self.statusBar().showMessage(self.tr("{count} events changed").format(count=count), 4000)

    def clear_filters(self) -> None:
        self.tag_sidebar.blockSignals(True)
        self.tag_sidebar.clear_selection()
        self.tag_sidebar.blockSignals(False)
        self.calendar.blockSignals(True)
        self.calendar.clear_filter()
        self.calendar.blockSignals(False)
        self.date_range = (None, None)
        self.tag_filter = ((), self.tag_sidebar.match_any())
        self.event_list.search_box.clear_quietly()
        self.search_text = ""
        self.refresh_events()

    def focus_find(self) -> None:
        self.event_list.search_box.setFocus()
        self.event_list.search_box.selectAll()

    # -- signal handlers ----------------------------------------------------------------

    def _on_date_filter_changed(self, first: dt.date | None, last: dt.date | None) -> None:
        self.save_pending_edits()
        self.date_range = (first, last)
        self.refresh_events()

    def _on_tag_filter_changed(self, names: tuple[str, ...], match_any: bool) -> None:
        self.save_pending_edits()
        self.tag_filter = (names, match_any)
        self.refresh_events()

    def _on_search_changed(self, text: str) -> None:
        self.save_pending_edits()
        self.search_text = text
        self.refresh_events()

    def _on_month_shown(self, first: dt.date, last: dt.date) -> None:
        if self.library is not None:
            self.calendar.set_marked_days(self.library.titles_by_day(first, last))

    def _on_event_selected(self, event_id: int) -> None:
        if event_id == 0 and self._editor is None:
            return  # nothing to show, and no editor to build for it yet
        self.editor.load_event(event_id)
        self.editor.show_search_matches(
            self.search_text, self.event_list.model.matches_for(event_id)
        )
        if event_id and self.editor.record is not None:
            self.calendar.show_date(self.editor.record.start_date)
            self._settings().setValue(self._last_event_key(), event_id)

    def _on_event_saved(self, summary: "EventSummary") -> None:
        self.event_list.update_event(summary)
        self.refresh_calendar()

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        editor = self._editor
        if editor is None or old is None or not editor.isAncestorOf(old):
            return
        if editor.has_unsaved_changes():
            editor.save_now()

    # -- closing and remembering ----------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_pending_edits() and not self._confirm_close_with_unsaved():
            event.ignore()
            return
        self.save_layout()
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._watching_focus:
            app.focusChanged.disconnect(self._on_focus_changed)
            self._watching_focus = False  # a window may be closed twice
        if self.library is not None:
            self.library.close()
            self.library = None
        self._release_lock()
        event.accept()

    def _confirm_close_with_unsaved(self) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Some changes cannot be saved yet (see the fields marked in red).\n"
                "Close anyway and lose them?"
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @staticmethod
    def _settings() -> QSettings:
        return QSettings()

    def _last_event_key(self) -> str:
        path = self.library.path if self.library is not None else None
        return "lastEvent/" + (str(Path(path).resolve()).replace("/", "|") if path else "memory")

    def save_layout(self) -> None:
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/mainSplitter", self.main_splitter.saveState())
        settings.setValue("window/sidebarSplitter", self.sidebar_splitter.saveState())
        if self._editor is not None:
            sessions_state = self._editor.sessions_splitter.saveState()
            settings.setValue("window/sessionsSplitter", sessions_state)
        settings.setValue("tags/matchAny", self.tag_sidebar.match_any())

    def restore_geometry(self) -> None:
        geometry = self._settings().value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            # Only once the window has its real size, or the splitters rescale the sizes.
            self._splitters_restored = True
            self.restore_splitters()

    def restore_splitters(self) -> None:
        settings = self._settings()
        for key, splitter in (
            ("window/mainSplitter", self.main_splitter),
            ("window/sidebarSplitter", self.sidebar_splitter),
        ):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        if settings.value("tags/matchAny", False, type=bool):
            self.tag_sidebar.any_button.setChecked(True)
