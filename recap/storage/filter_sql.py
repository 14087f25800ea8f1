"""How an event filter becomes SQL: conditions for the ORM's queries, the event list's
own query, and the list row's columns of tag and platform names joined in SQL."""

import datetime as dt

from sqlalchemy import ColumnElement, exists, func, intersect, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from recap.domain.publications import platform_key
from recap.domain.records import ANY_PLATFORM, EventFilter
from recap.domain.tags import tag_key
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput
from recap.storage.models import Event, EventTag, Publication, Tag

# Tag names never hold control characters, so one can join them in SQL.
TAG_SEPARATOR = "\x1f"


def on_server(db: Session) -> bool:
    return db.get_bind().dialect.name == "postgresql"


def tag_ids_for(db: Session, names: tuple[str, ...]) -> list[int]:
    """The ids of the named tags; a name that matches no tag is the caller's mistake.
    Asked once per transaction (a filtered search asks at each step)."""
    known: dict[tuple[str, ...], list[int]] = db.info.setdefault("tag_ids", {})
    if names not in known:
        known[names] = looked_up_tag_ids(db, names)
    return known[names]


def looked_up_tag_ids(db: Session, names: tuple[str, ...]) -> list[int]:
    keys = [tag_key(name) for name in names]
    rows = db.execute(select(Tag.key, Tag.id).where(Tag.key.in_(keys)))
    found = {key: tag_id for key, tag_id in rows}
    for name, key in zip(names, keys, strict=True):
        if key not in found:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("RecapError", "There is no tag “{name}” in this library."),
                name=name.strip(),
            )
    return [found[key] for key in keys]


def filter_conditions(
    db: Session, event_filter: EventFilter, per_event: bool = False
) -> list[ColumnElement[bool]]:
    """SQL conditions for the filter; ``per_event`` for checking a few given events (one
    index lookup each instead of listing every event with the tags)."""
    conditions: list[ColumnElement[bool]] = []
    if event_filter.tags and per_event:
        tag_ids = tag_ids_for(db, event_filter.tags)
        linked = [EventTag.event_id == Event.id]
        if event_filter.match_any_tag:
            conditions.append(exists().where(*linked, EventTag.tag_id.in_(tag_ids)))
        else:
            conditions.extend(exists().where(*linked, EventTag.tag_id == tag) for tag in tag_ids)
    elif event_filter.tags:
        tag_ids = tag_ids_for(db, event_filter.tags)
        if event_filter.match_any_tag:
            tagged = select(EventTag.event_id).where(EventTag.tag_id.in_(tag_ids))
            conditions.append(Event.id.in_(tagged))
        else:
            # INTERSECT walks the (tag_id, event_id) index once per tag.
            per_tag = [select(EventTag.event_id).where(EventTag.tag_id == tag) for tag in tag_ids]
            tagged_all = per_tag[0] if len(per_tag) == 1 else intersect(*per_tag)
            conditions.append(Event.id.in_(tagged_all))
    if event_filter.date_to is not None:
        conditions.append(Event.start_date <= event_filter.date_to)
    if event_filter.date_from is not None:
        last_day = func.coalesce(Event.end_date, Event.start_date)
        conditions.append(last_day >= event_filter.date_from)
    if event_filter.unpublished_on is not None:
        published = exists().where(Publication.event_id == Event.id, Publication.state == PUBLISHED)
        if event_filter.unpublished_on != ANY_PLATFORM:
            published = published.where(
                Publication.key == platform_key(event_filter.unpublished_on)
            )
        conditions.append(~published)
    return conditions


PUBLISHED = "published"


def unpublished_sql(event_filter: EventFilter, parameters: dict[str, object]) -> str:
    """The event list's condition for recaps not published (anywhere, or on a platform):
    one probe of the publications' (event, platform) index per event."""
    platform = ""
    if event_filter.unpublished_on != ANY_PLATFORM:
        assert event_filter.unpublished_on is not None
        parameters["platform"] = platform_key(event_filter.unpublished_on)
        platform = " AND p.key = :platform"
    return (
        "NOT EXISTS (SELECT 1 FROM publications AS p "
        f"WHERE p.event_id = e.id AND p.state = 'published'{platform})"
    )


def published_names_sql(server: bool) -> str:
    """A list row's column: the platforms the event is published on, joined by
    TAG_SEPARATOR, in the order they were recorded (NULL for none)."""
    if server:
        return (
            f"(SELECT string_agg(p.platform, chr({ord(TAG_SEPARATOR)}) ORDER BY p.id) "
            "FROM publications AS p WHERE p.event_id = e.id AND p.state = 'published')"
        )
    return (
        f"(SELECT group_concat(platform, char({ord(TAG_SEPARATOR)})) FROM ("
        "SELECT p.platform FROM publications AS p "
        "WHERE p.event_id = e.id AND p.state = 'published' ORDER BY p.id))"
    )


