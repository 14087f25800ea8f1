"""Asking the user for a library file: one to open, or a new one to create."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

LIBRARY_SUFFIX = ".db"


def ask_existing_library(parent: QWidget, folder: str) -> str | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("LibraryFiles", "Open a library"),
        folder,
        QCoreApplication.translate("LibraryFiles", "Recap libraries (*.db)"),
    )
    return chosen or None


def ask_new_library(parent: QWidget, folder: str) -> str | None:
    """A new library's path, ``.db`` added when the user typed a bare name."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("LibraryFiles", "Create a library"),
        folder,
        QCoreApplication.translate("LibraryFiles", "Recap libraries (*.db)"),
    )
    if not chosen:
        return None
    return chosen if chosen.endswith(LIBRARY_SUFFIX) else chosen + LIBRARY_SUFFIX
