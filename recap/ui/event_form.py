"""The event's own fields: title, dates, place, category, tags and summary."""

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from recap.domain.records import EventRecord, PublicationRecord
from recap.domain.tags import parse_tag_list
from recap.ui.widgets import FieldError, TagCompleter


class DateEdit(QDateEdit):
    """A date field where a double-click selects the part under the pointer (the year of
    ``2026년 04월 13일``), not the word around it (``2026년``), which cannot be typed over."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit() and event.type() == QEvent.Type.MouseButtonDblClick:
            assert isinstance(event, QMouseEvent)
            line_edit = self.lineEdit()
            line_edit.setCursorPosition(line_edit.cursorPositionAt(event.position().toPoint()))
            section = self.currentSection()  # follows the cursor
            if section != QDateTimeEdit.Section.NoSection:
                self.setSelectedSection(section)
                return True
        return super().eventFilter(watched, event)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# Qt's patterns for the long date style; weekday names follow the interface language.
DATE_EDIT_FORMATS = {
    ("long", "ko"): "yyyy년 MM월 dd일 (ddd)",
    ("long", "en"): "ddd, dd MMM yyyy",
}


class EventForm(QWidget):
    """Emits ``edited`` whenever the user changes a field."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("eventTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. Build With AI in Songdo"))
        self.title_error = FieldError(self.title_edit)

        self.start_edit = self._date_edit()
        self.multi_day_check = QCheckBox(self.tr("until"))
        self.multi_day_check.setToolTip(self.tr("The event lasts several days"))
        self.end_edit = self._date_edit()
        self.end_edit.setEnabled(False)
        self.date_error = FieldError(self.end_edit)

        self.venue_edit = QLineEdit()
        self.host_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://")
        self.found_via_edit = QLineEdit()
        self.found_via_edit.setPlaceholderText(self.tr("a newsletter, a friend, a talk…"))
        self.author_edit = QLineEdit()
        self.author_edit.setObjectName("eventAuthor")
        self.author_edit.setPlaceholderText(self.tr("who wrote this recap"))
        self.category_box = QComboBox()
        self.category_box.setEditable(True)
        self.category_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_edit = QLineEdit()
        self.category_edit.setPlaceholderText(self.tr("blog category, e.g. TIL - 메모"))
        self.category_box.setLineEdit(self.category_edit)
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("eventTags")
        self.tags_edit.setPlaceholderText(self.tr("tags, separated by commas"))
        self.tag_completer = TagCompleter(self.tags_edit)

        dates = QHBoxLayout()
        dates.addWidget(self.start_edit)
        dates.addWidget(self.multi_day_check)
        dates.addWidget(self.end_edit)
        dates.addStretch()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setHorizontalSpacing(12)  # a label never touches its field
        title_label = QLabel(self.tr("Title"))
        title_label.setBuddy(self.title_edit)
        grid.addWidget(title_label, 0, 0)
        grid.addWidget(self.title_edit, 0, 1, 1, 3)
        grid.addWidget(self.title_error, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Date")), 2, 0)
        grid.addLayout(dates, 2, 1, 1, 3)
        grid.addWidget(self.date_error, 3, 1, 1, 3)
        left.addRow(self.tr("Venue"), self.venue_edit)
        left.addRow(self.tr("Host"), self.host_edit)
        left.addRow(self.tr("Event page"), self.url_edit)
        right.addRow(self.tr("Found via"), self.found_via_edit)
        right.addRow(self.tr("Category"), self.category_box)
        right.addRow(self.tr("Tags"), self.tags_edit)
        left.addRow(self.tr("Author"), self.author_edit)
        self.published_label = QLabel()
        self.published_label.setObjectName("publishedLinks")
        self.published_label.setOpenExternalLinks(True)
        self.published_label.setWordWrap(True)
        self.published_title = QLabel(self.tr("Published"))
        right.addRow(self.published_title, self.published_label)
        grid.addLayout(left, 4, 0, 1, 2)
        grid.addLayout(right, 4, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        for line_edit in (
            self.title_edit,
            self.venue_edit,
            self.host_edit,
            self.url_edit,
            self.found_via_edit,
            self.tags_edit,
            self.author_edit,
        ):
            line_edit.textEdited.connect(self._on_edited)
        self.category_edit.textEdited.connect(self._on_edited)
        self.category_box.activated.connect(self._on_edited)
        self.start_edit.userDateChanged.connect(self._on_start_changed)
        self.end_edit.userDateChanged.connect(self._on_edited)
        self.multi_day_check.toggled.connect(self._on_multi_day_toggled)
        self._loading = False
        self._shown_id: int | None = None

    def _date_edit(self) -> QDateEdit:
        edit = DateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def set_date_style(self, style: str, language: str) -> None:
        """Show dates as the list does: ``2024년 04월 13일 (토)``, ``Sat, 13 Apr 2024``
        or ``2024-04-13``."""
        shown = DATE_EDIT_FORMATS.get((style, language), "yyyy-MM-dd")
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(shown)

    def set_choices(self, categories: list[str], tag_names: list[str]) -> None:
        current = self.category_box.currentText()
        self.category_box.clear()
        self.category_box.addItems(categories)
        self.category_box.setEditText(current)
        self.tag_completer.set_tag_names(tag_names)

    def load(self, record: EventRecord) -> None:
        self._loading = True
        try:
            self.title_edit.setText(record.title)
            self.start_edit.setDate(to_qdate(record.start_date))
            self.multi_day_check.setChecked(record.end_date is not None)
            self.end_edit.setDate(to_qdate(record.end_date or record.start_date))
            self.end_edit.setEnabled(record.end_date is not None)
            self.venue_edit.setText(record.venue or "")
            self.host_edit.setText(record.host or "")
            self.url_edit.setText(record.url or "")
            self.found_via_edit.setText(record.found_via or "")
            self.author_edit.setText(record.author or "")
            self.category_box.setEditText(record.category or "")
            self.tags_edit.setText(", ".join(record.tags))
            self.show_publications(record.publications)
            if record.id != self._shown_id:  # another event: long addresses show their start
                for line_edit in self.findChildren(QLineEdit):
                    line_edit.setCursorPosition(0)
            self._shown_id = record.id
        finally:
            self._loading = False
        self.validate()

    def show_publications(self, publications: Sequence[PublicationRecord]) -> None:
        """Where the recap was posted, each address a link (a draft says so)."""
        from recap.domain.addresses import web_href

        parts = []
        for entry in publications:
            name = html.escape(entry.platform)
            if entry.state == "draft":
                name = self.tr("{platform} (draft)").format(platform=name)
            href = web_href(entry.url)
            parts.append(f'<a href="{html.escape(href, quote=True)}">{name}</a>' if href else name)
        self.published_label.setText(", ".join(parts))
        self.published_title.setVisible(bool(parts))
        self.published_label.setVisible(bool(parts))

    def apply_to(self, record: EventRecord) -> EventRecord:
        """``record`` with this form's values; a field that is not valid keeps
        ``record``'s value, so that everything else can be saved meanwhile."""
        title_ok, dates_ok = self._title_problem() is None, self._date_problem() is None
        end = from_qdate(self.end_edit.date()) if self.multi_day_check.isChecked() else None
        return replace(
            record,
            title=self.title_edit.text().strip() if title_ok else record.title,
            start_date=from_qdate(self.start_edit.date()) if dates_ok else record.start_date,
            end_date=end if dates_ok else record.end_date,
            venue=self.venue_edit.text() or None,
            host=self.host_edit.text() or None,
            url=self.url_edit.text().strip() or None,
            found_via=self.found_via_edit.text() or None,
            author=self.author_edit.text() or None,
            category=self.category_box.currentText().strip() or None,
            tags=parse_tag_list(self.tags_edit.text()),
        )

    def validate(self) -> bool:
        """Show each problem at its field; True when every field can be saved."""
        title_problem = self._title_problem()
        date_problem = self._date_problem()
        self.title_error.show_error(title_problem)
        self.date_error.show_error(date_problem)
        return title_problem is None and date_problem is None

    def _title_problem(self) -> str | None:
        title = self.title_edit.text().strip()
        if not title:
            return self.tr("A title is required; the last saved one is kept until then.")
        if len(title) > 300:
            return self.tr("A title can be 300 characters at most.")
        return None

    def _date_problem(self) -> str | None:
        if self.multi_day_check.isChecked() and self.end_edit.date() < self.start_edit.date():
            return self.tr("The end date is before the start date; the saved dates are kept.")
        return None

    def _on_start_changed(self) -> None:
        if not self.multi_day_check.isChecked():
            self.end_edit.setDate(self.start_edit.date())
        self._on_edited()

    def _on_multi_day_toggled(self, checked: bool) -> None:
        self.end_edit.setEnabled(checked)
        if checked and self.end_edit.date() <= self.start_edit.date():
            # a multi-day event ends on a later day: the day after is the likely one
            self.end_edit.setDate(self.start_edit.date().addDays(1))
        self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self.validate()
        self.edited.emit()
