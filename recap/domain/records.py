"""Plain data that crosses layers: storage returns it, the UI, CLI and exporters read it.

An ``id`` of ``None`` means the record is not stored yet.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from recap.domain.attachments import is_picture
from recap.domain.fields import PostHeader, described

QAKind = Literal["audience", "own"]
QA_KINDS: tuple[QAKind, ...] = ("audience", "own")
PublicationState = Literal["draft", "published"]
PUBLICATION_STATES: tuple[PublicationState, ...] = ("draft", "published")


@dataclass(kw_only=True)
class LinkRecord:
    label: str | None = described("line", default=None, searchable=True)
    url: str = described("address", searchable=True)
    id: int | None = None


@dataclass
class QARecord:
    kind: QAKind = described("choice")
    question: str | None = described("text", default=None, searchable=True)
    answer: str | None = described("text", default=None, searchable=True)
    resolved: bool = described("flag", default=False)
    id: int | None = None


@dataclass
class SessionRecord:
    title: str = described("title", searchable=True)
    speaker: str | None = described("line", default=None, searchable=True)
    affiliation: str | None = described("line", default=None, searchable=True)
    # When the talk began (live capture stamps it); shown as 13:05.
    starts_at: dt.time | None = described("time", default=None, since_version=2)
    impression: str | None = described("text", default=None, searchable=True)
    notes: str | None = described("markdown", default=None, searchable=True)
    links: list[LinkRecord] = described("items", searchable=True, item_type=LinkRecord)
    qa: list[QARecord] = described("items", item_type=QARecord)
    id: int | None = None
    # The stored version this record was read at (None: not read from a library); a
    # save based on an older one is refused. Not a fact of the talk: never compared.
    version: int | None = field(default=None, compare=False)


@dataclass(kw_only=True)
class AttachmentRecord:
    """A picture or another file of an event, with its bytes. Markdown anywhere in
    the event refers to it by its name: ``![caption](name.png)``."""

    name: str = described("filename")
    media_type: str = described("media_type")
    data: bytes = described("bytes")
    caption: str | None = described("line", default=None)
    id: int | None = None


@dataclass(kw_only=True)
class PublicationRecord:
    """Where a recap was posted: one per platform (case-blind) for each event."""

    platform: str = described("line")
    state: PublicationState = described("choice", default="published")
    url: str | None = described("address", default=None)
    published_on: dt.date | None = described("date", default=None)
    id: int | None = None


@dataclass
class EventRecord:
    title: str = described("title", searchable=True)
    start_date: dt.date = described("date")
    end_date: dt.date | None = described("date", default=None)
    venue: str | None = described(
        "line", default=None, searchable=True, header=PostHeader(2, "장소", "Venue")
    )
    host: str | None = described(
        "line", default=None, searchable=True, header=PostHeader(3, "주최", "Host")
    )
    url: str | None = described(
        "address", default=None, header=PostHeader(6, "행사 페이지", "Event page")
    )
    found_via: str | None = described(
        "line", default=None, searchable=True, header=PostHeader(5, "알게 된 경로", "Found via")
    )
    category: str | None = described("line", default=None, searchable=True, column=False)
    tags: list[str] = described("tags", searchable=True)
    summary: str | None = described("markdown", default=None, searchable=True)
    # Who wrote the recap (a shared team library has several writers).
    author: str | None = described(
        "line", default=None, since_version=2, searchable=True,
        header=PostHeader(7, "글쓴이", "Author"),
    )  # fmt: skip
    sessions: list[SessionRecord] = described("items", item_type=SessionRecord)
    # Pictures and files in the order they were added. Only the reads meant for a whole
    # event's export or dump fill it (their bytes are read lazily otherwise).
    attachments: list[AttachmentRecord] = described(
        "items", since_version=2, item_type=AttachmentRecord
    )
    # Where the recap was posted (the publish command and the export dialog set them).
    publications: list[PublicationRecord] = described(
        "items", since_version=2, item_type=PublicationRecord
    )
    id: int | None = None
    version: int | None = field(default=None, compare=False)  # as SessionRecord's

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
    # The platforms the recap is published on (drafts not counted).
    published: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as the editor lists it: everything but its bytes."""

    id: int
    event_id: int
    name: str
    media_type: str
    caption: str | None
    size: int  # bytes
    sha256: str  # the content's hash (hex): the same bytes, the same hash

    @property
    def is_picture(self) -> bool:
        return is_picture(self.media_type)


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
    # Only recaps not published yet: None lists every event, ANY_PLATFORM those
    # published nowhere, a platform's name those not published there (case-blind).
    unpublished_on: str | None = None

    @property
    def narrows(self) -> bool:
        """Whether the filter leaves any event out."""
        return bool(self.tags or self.date_from or self.date_to or self.unpublished_on is not None)


# EventFilter.unpublished_on for "published on no platform".
ANY_PLATFORM = "*"


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
