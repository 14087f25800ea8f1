"""Export: the current event, or every event in the current view, as blog posts.

One event: a live preview of the post, Copy (rich HTML and plain markdown at
once, so a blog editor and a text editor each take what they understand) and
Save. Many events: Save writes one file per post into a folder, with a progress
bar and Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.ui.error_text import error_text
from recap.ui.markdown_editor import qt_rich_text

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
            self.tr("All {count} events in the list").format(count=self.filter_count)
        )
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.one_button)
        self.scope_group.addButton(self.many_button)
        self.one_button.setEnabled(event is not None)
        self.many_button.setEnabled(self.filter_count > 0)
        (self.one_button if event is not None else self.many_button).setChecked(True)

        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("Markdown (Velog, Jekyll, Hugo, GitHub)"), "md")
        self.format_box.addItem(self.tr("HTML (Tistory, WordPress)"), "html")
        self.front_matter_box = QComboBox()
        self.front_matter_box.addItem(self.tr("None"), "none")
        self.front_matter_box.addItem("Jekyll", "jekyll")
        self.front_matter_box.addItem("Hugo", "hugo")
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
                (self.format_box, defaults.post_format),
                (self.front_matter_box, defaults.front_matter),
                (self.language_box, defaults.export_language),
                (self.line_breaks_box, defaults.line_breaks),
            ):
                box.setCurrentIndex(max(box.findData(value), 0))
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
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Front matter"), self.front_matter_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Line breaks"), self.line_breaks_box)
        form.addRow("", self.related_check)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.many_label, 1)
        layout.addWidget(buttons)

        for box in (
            self.format_box,
            self.front_matter_box,
            self.language_box,
            self.line_breaks_box,
        ):
            box.currentIndexChanged.connect(self.update_preview)
        self.scope_group.buttonToggled.connect(lambda _button, _on: self.update_preview())
        self.related_check.toggled.connect(self.update_preview)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button.clicked.connect(self.save)
        self.resize(900, 720)
        self.update_preview()

    # -- what is chosen ------------------------------------------------------------------

    def is_batch(self) -> bool:
        return self.many_button.isChecked()

    def options(self, post_format: str | None = None) -> ExportOptions:
        from recap.export.posts import ExportOptions

        chosen = post_format or str(self.format_box.currentData())
        return ExportOptions(
            format="html" if chosen == "html" else "md",
            front_matter=self.front_matter_box.currentData() if chosen == "md" else "none",
            language="en" if self.language_box.currentData() == "en" else "ko",
            related=self.is_batch() and self.related_check.isChecked(),
            line_breaks="soft" if self.line_breaks_box.currentData() == "soft" else "typed",
        )

    def post_text(self, post_format: str | None = None) -> str:
        from recap.export.posts import render_post

        assert self.current_event is not None
        return render_post(self.current_event, self.options(post_format))

    # -- showing -------------------------------------------------------------------------

    def update_preview(self) -> None:
        self.setWindowTitle(self.tr("Export as Blog Post"))  # what was copied or saved changed
        is_markdown = self.format_box.currentData() == "md"
        self.front_matter_box.setEnabled(is_markdown)
        self.related_check.setEnabled(self.is_batch())
        batch = self.is_batch()
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
            text = self.post_text()
            html = text if not is_markdown else self.post_text("html")
        except RecapError as error:
            self.source.setPlainText(error_text(error))
            self.preview.setPlainText(error_text(error))
            return
        self.source.setPlainText(text)
        self.preview.setHtml(qt_rich_text(html))

    # -- doing -------------------------------------------------------------------------

    def copy_to_clipboard(self) -> None:
        """Rich HTML for blog editors and plain markdown for text editors, at once."""
        if self.current_event is None:
            return
        data = QMimeData()
        data.setHtml(self.post_text("html"))
        data.setText(self.post_text("md"))
        QApplication.clipboard().setMimeData(data)
        self.setWindowTitle(self.tr("Export as Blog Post — copied"))

    def save(self) -> None:
        if self.is_batch():
            folder = QFileDialog.getExistingDirectory(self, self.tr("Export posts into folder"))
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
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save post"), suggested)
        if name:
            self.save_one(Path(name))

    def save_one(self, path: Path) -> None:
        from recap.files import write_atomically

        try:
            write_atomically(path, self.post_text().encode("utf-8"))
        except OSError as error:
            self.setWindowTitle(self.tr("Export as Blog Post"))  # not "saved", nor "copied"
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("Cannot write {path}: {reason}").format(path=path, reason=error.strerror),
            )
            return
        self.last_written = [path]
        self.setWindowTitle(self.tr("Export as Blog Post — saved"))

    def save_many(self, folder: Path) -> None:
        from recap.export.batch import export_posts

        progress = QProgressDialog(
            self.tr("Exporting posts…"), self.tr("Cancel"), 0, self.filter_count, self
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        try:
            result = export_posts(
                self.library.events_with_ids(self.listed_ids),
                folder,
                self.options(),
                total=self.filter_count,
                progress=report,
                should_cancel=progress.wasCanceled,
            )
        except RecapError as error:
            progress.close()
            QMessageBox.warning(self, self.tr("Export"), error_text(error))
            return
        progress.close()
        self.last_written = list(result.written)
        message = (
            self.tr("Cancelled after {count} posts in {folder}.")
            if result.cancelled
            else self.tr("Wrote {count} posts to {folder}.")
        )
        self.many_label.setText(message.format(count=len(result.written), folder=result.folder))
