"""The open event's pictures as the editor shows them: thumbnails for the strip and
pictures for the previews, read and decoded on worker threads, kept while in use.

The previews ask for a picture by the name the markdown gives it (`preview_image`);
a name the event does not hold gets a broken-picture box, one still being read a
plain box, and when it arrives `picturesChanged` asks the previews to render again.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from recap.config import cache_dir
from recap.domain.attachments import name_key
from recap.domain.records import AttachmentInfo
from recap.ui.pictures import (
    BackgroundJobs,
    Reader,
    Recent,
    fitted,
    placeholder,
    preview_on_worker,
    safely,
    thumbnail_on_worker,
)

POLL_MS = 16
THUMBNAILS_KEPT = 600
PREVIEWS_KEPT = 24
THUMBNAIL, PREVIEW = "thumbnail", "preview"


class EventPictures(QObject):
    """``thumbnailsChanged``: thumbnails arrived for the strip; ``picturesChanged``: the
    previews should render again (a picture arrived, or the attachments changed)."""

    thumbnailsChanged = Signal()
    picturesChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.infos: list[AttachmentInfo] = []
        self._by_key: dict[str, AttachmentInfo] = {}
        self._read: Reader = lambda _sha256: None
        self.cache_folder = cache_dir() / "thumbnails"
        self._thumbnails: Recent[str, QImage] = Recent(THUMBNAILS_KEPT)
        self._previews: Recent[str, QImage] = Recent(PREVIEWS_KEPT)
        self._fitted: Recent[tuple[str, int, float], QImage] = Recent(PREVIEWS_KEPT * 2)
        self._placeholders: dict[tuple[str, int, bool], QImage] = {}
        self._unreadable: set[tuple[str, str]] = set()
        self._jobs: BackgroundJobs[tuple[str, str]] = BackgroundJobs()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        self.destroyed.connect(functools.partial(BackgroundJobs.close, self._jobs))

    # -- what the event holds ------------------------------------------------------------

    def set_reader(self, read: Reader) -> None:
        """How bytes are read (by content hash): the open library's, through the controller."""
        self._read = read

    def show(self, infos: list[AttachmentInfo]) -> None:
        """The event's attachments now (another event, or one added, renamed, deleted)."""
        self.infos = list(infos)
        self._by_key = {name_key(info.name): info for info in infos}
        self.picturesChanged.emit()

    def find(self, name: str) -> AttachmentInfo | None:
        return self._by_key.get(name_key(name))

    def names(self) -> list[str]:
        return [info.name for info in self.infos]

    # -- the strip ---------------------------------------------------------------------------

    def thumbnail(self, info: AttachmentInfo) -> QImage | None:
        """The thumbnail if it is at hand; else it is asked for (`thumbnailsChanged`)."""
        image = self._thumbnails.get(info.sha256)
        if image is None and info.is_picture and (THUMBNAIL, info.sha256) not in self._unreadable:
            read, folder = self._read, self.cache_folder
            job = functools.partial(thumbnail_on_worker, info.sha256, info.media_type, read, folder)
            self._start((THUMBNAIL, info.sha256), functools.partial(safely, job))
        return image

    def thumbnails_pending(self) -> bool:
        return any(kind == THUMBNAIL for kind, _ in self._jobs.pending())

    # -- the previews ------------------------------------------------------------------------

    def preview_image(self, name: str, width: int, pixel_ratio: float = 1.0) -> QImage:
        """What the preview shows for ``![…](name)``, at most ``width`` wide."""
        info = self.find(name)
        if info is None:
            return self._placeholder(self.tr("{name} is not attached").format(name=name), width)
        if not info.is_picture:
            return self._placeholder(info.name, width, missing=False)
        key = (PREVIEW, info.sha256)
        image = self._previews.get(info.sha256)
        if image is None:
            if key in self._unreadable:
                text = self.tr("{name} cannot be shown").format(name=info.name)
                return self._placeholder(text, width)
            job = functools.partial(preview_on_worker, info.sha256, info.media_type, self._read)
            self._start(key, functools.partial(safely, job))
            return self._placeholder(
                self.tr("Reading {name}…").format(name=info.name), width, False
            )
        size_key = (info.sha256, width, pixel_ratio)
        shown = self._fitted.get(size_key)
        if shown is None:
            shown = fitted(image, round(width * pixel_ratio))
            shown.setDevicePixelRatio(pixel_ratio)
            self._fitted.put(size_key, shown)
        return shown

    def _placeholder(self, text: str, width: int, missing: bool = True) -> QImage:
        key = (text, width, missing)
        if key not in self._placeholders:
            if len(self._placeholders) > 200:
                self._placeholders.clear()
            self._placeholders[key] = placeholder(text, width, missing)
        return self._placeholders[key]

    # -- the worker -------------------------------------------------------------------------

    def _start(self, key: tuple[str, str], job: functools.partial[QImage | None]) -> None:
        self._jobs.submit(key, job)
        self._poll.start()

    @Slot()
    def _collect(self) -> None:
        thumbnails = previews = False
        for (kind, sha256), image in self._jobs.take_finished():
            if not isinstance(image, QImage):
                self._unreadable.add((kind, sha256))
            elif kind == THUMBNAIL:
                self._thumbnails.put(sha256, image)
            else:
                self._previews.put(sha256, image)
            thumbnails = thumbnails or kind == THUMBNAIL
            previews = previews or kind == PREVIEW
        if not self._jobs.busy():
            self._poll.stop()
        if thumbnails:
            self.thumbnailsChanged.emit()
        if previews:
            self.picturesChanged.emit()

    def wait_for_pictures(self) -> None:
        """Collect whatever has finished now (tests and benchmarks call it while waiting)."""
        self._collect()
