"""Calendar files: real-shaped exports read into events, events written back out.

The files in tests/data/ics/ are written by hand after RFC 5545 in the shapes
Google Calendar (X-WR-TIMEZONE, UTC times, CRLF), Meetup (TZID=Asia/Seoul, URL,
folded lines — one inside a Hangul syllable —, escaped commas and semicolons) and
Outlook (Windows time-zone names, CRLF, X-MICROSOFT properties, VALARM) export.
"""

import datetime as dt
import os
import re
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recap.domain.records import EventRecord
from recap.domain.validate import clean_event
from recap.errors import InvalidDocument, InvalidInput
from recap.interchange.ics import (
    MAX_CALENDAR_BYTES,
    DateRange,
    RecurrenceRangeNeeded,
    read_calendar,
    read_calendar_file,
)
from recap.interchange.ics_export import event_uid, events_to_ics
from recap.storage.library import Library
from tests.conftest import DATA_DIR

ICS = DATA_DIR / "ics"
SEOUL = ZoneInfo("Asia/Seoul")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
YEAR_2024 = DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
D = dt.date


def days(events: list[EventRecord]) -> list[tuple[str, dt.date, dt.date | None]]:
    return [(event.title, event.start_date, event.end_date) for event in events]


def calendar(*lines: str, header: tuple[str, ...] = ()) -> bytes:
    """A VCALENDAR around ``lines`` (CRLF, as the RFC writes it)."""
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *header, *lines]
    return ("\r\n".join([*body, "END:VCALENDAR"]) + "\r\n").encode("utf-8")


