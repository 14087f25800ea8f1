"""Restore from backup: the copies beside the library, with dates and event counts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.storage.backup import BackupInfo, list_backups, restore
from recap.ui.error_text import error_text


class BackupsDialog(QDialog):
    """Lists the backups; Restore puts the chosen one in place of the library (after
    keeping a copy of the library as it is). ``restored_from`` says which, if any."""

    def __init__(self, library: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.library = library
        self.restored_from: Path | None = None
        self.backups: list[BackupInfo] = list_backups(library)
        intro = QLabel(
            self.tr(
                "Copies of {name}, newest first. Restoring one keeps a copy of the library "
                "as it is now, so nothing is lost."
            ).format(name=library.name)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Saved at"), self.tr("Made"), self.tr("Events"), self.tr("File")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        made = {
            "daily": self.tr("daily"),
            "before-migration": self.tr("before an upgrade"),
            "before-restore": self.tr("before a restore"),
            "copy": self.tr("by hand"),
        }
        for row, info in enumerate(self.backups):
            count = str(info.event_count) if info.event_count is not None else self.tr("unreadable")
            saved = info.saved.strftime("%Y-%m-%d %H:%M")
            for column, text in enumerate((saved, made[info.kind], count, info.path.name)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.backups:
            self.table.selectRow(0)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setEnabled(bool(self.backups))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if not self.backups:
            layout.addWidget(QLabel(self.tr("There are no backups yet.")))
        layout.addWidget(buttons)
        self.resize(620, 360)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.backups):
            return
        chosen = self.backups[row].path
        try:
            restore(chosen, self.library)
        except RecapError as error:
            QMessageBox.warning(self, self.windowTitle(), error_text(error))
            return
        self.restored_from = chosen
        self.accept()
