"""File names for exported posts: ``YYYY-MM-DD-slug.md``, safe on every platform.

Korean (and any other letters) stay in the slug. Path separators, ``..``,
characters Windows forbids (``<>:"/\\|?*``), control characters and trailing dots
and spaces never reach a file name, nor do Windows' reserved device names; a
name is kept short enough for any file system, and a name taken earlier in the
same export gets ``-2``, ``-3``, ...
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Final

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

SLUG_MAX_BYTES: Final = 120
FALLBACK_SLUG: Final = "post"
WINDOWS_FORBIDDEN: Final = frozenset('<>:"/\\|?*')
# Windows refuses these as a file's name before the first dot, in any case, with any extension.
WINDOWS_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "0123456789¹²³"}
)
_DASHES: Final = re.compile(r"-{2,}")


def slugify(title: str, max_bytes: int = SLUG_MAX_BYTES) -> str:
    """Lower-case letters and digits of any script, joined by single dashes."""
    kept = "".join(
        char if char.isalnum() or char == "_" else "-"
        for char in unicodedata.normalize("NFC", title).lower()
    )
    slug = _DASHES.sub("-", kept).strip("-_")
    slug = truncate_utf8(slug, max_bytes).rstrip("-_")
    return slug or FALLBACK_SLUG


def truncate_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def safe_stem(stem: str) -> str:
    """Any text made into a file name without extension that every platform accepts."""
    cleaned = "".join(
        "-" if char in WINDOWS_FORBIDDEN or unicodedata.category(char)[0] == "C" else char
        for char in unicodedata.normalize("NFC", stem)
    )
    cleaned = cleaned.replace("..", "-")
    cleaned = truncate_utf8(cleaned, 200).strip().rstrip(". ")
    if not cleaned or cleaned.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        cleaned = f"_{cleaned}" if cleaned else FALLBACK_SLUG
    return cleaned


def post_stem(start: dt.date, title: str) -> str:
    """``YYYY-MM-DD-slug``: a post's file name without its extension."""
    return slug_stem(start, slugify(title))


def slug_stem(start: dt.date, slug: str) -> str:
    return safe_stem(f"{start.isoformat()}-{slug}")


class FileNamer:
    """Hands out post file names, numbering a name already given (whatever its case)."""

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self._taken: set[str] = set()

    def claim(self, stem: str) -> str:
        number = 1
        name = f"{stem}{self.extension}"
        while name.casefold() in self._taken:
            number += 1
            name = f"{stem}-{number}{self.extension}"
        self._taken.add(name.casefold())
        return name


def path_inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would land elsewhere.

    ``folder`` should be resolved already; the name itself is not followed, so an
    existing symbolic link of that name is replaced, never written through.
    """
    path = folder / name
    if not name or name in (".", "..") or "/" in name or "\\" in name or path.parent != folder:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "“{name}” is not a plain file name inside {folder}."),
            name=name,
            folder=folder,
        )
    return path
