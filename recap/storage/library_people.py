"""The library's reads across events about people (mixed into `Library`): the writer's
own questions and the speakers of every talk."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from recap.domain.people import (
    OwnQuestion,
    SpeakerCount,
    SpeakerTalk,
    renamed_field,
)
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, Sentence
from recap.storage import people, search
from recap.storage.failures import SAVING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class PeopleMethods:
    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[Session]: ...

        def _transaction(self, doing: Sentence = SAVING) -> AbstractContextManager[Session]: ...

    def own_questions(
        self,
        *,
        open_only: bool = False,
        tags: tuple[str, ...] = (),
        text: str = "",
        limit: int | None = None,
    ) -> list[OwnQuestion]:
        """The writer's own questions across events, newest event first (``tags``: on
        events with all of them; ``text``: every word of it in the event's or the talk's
        title, the question or the answer; ``limit``: the newest that many)."""
        words = tuple(text.split())
        with self._reading() as db:
            return people.own_questions(db, open_only, tags, words, limit)

    def speaker_counts(self) -> list[SpeakerCount]:
        """Every speaker with their number of talks and events, most talks first."""
        with self._reading() as db:
            return people.speaker_counts(db)

    def open_question_count(self) -> int:
        """How many of the writer's own questions are not resolved yet."""
        with self._reading() as db:
            return people.open_question_count(db)

    def speaker_talks(self, name: str) -> list[SpeakerTalk]:
        """The talks that name ``name`` among their speakers, newest first."""
        with self._reading() as db:
            return people.speaker_talks(db, " ".join(name.split()))

    def rename_speaker(self, old: str, new: str) -> int:
        """Write the speaker ``old`` as ``new`` in every talk naming them (a name that is
        already there merges the two); returns how many talks changed. One transaction."""
        old, new = " ".join(old.split()), " ".join(new.split())
        if not new or "," in new:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RecapError", "A speaker's name is one name, not empty, no comma."
                )
            )
        with self._transaction() as db:
            talks = people.talks_naming(db, old)
            for talk in talks:
                talk.speaker = renamed_field(talk.speaker, old, new)
                talk.version += 1
                search.reindex_session(db, talk)
            return len(talks)
