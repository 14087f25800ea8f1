"""When edits are written: a moment after typing stops, or at once when asked.

The editor says which part of an event was edited (its own fields, the current
talk's fields, the talk's Q&A entries); this object remembers what is pending,
starts the timer, and on ``save_now`` calls each pending part's writer. It holds
no widgets, so its rules can be tested alone.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

DEFAULT_DELAY_MS = 800
# A write that failed (a server gone, a disk full) is tried again this often, so that
# what was typed is saved once it can be without the user typing again.
RETRY_MS = 3000
# The parts of an event the editor writes on its own.
EVENT_FIELDS, SESSION_FIELDS, QA_ENTRIES = "event", "session", "qa"
# A writer stores one part; it returns False when it could not all be written (a field
# that is not valid waits, or the library refused the write and said why): the part
# stays pending and is written again next time.
Writer = Callable[[], bool]


class Autosave(QObject):
    """``saved`` is emitted when nothing is left to write."""

    saved = Signal()
    retrying = Signal()  # a write failed: what is pending is kept and tried again

    def __init__(self, writers: dict[str, Writer], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writers = writers  # in the order they are written
        self.pending: set[str] = set()
        self.read_only = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEFAULT_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.save_now)

    def set_delay(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)

    def edited(self, part: str) -> None:
        """The user changed ``part``: write it after the delay."""
        if self.read_only:
            return  # nothing is written to a library another window edits
        self.pending.add(part)
        self.timer.start()

    def forget(self, *parts: str) -> None:
        """Drop pending edits (of ``parts``, or all): what they were about is gone."""
        self.pending.difference_update(parts or self.writers)
        if not self.pending:
            self.timer.stop()
            self.retry.stop()

    def has_unsaved_changes(self) -> bool:
        return bool(self.pending)

    def save_now(self) -> bool:
        """Write every pending part; True when nothing is left unsaved."""
        self.timer.stop()
        self.retry.stop()
        if self.read_only or not self.pending:
            return True
        failed = False
        for part, write in self.writers.items():
            if part in self.pending:
                if write():
                    self.pending.discard(part)
                else:
                    failed = True
        if not self.pending:
            self.saved.emit()
        elif failed:
            self.retry.start()
            self.retrying.emit()
        return not self.pending
