"""How the main window looks and what it remembers of that: its size on first start, the
panels shown (View menu), where the notes' preview goes, and the splitters."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from recap.ui import window_state

if TYPE_CHECKING:
    from recap.ui.main_window import MainWindow


class WindowView(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self._splitters_restored = False
        self.open_questions_label: QLabel | None = None
        window.controller.attached.connect(self.show_open_questions)
        window.controller.listChanged.connect(self.show_open_questions)

    def fit_to_screen(self) -> None:
        """Open at a size that fits the screen (a 1366×768 laptop as well as a big one),
        with most of the width for the editor."""
        screen = self.window.screen().availableGeometry()
        width, height = window_state.default_window_size(screen.width(), screen.height())
        self.window.resize(width, height)
        self.window.main_splitter.setSizes(window_state.default_splitter_sizes(width))

    def restore_view(self) -> None:
        """The View menu as the user left it (read only: nothing is written at start)."""
        placement = window_state.preview_placement()
        self.window.menu_actions.preview_placements()[placement].setChecked(True)
        for name, action in self._panel_actions().items():
            action.setChecked(window_state.panel_shown(name))
            self._panel(name).setVisible(action.isChecked())

    def _panel_actions(self) -> dict[str, QAction]:
        return {
            "sidebar": self.window.menu_actions.show_sidebar,
            "list": self.window.menu_actions.show_event_list,
        }

    def _panel(self, name: str) -> QWidget:
        return self.window.sidebar_splitter if name == "sidebar" else self.window.event_list

    def show_panel(self, name: str) -> None:
        """Show or hide the calendar and tags (``sidebar``) or the event list (``list``),
        as the View menu says: hiding both leaves the notes the whole window."""
        shown = self._panel_actions()[name].isChecked()
        self._panel(name).setVisible(shown)
        window_state.save_panel_shown(name, shown)

    def set_preview_placement(self, placement: str) -> None:
        self.window.menu_actions.preview_placements()[placement].setChecked(True)
        window_state.save_preview_placement(placement)
        if self.window.built_editor is not None:
            self.window.built_editor.set_preview_placement(placement)

    def save_layout(self) -> None:
        splitters = {
            "mainSplitter": self.window.main_splitter,
            "sidebarSplitter": self.window.sidebar_splitter,
        }
        if self.window.built_editor is not None:
            splitters["sessionsSplitter"] = self.window.built_editor.sessions_splitter
        window_state.save_geometry(self.window, splitters)
        window_state.save_match_any_tag(self.window.tag_sidebar.match_any())

    def restore_splitters_once(self) -> None:
        """The splitters as the user left them: only once the window has its real size,
        or the splitters rescale the sizes."""
        if not self._splitters_restored:
            self._splitters_restored = True
            window_state.restore_splitter("mainSplitter", self.window.main_splitter)
            window_state.restore_splitter("sidebarSplitter", self.window.sidebar_splitter)
            if window_state.match_any_tag():
                self.window.tag_sidebar.any_button.setChecked(True)

    def show_open_questions(self) -> None:
        """The number of own questions still open, kept in the status bar (View › My
        Questions lists them)."""
        if self.open_questions_label is None:
            self.open_questions_label = QLabel()
            self.open_questions_label.setObjectName("openQuestions")
            self.window.statusBar().addPermanentWidget(self.open_questions_label)
        count = self.window.controller.attempt(
            lambda library: library.open_question_count(), quiet=True
        )
        label = self.open_questions_label
        label.setVisible(bool(count))
        label.setText(self.tr("Open questions: {count}").format(count=count or 0))
