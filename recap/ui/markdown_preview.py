"""The rendered side of the note editor: a browser that never follows relative links,
and a renderer that works on a worker thread holding nothing of Qt."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QImage,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser

from recap.domain.references import local_name
from recap.export.markdown_html import (
    DEFAULT_LINE_BREAKS,
    LINE_BREAKS,
    LineBreaks,
    render_markdown,
)

logger = logging.getLogger(__name__)

# --- the preview -------------------------------------------------------------

PREVIEW_CSS = """
table { border-collapse: collapse; border-style: solid; border-width: 1px;
        border-color: #8a8a8a; margin-top: 6px; margin-bottom: 6px; }
th, td { border-style: solid; border-width: 1px; border-color: #8a8a8a; padding: 3px 8px; }
th { font-weight: bold; }
pre { white-space: pre-wrap; }
code { font-family: "D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding", monospace; }
blockquote { margin-left: 12px; font-style: italic; }
.codehilite { padding: 6px; }
"""


# A picture's name and the width it may take, with the screen's pixel ratio → what to show.
PictureSource = Callable[[str, int, float], QImage]
# Room the document keeps around a picture (its margins), in pixels.
PICTURE_MARGIN = 24


class PreviewBrowser(QTextBrowser):
    """Shows the rendered note; external links open in the user's browser.

    Relative links are not followed: they would replace the note with whatever
    local file they name. A picture named by a relative link (``![x](a.png)``, an
    attachment of the event) comes from ``picture_source``, as wide as the preview at
    most; ``widthChanged`` asks for a render again when the preview's width changes
    while it shows pictures.
    """

    widthChanged = Signal()

    picture_source: PictureSource | None = None
    _shows_pictures = False

    def loadResource(self, type: int, name: QUrl | str) -> object:
        source = self.picture_source
        if type == QTextDocument.ResourceType.ImageResource.value and source is not None:
            url = QUrl(name)
            attachment = None if url.scheme() else local_name(url.toString())
            if attachment is not None:
                self._shows_pictures = True
                width = max(self.viewport().width() - PICTURE_MARGIN, 64)
                return source(attachment, width, self.devicePixelRatioF())
        return super().loadResource(type, name)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._shows_pictures and event.size().width() != event.oldSize().width():
            self.widthChanged.emit()

    def setHtml(self, text: str) -> None:
        self._shows_pictures = False  # until a picture is asked for again
        super().setHtml(text)

    def doSetSource(
        self,
        name: QUrl | str,
        type: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource,
    ) -> None:
        url = QUrl(name)
        if url.hasFragment() and not url.path() and not url.scheme():
            self.scrollToAnchor(url.fragment())


class BackgroundRenderer:
    """Renders Markdown on one worker thread, created on first use.

    The worker is handed only the text and hands back only a string (or None
    when rendering failed): it holds nothing that owns a Qt object and nothing
    a Qt connection points at, so nothing of the editor is ever freed on it.
    The editor collects the result on its own thread (`take_result`, polled by
    a timer). Closing never waits: the worker finishes the render it is on,
    nobody collects it, and the thread ends.
    """

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pending: Future[str | None] | None = None
        self._pending_generation = 0

    @property
    def busy(self) -> bool:
        return self._pending is not None

    def submit(
        self, text: str, generation: int, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS
    ) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recap-preview")
        self._pending = self._executor.submit(render_safely, text, line_breaks)
        self._pending_generation = generation

    def take_result(self) -> tuple[int, str | None] | None:
        """The finished render's generation and HTML (None: it failed), or None while busy."""
        if self._pending is None or not self._pending.done():
            return None
        html = self._pending.result()  # render_safely logs failures instead of raising
        self._pending = None
        return self._pending_generation, html

    def close(self, *_destroyed: object) -> None:
        """Let the worker end after its current render, without waiting for it."""
        self._pending = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


_CHECKBOX = re.compile(r"<input\b[^>]*>")


def qt_rich_text(html: str) -> str:
    """Rendered notes as Qt's rich text can show them: it draws no form controls, so a
    task list's checkbox becomes ☑ or ☐."""
    if "<input" not in html:
        return html
    return _CHECKBOX.sub(lambda box: "☑" if "checked" in box[0] else "☐", html)


def render_safely(text: str, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> str | None:
    """The HTML, or None (logged) when Python-Markdown fails: the old preview stays."""
    assert line_breaks in LINE_BREAKS
    try:
        return render_markdown(text, line_breaks)
    except Exception:
        logger.exception("Rendering the Markdown preview failed")
        return None
