"""The grammar of Recap's markdown posts, shared by the exporter and the importer.

A post must read like one a person would publish and still parse back into the
same event. Both come from the same rules, kept here:

- Every structural line starts in column 0 with a fixed label or prefix
  (``# ``, ``- 일시: ``, ``## \\<``, ``> **한줄평:** ``, ``**Q&A · 궁금증**``, ``---``
  followed by ``- 카테고리: ``, ...). Labels of both languages are recognised.
- One-line fields (titles, names, venue, category, tags, link labels) are plain
  text: markdown punctuation in them is backslash-escaped so that it shows as
  typed, and `unescape_text` undoes exactly that.
- Markdown fields (summary, notes) are written as typed, except that a line which
  would look like one of the structural lines gets one extra leading space (which
  renders the same); the importer takes it away again.
- Multi-line values inside list items (Q&A questions and answers) continue on
  lines indented by two spaces; the impression is a block quote.
- Line breaks "as typed": a line end inside a paragraph of a markdown value gets
  two trailing spaces, the one hard break that CommonMark, goldmark (Hugo) and
  kramdown (Jekyll) all read (`with_hard_breaks`); `without_hard_breaks` takes
  exactly those away again.

Values are normalised the same way on the way out and on the way back in (see
`one_line`, `short_text`, `block_text`); `normalise_event` applies those rules to a
whole event, so ``import(export(e)) == normalise_event(e)``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from recap.domain.addresses import is_unsafe
from recap.domain.dates import format_time
from recap.domain.fields import ONE_LINE_KINDS, FieldInfo, fields_of, header_fields
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.domain.tags import unique_tags
from recap.export.commonmark_blocks import soft_break_lines

RecordT = TypeVar("RecordT", EventRecord, SessionRecord, QARecord, LinkRecord)


@dataclass(frozen=True)
class Labels:
    """The words a post is written with, in one language. The header fields' labels
    (``labels.venue``, …) come from the fields' own facts (recap.domain.records)."""

    language: str
    date: str
    impression: str
    qa: str
    links: str
    category: str
    tags: str
    related: str
    own_question: str
    open: str
    audience: str = "Q&A"

    def related_title(self, category: str) -> str:
        return self.related.format(category=category)

    def __getattr__(self, name: str) -> str:
        for info in header_fields(EventRecord):
            if info.name == name and info.facts.header is not None:
                return info.facts.header.label(self.language)
        raise AttributeError(name)


LABELS: Final[dict[str, Labels]] = {
    "ko": Labels(
        language="ko",
        date="일시",
        impression="한줄평",
        qa="Q&A · 궁금증",
        links="링크",
        category="카테고리",
        tags="태그",
        related="'{category}' 카테고리의 다른 글",
        own_question="내 질문",
        open="미해결",
    ),
    "en": Labels(
        language="en",
        date="Date",
        impression="Impression",
        qa="Q&A and my questions",
        links="Links",
        category="Category",
        tags="Tags",
        related="Other posts in {category}",
        own_question="My question",
        open="open",
    ),
}


def labels_for(language: str) -> Labels:
    return LABELS.get(language, LABELS["en"])


def _alternatives(*names: str) -> str:
    values = {getattr(labels, name) for labels in LABELS.values() for name in names}
    return "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))


HEADER_FIELDS: Final = ("date", *(info.name for info in header_fields(EventRecord)))
FOOTER_FIELDS: Final = ("category", "tags")

# label text -> field name, for both languages
HEADER_LABELS: Final = {
    getattr(labels, name): name for labels in LABELS.values() for name in HEADER_FIELDS
}
FOOTER_LABELS: Final = {
    getattr(labels, name): name for labels in LABELS.values() for name in FOOTER_FIELDS
}

SESSION_HEADING_PREFIX: Final = "## \\<"
HEADING_TIME_SEPARATOR: Final = " · "
QA_AUDIENCE_PREFIX: Final = "(Q&A) "
QA_OPEN_BOX: Final = "[ ] "
QA_DONE_BOX: Final = "[x] "
ANSWER_ARROW: Final = "→ "
CONTINUATION: Final = "  "
THEMATIC_BREAK: Final = "---"

_HEADING_TIME: Final = re.compile(rf"(.*>){re.escape(HEADING_TIME_SEPARATOR)}(\S*[^\s>])")
HEADER_LINE: Final = re.compile(rf"- ({_alternatives(*HEADER_FIELDS)}): (.*)")
FOOTER_LINE: Final = re.compile(rf"- ({_alternatives(*FOOTER_FIELDS)}): (.*)")
IMPRESSION_LINE: Final = re.compile(rf"> \*\*({_alternatives('impression')}):\*\* (.*)")
QA_SECTION_LINE: Final = re.compile(rf"\*\*({_alternatives('qa')})\*\* *")
LINKS_SECTION_LINE: Final = re.compile(rf"\*\*({_alternatives('links')})\*\* *")
# "**'TIL' 카테고리의 다른 글**": the list of related posts that may end a post.
RELATED_TITLE_LINE: Final = re.compile(
    "|".join(
        r"\*\*"
        + ".*".join(re.escape(part) for part in labels.related.split("{category}"))
        + r"\*\*"
        for labels in LABELS.values()
    )
)

# A line of a markdown field that starts (after any spaces) like a structural line.
_STRUCTURE_LIKE: Final = (
    rf"(?:{re.escape(SESSION_HEADING_PREFIX)}"
    rf"|> \*\*(?:{_alternatives('impression')}):\*\*"
    rf"|\*\*(?:{_alternatives('qa', 'links')})\*\* *$"
    rf"|- (?:{_alternatives(*FOOTER_FIELDS)}): )"
)
_NEEDS_SPACE_IN_BLOCK: Final = re.compile(rf" *{_STRUCTURE_LIKE}")
_SPACED_IN_BLOCK: Final = re.compile(rf" +{_STRUCTURE_LIKE}")
# A line of a Q&A question that starts like an answer or an audience marker.
_ITEM_LIKE: Final = rf"(?:→|{re.escape(QA_AUDIENCE_PREFIX.strip())})"
_NEEDS_SPACE_IN_ITEM: Final = re.compile(rf" *{_ITEM_LIKE}")
_SPACED_IN_ITEM: Final = re.compile(rf" +{_ITEM_LIKE}")


# -- normalisation ---------------------------------------------------------------

_LINE_BREAKS: Final = re.compile(r"\r\n|\r|\n")
# YAML (front matter) also breaks lines at NEL and the Unicode line and paragraph separators.
_ANY_LINE_BREAK: Final = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def one_line(value: str | None) -> str | None:
    """A one-line field: line breaks become spaces, ends trimmed, empty is None."""
    if value is None:
        return None
    text = _ANY_LINE_BREAK.sub(" ", value).strip()
    return text or None


def short_text(value: str | None) -> str | None:
    """An impression, question or answer: ``\\n`` line ends, ends trimmed, empty is None."""
    if value is None:
        return None
    text = _LINE_BREAKS.sub("\n", value).strip()
    return text or None


_LEADING_BLANK_LINES: Final = re.compile(r"\A(?:[ \t]*\n)+")


def block_text(value: str | None) -> str | None:
    """A markdown field: ``\\n`` line ends, no leading blank lines, no trailing whitespace.

    The first line keeps its indentation (four spaces make a code block).
    """
    if value is None:
        return None
    text = _LEADING_BLANK_LINES.sub("", _LINE_BREAKS.sub("\n", value)).rstrip()
    return text or None


def clean_tags(tags: list[str]) -> list[str]:
    return unique_tags(tag for tag in tags if tag.strip())


def normalised_value(info: FieldInfo, value: Any) -> Any:
    """One field as a post carries it, by the field's kind."""
    if info.kind == "title":
        return one_line(value) or ""
    if info.kind in ONE_LINE_KINDS:
        return one_line(value)
    if info.kind == "text":
        return short_text(value)
    if info.kind == "markdown":
        return block_text(value)
    if info.kind == "tags":
        return clean_tags(value)
    return value


def normalised_fields(record: RecordT) -> RecordT:
    """A copy of the record without its id, its own fields normalised; children untouched."""
    changes = {
        info.name: normalised_value(info, getattr(record, info.name))
        for info in fields_of(type(record))
        if info.kind != "items"
    }
    return dataclasses.replace(record, id=None, **changes)


def normalise_session(talk: SessionRecord) -> SessionRecord:
    normalised = normalised_fields(talk)
    # A link that would run code when clicked (javascript:) is left out of every post.
    normalised.links = [
        normalised_fields(link)
        for link in talk.links
        if one_line(link.url) and not is_unsafe(link.url)
    ]
    normalised.qa = [
        normalised_fields(entry)
        for entry in talk.qa
        if short_text(entry.question) or short_text(entry.answer)
    ]
    return normalised


