"""One writer per library: an operating-system lock on a file beside it.

The kernel holds the lock (``flock`` on Unix) for as long as the process that took
it lives, so a crashed or killed app leaves nothing to clear, and two windows can
never both take it. The lock file itself stays in place (removing it would let a
third process lock a new file while a second still waits on the old one).

Who holds the lock, process id and host, is written to a second small file for the
message a second window shows; the lock never depends on it.
"""

import json
import os
import socket
from pathlib import Path

from filelock import FileLock, Timeout

from recap.errors import QT_TRANSLATE_NOOP, LibraryError


class LibraryLocked(LibraryError):
    """Another Recap window is editing this library."""


def lock_path(library: Path) -> Path:
    return library.with_name(library.name + ".lock")


def owner_path(library: Path) -> Path:
    """Who holds the lock, for the message only."""
    return library.with_name(library.name + ".lock-owner")


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True


def read_owner(library: Path) -> tuple[int, str] | None:
    """The process id and host written by the lock's holder, when they can be told."""
    try:
        owner = json.loads(owner_path(library).read_text(encoding="utf-8"))
        pid, host = int(owner["pid"]), str(owner["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if host == socket.gethostname() and not process_alive(pid):
        return None  # left by an app that was killed: the holder has not written yet
    return pid, host


class LibraryLock:
    def __init__(self, library: Path) -> None:
        self.library = library
        self.path = lock_path(library)
        self._lock = FileLock(self.path, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock at once, or raise LibraryLocked when another process holds it."""
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise self._locked_error() from None
        except OSError as error:
            raise LibraryError(
                QT_TRANSLATE_NOOP("RecapError", "Cannot lock the library: {reason}."),
                reason=error.strerror,
            ) from None
        self._write_owner()

    def _locked_error(self) -> LibraryLocked:
        owner = read_owner(self.library)
        if owner is None:
            return LibraryLocked(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "This library is open in another Recap window; "
                    "edit it there, or view it here read-only.",
                )
            )
        return LibraryLocked(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "This library is open in another Recap window (process {pid} on {host}); "
                "edit it there, or view it here read-only.",
            ),
            pid=owner[0],
            host=owner[1],
        )

    def _write_owner(self) -> None:
        owner = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
        path = owner_path(self.library)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            partial.write_text(owner, encoding="utf-8")
            partial.replace(path)
        except OSError:
            partial.unlink(missing_ok=True)  # the message loses its details, the lock holds

    def release(self) -> None:
        if not self.held:
            return
        # Only the holder writes or removes the owner file: no other process races here.
        owner_path(self.library).unlink(missing_ok=True)
        self._lock.release()
