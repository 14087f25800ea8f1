"""Hostile calendar files: whatever bytes arrive, reading them gives events or one
InvalidInput sentence, never another exception; and an import that fails leaves the
library exactly as it was (nothing half-imported)."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from recap.errors import InvalidInput, RecapError
from recap.interchange.ics import DateRange, read_calendar
from recap.storage.library import Library
from tests.conftest import DATA_DIR

REAL_FILES = sorted((DATA_DIR / "ics").glob("*.ics"))
YEAR_2024 = DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31))

fuzz = settings(
    max_examples=200,
    database=None,  # no example database: it would leave a .hypothesis folder behind
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def read_or_refuse(data: bytes) -> str:
    """What became of ``data``: read (with how many events) or refused in one line."""
    try:
        read = read_calendar(data, "fuzz.ics", occurrences=YEAR_2024, local_zone=dt.UTC)
    except InvalidInput as error:
        assert "\n" not in str(error)
        return "refused"
    return f"read, {min(len(read.events), 3)}+ events"


@fuzz
@given(st.binary(max_size=600))
@example(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
@example(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101\r\n\x00\r\nEND:VEVENT\r\n")
def test_any_bytes_are_a_calendar_or_one_sentence(data: bytes) -> None:
    event(read_or_refuse(data))


# Content lines made of the parts a calendar is made of, in any order and nesting.
NAMES = ["BEGIN", "END", "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE",
         "RECURRENCE-ID", "SUMMARY", "UID", "CATEGORIES", "STATUS", "TZID", "X-WR-TIMEZONE",
         "TZOFFSETTO", "TZOFFSETFROM", "LOCATION", "URL"]  # fmt: skip
PARAMETERS = ["", ";VALUE=DATE", ";TZID=Asia/Seoul", ";TZID=Korea Standard Time",
              ";TZID=\"x\"", ";TZID=/a/b", ";VALUE=PERIOD", ";X=1;Y=2"]  # fmt: skip
VALUES = ["VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM", "20240413",
          "20240413T080000", "20240412T230000Z", "99991231", "00010101", "20241345",
          "P1D", "-P1D", "PT1H", "P99999999D", "FREQ=WEEKLY;BYDAY=TU", "FREQ=DAILY;COUNT=3",
          "FREQ=YEARLY;BYYEARDAY=1,100,366", "FREQ=MONTHLY;BYMONTHDAY=31;UNTIL=20241231",
          "FREQ=WEEKLY;INTERVAL=0", "CANCELLED", "+0900", "-2500", "송도\\, 밋업", "a\\;b",
          "Asia/Seoul", "Mars/Base", "", "\\", "20240413/P1D"]  # fmt: skip
content_lines = st.builds(
    lambda name, parameter, value: f"{name}{parameter}:{value}",
    st.sampled_from(NAMES),
    st.sampled_from(PARAMETERS),
    st.sampled_from(VALUES),
)


@fuzz
@given(st.lists(content_lines, max_size=30))
def test_calendar_shaped_lines_are_a_calendar_or_one_sentence(lines: list[str]) -> None:
    body = ["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]
    event(read_or_refuse(("\r\n".join(body) + "\r\n").encode("utf-8")))


Damage = tuple[str, int, int]
damages = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "cut"]),
        st.integers(0, 10**6),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=4,
)


def damaged(data: bytes, edits: list[Damage]) -> bytes:
    for kind, where, value in edits:
        position = where % max(len(data), 1)
        if kind == "flip":
            data = data[:position] + bytes([value]) + data[position + 1 :]
        elif kind == "delete":
            data = data[:position] + data[position + 1 + value % 20 :]
        elif kind == "insert":
            data = data[:position] + bytes([value]) + data[position:]
        else:
            data = data[:position]
    return data


@fuzz
@given(file=st.sampled_from(REAL_FILES), edits=damages)
def test_real_files_damaged_byte_by_byte_import_whole_or_not_at_all(
    library: Library, file: Path, edits: list[Damage]
) -> None:
    before = library.event_summaries()
    data = damaged(file.read_bytes(), edits)
    try:
        read = read_calendar(data, file.name, occurrences=YEAR_2024, local_zone=dt.UTC)
        result = library.load_records(read.events)
    except RecapError:
        event("refused")
        assert library.event_summaries() == before
        return
    event("imported")
    assert result.added + result.skipped == len(read.events)
    assert library.event_count() == len(before) + result.added


def test_the_real_files_fuzzed_above_are_there() -> None:
    assert [path.name for path in REAL_FILES] == [
        "google-calendar.ics",
        "meetup.ics",
        "outlook.ics",
    ]


@pytest.mark.parametrize("file", REAL_FILES, ids=[path.name for path in REAL_FILES])
def test_every_prefix_of_a_real_file_reads_or_is_refused(file: Path) -> None:
    data = file.read_bytes()
    outcomes = {read_or_refuse(data[:end]) for end in range(0, len(data), 97)}
    assert "refused" in outcomes
