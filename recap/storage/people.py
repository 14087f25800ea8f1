"""Reads behind the own-questions and speakers lists: plain tuples, one query each."""

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from recap.domain.people import OwnQuestion, SpeakerCount, SpeakerTalk, speaker_names
from recap.domain.records import EventFilter
from recap.storage.filter_sql import filter_conditions
from recap.storage.models import Event, EventSession, QAEntry


def own_questions(
    db: Session,
    open_only: bool,
    tags: tuple[str, ...],
    words: tuple[str, ...] = (),
    limit: int | None = None,
) -> list[OwnQuestion]:
    """The writer's own questions, newest event first, in running order within it; each
    of ``words`` in the event's or the talk's title, the question or the answer."""
    query = (
        select(
            QAEntry.id,
            Event.id,
            Event.title,
            Event.start_date,
            EventSession.id,
            EventSession.title,
            QAEntry.question,
            QAEntry.answer,
            QAEntry.resolved,
        )
        .join(EventSession, QAEntry.session_id == EventSession.id)
        .join(Event, EventSession.event_id == Event.id)
        .where(QAEntry.kind == "own", *filter_conditions(db, EventFilter(tags=tags)))
        .order_by(Event.start_date.desc(), Event.id.desc(), EventSession.position, QAEntry.position)
    )
    if open_only:
        query = query.where(QAEntry.resolved.is_(False))
    for word in words:
        query = query.where(
            or_(
                *(
                    column.icontains(word, autoescape=True)
                    for column in (
                        Event.title,
                        EventSession.title,
                        QAEntry.question,
                        QAEntry.answer,
                    )
                )
            )
        )
    if limit is not None:
        query = query.limit(limit)
    return [OwnQuestion(*row) for row in db.connection().execute(query)]


def speaker_counts(db: Session) -> list[SpeakerCount]:
    """Every speaker with their talks and events, most talks first. Counted in SQL per
    distinct speaker field (few: people speak again and again), then per name; a name in
    several fields has its events counted across them."""
    per_field = (
        select(
            EventSession.speaker,
            func.count(),
            func.count(EventSession.event_id.distinct()),
        )
        .where(EventSession.speaker.is_not(None))
        .group_by(EventSession.speaker)
    )
    talks: dict[str, int] = {}
    fields: dict[str, list[str]] = {}
    events: dict[str, int] = {}
    for field, talk_count, event_count in db.connection().execute(per_field):
        if field is None:
            continue
        for name in speaker_names(field):
            talks[name] = talks.get(name, 0) + talk_count
            fields.setdefault(name, []).append(field)
            events[name] = event_count
    for name, named_in in fields.items():
        if len(named_in) > 1:
            across = select(func.count(EventSession.event_id.distinct())).where(
                EventSession.speaker.in_(named_in)
            )
            events[name] = db.connection().scalar(across) or 0
    counts = [SpeakerCount(name, talks[name], events[name]) for name in talks]
    return sorted(counts, key=lambda count: (-count.talks, count.name.casefold()))


def open_question_count(db: Session) -> int:
    # The kind written as the partial index's own condition (a bound parameter would
    # keep SQLite from using the index).
    query = (
        select(func.count())
        .select_from(QAEntry)
        .where(
            text("kind = 'own'"),
            QAEntry.resolved == False,  # noqa: E712
        )
    )
    return db.connection().scalar(query) or 0


def talks_naming(db: Session, name: str) -> list[EventSession]:
    """The talks whose speaker field names ``name`` (as a whole name), newest first."""
    query = (
        select(EventSession)
        .join(Event, EventSession.event_id == Event.id)
        .where(EventSession.speaker.contains(name, autoescape=True))
        .order_by(Event.start_date.desc(), Event.id.desc(), EventSession.position)
    )
    return [talk for talk in db.scalars(query) if name in speaker_names(talk.speaker)]


def speaker_talks(db: Session, name: str) -> list[SpeakerTalk]:
    """One query of plain columns (no talk objects, no event loaded per talk)."""
    query = (
        select(
            EventSession.speaker,
            Event.id,
            Event.title,
            Event.start_date,
            EventSession.id,
            EventSession.title,
        )
        .join(Event, EventSession.event_id == Event.id)
        .where(EventSession.speaker.contains(name, autoescape=True))
        .order_by(Event.start_date.desc(), Event.id.desc(), EventSession.position)
    )
    return [
        SpeakerTalk(*row[1:])
        for row in db.connection().execute(query)
        if name in speaker_names(row[0])
    ]
