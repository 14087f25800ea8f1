"""How markdown refers to an event's attachments, read and rewritten.

A reference is a link or a picture whose destination is a bare name — no scheme, no
folder — ``![MemGPT 구조](memgpt-구조.png)``, or in angle brackets when the name has
spaces or brackets: ``[slides](<slide 1.pdf>)``. Code (fenced blocks and backtick
spans) is left alone: a reference shown as an example is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Final

_LINK: Final = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[[^\[\]]*\])*)\]"
    r"\((?P<space>[ \t]*)(?P<target><[^<>\n]*>|[^\s()<>]+)(?P<title>[ \t]+\"[^\"\n]*\")?[ \t]*\)"
)
_FENCE: Final = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN: Final = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_SCHEME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NEEDS_BRACKETS: Final = re.compile(r"[\s()<>]")


@dataclass(frozen=True)
class Reference:
    name: str
    is_picture: bool
    text: str  # the caption or link text as written
    start: int
    end: int


def attachment_name(target: str) -> str | None:
    """The attachment a link destination names, or None for an address or a path."""
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1]
    target = target.strip()
    if not target or _SCHEME.match(target) or target.startswith(("#", "/", "?")):
        return None
    if "/" in target or "\\" in target:
        return None
    return target


def references(markdown: str | None) -> list[Reference]:
    """Every reference to an attachment in ``markdown``, in order."""
    if not markdown:
        return []
    code = list(_code_ranges(markdown))
    found = []
    for match in _LINK.finditer(markdown):
        if any(start <= match.start() < end for start, end in code):
            continue
        name = attachment_name(match["target"])
        if name is not None:
            found.append(
                Reference(name, bool(match["bang"]), match["text"], match.start(), match.end())
            )
    return found


def referenced_names(markdown: str | None) -> set[str]:
    return {reference.name for reference in references(markdown)}


def rewrite_references(markdown: str, destination: Callable[[str], str | None]) -> str:
    """``markdown`` with each reference's destination replaced by ``destination(name)``
    (None: left as it is)."""
    code = list(_code_ranges(markdown))

    def replaced(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in code):
            return match[0]
        name = attachment_name(match["target"])
        new = destination(name) if name is not None else None
        if new is None:
            return match[0]
        title = match["title"] or ""
        return f"{match['bang']}[{match['text']}]({link_target(new)}{title})"

    return _LINK.sub(replaced, markdown)


def renamed_references(markdown: str, old: str, new: str) -> str:
    """``markdown`` with references to ``old`` pointing at ``new``."""
    return rewrite_references(markdown, lambda name: new if name == old else None)


def link_target(name: str) -> str:
    """A destination as markdown needs it written: in angle brackets when it holds a
    space or a bracket."""
    return f"<{name}>" if _NEEDS_BRACKETS.search(name) else name


def reference_markdown(name: str, caption: str | None, is_picture: bool) -> str:
    """The markdown inserted at the cursor for a new attachment."""
    text = (caption or "").replace("\n", " ").strip()
    text = re.sub(r"([\[\]\\])", r"\\\1", text)
    return f"{'!' if is_picture else ''}[{text}]({link_target(name)})"


def _code_ranges(markdown: str) -> Iterator[tuple[int, int]]:
    """Where code is: fenced blocks (to their closing fence, or the end) and spans."""
    position = 0
    fences = list(_FENCE.finditer(markdown))
    index = 0
    while index < len(fences):
        opening = fences[index]
        marker = opening[1]
        closing = next(
            (
                later
                for later in fences[index + 1 :]
                if later[1][0] == marker[0] and len(later[1]) >= len(marker)
            ),
            None,
        )
        end = closing.end() if closing is not None else len(markdown)
        yield opening.start(), end
        position = end
        index = next(
            (number for number, later in enumerate(fences) if later.start() >= position),
            len(fences),
        )
    for span in _CODE_SPAN.finditer(markdown):
        yield span.start(), span.end()
