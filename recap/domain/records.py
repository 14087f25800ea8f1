"""Plain data that crosses layers: storage returns it, the UI, CLI and exporters read it.

An ``id`` of ``None`` means the record is not stored yet.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

QAKind = Literal["audience", "own"]
QA_KINDS: tuple[QAKind, ...] = ("audience", "own")


@dataclass
class LinkRecord:
    url: str
    label: str | None = None
    id: int | None = None


@dataclass
class QARecord:
    kind: QAKind
    question: str | None = None
    answer: str | None = None
    resolved: bool = False
    id: int | None = None


@dataclass
class SessionRecord:
    title: str
    speaker: str | None = None
    affiliation: str | None = None
    impression: str | None = None
    notes: str | None = None
    links: list[LinkRecord] = field(default_factory=list)
    qa: list[QARecord] = field(default_factory=list)
    id: int | None = None


@dataclass
class EventRecord:
    title: str
    start_date: dt.date
    end_date: dt.date | None = None
    venue: str | None = None
    host: str | None = None
    url: str | None = None
    found_via: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: str | None = None
    sessions: list[SessionRecord] = field(default_factory=list)
    id: int | None = None

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.start_date


@dataclass(frozen=True)
class EventSummary:
    """One row of the event list: enough to show it without loading the whole event."""

    id: int
    title: str
    start_date: dt.date
    end_date: dt.date | None
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TagCount:
    name: str
    count: int


@dataclass(frozen=True)
class EventFilter:
    """What the event list shows: tags (all or any of them) and a date range.

    An event matches the date range when any of its days falls inside it.
    """

    tags: tuple[str, ...] = ()
    match_any_tag: bool = False
    date_from: dt.date | None = None
    date_to: dt.date | None = None


MatchKind = Literal["event", "session", "qa"]
# A snippet is text in pieces; the pieces flagged True are what matched.
Snippet = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchMatch:
    """Where in an event a search matched: the event itself, a session or a Q&A entry."""

    kind: MatchKind
    ref_id: int
    label: str
    snippet: Snippet


@dataclass(frozen=True)
class SearchHit:
    event: EventSummary
    matches: tuple[SearchMatch, ...]
