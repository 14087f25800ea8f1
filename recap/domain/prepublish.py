"""The pre-publish check: what a reader of the post would notice before the writer does.

Each problem says what is wrong and where (the event's field, or a talk's), so the
window can go there. The sentences are marked for translation in the "Check" context;
``Spot`` tells the editor which field to show.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from recap.domain.addresses import completed_address
from recap.domain.attachments import name_key
from recap.domain.records import EventRecord, LinkRecord, SessionRecord
from recap.domain.references import attachment_references
from recap.errors import QT_TRANSLATE_NOOP, Sentence

# The schemes a link in a post may have; anything else is a typo a reader cannot follow.
LINK_SCHEMES: Final = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Spot:
    """Where a problem is: the event's field, or a talk's (``talk``: its index)."""

    field: str
    talk: int | None = None
    item: int | None = None  # a link's or a question's index in the talk


@dataclass(frozen=True)
class Problem:
    event_id: int | None
    sentence: Sentence
    where: Sentence
    spot: Spot

    @property
    def problem(self) -> str:
        return str(self.sentence)

    @property
    def place(self) -> str:
        return str(self.where)


def check_event(
    event: EventRecord, post_title: str | None = None, title_limit: int | None = None
) -> list[Problem]:
    """Every problem of ``event``, in the order of the post; ``post_title`` is the title
    the profile's pattern makes, checked against ``title_limit`` characters."""
    return list(_problems(event, post_title, title_limit))


def _problems(
    event: EventRecord, post_title: str | None, title_limit: int | None
) -> Iterator[Problem]:
    def problem(template: str, where: Sentence, spot: Spot, **details: object) -> Problem:
        return Problem(event.id, Sentence(template, **details), where, spot)

    event_where = Sentence(QT_TRANSLATE_NOOP("Check", "the event"))
    title = post_title if post_title is not None else event.title
    if title_limit is not None and len(title) > title_limit:
        yield problem(
            QT_TRANSLATE_NOOP(
                "Check", "The post's title is {length} characters; the platform takes {most}."
            ),
            Sentence(QT_TRANSLATE_NOOP("Check", "the event's title")),
            Spot("title"),
            length=len(title),
            most=title_limit,
        )
    if not event.tags:
        yield problem(QT_TRANSLATE_NOOP("Check", "No tags."), event_where, Spot("tags"))
    if not (event.category or "").strip():
        yield problem(QT_TRANSLATE_NOOP("Check", "No category."), event_where, Spot("category"))
    for index, talk in enumerate(event.sessions):
        yield from _talk_problems(event, index, talk)
    yield from _picture_problems(event)


def _talk_problems(event: EventRecord, index: int, talk: SessionRecord) -> Iterator[Problem]:
    where = Sentence(
        QT_TRANSLATE_NOOP("Check", "talk {number} “{title}”"), number=index + 1, title=talk.title
    )

    def problem(template: str, spot: Spot, **details: object) -> Problem:
        return Problem(event.id, Sentence(template, **details), where, spot)

    if not (talk.speaker or "").strip():
        yield problem(QT_TRANSLATE_NOOP("Check", "No speaker."), Spot("speaker", index))
    if not (talk.notes or "").strip():
        yield problem(QT_TRANSLATE_NOOP("Check", "No notes."), Spot("notes", index))
    if not (talk.impression or "").strip():
        yield problem(
            QT_TRANSLATE_NOOP("Check", "The impression is empty."), Spot("impression", index)
        )
    for number, entry in enumerate(talk.qa):
        if entry.kind == "own" and not entry.resolved:
            yield problem(
                QT_TRANSLATE_NOOP("Check", "Your question “{question}” is still open."),
                Spot("qa", index, number),
                question=(entry.question or "").strip()[:60],
            )
    for number, link in enumerate(talk.links):
        yield from (
            problem(template, Spot("links", index, number), url=link.url)
            for template in _link_problems(link)
        )


def _link_problems(link: LinkRecord) -> Iterator[str]:
    if not (link.label or "").strip():
        yield QT_TRANSLATE_NOOP("Check", "The link {url} has no label.")
    if not well_formed(link.url):
        yield QT_TRANSLATE_NOOP("Check", "The link address “{url}” is malformed.")


def well_formed(url: str) -> bool:
    """An address a reader's browser can follow: http(s) with a host, or mailto."""
    text = completed_address(url)
    if not text or any(char.isspace() for char in text):
        return False
    try:
        parts = urllib.parse.urlsplit(text)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        return False
    if parts.scheme == "mailto":
        return "@" in parts.path
    host = parts.hostname or ""
    return parts.scheme in LINK_SCHEMES and port_ok and ("." in host or host == "localhost")


def _texts(event: EventRecord) -> Iterator[tuple[str | None, Spot, Sentence]]:
    yield event.summary, Spot("summary"), Sentence(QT_TRANSLATE_NOOP("Check", "the summary"))
    for index, talk in enumerate(event.sessions):
        where = Sentence(
            QT_TRANSLATE_NOOP("Check", "talk {number} “{title}”"),
            number=index + 1,
            title=talk.title,
        )
        yield talk.notes, Spot("notes", index), where
        yield talk.impression, Spot("impression", index), where


def _picture_problems(event: EventRecord) -> Iterator[Problem]:
    attached = {name_key(item.name): item.name for item in event.attachments}
    shown: set[str] = set()
    for text, spot, where in _texts(event):
        for reference in attachment_references(text):
            assert reference.name is not None
            key = name_key(reference.name)
            shown.add(key)
            if key not in attached:
                yield Problem(
                    event.id,
                    Sentence(
                        QT_TRANSLATE_NOOP("Check", "“{name}” is referred to but not attached."),
                        name=reference.name,
                    ),
                    where,
                    spot,
                )
    for key, name in attached.items():
        if key not in shown:
            yield Problem(
                event.id,
                Sentence(
                    QT_TRANSLATE_NOOP("Check", "“{name}” is attached but never shown."), name=name
                ),
                Sentence(QT_TRANSLATE_NOOP("Check", "the pictures")),
                Spot("attachments"),
            )
