"""One writer per library: a lock file beside it, written by the app that edits it.

The file holds the process id and host name; a lock whose process is gone (the
app crashed) is stale and taken over.
"""

import json
import os
import socket
from pathlib import Path

from recap.errors import QT_TRANSLATE_NOOP, LibraryError


class LibraryLocked(LibraryError):
    """Another Recap window is editing this library."""


def lock_path(library: Path) -> Path:
    return library.with_name(library.name + ".lock")


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True


class LibraryLock:
    def __init__(self, library: Path) -> None:
        self.path = lock_path(library)
        self.held = False

    def acquire(self) -> None:
        """Take the lock, clearing a stale one; LibraryLocked when another app holds it."""
        owner = {"pid": os.getpid(), "host": socket.gethostname()}
        for _attempt in range(2):
            try:
                handle = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if not self._is_stale():
                    raise LibraryLocked(
                        QT_TRANSLATE_NOOP(
                            "RecapError",
                            "This library is open in another Recap window; "
                            "edit it there, or view it here read-only.",
                        )
                    ) from None
                self.path.unlink(missing_ok=True)
                continue
            except OSError as error:
                raise LibraryError(
                    QT_TRANSLATE_NOOP("RecapError", "Cannot lock the library: {reason}."),
                    reason=error.strerror,
                ) from None
            with os.fdopen(handle, "w") as stream:
                json.dump(owner, stream)
            self.held = True
            return
        raise LibraryLocked(
            QT_TRANSLATE_NOOP("RecapError", "This library is being opened by another Recap window.")
        )

    def _is_stale(self) -> bool:
        try:
            owner = json.loads(self.path.read_text())
            pid, host = int(owner["pid"]), str(owner["host"])
        except (OSError, ValueError, KeyError, TypeError):
            return True  # unreadable: a crash mid-write
        if host != socket.gethostname():
            return False  # cannot tell for another machine: assume it is in use
        return pid != os.getpid() and not process_alive(pid)

    def release(self) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False
