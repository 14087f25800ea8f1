"""Plain text and markdown values inside a post: escaping, structural look-alikes, hard breaks."""

from __future__ import annotations

import re
from typing import Final

from recap.domain.commonmark_blocks import soft_break_lines
from recap.postformat.labels import NEEDS_SPACE_IN_BLOCK, SPACED_IN_BLOCK

# -- plain text in markdown ------------------------------------------------------

_ALWAYS_ESCAPED: Final = frozenset("\\`*[]<~")
ENTITY_LIKE: Final = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
)
_MAYBE_ESCAPED: Final = re.compile(r"[\\`*\[\]<~_&-]")
ESCAPED_PUNCTUATION: Final = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape_text(text: str, *, also: str = "", lone_dashes: bool = False) -> str:
    """Plain text that markdown shows as typed (inline: not at the start of a line).

    ``also`` names characters to escape everywhere; ``lone_dashes`` escapes a ``-``
    with a space or the end of the text on both sides (``a - b``), which the
    session heading uses to separate the title from the speaker.
    """
    if not _MAYBE_ESCAPED.search(text) and not (also and any(char in text for char in also)):
        return text
    out: list[str] = []
    last = len(text) - 1
    for index, char in enumerate(text):
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index < last else ""
        if (
            char in _ALWAYS_ESCAPED
            or char in also
            or (char == "_" and not (before.isalnum() and after.isalnum()))
            or (char == "&" and ENTITY_LIKE.match(text, index))
            or (lone_dashes and char == "-" and before in ("", " ") and after in ("", " "))
        ):
            out.append("\\")
        out.append(char)
    return "".join(out)


def unescape_text(text: str) -> str:
    """The exact inverse of `escape_text`."""
    return ESCAPED_PUNCTUATION.sub(r"\1", text)


_TRAILING_HASHES: Final = re.compile(r"(?:^| )(#+)$")


def escape_heading(text: str) -> str:
    """Plain text for an ATX heading: a trailing run of ``#`` would be dropped."""
    escaped = escape_text(text)
    match = _TRAILING_HASHES.search(escaped)
    if match:
        start = match.start(1)
        escaped = escaped[:start] + "\\" + escaped[start:]
    return escaped


def tokens(text: str) -> list[tuple[str, bool]]:
    """Characters of escaped text, each with whether it was backslash-escaped."""
    result: list[tuple[str, bool]] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and ESCAPED_PUNCTUATION.match(text, index):
            result.append((text[index + 1], True))
            index += 2
        else:
            result.append((char, False))
            index += 1
    return result


def joined_tokens(parts: list[tuple[str, bool]]) -> str:
    return "".join(char for char, _ in parts)


def split_literal(text: str, separator: str) -> list[str]:
    """Split escaped ``text`` at unescaped ``separator`` characters; unescape each part."""
    parts: list[str] = []
    current: list[tuple[str, bool]] = []
    for char, escaped in tokens(text):
        if char == separator and not escaped:
            parts.append(joined_tokens(current))
            current = []
        else:
            current.append((char, escaped))
    parts.append(joined_tokens(current))
    return parts


# -- markdown fields -------------------------------------------------------------


def escape_block(text: str) -> str:
    """A markdown field as typed, lines that look structural shifted by one space."""
    return "\n".join(
        " " + line if NEEDS_SPACE_IN_BLOCK.match(line) else line for line in text.split("\n")
    )


def unescape_block_line(line: str) -> str:
    return line[1:] if SPACED_IN_BLOCK.match(line) else line


# -- line breaks ------------------------------------------------------------------

HARD_BREAK: Final = "  "
_TRAILING_BACKSLASHES: Final = re.compile(r"\\+$")


def _ends_in_hard_break(line: str) -> bool:
    """A backslash that is not itself escaped, at the end of the line."""
    backslashes = _TRAILING_BACKSLASHES.search(line)
    return backslashes is not None and len(backslashes[0]) % 2 == 1


def with_hard_breaks(text: str | None, line_breaks: str) -> str | None:
    """A markdown value whose line breaks a blog shows as Recap does with ``line_breaks``.

    "typed": every line end inside a paragraph (the next line goes on with it) gets
    two trailing spaces, unless a backslash already makes it a hard break. "soft":
    the text is as typed, except that a line already ending in two spaces gets two
    more (it shows the same), so that `without_hard_breaks` can tell the two apart.
    """
    if not text:
        return text
    lines = text.split("\n")
    for number in soft_break_lines(text):
        line = lines[number]
        if (line_breaks == "typed" and not _ends_in_hard_break(line)) or line.endswith(HARD_BREAK):
            lines[number] = line + HARD_BREAK
    return "\n".join(lines)


def without_hard_breaks(text: str | None) -> str | None:
    """The inverse of `with_hard_breaks` (in either mode): the value as typed."""
    if not text:
        return text
    lines = text.split("\n")
    for number in soft_break_lines(text):
        if lines[number].endswith(HARD_BREAK):
            lines[number] = lines[number][: -len(HARD_BREAK)]
    return "\n".join(lines)
