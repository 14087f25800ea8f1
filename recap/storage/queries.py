"""Read-only queries behind the event list, the tag sidebar and the calendar.

They return plain tuples and records, not ORM objects, so that lists of
tens of thousands of events stay cheap.
"""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    ARRAY,
    Integer,
    Row,
    Select,
    any_,
    bindparam,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from recap.domain.records import EventFilter, EventSummary, TagCount
from recap.storage.filter_sql import (
    TAG_SEPARATOR,
    event_ids_sql,
    filter_conditions,
    on_server,
    published_names_column,
    published_names_sql,
    tag_ids_for,
    tag_names_column,
)
from recap.storage.models import Category, Event, EventTag, Publication, Tag

NAMED_PARAMETER = re.compile(r":(\w+)")


def summaries_query(
    db: Session, event_filter: EventFilter
) -> Select[int, str, dt.date, dt.date | None, str | None, str | None]:
    server = on_server(db)
    return (
        select(
            Event.id,
            Event.title,
            Event.start_date,
            Event.end_date,
            tag_names_column(server),
            published_names_column(server),
        )
        .where(*filter_conditions(db, event_filter))
        .order_by(Event.start_date.desc(), Event.id.desc())
    )


def event_summaries(db: Session, event_filter: EventFilter) -> list[EventSummary]:
    """The events that pass the filter, newest first."""
    # Through the Core connection: the ORM's row handling costs ~100 ms on 20,000 rows.
    return summaries_from(db.connection().execute(summaries_query(db, event_filter)))


def event_ids(db: Session, event_filter: EventFilter) -> list[int]:
    """Ids of the events that pass the filter, newest first: cheap enough for 20,000."""
    # Straight from the driver: SQLAlchemy's row handling costs about a third of this
    # query for 18,000 ids (the event list asks for every id on each filter change).
    # Its errors meet the same boundary as the ORM's (storage_errors in Library._transaction).
    if on_server(db):  # one array, in binary: less than 18,000 rows cost to fetch
        sql, parameters = event_ids_sql(db, event_filter, ordered=False)
        listed = (
            "SELECT coalesce(array_agg(id ORDER BY start_date DESC, id DESC), '{}') "
            f"FROM ({sql}) AS listed"
        )
        ids: list[int] = driver_rows(db, listed, parameters, binary=True)[0][0]
        return ids
    sql, parameters = event_ids_sql(db, event_filter)
    return [row[0] for row in driver_rows(db, sql, parameters)]


def driver_rows(
    db: Session, sql: str, parameters: dict[str, object], *, binary: bool = False
) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (with ``:name`` parameters) straight from the driver, sqlite3's
    or psycopg's (whose parameters are written ``%(name)s``; ``binary`` asks it for
    values in binary form)."""
    driver = db.connection().connection.driver_connection
    assert driver is not None
    if not on_server(db):
        return list(driver.execute(sql, parameters))
    server_sql = NAMED_PARAMETER.sub(r"%(\1)s", sql)
    with driver.cursor(binary=binary) as cursor:
        cursor.execute(server_sql.encode(), parameters)
        return list(cursor.fetchall())


def event_summaries_by_id(db: Session, event_ids: list[int]) -> list[EventSummary]:
    """Rows of the event list (and of search hits) for these ids, in no order."""
    # Plain SQL to the driver: this runs for each page of the list and each search
    # (inside Library._transaction, whose storage_errors turns driver errors into sentences).
    server = on_server(db)
    # A server joins the tags and groups (a third quicker than a subquery per event).
    tags = (
        f"string_agg(t.name, chr({ord(TAG_SEPARATOR)}) ORDER BY l.position)"
        if server
        else f"(SELECT group_concat(name, char({ord(TAG_SEPARATOR)})) FROM ("
        "SELECT t.name FROM event_tags AS l JOIN tags AS t ON t.id = l.tag_id "
        "WHERE l.event_id = e.id ORDER BY l.position))"
    )
    published = published_names_sql(server)
    summaries = []
    for start in range(0, len(event_ids), 500):
        batch = event_ids[start : start + 500]
        sql = f"SELECT e.id, e.title, e.start_date, e.end_date, {tags}, {published} "
        sql += "FROM events AS e "
        parameters: dict[str, object] = {"ids": batch}
        if server:  # an array: one statement text whatever the number of ids
            sql += (
                "LEFT JOIN event_tags AS l ON l.event_id = e.id "
                "LEFT JOIN tags AS t ON t.id = l.tag_id WHERE e.id = ANY(:ids) GROUP BY e.id"
            )
        else:
            sql += f"WHERE e.id IN ({', '.join(f':id{n}' for n in range(len(batch)))})"
            parameters = {f"id{n}": event_id for n, event_id in enumerate(batch)}
        for event_id, title, start_date, end_date, names, platforms in driver_rows(
            db, sql, parameters
        ):
            summaries.append(
                EventSummary(
                    id=event_id,
                    title=title,
                    start_date=as_date(start_date),
                    end_date=as_date(end_date) if end_date else None,
                    tags=split_names(names),
                    published=split_names(platforms),
                )
            )
    return summaries


def as_date(value: str | dt.date) -> dt.date:
    """A date as the driver gives it: ISO text from SQLite, a date from PostgreSQL."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def split_names(joined: str | None) -> tuple[str, ...]:
    return tuple(joined.split(TAG_SEPARATOR)) if joined else ()


