"""The writer's own questions across events, and the speakers of every talk.

A session's ``speaker`` may name several people, comma separated (``김하늘, Alex Kim``):
each is counted. Names are compared as written, after trimming and NFC: ``이영빈`` and
``Youngbin Lee`` are two speakers until someone merges them.
"""

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class OwnQuestion:
    """An own question (a Q&A entry of kind ``own``) with where it was asked."""

    qa_id: int
    event_id: int
    event: str
    start_date: dt.date
    session_id: int
    session: str
    question: str | None
    answer: str | None
    resolved: bool


@dataclass(frozen=True)
class SpeakerCount:
    name: str
    talks: int
    events: int


def speaker_names(field: str | None) -> list[str]:
    """The people a talk's speaker field names, in order, each once."""
    names: list[str] = []
    for part in (field or "").split(","):
        name = " ".join(unicodedata.normalize("NFC", part).split())
        if name and name not in names:
            names.append(name)
    return names


def speaker_counts(talks: Iterable[tuple[str | None, int]]) -> list[SpeakerCount]:
    """Speakers of ``(speaker field, event id)`` talks: most talks first, then by name."""
    talk_counts: dict[str, int] = {}
    events: dict[str, set[int]] = {}
    for field, event_id in talks:
        for name in speaker_names(field):
            talk_counts[name] = talk_counts.get(name, 0) + 1
            events.setdefault(name, set()).add(event_id)
    counts = [SpeakerCount(name, talk_counts[name], len(events[name])) for name in talk_counts]
    return sorted(counts, key=lambda count: (-count.talks, count.name.casefold()))
