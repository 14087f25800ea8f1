"""Full-text search on real library files: Korean particles, short and initial-consonant
queries, phrases, filters, where it matched, and the index kept in step with every write."""

import datetime as dt
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from recap.domain.records import (
    EventFilter,
    EventRecord,
    LinkRecord,
    QARecord,
    SearchHit,
    SessionRecord,
)
from recap.interchange.recap_json import parse_document
from recap.storage import search
from recap.storage.engine import create_library_engine
from recap.storage.library import Library, open_library
from recap.storage.migrate import alembic_config, current_revision
from recap.storage.migrations import HEAD_REVISION
from recap.storage.models import Event
from recap.storage.search.server import folded_text
from tests.conftest import SAMPLE_LIBRARY_JSON

pytestmark = pytest.mark.both_backends

D = dt.date
DAY = D(2024, 4, 13)


def event(title: str = "Event", start: dt.date = DAY, **fields: object) -> EventRecord:
    return EventRecord(title=title, start_date=start, **fields)  # type: ignore[arg-type]


def talk(title: str = "Talk", **fields: object) -> SessionRecord:
    return SessionRecord(title=title, **fields)  # type: ignore[arg-type]


def qa(question: str | None = None, answer: str | None = None) -> QARecord:
    return QARecord(kind="audience", question=question, answer=answer)


def found(
    library: Library, query: str, event_filter: EventFilter | None = None, limit: int = 50
) -> list[str]:
    """The titles of the events the search finds, in its order."""
    return [hit.event.title for hit in library.search(query, event_filter, limit)]


def only_hit(library: Library, query: str) -> SearchHit:
    hits = library.search(query)
    assert len(hits) == 1, [hit.event.title for hit in hits]
    return hits[0]


def flagged(hit: SearchHit) -> list[str]:
    """Every flagged (matched) piece of every snippet of a hit."""
    return [piece for match in hit.matches for piece, is_match in match.snippet if is_match]


IndexRow = tuple[int, int, int, int, str]  # day, event_id, kind, ref_id, body


def index_rows(library: Library) -> list[IndexRow]:
    with library.engine.connect() as connection:
        rows = connection.execute(
            text(f"SELECT id, event_id, kind, ref_id, body FROM {search.DOCS_TABLE}")
        )
        return sorted((row[0] >> search.DAY_SHIFT, row[1], row[2], row[3], row[4]) for row in rows)


def fresh_index_rows(library: Library) -> list[IndexRow]:
    """What an index built from scratch from the tables would hold."""
    with Session(library.engine) as db:
        rows = []
        for stored in db.scalars(select(Event)):
            for document in search.event_documents(stored):
                kind = search.KIND_CODES[document.kind]
                day = document.start.toordinal()
                rows.append((day, document.event_id, kind, document.ref_id, document.body))
        return sorted(rows)


def trigram_counts(texts: list[str]) -> Counter[str]:
    """In how many texts each trigram occurs (what the index's vocabulary says)."""
    counts: Counter[str] = Counter()
    for body in texts:
        folded = body.lower()
        counts.update({folded[start : start + 3] for start in range(len(folded) - 2)})
    return counts


def assert_index_in_step(library: Library) -> None:
    assert index_rows(library) == fresh_index_rows(library)
    if library.on_server:  # the GIN index follows the table; the folded text must too
        with library.engine.connect() as connection:
            pairs = connection.execute(text(f"SELECT body, folded FROM {search.DOCS_TABLE}"))
            assert all(folded == folded_text(body) for body, folded in pairs)
        return
    # The contentless index holds exactly the trigrams of the stored documents.
    with library.engine.connect() as connection:
        vocabulary = dict(
            connection.execute(text(f"SELECT term, doc FROM {search.VOCABULARY_TABLE}")).all()
        )
        bodies = connection.execute(text(f"SELECT body FROM {search.DOCS_TABLE}")).scalars()
        expected = trigram_counts([search.indexed_text(body) for body in bodies])
    assert vocabulary == dict(expected)


# -- Korean ----------------------------------------------------------------------------


def test_a_korean_word_is_found_with_its_particle_attached(library: Library) -> None:
    library.create_event(event("Transformer 밋업", sessions=[talk(notes="어텐션을 계산하는 법")]))
    library.create_event(event("Long context", sessions=[talk(notes="장거리 의존성이 문제다")]))
    library.create_event(event("Other", sessions=[talk(notes="전혀 다른 이야기")]))

    assert found(library, "어텐션") == ["Transformer 밋업"]
    assert found(library, "의존성") == ["Long context"]
    assert found(library, "어텐션을") == ["Transformer 밋업"]


def test_a_decomposed_query_finds_composed_text(library: Library) -> None:
    """Korean typed on macOS can arrive as NFD; the library stores NFC."""
    library.create_event(event("밋업", sessions=[talk(notes="어텐션을 계산")]))
    assert found(library, unicodedata.normalize("NFD", "어텐션")) == ["밋업"]
    assert found(library, unicodedata.normalize("NFD", "계산")) == ["밋업"]


