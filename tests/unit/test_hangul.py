"""Initial consonants (초성) of Hangul text: what the search indexes and how it reads queries."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap.domain.hangul import (
    INITIAL_SET,
    INITIALS,
    initial_of,
    initials_aligned,
    initials_words,
    is_initials_query,
    is_syllable,
)

# -- single syllables ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("syllable", "initial"),
    [
        ("가", "ㄱ"),  # the first syllable of the block
        ("힣", "ㅎ"),  # the last one
        ("까", "ㄲ"),  # a double consonant is its own initial
        ("깋", "ㄱ"),  # the last syllable starting with ㄱ
        ("낗", "ㄲ"),  # the last one starting with ㄲ
        ("나", "ㄴ"),  # the first syllable starting with ㄴ
        ("토", "ㅌ"),
        ("큰", "ㅋ"),
        ("쀍", "ㅃ"),
        ("아", "ㅇ"),  # a silent initial ㅇ is still an initial
    ],
)
def test_the_initial_of_a_syllable(syllable: str, initial: str) -> None:
    assert initial_of(syllable) == initial


@pytest.mark.parametrize("char", ["a", "Z", "7", " ", "\n", "-", "ㄱ", "ㅏ", "ᄐ", "漢", "😀"])
def test_anything_but_a_syllable_is_its_own_initial(char: str) -> None:
    assert initial_of(char) == char


def test_the_syllable_block_bounds() -> None:
    assert is_syllable("가")
    assert is_syllable("힣")
    assert not is_syllable(chr(0xAC00 - 1))
    assert not is_syllable(chr(0xD7A3 + 1))
    assert not is_syllable("ㄱ")  # compatibility jamo, typed alone: not a syllable


def keyboard_jamo(conjoining: str) -> str:
    """The jamo a keyboard types (ㄱ, U+3131…) for a conjoining initial (ᄀ, U+1100…)."""
    return unicodedata.lookup(unicodedata.name(conjoining).replace("CHOSEONG", "LETTER"))


def test_the_initials_are_unicodes_in_unicodes_order() -> None:
    """The 19 conjoining initials U+1100–U+1112, in order, are what syllables are built of."""
    unicode_initials = "".join(keyboard_jamo(chr(code)) for code in range(0x1100, 0x1113))
    assert unicode_initials == INITIALS


def test_every_syllable_has_the_initial_it_decomposes_to() -> None:
    """Unicode's own decomposition (NFD) starts each of the 11,172 syllables with its initial."""
    syllables = "".join(chr(code) for code in range(0xAC00, 0xD7A4))
    expected = "".join(keyboard_jamo(unicodedata.normalize("NFD", s)[0]) for s in syllables)
    assert len(syllables) == 11_172
    assert "".join(initial_of(syllable) for syllable in syllables) == expected
    assert initials_aligned(syllables) == expected


# -- aligned initials (snippets) ------------------------------------------------------


def test_aligned_initials_keep_length_and_positions() -> None:
    text = "장거리 의존성이, AI 토큰!"
    aligned = initials_aligned(text)
    assert aligned == "ㅈㄱㄹ ㅇㅈㅅㅇ, AI ㅌㅋ!"
    assert len(aligned) == len(text)
    start = aligned.find("ㅌㅋ")
    assert text[start : start + 2] == "토큰"


def test_aligned_initials_of_empty_and_non_hangul_text() -> None:
    assert initials_aligned("") == ""
    assert initials_aligned("attention, please") == "attention, please"


# -- indexed initials (one word per space) ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ""),
        ("attention is all you need", ""),
        ("토큰", "ㅌㅋ"),
        ("장거리 의존성이", "ㅈㄱㄹ ㅇㅈㅅㅇ"),
        ("  토큰을,\n\t병렬로  ", "ㅌㅋㅇ ㅂㄹㄹ"),  # any non-syllable ends a word
        ("AI밋업#7 후기", "ㅁㅇ ㅎㄱ"),  # Latin, digits and signs are left out
        ("abc토큰def병렬", "ㅌㅋ ㅂㄹ"),
        ("토큰abc", "ㅌㅋ"),  # a word at the very end
        ("ㅋㅋㅋ 웃겼다", "ㅋㅋㅋ ㅇㄱㄷ"),  # consonants typed alone are indexed as they are
        ("어텐션을", "ㅇㅌㅅㅇ"),
    ],
)
def test_initials_words(text: str, words: str) -> None:
    assert initials_words(text) == words


def test_initials_words_of_decomposed_text_are_empty() -> None:
    """NFD Hangul (as macOS may send it) has no precomposed syllables: storage
    normalises to NFC before indexing, so this is what it must not skip."""
    decomposed = unicodedata.normalize("NFD", "토큰")
    assert initials_words(decomposed) == ""
    assert initials_words(unicodedata.normalize("NFC", decomposed)) == "ㅌㅋ"


# -- what counts as an initials query -------------------------------------------------


@pytest.mark.parametrize(
    "query", ["ㅌㅋ", "ㅇㅌㅅ", "ㄲ", "ㅌ ㅋ", " ㅌㅋ ", "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"]
)
def test_initials_queries(query: str) -> None:
    assert is_initials_query(query)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "토큰",
        "ㅌㅋa",
        "ㅌ큰",
        "ㅏ",  # a vowel
        "ㄳ",  # a cluster that only ever ends a syllable
        "ㅀ",
        "ᄐ",  # a conjoining (NFD) initial, not what keyboards type
        "ㅌ\tㅋ",  # only spaces may separate initials
        "tk",
    ],
)
def test_not_initials_queries(query: str) -> None:
    assert not is_initials_query(query)


HANGUL_OR_LATIN = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
        st.sampled_from("abcXYZ 019-,.\nㄱㅋㅏ"),
    ),
    max_size=40,
)


@settings(max_examples=100)
@given(HANGUL_OR_LATIN)
def test_indexed_words_are_the_aligned_initials_of_each_syllable_run(text: str) -> None:
    aligned = initials_aligned(text)
    assert len(aligned) == len(text)
    runs = "".join(
        initial if is_syllable(char) or char in INITIAL_SET else " "
        for char, initial in zip(text, aligned, strict=True)
    ).split()
    assert initials_words(text) == " ".join(runs)
    assert all(is_initials_query(word) for word in runs)
