"""One VEVENT read into an event: its texts, its days in its own time zone, and the
label that names it in a message (see `recap.interchange.ics` for the rules)."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from typing import Final, NoReturn

from icalendar import Component
from icalendar.timezone import tzp

from recap.domain.records import EventRecord
from recap.domain.validate import clean_event
from recap.errors import QT_TRANSLATE_NOOP, InvalidDocument, InvalidInput, Sentence

ONE_DAY: Final = dt.timedelta(days=1)
# What icalendar (and dateutil below it) raise on input they cannot make sense of.
PARSER_ERRORS: Final = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    LookupError,
    OverflowError,
    RecursionError,
)


def short_reason(error: BaseException) -> str:
    """The parser's own words, cut short: they may quote a whole line of the file."""
    reason = " ".join(str(error).split()) or type(error).__name__
    return reason if len(reason) <= 120 else reason[:119] + "…"


def fail(where: Sentence, template: str, **details: object) -> NoReturn:
    raise InvalidDocument(
        QT_TRANSLATE_NOOP("RecapError", "{where}: {problem}"),
        where=where,
        problem=Sentence(template, **details),
    )


def vevent_label(source: str, index: int, vevent: Component) -> Sentence:
    """``meetup.ics, VEVENT 3 (UID abc@meetup.com)``: a VEVENT as a reader finds it."""
    uid = one_text(vevent, "UID")
    if uid:
        return Sentence(
            QT_TRANSLATE_NOOP("RecapError", "{source}, VEVENT {index} (UID {uid})"),
            source=source,
            index=index,
            uid=uid if len(uid) <= 80 else uid[:79] + "…",
        )
    start = vevent.get("DTSTART")
    if start is not None and not isinstance(start, list) and start.to_ical():
        return Sentence(
            QT_TRANSLATE_NOOP("RecapError", "{source}, VEVENT {index} (starting {start})"),
            source=source,
            index=index,
            start=start.to_ical().decode("utf-8", "replace")[:40],
        )
    return Sentence(
        QT_TRANSLATE_NOOP("RecapError", "{source}, VEVENT {index}"), source=source, index=index
    )


def one_text(component: Component, name: str) -> str | None:
    """A text property's value (the first, if a file repeats it), unescaped."""
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return None if value is None else str(value)


def unless_blank(text: str | None) -> str | None:
    """Google and Outlook write ``LOCATION:`` and ``DESCRIPTION:\\n`` for nothing."""
    return text if text is not None and text.strip() else None


def categories(component: Component) -> Iterator[str]:
    """Every CATEGORIES value: several lines, comma lists, escaped commas kept inside."""
    value = component.get("CATEGORIES")
    for line in value if isinstance(value, list) else [value]:
        if line is None:
            continue
        names = getattr(line, "cats", None)
        for name in names if names is not None else [line]:
            if str(name).strip():
                yield str(name)


def calendar_zone(calendar: Component, source: str, said: list[Sentence]) -> dt.tzinfo | None:
    """The time zone X-WR-TIMEZONE names, or None (then UTC times go to local time)."""
    name = one_text(calendar, "X-WR-TIMEZONE")
    if not name or not name.strip():
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            zone = tzp.timezone(name.strip())
    except PARSER_ERRORS:
        zone = None
    if zone is None:
        said.append(
            Sentence(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "{source}: X-WR-TIMEZONE {zone} is not a time zone Recap knows; "
                    "UTC times are read in your own time zone.",
                ),
                source=source,
                zone=name[:60],
            )
        )
    return zone


