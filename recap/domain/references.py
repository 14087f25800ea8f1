"""Where markdown refers to an event's attachments, and how to change those places.

Markdown refers to a picture or file by its bare name as a relative link:
``![MemGPT 구조](memgpt-구조.png)``, ``[slides](slides.pdf)``, and in angle
brackets when the name has spaces or brackets: ``![a](<slide 1.png>)``
(recap-json v2). This reads inline links and images line by line, outside code
blocks and code spans, well enough to find, rename and relink those references;
it never changes anything else in the text.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

from recap.domain.attachments import name_key
from recap.domain.commonmark_blocks import parse

_SCHEME: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TITLE_START: Final = frozenset("\"'(")
_BACKTICKS: Final = re.compile(r"`+")
_PLAIN_DESTINATION: Final = re.compile(r"[^\s()<>\\\x00-\x1f\x7f]+")
_ESCAPABLE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL_SPECIAL: Final = re.compile(r"[%#?:]")


@dataclass(frozen=True)
class Reference:
    """One inline link or image: the spans (offsets into the whole text) of its
    destination and of its text, and what they say."""

    is_image: bool
    target: str  # the destination as a reader reads it (no brackets, escapes undone)
    destination: tuple[int, int]
    text: str  # the link text or alt text as written
    text_span: tuple[int, int]

    @property
    def name(self) -> str | None:
        """The attachment name this refers to, or None for a web address, an anchor or
        a path elsewhere."""
        return local_name(self.target)


def local_name(target: str) -> str | None:
    """A destination naming a file beside the note (no scheme, no folder), decoded."""
    if not target or target[0] in "#?" or _SCHEME.match(target):
        return None
    name = urllib.parse.unquote(target.split("#", 1)[0].split("?", 1)[0])
    if name in ("", ".", "..") or "/" in name or "\\" in name:
        return None
    return name


def encoded_name(name: str) -> str:
    """``name`` as a path in a link: what a browser would read as a query, an anchor, an
    escape or a scheme is percent-encoded (everything else is kept, Hangul too)."""
    return _URL_SPECIAL.sub(lambda char: f"%{ord(char[0]):02X}", name)


def name_destination(name: str) -> str:
    """The destination that refers to attachment ``name``."""
    return format_destination(encoded_name(name))


def references(text: str) -> list[Reference]:
    """Every inline link and image outside code, in order."""
    found: list[Reference] = []
    offset = 0
    code_lines = _code_lines(text)
    for number, line in enumerate(text.split("\n")):
        if number not in code_lines and "](" in line:
            # a link inside a link's text (a linked picture) comes first: its destination does
            found.extend(sorted(_line_references(line, offset), key=lambda ref: ref.destination))
        offset += len(line) + 1
    return found


def attachment_references(text: str | None) -> list[Reference]:
    return [ref for ref in references(text or "") if ref.name is not None]


def refers_to(text: str | None, name: str) -> bool:
    key = name_key(name)
    return any(
        ref.name is not None and name_key(ref.name) == key for ref in attachment_references(text)
    )


def format_destination(path: str) -> str:
    """A destination markdown reads back as exactly ``path``."""
    if _PLAIN_DESTINATION.fullmatch(path):
        return path
    escaped = path.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>")
    return f"<{escaped}>"


def escape_link_text(text: str) -> str:
    """A caption as link or alt text: one line, brackets and backslashes escaped."""
    one_line = " ".join(text.split())
    return re.sub(r"([\\\[\]`*_])", r"\\\1", one_line)


def reference_markdown(name: str, caption: str | None, picture: bool) -> str:
    """``![caption](name)`` for a picture, ``[caption or name](name)`` for a file."""
    text = escape_link_text(caption or ("" if picture else name))
    return f"{'!' if picture else ''}[{text}]({name_destination(name)})"


def has_scheme(target: str) -> bool:
    """``https:``, ``mailto:``, ``data:``…: an address, not a path."""
    return _SCHEME.match(target) is not None


def rewrite(
    text: str, replace: Callable[[Reference], str | None], *, every_link: bool = False
) -> str:
    """``text`` with each attachment reference's destination (or every link's) replaced
    by ``replace(ref)`` (a destination, formatted here), or left when that is None."""
    pieces: list[str] = []
    last = 0
    for ref in references(text) if every_link else attachment_references(text):
        new = replace(ref)
        if new is None:
            continue
        start, end = ref.destination
        pieces += [text[last:start], format_destination(new)]
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def renamed(text: str | None, old: str, new: str) -> str | None:
    """``text`` with the references to ``old`` (whatever their case) made to ``new``."""
    if not text:
        return text
    key = name_key(old)
    destination = encoded_name(new)
    return rewrite(
        text, lambda ref: destination if ref.name and name_key(ref.name) == key else None
    )


def recaptioned(text: str | None, name: str, old: str | None, new: str | None) -> str | None:
    """``text`` with the alt text of the pictures of ``name`` that showed no caption or
    the old one (``old``) made ``new``."""
    if not text:
        return text
    key = name_key(name)
    old_text = escape_link_text(old or "")
    pieces: list[str] = []
    last = 0
    for ref in attachment_references(text):
        if not ref.is_image or name_key(ref.name or "") != key:
            continue
        if ref.text.strip() not in ("", old_text.strip()):
            continue
        start, end = ref.text_span
        pieces += [text[last:start], escape_link_text(new or "")]
        last = end
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


# -- reading ----------------------------------------------------------------------


def _code_lines(text: str) -> set[int]:
    if "```" not in text and "~~~" not in text and "    " not in text and "\t" not in text:
        return set()
    lines: set[int] = set()
    for block in parse(text.split("\n")).walk():
        if block.kind in ("fence", "code"):
            lines.update(block.lines)
    return lines


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where inline code runs: between two runs of the same number of backticks."""
    spans: list[tuple[int, int]] = []
    runs = list(_BACKTICKS.finditer(line))
    index = 0
    while index < len(runs):
        opening = runs[index]
        closing = next(
            (
                later
                for later in runs[index + 1 :]
                if len(later[0]) == len(opening[0]) and later.start() > opening.end()
            ),
            None,
        )
        if closing is None:
            index += 1
            continue
        spans.append((opening.start(), closing.end()))
        index = runs.index(closing) + 1
    return spans


