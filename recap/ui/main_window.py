"""The main window: calendar and tags on the left, the event list, the editor.

It composes the widgets and the actions and wires their signals. What is open and
what the list is filtered by live in the library controller; every problem the
controller meets is shown here, in ``report_problem``, and nowhere else.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recap.errors import LibraryError, RecapError
from recap.ui import window_state
from recap.ui.calendar_panel import CalendarPanel
from recap.ui.empty_state import EmptyState
from recap.ui.error_text import error_text
from recap.ui.event_list import EventList
from recap.ui.library_controller import SEARCH_LIMIT, LibraryController
from recap.ui.library_files import ask_existing_library, ask_new_library
from recap.ui.preferences import Preferences, load_preferences
from recap.ui.tag_sidebar import TagSidebar
from recap.ui.window_actions import build_actions
from recap.ui.window_banners import read_only_banner, read_only_text, sample_banner
from recap.ui.window_commands import WindowCommands
from recap.ui.window_view import WindowView

if TYPE_CHECKING:
    from recap.domain.records import EventSummary
    from recap.storage.library import Library
    from recap.storage.opening import OpenedLibrary
    from recap.ui.event_editor import EventEditor


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
        self.controller = LibraryController(self)
        self._language = self.preferences.language()
        # The problem last shown in a dialog: shown again only in the status bar until
        # something is saved (an autosave that keeps failing asks once).
        self._reported_problem: str | None = None

        self.calendar = CalendarPanel()
        self.tag_sidebar = TagSidebar()
        self.event_list = EventList()
        self.event_list.set_date_style(self.preferences.date_style, self._language)
        self.calendar.set_date_style(self.preferences.date_style, self._language)
        # The editor (markdown, preview, highlighting) is built once a library is
        # attached, so that the window reaches the screen sooner.
        self._editor: EventEditor | None = None
        self.editor_placeholder = QWidget()
        self.empty_state = EmptyState()
        self.sample_banner = sample_banner(self.ownLibraryRequested.emit)
        self.read_only_banner = read_only_banner()

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

        self.commands = WindowCommands(self)
        self.view = WindowView(self)
        commands = self.commands
        self.menu_actions = build_actions(self, commands.action_handlers())
        commands.watch_unpublished_menu()
        self._connect_signals()
        self.view.fit_to_screen()
        window_state.restore_geometry(self)
        self.view.restore_view()
        self.update_actions()
        self.statusBar().showMessage(self.tr("Opening the library…"))

    # -- building -----------------------------------------------------------------------

    def _connect_signals(self) -> None:
        controller = self.controller
        controller.problem.connect(self.report_problem)
        controller.listChanged.connect(self.refresh_events)
        controller.tagsChanged.connect(self.refresh_tags)
        controller.tagsChanged.connect(self.calendar.request_month_data)
        self.calendar.dateFilterChanged.connect(self._with_edits_saved(controller.set_date_range))
        self.calendar.monthShown.connect(
            lambda first, last: self.calendar.set_marked_days(controller.titles_by_day(first, last))
        )
        self.tag_sidebar.tagFilterChanged.connect(self._with_edits_saved(controller.set_tag_filter))
        self.event_list.search_box.searchChanged.connect(
            self._with_edits_saved(controller.set_search)
        )
        self.tag_sidebar.renameRequested.connect(self.commands.rename_tag)
        self.tag_sidebar.deleteRequested.connect(self.commands.delete_tag)
        self.event_list.eventSelected.connect(self._on_event_selected)
        self.empty_state.createEventRequested.connect(self.commands.create_event)
        self.empty_state.openSampleRequested.connect(self.sampleLibraryRequested)
        app = QApplication.instance()
        self._watching_focus = isinstance(app, QApplication)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _with_edits_saved(self, change: Callable[..., None]) -> Callable[..., None]:
        """``change``, after the editor has written what it holds (the list is about to
        change under it)."""

        def saved_first(*args: object) -> None:
            self.save_pending_edits()
            change(*args)

        return saved_first

    @property
    def built_editor(self) -> "EventEditor | None":
        """The editor if it was built already (it is built when first needed)."""
        return self._editor

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
        editor.set_preview_placement(window_state.preview_placement())
        if self.library is not None:
            editor.set_controller(self.controller)
        editor.eventSaved.connect(self._on_event_saved)
        # after the save that made it: the editor cannot show another event from inside
        editor.eventReplaced.connect(
            lambda event_id: QTimer.singleShot(0, lambda: self.commands.show_event(event_id))
        )
        editor.tagsChanged.connect(self.refresh_tags)
        editor.saved.connect(self._on_saved)
        editor.saved.connect(self.view.show_open_questions)  # a question ticked resolved
        editor.autosave.retrying.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Not saved yet: what you typed is kept here and saved in a moment.")
            )
        )
        sizes = self.main_splitter.sizes()
        self.main_splitter.replaceWidget(2, editor)
        self.editor_placeholder.deleteLater()
        if not window_state.restore_splitter("mainSplitter", self.main_splitter):
            self.main_splitter.setSizes(sizes)  # again, now with the real editor
        window_state.restore_splitter("sessionsSplitter", editor.sessions_splitter)
        return editor

    def save_pending_edits(self) -> bool:
        """Save what the editor holds (nothing to do before it exists)."""
        return self._editor is None or self._editor.save_now()

    # -- the library ----------------------------------------------------------------------

    @property
    def library(self) -> "Library | None":
        return self.controller.library

    @property
    def read_only(self) -> bool:
        return self.controller.read_only

    @property
    def search_text(self) -> str:
        return self.controller.search_text

    def attach(self, opened: "OpenedLibrary", *, is_sample: bool = False) -> None:
        """Show the library just opened, after saving what the previous one was editing."""
        self.save_pending_edits()
        self.controller.attach(opened, is_sample=is_sample)
        self._reported_problem = None
        self.clear_filters(refresh=False)  # a filter of another library means nothing here
        self.update_actions()
        if self._editor is not None:
            self._editor.set_controller(self.controller)
            self._editor.set_read_only(self.read_only)
        self.sample_banner.setVisible(is_sample)
        self.read_only_banner.setText(read_only_text(opened.read_only_because))
        self.read_only_banner.setVisible(self.read_only)
        library = opened.library
        from recap.storage.location import short_name

        # A server's library is named with its server: whose library this is matters.
        self.setWindowTitle(f"{short_name(library.location)} — Recap")
        self.refresh_tags()
        self.calendar.request_month_data()
        self.refresh_events()
        # The list first; the editor (and the imports it needs) right after.
        QTimer.singleShot(0, lambda: self._open_last_event(library))
        self.statusBar().showMessage(self.library_size_text(), 4000)

    def close_library(self) -> None:
        """Save, then let go of the library and its lock (its file is about to change).
        The editor keeps showing what it showed, greyed, until a library is attached."""
        self.save_pending_edits()
        if self._editor is not None:
            self._editor.setEnabled(False)
        self.controller.close()
        self.update_actions()

    def update_actions(self) -> None:
        """Offer what makes sense now: nothing writes to a read-only library, and what
        needs an event waits for one."""
        has_library = self.library is not None
        writable = has_library and not self.read_only
        has_event = self._editor is not None and self._editor.current_event_id() != 0
        actions = self.menu_actions
        actions.new_event.setEnabled(writable)
        actions.import_posts.setEnabled(writable)
        actions.import_calendar.setEnabled(writable)
        actions.new_session.setEnabled(writable and has_event)
        actions.delete_event.setEnabled(writable and has_event)
        actions.insert_attachment.setEnabled(writable and has_event)
        actions.live_capture.setEnabled(writable and has_event)
        actions.export.setEnabled(has_library)
        actions.copy_library.setEnabled(has_library)
        on_file = self.library is not None and self.library.path is not None
        actions.restore.setEnabled(writable and on_file and not self.controller.is_sample)
        actions.sample.setEnabled(not self.controller.is_sample)
        self.empty_state.create_button.setEnabled(writable)

    def report_problem(self, error: RecapError, quiet: bool = False) -> None:
        """The one place problems are shown: in the status bar, and a dialog for one the
        user must hear about (met again before anything was saved: the status bar only)."""
        text = error_text(error)
        self.statusBar().showMessage(text)
        if quiet or text == self._reported_problem:
            return
        self._reported_problem = text
        title = self.tr("Library problem") if isinstance(error, LibraryError) else "Recap"
        QMessageBox.warning(self, title, text)

    def show_warning(self, text: str) -> QMessageBox:
        """A warning that does not stop the work (the library opened all the same): a
        box that stays until closed, while the window can be used."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Recap", text, QMessageBox.StandardButton.Close, self
        )
        box.setObjectName("warningBox")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return box

    def _on_saved(self) -> None:
        self._reported_problem = None
        self.statusBar().showMessage(self.tr("All changes saved"), 3000)

    def library_size_text(self) -> str:
        count = self.controller.event_count()
        if count == 0:
            return self.tr("The library is empty.")
        if count == 1:
            return self.tr("1 event in the library")
        return self.tr("{count} events in the library").format(count=count)

    def _open_last_event(self, library: "Library") -> None:
        if self.library is not library:
            return
        last_event = window_state.last_event(library.path)
        if last_event and self.event_list.select_event(last_event):
            return
        if self.event_list.model.rowCount():
            self.event_list.select_neighbour(0)

    def refresh_events(self) -> None:
        listing = self.controller.listing()
        if listing is None:
            self.event_list.set_events([], self.controller.event_count())
            return
        self.pages.setCurrentIndex(self.LIBRARY_PAGE if listing.total else self.EMPTY_PAGE)
        if listing.hits is not None:
            self.event_list.set_search_results(listing.hits, self.search_text, SEARCH_LIMIT)
            return
        unreadable = self.tr("(cannot be read)")
        self.event_list.set_event_ids(
            listing.ids,
            listing.total,
            lambda page: self.controller.summaries(page, unreadable),
        )

    def refresh_tags(self) -> None:
        self.tag_sidebar.set_tags(self.controller.tag_counts())
        if self._editor is not None:
            self._editor.refresh_choices()

    def clear_filters(self, refresh: bool = True) -> None:
        for widget, clear in (
            (self.tag_sidebar, self.tag_sidebar.clear_selection),
            (self.calendar, self.calendar.clear_filter),
            (self.menu_actions.unpublished_menu, self.menu_actions.unpublished_menu.clear),
        ):
            blocker = widget.blockSignals(True)
            clear()
            widget.blockSignals(blocker)
        self.event_list.search_box.clear_quietly()
        blocker = self.controller.blockSignals(not refresh)
        self.controller.clear_filters(self.tag_sidebar.match_any())
        self.controller.blockSignals(blocker)

    def focus_find(self) -> None:
        if not self.menu_actions.show_event_list.isChecked():
            self.menu_actions.show_event_list.trigger()  # the search box is above the list
        self.event_list.search_box.setFocus()
        self.event_list.search_box.selectAll()

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

    # -- signal handlers ----------------------------------------------------------------

    def _on_event_selected(self, event_id: int) -> None:
        if event_id == 0 and self._editor is None:
            self.update_actions()
            return  # nothing to show, and no editor to build for it yet
        self.editor.load_event(event_id)
        self.editor.show_search_matches(
            self.search_text, self.event_list.model.matches_for(event_id)
        )
        if event_id and self.editor.record is not None and self.library is not None:
            self.calendar.show_date(self.editor.record.start_date)
            window_state.save_last_event(self.library.path, event_id)
        self.update_actions()

    def _on_event_saved(self, summary: "EventSummary") -> None:
        self.event_list.update_event(summary)
        self.calendar.request_month_data()

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
        self.view.save_layout()
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._watching_focus:
            app.focusChanged.disconnect(self._on_focus_changed)
            self._watching_focus = False  # a window may be closed twice
        self.controller.close()
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.restore_splitters_once()