def vevent(*lines: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", *lines, "END:VEVENT")


# -- Google Calendar -----------------------------------------------------------------


def test_google_calendar_utc_times_are_read_in_its_x_wr_timezone() -> None:
    read = read_calendar_file(
        ICS / "google-calendar.ics", occurrences=YEAR_2024, local_zone=LOS_ANGELES
    )
    assert days(read.events) == [
        # 2024-04-12 23:00 UTC is 08:00 on the 13th in Seoul (the calendar's zone)
        ("Build With AI in Songdo", D(2024, 4, 13), None),
        # 15:00 UTC on the 15th is midnight starting the 16th in Seoul
        ("자정 라이트닝 토크", D(2024, 6, 16), None),
        ("PyCon KR CFP 마감", D(2024, 5, 1), None),  # all day: DTEND is the next day
        ("DEVIEW 2024", D(2024, 8, 27), D(2024, 8, 29)),  # DTEND 30th, exclusive
        # weekly on Tuesdays, six times, the 17th left out (EXDATE) and 1 Oct moved
        ("LLM 논문 스터디", D(2024, 9, 3), None),
        ("LLM 논문 스터디", D(2024, 9, 10), None),
        ("LLM 논문 스터디", D(2024, 9, 24), None),
        ("LLM 논문 스터디 (수요일)", D(2024, 10, 2), None),
        ("LLM 논문 스터디", D(2024, 10, 8), None),
    ]
    first = read.events[0]
    assert first.venue == "인천 글로벌캠퍼스, 송도문화로 119, 인천"
    # the folded DESCRIPTION line is one URL again
    assert first.summary is not None
    assert "https://gdg.community.dev/events/details/build-with-ai-songdo/" in first.summary
    midnight = read.events[1]
    assert (midnight.venue, midnight.summary) == (None, None)  # "LOCATION:" is nothing


def test_a_cancelled_event_is_skipped_with_a_warning() -> None:
    read = read_calendar_file(ICS / "google-calendar.ics", occurrences=YEAR_2024)
    assert "취소된 해커톤" not in [event.title for event in read.events]
    assert [str(warning) for warning in read.warnings] == [
        f"{ICS / 'google-calendar.ics'}, VEVENT 7 (UID cancelled-hackathon@google.com) "
        "is cancelled; skipped."
    ]


def test_recurring_events_without_a_range_are_refused_with_a_sentence() -> None:
    with pytest.raises(RecurrenceRangeNeeded) as refused:
        read_calendar_file(ICS / "google-calendar.ics")
    message = str(refused.value)
    assert "VEVENT 5 (UID weekly-llm-study@google.com) repeats" in message
    assert "give a date range (--from and --to)" in message


def test_only_the_occurrences_inside_the_range_are_imported() -> None:
    september = DateRange(D(2024, 9, 4), D(2024, 9, 30))
    read = read_calendar_file(ICS / "google-calendar.ics", occurrences=september)
    study = [event.start_date for event in read.events if "스터디" in event.title]
    assert study == [D(2024, 9, 10), D(2024, 9, 24)]
    # single events are imported whatever the range
    assert "DEVIEW 2024" in [event.title for event in read.events]


# -- Meetup --------------------------------------------------------------------------


def test_meetup_events_keep_their_own_time_zone_text_and_categories() -> None:
    # 08:00 in Seoul is still the 12th in UTC and in Los Angeles: the TZID decides.
    read = read_calendar_file(ICS / "meetup.ics", local_zone=LOS_ANGELES)
    assert read.warnings == []
    assert days(read.events) == [
        ("Build With AI in Songdo, 2024 — 송도에서 만나요", D(2024, 4, 13), None),
        ("FastAPI 밋업 — 비동기의 함정", D(2024, 5, 25), None),  # ends at midnight
        ("송도 해커톤", D(2024, 6, 8), D(2024, 6, 9)),  # DURATION:P1DT8H
    ]
    songdo = read.events[0]
    assert songdo.venue == "인천 글로벌캠퍼스 (송도문화로 119, 연수구, 인천)"
    assert songdo.url == "https://www.meetup.com/gdg-songdo/events/299731245/"
    assert songdo.tags == ["AI", "Gemini, Gemma", "구글", "송도"]  # \, stays in one tag
    assert songdo.summary == (
        "GDG Songdo\nBuild With AI in Songdo\n\n구글의 Gemini와 Gemma를 직접 써 보는 하루예요. "
        "오전에는 키노트, 오후에는 코드랩; 점심은 제공됩니다.\n\nAgenda: 09:00 registration; "
        "10:00 keynote, 13:00 codelab, 17:00 networking\n\n참가비: 무료 (선착순 120명)"
    )


def test_a_line_folded_inside_a_hangul_syllable_is_joined_back() -> None:
    data = (ICS / "meetup.ics").read_bytes()
    assert "참가비".encode()[:4] + b"\n " in data  # the file really splits a character
    assert "참가비" in (read_calendar(data, "meetup.ics").events[0].summary or "")


# -- Outlook -------------------------------------------------------------------------


def test_outlook_windows_time_zones_and_all_day_events() -> None:
    data = (ICS / "outlook.ics").read_bytes()
    assert b"\r\n" in data and b"X-MICROSOFT-CDO-BUSYSTATUS" in data
    read = read_calendar(data, "outlook.ics", local_zone=SEOUL)
    assert days(read.events) == [
        ("AWS Community Day Korea 2024", D(2024, 11, 9), None),
        # 18:00 in "Pacific Standard Time" is already the 13th in Seoul: its own day counts
        ("Bay Area Python Meetup", D(2024, 11, 12), None),
        ("JSConf Korea 발표 자료 제출", D(2024, 12, 1), None),
        ("if(kakao) 2024", D(2024, 11, 21), D(2024, 11, 22)),
    ]
    assert read.events[0].summary == (
        "AWS 사용자 모임이 여는 커뮤니티 데이예요.\n\n트랙: 서버리스, 데이터, 생성형 AI\n"
    )
    assert read.events[1].summary is None  # "DESCRIPTION:\n" is nothing


# -- time zones and dates ------------------------------------------------------------

UTC_EVENT = vevent("UID:u1", "SUMMARY:Late call", "DTSTART:20240412T230000Z")


@pytest.mark.parametrize(
    ("zone", "day"),
    [("Asia/Seoul", D(2024, 4, 13)), ("UTC", D(2024, 4, 12)), ("America/New_York", D(2024, 4, 12))],
)
def test_utc_times_without_x_wr_timezone_land_in_the_given_local_zone(
    zone: str, day: dt.date
) -> None:
    read = read_calendar(calendar(*UTC_EVENT), "c.ics", local_zone=ZoneInfo(zone))
    assert read.events[0].start_date == day


@pytest.fixture
def computer_in_seoul() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Seoul"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.usefixtures("computer_in_seoul")
def test_without_a_zone_utc_times_land_in_the_computers_own_zone() -> None:
    assert read_calendar(calendar(*UTC_EVENT), "c.ics").events[0].start_date == D(2024, 4, 13)


def test_an_unknown_x_wr_timezone_falls_back_to_the_local_zone_with_a_warning() -> None:
    data = calendar(*UTC_EVENT, header=("X-WR-TIMEZONE:Mars/Olympus_Mons",))
    read = read_calendar(data, "c.ics", local_zone=SEOUL)
    assert read.events[0].start_date == D(2024, 4, 13)
    assert "X-WR-TIMEZONE Mars/Olympus_Mons is not a time zone" in str(read.warnings[0])


@pytest.mark.parametrize(
    ("lines", "start", "end"),
    [
        (("DTSTART:20240413T233000",), D(2024, 4, 13), None),  # floating: as written
        (("DTSTART;TZID=Nowhere/Land:20240413T233000",), D(2024, 4, 13), None),
        (("DTSTART:20240413T090000", "DTEND:20240415T180000"), D(2024, 4, 13), D(2024, 4, 15)),
        (("DTSTART;VALUE=DATE:20240413",), D(2024, 4, 13), None),  # no end: one day
        (("DTSTART;VALUE=DATE:20240413", "DTEND;VALUE=DATE:20240413"), D(2024, 4, 13), None),
        (("DTSTART;VALUE=DATE:20240413", "DURATION:P3D"), D(2024, 4, 13), D(2024, 4, 15)),
        (("DTSTART;VALUE=DATE:20240413", "DURATION:PT4H"), D(2024, 4, 13), None),
        (("DTSTART:20240413T220000", "DURATION:PT4H"), D(2024, 4, 13), D(2024, 4, 14)),
        (("DTSTART:20240413T220000", "DTEND:20240414T000000"), D(2024, 4, 13), None),
        # one calendar, two zones: the end counted in the start's zone
        (
            ("DTSTART;TZID=Asia/Seoul:20240413T100000", "DTEND:20240413T100000Z"),
            D(2024, 4, 13),
            None,
        ),
    ],
)
def test_dates_of_one_vevent(lines: tuple[str, ...], start: dt.date, end: dt.date | None) -> None:
    read = read_calendar(calendar(*vevent("SUMMARY:t", *lines)), "c.ics", local_zone=LOS_ANGELES)
    assert days(read.events) == [("t", start, end)]


def test_a_vevent_without_summary_is_skipped_and_named() -> None:
    data = calendar(
        *vevent("UID:no-title@x", "DTSTART:20240413T100000"),
        *vevent("SUMMARY:  ", "DTSTART:20240414T100000"),
        *vevent("SUMMARY:Kept", "DTSTART:20240415T100000"),
    )
    read = read_calendar(data, "c.ics")
    assert [event.title for event in read.events] == ["Kept"]
    assert [str(warning) for warning in read.warnings] == [
        "c.ics, VEVENT 1 (UID no-title@x) has no title (SUMMARY); skipped.",
        "c.ics, VEVENT 2 (starting 20240414T100000) has no title (SUMMARY); skipped.",
    ]


def test_texts_are_nfc_and_titles_checked_by_the_domain_rules() -> None:
    decomposed = unicodedata.normalize("NFD", "송도 밋업")
    read = read_calendar(calendar(*vevent(f"SUMMARY:{decomposed}", "DTSTART:20240413")), "c.ics")
    assert read.events[0].title == "송도 밋업"
    too_long = calendar(*vevent("UID:long@x", "SUMMARY:" + "가" * 301, "DTSTART:20240413"))
    with pytest.raises(
        InvalidDocument, match=r"^c\.ics, VEVENT 1 \(UID long@x\): The title is 301"
    ):
        read_calendar(too_long, "c.ics")


BROKEN_VEVENTS = {
    "no DTSTART": (vevent("UID:a@x", "SUMMARY:t"), "VEVENT 1 (UID a@x): it has no start"),
    "bad DTSTART": (
        vevent("UID:a@x", "SUMMARY:t", "DTSTART:20241345T250000"),
        "its start (DTSTART) '20241345T250000' is not a date",
    ),
    "bad DTEND": (
        vevent("SUMMARY:t", "DTSTART:20240413T100000", "DTEND;VALUE=DATE:tomorrow"),
        "VEVENT 1 (starting 20240413T100000): its end (DTEND) 'tomorrow' is not a date",
    ),
    "bad DURATION": (
        vevent("SUMMARY:t", "DTSTART:20240413", "DURATION:three days"),
        "its DURATION 'three days' is not a duration",
    ),
    "ends before it starts": (
        vevent("SUMMARY:t", "DTSTART;VALUE=DATE:20240413", "DTEND;VALUE=DATE:20240410"),
        "The end date 2024-04-10 is before the start date 2024-04-13",
    ),
    "past the last day": (
        vevent("SUMMARY:t", "DTSTART;VALUE=DATE:99991231", "DURATION:P5D"),
        "its dates are out of range",
    ),
    "nested VEVENT": (
        ("BEGIN:VEVENT", "SUMMARY:t", "DTSTART:20240413", *vevent("SUMMARY:u"), "END:VEVENT"),
        "it holds another VEVENT inside it",
    ),
    "a second VEVENT lacks DTSTART": (
        (*vevent("SUMMARY:ok", "DTSTART:20240413"), *vevent("UID:b@x", "SUMMARY:t")),
        "VEVENT 2 (UID b@x): it has no start",
    ),
}


@pytest.mark.parametrize(
    ("lines", "said"), BROKEN_VEVENTS.values(), ids=list(BROKEN_VEVENTS.keys())
)
def test_a_broken_vevent_refuses_the_file_naming_it(lines: tuple[str, ...], said: str) -> None:
    with pytest.raises(InvalidDocument) as refused:
        read_calendar(calendar(*lines), "c.ics")
    assert str(refused.value).startswith("c.ics")
    assert said in str(refused.value)


NOT_CALENDARS = {
    "empty": (b"", "is not an iCalendar file"),
    "text": (b"hello, world\n", "is not an iCalendar file"),
    "json": (b'{"format": "recap", "version": 1, "events": []}', "is not an iCalendar file"),
    "binary": (bytes(range(256)) * 4, "is not UTF-8 text (byte 128"),
    "latin-1": (b"BEGIN:VCALENDAR\r\nX-NAME:caf\xe9\r\nEND:VCALENDAR\r\n", "not UTF-8 text"),
    "truncated": (calendar(*vevent("SUMMARY:t", "DTSTART:20240413"))[:-40], "is cut short"),
    "bare VEVENT": (b"BEGIN:VEVENT\r\nSUMMARY:t\r\nEND:VEVENT\r\n", "is not an iCalendar"),
    "VCALENDAR then junk": (calendar() + b"BEGIN:VTODO\r\nEND:VTODO\r\n", "is not an iCalendar"),
    "deeply nested": (
        b"BEGIN:VCALENDAR\r\n" + b"BEGIN:X-A\r\n" * 50_000 + b"END:X-A\r\n" * 50_000,
        "is cut short",
    ),
    "huge": (calendar() + b" " * MAX_CALENDAR_BYTES, "is larger than 20 MB"),
}


@pytest.mark.parametrize(("data", "said"), NOT_CALENDARS.values(), ids=list(NOT_CALENDARS.keys()))
def test_a_file_that_is_not_a_calendar_gets_one_sentence(data: bytes, said: str) -> None:
    with pytest.raises(InvalidDocument) as refused:
        read_calendar(data, "events.ics")
    message = str(refused.value)
    assert message.startswith("events.ics") and said in message
    assert "\n" not in message and len(message) < 300


def test_more_events_than_an_import_takes_are_refused_before_parsing() -> None:
    data = calendar(*vevent("SUMMARY:t", "DTSTART:20240413") * 20_001)
    with pytest.raises(InvalidDocument, match=r"^big\.ics holds more than 20000 events"):
        read_calendar(data, "big.ics")


def test_deeply_nested_vevents_are_refused_not_a_crash() -> None:
    depth = 20_000
    data = (
        b"BEGIN:VCALENDAR\r\n"
        + b"BEGIN:VEVENT\r\nSUMMARY:t\r\nDTSTART:20240413\r\n" * depth
        + b"END:VEVENT\r\n" * depth
        + b"END:VCALENDAR\r\n"
    )
    with pytest.raises(InvalidDocument, match="holds another VEVENT inside it"):
        read_calendar(data, "nested.ics")


def test_several_calendars_in_one_file_are_all_read() -> None:
    data = calendar(*vevent("SUMMARY:one", "DTSTART:20240413")) + calendar(
        *vevent("SUMMARY:two", "DTSTART:20240414")
    )
    assert [event.title for event in read_calendar(data, "c.ics").events] == ["one", "two"]


def test_a_calendar_without_events_says_so() -> None:
    read = read_calendar(calendar(), "empty.ics")
    assert read.events == []
    assert [str(warning) for warning in read.warnings] == ["empty.ics holds no events."]


# -- recurring events ------------------------------------------------------------------


def weekly(*rule: str, start: str = "DTSTART;TZID=Asia/Seoul:20240903T193000") -> bytes:
    return calendar(*vevent("UID:r@x", "SUMMARY:Study", start, *rule))


def test_rdate_occurrences_are_imported_like_rule_ones() -> None:
    data = weekly("RDATE;VALUE=DATE:20240910,20240920", start="DTSTART;VALUE=DATE:20240903")
    read = read_calendar(data, "c.ics", occurrences=YEAR_2024)
    assert [event.start_date for event in read.events] == [
        D(2024, 9, 3),
        D(2024, 9, 10),
        D(2024, 9, 20),
    ]


def test_an_endless_weekly_rule_imports_the_range_only() -> None:
    read = read_calendar(
        weekly("RRULE:FREQ=WEEKLY;BYDAY=TU"),
        "c.ics",
        occurrences=DateRange(D(2025, 1, 1), D(2025, 1, 31)),
    )
    assert [event.start_date for event in read.events] == [
        D(2025, 1, 7),
        D(2025, 1, 14),
        D(2025, 1, 21),
        D(2025, 1, 28),
    ]


HOSTILE_RULES = {
    "hourly": (("RRULE:FREQ=HOURLY",), "repeats more often than once a day"),
    "every second": (("RRULE:FREQ=SECONDLY",), "repeats more often than once a day"),
    "daily, many hours": (("RRULE:FREQ=DAILY;BYHOUR=9,10,11",), "more often than once a day"),
    "unreadable": (("RRULE:FREQ=FORTNIGHTLY",), "its rule (RRULE) 'FREQ=FORTNIGHTLY' cannot"),
    "daily for a century": (("RRULE:FREQ=DAILY",), "happen more than 20000 times"),
}


@pytest.mark.parametrize(("rule", "said"), HOSTILE_RULES.values(), ids=list(HOSTILE_RULES.keys()))
def test_rules_that_would_run_for_hours_are_refused(rule: tuple[str, ...], said: str) -> None:
    century = DateRange(D(2000, 1, 1), D(2099, 12, 31))
    with pytest.raises(InvalidDocument, match=re.escape(said)):
        read_calendar(weekly(*rule), "c.ics", occurrences=century)


def test_many_series_walking_from_year_one_are_refused_before_expanding() -> None:
    series = [
        line
        for number in range(5)
        for line in vevent(
            f"UID:old-{number}@x", "SUMMARY:Old", "DTSTART:00010101T100000", "RRULE:FREQ=DAILY"
        )
    ]
    with pytest.raises(InvalidDocument, match="repeat too often since they began"):
        read_calendar(calendar(*series), "c.ics", occurrences=YEAR_2024)


# -- writing -----------------------------------------------------------------------------

EVENTS = [
    EventRecord(
        title="Build With AI in Songdo, 2024; 송도",
        start_date=D(2024, 4, 13),
        venue="인천 글로벌캠퍼스 (송도문화로 119, 인천)",
        url="https://www.meetup.com/gdg-songdo/events/299731245/",
        summary="# 요약\n\n- Gemini, Gemma; 코드랩\n- \\ 백슬래시",
        tags=["AI", "Gemini, Gemma", "한국어"],
    ),
    EventRecord(title="DEVIEW 2024", start_date=D(2024, 8, 27), end_date=D(2024, 8, 29)),
]
STAMP = dt.datetime(2024, 10, 1, 12, 0, tzinfo=dt.UTC)


def test_events_are_written_as_one_calendar_of_all_day_vevents() -> None:
    data = events_to_ics(EVENTS, stamp=STAMP)
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR" and data.endswith(b"END:VCALENDAR\r\n")
    assert b"PRODID:-//Recap//Recap event library//EN\r\n" in data
    assert b"VERSION:2.0\r\n" in data
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    parsed = icalendar.Calendar.from_ical(data)
    one, multi = parsed.walk("VEVENT")
    assert (one["DTSTART"].to_ical(), one["DTSTART"].params["VALUE"]) == (b"20240413", "DATE")
    assert one["DTEND"].to_ical() == b"20240414"  # the next day: a one-day event
    assert multi["DTEND"].to_ical() == b"20240830"  # the day after the last, exclusive
    assert str(one["UID"]) == event_uid(EVENTS[0]) and one["DTSTAMP"].dt == STAMP
    assert [str(tag) for tag in one["CATEGORIES"].cats] == ["AI", "Gemini, Gemma", "한국어"]
    assert b"CATEGORIES:AI,Gemini\\, Gemma,\xed\x95\x9c" in data


def test_uids_are_the_same_on_every_export_and_differ_between_events() -> None:
    first = icalendar.Calendar.from_ical(events_to_ics(EVENTS, stamp=STAMP))
    again = icalendar.Calendar.from_ical(events_to_ics(list(reversed(EVENTS))))
    uids = [str(event["UID"]) for event in first.walk("VEVENT")]
    assert len(set(uids)) == 2
    assert sorted(uids) == sorted(str(event["UID"]) for event in again.walk("VEVENT"))


def test_a_line_break_typed_into_the_url_does_not_stop_the_export() -> None:
    data = events_to_ics([EventRecord(title="T", start_date=D(2024, 4, 13), url="a\nb")])
    assert read_calendar(data, "c.ics").events[0].url == "a b"


def test_an_event_on_the_last_day_a_calendar_holds_is_refused() -> None:
    with pytest.raises(InvalidInput, match="later than a calendar file can hold"):
        events_to_ics([EventRecord(title="Far", start_date=dt.date.max)])


def round_trip_fields(event: EventRecord) -> tuple[object, ...]:
    return (
        event.title,
        event.start_date,
        event.end_date if event.end_date != event.start_date else None,
        event.venue,
        event.url,
        event.summary,
        event.tags,
    )


def test_import_of_export_gives_the_same_events() -> None:
    read = read_calendar(events_to_ics(EVENTS), "export.ics")
    assert read.warnings == []
    assert [round_trip_fields(event) for event in read.events] == [
        round_trip_fields(clean_event(event)) for event in EVENTS
    ]


# Text as people type it, with the characters iCalendar escapes; no control characters,
# and no U+FEFF: icalendar drops one that starts a value, as a stray byte order mark.
text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from(",;\\:\"'\t가\u1100"),
    min_size=1,
    max_size=40,
).filter(lambda value: value.strip() != "")
# A URL has no spaces or backslashes; Korean, commas and semicolons are fine in one.
urls = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="\\\ufeff"
    ),
    min_size=1,
    max_size=40,
).map(lambda path: f"https://example.org/{path}")
multi_line = st.lists(text, min_size=1, max_size=3).map("\n".join)
start_days = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 1))


