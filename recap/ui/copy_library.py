"""File › Copy Library To…: the open library copied whole into a new file or an empty
database on a PostgreSQL server (the way a laptop's library becomes a team's).

The copy runs on its own thread with a progress bar and can be cancelled (nothing is
kept then); the library stays open here as it was. A failure is told where every
problem is told, by the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recap.ui.library_files import ask_new_library

if TYPE_CHECKING:
    from recap.storage.library_copy import CopyResult
    from recap.ui.background_copy import CopyJob
    from recap.ui.library_controller import LibraryController

SERVER_EXAMPLE = "postgresql+psycopg://user@host/database"


class CopyLibraryDialog(QDialog):
    """``openRequested(path)``: the user asked to open the new library file."""

    openRequested = Signal(str)

    def __init__(
        self, controller: LibraryController, folder: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.folder = folder
        self.job: CopyJob | None = None
        self.copied_to = ""
        self.setWindowTitle(self.tr("Copy Library To"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "Every event, with its talks, notes, Q&A, links and tags, is copied into a "
                "new library. This library stays open here as it is."
            )
        )
        intro.setWordWrap(True)
        self.to_file = QRadioButton(self.tr("A new library &file"))
        self.to_server = QRadioButton(self.tr("An empty database on a PostgreSQL &server"))
        self.to_file.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.to_file)
        kinds.addButton(self.to_server)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("a new .db file"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose_file)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(SERVER_EXAMPLE)
        server_hint = QLabel(
            self.tr(
                "The database must be empty (createdb makes one). Recap never keeps a "
                "password: the server's comes from ~/.pgpass or a libpq service file."
            )
        )
        server_hint.setWordWrap(True)
        server_hint.setEnabled(False)  # greyed: an explanation, not a field

        indent = 24  # the fields sit under their choice
        file_row = QHBoxLayout()
        file_row.setContentsMargins(indent, 0, 0, 0)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        server_rows = QVBoxLayout()
        server_rows.setContentsMargins(indent, 0, 0, 0)
        server_rows.addWidget(self.server_edit)
        server_rows.addWidget(server_hint)
        places = QVBoxLayout()
        places.addWidget(self.to_file)
        places.addLayout(file_row)
        places.addSpacing(6)
        places.addWidget(self.to_server)
        places.addLayout(server_rows)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setVisible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Stop Copying"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button.setVisible(False)
        self.open_button = self.buttons.addButton(
            self.tr("Open the Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setVisible(False)
        self.copy_button.clicked.connect(self.start_copy)
        self.cancel_button.clicked.connect(self.stop_copy)
        self.open_button.clicked.connect(self._open_copy)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(places)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for edit, kind in ((self.file_edit, self.to_file), (self.server_edit, self.to_server)):
            edit.textChanged.connect(lambda _text, chosen=kind: chosen.setChecked(True))
            edit.textChanged.connect(self._update_buttons)
        kinds.buttonToggled.connect(self._update_buttons)
        self._update_buttons()

    # -- the target -----------------------------------------------------------------

    def target(self) -> str:
        edit = self.file_edit if self.to_file.isChecked() else self.server_edit
        return edit.text().strip()

    def _choose_file(self) -> None:
        chosen = ask_new_library(self, self.folder)
        if chosen:
            self.file_edit.setText(chosen)

    def _update_buttons(self) -> None:
        copying = self.job is not None
        self.copy_button.setEnabled(bool(self.target()) and not copying)

    # -- copying ----------------------------------------------------------------------

    def start_copy(self) -> None:
        target = self.target()
        if not target or self.job is not None:
            return
        job = self.controller.copy_job(target)
        if job is None:
            return  # the window has said why
        self.job = job
        self.result_label.setVisible(False)
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the first batch says how many rows
        self.progress.setVisible(True)
        self._set_copying(True)
        job.progressed.connect(self._on_progress)
        job.copied.connect(self._on_copied)
        job.failed.connect(lambda _error: self._show_result(self.tr("Nothing was copied.")))
        job.cancelled.connect(
            lambda: self._show_result(self.tr("Copying stopped; nothing was kept."))
        )
        job.finished.connect(self._on_finished)
        job.start()

    def stop_copy(self) -> None:
        if self.job is not None:
            self.job.requestInterruption()
            self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_copied(self, result: CopyResult) -> None:
        self.copied_to = self.target()
        self._show_result(
            self.tr(
                "Copied {events} events ({rows} rows in all) to {target}. Every table was "
                "counted on both sides: the counts match."
            ).format(events=result.events, rows=sum(result.rows.values()), target=self.copied_to)
        )
        self.open_button.setVisible(self.to_file.isChecked())

    def _show_result(self, text: str) -> None:
        self.progress.setVisible(False)
        self.result_label.setText(text)
        self.result_label.setVisible(True)
        self.adjustSize()  # room for the wrapped lines of the result

    def _on_finished(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self._set_copying(False)

    def _set_copying(self, copying: bool) -> None:
        for widget in (
            self.to_file,
            self.to_server,
            self.file_edit,
            self.server_edit,
            self.choose_button,
        ):
            widget.setEnabled(not copying)
        self.cancel_button.setVisible(copying)
        self.cancel_button.setEnabled(copying)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not copying)
        self._update_buttons()

    def _open_copy(self) -> None:
        self.openRequested.emit(self.copied_to)
        self.accept()

    def reject(self) -> None:
        if self.job is None:  # Esc while copying would leave the thread behind
            super().reject()