def normalise_event(event: EventRecord) -> EventRecord:
    """The event as a markdown post carries it (ids dropped).

    What changes: one-line fields lose line breaks and surrounding spaces; short
    texts lose surrounding whitespace; markdown fields lose leading blank lines and
    trailing whitespace; empty texts become None; line ends become ``\\n``; tags are
    cleaned and de-duplicated as the library does; an end date equal to the start
    date is dropped; a link without an address or with one that runs code
    (``javascript:``) and a Q&A entry with neither question nor answer are left out.
    """
    normalised = normalised_fields(event)
    if normalised.end_date == normalised.start_date:
        normalised.end_date = None
    normalised.sessions = [normalise_session(talk) for talk in event.sessions]
    return normalised


# -- plain text in markdown ------------------------------------------------------

_ALWAYS_ESCAPED: Final = frozenset("\\`*[]<~")
_ENTITY_LIKE: Final = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});"
)
_MAYBE_ESCAPED: Final = re.compile(r"[\\`*\[\]<~_&-]")
_ESCAPED_PUNCTUATION: Final = re.compile(r"\\([!-/:-@\[-`{-~])")


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
            or (char == "&" and _ENTITY_LIKE.match(text, index))
            or (lone_dashes and char == "-" and before in ("", " ") and after in ("", " "))
        ):
            out.append("\\")
        out.append(char)
    return "".join(out)


def unescape_text(text: str) -> str:
    """The exact inverse of `escape_text`."""
    return _ESCAPED_PUNCTUATION.sub(r"\1", text)


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
        if char == "\\" and index + 1 < len(text) and _ESCAPED_PUNCTUATION.match(text, index):
            result.append((text[index + 1], True))
            index += 2
        else:
            result.append((char, False))
            index += 1
    return result


def _joined(parts: list[tuple[str, bool]]) -> str:
    return "".join(char for char, _ in parts)


def split_literal(text: str, separator: str) -> list[str]:
    """Split escaped ``text`` at unescaped ``separator`` characters; unescape each part."""
    parts: list[str] = []
    current: list[tuple[str, bool]] = []
    for char, escaped in tokens(text):
        if char == separator and not escaped:
            parts.append(_joined(current))
            current = []
        else:
            current.append((char, escaped))
    parts.append(_joined(current))
    return parts


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
    match = _HEADING_TIME.fullmatch(heading)
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
        return _joined(chars), None, None
    title = _joined(chars[:title_end])
    rest = chars[title_end + 3 :]
    affiliation = None
    if rest and rest[-1] == (")", False):
        opening = max((i for i, token in enumerate(rest) if token == ("(", False)), default=-1)
        if opening >= 0:
            affiliation = _joined(rest[opening + 1 : -1]) or None
            rest = rest[:opening]
            if rest and rest[-1] == (" ", False):
                rest = rest[:-1]
    return title, _joined(rest) or None, affiliation


# -- markdown fields -------------------------------------------------------------


def escape_block(text: str) -> str:
    """A markdown field as typed, lines that look structural shifted by one space."""
    return "\n".join(
        " " + line if _NEEDS_SPACE_IN_BLOCK.match(line) else line for line in text.split("\n")
    )


def unescape_block_line(line: str) -> str:
    return line[1:] if _SPACED_IN_BLOCK.match(line) else line


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


# -- impression, Q&A items, links -------------------------------------------------


def quote_lines(text: str, label: str) -> str:
    lines = text.split("\n")
    quoted = [f"> **{label}:** {lines[0]}"]
    quoted.extend(f"> {line}" if line else ">" for line in lines[1:])
    return "\n".join(quoted)


def _continued(line: str) -> str:
    return CONTINUATION + line if line else ""


def _question_line(line: str) -> str:
    return " " + line if _NEEDS_SPACE_IN_ITEM.match(line) else line


def unescape_question_line(line: str) -> str:
    return line[1:] if _SPACED_IN_ITEM.match(line) else line


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
    if _WEB_AUTOLINK.fullmatch(url) and not _ENTITY_LIKE.search(url):
        return f"<{url}>"
    return None


def destination(url: str) -> str:
    """A link destination that markdown reads back as exactly ``url``."""
    if _PLAIN_DESTINATION.fullmatch(url) and not _ENTITY_LIKE.search(url):
        return url
    escaped = "".join(
        "\\" + char if char in "\\<>" or (char == "&" and _ENTITY_LIKE.match(url, index)) else char
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
                label = _joined(chars[1:index])
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
        step = 2 if text[index] == "\\" and _ESCAPED_PUNCTUATION.match(text, index) else 1
        index += step
    return index


def tags_text(tags: list[str]) -> str:
    return ", ".join(escape_text(tag, also=",") for tag in tags)


def parse_tags_text(text: str) -> list[str]:
    return [tag.strip() for tag in split_literal(text, ",") if tag.strip()]
