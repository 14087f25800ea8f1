"""Asking before something is deleted for good: the buttons say what they do."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_deletion(parent: QWidget, title: str, question: str) -> bool:
    """True when the user chose Delete; Cancel (also Esc and Enter) keeps everything."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, question, parent=parent)
    delete = box.addButton(
        QCoreApplication.translate("Confirmation", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete
