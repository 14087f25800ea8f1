"""Session headings, the impression, Q&A items, links and tags as post lines."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from recap.domain.dates import format_time
from recap.postformat.labels import (
    ANSWER_ARROW,
    CONTINUATION,
    HEADING_TIME,
    HEADING_TIME_SEPARATOR,
    NEEDS_SPACE_IN_ITEM,
    QA_AUDIENCE_PREFIX,
    QA_DONE_BOX,
    QA_OPEN_BOX,
    SESSION_HEADING_PREFIX,
    SPACED_IN_ITEM,
)
from recap.postformat.text import (
    ENTITY_LIKE,
    ESCAPED_PUNCTUATION,
    escape_text,
    joined_tokens,
    split_literal,
    tokens,
    unescape_text,
)

# -- session headings ----------------------------------------------------------


def session_heading(
    title: str, speaker: str | None, affiliation: str | None, starts_at: dt.time | None = None
) -> str:
    """``## \\<Title - Speaker (Affiliation)> · 13:05``, each part shown as typed."""
    inner = escape_text(title, lone_dashes=True)
    if speaker or affiliation:
        inner += " - "
    if speaker:
        inner += escape_text(speaker, also="()")
    if affiliation:
        inner += (" " if speaker else "") + "(" + escape_text(affiliation, also="()") + ")"
    return f"{SESSION_HEADING_PREFIX}{inner}>{time_suffix(starts_at)}"


def time_suffix(starts_at: dt.time | None) -> str:
    """What follows a session heading when the talk's start time is known."""
    return f"{HEADING_TIME_SEPARATOR}{format_time(starts_at)}" if starts_at else ""


def split_heading_time(heading: str) -> tuple[str, str | None]:
    """A session heading line without its start time, and the time as written (None
    when there is none). A heading without a time always ends with ``>``."""
    match = HEADING_TIME.fullmatch(heading)
    return (match[1], match[2]) if match else (heading, None)


def parse_session_heading(inner: str) -> tuple[str, str | None, str | None]:
    """Title, speaker and affiliation from what is between ``## \\<`` and the final ``>``."""
    chars = tokens(inner)
    title_end = None
    for index in range(len(chars) - 2):
        if chars[index : index + 3] == [(" ", False), ("-", False), (" ", False)]:
            title_end = index
            break
    if title_end is None:
        return joined_tokens(chars), None, None
    title = joined_tokens(chars[:title_end])
    rest = chars[title_end + 3 :]
    affiliation = None
    if rest and rest[-1] == (")", False):
        opening = max((i for i, token in enumerate(rest) if token == ("(", False)), default=-1)
        if opening >= 0:
            affiliation = joined_tokens(rest[opening + 1 : -1]) or None
            rest = rest[:opening]
            if rest and rest[-1] == (" ", False):
                rest = rest[:-1]
    return title, joined_tokens(rest) or None, affiliation


# -- impression, Q&A items, links -------------------------------------------------


def quote_lines(text: str, label: str) -> str:
    lines = text.split("\n")
    quoted = [f"> **{label}:** {lines[0]}"]
    quoted.extend(f"> {line}" if line else ">" for line in lines[1:])
    return "\n".join(quoted)


def _continued(line: str) -> str:
    return CONTINUATION + line if line else ""


def _question_line(line: str) -> str:
    return " " + line if NEEDS_SPACE_IN_ITEM.match(line) else line


def unescape_question_line(line: str) -> str:
    return line[1:] if SPACED_IN_ITEM.match(line) else line


def qa_marker(kind: str, resolved: bool) -> str:
    if kind == "own":
        return QA_DONE_BOX if resolved else QA_OPEN_BOX
    return QA_AUDIENCE_PREFIX if resolved else QA_OPEN_BOX + QA_AUDIENCE_PREFIX


def qa_item(kind: str, question: str | None, answer: str | None, resolved: bool) -> str:
    """One Q&A list item; the answer follows on a line of its own after ``→``."""
    first = "- " + qa_marker(kind, resolved)
    lines: list[str] = []
    if question:
        question_lines = question.split("\n")
        lines.append(first + _question_line(question_lines[0]))
        lines.extend(_continued(_question_line(line)) for line in question_lines[1:])
        if answer:
            lines.append(CONTINUATION + ANSWER_ARROW + answer.split("\n")[0])
    elif answer:
        lines.append(first + ANSWER_ARROW + answer.split("\n")[0])
    if answer:
        lines.extend(_continued(line) for line in answer.split("\n")[1:])
    return "\n".join(lines)


_WEB_AUTOLINK: Final = re.compile(r"(?:https?|mailto|ftp):[^\x00-\x20<>\\\x7f]*", re.IGNORECASE)
_PLAIN_DESTINATION: Final = re.compile(r"[^\x00-\x20<>()\\\x7f]+")


def autolink(url: str) -> str | None:
    """``<url>`` for a web address markdown can link as it is, else None."""
    if _WEB_AUTOLINK.fullmatch(url) and not ENTITY_LIKE.search(url):
        return f"<{url}>"
    return None


def destination(url: str) -> str:
    """A link destination that markdown reads back as exactly ``url``."""
    if _PLAIN_DESTINATION.fullmatch(url) and not ENTITY_LIKE.search(url):
        return url
    escaped = "".join(
        "\\" + char if char in "\\<>" or (char == "&" and ENTITY_LIKE.match(url, index)) else char
        for index, char in enumerate(url)
    )
    return f"<{escaped}>"


def url_text(url: str) -> str:
    """An address shown in the post: linked when it is a web address, else as text."""
    return autolink(url) or escape_text(url)


def parse_url_text(text: str) -> str:
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return text[1:-1]
    return unescape_text(text)


def link_item(url: str, label: str | None) -> str:
    if label:
        return f"[{escape_text(label)}]({destination(url)})"
    return url_text(url)


def parse_link_item(text: str) -> tuple[str, str | None] | None:
    """(url, label) from the text of a link list item; None when it is no link."""
    if text.startswith("["):
        chars = tokens(text)
        for index in range(1, len(chars) - 1):
            if chars[index] == ("]", False) and chars[index + 1] == ("(", False):
                if chars[-1] != (")", False):
                    return None
                label = joined_tokens(chars[1:index])
                target = text[_offset(text, index + 2) : -1]
                if target.startswith("<") and target.endswith(">") and len(target) >= 2:
                    target = target[1:-1]
                return unescape_text(target), label or None
        return None
    url = parse_url_text(text)
    return (url, None) if url else None


def _offset(text: str, token_index: int) -> int:
    """Where the token with this index starts in the escaped text."""
    index = 0
    for _ in range(token_index):
        step = 2 if text[index] == "\\" and ESCAPED_PUNCTUATION.match(text, index) else 1
        index += step
    return index


def tags_text(tags: list[str]) -> str:
    return ", ".join(escape_text(tag, also=",") for tag in tags)


def parse_tags_text(text: str) -> list[str]:
    return [tag.strip() for tag in split_literal(text, ",") if tag.strip()]
