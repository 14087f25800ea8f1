"""View › My Questions: the writer's own questions across every event, newest event
first — to follow them up after the talk, a page at a time. Open only or all, on events
with a tag, narrowed by text (in the library); an answer
typed or a tick on Resolved is saved into its event at once; double-clicking a row
opens its talk in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.domain.people import OwnQuestion
from recap.domain.records import QARecord

if TYPE_CHECKING:
    from recap.ui.library_controller import LibraryController

DATE, EVENT, TALK, QUESTION, ANSWER, RESOLVED = range(6)
PAGE = 300  # rows read at a time: a big library holds tens of thousands of questions


class QuestionsDialog(QDialog):
    """``openRequested(event_id, session_id)``: show that talk in the main window."""

    openRequested = Signal(int, int)
    answered = Signal(int)  # the event whose question was answered or ticked here

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionsDialog")
        self.setWindowTitle(self.tr("My Questions"))
        self.controller = controller
        self.questions: list[OwnQuestion] = []
        self.open_count: int | None = 0
        self.open_only = QCheckBox(self.tr("Only open ones"))
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _checked: self.refresh())
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("questionsTag")
        self.tag_box.addItem(self.tr("All tags"), "")
        tags = controller.attempt(lambda library: library.tag_counts()) or []
        for tag in tags:
            self.tag_box.addItem(tag.name, tag.name)
        self.tag_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by text…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.limit = PAGE
        # the filter runs in the library: once typing pauses, not on every key
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(200)
        self.filter_timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _text: self.filter_timer.start())
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.clicked.connect(self.show_more)
        self.count_label = QLabel()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("questionsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Event"),
                self.tr("Talk"),
                self.tr("Question"),
                self.tr("Answer"),
                self.tr("Resolved"),
            ]
        )
        header = self.table.horizontalHeader()
        for column in (QUESTION, ANSWER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._edited)
        self.table.cellDoubleClicked.connect(self._open_row)
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addWidget(self.tag_box)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(1000, 560)
        self.refresh()

    def refresh(self, keep_limit: bool = False) -> None:
        """Read the first page again (or as many as shown, after an edit)."""
        self.filter_timer.stop()
        if not keep_limit:
            self.limit = PAGE
        tag = str(self.tag_box.currentData() or "")
        found = self.controller.attempt(
            lambda library: library.own_questions(
                open_only=self.open_only.isChecked(),
                tags=(tag,) if tag else (),
                text=self.filter_edit.text(),
                limit=self.limit + 1,  # one more tells whether there are more
            )
        )
        found = found or []
        self.more_button.setVisible(len(found) > self.limit)
        self.questions = found[: self.limit]
        self.open_count = self.controller.attempt(lambda library: library.open_question_count())
        self._show()

    def show_more(self) -> None:
        self.limit += PAGE
        self.refresh(keep_limit=True)

    def _show(self) -> None:
        shown = self.questions
        read_only = self.controller.read_only
        self.table.blockSignals(True)
        self.table.setRowCount(len(shown))
        for row, item in enumerate(shown):
            cells = (
                item.start_date.isoformat(),
                item.event,
                item.session,
                item.question or "",
                item.answer or "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item)
                if column != ANSWER or read_only:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
            tick = QTableWidgetItem()
            tick.setData(Qt.ItemDataRole.UserRole, item)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            tick.setFlags(flags if read_only else flags | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Checked if item.resolved else Qt.CheckState.Unchecked)
            self.table.setItem(row, RESOLVED, tick)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.count_label.setText(self.tr("{count} open").format(count=self.open_count or 0))

    def _edited(self, cell: QTableWidgetItem) -> None:
        item = cell.data(Qt.ItemDataRole.UserRole)
        if not isinstance(item, OwnQuestion):
            return
        row = cell.row()
        answer_cell, tick = self.table.item(row, ANSWER), self.table.item(row, RESOLVED)
        answer = answer_cell.text().strip() if answer_cell is not None else ""
        resolved = tick is not None and tick.checkState() == Qt.CheckState.Checked
        record = QARecord(
            kind="own", question=item.question, answer=answer or None, resolved=resolved
        )
        record.id = item.qa_id
        if self.controller.done(lambda library: library.update_qa(record)):
            self.answered.emit(item.event_id)
            self.refresh(keep_limit=True)

    def _open_row(self, row: int, _column: int) -> None:
        cell = self.table.item(row, DATE)
        item = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        if isinstance(item, OwnQuestion):
            self.openRequested.emit(item.event_id, item.session_id)
