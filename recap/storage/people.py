"""Reads behind the own-questions and speakers lists: plain tuples, one query each."""

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from recap.domain.people import OwnQuestion
from recap.domain.records import EventFilter
from recap.storage.filter_sql import filter_conditions
from recap.storage.models import Event, EventSession, QAEntry


def own_questions(db: Session, open_only: bool, tags: tuple[str, ...]) -> list[OwnQuestion]:
    """The writer's own questions, newest event first, in running order within it."""
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
    return [OwnQuestion(*row) for row in db.connection().execute(query)]


def speaker_fields(db: Session) -> list[tuple[str | None, int]]:
    """Every talk's speaker field with its event."""
    query = select(EventSession.speaker, EventSession.event_id).where(
        EventSession.speaker.is_not(None)
    )
    return [(speaker, event_id) for speaker, event_id in db.connection().execute(query)]


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
