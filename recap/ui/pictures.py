"""Pictures decoded off the GUI thread: thumbnails (made once, kept on disk by content
hash) and the preview's pictures, with what to show for a name that is not attached.

Decoding never trusts a file: the reader is told the format its bytes declare (no
guessing, so no rarely used decoder is reached), refuses pictures whose size would
need more than `ALLOCATION_LIMIT_MB` of memory, and a damaged file gives None — a
placeholder, never a crash. Only QImage is used here (safe on any thread); the
functions named ``*_on_worker`` run on `BackgroundJobs`' thread and hold nothing
that a widget owns.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Final, Generic, TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QImageWriter, QPainter, QPen

from recap.domain.attachments import PICTURE_TYPES, sniffed_media_type
from recap.files import write_atomically

logger = logging.getLogger(__name__)

THUMBNAIL_SIZE: Final = 160
# The preview shows pictures at most this wide (device-independent pixels); a photo is
# decoded straight to this size, which JPEG's decoder does at a fraction of the cost.
PREVIEW_MAX_WIDTH: Final = 1200
ALLOCATION_LIMIT_MB: Final = 256
MAX_PIXELS: Final = 80_000_000
_FORMATS: Final = {
    "image/png": b"png",
    "image/jpeg": b"jpeg",
    "image/gif": b"gif",
    "image/webp": b"webp",
}
assert set(_FORMATS) == PICTURE_TYPES

Reader = Callable[[str], bytes | None]  # a content hash → its bytes (None: unreadable)
KeyT = TypeVar("KeyT", bound=Hashable)
ValueT = TypeVar("ValueT")


def decode(data: bytes, media_type: str, fit: int | None = None) -> QImage | None:
    """The picture in ``data`` (scaled down to fit a ``fit`` × ``fit`` box), or None when
    it is not a picture Recap shows or cannot be read."""
    image_format = _FORMATS.get(media_type)
    if image_format is None or sniffed_media_type(data) != media_type:
        return None  # only the decoder the bytes themselves ask for is ever reached
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        reader = QImageReader(buffer, QByteArray(image_format))
        reader.setDecideFormatFromContent(False)
        reader.setAutoDetectImageFormat(False)
        reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        reader.setAutoTransform(True)
        size = reader.size()
        if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
            return None
        if fit is not None and (size.width() > fit or size.height() > fit):
            scaled = size.scaled(fit, fit, Qt.AspectRatioMode.KeepAspectRatio)
            # A sliver (2049 × 1) scales to a side of 0, which the reader would ignore.
            reader.setScaledSize(QSize(max(scaled.width(), 1), max(scaled.height(), 1)))
        image = reader.read()
    finally:
        buffer.close()
    return None if image.isNull() else image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def thumbnail_path(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / f"{sha256}-{THUMBNAIL_SIZE}.png"


def thumbnail_on_worker(sha256: str, media_type: str, read: Reader, folder: Path) -> QImage | None:
    """The content's thumbnail: from the cache folder when it was made before, else made
    from the bytes (and kept there). None for a file that is not a picture."""
    if media_type not in PICTURE_TYPES:
        return None
    path = thumbnail_path(folder, sha256)
    if path.is_file():
        cached = decode(path.read_bytes(), "image/png")
        if cached is not None:
            return cached
    data = read(sha256)
    image = decode(data, media_type, THUMBNAIL_SIZE) if data else None
    if image is None:
        return None
    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, png_bytes(image))
    except OSError as error:  # a cache that cannot be written is made again next time
        logger.warning("Cannot keep a thumbnail in %s: %s", path.parent, error)
    return image


def preview_on_worker(sha256: str, media_type: str, read: Reader) -> QImage | None:
    data = read(sha256)
    return decode(data, media_type, PREVIEW_MAX_WIDTH) if data else None


def safely(job: Callable[[], QImage | None]) -> QImage | None:
    """A job's picture, or None (logged) when it failed in any way."""
    try:
        return job()
    except Exception:
        logger.exception("Reading a picture failed")
        return None


class BackgroundJobs(Generic[KeyT]):
    """Jobs on worker threads, one result per key, collected on the GUI thread
    (`take_finished`, polled by the owner's timer). Like the preview's renderer it
    holds nothing of a widget, and closing never waits."""

    def __init__(self, workers: int = 2) -> None:
        self._workers = workers
        self._executor: ThreadPoolExecutor | None = None
        self._pending: dict[KeyT, Future[object]] = {}

    def busy(self, key: KeyT | None = None) -> bool:
        return bool(self._pending) if key is None else key in self._pending

    def pending(self) -> list[KeyT]:
        """The keys of the jobs not collected yet."""
        return list(self._pending)

    def submit(self, key: KeyT, job: Callable[[], object]) -> None:
        if key in self._pending:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(
                max_workers=self._workers, thread_name_prefix="recap-pictures"
            )
        self._pending[key] = self._executor.submit(job)

    def wait(self) -> None:
        """Until every job not collected yet has finished."""
        wait(list(self._pending.values()))

    def take_finished(self) -> list[tuple[KeyT, object]]:
        done = [(key, future) for key, future in self._pending.items() if future.done()]
        for key, _ in done:
            del self._pending[key]
        return [(key, future.result()) for key, future in done]

    def close(self, *_destroyed: object) -> None:
        self._pending.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


class Recent(Generic[KeyT, ValueT]):
    """The most recently used values, at most ``limit`` of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[KeyT, ValueT] = OrderedDict()

    def get(self, key: KeyT) -> ValueT | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key: KeyT, value: ValueT) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)


def placeholder(text: str, width: int, missing: bool) -> QImage:
    """A box for the preview: a picture still being read, or a name that is not
    attached (a broken-picture mark and the name). Made on the GUI thread (text needs
    its fonts)."""
    width = max(160, min(width, 480))
    image = QImage(width, 64, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#fbeaea") if missing else QColor("#eef1f4"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor("#c0392b") if missing else QColor("#9aa5b1")
        painter.setPen(QPen(border, 1.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(1, 1, width - 2, 62), 6, 6)
        if missing:  # a picture frame with a crack through it
            painter.drawRect(QRectF(14, 18, 30, 26))
            painter.drawLine(24, 18, 32, 44)
        font = QFont()
        font.setPointSize(9)
        painter.setFont(font)
        painter.setPen(QColor("#7b1f17") if missing else QColor("#4a5560"))
        area = QRectF(56 if missing else 12, 6, width - (68 if missing else 24), 52)
        elided = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, int(area.width())
        )
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    finally:
        painter.end()
    return image


def fitted(image: QImage, width: int) -> QImage:
    """The picture no wider than ``width``."""
    if image.width() <= width or width <= 0:
        return image
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def size_text(size: int) -> str:
    """``980 B``, ``12 KB``, ``3.4 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"
