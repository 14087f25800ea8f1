"""Writing what the export dialog made: one post (its pictures beside it) or a
calendar to a file, or every listed event's post into a folder with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from recap.errors import RecapError
from recap.ui.error_text import error_text, translated

if TYPE_CHECKING:
    from recap.ui.export_dialog import ExportDialog


def save_one(dialog: ExportDialog, path: Path, data: bytes | None = None) -> None:
    """Write the post (with its pictures beside it), or ``data``, to ``path``."""
    from recap.export.batch import export_post
    from recap.files import write_atomically

    try:
        if data is not None:
            write_atomically(path, data)
        else:
            assert dialog.current_event is not None
            result = export_post(dialog.current_event, path, dialog.options())
            path = result.written[0]
            dialog.show_problems(
                [translated(problem.template, problem.details) for problem in result.problems]
            )
    except RecapError as error:
        dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export as Blog Post"))
        QMessageBox.warning(
            dialog, QCoreApplication.translate("ExportDialog", "Export"), error_text(error)
        )
        return
    except OSError as error:
        # not "saved", nor "copied"
        dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export as Blog Post"))
        QMessageBox.warning(
            dialog,
            QCoreApplication.translate("ExportDialog", "Export"),
            QCoreApplication.translate("ExportDialog", "Cannot write {path}: {reason}").format(
                path=path, reason=error.strerror
            ),
        )
        return
    dialog.last_written = [path]
    dialog.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export as Blog Post — saved"))
    if data is None:
        dialog.offer_to_mark()


def save_many(dialog: ExportDialog, folder: Path) -> None:
    from recap.export.batch import export_posts

    progress = QProgressDialog(
        QCoreApplication.translate("ExportDialog", "Exporting posts…"),
        QCoreApplication.translate("ExportDialog", "Cancel"),
        0,
        dialog.filter_count,
        dialog,
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def report(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()

    try:
        result = export_posts(
            dialog.library.events_with_ids(dialog.listed_ids),
            folder,
            dialog.options(),
            total=dialog.filter_count,
            progress=report,
            should_cancel=progress.wasCanceled,
        )
    except RecapError as error:
        progress.close()
        QMessageBox.warning(
            dialog, QCoreApplication.translate("ExportDialog", "Export"), error_text(error)
        )
        return
    progress.close()
    dialog.last_written = list(result.written)
    dialog.show_problems(
        [translated(problem.template, problem.details) for problem in result.problems]
    )
    message = (
        QCoreApplication.translate("ExportDialog", "Cancelled after {count} posts in {folder}.")
        if result.cancelled
        else QCoreApplication.translate("ExportDialog", "Wrote {count} posts to {folder}.")
    )
    dialog.many_label.setText(message.format(count=len(result.written), folder=result.folder))
