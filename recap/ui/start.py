"""GUI start-up: the window appears first, the library is opened right after.

SQLAlchemy takes longer to import than Qt does, so the window is shown before
the storage layer is imported.
"""

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from recap import __version__
from recap.ui.error_text import error_text
from recap.ui.i18n import install_translators
from recap.ui.main_window import MainWindow
from recap.ui.preferences import load_preferences, save_preferences
from recap.ui.theme import apply_theme

if TYPE_CHECKING:
    from recap.storage.location import Location

# Named so that Hangul renders even where the system default font has none.
KOREAN_CAPABLE_FONTS = [
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
]


# Qt does not own installed translators: they must live as long as the app.
_translators: list[QTranslator] = []


def create_application() -> QApplication:
    """The app, speaking the chosen language and dressed in the chosen theme."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Recap")
    app.setOrganizationName("Recap")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("recap")
    app.setWindowIcon(application_icon())
    font = app.font()
    font.setFamilies([font.family(), *KOREAN_CAPABLE_FONTS])
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    preferences = load_preferences()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators[:] = install_translators(app, preferences.language())
    apply_theme(preferences.theme)
    return app


def application_icon() -> QIcon:
    from recap.resources_path import resource

    return QIcon(str(resource("icons", "recap.svg")))


class LibrarySwitcher(QObject):
    """Opens the user's library, or the bundled sample one, into the window."""

    def __init__(self, window: MainWindow, db_option: str | None) -> None:
        super().__init__(window)
        self.window = window
        self.db_option = db_option
        window.sampleLibraryRequested.connect(self.open_sample)
        window.ownLibraryRequested.connect(self.open_own)
        window.restoreRequested.connect(self.restore_from_backup)
        window.libraryFileRequested.connect(self.open_file)

    def library_location(self) -> "Location":
        """Where the user's library is: a file, or a PostgreSQL server's database."""
        from recap.config import library_location

        return library_location(self.db_option, self.window.preferences.library_path or None)

    def open_own(self) -> bool:
        return self._open(self.library_location, is_sample=False)

    def open_file(self, path: str) -> bool:
        """Switch to the library at ``path`` (a file or a server's URL; "" for the default
        one) and remember it for the next start once it opened."""
        previous = self.db_option
        self.db_option = path or None
        if not self.open_own():
            self.db_option = previous
            return False
        preferences = self.window.preferences
        if preferences.library_path != path:
            self.window.preferences = replace(preferences, library_path=path)
            save_preferences(self.window.preferences)
        return True

    def open_sample(self) -> bool:
        from recap.config import data_dir

        def prepare() -> Path:
            folder = data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            return folder / "sample-library.db"

        return self._open(prepare, is_sample=True)

    def _open(self, choose_path: Callable[[], "Location"], *, is_sample: bool) -> bool:
        from recap.errors import RecapError
        from recap.storage.opening import OpenedLibrary, open_for_editing

        opened: OpenedLibrary | None = None
        path: Location | None = None  # None: the location itself could not be read
        try:
            with self._busy():
                path = choose_path()
                opened = open_for_editing(
                    path,
                    read_only_when_locked=lambda locked: self._ask_read_only(error_text(locked)),
                    keep_daily_copy=not is_sample,
                )
                library = opened.library
                if is_sample and not opened.read_only and library.event_count() == 0:
                    from recap.interchange.recap_json import parse_document
                    from recap.resources_path import sample_library_json

                    library.load_records(parse_document(sample_library_json()).events)
        except RecapError as error:
            if opened is not None:
                opened.close()
            from recap.storage.lock import LibraryLocked

            if isinstance(error, LibraryLocked):
                return False  # the user chose not to view it read-only
            if is_sample:
                QMessageBox.critical(
                    self.window, self.tr("Cannot open the library"), error_text(error)
                )
                return False
            return self._recover(path, error_text(error))
        self.window.attach(opened, is_sample=is_sample)
        for warning in opened.warnings:
            self.window.show_warning(error_text(warning))
        return True

    def _recover(self, path: "Location | None", reason: str) -> bool:
        """The library cannot be opened (the file is left as it is): offer a backup,
        another library file, or to give up. A server's library has no backups here
        (the server keeps its own)."""
        from recap.storage.backup import list_backups
        from recap.ui.backups_dialog import BackupsDialog

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cannot open the library"))
        box.setText(reason)
        box.setInformativeText(self.tr("The file was left as it is. What would you like to do?"))
        restore = box.addButton(self.tr("Restore from Backup…"), QMessageBox.ButtonRole.AcceptRole)
        restore.setEnabled(isinstance(path, Path) and bool(list_backups(path)))
        other = box.addButton(self.tr("Open Another Library…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is restore and isinstance(path, Path):
            dialog = BackupsDialog(path, self.window)
            if dialog.exec() and dialog.restored_from is not None:
                return self.open_own()
        elif box.clickedButton() is other:
            from recap.ui import file_dialogs

            chosen = file_dialogs.save_file(
                self.window,
                file_dialogs.LIBRARY,
                self.tr("Open or create a library"),
                file_filter=self.tr("Recap libraries (*.db)"),
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if chosen:
                return self.open_file(chosen)
        return False

    def restore_from_backup(self) -> None:
        """File › Restore from Backup: the library is closed while its file is replaced."""
        from recap.ui.backups_dialog import BackupsDialog

        path = self.library_location()
        if not isinstance(path, Path):
            return  # a server's library is backed up by its server (pg_dump)
        self.window.close_library()
        dialog = BackupsDialog(path, self.window)
        dialog.exec()
        self.open_own()

    @contextmanager
    def _busy(self) -> Iterator[None]:
        """Opening may upgrade the library first (tens of seconds for a big one, once):
        the window says it is busy instead of looking frozen."""
        self.window.statusBar().showMessage(self.tr("Opening the library…"))
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        QApplication.processEvents()
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()

    def _ask_read_only(self, reason: str) -> bool:
        """The library is open in another window: view it read-only, or leave it."""
        QApplication.restoreOverrideCursor()  # a question, not a wait
        answer = QMessageBox.question(
            self.window,
            self.tr("Library in use"),
            reason + "\n\n" + self.tr("Open it read-only?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        return answer == QMessageBox.StandardButton.Yes


def paint_once(window: MainWindow, wait_seconds: float = 1.0) -> None:
    """Let the window reach the screen before the slow part of start-up begins."""
    app = QApplication.instance()
    handle = window.windowHandle()
    deadline = time.monotonic() + wait_seconds
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        if app is not None:
            app.processEvents()
    window.repaint()


def start_window(db_option: str | None) -> MainWindow:
    """Show the main window now and open the library as soon as it is on screen."""
    window = MainWindow()
    window.show()
    paint_once(window)
    switcher = LibrarySwitcher(window, db_option)

    def open_first_library() -> None:
        if not switcher.open_own():
            window.close()

    QTimer.singleShot(0, open_first_library)
    return window


def run_gui(db_option: str | None) -> int:
    app = create_application()
    from recap.ui.crash import install_crash_handler

    install_crash_handler()
    window = start_window(db_option)  # noqa: F841 - kept alive until the loop ends
    return app.exec()
