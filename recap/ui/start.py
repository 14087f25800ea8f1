"""GUI start-up: the window appears first, the library is opened right after."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from recap import __version__
from recap.ui.main_window import MainWindow


def create_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Recap")
    app.setOrganizationName("Recap")
    app.setApplicationVersion(__version__)
    return app


def open_library_into(window: MainWindow, db_option: str | None) -> bool:
    """Open the library and show it; a known problem becomes a message, not a traceback."""
    from recap.config import library_path
    from recap.errors import RecapError
    from recap.storage.library import open_library

    try:
        library = open_library(library_path(db_option))
    except RecapError as error:
        QMessageBox.critical(window, window.tr("Cannot open the library"), str(error))
        window.close()
        return False
    window.attach_library(library)
    return True


def run_gui(db_option: str | None) -> int:
    app = create_application()
    window = MainWindow()
    window.show()
    # SQLAlchemy takes longer to import than Qt: show the window first.
    QTimer.singleShot(0, lambda: open_library_into(window, db_option))
    return app.exec()
