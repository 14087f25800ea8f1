"""One talk: title, speaker, impression, and tabs for its notes, Q&A and links."""

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recap.domain.dates import format_time, parse_time
from recap.domain.records import SessionRecord
from recap.errors import InvalidInput
from recap.ui.links_editor import LinksEditor
from recap.ui.markdown_editor import MarkdownEditor
from recap.ui.qa_editor import QAListEditor
from recap.ui.widgets import FieldError


class SessionEditor(QWidget):
    """Emits ``fieldsEdited`` (title … links) and ``qaEdited`` separately:
    they are saved by different library calls."""

    fieldsEdited = Signal()
    qaEdited = Signal()

    NOTES_TAB, QA_TAB, LINKS_TAB = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("sessionTitle")
        self.title_error = FieldError(self.title_edit)
        self.starts_at_edit = QLineEdit()
        self.starts_at_edit.setObjectName("sessionStartsAt")
        self.starts_at_edit.setPlaceholderText("13:05")
        self.starts_at_edit.setToolTip(self.tr("When the talk began (24-hour HH:MM)"))
        self.starts_at_edit.setMaxLength(5)
        self.starts_at_edit.setFixedWidth(
            self.starts_at_edit.fontMetrics().horizontalAdvance("00:00") + 24
        )
        self.starts_at_error = FieldError(self.starts_at_edit)
        self.speaker_edit = QLineEdit()
        self.speaker_edit.setPlaceholderText(self.tr("several people: comma separated"))
        # Speakers already in the library, completed as the name is typed.
        self.speaker_completer = QCompleter([], self.speaker_edit)
        self.speaker_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.speaker_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(self.speaker_completer)
        self.affiliation_edit = QLineEdit()
        self.impression_edit = QLineEdit()
        self.impression_edit.setPlaceholderText(
            self.tr("your one-line reaction, e.g. “the most fun talk of the day”")
        )
        self.notes_editor = MarkdownEditor()
        self.notes_editor.set_placeholder(self.tr("Notes on the talk, in markdown"))
        self.qa_editor = QAListEditor()
        self.links_editor = LinksEditor()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.notes_editor, self.tr("Notes"))
        self.tabs.addTab(self.qa_editor, self.tr("Q&&A"))
        self.tabs.addTab(self.links_editor, self.tr("Links"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_edit, 1)
        starts_label = QLabel(self.tr("Starts at"))
        starts_label.setBuddy(self.starts_at_edit)
        title_row.addWidget(starts_label)
        title_row.addWidget(self.starts_at_edit)
        form.addRow(self.tr("Title"), title_row)
        form.addRow("", self.title_error)
        form.addRow("", self.starts_at_error)
        form.addRow(self.tr("Speaker"), self.speaker_edit)
        form.addRow(self.tr("Affiliation"), self.affiliation_edit)
        form.addRow(self.tr("Impression"), self.impression_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)

        self._loading = False
        self._shown_id: int | None = None
        for line_edit in (
            self.title_edit,
            self.starts_at_edit,
            self.speaker_edit,
            self.affiliation_edit,
            self.impression_edit,
        ):
            line_edit.textEdited.connect(self._on_fields_edited)
        self.notes_editor.textEdited.connect(self._on_fields_edited)
        self.links_editor.edited.connect(self._on_fields_edited)
        self.qa_editor.edited.connect(self._on_qa_edited)

    def load(self, record: SessionRecord) -> None:
        self._loading = True
        try:
            self.title_edit.setText(record.title)
            self.starts_at_edit.setText(format_time(record.starts_at) if record.starts_at else "")
            self.speaker_edit.setText(record.speaker or "")
            self.affiliation_edit.setText(record.affiliation or "")
            self.impression_edit.setText(record.impression or "")
            if record.id != self._shown_id:  # another talk: long texts show their start
                for line_edit in (self.title_edit, self.speaker_edit, self.impression_edit):
                    line_edit.setCursorPosition(0)
            self._shown_id = record.id
            self.notes_editor.set_markdown(record.notes or "")
            self.links_editor.set_links(record.links, record.id or 0)
            self.qa_editor.set_entries(record.qa)
        finally:
            self._loading = False
        self.validate()
        self._update_tab_titles()

    def apply_to(self, record: SessionRecord) -> SessionRecord:
        """``record`` with this editor's fields and links (its Q&A left as it is); a
        field that is not valid keeps ``record``'s value, so the rest can be saved."""
        time_ok, starts_at = self._typed_start()
        title = self.title_edit.text().strip()
        return replace(
            record,
            title=title or record.title,
            starts_at=starts_at if time_ok else record.starts_at,
            speaker=self.speaker_edit.text() or None,
            affiliation=self.affiliation_edit.text() or None,
            impression=self.impression_edit.text() or None,
            notes=self.notes_editor.markdown() or None,
            links=self.links_editor.links(),
        )

    def validate(self) -> bool:
        problem = None
        if not self.title_edit.text().strip():
            problem = self.tr("A talk needs a title; the last saved one is kept until then.")
        self.title_error.show_error(problem)
        time_problem = None
        if not self._typed_start()[0]:
            time_problem = self.tr(
                "A start time is written like 13:05; the saved one is kept until then."
            )
        self.starts_at_error.show_error(time_problem)
        self.links_editor.show_problems()
        links_waiting = bool(self.links_editor.waiting_labels())
        return problem is None and time_problem is None and not links_waiting

    def _typed_start(self) -> tuple[bool, dt.time | None]:
        """Whether the start time field holds a time (or nothing), and that time."""
        text = self.starts_at_edit.text().strip()
        if not text:
            return True, None
        try:
            return True, parse_time(text)
        except InvalidInput:
            return False, None

    def _update_tab_titles(self) -> None:
        qa_count = len(self.qa_editor.entries)
        links_count = len(self.links_editor.links())
        self.tabs.setTabText(
            self.QA_TAB,
            self.tr("Q&&A ({count})").format(count=qa_count) if qa_count else self.tr("Q&&A"),
        )
        self.tabs.setTabText(
            self.LINKS_TAB,
            self.tr("Links ({count})").format(count=links_count)
            if links_count
            else self.tr("Links"),
        )

    def _on_fields_edited(self) -> None:
        if self._loading:
            return
        self.validate()
        self._update_tab_titles()
        self.fieldsEdited.emit()

    def _on_qa_edited(self) -> None:
        if self._loading:
            return
        self._update_tab_titles()
        self.qaEdited.emit()

    def set_speaker_names(self, names: list[str]) -> None:
        model = self.speaker_completer.model()
        if isinstance(model, QStringListModel):
            model.setStringList(names)
        else:
            self.speaker_completer.setModel(QStringListModel(names, self.speaker_completer))
