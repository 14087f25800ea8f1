"""Hangul helpers: initial consonants (초성) for ``ㅌㅋ`` → ``토큰`` search."""

import functools
import re

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3
SYLLABLES_PER_INITIAL = 21 * 28
# The initial consonants in syllable order, as compatibility jamo (what keyboards type).
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
INITIAL_SET = frozenset(INITIALS)


def is_syllable(char: str) -> bool:
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def initial_of(char: str) -> str:
    """The initial consonant of a Hangul syllable; any other character as it is."""
    if is_syllable(char):
        return INITIALS[(ord(char) - SYLLABLE_FIRST) // SYLLABLES_PER_INITIAL]
    return char


_TO_INITIALS = {
    code: INITIALS[(code - SYLLABLE_FIRST) // SYLLABLES_PER_INITIAL]
    for code in range(SYLLABLE_FIRST, SYLLABLE_LAST + 1)
}


def initials_aligned(text: str) -> str:
    """``text`` with each syllable replaced by its initial: same length, same positions."""
    return text.translate(_TO_INITIALS)


_HANGUL_WORD = re.compile(f"[{chr(SYLLABLE_FIRST)}-{chr(SYLLABLE_LAST)}{INITIALS}]+")


def initials_words(text: str) -> str:
    """The initials of the Hangul words in ``text`` (and consonants typed alone, as in
    ㅋㅋ), one word per space: what gets indexed."""
    # Only the Hangul runs are translated: most of a mixed text is skipped in C.
    return " ".join(_HANGUL_WORD.findall(text)).translate(_TO_INITIALS)


@functools.lru_cache(maxsize=64)
def initials_pattern(term: str) -> re.Pattern[str]:
    """Where ``term`` (initials) occurs in ``initials_aligned(text)``, found in ``text``
    itself: each initial stands for itself or any syllable that starts with it."""
    parts = []
    for char in term:
        if char in INITIAL_SET:
            first = SYLLABLE_FIRST + INITIALS.index(char) * SYLLABLES_PER_INITIAL
            last = first + SYLLABLES_PER_INITIAL - 1
            parts.append(f"[{char}{chr(first)}-{chr(last)}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def is_initials_query(text: str) -> bool:
    """True for a query made only of initial consonants, such as ``ㅌㅋ``."""
    stripped = text.replace(" ", "")
    return bool(stripped) and all(char in INITIAL_SET for char in stripped)