def tag_names_column(server: bool) -> ColumnElement[str | None]:
    if server:
        return (
            select(
                func.string_agg(
                    Tag.name, aggregate_order_by(literal(TAG_SEPARATOR), EventTag.position)
                )
            )
            .join(EventTag, EventTag.tag_id == Tag.id)
            .where(EventTag.event_id == Event.id)
            .correlate(Event)
            .scalar_subquery()
        )
    ordered = (
        select(Tag.name)
        .join(EventTag, EventTag.tag_id == Tag.id)
        .where(EventTag.event_id == Event.id)
        .order_by(EventTag.position)
        .correlate(Event)
        .subquery()
    )
    return (
        select(func.group_concat(ordered.c.name, TAG_SEPARATOR))
        .select_from(ordered)
        .scalar_subquery()
    )


def published_names_column(server: bool) -> ColumnElement[str | None]:
    """The platforms an event is published on, joined by TAG_SEPARATOR (NULL for none)."""
    published = (Publication.event_id == Event.id, Publication.state == PUBLISHED)
    if server:
        return (
            select(
                func.string_agg(
                    Publication.platform, aggregate_order_by(literal(TAG_SEPARATOR), Publication.id)
                )
            )
            .where(*published)
            .correlate(Event)
            .scalar_subquery()
        )
    ordered = (
        select(Publication.platform)
        .where(*published)
        .order_by(Publication.id)
        .correlate(Event)
        .subquery()
    )
    return (
        select(func.group_concat(ordered.c.platform, TAG_SEPARATOR))
        .select_from(ordered)
        .scalar_subquery()
    )


def event_ids_sql(
    db: Session, event_filter: EventFilter, *, ordered: bool = True
) -> tuple[str, dict[str, object]]:
    """The event list's query: ids newest first (``ordered`` False: ids and start dates
    in no order). Events with all of several tags: a join that walks the rarest tag's
    links and looks the others up by key, about twice as fast as intersecting the tags'
    lists of events."""
    parameters: dict[str, object] = {}
    conditions = []
    tables = "events AS e"
    server = on_server(db)  # dates as dates, no planner hints (PostgreSQL plans these well)
    if event_filter.date_to is not None:
        conditions.append("e.start_date <= :date_to")
        parameters["date_to"] = sql_date(event_filter.date_to, server)
    if event_filter.date_from is not None:
        conditions.append("coalesce(e.end_date, e.start_date) >= :date_from")
        parameters["date_from"] = sql_date(event_filter.date_from, server)
    if event_filter.unpublished_on is not None:
        conditions.append(unpublished_sql(event_filter, parameters))
    tag_ids = tag_ids_for(db, event_filter.tags)
    if len(tag_ids) == 1 or (tag_ids and event_filter.match_any_tag):
        parameters.update({f"tag{n}": tag_id for n, tag_id in enumerate(tag_ids)})
        marks = ", ".join(f":tag{n}" for n in range(len(tag_ids)))
        # With several tags (usually many events), "+" makes SQLite walk the events by
        # date and test each against the list instead of sorting the list's events.
        plus = "+" if len(tag_ids) > 1 and not server else ""
        tagged = f"SELECT event_id FROM event_tags WHERE tag_id IN ({marks})"
        conditions.append(f"{plus}e.id IN ({tagged})")
    elif tag_ids:
        # PostgreSQL orders the joins itself; SQLite walks them as written, rarest first.
        by_count = tag_ids if server else sorted(tag_ids, key=lambda tag: tag_event_count(db, tag))
        rarest, *others = by_count
        parameters["rarest"] = rarest
        joins = []
        # CROSS JOIN: SQLite keeps this order (it would rather walk the events by date).
        join = "JOIN" if server else "CROSS JOIN"
        for n, tag_id in enumerate(others):
            parameters[f"tag{n}"] = tag_id
            joins.append(
                f"{join} event_tags AS t{n} ON t{n}.event_id = l.event_id "
                f"AND t{n}.tag_id = :tag{n} "
            )
        tables = f"event_tags AS l {''.join(joins)}{join} events AS e ON e.id = l.event_id"
        conditions.append("l.tag_id = :rarest")
    where = " AND ".join(conditions) or "TRUE"
    if not ordered:
        return f"SELECT e.id, e.start_date FROM {tables} WHERE {where}", parameters
    sql = f"SELECT e.id FROM {tables} WHERE {where} ORDER BY e.start_date DESC, e.id DESC"
    return sql, parameters


def sql_date(day: dt.date, server: bool) -> object:
    """A date parameter: SQLite stores dates as ISO text, PostgreSQL as dates."""
    return day if server else day.isoformat()


def tag_event_count(db: Session, tag_id: int) -> int:
    query = select(func.count()).where(EventTag.tag_id == tag_id)
    return db.connection().scalar(query) or 0
