"""The main window (a first version: the list of events)."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QListWidget, QMainWindow

if TYPE_CHECKING:
    from recap.storage.library import Library


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Recap")
        self.library: Library | None = None
        self.event_list = QListWidget()
        self.setCentralWidget(self.event_list)
        self.resize(1000, 700)

    def attach_library(self, library: "Library") -> None:
        self.library = library
        self.event_list.clear()
        for summary in library.event_summaries():
            self.event_list.addItem(f"{summary.start_date.isoformat()}  {summary.title}")
