"""One handler for unexpected exceptions: a dialog with what to report, never a
silent exit. Known problems (RecapError) are plain sentences instead."""

import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recap import __version__
from recap.errors import RecapError
from recap.ui.error_text import error_text


def crash_report(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    lines = traceback.format_exception(kind, error, trace)
    return (
        f"Recap {__version__}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}\n\n"
        + "".join(lines)
    )


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Recap ran into a problem"))
        explanation = QLabel(
            self.tr(
                "Something unexpected went wrong. Everything saved before this moment is safe "
                "in your library. Please copy the details below into a bug report."
            )
        )
        explanation.setWordWrap(True)
        self.details = QPlainTextEdit(report)
        self.details.setReadOnly(True)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)


def handle_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook for the GUI: a sentence for known problems, a report for bugs."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    parent = QApplication.activeWindow()
    if isinstance(error, RecapError):
        QMessageBox.warning(parent, "Recap", error_text(error))
        return
    report = crash_report(kind, error, trace)
    sys.stderr.write(report)
    CrashDialog(report, parent).exec()


def install_crash_handler() -> None:
    sys.excepthook = handle_exception
