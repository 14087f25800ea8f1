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
RELISTEN_MS = 5000  # after the server went away: listen again this often until it is back


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
        self.library: Library | None = None
        self.relisten = QTimer(self)
        self.relisten.setSingleShot(True)
        self.relisten.setInterval(RELISTEN_MS)
        self.relisten.timeout.connect(self._listen_again)

    def watch(self, library: Library) -> None:
        """Listen to ``library``'s server (nothing for a file's library)."""
        self.stop()
        self.library = library
        self._listen(quiet=False)

    def _listen(self, quiet: bool) -> None:
        assert self.library is not None
        try:
            self.feed = self.library.change_feed()
        except RecapError as error:
            self._lost(error, quiet)
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
            self._lost(error, quiet=False)
            return
        if count:
            self.gather.start()

    def _lost(self, error: RecapError, quiet: bool) -> None:
        """The server went away: say so once, and listen again until it is back (then
        read everything again: changes made meanwhile were not announced to us)."""
        library = self.library
        self.stop()
        self.library = library
        if not quiet:
            self.failed.emit(error)
        self.relisten.start()

    @Slot()
    def _listen_again(self) -> None:
        if self.library is None:
            return
        self._listen(quiet=True)
        if self.feed is not None:
            self.changed.emit()

    def stop(self) -> None:
        self.library = None
        self.relisten.stop()
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None
        self.gather.stop()