@st.composite
def events(draw: st.DrawFn) -> EventRecord:
    start = draw(start_days)
    length = draw(st.integers(0, 20))
    return EventRecord(
        title=draw(text.filter(lambda value: len(value.strip()) <= 300)),
        start_date=start,
        end_date=start + dt.timedelta(days=length) if length else None,
        venue=draw(st.none() | text),
        url=draw(st.none() | urls),
        summary=draw(st.none() | multi_line),
        tags=draw(st.lists(text, max_size=4)),
    )


@settings(max_examples=150, deadline=None, database=None)
@given(st.lists(events(), max_size=4))
# icalendar before 7.2 lost a value that starts with a colon (the lower bound's reason)
@example([EventRecord(title=":", start_date=D(2024, 4, 13), tags=[":", ":a"], venue=":")])
def test_any_events_survive_the_round_trip(records: list[EventRecord]) -> None:
    read = read_calendar(events_to_ics(records), "export.ics")
    assert [round_trip_fields(event) for event in read.events] == [
        round_trip_fields(clean_event(event)) for event in records
    ]


# -- into the library ------------------------------------------------------------------


def test_importing_again_adds_nothing(library: Library) -> None:
    for name in ("google-calendar.ics", "meetup.ics", "outlook.ics"):
        read = read_calendar_file(ICS / name, occurrences=YEAR_2024)
        first = library.load_records(read.events)
        again = library.load_records(read_calendar_file(ICS / name, occurrences=YEAR_2024).events)
        assert (first.added, first.skipped) == (len(read.events), 0)
        assert (again.added, again.skipped) == (0, len(read.events))
    assert library.event_count() == 9 + 3 + 4
    # and the export of the library reads back to the same events: nothing added
    exported = events_to_ics(library.events())
    assert library.load_records(read_calendar(exported, "export.ics").events).added == 0


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(events(), min_size=1, max_size=3))
def test_exported_library_events_import_back_as_already_there(
    library: Library, records: list[EventRecord]
) -> None:
    library.load_records(records)
    stored = list(library.events())
    result = library.load_records(read_calendar(events_to_ics(stored), "export.ics").events)
    assert result.added == 0


def test_reading_names_the_file_the_user_gave(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="There is no file"):
        read_calendar_file(tmp_path / "missing.ics")
