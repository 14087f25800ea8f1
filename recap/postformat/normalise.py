"""Values as a post carries them: the same rules on the way out and back in."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Final

from recap.domain.addresses import is_unsafe
from recap.domain.fields import ONE_LINE_KINDS, FieldInfo, fields_of
from recap.domain.records import EventRecord, SessionRecord
from recap.domain.tags import unique_tags
from recap.postformat.labels import RecordT

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
