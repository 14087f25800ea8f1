"""Search queries as users type them: words, "quoted phrases", initial consonants."""

import re
from dataclasses import dataclass

from recap.domain.hangul import initials_pattern, is_initials_query
from recap.domain.records import Snippet
from recap.domain.text import nfc

# Straight or typographic quotes (macOS and Korean keyboards often type the latter).
QUOTES = '"“”'
_TERM = re.compile(rf"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]|(\S+)")


@dataclass(frozen=True)
class SearchTerm:
    text: str  # lower-cased, one to one as FTS5 folds (casefold would turn ß into ss)
    initials: bool  # made of initial consonants only: matched against 초성


def parse_query(query: str) -> list[SearchTerm]:
    """Words and quoted phrases; every one of them must match."""
    terms = []
    for match in _TERM.finditer(nfc(query)):
        text = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if text:
            initials = is_initials_query(text)
            if initials:  # words of initials are indexed one space apart
                text = " ".join(text.split())
            terms.append(SearchTerm(text=text.lower(), initials=initials))
    return terms


def unquoted(query: str) -> str:
    """The query as a sentence quotes it: a single quoted phrase without its own
    quotes (“"장거리 의존성이"” reads doubled)."""
    inner = query.strip()
    quoted = len(inner) > 1 and inner[0] in QUOTES and inner[-1] in QUOTES
    if quoted and not any(quote in inner[1:-1] for quote in QUOTES):
        return inner[1:-1]
    return query


def match_spans(text: str, terms: list[SearchTerm]) -> list[tuple[int, int]]:
    """Where the terms occur in ``text`` (case-blind; initials against each syllable's)."""
    folded = text.lower()
    if len(folded) != len(text):  # a rare lower() that changes length: match as written
        folded = text
    spans: list[tuple[int, int]] = []
    for term in terms:
        if term.initials:
            spans.extend(match.span() for match in initials_pattern(term.text).finditer(text))
            continue
        needle = term.text
        start = folded.find(needle)
        while start != -1 and needle:
            spans.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    return merge(sorted(spans))


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def make_snippet(text: str, terms: list[SearchTerm], width: int = 90) -> Snippet:
    """A one-line excerpt around the first match, the matches flagged."""
    flat = " ".join(text.split())
    spans = match_spans(flat, terms)
    if not spans:
        return ((flat[:width] + ("…" if len(flat) > width else ""), False),)
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            pieces.append((flat[cursor:span_start], False))
        pieces.append((flat[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((flat[cursor:end], False))
    if end < len(flat):
        pieces.append(("…", False))
    return tuple(pieces)
