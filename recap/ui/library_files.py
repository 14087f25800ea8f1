"""Asking the user for a library file: one to open, or a new one to create."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from recap.ui import file_dialogs

LIBRARY_SUFFIX = ".db"


def ask_existing_library(parent: QWidget, folder: str = "") -> str | None:
    """A library file to open; the dialog starts where the last one was chosen, else in
    ``folder``."""
    chosen = file_dialogs.open_file(
        parent,
        file_dialogs.LIBRARY,
        QCoreApplication.translate("LibraryFiles", "Open a library"),
        QCoreApplication.translate("LibraryFiles", "Recap libraries (*.db)"),
        fallback=folder,
    )
    return chosen or None


def ask_new_library(parent: QWidget, folder: str = "") -> str | None:
    """A new library's path, ``.db`` added when the user typed a bare name."""
    chosen = file_dialogs.save_file(
        parent,
        file_dialogs.LIBRARY,
        QCoreApplication.translate("LibraryFiles", "Create a library"),
        file_filter=QCoreApplication.translate("LibraryFiles", "Recap libraries (*.db)"),
        fallback=folder,
    )
    if not chosen:
        return None
    return chosen if chosen.endswith(LIBRARY_SUFFIX) else chosen + LIBRARY_SUFFIX
