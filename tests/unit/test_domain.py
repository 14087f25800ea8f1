"""Plain domain rules: tags, dates and titles (no database, no Qt)."""

import datetime as dt
import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap.domain.dates import (
    check_date_range,
    format_date,
    format_date_range,
    format_day_span,
    parse_date,
)
from recap.domain.tags import clean_tag, parse_tag_list, tag_key, unique_tags
from recap.domain.text import clean_title
from recap.errors import InvalidInput

# No example database: it would leave a .hypothesis folder in the working tree.
quick = settings(database=None, max_examples=200)

PYTHON_KO = "파이썬"
PYTHON_KO_NFD = unicodedata.normalize("NFD", PYTHON_KO)

# Letters whose case rules are simple (no Turkish dotless i, no ß), plus Hangul syllables.
simple_letters = st.sampled_from(string.ascii_letters) | st.characters(
    min_codepoint=0xAC00, max_codepoint=0xD7A3
)
simple_tag_text = st.text(alphabet=simple_letters | st.just(" "), min_size=1, max_size=20).filter(
    str.strip
)


def is_nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


# -- tags --------------------------------------------------------------------


def test_the_nfd_fixture_really_is_decomposed() -> None:
    assert PYTHON_KO_NFD != PYTHON_KO
    assert len(PYTHON_KO_NFD) > len(PYTHON_KO)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("LLM", "LLM"),
        ("  LLM  ", "LLM"),
        ("\tllm\n", "llm"),
        ("video   caching", "video caching"),
        (" AWS \t EC2 ", "AWS EC2"),
        ("\u3000파이썬\u3000", "파이썬"),
    ],
)
def test_clean_tag_trims_and_folds_inner_space(raw: str, clean: str) -> None:
    assert clean_tag(raw) == clean


def test_clean_tag_composes_decomposed_hangul() -> None:
    cleaned = clean_tag(PYTHON_KO_NFD)
    assert cleaned == PYTHON_KO
    assert len(cleaned) == 3


def test_clean_tag_keeps_the_spelling() -> None:
    assert clean_tag("ExoPlayer") == "ExoPlayer"


@pytest.mark.parametrize("raw", ["", " ", "   ", "\t\n", "\u3000"])
def test_clean_tag_refuses_an_empty_tag(raw: str) -> None:
    with pytest.raises(InvalidInput):
        clean_tag(raw)


def test_tag_key_ignores_case_and_surrounding_space() -> None:
    assert tag_key("LLM") == tag_key("llm") == tag_key(" llm ") == tag_key("Llm")


def test_tag_key_is_the_same_for_nfd_and_nfc_hangul() -> None:
    assert tag_key(PYTHON_KO_NFD) == tag_key(PYTHON_KO) == PYTHON_KO


def test_tag_key_keeps_different_tags_apart() -> None:
    assert tag_key("Python") != tag_key("PyData")
    assert tag_key("파이썬") != tag_key("파이선")
    assert tag_key("video caching") != tag_key("videocaching")


def test_unique_tags_keeps_the_first_spelling() -> None:
    assert unique_tags(["Python", "python", " PYTHON "]) == ["Python"]
    assert unique_tags(["python", "Python"]) == ["python"]


def test_unique_tags_keeps_the_given_order() -> None:
    assert unique_tags(["b", "A", "a", "B", "c"]) == ["b", "A", "c"]


def test_unique_tags_merges_nfd_and_nfc_korean() -> None:
    assert unique_tags([PYTHON_KO_NFD, PYTHON_KO, "LLM"]) == [PYTHON_KO, "LLM"]
    assert is_nfc(unique_tags([PYTHON_KO_NFD])[0])


def test_unique_tags_keeps_korean_and_english_apart() -> None:
    assert unique_tags(["파이썬", "Python", "python"]) == ["파이썬", "Python"]


def test_unique_tags_refuses_a_blank_tag() -> None:
    with pytest.raises(InvalidInput):
        unique_tags(["ok", "  "])