# -- short queries (1–2 characters: through the index vocabulary) -------------------------


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("토큰", "the first word of the event title: the very start of a document"),
        ("병렬", "the last word of the session notes: the very end of a document"),
        ("처리", "inside the notes, followed by a particle"),
        ("토", "one syllable at the very start"),
        ("렬", "one syllable at the very end"),
        ("데", "one syllable in the middle"),
    ],
)
def test_one_and_two_syllable_queries(library: Library, query: str, where: str) -> None:
    library.create_event(
        event("토큰 세기 밋업", sessions=[talk("발표", notes="데이터 처리를 나누어 병렬")])
    )
    library.create_event(event("다른 밋업", sessions=[talk("발표", notes="무관한 글")]))
    assert found(library, query) == ["토큰 세기 밋업"], where


def test_a_two_syllable_query_is_the_whole_text(library: Library) -> None:
    library.create_event(event("병렬"))
    assert found(library, "병렬") == ["병렬"]
    assert found(library, "병") == ["병렬"]
    assert found(library, "렬") == ["병렬"]


def test_a_short_query_does_not_match_across_a_space(library: Library) -> None:
    library.create_event(event("토 큰 and 병\n렬"))
    assert found(library, "토큰") == []
    assert found(library, "병렬") == []
    assert found(library, "없") == []


def test_a_one_character_latin_query(library: Library) -> None:
    library.create_event(event("XGBoost night"))
    library.create_event(event("밋업", sessions=[talk("발표", notes="한국어만")]))
    assert found(library, "x") == ["XGBoost night"]
    assert found(library, "X") == ["XGBoost night"]
    assert found(library, "t") == ["XGBoost night"]  # the very last character
    assert found(library, "q") == []


def words_after(prefix: str, count: int) -> str:
    """``count`` words that start with ``prefix`` and continue differently, so that more
    than MAX_EXPANSIONS trigrams start with the prefix: the search must scan instead."""
    return " ".join(prefix + chr(0xAC00 + index * 28) for index in range(count))


