"""The library's tables as typed SQLAlchemy models.

A talk is ``EventSession`` so that it never reads like SQLAlchemy's ``Session``;
database sessions are called ``db`` throughout.
"""

import datetime as dt
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# A fixed naming convention lets Alembic's batch mode rebuild SQLite tables.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

IntPk = Annotated[int, mapped_column(primary_key=True)]
Title = Annotated[str, mapped_column(String(300))]
OptionalText = Annotated[str | None, mapped_column(Text)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {str: Text, dt.date: Date, dt.time: Time}


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(unique=True)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[IntPk]
    name: Mapped[str]
    # casefolded name: the tag's identity
    key: Mapped[str] = mapped_column(unique=True)


class EventTag(Base):
    """A tag on an event, at the place the writer put it."""

    __tablename__ = "event_tags"
    # "events with tag X" walks this index; the primary key cannot serve it.
    __table_args__ = (Index("ix_event_tags_tag_event", "tag_id", "event_id"),)

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int]

    tag: Mapped[Tag] = relationship(lazy="joined")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="date_order"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        Index("ix_events_start_date", "start_date", "id"),  # the event list's order
    )

    id: Mapped[IntPk]
    title: Mapped[Title]
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    venue: Mapped[OptionalText]
    host: Mapped[OptionalText]
    url: Mapped[OptionalText]
    found_via: Mapped[OptionalText]
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[OptionalText]
    author: Mapped[OptionalText]
    # Counts the saves: a save based on an older version is refused (Library.update_event).
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    category: Mapped[Category | None] = relationship()
    tag_links: Mapped[list[EventTag]] = relationship(
        order_by=EventTag.position, cascade="all, delete-orphan", passive_deletes=True
    )
    sessions: Mapped[list["EventSession"]] = relationship(
        back_populates="event",
        order_by="EventSession.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        order_by="Attachment.position", cascade="all, delete-orphan", passive_deletes=True
    )
    publications: Mapped[list["Publication"]] = relationship(
        order_by="Publication.id", cascade="all, delete-orphan", passive_deletes=True
    )


class EventSession(Base):
    """A talk at an event, in running order."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_empty"),
        Index("ix_sessions_event_position", "event_id", "position"),
    )

    id: Mapped[IntPk]
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[Title]
    speaker: Mapped[OptionalText]
    affiliation: Mapped[OptionalText]
    starts_at: Mapped[dt.time | None]
    impression: Mapped[OptionalText]
    notes: Mapped[OptionalText]
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    event: Mapped[Event] = relationship(back_populates="sessions")
    links: Mapped[list["Link"]] = relationship(
        order_by="Link.position", cascade="all, delete-orphan", passive_deletes=True
    )
    qa_entries: Mapped[list["QAEntry"]] = relationship(
        order_by="QAEntry.position", cascade="all, delete-orphan", passive_deletes=True
    )


class QAEntry(Base):
    __tablename__ = "qa_entries"
    __table_args__ = (
        CheckConstraint("kind IN ('audience', 'own')", name="kind_known"),
        CheckConstraint(
            "length(trim(coalesce(question, ''))) > 0 OR length(trim(coalesce(answer, ''))) > 0",
            name="question_or_answer",
        ),
        Index("ix_qa_entries_session_position", "session_id", "position"),
        # The writer's own questions (a few of the Q&A): counted open in the status bar.
        Index(
            "ix_qa_entries_own",
            "resolved",
            "session_id",
            sqlite_where=text("kind = 'own'"),
            postgresql_where=text("kind = 'own'"),
        ),
    )

    id: Mapped[IntPk]
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    question: Mapped[OptionalText]
    answer: Mapped[OptionalText]
    resolved: Mapped[bool]


class Link(Base):
    __tablename__ = "links"
    __table_args__ = (
        CheckConstraint("length(url) > 0", name="url_not_empty"),
        Index("ix_links_session_position", "session_id", "position"),
    )

    id: Mapped[IntPk]
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int]
    label: Mapped[OptionalText]
    url: Mapped[str]


class AttachmentContent(Base):
    """A picture's or file's bytes, kept once however many attachments hold them.

    ``data`` is the last column and deferred: listing attachments reads the size and
    never the bytes (SQLite keeps a big value in overflow pages it then never visits).
    """

    __tablename__ = "attachment_contents"
    __table_args__ = (CheckConstraint("size > 0", name="not_empty"),)

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class Attachment(Base):
    """A picture or file of an event, named as its markdown refers to it."""

    __tablename__ = "attachments"
    __table_args__ = (
        # names are unique within an event whatever their case (name_key: NFC casefolded)
        UniqueConstraint("event_id", "name_key", name="uq_attachments_event_name"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        Index("ix_attachments_event_position", "event_id", "position"),
    )

    id: Mapped[IntPk]
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]
    media_type: Mapped[str] = mapped_column(String(255))
    caption: Mapped[OptionalText]
    content_sha256: Mapped[str] = mapped_column(
        ForeignKey("attachment_contents.sha256"), index=True
    )


class Publication(Base):
    """Where an event's recap was posted: one row per platform (``key``: the platform's
    name casefolded), in the order they were first recorded."""

    __tablename__ = "publications"
    __table_args__ = (
        CheckConstraint("state IN ('draft', 'published')", name="state_known"),
        CheckConstraint("length(trim(platform)) > 0", name="platform_not_empty"),
        # One per platform; also the list's way to an event's publications.
        Index("ix_publications_event_key", "event_id", "key", unique=True),
    )

    id: Mapped[IntPk]
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(60))
    key: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(16))
    url: Mapped[OptionalText]
    published_on: Mapped[dt.date | None]
