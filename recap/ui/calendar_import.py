"""File › Import Calendar…: a calendar file's events into the library.

A calendar with recurring events (a weekly study group) first asks for the days to
import their occurrences for: the next six months unless the user picks others.
Then one message says what was added, what was already there and what was skipped.
Everything is read before anything is stored: a file that cannot be used adds nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.interchange.ics import CalendarRead, DateRange, RecurrenceRangeNeeded
from recap.ui import file_dialogs
from recap.ui.error_text import translated

if TYPE_CHECKING:
    from recap.storage.library import LoadResult
    from recap.ui.library_controller import LibraryController

DEFAULT_MONTHS: Final = 6
WARNINGS_SHOWN: Final = 8


class OccurrenceRangeDialog(QDialog):
    """Asks for the first and the last day whose occurrences are imported."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recurring events"))
        self.setMinimumWidth(360)
        explanation = QLabel(
            self.tr(
                "{file} has recurring events. Recap imports their occurrences "
                "between these two days:"
            ).format(file=file_name)
        )
        explanation.setWordWrap(True)
        today = QDate.currentDate()
        self.first_edit = self._date_edit(today)
        self.last_edit = self._date_edit(today.addMonths(DEFAULT_MONTHS))
        # the last day can never come before the first
        self.first_edit.dateChanged.connect(self.last_edit.setMinimumDate)
        self.last_edit.setMinimumDate(today)
        form = QFormLayout()
        form.addRow(self.tr("From:"), self.first_edit)
        form.addRow(self.tr("To:"), self.last_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def chosen_range(self) -> DateRange:
        first, last = self.first_edit.date(), self.last_edit.date()
        return DateRange(
            dt.date(first.year(), first.month(), first.day()),
            dt.date(last.year(), last.month(), last.day()),
        )


def import_calendar(parent: QWidget, controller: LibraryController) -> LoadResult | None:
    """Ask for a calendar file and import it; the result, or None when nothing changed."""
    name = file_dialogs.open_file(
        parent,
        file_dialogs.CALENDAR,
        QCoreApplication.translate("CalendarImport", "Import calendar"),
        QCoreApplication.translate("CalendarImport", "Calendar files (*.ics)"),
    )
    return import_calendar_file(parent, controller, Path(name)) if name else None


def import_calendar_file(
    parent: QWidget, controller: LibraryController, path: Path
) -> LoadResult | None:
    """Read a calendar (asking for the range of a recurring event's occurrences) and add
    its events; a problem goes to the controller's one place for problems."""
    from recap.interchange.ics import read_calendar_file

    try:
        try:
            read = read_calendar_file(path)
        except RecurrenceRangeNeeded:
            dialog = OccurrenceRangeDialog(path.name, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            read = read_calendar_file(path, occurrences=dialog.chosen_range())
    except RecapError as error:
        controller.problem.emit(error, False)
        return None
    result = controller.import_events(read.events)
    if result is not None:
        title = QCoreApplication.translate("CalendarImport", "Import calendar")
        QMessageBox.information(parent, title, result_text(path, read, result))
    return result


def result_text(path: Path, read: CalendarRead, result: LoadResult) -> str:
    """What the import did, and what the file had that Recap left out."""
    lines = [
        QCoreApplication.translate(
            "CalendarImport",
            "Events added from {file}: {added}. Already in the library: {skipped}.",
        ).format(added=result.added, file=path.name, skipped=result.skipped)
    ]
    said = [translated(warning.template, warning.details) for warning in read.warnings]
    if said:
        lines.append("")
        lines += [f"• {text}" for text in said[:WARNINGS_SHOWN]]
        if len(said) > WARNINGS_SHOWN:
            more = len(said) - WARNINGS_SHOWN
            more_text = QCoreApplication.translate("CalendarImport", "… and {count} more.")
            lines.append(more_text.format(count=more))
    return "\n".join(lines)