def test_unique_tags_of_nothing_is_empty() -> None:
    assert unique_tags([]) == []


def test_parse_tag_list_splits_on_commas() -> None:
    assert parse_tag_list(f"Python, LLM,, python , {PYTHON_KO_NFD},") == [
        "Python",
        "LLM",
        PYTHON_KO,
    ]
    assert parse_tag_list("") == []
    assert parse_tag_list(" , ,") == []


@quick
@given(st.text(max_size=30))
def test_clean_tag_is_idempotent_nfc_and_trimmed(raw: str) -> None:
    try:
        cleaned = clean_tag(raw)
    except InvalidInput:
        assert not unicodedata.normalize("NFC", raw).split()
        return
    assert cleaned
    assert clean_tag(cleaned) == cleaned
    assert is_nfc(cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned


@quick
@given(st.text(max_size=30).filter(lambda text: text.split() != []))
def test_tag_key_ignores_normal_form_and_surrounding_space(raw: str) -> None:
    key = tag_key(raw)
    assert tag_key(unicodedata.normalize("NFD", raw)) == key
    assert tag_key(unicodedata.normalize("NFC", raw)) == key
    assert tag_key(f"  {raw}\t") == key
    assert tag_key(key) == key


@quick
@given(simple_tag_text)
def test_tag_key_ignores_case(raw: str) -> None:
    assert tag_key(raw.upper()) == tag_key(raw.lower()) == tag_key(raw.swapcase())


@quick
@given(st.lists(simple_tag_text, max_size=12))
def test_unique_tags_keeps_one_first_spelling_per_key(names: list[str]) -> None:
    result = unique_tags(names)
    keys = [tag_key(tag) for tag in result]
    assert len(set(keys)) == len(keys)
    assert set(keys) == {tag_key(name) for name in names}
    first_spelling: dict[str, str] = {}
    for name in names:
        first_spelling.setdefault(tag_key(name), clean_tag(name))
    assert result == list(first_spelling.values())
    assert unique_tags(result) == result


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# -- dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-04-13", dt.date(2024, 4, 13)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("1999-12-31", dt.date(1999, 12, 31)),
    ],
)
def test_parse_date_reads_yyyy_mm_dd(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "2024-13-40",
        "2024-02-30",
        "2023-02-29",
        "2024-00-10",
        "yesterday",
        "24-1-1",
        "2024-4-13",
        "2024/04/13",
        "20240413",
        "13-04-2024",
        "2024-04-13T10:00",
        "",
    ],
)
def test_parse_date_refuses_anything_else(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text)
    assert repr(text) in str(caught.value)


def test_parse_date_names_the_field() -> None:
    with pytest.raises(InvalidInput, match="start_date"):
        parse_date("2024-13-40", field="start_date")
    with pytest.raises(InvalidInput, match="--from date"):
        parse_date("yesterday", field="--from date")


