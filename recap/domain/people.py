"""The writer's own questions across events, and the speakers of every talk.

A session's ``speaker`` may name several people, comma separated (``김하늘, Alex Kim``):
each is counted. Names are compared as written, after trimming and NFC: ``이영빈`` and
``Youngbin Lee`` are two speakers until someone merges them.
"""

import datetime as dt
import unicodedata
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


@dataclass(frozen=True)
class SpeakerTalk:
    event_id: int
    event: str
    start_date: dt.date
    session_id: int
    session: str


def renamed_field(field: str | None, old: str, new: str) -> str | None:
    """The speaker field with ``old`` written as ``new`` (once, if ``new`` is there too);
    None when ``old`` is not one of its names."""
    names = speaker_names(field)
    if old not in names:
        return None
    written = [new if name == old else name for name in names]
    return ", ".join(dict.fromkeys(written))