def _line_references(line: str, offset: int) -> Iterator[Reference]:
    spans = _code_spans(line) if "`" in line else []
    position = 0
    while True:
        start = line.find("[", position)
        if start < 0:
            return
        position = start + 1
        if _escaped(line, start) or any(a <= start < b for a, b in spans):
            continue
        text_end = _closing_bracket(line, start)
        if text_end is None or not line.startswith("(", text_end + 1):
            continue
        parsed = _destination(line, text_end + 2)
        if parsed is None:
            continue
        target, dest_start, dest_end, after = parsed
        is_image = start > 0 and line[start - 1] == "!" and not _escaped(line, start - 1)
        yield Reference(
            is_image=is_image,
            target=target,
            destination=(offset + dest_start, offset + dest_end),
            text=line[start + 1 : text_end],
            text_span=(offset + start + 1, offset + text_end),
        )
        # on into the link's text: a picture may be linked ([![alt](p.png)](big.png))
        position = start + 1 if "](" in line[start + 1 : text_end] else after


def _escaped(line: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and line[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _closing_bracket(line: str, start: int) -> int | None:
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def _destination(line: str, start: int) -> tuple[str, int, int, int] | None:
    """(target, start, end, index after ``)``) of the destination beginning at ``start``."""
    index = start
    while index < len(line) and line[index] in " \t":
        index += 1
    dest_start = index
    if line.startswith("<", index):
        close = index + 1
        while close < len(line) and line[close] != ">":
            if line[close] == "<":
                return None
            close += 2 if line[close] == "\\" else 1
        if close >= len(line):
            return None
        target = _unescape(line[index + 1 : close])
        dest_end = close + 1
    else:
        depth = 0
        close = index
        while close < len(line):
            char = line[close]
            if char == "\\":
                close += 2
                continue
            if char in " \t" or ord(char) < 0x20:
                break
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            close += 1
        close = min(close, len(line))
        target = _unescape(line[index:close])
        dest_end = close
    index = dest_end
    while index < len(line) and line[index] in " \t":
        index += 1
    if index < len(line) and line[index] in _TITLE_START and index > dest_end:
        closer = ")" if line[index] == "(" else line[index]
        end = index + 1
        while end < len(line) and line[end] != closer:
            end += 2 if line[end] == "\\" else 1
        index = end + 1
        while index < len(line) and line[index] in " \t":
            index += 1
    if index >= len(line) or line[index] != ")":
        return None
    return target, dest_start, dest_end, index + 1


def _unescape(text: str) -> str:
    return _ESCAPABLE.sub(r"\1", text)
