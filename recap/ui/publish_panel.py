"""The export dialog's publishing parts: the pre-publish check's list (a click goes to
the problem in the editor), and the offer to record where the post went after Copy or
Save. The check itself is recap.domain.prepublish; this module only shows it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.ui.error_text import error_text

if TYPE_CHECKING:
    from recap.domain.prepublish import Problem, Spot
    from recap.domain.records import EventRecord
    from recap.errors import Sentence
    from recap.export.profiles import Profile
    from recap.storage.library import Library
    from recap.ui.event_editor import EventEditor


def check_text(sentence: Sentence) -> str:
    """A check's sentence in the user's language."""
    template = QCoreApplication.translate("Check", sentence.template)
    return template.format(**sentence.details) if sentence.details else template


class CheckPanel(QWidget):
    """The problems a reader would notice; activating one asks to go there."""

    problemChosen = Signal(int, object)  # the event's id and the problem's Spot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.heading = QLabel()
        self.list = QListWidget()
        self.list.setObjectName("checkProblems")
        self.list.setMaximumHeight(130)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)

    def show_problems(self, problems: list[Problem]) -> None:
        self.list.clear()
        for problem in problems:
            text = f"{check_text(problem.where)}: {check_text(problem.sentence)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (problem.event_id or 0, problem.spot))
            item.setToolTip(self.tr("Click to go there in the editor"))
            self.list.addItem(item)
        self.heading.setText(
            self.tr("Before you publish: {count} things a reader would notice").format(
                count=len(problems)
            )
            if problems
            else self.tr("Before you publish: nothing a reader would notice.")
        )
        self.list.setVisible(bool(problems))

    def _chosen(self, item: QListWidgetItem) -> None:
        event_id, spot = item.data(Qt.ItemDataRole.UserRole)
        self.problemChosen.emit(event_id, spot)


def go_to_spot(editor: EventEditor, event_id: int, spot: Spot) -> None:
    """Show the event's field (or talk's) where a problem is, and put the cursor there."""
    if editor.current_event_id() != event_id:
        editor.load_event(event_id)
    record = editor.record
    if record is None:
        return
    form = editor.form
    event_fields: dict[str, QWidget] = {
        "title": form.title_edit,
        "tags": form.tags_edit,
        "category": form.category_box,
    }
    if spot.field in event_fields:
        event_fields[spot.field].setFocus()
        return
    if spot.field == "summary":
        editor.tabs.setCurrentWidget(editor.summary_editor)
        editor.summary_editor.setFocus()
        return
    if spot.field == "attachments":
        editor.attachment_strip.setFocus()
        return
    if spot.talk is None or spot.talk >= len(record.sessions):
        return
    talk_id = record.sessions[spot.talk].id or 0
    editor.tabs.setCurrentWidget(editor.sessions_splitter)
    editor.load_event(event_id, talk_id)
    talk = editor.session_editor
    tabs = {"notes": talk.notes_editor, "qa": talk.qa_editor, "links": talk.links_editor}
    if spot.field in tabs:
        talk.tabs.setCurrentWidget(tabs[spot.field])
        tabs[spot.field].setFocus()
    elif spot.field == "speaker":
        talk.speaker_edit.setFocus()
    elif spot.field == "impression":
        talk.impression_edit.setFocus()


class MarkPublishedDialog(QDialog):
    """After Copy or Save: where did the post go? Records it on the event (or not)."""

    def __init__(
        self, library: Library, event: EventRecord, platform: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markPublishedDialog")
        self.setWindowTitle(self.tr("Mark as Published"))
        self.library = library
        self.recap_event = event
        self.platform_edit = QLineEdit(platform)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://velog.io/@me/post")
        self.draft_check = QCheckBox(self.tr("Only a draft there so far"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Mark"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not Now"))
        buttons.accepted.connect(self.mark)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Posted on"), self.platform_edit)
        form.addRow(self.tr("Address"), self.url_edit)
        form.addRow("", self.draft_check)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Record where “{title}” was posted?").format(title=event.title))
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def mark(self) -> None:
        from recap.domain.publications import post_address
        from recap.domain.records import PublicationRecord

        try:
            url = self.url_edit.text().strip()
            record = PublicationRecord(
                platform=self.platform_edit.text(),
                state="draft" if self.draft_check.isChecked() else "published",
                url=post_address(url) if url else None,
                published_on=dt.date.today(),
            )
            assert self.recap_event.id is not None
            self.library.publish(self.recap_event.id, record)
        except RecapError as error:
            self.error_label.setText(error_text(error))  # what was typed stays
            self.error_label.setVisible(True)
            return
        self.accept()


class ProfileBox(QWidget):
    """The export dialog's profile choice: none, or one of the publishing profiles
    (a broken profiles.toml is said under it; the built-in ones are still offered)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QComboBox

        from recap.export.profile_file import load_profiles

        super().__init__(parent)
        self.profiles = load_profiles()
        self.box = QComboBox()
        self.box.setObjectName("exportProfile")
        self.box.addItem(self.tr("None (choose below)"), "")
        for profile in self.profiles.profiles:
            self.box.addItem(profile.name, profile.name)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(self.profiles.problem is not None)
        if self.profiles.problem is not None:
            self.problem_label.setText(error_text(self.profiles.problem))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.problem_label)

    def profile(self) -> Profile | None:
        name = str(self.box.currentData() or "")
        return self.profiles.named(name) if name else None