def summaries_from(
    rows: Iterable[Row[int, str, dt.date, dt.date | None, str | None, str | None]],
) -> list[EventSummary]:
    return [
        EventSummary(
            id=event_id,
            title=title,
            start_date=start,
            end_date=end,
            tags=split_names(tags),
            published=split_names(platforms),
        )
        for event_id, title, start, end, tags, platforms in rows
    ]


def matching_event_ids(db: Session, event_filter: EventFilter) -> list[int]:
    """Ids of the events that pass the filter, oldest first (the dump's order)."""
    query = (
        select(Event.id)
        .where(*filter_conditions(db, event_filter))
        .order_by(Event.start_date, Event.title, Event.id)
    )
    return list(db.scalars(query))


def event_id_set(db: Session, event_filter: EventFilter) -> set[int]:
    """Ids of the events that pass the filter, unordered (sorting 20,000 costs ~10 ms)."""
    query = select(Event.id).where(*filter_conditions(db, event_filter))
    return set(db.connection().scalars(query))


def narrow_event_ids(db: Session, event_filter: EventFilter, most: int) -> list[int] | None:
    """The events that pass the filter when there are at most ``most`` of them, else None;
    a tag filter is judged by its tags' first ``most + 1`` events, not by listing all."""
    if not event_filter.tags:
        query = select(Event.id).where(*filter_conditions(db, event_filter)).limit(most + 1)
        ids = list(db.connection().scalars(query))
        return ids if len(ids) <= most else None
    sizes: dict[int, int] = {}
    for tag_id in tag_ids_for(db, event_filter.tags):
        first = select(EventTag.event_id).where(EventTag.tag_id == tag_id).limit(most + 1)
        count = select(func.count()).select_from(first.subquery())
        sizes[tag_id] = db.connection().scalar(count) or 0
    if event_filter.match_any_tag:
        if sum(sizes.values()) > most:
            return None
        tagged = select(EventTag.event_id).where(EventTag.tag_id.in_(list(sizes)))
    else:
        rarest = min(sizes, key=lambda tag_id: sizes[tag_id])
        if sizes[rarest] > most:
            return None
        tagged = select(EventTag.event_id).where(EventTag.tag_id == rarest)
    conditions = filter_conditions(db, event_filter, per_event=True)
    return list(db.connection().scalars(select(Event.id).where(Event.id.in_(tagged), *conditions)))


