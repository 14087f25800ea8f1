"""Asking for files and folders: the platform's own dialog (Qt uses it where the desktop
has one), starting where the user was last time for the same kind of file, else in
their documents folder — never in the program's folder."""

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# What a dialog is for: each remembers its own last folder.
LIBRARY, POSTS, EXPORT, CALENDAR, PICTURES = "library", "posts", "export", "calendar", "pictures"


def start_folder(purpose: str, fallback: str = "") -> str:
    """The folder a dialog for ``purpose`` opens in: the last one used for it, else
    ``fallback`` (the current library's folder, say), else the documents folder."""
    remembered = QSettings().value(f"folders/{purpose}", "")
    for folder in (remembered, fallback):
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember(purpose: str, chosen: str) -> None:
    if chosen:
        path = Path(chosen)
        QSettings().setValue(f"folders/{purpose}", str(path if path.is_dir() else path.parent))


def open_file(
    parent: QWidget, purpose: str, title: str, file_filter: str, fallback: str = ""
) -> str:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, title, start_folder(purpose, fallback), file_filter
    )
    remember(purpose, chosen)
    return chosen


def open_files(parent: QWidget, purpose: str, title: str, file_filter: str) -> list[str]:
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, title, start_folder(purpose), file_filter
    )
    if chosen:
        remember(purpose, chosen[0])
    return list(chosen)


def save_file(
    parent: QWidget,
    purpose: str,
    title: str,
    suggested_name: str = "",
    file_filter: str = "",
    options: QFileDialog.Option | None = None,
    fallback: str = "",
) -> str:
    """A file to write; ``suggested_name`` is offered in the start folder."""
    folder = start_folder(purpose, fallback)
    start = str(Path(folder) / suggested_name) if suggested_name else folder
    if options is None:
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    else:
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, start, file_filter, options=options
        )
    remember(purpose, chosen)
    return chosen


def choose_folder(parent: QWidget, purpose: str, title: str) -> str:
    chosen = QFileDialog.getExistingDirectory(parent, title, start_folder(purpose))
    remember(purpose, chosen)
    return chosen
