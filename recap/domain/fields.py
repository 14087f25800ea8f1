"""What each field of a record is, declared once, beside the field itself.

A record's dataclass fields carry their facts in ``metadata``: the kind of value,
its recap-json key and the version that added it, whether search indexes it,
whether the table has a column of the same name, and the label a post prints it
under. Validation, storage, recap-json, the search documents and the post grammar
walk these facts instead of naming every field again; docs/architecture.md has the
checklist for adding a field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Final, Literal

FieldKind = Literal[
    "title",  # required one-line text, at most 300 characters
    "line",  # optional one-line text
    "address",  # optional one-line web address
    "text",  # optional short text of a few lines (an impression, a question)
    "markdown",  # optional markdown (a summary, notes)
    "date",
    "time",  # a time of day, HH:MM
    "flag",
    "choice",  # one of a fixed set of words
    "tags",  # a list of tag names
    "items",  # a list of child records (sessions, links, Q&A entries)
    "filename",  # an attachment's name: one line, no path separators (domain/attachments.py)
    "media_type",  # a file's type, e.g. image/png
    "bytes",  # a file's exact bytes (base64 in recap-json)
]
TEXT_KINDS: Final = frozenset({"title", "line", "address", "text", "markdown"})
ONE_LINE_KINDS: Final = frozenset({"title", "line", "address"})

_FACTS: Final = "recap.facts"


@dataclass(frozen=True)
class PostHeader:
    """A field shown as a line of a post's header (``- 장소: …``): where among the
    header lines (the date is line 1), and its label in each post language."""

    order: int
    ko: str
    en: str

    def label(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


@dataclass(frozen=True)
class Facts:
    kind: FieldKind
    json_key: str | None = None  # None: the attribute's name
    since_version: int = 1  # the recap-json version that added the field
    searchable: bool = False
    # False when storage keeps the field some other way (a category row, tag links)
    column: bool = True
    # A post's header line ("- 장소: …") for the field; None: not a header line.
    header: PostHeader | None = None
    # The record class of an "items" field's entries.
    item_type: type | None = None


@dataclass(frozen=True)
class FieldInfo:
    name: str
    facts: Facts

    @property
    def kind(self) -> FieldKind:
        return self.facts.kind

    @property
    def json_key(self) -> str:
        return self.facts.json_key or self.name


def described(kind: FieldKind, *, default: Any = dataclasses.MISSING, **facts: Any) -> Any:
    """A dataclass field that carries its facts; lists get an empty list by default."""
    metadata = {_FACTS: Facts(kind, **facts)}
    if kind in ("tags", "items"):
        return dataclasses.field(default_factory=list, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


_described: dict[type, tuple[FieldInfo, ...]] = {}
_columns: dict[type, tuple[FieldInfo, ...]] = {}


def fields_of(record_type: type) -> tuple[FieldInfo, ...]:
    """The described fields of a record class, in declaration order."""
    found = _described.get(record_type)
    if found is None:
        found = _described[record_type] = tuple(
            FieldInfo(field.name, field.metadata[_FACTS])
            for field in dataclasses.fields(record_type)
            if _FACTS in field.metadata
        )
    return found


def column_fields(record_type: type) -> tuple[FieldInfo, ...]:
    """The fields kept as a column of the same name: copied as they are."""
    found = _columns.get(record_type)
    if found is None:
        found = _columns[record_type] = tuple(
            info
            for info in fields_of(record_type)
            if info.facts.column and info.kind not in ("tags", "items")
        )
    return found


def column_values(source: object, record_type: type) -> dict[str, Any]:
    """The column fields of ``record_type`` read from ``source`` (a record or a stored
    row, which name them alike), by name."""
    return {info.name: getattr(source, info.name) for info in column_fields(record_type)}


def header_fields(record_type: type) -> tuple[FieldInfo, ...]:
    """The fields a post shows as header lines, in the order the post shows them."""
    shown = {
        info.facts.header.order: info
        for info in fields_of(record_type)
        if info.facts.header is not None
    }
    return tuple(shown[order] for order in sorted(shown))


def searchable_text(record: object) -> str:
    """What search finds a record by: its searchable fields' text, one per line
    (tags on one line, child records' text on one line)."""
    parts: list[str] = []
    for info in fields_of(type(record)):
        value = getattr(record, info.name)
        if not info.facts.searchable or not value:
            continue
        if info.kind == "tags":
            parts.append(" ".join(value))
        elif info.kind == "items":
            parts.append(" ".join(searchable_text(item) for item in value))
        else:
            parts.append(value)
    return "\n".join(part for part in parts if part)
