"""A talk's Q&A entries: audience questions and the writer's own, in order."""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import QAKind, QARecord


class GrowingTextEdit(QPlainTextEdit):
    """A few lines of text that grow with what is typed (up to ``MAX_LINES``, then it
    scrolls): a long answer is read whole, a short one takes little room."""

    MIN_LINES, MAX_LINES = 2, 12

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()

    def _fit_height(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self.MIN_LINES, min(self.MAX_LINES, self.document().lineCount()))
        # wrapped lines count too: the layout knows how many visual lines there are
        visual = self.document().documentLayout().documentSize().height()
        lines = max(lines, min(self.MAX_LINES, int(visual)))
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        self.setFixedHeight(line * lines + frame + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # a narrower field wraps into more lines


class QAEntryEditor(QFrame):
    """One Q&A entry; asks its list to move or delete it."""

    edited = Signal()
    moveRequested = Signal(object, int)
    deleteRequested = Signal(object)

    def __init__(self, record: QARecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.entry_id = record.id
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("Audience question"), "audience")
        self.kind_box.addItem(self.tr("My own question"), "own")
        self.resolved_check = QCheckBox(self.tr("Resolved"))
        self.question_edit = GrowingTextEdit(self.tr("What was asked, or what you wonder"))
        self.answer_edit = GrowingTextEdit(self.tr("Heard in the room, or found later"))
        self.problem_label = QLabel(self.tr("Needs a question or an answer; not saved yet."))
        self.problem_label.setStyleSheet("color: #d33;")
        self.up_button = self._tool_button("↑", self.tr("Move up"))
        self.down_button = self._tool_button("↓", self.tr("Move down"))
        self.delete_button = self._tool_button("✕", self.tr("Delete this entry"))

        top = QHBoxLayout()
        top.addWidget(self.kind_box)
        top.addWidget(self.resolved_check)
        top.addStretch()
        top.addWidget(self.up_button)
        top.addWidget(self.down_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.setHorizontalSpacing(12)
        fields.addRow(self.tr("Question"), self.question_edit)
        fields.addRow(self.tr("Answer"), self.answer_edit)
        layout.addLayout(top)
        layout.addLayout(fields)
        layout.addWidget(self.problem_label)

        self.kind_box.setCurrentIndex(self.kind_box.findData(record.kind))
        self.resolved_check.setChecked(record.resolved)
        self.question_edit.setPlainText(record.question or "")
        self.answer_edit.setPlainText(record.answer or "")
        self._update_problem()

        self.kind_box.activated.connect(self._on_edited)
        self.resolved_check.clicked.connect(self._on_edited)
        self.question_edit.textChanged.connect(self._on_edited)
        self.answer_edit.textChanged.connect(self._on_edited)
        self.up_button.clicked.connect(lambda: self.moveRequested.emit(self, -1))
        self.down_button.clicked.connect(lambda: self.moveRequested.emit(self, 1))
        self.delete_button.clicked.connect(lambda: self.deleteRequested.emit(self))

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def record(self) -> QARecord:
        kind: QAKind = "own" if self.kind_box.currentData() == "own" else "audience"
        return QARecord(
            id=self.entry_id,
            kind=kind,
            question=self.question_edit.toPlainText() or None,
            answer=self.answer_edit.toPlainText() or None,
            resolved=self.resolved_check.isChecked(),
        )

    def _update_problem(self) -> None:
        empty = not (
            self.question_edit.toPlainText().strip() or self.answer_edit.toPlainText().strip()
        )
        self.problem_label.setVisible(empty)

    def _on_edited(self) -> None:
        self._update_problem()
        self.edited.emit()


class QAListEditor(QWidget):
    """The Q&A entries of one talk. Emits ``edited`` on any change, order included."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[QAEntryEditor] = []
        self.add_audience_button = QPushButton(self.tr("+ Audience question"))
        self.add_own_button = QPushButton(self.tr("+ My question"))
        self.empty_label = QLabel(
            self.tr("No Q&A yet. Add what the audience asked, or your own questions to look into.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("hint")

        self._entries_box = QWidget()
        self._entries_layout = QVBoxLayout(self._entries_box)
        self._entries_layout.setContentsMargins(0, 0, 0, 0)
        self._entries_layout.addWidget(self.empty_label)
        self._entries_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._entries_box)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_audience_button)
        buttons.addWidget(self.add_own_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        self.add_audience_button.clicked.connect(lambda: self.add_entry("audience"))
        self.add_own_button.clicked.connect(lambda: self.add_entry("own"))

    def set_entries(self, records: Sequence[QARecord]) -> None:
        for entry in self.entries:
            entry.deleteLater()
        self.entries = []
        for record in records:
            self._append(QAEntryEditor(record))
        self._relayout()

    def add_entry(self, kind: QAKind) -> QAEntryEditor:
        entry = QAEntryEditor(QARecord(kind=kind, resolved=kind == "audience"))
        self._append(entry)
        self._relayout()
        entry.question_edit.setFocus()
        self.edited.emit()
        return entry

    def records(self) -> list[QARecord]:
        return [entry.record() for entry in self.entries]

    def set_ids(self, ids: Sequence[int | None]) -> None:
        """Remember the ids the library gave to the entries just saved."""
        for entry, entry_id in zip(self.entries, ids, strict=True):
            entry.entry_id = entry_id

    def _append(self, entry: QAEntryEditor) -> None:
        entry.edited.connect(self.edited)
        entry.moveRequested.connect(self._move)
        entry.deleteRequested.connect(self._delete)
        self.entries.append(entry)

    def _move(self, entry: QAEntryEditor, step: int) -> None:
        index = self.entries.index(entry)
        target = index + step
        if not 0 <= target < len(self.entries):
            return
        self.entries.insert(target, self.entries.pop(index))
        self._relayout()
        self.edited.emit()

    def _delete(self, entry: QAEntryEditor) -> None:
        self.entries.remove(entry)
        entry.deleteLater()
        self._relayout()
        self.edited.emit()

    def _relayout(self) -> None:
        for entry in self.entries:
            self._entries_layout.removeWidget(entry)
        for position, entry in enumerate(self.entries):
            self._entries_layout.insertWidget(position, entry)
            entry.up_button.setEnabled(position > 0)
            entry.down_button.setEnabled(position < len(self.entries) - 1)
        self.empty_label.setVisible(not self.entries)