def passing_event_ids(db: Session, event_filter: EventFilter, event_ids: set[int]) -> set[int]:
    """Which of these events pass the filter."""
    conditions = filter_conditions(db, event_filter, per_event=True)
    if on_server(db):  # one array: the same statement whatever the number of ids
        ids = bindparam("ids", sorted(event_ids), type_=ARRAY(Integer))
        query = select(Event.id).where(Event.id == any_(ids), *conditions)
    else:
        query = select(Event.id).where(Event.id.in_(event_ids), *conditions)
    return set(db.connection().scalars(query))


def start_dates(db: Session, event_ids: Iterable[int]) -> set[dt.date]:
    ids = list(event_ids)
    dates: set[dt.date] = set()
    for start in range(0, len(ids), 900):
        query = select(Event.start_date).where(Event.id.in_(ids[start : start + 900]))
        dates.update(db.scalars(query))
    return dates


def tag_counts(db: Session) -> list[TagCount]:
    """Every tag with its number of events, by name."""
    query = (
        select(Tag.name, func.count(EventTag.event_id))
        .join(EventTag, EventTag.tag_id == Tag.id)
        .group_by(Tag.id)
        .order_by(Tag.key)
    )
    return [TagCount(name=name, count=count) for name, count in db.execute(query)]


def publication_platforms(db: Session) -> list[str]:
    """Every platform a recap was published on, once each (as first written), by name."""
    first = select(func.min(Publication.id)).group_by(Publication.key)
    names = db.scalars(select(Publication.platform).where(Publication.id.in_(first)))
    return sorted(names, key=str.casefold)


def category_names(db: Session) -> list[str]:
    return list(db.scalars(select(Category.name).order_by(Category.name)))


def titles_by_day(db: Session, first: dt.date, last: dt.date) -> dict[dt.date, list[str]]:
    """For each day from ``first`` to ``last``, the titles of the events on it."""
    query = (
        select(Event.title, Event.start_date, Event.end_date)
        .where(Event.start_date <= last)
        .where(func.coalesce(Event.end_date, Event.start_date) >= first)
        .order_by(Event.start_date, Event.id)
    )
    days: dict[dt.date, list[str]] = defaultdict(list)
    for title, start, end in db.execute(query):
        day = max(start, first)
        stop = min(end or start, last)
        while day <= stop:
            days[day].append(title)
            day += dt.timedelta(days=1)
    return dict(days)


def find_event_id(db: Session, title: str, start: dt.date) -> int | None:
    return db.scalar(select(Event.id).where(Event.title == title, Event.start_date == start))


def event_count(db: Session) -> int:
    return db.scalar(select(func.count(Event.id))) or 0


def session_labels(
    db: Session, session_ids: list[int], qa_ids: list[int]
) -> dict[str, dict[int, str]]:
    """The title of each session, and of the session of each Q&A entry, by id and kind."""
    # Plain SQL: the search shows these for every hit, and the ORM's select costs 2x.
    if on_server(db):  # one statement, two arrays: the same text each time
        labels: dict[str, dict[int, str]] = {"session": {}, "qa": {}}
        sql = (
            "SELECT 'session', id, title FROM sessions WHERE id = ANY(:sessions) UNION ALL "
            "SELECT 'qa', q.id, s.title FROM qa_entries AS q JOIN sessions AS s "
            "ON s.id = q.session_id WHERE q.id = ANY(:qa)"
        )
        for kind, row_id, title in driver_rows(db, sql, {"sessions": session_ids, "qa": qa_ids}):
            labels[kind][row_id] = title
        return labels
    connection = db.connection()
    titles = connection.execute(
        text("SELECT id, title FROM sessions WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": session_ids},
    )
    qa_titles = connection.execute(
        text(
            "SELECT q.id, s.title FROM qa_entries AS q JOIN sessions AS s ON s.id = q.session_id "
            "WHERE q.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True)),
        {"ids": qa_ids},
    )
    return {
        "session": {session_id: title for session_id, title in titles},
        "qa": {qa_id: title for qa_id, title in qa_titles},
    }
