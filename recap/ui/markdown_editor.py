"""The note editor: highlighted Markdown source beside a live HTML preview.

Typing must stay instant and must never disturb an input method (Korean is
composed syllable by syllable in a pre-edit area): the highlighter only sets
formats, nothing here edits the document behind the user's back, and the
preview is rendered after a pause in typing, on a worker thread when the note
is large.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QGuiApplication,
    QTextDocument,
)
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from recap.export.markdown_html import DEFAULT_LINE_BREAKS, LineBreaks, pygments_css
from recap.ui.editor_fonts import preview_font
from recap.ui.markdown_preview import (
    PREVIEW_CSS,
    BackgroundRenderer,
    PreviewBrowser,
    qt_rich_text,
    render_safely,
)
from recap.ui.markdown_text_edit import MarkdownTextEdit
from recap.ui.theme import is_dark

# Sizes are counted in characters, which QTextDocument knows without copying the
# text. Mixed Korean/English notes run ~1.45 UTF-8 bytes per character, so these
# are about 8 KB and 20 KB. Rendering costs ~2.7 µs per character (see
# PERFORMANCE-NOTES.md), so a background-sized note would take >15 ms inline.
BACKGROUND_RENDER_CHARS = 5_500
LARGE_NOTE_CHARS = 14_000
SMALL_NOTE_DEBOUNCE_MS = 150
LARGE_NOTE_DEBOUNCE_MS = 500
# How often the editor looks for a finished background render: one frame at 60 Hz.
BACKGROUND_POLL_MS = 16


class MarkdownEditor(QWidget):
    """Markdown source (`text_edit`) and its rendered preview (`preview`) side by side.

    `textEdited` is emitted whenever the user changes the text (typing, paste,
    undo, formatting shortcuts), never by `set_markdown` and never while an
    input method is only composing. `previewUpdated` is emitted after the
    preview shows new HTML.
    """

    textEdited = Signal()
    previewUpdated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = MarkdownTextEdit()
        self.preview = PreviewBrowser()
        self.preview.setOpenExternalLinks(True)
        self.preview.setFont(preview_font())

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.text_edit)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # Every change to the text gets a new generation; a render result for an
        # older generation is stale and dropped.
        self._generation = 0
        self._shown_generation = -1
        self._known_text = ""
        self._loading = False
        self._preview_enabled = True
        self._scroll_to_top = False
        # Where the reader is in the preview, as a fraction of its height. Qt lays
        # long documents out lazily, so the height keeps changing for a while
        # after setHtml(); the fraction is re-applied until the user scrolls.
        self._scroll_fraction: float | None = None
        self._render_requested_while_busy = False
        self._line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._start_render)
        self.preview.widthChanged.connect(self._on_preview_width_changed)

        self._background = BackgroundRenderer()
        self._background_poll = QTimer(self)
        self._background_poll.setInterval(BACKGROUND_POLL_MS)
        self._background_poll.timeout.connect(self._collect_background_render)
        # A partial, which PySide holds strongly. For a bound method it holds the
        # object only weakly and, when that object dies on another thread while
        # `destroyed` is being emitted, calls the method on freed memory.
        self.destroyed.connect(functools.partial(BackgroundRenderer.close, self._background))

        self.text_edit.document().contentsChanged.connect(self._on_contents_changed)
        scroll_bar = self.preview.verticalScrollBar()
        scroll_bar.rangeChanged.connect(self._keep_scroll_fraction)
        scroll_bar.actionTriggered.connect(self._forget_scroll_fraction)
        self._apply_preview_style()

    # Public API -----------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show another note: no `textEdited`, a fresh undo history, preview rendered now."""
        if self.text_edit.hasFocus():
            # A syllable still being composed belongs to the text being replaced.
            QGuiApplication.inputMethod().reset()
        self._loading = True
        try:
            self.text_edit.setPlainText(text)
        finally:
            self._loading = False
        document = self.text_edit.document()
        document.clearUndoRedoStacks()
        document.setModified(False)
        self._generation += 1
        self._scroll_to_top = True
        self._debounce.stop()
        self._start_render()

    def markdown(self) -> str:
        """The note's text exactly as typed (no-break spaces kept, lines joined by ``\\n``)."""
        return _plain_text(self.text_edit.document())

    def set_preview_visible(self, visible: bool) -> None:
        self._preview_enabled = visible
        self.preview.setVisible(visible)
        if not visible:
            self._debounce.stop()
        elif self._shown_generation != self._generation:
            self._start_render()

    def set_preview_placement(self, placement: str) -> None:
        """``beside`` the text, ``below`` it, or ``hidden`` (more room to write)."""
        below = placement == "below"
        self.splitter.setOrientation(
            Qt.Orientation.Vertical if below else Qt.Orientation.Horizontal
        )
        self.set_preview_visible(placement != "hidden")

    def set_placeholder(self, text: str) -> None:
        self.text_edit.setPlaceholderText(text)

    def line_breaks(self) -> LineBreaks:
        return self._line_breaks

    def set_line_breaks(self, line_breaks: str) -> None:
        """Show every typed line as a line ("typed") or join them as CommonMark does ("soft")."""
        chosen: LineBreaks = "soft" if line_breaks == "soft" else "typed"
        if chosen == self._line_breaks:
            return
        self._line_breaks = chosen
        self._shown_generation = -1
        if self._preview_enabled:
            self._start_render()

    def refresh_preview(self) -> None:
        """Render again though the text is the same (its pictures changed)."""
        self._shown_generation = -1
        if self._preview_enabled:
            self._start_render()

    def render_now(self) -> None:
        """Render the current text on this thread and show it before returning."""
        self._debounce.stop()
        html = render_safely(self.markdown(), self._line_breaks)
        if html is not None:
            self._show_html(self._generation, html)

    # Qt overrides ---------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_preview_style()
            self._shown_generation = -1
            if self._preview_enabled:
                self._start_render()

    # Rendering --------------------------------------------------------------

    def _apply_preview_style(self) -> None:
        # Our own palette: the preview's is updated only after this widget hears
        # of a change.
        dark = is_dark(self.palette())
        self.preview.document().setDefaultStyleSheet(pygments_css(dark) + PREVIEW_CSS)

    @Slot()
    def _on_preview_width_changed(self) -> None:
        self._shown_generation = -1  # the pictures are sized to the width
        self._debounce.start(SMALL_NOTE_DEBOUNCE_MS)

    @Slot()
    def _on_contents_changed(self) -> None:
        # Also emitted for format-only changes (highlighting) and for every step
        # of an input method's pre-edit; only a change of the text itself counts.
        document = self.text_edit.document()
        text = document.toRawText()
        if text == self._known_text:
            return
        self._known_text = text
        if self._loading:
            return
        self._generation += 1
        if self._preview_enabled:
            large = document.characterCount() > LARGE_NOTE_CHARS
            self._debounce.start(LARGE_NOTE_DEBOUNCE_MS if large else SMALL_NOTE_DEBOUNCE_MS)
        self.textEdited.emit()

    @Slot()
    def _start_render(self) -> None:
        if not self._preview_enabled:
            return
        if self._background.busy:
            self._render_requested_while_busy = True
            return
        text = self.markdown()
        if len(text) < BACKGROUND_RENDER_CHARS:
            html = render_safely(text, self._line_breaks)
            if html is not None:
                self._show_html(self._generation, html)
            return
        self._background.submit(text, self._generation, self._line_breaks)
        self._background_poll.start()

    @Slot()
    def _collect_background_render(self) -> None:
        result = self._background.take_result()
        if result is None:
            return
        self._background_poll.stop()
        generation, html = result
        if self._render_requested_while_busy:
            self._render_requested_while_busy = False
            self._start_render()
        # An older generation is stale: the text has changed since, and the new
        # text's render is already scheduled.
        elif html is not None and self._generation == generation != self._shown_generation:
            self._show_html(generation, html)

    def _show_html(self, generation: int, html: str) -> None:
        # Keep the reader at the same place, proportionally: the new HTML may be
        # longer or shorter than the old.
        bar = self.preview.verticalScrollBar()
        at_top = self._scroll_to_top or bar.maximum() <= 0
        self._scroll_fraction = 0.0 if at_top else bar.value() / bar.maximum()
        self._scroll_to_top = False
        self.preview.setHtml(qt_rich_text(html))
        self._keep_scroll_fraction(bar.minimum(), bar.maximum())
        self._shown_generation = generation
        self.previewUpdated.emit()

    @Slot(int, int)
    def _keep_scroll_fraction(self, _minimum: int, maximum: int) -> None:
        if self._scroll_fraction is not None:
            self.preview.verticalScrollBar().setValue(round(self._scroll_fraction * maximum))

    @Slot()
    def _forget_scroll_fraction(self) -> None:
        self._scroll_fraction = None


def _plain_text(document: QTextDocument) -> str:
    # toPlainText() would turn no-break spaces into spaces, changing the note.
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
