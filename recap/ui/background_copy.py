"""A library copied on a thread of its own, so that the window keeps answering while
thousands of events go to a server; cancelling rolls the copy back."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from recap.errors import RecapError

if TYPE_CHECKING:
    from recap.storage.location import Location


class CopyCancelled(Exception):
    """Raised from the progress callback: the copy's transaction rolls back."""


class CopyJob(QThread):
    """``progressed(done, total)`` rows; then exactly one of ``copied(CopyResult)``,
    ``failed(RecapError)`` or ``cancelled()``. A bug goes to the crash handler."""

    progressed = Signal(int, int)
    copied = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, source: Location, target: Location, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.target = target
        self._bug: BaseException | None = None
        self.finished.connect(self._report_bug)

    def run(self) -> None:
        from recap.storage.library_copy import copy_library

        try:
            result = copy_library(self.source, self.target, self._progress)
        except CopyCancelled:
            self.cancelled.emit()
        except RecapError as error:
            self.failed.emit(error)
        except Exception as error:  # a bug: shown by the GUI thread's crash handler
            self._bug = error
        else:
            self.copied.emit(result)

    def _progress(self, done: int, total: int) -> None:
        if self.isInterruptionRequested():
            raise CopyCancelled
        self.progressed.emit(done, total)

    def _report_bug(self) -> None:
        if self._bug is not None:
            bug, self._bug = self._bug, None
            sys.excepthook(type(bug), bug, bug.__traceback__)
