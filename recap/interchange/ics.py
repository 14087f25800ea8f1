"""iCalendar (.ics) files read into events: one event per VEVENT.

Parsing and time zones are the ``icalendar`` library's; this module decides what
each VEVENT means for Recap, which keeps dates only:

- a time with a TZID (``DTSTART;TZID=Asia/Seoul:20240413T080000``, Windows names
  such as ``Korea Standard Time`` too) or a floating time counts on the day written
  there: that is the day in the event's own time zone;
- a UTC time (``...T230000Z``) is moved into the calendar's ``X-WR-TIMEZONE`` (as
  Google Calendar writes it) or, without one, into the user's local time zone;
- an all-day event's DTEND is the day after it (exclusive), so a one-day event
  gets no end date and a three-day one ends on its third day; a timed event that
  ends at midnight ends on the day before; DURATION works like DTEND.

SUMMARY is the title, LOCATION the venue, URL the event page, DESCRIPTION the
summary and every CATEGORIES value a tag. A VEVENT without a SUMMARY and a
cancelled one (STATUS:CANCELLED) are skipped with a warning. Recurring events
(RRULE, RDATE) import their occurrences in a date range the caller gives
(`recap.interchange.ics_recurrence`); without a range they are refused.

Anything that is not such a file raises InvalidDocument naming the file (and the
VEVENT); nothing else escapes, so a caller storing the events all at once imports
all of them or none.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from icalendar import Calendar, Component

from recap.domain.records import EventRecord
from recap.errors import QT_TRANSLATE_NOOP, InvalidDocument, Sentence
from recap.files import read_user_file
from recap.interchange.ics_event import (
    PARSER_ERRORS,
    EventReader,
    calendar_zone,
    fail,
    short_reason,
    vevent_label,
)

MAX_CALENDAR_BYTES: Final = 20 * 1024 * 1024
# A calendar may list, or a recurring event expand to, at most this many events.
MAX_EVENTS: Final = 20_000
FOLD: Final = re.compile(rb"\r?\n[ \t]")


@dataclass(frozen=True)
class DateRange:
    """The days (both included) whose occurrences of recurring events are imported."""

    first: dt.date
    last: dt.date


@dataclass
class CalendarRead:
    events: list[EventRecord]
    warnings: list[Sentence] = field(default_factory=list)


class RecurrenceRangeNeeded(InvalidDocument):
    """The calendar has recurring events and no date range was given for them."""


def read_calendar_file(
    path: Path,
    *,
    occurrences: DateRange | None = None,
    local_zone: dt.tzinfo | None = None,
) -> CalendarRead:
    """A calendar file's events; InvalidInput naming the file when it cannot be used."""
    return read_calendar(
        read_user_file(path), str(path), occurrences=occurrences, local_zone=local_zone
    )


def read_calendar(
    data: bytes,
    source: str,
    *,
    occurrences: DateRange | None = None,
    local_zone: dt.tzinfo | None = None,
) -> CalendarRead:
    """The events of iCalendar ``data``; ``source`` names it in messages.

    ``occurrences``: the days to import recurring events' occurrences for (none
    given: a calendar with recurring events is refused with RecurrenceRangeNeeded).
    ``local_zone``: where UTC times land without an X-WR-TIMEZONE (default: the
    computer's own time zone).
    """
    from recap.interchange.ics_recurrence import expand_series

    read = CalendarRead(events=[])
    index = 0
    for calendar in parse_calendars(data, source):
        reader = EventReader(source, calendar_zone(calendar, source, read.warnings), local_zone)
        series: list[tuple[Component, Sentence]] = []
        recurring_uids = {
            str(vevent.get("UID"))
            for vevent in calendar.subcomponents
            if vevent.name == "VEVENT"
            and "UID" in vevent
            and ("RRULE" in vevent or "RDATE" in vevent)
        }
        for vevent in (part for part in calendar.subcomponents if part.name == "VEVENT"):
            index += 1
            where = vevent_label(source, index, vevent)
            if any(part.name == "VEVENT" for part in vevent.subcomponents):
                fail(where, QT_TRANSLATE_NOOP("RecapError", "it holds another VEVENT inside it."))
            reader.start_of(vevent, where)  # every VEVENT needs a start, recurring or not
            recurs = "RRULE" in vevent or "RDATE" in vevent
            moved = "RECURRENCE-ID" in vevent and str(vevent.get("UID")) in recurring_uids
            if recurs or moved:
                series.append((vevent, where))
                continue
            event = reader.event(vevent, where, read.warnings)
            if event is not None:
                read.events.append(event)
        if series:
            if occurrences is None:
                master = next(where for vevent, where in series if "RECURRENCE-ID" not in vevent)
                raise RecurrenceRangeNeeded(
                    QT_TRANSLATE_NOOP(
                        "RecapError",
                        "{where} repeats; give a date range (--from and --to) "
                        "to import its occurrences.",
                    ),
                    where=master,
                )
            for occurrence, where in expand_series(calendar, series, occurrences, source):
                event = reader.event(occurrence, where, read.warnings)
                if event is not None and occurrences.first <= event.start_date <= occurrences.last:
                    read.events.append(event)
        if len(read.events) > MAX_EVENTS:
            raise too_many_events(source)
    if index == 0:
        read.warnings.append(
            Sentence(QT_TRANSLATE_NOOP("RecapError", "{source} holds no events."), source=source)
        )
    return read


def parse_calendars(data: bytes, source: str) -> list[Calendar]:
    """The VCALENDARs in ``data`` (a file may hold several, one after the other)."""
    if len(data) > MAX_CALENDAR_BYTES:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source} is larger than {limit} MB, too large for a calendar."
            ),
            source=source,
            limit=MAX_CALENDAR_BYTES // (1024 * 1024),
        )
    # Unfolded as bytes: a simple writer may fold a line inside a multi-byte character
    # (RFC 5545, 3.1), which only decodes once the two halves are together again.
    data = FOLD.sub(b"", data)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source}: the file is not UTF-8 text (byte {byte} cannot be read)."
            ),
            source=source,
            byte=error.start,
        ) from None
    if not text.lstrip().upper().startswith("BEGIN:VCALENDAR"):
        raise not_a_calendar(source)
    if text.upper().count("BEGIN:VEVENT") > MAX_EVENTS:  # said before a long parse, not after
        raise too_many_events(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # guesses about time zones: only the days matter
            components = Calendar.from_ical(text, multiple=True)
    except PARSER_ERRORS as error:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source} is not an iCalendar file Recap can read: {reason}"
            ),
            source=source,
            reason=short_reason(error),
        ) from None
    if not components:  # it began like one, but no calendar ended
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source} ends before its calendar does: the file is cut short."
            ),
            source=source,
        )
    if any(part.name != "VCALENDAR" for part in components):
        raise not_a_calendar(source)
    return components


def too_many_events(source: str) -> InvalidDocument:
    return InvalidDocument(
        QT_TRANSLATE_NOOP(
            "RecapError", "{source} holds more than {limit} events; Recap imports fewer."
        ),
        source=source,
        limit=MAX_EVENTS,
    )


def not_a_calendar(source: str) -> InvalidDocument:
    return InvalidDocument(
        QT_TRANSLATE_NOOP(
            "RecapError", "{source} is not an iCalendar file (one starts with BEGIN:VCALENDAR)."
        ),
        source=source,
    )
