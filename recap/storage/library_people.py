"""The library's reads across events about people (mixed into `Library`): the writer's
own questions and the speakers of every talk."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from recap.domain.people import OwnQuestion, SpeakerCount, speaker_counts
from recap.storage import people

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class PeopleMethods:
    if TYPE_CHECKING:

        def _reading(self) -> AbstractContextManager[Session]: ...

    def own_questions(
        self, *, open_only: bool = False, tags: tuple[str, ...] = ()
    ) -> list[OwnQuestion]:
        """The writer's own questions across events, newest event first (``tags``: on
        events with all of them)."""
        with self._reading() as db:
            return people.own_questions(db, open_only, tags)

    def speaker_counts(self) -> list[SpeakerCount]:
        """Every speaker with their number of talks and events, most talks first."""
        with self._reading() as db:
            return speaker_counts(people.speaker_fields(db))

    def open_question_count(self) -> int:
        """How many of the writer's own questions are not resolved yet."""
        with self._reading() as db:
            return people.open_question_count(db)
