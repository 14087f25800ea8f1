"""Query planning: how the index can find the documents holding every term, and the
check a document's text must pass where the index only narrows the search."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from recap.domain.hangul import initials_words
from recap.domain.records import EventFilter
from recap.domain.search_text import SearchTerm
from recap.storage.search.tables import (
    LONGEST_EVENT_DAYS,
    MAX_EXPANSIONS,
    MAX_PROBES,
    MAX_SINGLE_CHARACTER_EXPANSIONS,
    VOCABULARY_TABLE,
    day_bounds,
)

RowRange = tuple[int | None, int | None]  # rowid >= low and < high; None: unbounded


def quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def expansions(db: Session, prefix: str) -> list[str] | None:
    """The indexed trigrams that start with a 1–2 character term; None when so many
    that a scan is cheaper. (The vocabulary walks each trigram's rowid list: a few ms
    for a common term.)"""
    most = MAX_SINGLE_CHARACTER_EXPANSIONS if len(prefix) == 1 else MAX_EXPANSIONS
    rows = db.execute(
        text(
            f"SELECT term FROM {VOCABULARY_TABLE} WHERE term >= :low AND term < :high LIMIT :most"
        ),
        {"low": prefix, "high": prefix + "\U0010ffff", "most": most + 1},
    )
    terms = [row[0] for row in rows]
    return None if len(terms) > most else terms


def probe_trigrams(term: str) -> list[str]:
    """Trigrams of a 3+ character term that each matching document holds: all distinct
    ones of a short term, a spread of a long one's (each costs a rowid list to read;
    the index has no positions anyway, the text is checked after)."""
    grams = list(dict.fromkeys(term[start : start + 3] for start in range(len(term) - 2)))
    if len(grams) <= MAX_PROBES:
        return grams
    last = len(grams) - 1
    return [grams[round(index * last / (MAX_PROBES - 1))] for index in range(MAX_PROBES)]


@dataclass(frozen=True)
class Plan:
    expression: str | None  # FTS5 MATCH for the terms the index answers; None: scan
    checked: tuple[SearchTerm, ...]  # terms the index only narrows: check the text


def plan_query(db: Session, terms: list[SearchTerm], expand: bool = True) -> Plan | None:
    """How to find documents holding every term; None when one of them cannot match.
    A term of exactly three characters (one trigram) or a short term expanded through
    the vocabulary is answered by the index alone; ``expand`` False checks short terms
    on the text instead."""
    parts = []
    checked = []
    for term in terms:
        if len(term.text) >= 3:
            parts.append(" AND ".join(quoted(gram) for gram in probe_trigrams(term.text)))
            if len(term.text) > 3:
                checked.append(term)
            continue
        grams = expansions(db, term.text) if expand else None
        if grams is None:  # in too many trigrams (or not looked up): check the text
            checked.append(term)
        elif not grams:
            return None
        else:
            parts.append(f"({' OR '.join(quoted(gram) for gram in grams)})")
    return Plan(" AND ".join(parts) if parts else None, tuple(checked))


def holds_every_term(body: str, terms: Iterable[SearchTerm]) -> bool:
    """The index's semantics, checked on the text: each term a substring, case-blind;
    an initials term a substring of the words' initials."""
    folded = body.lower()
    initials = None
    for term in terms:
        if term.initials:
            if initials is None:
                initials = initials_words(body)
            if term.text not in initials:
                return False
        elif term.text not in folded:
            return False
    return True


def date_range(event_filter: EventFilter) -> RowRange:
    """The rowids of the events that may pass the filter's dates."""
    low = None
    if event_filter.date_from is not None:
        ordinal = max(1, event_filter.date_from.toordinal() - LONGEST_EVENT_DAYS)
        low = day_bounds(dt.date.fromordinal(ordinal))[0]
    high = day_bounds(event_filter.date_to)[1] if event_filter.date_to else None
    return low, high