def test_a_one_character_query_too_common_for_the_vocabulary_is_scanned(
    library: Library,
) -> None:
    many = search.MAX_EXPANSIONS + 1
    latin = " ".join("Q" + chr(ord("a") + n // 26) + chr(ord("a") + n % 26) for n in range(many))
    library.create_event(event("Latin", sessions=[talk("t", notes=latin)]))
    library.create_event(event("Korean", sessions=[talk("t", notes=words_after("토", many))]))
    library.create_event(event("Neither", sessions=[talk("t", notes="없음")]))
    if not library.on_server:  # a server's index has a key for each character
        with Session(library.engine) as db:
            assert search.expansions(db, "q") is None
            assert search.expansions(db, "토") is None

    assert found(library, "q") == ["Latin"]
    assert found(library, "Q") == ["Latin"]
    assert found(library, "토") == ["Korean"]


def test_two_syllable_hangul_is_found_on_both_paths_despite_sqlite_like_bug(
    library: Library,
) -> None:
    """SQLite 3.40.1 (the one bundled with the project's Python) answers
    ``body LIKE '%토큰%'`` against a trigram FTS5 table with 0 rows and no error
    when the pattern has fewer than 3 non-ASCII characters (fixed in later SQLite).
    A two-syllable Hangul query must still find its notes, both through the index
    vocabulary and through the scan taken when the term starts too many trigrams."""
    library.create_event(event("Vocabulary path", D(2024, 1, 1), summary="토큰을 센다"))
    assert found(library, "토큰") == ["Vocabulary path"]

    crowded = words_after("토큰", search.MAX_EXPANSIONS + 1)
    library.create_event(event("Scan path", D(2024, 2, 1), sessions=[talk("t", notes=crowded)]))
    if not library.on_server:
        with Session(library.engine) as db:
            assert search.expansions(db, "토큰") is None  # the scan path is the one taken
    assert found(library, "토큰") == ["Scan path", "Vocabulary path"]
    assert found(library, "토큰 센다") == ["Vocabulary path"]


def test_a_short_query_with_no_trigram_finds_nothing(library: Library) -> None:
    library.create_event(event("밋업"))
    assert found(library, "ㄸ") == []
    assert found(library, "힣") == []
    assert found(library, "zq") == []


# -- initial consonants ------------------------------------------------------------------


def test_initial_consonants_find_the_word(library: Library) -> None:
    library.create_event(event("토큰 밋업", D(2024, 1, 1)))
    library.create_event(event("Attention", D(2024, 1, 2), summary="어텐션을 배운다"))
    library.create_event(event("No such word", D(2024, 1, 3), summary="토 큰 텍스트 크기"))

    assert found(library, "ㅌㅋ") == ["토큰 밋업"]
    assert found(library, "ㅇㅌㅅ") == ["Attention"]
    assert found(library, "ㅇㅌㅅㅇ") == ["Attention"]
    assert found(library, "ㅌㅋ ㅁㅇ") == ["토큰 밋업"]  # two initials words: both
    assert found(library, "ㅍㅍ") == []


def test_initial_consonants_do_not_match_text_without_such_a_word(library: Library) -> None:
    library.create_event(event("Spread out", summary="토 큰, 테스트 코드, 탁구"))
    assert found(library, "ㅌㅋ") == []


def test_a_quoted_initials_phrase_spanning_two_words(library: Library) -> None:
    """Initials in quotes, one group per word, find the two words next to each other
    (장거리 의존성), as the same words unquoted do."""
    library.create_event(event("Long context", summary="장거리 의존성이 문제다"))
    assert found(library, "ㅈㄱㄹ ㅇㅈㅅ") == ["Long context"]  # two terms: fine
    assert found(library, '"ㅈㄱㄹ ㅇㅈㅅ"') == ["Long context"]


def test_an_initials_query_also_finds_jamo_typed_as_text(library: Library) -> None:
    """Jamo typed as they are (ㅋㅋㅋ) are found by a query of jamo, although they are
    text and not the initials of syllables."""
    library.create_event(event("Funny talk", summary="ㅋㅋㅋ 웃겼다"))
    assert found(library, "ㅋㅋ") == ["Funny talk"]


# -- case, words, phrases -----------------------------------------------------------------


@pytest.mark.parametrize("query", ["ATTENTION", "Attention", "attention", "aTTENTION"])
def test_english_is_case_insensitive(library: Library, query: str) -> None:
    library.create_event(event("Talks", sessions=[talk(notes="multi-head attention scales")]))
    library.create_event(event("LOUD", summary="ATTENTION PLEASE"))
    assert sorted(found(library, query)) == ["LOUD", "Talks"]


def test_accented_latin_is_case_insensitive(library: Library) -> None:
    library.create_event(event("Café Night"))
    assert found(library, "CAFÉ") == ["Café Night"]
    assert found(library, "café") == ["Café Night"]


def test_german_sharp_s_is_found_as_written(library: Library) -> None:
    """Straße is found typed in either case: the query keeps ß as the index does,
    instead of folding it to ss."""
    library.create_event(event("Straße der Daten"))
    assert found(library, "Straße") == ["Straße der Daten"]
    assert found(library, "straße") == ["Straße der Daten"]


def test_several_words_are_found_anywhere_in_one_event(library: Library) -> None:
    library.create_event(event("Both", D(2024, 1, 1), sessions=[talk(notes="토큰 and attention")]))
    library.create_event(event("Only one", D(2024, 1, 2), sessions=[talk(notes="attention")]))
    library.create_event(
        event(
            "Split over two documents",
            D(2024, 1, 3),
            summary="토큰",
            sessions=[talk(notes="attention")],
        )
    )
    assert found(library, "토큰 attention") == ["Split over two documents", "Both"]
    assert found(library, "attention 토큰") == ["Split over two documents", "Both"]
    assert found(library, "  ATTENTION   토큰  ") == ["Split over two documents", "Both"]
    assert found(library, "토큰 attention 없는말") == []


def test_a_venue_and_a_talks_notes_together_find_the_event(library: Library) -> None:
    library.create_event(
        event(
            "Build With AI in Songdo",
            D(2025, 9, 13),
            venue="송도 글로벌캠퍼스",
            sessions=[talk("LT", notes="Q·K 내적 → softmax → V"), talk("Other", notes="RAG")],
        )
    )
    library.create_event(event("Elsewhere", D(2025, 9, 14), sessions=[talk(notes="softmax")]))
    [hit] = library.search("송도 softmax")
    assert hit.event.title == "Build With AI in Songdo"
    # where it matched: the event's own text for 송도, the lightning talk for softmax
    assert [(match.kind, match.label) for match in hit.matches] == [
        ("event", "Build With AI in Songdo"),
        ("session", "LT"),
    ]
    assert any(text == "송도" and marked for text, marked in hit.matches[0].snippet)
    assert any(text == "softmax" and marked for text, marked in hit.matches[1].snippet)


def test_a_question_and_the_title_together_find_the_event(library: Library) -> None:
    library.create_event(
        event(
            "Kotlin Night",
            D(2025, 11, 20),
            sessions=[talk(qa=[qa(answer="코루틴 스코프를 쓰세요")])],
        )
    )
    assert found(library, "kotlin 코루틴") == ["Kotlin Night"]
    assert found(library, "ㅋㄹㅌ night") == ["Kotlin Night"]  # initials across texts too
    assert found(library, "kotlin 스코프를") == ["Kotlin Night"]  # particles across texts


def test_a_phrase_split_over_two_texts_is_not_found(library: Library) -> None:
    library.create_event(
        event("Split", D(2024, 1, 1), summary="long-range", sessions=[talk(notes="dependency")])
    )
    assert found(library, "long-range dependency") == ["Split"]
    assert found(library, '"long-range dependency"') == []


def test_an_event_level_search_keeps_the_filters(library: Library) -> None:
    for day, tags in ((1, ("ai",)), (2, ("web",))):
        library.create_event(
            event(
                f"Day {day}",
                D(2024, 1, day),
                venue="송도",
                tags=tags,
                sessions=[talk(notes="softmax")],
            )
        )
    assert found(library, "송도 softmax") == ["Day 2", "Day 1"]
    assert found(library, "송도 softmax", EventFilter(tags=("ai",))) == ["Day 1"]
    assert found(library, "송도 softmax", EventFilter(date_from=D(2024, 1, 2))) == ["Day 2"]


def test_when_every_word_is_common_they_must_share_one_text(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beyond RARE_DOCUMENTS texts per word, reading every event of a word would be
    slow: such words are looked for together in one text."""
    from recap.storage import search

    monkeypatch.setattr(search.running, "RARE_DOCUMENTS", 1)
    monkeypatch.setattr(search.running, "RARE_WALK", 4)
    library.create_event(event("Together", D(2024, 1, 1), summary="토큰 attention"))
    library.create_event(
        event("Apart", D(2024, 1, 2), summary="토큰", sessions=[talk(notes="attention")])
    )
    assert found(library, "토큰 attention") == ["Together"]


@pytest.mark.parametrize("quick_walk", [1, 2, 1000])
def test_a_rare_short_word_beside_a_common_long_one(
    library: Library, monkeypatch: pytest.MonkeyPatch, quick_walk: int
) -> None:
    """Short words are first checked on the long word's matches, then (after QUICK_WALK
    documents) found through their expansions: the same events either way."""
    monkeypatch.setattr(search.running, "QUICK_WALK", quick_walk)
    library.create_event(event("Old", D(2020, 1, 1), summary="attention 병렬"))
    for day in range(1, 6):
        library.create_event(event(f"New {day}", D(2024, 1, day), summary="attention only"))
    library.create_event(event("Newest", D(2024, 2, 1), summary="병렬 attention 병렬"))
    assert found(library, "병렬 attention") == ["Newest", "Old"]
    assert found(library, "attention 렬") == ["Newest", "Old"]
    assert found(library, "attention 병렬 zq") == []
    assert found(library, "attention y") == [f"New {day}" for day in range(5, 0, -1)]


def test_a_quoted_phrase_matches_as_a_phrase(library: Library) -> None:
    library.create_event(
        event("Phrase", D(2024, 1, 1), summary="long-range dependency 장거리 의존성이")
    )
    library.create_event(
        event("Scattered", D(2024, 1, 2), summary="dependency, long-range 의존성이 장거리")
    )
    assert found(library, '"long-range dependency"') == ["Phrase"]
    assert found(library, '"장거리 의존성"') == ["Phrase"]
    assert found(library, '"Long-Range DEPENDENCY"') == ["Phrase"]
    assert found(library, "long-range dependency") == ["Scattered", "Phrase"]
    assert found(library, "장거리 의존성") == ["Scattered", "Phrase"]


@pytest.mark.parametrize(
    "query",
    [
        "long-range",
        'a"b',
        "AND",
        "OR",
        "NOT",
        "*",
        "(",
        ")",
        "NEAR",
        "NEAR(a b)",
        "col:x",
        "body:x",
        "initials:ㅌ",
        "-x",
        "^a",
        "a*",
        "{a b}",
        '"',
        '""',
        '"unclosed',
        "'",
        "a AND",
        "\\",
        "%",
        "_",
        "\x1f",
        "x" * 300,
    ],
)
def test_query_syntax_never_raises(library: Library, query: str) -> None:
    library.create_event(event("Syntax", summary='long-range a"b AND col:x * ( NEAR'))
    assert isinstance(library.search(query), list)
    assert isinstance(library.search(query, EventFilter(date_to=DAY)), list)


@pytest.mark.parametrize("query", ["long-range", 'a"b', "AND", "*", "(", "NEAR", "col:x"])
def test_fts5_operators_are_searched_as_text(library: Library, query: str) -> None:
    library.create_event(event("Syntax", summary='long-range a"b AND col:x * ( NEAR'))
    library.create_event(event("Plain", summary="nothing special here"))
    assert found(library, query) == ["Syntax"]


def test_blank_queries_find_nothing(library: Library) -> None:
    library.create_event(event("Something"))
    assert found(library, "") == []
    assert found(library, "   \n") == []
    assert found(library, '""') == []


# -- where it matched -------------------------------------------------------------------------


def test_a_hit_says_where_it_matched_with_flagged_snippets(library: Library) -> None:
    library.create_event(
        event(
            "Kotlin 어텐션 밋업",
            summary="Nothing",
            sessions=[
                talk("Session with notes", notes="긴 서론 " * 10 + "어텐션을 설명했다"),
                talk("Session with Q&A", qa=[qa("질문", "어텐션은 비싸다")]),
                talk("Session without it", notes="다른 내용"),
            ],
        )
    )
    hit = only_hit(library, "어텐션")
    assert hit.event.title == "Kotlin 어텐션 밋업"
    places = sorted((match.kind, match.label) for match in hit.matches)
    assert places == [
        ("event", "Kotlin 어텐션 밋업"),
        ("qa", "Session with Q&A"),
        ("session", "Session with notes"),
    ]
    for match in hit.matches:
        pieces = [piece for piece, is_match in match.snippet if is_match]
        assert pieces == ["어텐션"], match
        assert match.ref_id > 0
    notes_match = next(match for match in hit.matches if match.kind == "session")
    assert notes_match.snippet[0] == ("…", False)  # the snippet starts near the match


def test_snippets_flag_the_text_as_written(library: Library) -> None:
    library.create_event(event("Night", summary="FlashAttention 커널과 토큰"))
    assert flagged(only_hit(library, "flashattention")) == ["FlashAttention"]
    assert flagged(only_hit(library, "ㅋㄴ")) == ["커널"]
    assert sorted(flagged(only_hit(library, "토큰 flash"))) == ["Flash", "토큰"]


def test_match_kinds_name_the_right_rows(library: Library) -> None:
    event_id = library.create_event(
        event("Event", summary="alpha", sessions=[talk("S", notes="beta", qa=[qa("gamma")])])
    )
    stored = library.event(event_id)
    session_id = stored.sessions[0].id
    qa_id = stored.sessions[0].qa[0].id
    assert [(m.kind, m.ref_id) for m in only_hit(library, "alpha").matches] == [("event", event_id)]
    assert [(m.kind, m.ref_id) for m in only_hit(library, "beta").matches] == [
        ("session", session_id)
    ]
    assert [(m.kind, m.ref_id) for m in only_hit(library, "gamma").matches] == [("qa", qa_id)]


# -- order and limit --------------------------------------------------------------------------


def test_newest_first_and_the_limit(library: Library) -> None:
    days = [D(2023, 5, 1), D(2024, 1, 1), D(2021, 7, 3), D(2024, 12, 31), D(2022, 2, 2)]
    for day in days:
        library.create_event(event(f"Event {day}", day, summary="어텐션"))
    newest_first = [f"Event {day}" for day in sorted(days, reverse=True)]
    assert found(library, "어텐션") == newest_first
    assert found(library, "어텐션", limit=3) == newest_first[:3]
    assert found(library, "어텐션", limit=1) == newest_first[:1]
    assert found(library, "텐", limit=2) == newest_first[:2]  # the short-query path too


def test_the_default_limit_is_fifty(library: Library) -> None:
    start = D(2020, 1, 1)
    records = [event(f"Event {n}", start + dt.timedelta(days=n), summary="토큰") for n in range(55)]
    library.load_records(records)
    assert found(library, "토큰") == [f"Event {n}" for n in range(54, 4, -1)]


def test_a_hit_cut_by_the_limit_still_lists_every_place_it_matched(library: Library) -> None:
    """Two events on one day, each matching in its summary and in a session: whatever the
    limit, every hit lists both places it matched, not only those seen before the cut."""
    library.create_event(event("Older id kiwi", DAY, sessions=[talk("kiwi talk 1")]))
    library.create_event(event("Newer id kiwi", DAY, sessions=[talk("kiwi talk 2")]))
    for limit in (1, 2):
        for hit in library.search("kiwi", limit=limit):
            assert sorted(match.kind for match in hit.matches) == ["event", "session"], hit


# -- filters ----------------------------------------------------------------------------------


@pytest.fixture(params=["narrow", "broad", "listed"])
def tagged(
    library: Library, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Library:
    """Tagged events, searched along each path: a narrow filter's events read directly;
    a broad one checked a batch of candidates at a time; one that turns most candidates
    away listed whole after the first batch."""
    if request.param != "narrow":
        monkeypatch.setattr(search.running, "SMALL_FILTER", 0)
        monkeypatch.setattr(search.running, "CHECK_BATCH", 1 if request.param == "listed" else 1000)
    library.create_event(event("Alpha", D(2024, 1, 10), tags=["python", "llm"], summary="어텐션"))
    library.create_event(event("Beta", D(2024, 2, 10), tags=["python"], summary="어텐션"))
    library.create_event(event("Gamma", D(2024, 3, 10), tags=["LLM"], summary="어텐션"))
    library.create_event(
        event(
            "Delta",
            D(2024, 3, 1),
            end_date=D(2024, 3, 5),
            tags=["llm", "Python"],
            sessions=[talk(notes="어텐션")],
        )
    )
    library.create_event(event("Epsilon", D(2024, 3, 20), tags=["python", "llm"], summary="없음"))
    library.create_event(event("Zeta", D(2024, 4, 1), summary="어텐션"))
    return library


def test_the_event_list_filtered_by_tags_and_dates(tagged: Library) -> None:
    cases = [
        (EventFilter(tags=("python", "LLM")), ["Epsilon", "Delta", "Alpha"]),
        (
            EventFilter(tags=("llm", "python"), date_from=D(2024, 3, 3), date_to=D(2024, 3, 31)),
            ["Epsilon", "Delta"],
        ),
        (
            EventFilter(tags=("python", "llm"), match_any_tag=True, date_to=D(2024, 3, 2)),
            ["Delta", "Beta", "Alpha"],
        ),
        (EventFilter(tags=("python",), date_from=D(2024, 2, 1)), ["Epsilon", "Delta", "Beta"]),
    ]
    for event_filter, titles in cases:
        ids = tagged.event_ids(event_filter)
        by_id = {summary.id: summary.title for summary in tagged.summaries_for(ids)}
        assert [by_id[event_id] for event_id in ids] == titles
        assert [summary.title for summary in tagged.event_summaries(event_filter)] == titles


def test_text_and_all_tags(tagged: Library) -> None:
    assert found(tagged, "어텐션", EventFilter(tags=("python", "llm"))) == ["Delta", "Alpha"]
    assert found(tagged, "텐", EventFilter(tags=("python", "llm"))) == ["Delta", "Alpha"]


def test_text_and_any_tag(tagged: Library) -> None:
    any_tag = EventFilter(tags=("python", "llm"), match_any_tag=True)
    assert found(tagged, "어텐션", any_tag) == ["Gamma", "Delta", "Beta", "Alpha"]


def test_text_and_dates_with_a_multi_day_event_over_the_range_start(tagged: Library) -> None:
    march = EventFilter(date_from=D(2024, 3, 3), date_to=D(2024, 3, 31))
    assert found(tagged, "어텐션", march) == ["Gamma", "Delta"]
    assert found(tagged, "어텐션", EventFilter(date_to=D(2024, 2, 28))) == ["Beta", "Alpha"]
    assert found(tagged, "어텐션", EventFilter(date_from=D(2024, 3, 6))) == ["Zeta", "Gamma"]
    assert found(tagged, "어텐션", EventFilter(date_from=D(2024, 3, 5))) == [
        "Zeta",
        "Gamma",
        "Delta",
    ]
    one_day = EventFilter(date_from=D(2024, 3, 10), date_to=D(2024, 3, 10))
    assert found(tagged, "어텐션", one_day) == ["Gamma"]


def test_text_tags_and_dates_together(tagged: Library) -> None:
    combined = EventFilter(tags=("PYTHON",), date_from=D(2024, 3, 3), date_to=D(2024, 3, 31))
    assert found(tagged, "어텐션", combined) == ["Delta"]
    any_combined = EventFilter(
        tags=("python", "llm"), match_any_tag=True, date_from=D(2024, 2, 1), date_to=D(2024, 3, 2)
    )
    assert found(tagged, "어텐션", any_combined) == ["Delta", "Beta"]
    assert found(tagged, "ㅇㅌㅅ", any_combined) == ["Delta", "Beta"]
    assert found(tagged, "어텐션", any_combined, limit=1) == ["Delta"]


# -- the index in step with every write ------------------------------------------------------


@pytest.fixture
def stocked(library: Library) -> tuple[Library, int]:
    event_id = library.create_event(
        event(
            "Kickoff 바다밋업",
            D(2024, 5, 5),
            venue="Venue 판교",
            category="Conference",
            tags=["oldtag", "태그옛날"],
            summary="summary 하늘색",
            sessions=[
                talk(
                    "First 첫발표",
                    speaker="김하늘",
                    notes="notes 고양이",
                    links=[LinkRecord(url="https://example.org/slides", label="slides 슬라이드")],
                    qa=[qa("question 질문단어", "answer 답변단어"), qa("second 둘째질문")],
                ),
                talk("Second 둘째발표", notes="secondnotes 강아지"),
            ],
        )
    )
    library.create_event(event("Bystander", D(2023, 1, 1), summary="고양이 bystander"))
    return library, event_id


def test_every_field_of_a_new_event_is_searchable(stocked: tuple[Library, int]) -> None:
    library, _ = stocked
    for query in (
        "바다밋업",
        "판교",
        "Conference",
        "태그옛날",
        "하늘색",
        "첫발표",
        "김하늘",
        "slides",
        "슬라이드",
        "example.org",
        "질문단어",
        "답변단어",
        "둘째질문",
        "강아지",
    ):
        assert found(library, query) == ["Kickoff 바다밋업"], query
    assert_index_in_step(library)


def test_update_event_title_tags_and_summary(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    record = library.event(event_id)
    record.title = "Renamed 산밋업"
    record.tags = ["newtag", "태그새로"]
    record.summary = "fresh 보라색"
    record.venue = None
    library.update_event(record)

    for old in ("바다밋업", "oldtag", "태그옛날", "하늘색", "판교"):
        assert found(library, old) == [], old
    for new in ("산밋업", "newtag", "태그새로", "보라색"):
        assert found(library, new) == ["Renamed 산밋업"], new
    assert found(library, "고양이") == ["Renamed 산밋업", "Bystander"]  # sessions kept
    assert_index_in_step(library)


def test_update_session_notes(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    session = library.event(event_id).sessions[0]
    session.notes = "notes 호랑이"
    session.links = []
    library.update_session(session)

    assert found(library, "고양이") == ["Bystander"]
    assert found(library, "슬라이드") == []
    assert found(library, "호랑이") == ["Kickoff 바다밋업"]
    assert found(library, "질문단어") == ["Kickoff 바다밋업"]  # its Q&A kept
    assert_index_in_step(library)


def test_an_autosave_rewrites_only_the_documents_that_changed(
    stocked: tuple[Library, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, event_id = stocked
    written: list[tuple[str, int]] = []
    insert = search.insert_documents

    def spy(db: object, documents: Iterable[search.Document], reusable: object = ()) -> None:
        documents = list(documents)
        written.extend((document.kind, document.ref_id) for document in documents)
        insert(db, documents, reusable)  # type: ignore[arg-type]

    monkeypatch.setattr(search.upkeep, "insert_documents", spy)
    session = library.event(event_id).sessions[0]
    library.update_session(session)  # nothing changed
    assert written == []
    session.notes = "notes 호랑이"
    library.update_session(session)
    assert written == [("session", session.id)]
    assert found(library, "호랑이") == ["Kickoff 바다밋업"]
    assert found(library, "질문단어") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)


def test_save_qa_entries_adds_changes_and_removes(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    session = library.event(event_id).sessions[0]
    first, _second = session.qa
    first.question = "question 바뀐질문"
    first.answer = None
    ids = library.save_qa_entries(session.id, [first, qa("new 새질문", "새답변")])  # type: ignore[arg-type]

    assert ids[0] == first.id
    for old in ("질문단어", "답변단어", "둘째질문"):
        assert found(library, old) == [], old
    for new in ("바뀐질문", "새질문", "새답변"):
        assert found(library, new) == ["Kickoff 바다밋업"], new
    hit = only_hit(library, "새답변")
    assert [(match.kind, match.ref_id) for match in hit.matches] == [("qa", ids[1])]
    assert_index_in_step(library)

    library.save_qa_entries(session.id, [])  # type: ignore[arg-type]
    assert found(library, "바뀐질문") == []
    assert found(library, "새질문") == []
    assert_index_in_step(library)


def test_add_update_and_delete_one_qa_entry(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    session = library.event(event_id).sessions[1]
    qa_id = library.add_qa(session.id, qa("added 추가질문"))  # type: ignore[arg-type]
    assert found(library, "추가질문") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)

    library.update_qa(QARecord(kind="own", question="edited 고친질문", id=qa_id))
    assert found(library, "추가질문") == []
    assert found(library, "고친질문") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)

    library.delete_qa(qa_id)
    assert found(library, "고친질문") == []
    assert found(library, "강아지") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)


def test_delete_session(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    first = library.event(event_id).sessions[0]
    library.delete_session(first.id)  # type: ignore[arg-type]

    for gone in ("첫발표", "고양이", "질문단어", "슬라이드"):
        assert found(library, gone) == ([] if gone != "고양이" else ["Bystander"]), gone
    assert found(library, "강아지") == ["Kickoff 바다밋업"]
    assert found(library, "바다밋업") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)


def test_delete_event(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    library.delete_event(event_id)
    for gone in ("바다밋업", "고양이 notes", "질문단어", "강아지", "oldtag"):
        assert found(library, gone) == [], gone
    assert found(library, "고양이") == ["Bystander"]
    assert_index_in_step(library)


def test_add_session(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    library.add_session(
        event_id, talk("Inserted 끼운발표", notes="여우", qa=[qa("끼운질문")]), index=0
    )
    assert found(library, "끼운발표") == ["Kickoff 바다밋업"]
    assert found(library, "여우") == ["Kickoff 바다밋업"]
    assert found(library, "끼운질문") == ["Kickoff 바다밋업"]
    assert found(library, "강아지") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)


def test_move_and_reorder_sessions(stocked: tuple[Library, int]) -> None:
    library, event_id = stocked
    first, second = library.event(event_id).sessions
    library.move_session(first.id, 1)  # type: ignore[arg-type]
    assert found(library, "강아지") == ["Kickoff 바다밋업"]
    assert found(library, "질문단어") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)
    library.reorder_sessions(event_id, [first.id, second.id])  # type: ignore[list-item]
    qa_id = library.event(event_id).sessions[0].qa[1].id
    library.move_qa(qa_id, 0)  # type: ignore[arg-type]
    assert found(library, "둘째질문") == ["Kickoff 바다밋업"]
    assert_index_in_step(library)


def test_loaded_events_are_indexed_like_created_ones(sample_library: Library) -> None:
    """recap-json loads go through bulk inserts: their documents must be the same as
    the ones the ORM path would write."""
    assert_index_in_step(sample_library)
    assert found(sample_library, "캐시") == ["Android Dev Night #7"]
    assert found(sample_library, "ExoPlayer") == ["Android Dev Night #7"]


def test_a_big_load_merges_the_index_and_keeps_it_right(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "MANY_DOCUMENTS", 1)  # every load counts as big
    library.create_event(event("Before", D(2020, 1, 1), summary="캐시 before"))
    library.load_records(parse_document(SAMPLE_LIBRARY_JSON.read_bytes()).events)
    assert_index_in_step(library)
    assert "Before" in found(library, "캐시")
    assert found(library, "ExoPlayer") == ["Android Dev Night #7"]


def test_changing_the_start_date_keeps_documents_findable_and_ordered(
    library: Library,
) -> None:
    moved = library.create_event(
        event(
            "Moved",
            D(2024, 1, 1),
            summary="공통단어",
            sessions=[talk("Moved talk", notes="공통단어", qa=[qa("공통단어")])],
        )
    )
    library.create_event(event("Still", D(2024, 6, 1), summary="공통단어"))
    assert found(library, "공통단어") == ["Still", "Moved"]

    record = library.event(moved)
    record.start_date = D(2024, 12, 1)
    library.update_event(record)

    assert found(library, "공통단어") == ["Moved", "Still"]
    assert found(library, "공통") == ["Moved", "Still"]
    hit = library.search("공통단어")[0]
    assert sorted(match.kind for match in hit.matches) == ["event", "qa", "session"]
    assert found(library, "공통단어", EventFilter(date_to=D(2024, 7, 1))) == ["Still"]
    assert found(library, "공통단어", EventFilter(date_from=D(2024, 11, 1))) == ["Moved"]
    assert_index_in_step(library)

    # After the move, session-level writes still replace the right documents.
    talk_record = library.event(moved).sessions[0]
    talk_record.notes = "새단어"
    library.update_session(talk_record)
    assert sorted(m.kind for m in library.search("공통단어")[0].matches) == ["event", "qa"]
    assert found(library, "새단어") == ["Moved"]
    assert_index_in_step(library)


def test_an_event_far_in_the_future_is_found(library: Library) -> None:
    """An event dated far ahead (the year 2999, past 2**20 days) is found like any other,
    newest first."""
    library.create_event(event("Year 2999 (a typo for 2029)", D(2999, 1, 1), summary="zebra"))
    library.create_event(event("Now", D(2024, 1, 1), summary="zebra"))
    assert found(library, "zebra") == ["Year 2999 (a typo for 2029)", "Now"]


def test_an_event_on_the_last_representable_day_can_be_stored(library: Library) -> None:
    """An event on 9999-12-31, the last date the event table takes, is stored and found."""
    library.create_event(event("Far away", D(9999, 12, 31), summary="zebra"))
    assert found(library, "zebra") == ["Far away"]


def test_a_date_filter_up_to_the_last_representable_day(library: Library) -> None:
    """A filter ending on 9999-12-31 works in a search as it does in the event list
    (`recap list --to 9999-12-31`)."""
    library.create_event(event("Now", D(2024, 1, 1), summary="zebra"))
    open_ended = EventFilter(date_to=D(9999, 12, 31))
    assert [summary.title for summary in library.event_summaries(open_ended)] == ["Now"]
    assert found(library, "zebra", open_ended) == ["Now"]


# -- a library made before the search existed --------------------------------------------------


def make_library_at_initial_revision(path: Path) -> None:
    engine = create_library_engine(path)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001_initial")
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.executescript(
            """
            INSERT INTO categories (id, name) VALUES (1, '스터디');
            INSERT INTO tags (id, name, key) VALUES (1, 'LLM', 'llm'), (2, '검색', '검색');
            INSERT INTO events (id, title, start_date, end_date, venue, host, url, found_via,
                                category_id, summary)
            VALUES (1, 'Old meetup 옛밋업', '2023-03-04', NULL, '판교', 'GDG', NULL, NULL, 1,
                    '장거리 의존성이 주제'),
                   (2, 'Older conference', '2022-10-01', '2022-10-02', NULL, NULL, NULL,
                    '동료 추천', NULL, NULL);
            INSERT INTO event_tags (event_id, tag_id, position) VALUES (1, 1, 0), (1, 2, 1),
                                                                      (2, 1, 0);
            INSERT INTO sessions (id, event_id, position, title, speaker, affiliation,
                                  impression, notes)
            VALUES (1, 1, 0, '어텐션 발표', '김하늘', NULL, NULL, '어텐션을 설명하고 토큰'),
                   (2, 2, 0, 'Keynote', 'Alex Kim', NULL, 'great', 'long-range attention');
            INSERT INTO links (id, session_id, position, label, url)
            VALUES (1, 2, 0, 'slides', 'https://example.org/keynote');
            INSERT INTO qa_entries (id, session_id, position, kind, question, answer, resolved)
            VALUES (1, 1, 0, 'audience', '병렬 처리는?', '가능하다', 1),
                   (2, 2, 0, 'own', NULL, 'answered in the hallway', 0);
            """
        )
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_initial",)
        ]


def test_migrating_an_old_library_makes_its_events_searchable(library_path: Path) -> None:
    make_library_at_initial_revision(library_path)
    library = open_library(library_path)
    try:
        with library.engine.connect() as connection:
            assert current_revision(connection) == HEAD_REVISION
        assert found(library, "옛밋업") == ["Old meetup 옛밋업"]
        assert found(library, "의존성") == ["Old meetup 옛밋업"]
        assert found(library, "스터디") == ["Old meetup 옛밋업"]  # category
        assert found(library, "검색") == ["Old meetup 옛밋업"]  # tag
        assert found(library, "어텐션") == ["Old meetup 옛밋업"]
        assert found(library, "토큰") == ["Old meetup 옛밋업"]
        assert found(library, "병렬") == ["Old meetup 옛밋업"]
        assert found(library, "ㅇㅌㅅ") == ["Old meetup 옛밋업"]
        assert found(library, "attention") == ["Older conference"]
        assert found(library, "hallway") == ["Older conference"]
        assert found(library, "slides") == ["Older conference"]
        assert found(library, "llm") == ["Old meetup 옛밋업", "Older conference"]
        assert_index_in_step(library)

        old = library.event(1)
        old.summary = "새 요약"
        library.update_event(old)
        assert found(library, "의존성") == []
        assert found(library, "요약") == ["Old meetup 옛밋업"]
        assert_index_in_step(library)
    finally:
        library.close()

    reopened = open_library(library_path)  # already at head: nothing rebuilt or lost
    try:
        assert found(reopened, "요약") == ["Old meetup 옛밋업"]
    finally:
        reopened.close()


# -- every substring is found ----------------------------------------------------------------

COMMON_SYLLABLES = "토큰어텐션을장거리의존성이병렬처리검색임베딩데이터가나다는를"
TEXT_CHARS = st.one_of(
    st.sampled_from(COMMON_SYLLABLES),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.sampled_from("abcdeATtn xyz XYZ 0123-_.,:;()*'+#/\n"),
)


def substrings(body: str) -> set[str]:
    return {
        body[start : start + length]
        for start in range(len(body))
        for length in range(1, 9)
        if start + length <= len(body)
        and not body[start].isspace()
        and not body[start + length - 1].isspace()
    }


def as_query(part: str) -> str:
    return f'"{part}"' if any(char.isspace() for char in part) else part


def test_every_substring_of_a_note_is_found(library: Library) -> None:
    check_every_substring(library)


def check_every_substring(library: Library) -> None:
    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=24))
    def check(notes: str) -> None:
        # Titles of a character the notes never hold: only the notes can match.
        event_id = library.create_event(event("§", sessions=[talk("§", notes=notes)]))
        try:
            for part in substrings(notes):
                hits = library.search(as_query(part))
                assert [hit.event.id for hit in hits] == [event_id], part
                if not any(char.isspace() for char in part):
                    # Adjacent matches merge into one flagged piece ("00" for "0").
                    pieces = [piece.casefold() for piece in flagged(hits[0])]
                    assert any(part.casefold() in piece for piece in pieces), (part, pieces)
        finally:
            library.delete_event(event_id)

    check()
