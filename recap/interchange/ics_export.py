"""Events written as one iCalendar file: an all-day VEVENT per event.

Recap keeps days, not times, so every event is all-day: DTSTART;VALUE=DATE is its
first day and DTEND the day after its last (RFC 5545's exclusive end). The UID comes
from the title and the start date, the two things that identify an event on import,
so exporting again gives the same UIDs and a calendar app updates its copies
instead of doubling them. `recap.interchange.ics` reads the file back to the same
titles, days, venues, pages, summaries and tags.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Final

from icalendar import Calendar, Event, vText
from icalendar.prop import vCategory

from recap.domain.records import EventRecord
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

PRODUCT_ID: Final = "-//Recap//Recap event library//EN"
# Fixed once: UIDs are uuid5 names in it, so they stay the same from one export to the next.
UID_NAMESPACE: Final = uuid.UUID("6f0b6a52-58d4-4a0e-9d59-2b7d3c1e8a41")
ONE_DAY: Final = dt.timedelta(days=1)


def event_uid(event: EventRecord) -> str:
    name = f"{event.start_date.isoformat()}\n{event.title}"
    return f"{uuid.uuid5(UID_NAMESPACE, name)}@recap"


def events_to_ics(events: Iterable[EventRecord], *, stamp: dt.datetime | None = None) -> bytes:
    """One VCALENDAR holding ``events``; ``stamp`` (UTC, default now) is every DTSTAMP."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for event in events:
        calendar.add_component(vevent_of(event, stamp))
    data: bytes = calendar.to_ical()
    return data


def vevent_of(event: EventRecord, stamp: dt.datetime) -> Event:
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start_date)
    if event.last_date == dt.date.max:  # its exclusive end would be the year 10000
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{title} ends on {day}, later than a calendar file can hold.",
            ),
            title=event.title,
            day=event.last_date.isoformat(),
        )
    vevent.add("dtend", event.last_date + ONE_DAY)
    vevent.add("summary", ExactText(event.title))
    if event.venue:
        vevent.add("location", ExactText(event.venue))
    if event.url:
        # A URI holds no line break; one typed into the field must not stop the export.
        vevent.add("url", " ".join(event.url.splitlines()))
    if event.summary:
        vevent.add("description", ExactText(event.summary))
    if event.tags:
        categories = vCategory(list(event.tags))
        categories.cats = [ExactText(tag) for tag in event.tags]
        vevent["CATEGORIES"] = categories
    return vevent


class ExactText(vText):
    """TEXT escaped by RFC 5545 alone: icalendar's own escaping first reads a literal
    backslash-N (``C:\\New folder``) as a line break, and the text would not come back."""

    def to_ical(self) -> bytes:
        return escape_text(str(self)).encode("utf-8")


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")  # a lone carriage return would end the content line early
        .replace("\n", "\\n")
    )
