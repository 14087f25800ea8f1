"""Export: the current event, or every event in the current view, as blog posts.

One event: a live preview of the post, Copy (rich HTML and plain markdown at
once, so a blog editor and a text editor each take what they understand) and
Save. Many events: Save writes one file per post into a folder, with a progress
bar and Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.export.targets import TARGETS, ExportTarget, target_for, target_named
from recap.ui import export_files, file_dialogs
from recap.ui.error_text import error_text, target_label, translated
from recap.ui.markdown_preview import qt_rich_text
from recap.ui.publish_panel import CheckPanel, MarkPublishedDialog, ProfileBox

# What Copy puts on the clipboard and the preview shows, whatever the chosen target.
HTML_TARGET = target_for("html")
MARKDOWN_TARGET = target_for("md")

if TYPE_CHECKING:
    from recap.domain.records import EventRecord
    from recap.export.posts import ExportOptions
    from recap.storage.library import Library
    from recap.ui.preferences import Preferences


def paper_palette(palette: QPalette) -> QPalette:
    paper = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        paper.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        paper.setColor(group, QPalette.ColorRole.Text, QColor("#1f2328"))
        paper.setColor(group, QPalette.ColorRole.Link, QColor("#0969da"))
        paper.setColor(group, QPalette.ColorRole.LinkVisited, QColor("#8250df"))
    return paper


class ExportDialog(QDialog):
    problemChosen = Signal(int, object)  # the check's problem to show: event id, Spot
    published = Signal(int)  # the event whose publications were recorded here

    def __init__(
        self,
        library: Library,
        event: EventRecord | None,
        listed_ids: list[int],
        parent: QWidget | None = None,
        defaults: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export as Blog Post"))
        self.library = library
        self.current_event = event
        self.listed_ids = listed_ids
        self.filter_count = len(listed_ids)
        self.last_written: list[Path] = []

        self.one_button = QRadioButton(
            self.tr("This event: {title}").format(title=event.title)
            if event
            else self.tr("This event")
        )
        self.many_button = QRadioButton(
            self.tr("The one event in the list")
            if self.filter_count == 1
            else self.tr("All {count} events in the list").format(count=self.filter_count)
        )
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.one_button)
        self.scope_group.addButton(self.many_button)
        self.one_button.setEnabled(event is not None)
        self.many_button.setEnabled(self.filter_count > 0)
        (self.one_button if event is not None else self.many_button).setChecked(True)

        self.target_box = QComboBox()
        self.target_box.setObjectName("exportTarget")
        for target in TARGETS:
            self.target_box.addItem(target_label(target), target.name)
        self.language_box = QComboBox()
        self.language_box.addItem("한국어", "ko")
        self.language_box.addItem("English", "en")
        self.line_breaks_box = QComboBox()
        self.line_breaks_box.setObjectName("exportLineBreaks")
        self.line_breaks_box.addItem(self.tr("As typed (hard breaks)"), "typed")
        self.line_breaks_box.addItem(self.tr("Markdown soft breaks"), "soft")
        self.line_breaks_box.setToolTip(
            self.tr(
                "As typed: every line of a note shows as a line on the blog (markdown posts "
                "get a hard break, two trailing spaces). Soft: a single newline is a space."
            )
        )
        if defaults is not None:
            for box, value in (
                (self.target_box, defaults.export_target),
                (self.language_box, defaults.export_language),
                (self.line_breaks_box, defaults.line_breaks),
            ):
                box.setCurrentIndex(max(box.findData(value), 0))
        self.profile_box = ProfileBox()
        self.check_panel = CheckPanel()
        self.check_panel.problemChosen.connect(self.problemChosen)
        self.mark_dialog: MarkPublishedDialog | None = None
        self.related_check = QCheckBox(
            self.tr("End each post with the other exported posts of its category")
        )

        self.preview = QTextBrowser()
        self.preview.setObjectName("exportPreview")
        self.preview.setOpenExternalLinks(True)
        # The post is shown as a blog shows it, on white paper, whatever the theme:
        # the HTML post's own inline colours are made for that.
        self.preview.setPalette(paper_palette(self.preview.palette()))
        self.source = QPlainTextEdit()
        self.source.setObjectName("exportSource")
        self.source.setReadOnly(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.source, self.tr("Source"))
        self.problems_label = QLabel()
        self.problems_label.setObjectName("exportProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setVisible(False)
        self.many_label = QLabel()
        self.many_label.setWordWrap(True)
        self.many_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(
            self.tr("Copies the post as rich text (for blog editors) and as markdown")
        )
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        scope = QVBoxLayout()
        scope.addWidget(self.one_button)
        scope.addWidget(self.many_button)
        form = QFormLayout()
        form.addRow(self.tr("Export"), scope)
        form.addRow(self.tr("Profile"), self.profile_box)
        form.addRow(self.tr("Format"), self.target_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Line breaks"), self.line_breaks_box)
        form.addRow("", self.related_check)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.check_panel)
        layout.addWidget(self.many_label, 1)
        layout.addWidget(buttons)

        for box in (self.target_box, self.language_box, self.line_breaks_box):
            box.currentIndexChanged.connect(self.update_preview)
        self.scope_group.buttonToggled.connect(lambda _button, _on: self.update_preview())
        self.related_check.toggled.connect(self.update_preview)
        self.profile_box.box.currentIndexChanged.connect(self.apply_profile)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self.save)
        self.resize(900, 720)
        self.update_preview()

    # -- what is chosen ------------------------------------------------------------------

    def is_batch(self) -> bool:
        return self.many_button.isChecked()

    def target(self) -> ExportTarget:
        return target_named(str(self.target_box.currentData()))

    def options(self, target: ExportTarget | None = None) -> ExportOptions:
        """The chosen options, or those for another ``target`` (the preview shows HTML)."""
        from recap.export.posts import ExportOptions

        chosen = target or self.target()
        assert chosen.is_post and chosen.format != "ics"
        choices: dict[str, object] = {
            "format": chosen.format,
            "front_matter": chosen.front_matter,
            "language": "en" if self.language_box.currentData() == "en" else "ko",
            "related": self.is_batch() and self.related_check.isChecked(),
            "line_breaks": "soft" if self.line_breaks_box.currentData() == "soft" else "typed",
        }
        profile = self.profile_box.profile()
        if profile is None:
            return ExportOptions(**choices)  # type: ignore[arg-type]
        if target is not None or chosen != profile.target:
            choices["pictures"] = None  # the copied HTML carries its pictures inside
        return profile.options(**choices)  # what is chosen here wins over the profile

    def apply_profile(self) -> None:
        """Set the boxes as the chosen profile says (they may be changed after)."""
        profile = self.profile_box.profile()
        if profile is not None:
            self.target_box.setCurrentIndex(max(self.target_box.findData(profile.target.name), 0))
            self.language_box.setCurrentIndex(max(self.language_box.findData(profile.language), 0))
            self.related_check.setChecked(profile.related)
        self.update_preview()

    def run_check(self) -> None:
        from recap.domain.prepublish import check_event

        if self.current_event is None or self.is_batch():
            self.check_panel.setVisible(False)
            return
        profile = self.profile_box.profile()
        title = self.options().post_title(self.current_event)
        limit = profile.title_limit if profile is not None else None
        self.check_panel.show_problems(check_event(self.current_event, title, limit))
        self.check_panel.setVisible(True)

    def offer_to_mark(self) -> None:
        """After a post was copied or saved: record where it went?"""
        if self.current_event is None or self.current_event.id is None or self.is_batch():
            return
        profile = self.profile_box.profile()
        platform = profile.platform_name if profile is not None else ""
        self.mark_dialog = MarkPublishedDialog(self.library, self.current_event, platform, self)
        self.mark_dialog.accepted.connect(lambda: self.published.emit(self.current_event.id or 0))
        self.mark_dialog.open()

    def post_text(self, target: ExportTarget | None = None, *, tell: bool = False) -> str:
        """The post; ``tell``: show what its reader would miss under the preview."""
        from recap.export.posts import render_post_and_pictures

        assert self.current_event is not None
        text, pictures = render_post_and_pictures(self.current_event, self.options(target))
        if tell:
            self.show_problems(
                [translated(problem.template, problem.details) for problem in pictures.problems]
            )
        return text

    def show_problems(self, problems: list[str]) -> None:
        """What a reader of the post would miss (a picture not attached), under the preview."""
        self.problems_label.setText("\n".join(dict.fromkeys(problems)))
        self.problems_label.setVisible(bool(problems))

    def calendar_bytes(self) -> bytes:
        """The chosen events as one calendar (the calendar target)."""
        from recap.interchange.ics_export import events_to_ics

        if self.is_batch():
            return events_to_ics(self.library.events_with_ids(self.listed_ids))
        assert self.current_event is not None
        return events_to_ics([self.current_event])

    # -- showing -------------------------------------------------------------------------

    def update_preview(self) -> None:
        self.setWindowTitle(self.tr("Export as Blog Post"))  # what was copied or saved changed
        target = self.target()
        is_markdown = target.format == "md"
        self.related_check.setEnabled(self.is_batch() and target.is_post)
        if not target.is_post:
            self._show_calendar()
            return
        batch = self.is_batch()
        self.show_problems([])
        self.tabs.setVisible(not batch)
        self.many_label.setVisible(batch)
        self.copy_button.setEnabled(not batch)
        if batch:
            self.many_label.setText(
                self.tr(
                    "{count} posts will be written into a folder you choose, one file per "
                    "event, named by date and title (YYYY-MM-DD-title{extension})."
                ).format(count=self.filter_count, extension=self.options().extension)
            )
            return
        try:
            text = self.post_text(tell=True)
            html = text if not is_markdown else self.post_text(HTML_TARGET)
        except RecapError as error:
            self.source.setPlainText(error_text(error))
            self.preview.setPlainText(error_text(error))
            return
        self.source.setPlainText(text)
        self.preview.setHtml(qt_rich_text(html))
        self.run_check()

    def _show_calendar(self) -> None:
        """A calendar is one file whatever is chosen: its text is the preview."""
        self.tabs.setVisible(True)
        self.many_label.setVisible(False)
        self.copy_button.setEnabled(True)
        try:
            text = self.calendar_bytes().decode("utf-8")
        except RecapError as error:
            text = error_text(error)
        self.source.setPlainText(text)
        self.preview.setPlainText(text)

    # -- doing -------------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        """Rich HTML for blog editors and plain markdown for text editors, at once."""
        if not self.target().is_post:
            QApplication.clipboard().setText(self.source.toPlainText())
            self.setWindowTitle(self.tr("Export as Blog Post — copied"))
            return
        if self.current_event is None:
            return
        data = QMimeData()
        data.setHtml(self.post_text(HTML_TARGET))
        data.setText(self.post_text(MARKDOWN_TARGET))
        QApplication.clipboard().setMimeData(data)
        self.setWindowTitle(self.tr("Export as Blog Post — copied"))
        self.offer_to_mark()

    def save(self) -> None:
        if not self.target().is_post:
            name = file_dialogs.save_file(
                self,
                file_dialogs.EXPORT,
                self.tr("Save calendar"),
                "recap-events.ics",
                self.tr("Calendars (*.ics)"),
            )
            if name:
                self.save_one(Path(name), self.calendar_bytes())
            return
        if self.is_batch():
            folder = file_dialogs.choose_folder(
                self, file_dialogs.EXPORT, self.tr("Export posts into folder")
            )
            if folder:
                self.save_many(Path(folder))
            return
        if self.current_event is None:
            return
        from recap.export.file_names import post_stem

        options = self.options()
        suggested = (
            post_stem(self.current_event.start_date, self.current_event.title) + options.extension
        )
        name = file_dialogs.save_file(self, file_dialogs.EXPORT, self.tr("Save post"), suggested)
        if name:
            self.save_one(Path(name))

    def save_one(self, path: Path, data: bytes | None = None) -> None:
        """Write the post (with its pictures beside it), or ``data``, to ``path``."""
        export_files.save_one(self, path, data)

    def save_many(self, folder: Path) -> None:
        export_files.save_many(self, folder)
