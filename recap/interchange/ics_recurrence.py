"""Recurring VEVENTs (RRULE, RDATE, moved occurrences) expanded in a range of days.

The expansion is the ``recurring_ical_events`` library's. It walks every rule from
the event's first day, so a rule that repeats every second since 1900 would run
for hours: before expanding, each rule's walk and its occurrences in the range are
estimated, and a calendar over the limits is refused with a sentence. Events repeat
daily at most (a study group, a conference day), so hourly and finer rules are
refused too.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Iterator
from typing import Any, Final

import recurring_ical_events
from icalendar import Calendar, Component, vRecur

from recap.errors import QT_TRANSLATE_NOOP, InvalidDocument, Sentence
from recap.interchange.ics import MAX_EVENTS, DateRange
from recap.interchange.ics_event import (
    ONE_DAY,
    PARSER_ERRORS,
    fail,
    raw_text,
    short_reason,
    time_value,
)

# The longest a period of each frequency can be, in days.
PERIOD_DAYS: Final = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
# The BY parts that pick several days inside one period.
DAY_PARTS: Final = ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY")
# Candidate days the expansion may walk through, summed over the rules (a few seconds).
MAX_STEPS: Final = 3_000_000

Series = list[tuple[Component, Sentence]]


def expand_series(
    calendar: Component, series: Series, days: DateRange, source: str
) -> Iterator[tuple[Component, Sentence]]:
    """Each occurrence of the recurring VEVENTs in ``series`` that may fall in ``days``
    (the caller keeps those whose day, in the event's zone, does), with the label of
    its VEVENT."""
    check_cost(series, days, source)
    expandable = Calendar()
    for part in calendar.subcomponents:
        if part.name == "VTIMEZONE":
            expandable.add_component(part)
    labels: dict[str, Sentence] = {}
    for number, (vevent, where) in enumerate(series):
        if "UID" not in vevent:  # the expansion groups a series by its UID
            vevent["UID"] = f"recap-series-{number}"
        labels.setdefault(str(vevent["UID"]), where)
        expandable.add_component(vevent)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            query = recurring_ical_events.of(expandable)
            found = query.between(
                dt.datetime.combine(days.first - 2 * ONE_DAY, dt.time()),
                dt.datetime.combine(days.last + 2 * ONE_DAY, dt.time()),
            )
    except PARSER_ERRORS as error:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source}: its recurring events cannot be worked out: {reason}"
            ),
            source=source,
            reason=short_reason(error),
        ) from None
    for occurrence in found:
        uid = str(occurrence.get("UID"))
        yield occurrence, labels.get(uid, series[0][1])


def check_cost(series: Series, days: DateRange, source: str) -> None:
    steps = 0
    expected = 0
    for vevent, where in series:
        if "RECURRENCE-ID" in vevent:
            expected += 1
            continue
        first_day = as_day(time_value(vevent, "DTSTART"))
        for rule in rules(vevent, where):
            rule_steps, rule_expected = rule_cost(rule, first_day, days, where)
            steps += rule_steps
            expected += rule_expected
        extra = vevent.get("RDATE")
        for line in extra if isinstance(extra, list) else [extra]:
            expected += len(getattr(line, "dts", ()))
    if steps > MAX_STEPS:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{source}: its recurring events repeat too often since they began "
                "to work out their occurrences.",
            ),
            source=source,
        )
    if expected > MAX_EVENTS:
        raise InvalidDocument(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{source}: its recurring events happen more than {limit} times "
                "from {first} to {last}; choose a shorter range.",
            ),
            source=source,
            limit=MAX_EVENTS,
            first=days.first.isoformat(),
            last=days.last.isoformat(),
        )


def rules(vevent: Component, where: Sentence) -> list[vRecur]:
    value = vevent.get("RRULE")
    found = [] if value is None else value if isinstance(value, list) else [value]
    for rule in found:
        if not isinstance(rule, vRecur):  # icalendar keeps an unreadable rule as text
            fail(
                where,
                QT_TRANSLATE_NOOP("RecapError", "its rule (RRULE) {value} cannot be read."),
                value=raw_text(vevent, "RRULE"),
            )
    return found


def rule_cost(
    rule: vRecur, first_day: dt.date, days: DateRange, where: Sentence
) -> tuple[int, int]:
    """How many candidate days expanding ``rule`` walks, and at most how many of its
    occurrences fall in ``days``."""
    frequency = str(first_of(rule, "FREQ", "")).upper()
    if frequency not in PERIOD_DAYS or any(
        len(rule.get(part, ())) > 1 for part in ("BYHOUR", "BYMINUTE", "BYSECOND")
    ):
        fail(
            where,
            QT_TRANSLATE_NOOP(
                "RecapError",
                "it repeats more often than once a day; Recap imports events "
                "that repeat daily at most.",
            ),
        )
    interval = max(1, int(first_of(rule, "INTERVAL", 1)))
    until = first_of(rule, "UNTIL", None)
    last_day = days.last if until is None else min(days.last, as_day(until))
    period = PERIOD_DAYS[frequency]
    per_period = min(math.prod(len(rule.get(part, ())) or 1 for part in DAY_PARTS), period)
    walked = max(0, (last_day - first_day).days) // (period * interval) + 1
    in_range = max(0, (last_day - max(first_day, days.first)).days + 1)
    expected = (in_range // (period * interval) + 1) * per_period
    count = first_of(rule, "COUNT", None)
    if count is not None:
        expected = min(expected, int(count))
    return walked * per_period, expected


def first_of(rule: vRecur, part: str, default: Any) -> Any:
    values = rule.get(part)
    return values[0] if isinstance(values, list) and values else default


def as_day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    assert isinstance(value, dt.date)  # the caller checked DTSTART; UNTIL is typed
    return value
