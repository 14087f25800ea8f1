"""The rules for an event's pictures and files: names, types, sizes, what is refused.

A name is what markdown refers to (``![MemGPT 구조](memgpt-구조.png)``): one line,
no path separators, unique within its event whatever its case (recap-json v2).
Names Recap makes itself (from a caption or a file's name) are also easy to write
in a link: lower case, words joined by dashes, any script's letters kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from recap.domain.text import nfc
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

MAX_ATTACHMENT_BYTES: Final = 50 * 1024 * 1024
MAX_NAME_LENGTH: Final = 120
FALLBACK_STEM: Final = "file"
PASTED_STEM: Final = "image"
OCTET_STREAM: Final = "application/octet-stream"

# Shown inline in the preview and in posts; any other type is linked as a file.
PICTURE_TYPES: Final = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
# A browser runs these as a page of the site they are served from (scripts and all).
ACTIVE_TYPES: Final = frozenset({"image/svg+xml", "text/html", "application/xhtml+xml"})
ACTIVE_EXTENSIONS: Final = frozenset({".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht"})
_ACTIVE_START: Final = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+(?:svg|html)|<svg|<html)",
    re.IGNORECASE | re.DOTALL,
)

_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)
_BY_EXTENSION: Final = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".heic": "image/heic",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".bmp": "image/bmp",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".csv": "text/csv",
    ".json": "application/json",
    ".zip": "application/zip",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".key": "application/vnd.apple.keynote",
    ".mp4": "video/mp4",
    ".mov": "video/quicktime",
    ".mp3": "audio/mpeg",
}
_EXTENSION_OF: Final = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
}
_MEDIA_TYPE: Final = re.compile(r"[a-z]+/[A-Za-z0-9.+-]+")
_NOT_IN_NAME: Final = re.compile(r"[/\\\x00-\x1f\x7f]")
_NOT_IN_MADE_NAME: Final = re.compile(r"[^\w.-]+")
_DASHES: Final = re.compile(r"-{2,}")


def is_picture(media_type: str) -> bool:
    return media_type in PICTURE_TYPES


def name_key(name: str) -> str:
    """A name's identity within its event: ``Slide.PNG`` and ``slide.png`` are one."""
    return nfc(nfc(name).casefold())


def clean_name(name: str) -> str:
    """A name as stored: NFC, trimmed, checked (recap-json v2's rules)."""
    cleaned = nfc(name).strip()
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("RecapError", "An attachment needs a name."))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "The attachment name “{name}…” is {length} characters long; {limit} at most.",
            ),
            name=cleaned[:40],
            length=len(cleaned),
            limit=MAX_NAME_LENGTH,
        )
    if cleaned in (".", "..") or _NOT_IN_NAME.search(cleaned):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "“{name}” cannot name an attachment: a name has no / or \\, no control "
                "characters, and is not . or ..",
            ),
            name=cleaned.encode("unicode_escape").decode("ascii")
            if _NOT_IN_NAME.search(cleaned)
            else cleaned,
        )
    return cleaned


def clean_media_type(media_type: str) -> str:
    cleaned = media_type.strip().lower()
    if not _MEDIA_TYPE.fullmatch(cleaned):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "“{media_type}” is not a media type such as image/png."
            ),
            media_type=media_type,
        )
    return cleaned


def check_data(name: str, data: bytes, media_type: str) -> None:
    """Refuse what an event cannot keep: nothing, too much, or a file that runs scripts."""
    if not data:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The attachment “{name}” is empty."), name=name
        )
    check_size(name, len(data))
    if is_active(name, media_type, data):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "“{name}” is an SVG picture or a web page, which can carry scripts; Recap "
                "does not keep those (save it as PNG or PDF first).",
            ),
            name=name,
        )


def check_size(name: str, size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "“{name}” is {size} MB; a picture or file can be at most {limit} MB.",
            ),
            name=name,
            size=f"{size / (1024 * 1024):.1f}",
            limit=MAX_ATTACHMENT_BYTES // (1024 * 1024),
        )


def is_active(name: str, media_type: str, data: bytes) -> bool:
    """SVG or HTML, by type, by name or by what the bytes begin with."""
    return (
        media_type in ACTIVE_TYPES
        or extension(name) in ACTIVE_EXTENSIONS
        or _ACTIVE_START.match(data[:4096]) is not None
    )


def sniffed_media_type(data: bytes) -> str | None:
    """The type the bytes themselves declare (a picture's or a PDF's signature)."""
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def media_type_for(name: str, data: bytes) -> str:
    """The bytes' own signature first, then the name's extension."""
    return sniffed_media_type(data) or _BY_EXTENSION.get(extension(name), OCTET_STREAM)


_ENDING: Final = re.compile(r"[A-Za-z0-9]{1,10}")


def extension(name: str) -> str:
    """``.png`` for ``Slide.PNG``; empty without one."""
    stem, dot, ending = name.rpartition(".")
    return f".{ending.lower()}" if dot and stem and _ENDING.fullmatch(ending) else ""


def extension_for(media_type: str) -> str:
    return _EXTENSION_OF.get(media_type, "")


def made_name(text: str, ending: str) -> str:
    """A name made from a caption or a file's name without its extension: lower case,
    letters and digits of any script, words joined by dashes, then ``ending``."""
    kept = _NOT_IN_MADE_NAME.sub("-", unicodedata.normalize("NFC", text).lower())
    stem = _DASHES.sub("-", kept).strip("-._")
    stem = stem[: MAX_NAME_LENGTH - len(ending)].rstrip("-._") or FALLBACK_STEM
    return stem + ending


def name_for_file(file_name: str, caption: str | None = None, media_type: str = "") -> str:
    """The name a file gets: from the caption when there is one, else from its own name,
    keeping its extension (or the one its type has)."""
    file_name = file_name.replace("\\", "/").rsplit("/", 1)[-1]
    ending = extension(file_name) or extension_for(media_type)
    stem = file_name[: len(file_name) - len(ending)] if ending else file_name
    return made_name(caption if caption and caption.strip() else stem, ending)


def unique_name(wanted: str, taken: Iterable[str]) -> str:
    """``wanted``, or numbered (``slide-2.png``) when the event has that name already."""
    keys = {name_key(name) for name in taken}
    if name_key(wanted) not in keys:
        return wanted
    cut = len(wanted) - len(extension(wanted))
    stem, ending = wanted[:cut], wanted[cut:]  # the ending as written (.PDF stays)
    number = 2
    while True:
        suffix = f"-{number}{ending}"
        candidate = stem[: MAX_NAME_LENGTH - len(suffix)] + suffix
        if name_key(candidate) not in keys:
            return candidate
        number += 1


def check_unique(names: Iterable[str]) -> None:
    seen: set[str] = set()
    for name in names:
        key = name_key(name)
        if key in seen:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "The event has two attachments named “{name}” (names are compared "
                    "whatever their case).",
                ),
                name=name,
            )
        seen.add(key)