@quick
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_parse_date_reads_back_isoformat(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day


def test_check_date_range() -> None:
    start = dt.date(2024, 5, 30)
    check_date_range(start, None)
    check_date_range(start, start)
    check_date_range(start, dt.date(2024, 5, 31))
    with pytest.raises(InvalidInput, match="2024-05-29"):
        check_date_range(start, dt.date(2024, 5, 29))


@pytest.mark.parametrize(
    ("day", "korean", "english"),
    [
        (dt.date(2024, 4, 13), "2024년 04월 13일 (토)", "Sat, 13 Apr 2024"),
        (dt.date(2024, 4, 14), "2024년 04월 14일 (일)", "Sun, 14 Apr 2024"),
        (dt.date(2024, 4, 15), "2024년 04월 15일 (월)", "Mon, 15 Apr 2024"),
        (dt.date(2024, 12, 25), "2024년 12월 25일 (수)", "Wed, 25 Dec 2024"),
        (dt.date(2024, 1, 5), "2024년 01월 05일 (금)", None),
    ],
)
def test_format_date(day: dt.date, korean: str, english: str | None) -> None:
    assert format_date(day, "ko") == korean
    if english is not None:
        assert format_date(day, "en") == english


@quick
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_format_date_names_the_right_weekday(day: dt.date) -> None:
    korean = format_date(day, "ko")
    assert korean.endswith(f"({'월화수목금토일'[day.weekday()]})")
    assert korean.startswith(f"{day.year}년 {day.month:02d}월 ")
    english = format_date(day, "en")
    weekday, rest = english.split(", ")
    assert weekday == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    day_number, month, year = rest.split(" ")
    assert int(day_number) == day.day
    assert month == MONTHS[day.month - 1]
    assert int(year) == day.year


@pytest.mark.parametrize("language", ["ko", "en"])
def test_format_date_range_of_one_day_is_the_day(language: str) -> None:
    day = dt.date(2024, 4, 13)
    assert format_date_range(day, None, language) == format_date(day, language)
    assert format_date_range(day, day, language) == format_date(day, language)


@pytest.mark.parametrize("language", ["ko", "en"])
def test_format_date_range_shows_both_ends(language: str) -> None:
    start, end = dt.date(2024, 5, 30), dt.date(2024, 5, 31)
    text = format_date_range(start, end, language)
    first, last = format_date(start, language), format_date(end, language)
    assert text.startswith(first)
    assert text.endswith(last)
    assert len(text) > len(first) + len(last)


def test_format_date_range_in_korean() -> None:
    text = format_date_range(dt.date(2024, 5, 30), dt.date(2024, 5, 31), "ko")
    assert text == "2024년 05월 30일 (목) ~ 2024년 05월 31일 (금)"


# -- titles ------------------------------------------------------------------


def test_clean_title_trims() -> None:
    assert clean_title("  Build With AI in Songdo \n") == "Build With AI in Songdo"


@pytest.mark.parametrize("raw", [None, "", "   ", "\n\t", "\u3000"])
def test_clean_title_refuses_an_empty_title(raw: str | None) -> None:
    with pytest.raises(InvalidInput, match="title"):
        clean_title(raw)


def test_clean_title_names_what_it_checks() -> None:
    with pytest.raises(InvalidInput, match="session title"):
        clean_title(" ", what="session title")


def test_clean_title_allows_300_characters() -> None:
    assert clean_title("x" * 300) == "x" * 300
    assert clean_title("  " + "x" * 300 + "  ") == "x" * 300


def test_clean_title_refuses_301_characters() -> None:
    with pytest.raises(InvalidInput, match="301"):
        clean_title("x" * 301)


def test_clean_title_counts_composed_korean() -> None:
    title = "가" * 300
    decomposed = unicodedata.normalize("NFD", title)
    assert len(decomposed) == 600
    assert clean_title(decomposed) == title


def test_clean_title_composes_nfd() -> None:
    assert clean_title(unicodedata.normalize("NFD", "FastAPI 밋업")) == "FastAPI 밋업"


@pytest.mark.parametrize(
    ("start", "end", "language", "expected"),
    [
        (dt.date(2024, 4, 13), None, "ko", "2024년 04월 13일 (토)"),
        (dt.date(2024, 4, 13), dt.date(2024, 4, 14), "ko", "2024년 04월 13일 (토) ~ 14일 (일)"),
        (dt.date(2024, 4, 30), dt.date(2024, 5, 1), "ko", "2024년 04월 30일 (화) ~ 05월 01일 (수)"),
        (dt.date(2024, 4, 13), dt.date(2024, 4, 14), "en", "Sat, 13 Apr 2024 – Sun 14"),
        (dt.date(2024, 4, 30), dt.date(2024, 5, 1), "en", "Tue, 30 Apr 2024 – Wed 01 May"),
        (dt.date(2024, 12, 31), dt.date(2025, 1, 1), "en", "Tue, 31 Dec 2024 – Wed, 01 Jan 2025"),
    ],
)
def test_format_day_span_leaves_out_what_the_end_shares_with_the_start(
    start: dt.date, end: dt.date | None, language: str, expected: str
) -> None:
    assert format_day_span(start, end, language) == expected
