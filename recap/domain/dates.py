"""Dates as users type them and as posts print them, in Korean and English."""

import datetime as dt

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

KOREAN_WEEKDAYS = "월화수목금토일"
# Spelled out because strftime follows the process locale, which Qt changes.
ENGLISH_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def parse_date(text: str, *, field: str = "date") -> dt.date:
    """Parse a strict ``YYYY-MM-DD`` date; anything else is the user's mistake."""
    value = text.strip()
    if len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise InvalidInput(f"The {field} {text!r} is not a date of the form YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"The {field} {text!r} is not a real calendar date.") from None


def parse_time(text: str, *, field: object = "time") -> dt.time:
    """Parse a strict 24-hour ``HH:MM`` time of day."""
    value = text.strip()
    hours, colon, minutes = value.partition(":")
    if not (colon and len(hours) == 2 and len(minutes) == 2 and (hours + minutes).isascii()):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "The {field} {text!r} is not a time of the form HH:MM."
            ),
            field=field,
            text=text,
        )
    try:
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The {field} {text!r} is not a time of day."),
            field=field,
            text=text,
        ) from None


def format_time(value: dt.time) -> str:
    """``13:05``: hours and minutes, as a talk's start is noted."""
    return f"{value.hour:02d}:{value.minute:02d}"


def check_date_range(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The end date {end} is before the start date {start}."),
            end=end.isoformat(),
            start=start.isoformat(),
        )


def format_date(day: dt.date, language: str) -> str:
    """``2024년 04월 13일 (토)`` in Korean, ``Sat, 13 Apr 2024`` in English."""
    if language == "ko":
        return f"{day.year}년 {day.month:02d}월 {day.day:02d}일 ({KOREAN_WEEKDAYS[day.weekday()]})"
    weekday = ENGLISH_WEEKDAYS[day.weekday()]
    return f"{weekday}, {day.day:02d} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: dt.date, end: dt.date | None, language: str) -> str:
    if end is None or end == start:
        return format_date(start, language)
    separator = " ~ " if language == "ko" else " – "
    return format_date(start, language) + separator + format_date(end, language)


def format_day_span(start: dt.date, end: dt.date | None, language: str) -> str:
    """For a narrow list column: the start in full and a later end without the parts
    it shares with the start (``2024년 04월 13일 (토) ~ 14일 (일)``)."""
    if end is None or end == start:
        return format_date(start, language)
    if end.year != start.year:
        return format_date_range(start, end, language)
    if language == "ko":
        weekday = KOREAN_WEEKDAYS[end.weekday()]
        month = "" if end.month == start.month else f"{end.month:02d}월 "
        return f"{format_date(start, language)} ~ {month}{end.day:02d}일 ({weekday})"
    weekday = ENGLISH_WEEKDAYS[end.weekday()]
    month = "" if end.month == start.month else f" {ENGLISH_MONTHS[end.month - 1]}"
    return f"{format_date(start, language)} – {weekday} {end.day:02d}{month}"
