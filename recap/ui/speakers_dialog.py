"""View › Speakers: every speaker with their talks across events, narrowed by a part of
the name as you type. Selecting one lists
their talks (double-click opens one); Rename… writes one spelling as another in every
talk, after a question that says how many talks change (a name already there merges
the two: ``Youngbin Lee`` → ``이영빈``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.domain.people import SpeakerCount, SpeakerTalk

if TYPE_CHECKING:
    from recap.ui.library_controller import LibraryController


class SpeakersDialog(QDialog):
    """``openRequested(event_id, session_id)``; ``renamed``: talks were rewritten."""

    openRequested = Signal(int, int)
    renamed = Signal()

    def __init__(self, controller: LibraryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakersDialog")
        self.setWindowTitle(self.tr("Speakers"))
        self.controller = controller
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("speakerFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.speakers = QListWidget()
        self.speakers.setObjectName("speakerList")
        self.speakers.currentItemChanged.connect(lambda *_: self._show_talks())
        self.talks = QTableWidget(0, 3)
        self.talks.setObjectName("speakerTalks")
        self.talks.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Event"), self.tr("Talk")])
        header = self.talks.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.talks.setColumnWidth(1, 240)  # event titles are long; the talk gets the rest
        self.talks.verticalHeader().hide()
        self.talks.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.talks.cellDoubleClicked.connect(self._open_row)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename_current)
        self.rename_button.setEnabled(not controller.read_only)
        right = QVBoxLayout()
        right.addWidget(self.talks, 1)
        right.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addWidget(self.filter_edit)
        left.addWidget(self.speakers, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.resize(900, 520)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        counts: list[SpeakerCount] = (
            self.controller.attempt(lambda library: library.speaker_counts()) or []
        )
        self.speakers.clear()
        for count in counts:
            talks = (
                self.tr("1 talk")
                if count.talks == 1
                else self.tr("{count} talks").format(count=count.talks)
            )
            events = (
                self.tr("1 event")
                if count.events == 1
                else self.tr("{count} events").format(count=count.events)
            )
            text = f"{count.name} — {talks}, {events}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, count.name)
            self.speakers.addItem(item)
            if count.name == select:
                self.speakers.setCurrentItem(item)
        self._filter()

    def _filter(self) -> None:
        """Hide the speakers whose name lacks every typed word; keep one selected."""
        words = self.filter_edit.text().casefold().split()
        for row in range(self.speakers.count()):
            item = self.speakers.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole)).casefold()
            item.setHidden(not all(word in name for word in words))
        current = self.speakers.currentItem()
        if current is None or current.isHidden():
            shown = [
                self.speakers.item(row)
                for row in range(self.speakers.count())
                if not self.speakers.item(row).isHidden()
            ]
            if shown:
                self.speakers.setCurrentItem(shown[0])
            else:
                self.speakers.setCurrentRow(-1)

    def current_name(self) -> str | None:
        item = self.speakers.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_talks(self) -> None:
        name = self.current_name()
        found: list[SpeakerTalk] = (
            self.controller.attempt(lambda library: library.speaker_talks(name)) or []
            if name
            else []
        )
        self.talks.setRowCount(len(found))
        for row, talk in enumerate(found):
            for column, text in enumerate((talk.start_date.isoformat(), talk.event, talk.session)):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, talk)
                self.talks.setItem(row, column, cell)

    def rename_current(self) -> None:
        old = self.current_name()
        if old is None:
            return
        new, accepted = QInputDialog.getText(
            self,
            self.tr("Rename speaker"),
            self.tr("Write “{name}” as (a name already listed merges the two):").format(name=old),
            text=old,
        )
        new = " ".join(new.split())
        if not accepted or not new or new == old:
            return
        count = self.talks.rowCount()
        answer = QMessageBox.question(
            self,
            self.tr("Rename speaker"),
            (
                self.tr("Write “{old}” as “{new}” in 1 talk?")
                if count == 1
                else self.tr("Write “{old}” as “{new}” in {count} talks?")
            ).format(old=old, new=new, count=count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.controller.done(lambda library: library.rename_speaker(old, new)):
            self.renamed.emit()
            self.refresh(select=new)

    def _open_row(self, row: int, _column: int) -> None:
        cell = self.talks.item(row, 0)
        talk = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        if isinstance(talk, SpeakerTalk):
            self.openRequested.emit(talk.event_id, talk.session_id)
