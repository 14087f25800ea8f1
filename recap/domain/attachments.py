"""An event's pictures and files: what a name may be, what a file may hold, and how
notes refer to one (``![MemGPT 구조](memgpt-구조.png)``, ``[slides](<slide 1.pdf>)``).

Names are unique within their event without regard to case, and never a path: a
name that could leave a folder (``../x``, ``a/b``) is refused wherever it comes from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

from recap.domain.fields import described
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

MAX_NAME = 120
MAX_BYTES = 50 * 1024 * 1024
# Pictures a post can show; anything else is a file to link to.
PICTURE_TYPES: Final = ("image/png", "image/jpeg", "image/gif", "image/webp")
# SVG can carry scripts that run wherever the post is shown: refused, not sanitised.
REFUSED_TYPES: Final = ("image/svg+xml",)
_SUFFIXES: Final = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}
_BY_SUFFIX: Final = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".svg": "image/svg+xml",
    ".svgz": "image/svg+xml",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".zip": "application/zip",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".key": "application/x-iwork-keynote-sffkey",
}
_MEDIA_TYPE: Final = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
_UNSAFE: Final = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|\[\]()#%]+')


@dataclass(kw_only=True)
class AttachmentRecord:
    """``data`` is None when the bytes were not read (the editor and the list never
    read them); ``size`` is always known."""

    name: str = described("line")
    media_type: str = described("line")
    data: bytes | None = described("bytes", default=None)
    caption: str | None = described("line", default=None)
    size: int = 0
    id: int | None = None

    @property
    def is_picture(self) -> bool:
        return self.media_type in PICTURE_TYPES


def check_name(name: str) -> str:
    """``name`` as stored (NFC, trimmed), or InvalidInput saying what is wrong."""
    cleaned = unicodedata.normalize("NFC", name).strip()
    if not cleaned or len(cleaned) > MAX_NAME:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "An attachment's name has 1 to {most} characters: “{name}”."
            ),
            most=MAX_NAME,
            name=name[:MAX_NAME],
        )
    if cleaned in (".", "..") or any(ch in cleaned for ch in "/\\") or _has_control(cleaned):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "An attachment's name cannot be “{name}”: no slashes, no control characters, "
                "not . or ..",
            ),
            name=name.encode("unicode_escape").decode("ascii") if _has_control(name) else name,
        )
    return cleaned


def clean_caption(caption: str | None) -> str | None:
    """A caption is one line of text: trimmed, line breaks made spaces, None if empty."""
    if caption is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", caption).split())
    return text or None


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def name_key(name: str) -> str:
    """A name's identity within its event: case does not count."""
    return unicodedata.normalize("NFC", name).casefold()


def check_content(name: str, media_type: str, data: bytes) -> str:
    """The media type to store for ``data``, after the rules every attachment obeys."""
    if not data:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The attachment “{name}” is empty."), name=name
        )
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "“{name}” is {size} MB; an attachment may have at most 50 MB.",
            ),
            name=name,
            size=f"{len(data) / 1024 / 1024:.1f}",
        )
    media_type = media_type.strip().lower()
    if media_type in REFUSED_TYPES or sniffed_type(data) in REFUSED_TYPES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "SVG pictures are not accepted (“{name}”): they can carry scripts. "
                "Export it as PNG and attach that.",
            ),
            name=name,
        )
    if not _MEDIA_TYPE.fullmatch(media_type):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "“{media_type}” is not a media type (attachment “{name}”)."
            ),
            media_type=media_type,
            name=name,
        )
    return media_type


def sniffed_type(data: bytes) -> str | None:
    """The type the first bytes announce, for the formats a note is likely to hold."""
    head = data[:512]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    stripped = head.lstrip().lower()
    if stripped.startswith(b"<svg") or (stripped.startswith(b"<?xml") and b"<svg" in stripped):
        return "image/svg+xml"
    return None


def guessed_type(file_name: str, data: bytes) -> str:
    """A file's media type: what its bytes say, else what its suffix says."""
    sniffed = sniffed_type(data)
    if sniffed is not None:
        return sniffed
    return _BY_SUFFIX.get(PurePosixPath(file_name).suffix.lower(), "application/octet-stream")


def proposed_name(wanted: str, media_type: str) -> str:
    """A name made from a caption or a file's name: Hangul and letters kept, spaces as
    hyphens, characters that trouble links or file systems dropped, the suffix the
    type calls for added when missing."""
    text = unicodedata.normalize("NFC", wanted).strip()
    path = PurePosixPath(text.replace("\\", "/")).name or text
    stem, suffix = _split_suffix(path)
    stem = _UNSAFE.sub("-", stem)
    stem = re.sub(r"[\s-]+", "-", stem).strip("-.").lower() or "attachment"
    wanted_suffix = _SUFFIXES.get(media_type)
    if suffix.lower() not in _BY_SUFFIX or (
        wanted_suffix and _BY_SUFFIX.get(suffix.lower()) != media_type
    ):
        suffix = wanted_suffix or suffix
    suffix = _UNSAFE.sub("", suffix).lower()
    return (stem[: MAX_NAME - len(suffix)] + suffix) if stem else "attachment" + suffix


def _split_suffix(name: str) -> tuple[str, str]:
    path = PurePosixPath(name)
    suffix = path.suffix if len(path.suffix) <= 6 else ""
    return (name[: -len(suffix)] if suffix else name), suffix


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or ``wanted`` numbered (``-2``, ``-3``…) when the event has it."""
    keys = {name_key(name) for name in taken}
    if name_key(wanted) not in keys:
        return wanted
    stem, suffix = _split_suffix(wanted)
    number = 2
    while True:
        ending = f"-{number}{suffix}"
        candidate = stem[: MAX_NAME - len(ending)] + ending
        if name_key(candidate) not in keys:
            return candidate
        number += 1


def check_attachments(records: list[AttachmentRecord]) -> None:
    """Check (and normalise in place) an event's attachments before they are stored:
    names, bytes, media types, and names unique within the event, case aside."""
    seen: set[str] = set()
    for index, attachment in enumerate(records):
        where = f"attachments[{index}] ({attachment.name!r})"
        try:
            attachment.name = check_name(attachment.name)
            if attachment.data is None:
                raise InvalidInput("the file's bytes are missing")
            attachment.media_type = check_content(
                attachment.name, attachment.media_type, attachment.data
            )
        except InvalidInput as error:
            raise InvalidInput(f"{where}: {error}") from None
        if name_key(attachment.name) in seen:
            raise InvalidInput(f"{where}: another attachment of the event has this name")
        seen.add(name_key(attachment.name))
        attachment.size = len(attachment.data)


def human_size(size: int) -> str:
    """1.2 MB, 340 KB, 12 B."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"
