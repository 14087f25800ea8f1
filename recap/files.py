"""Writing files so that a crash never leaves half of one behind."""

import os
import tempfile
from pathlib import Path

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput


def read_user_file(path: Path) -> bytes:
    """A file the user named; a plain sentence (InvalidInput) when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "There is no file {path}."), path=path
        ) from None
    except IsADirectoryError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "{path} is a folder, not a file."), path=path
        ) from None
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "Cannot read {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode any new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