class EventReader:
    """Turns VEVENTs of one calendar into events."""

    def __init__(
        self, source: str, calendar_zone: dt.tzinfo | None, local_zone: dt.tzinfo | None
    ) -> None:
        self.source = source
        # Where UTC times land: the calendar's zone, else the given or the computer's.
        self.utc_zone = calendar_zone or local_zone

    def event(self, vevent: Component, where: Sentence, said: list[Sentence]) -> EventRecord | None:
        """The VEVENT as a checked event, or None (with a warning) when it is skipped."""
        status = one_text(vevent, "STATUS")
        if status and status.strip().upper() == "CANCELLED":
            said.append(
                Sentence(
                    QT_TRANSLATE_NOOP("RecapError", "{where} is cancelled; skipped."), where=where
                )
            )
            return None
        title = one_text(vevent, "SUMMARY")
        if title is None or not title.strip():
            said.append(
                Sentence(
                    QT_TRANSLATE_NOOP("RecapError", "{where} has no title (SUMMARY); skipped."),
                    where=where,
                )
            )
            return None
        try:
            start, end = self.days(vevent, where)
            return clean_event(
                EventRecord(
                    title=title,
                    start_date=start,
                    end_date=end,
                    venue=unless_blank(one_text(vevent, "LOCATION")),
                    url=unless_blank((one_text(vevent, "URL") or "").strip()),
                    summary=unless_blank(one_text(vevent, "DESCRIPTION")),
                    tags=list(categories(vevent)),
                )
            )
        except InvalidDocument:
            raise
        except InvalidInput as error:
            fail(where, error.template, **error.details)
        except OverflowError:
            fail(where, QT_TRANSLATE_NOOP("RecapError", "its dates are out of range."))

    def start_of(self, vevent: Component, where: Sentence) -> dt.date:
        start = time_value(vevent, "DTSTART")
        if start is None:
            fail(where, QT_TRANSLATE_NOOP("RecapError", "it has no start (DTSTART)."))
        if not isinstance(start, dt.date):
            fail(
                where,
                QT_TRANSLATE_NOOP("RecapError", "its start (DTSTART) {value} is not a date."),
                value=raw_text(vevent, "DTSTART"),
            )
        return start

    def days(self, vevent: Component, where: Sentence) -> tuple[dt.date, dt.date | None]:
        """The first and (when later) the last day, in the event's own time zone."""
        start = self.start_of(vevent, where)
        end = time_value(vevent, "DTEND")
        if end is not None and not isinstance(end, dt.date):
            fail(
                where,
                QT_TRANSLATE_NOOP("RecapError", "its end (DTEND) {value} is not a date."),
                value=raw_text(vevent, "DTEND"),
            )
        if end is None and "DURATION" in vevent:
            duration = time_value(vevent, "DURATION")
            if not isinstance(duration, dt.timedelta):
                fail(
                    where,
                    QT_TRANSLATE_NOOP("RecapError", "its DURATION {value} is not a duration."),
                    value=raw_text(vevent, "DURATION"),
                )
            end = start + duration
        if isinstance(start, dt.datetime):
            first = self.local(start)
            if not isinstance(end, dt.datetime):
                return first.date(), None
            last = self.local(end)
            if first.tzinfo is not None and last.tzinfo is not None:
                last = last.astimezone(first.tzinfo)
            last_day = last.date()
            if last.time() == dt.time(0) and last_day > first.date():
                last_day -= ONE_DAY  # ends at midnight: the next day is not part of it
            return first.date(), last_day if last_day != first.date() else None
        if end is None:
            return start, None
        end_day = end.date() if isinstance(end, dt.datetime) else end
        if end_day <= start:  # DTEND on the start day: read as a one-day event
            return start, None if end_day == start else end_day
        last_day = end_day - ONE_DAY  # DTEND is the day after an all-day event
        return start, last_day if last_day != start else None

    def local(self, value: dt.datetime) -> dt.datetime:
        """A UTC time moved into the calendar's (or the user's) zone; others as written."""
        if value.tzinfo is not None and value.tzname() == "UTC":
            return value.astimezone(self.utc_zone)
        return value


def time_value(component: Component, name: str) -> object:
    """A date, date-time or duration property's value (a broken one as its text)."""
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    try:
        return value.dt
    except (AttributeError, ValueError):  # newer icalendar keeps an unreadable value
        return str(value)


def raw_text(component: Component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    text = value.to_ical() if hasattr(value, "to_ical") else str(value)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return repr(text[:40])
