"""Changes other writers make to a team library, seen in this window within moments.

The server announces each committed write (recap.storage.change_feed); the feed's
socket is watched by Qt's event loop (a QSocketNotifier: no timer polls the server).
Notices arriving together are gathered for a moment and become one ``changed``: the
window then reads its list, tags and counts again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from recap.errors import RecapError

if TYPE_CHECKING:
    from recap.storage.change_feed import ChangeFeed
    from recap.storage.library import Library

GATHER_MS = 150  # a load of many events is one refresh, not hundreds


class OthersChanges(QObject):
    """``changed``: another writer changed the library; ``failed(error)``: the feed
    stopped (the server went away); the window keeps working without it."""

    changed = Signal()
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed: ChangeFeed | None = None
        self.notifier: QSocketNotifier | None = None
        self.gather = QTimer(self)
        self.gather.setSingleShot(True)
        self.gather.setInterval(GATHER_MS)
        self.gather.timeout.connect(self.changed)

    def watch(self, library: Library) -> None:
        """Listen to ``library``'s server (nothing for a file's library)."""
        self.stop()
        try:
            self.feed = library.change_feed()
        except RecapError as error:
            self.failed.emit(error)
            return
        if self.feed is None:
            return
        self.notifier = QSocketNotifier(self.feed.socket(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._arrived)

    @Slot()
    def _arrived(self) -> None:
        if self.feed is None:
            return
        try:
            count = self.feed.changes_by_others()
        except RecapError as error:
            self.stop()
            self.failed.emit(error)
            return
        if count:
            self.gather.start()

    def stop(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None
        self.gather.stop()
