"""A talk's Q&A entries (mixed into `Library`): added, saved as the editor holds them,
moved and deleted; and saved beside another writer's changes to the same list.

Two people often write down the questions of one talk at once. An editor's save says
which entries it was shown (as they were then), so the library tells what this writer
changed from what someone else changed meanwhile: an entry only one of them changed
keeps that change, one both changed is kept twice (theirs after mine), one someone else
added stays, one someone else deleted stays deleted unless this writer changed it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from recap.domain.records import QARecord
from recap.domain.validate import clean_qa, cleaned_fields, has_text
from recap.errors import NotFound, Sentence
from recap.storage import search, writes
from recap.storage.convert import qa_record
from recap.storage.failures import SAVING
from recap.storage.models import EventSession, QAEntry

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RowT = TypeVar("RowT", EventSession, QAEntry)


@dataclass(frozen=True)
class QAMerged:
    """What a save beside others' changes did: the id each record now has (None for a
    skipped one), and the talk's entries as stored when they are not just the records
    saved (someone else's changes were kept: the editor shows these)."""

    ids: list[int | None]
    stored: list[QARecord] | None


def same_entry(first: QARecord, second: QARecord) -> bool:
    """The same kind, texts and state, compared as they are stored (cleaned)."""
    return replace(cleaned_fields(first), id=None) == replace(cleaned_fields(second), id=None)


class QAMethods:
    if TYPE_CHECKING:

        def _transaction(self, doing: Sentence = SAVING) -> AbstractContextManager[Session]: ...

        @staticmethod
        def _get(db: Session, model: type[RowT], row_id: int, *, locked: bool = False) -> RowT: ...

        @staticmethod
        def _renumber(items: Sequence[EventSession | QAEntry]) -> None: ...

        @staticmethod
        def _moved(items: Sequence[QAEntry], item: QAEntry, new_index: int) -> list[QAEntry]: ...

    def add_qa(self, session_id: int, record: QARecord) -> int:
        cleaned = clean_qa(record)
        with self._transaction() as db:
            talk = self._get(db, EventSession, session_id)
            entry = writes.new_qa_entry(cleaned, position=len(talk.qa_entries))
            talk.qa_entries.append(entry)
            search.reindex_session(db, talk)
            return entry.id

    def save_qa_entries(
        self,
        session_id: int,
        records: Sequence[QARecord],
        *,
        known_ids: Collection[int] | None = None,
    ) -> list[int | None]:
        """Make a talk's Q&A entries exactly ``records``, in that order, in one transaction.

        A record with an id updates that entry; one without is added; stored entries
        not in ``records`` are deleted, except, when ``known_ids`` (the entries the
        writer was shown) is given, the ones someone else added meanwhile: those stay,
        after ``records``. A record with neither question nor answer is not written: a
        stored one keeps its last good text, a new one is skipped.
        Returns the id each record now has (None for a skipped one).
        """
        with self._transaction() as db:
            talk = self._get(db, EventSession, session_id, locked=True)
            shown: dict[int, QARecord | None] | None = None
            if known_ids is not None:
                shown = dict.fromkeys(known_ids)
            written, _ = write_entries(db, talk, records, shown)
            return [entry.id if entry is not None else None for entry in written]

    def merge_qa_entries(
        self, session_id: int, records: Sequence[QARecord], shown: Sequence[QARecord]
    ) -> QAMerged:
        """Save ``records`` as ``save_qa_entries`` does, beside what others changed since
        the writer was shown ``shown`` (the entries as they were then; see the module)."""
        with self._transaction() as db:
            talk = self._get(db, EventSession, session_id, locked=True)
            bases: dict[int, QARecord | None] = {
                entry.id: entry for entry in shown if entry.id is not None
            }
            written, merged = write_entries(db, talk, records, bases)
            ids = [entry.id if entry is not None else None for entry in written]
            stored = [qa_record(entry) for entry in talk.qa_entries] if merged else None
            return QAMerged(ids, stored)

    def update_qa(self, record: QARecord) -> None:
        if record.id is None:
            raise NotFound("The Q&A entry to update has no id.")
        cleaned = clean_qa(record)
        with self._transaction() as db:
            entry = self._get(db, QAEntry, record.id)
            writes.apply_qa_fields(entry, cleaned)
            talk = self._get(db, EventSession, entry.session_id)
            search.reindex_session(db, talk)

    def delete_qa(self, qa_id: int) -> None:
        with self._transaction() as db:
            entry = self._get(db, QAEntry, qa_id)
            talk = self._get(db, EventSession, entry.session_id)
            siblings = [other for other in talk.qa_entries if other.id != qa_id]
            db.delete(entry)
            self._renumber(siblings)
            search.reindex_session(db, talk, removed_qa_ids=[qa_id])

    def move_qa(self, qa_id: int, new_index: int) -> None:
        with self._transaction() as db:
            entry = self._get(db, QAEntry, qa_id)
            talk = self._get(db, EventSession, entry.session_id)
            self._renumber(self._moved(talk.qa_entries, entry, new_index))


def write_entries(
    db: Session,
    talk: EventSession,
    records: Sequence[QARecord],
    shown: dict[int, QARecord | None] | None,
) -> tuple[list[QAEntry | None], bool]:
    """Make the talk's entries ``records``; ``shown``: the entries the writer was shown,
    by id, each as it was then (None: not known). Returns the entry written for each
    record and whether someone else's changes were kept beside them."""
    stored = {entry.id: entry for entry in talk.qa_entries}
    old_ids = list(stored)
    order: list[QAEntry] = []
    written: list[QAEntry | None] = []
    merged = False
    for record in records:
        entry = stored.get(record.id) if record.id is not None else None
        base = shown.get(record.id) if shown is not None and record.id is not None else None
        if not (has_text(record.question) or has_text(record.answer)):
            pass  # nothing to write: a stored entry keeps its last good text
        elif base is not None and same_entry(record, base):  # not changed by this writer
            merged = merged or entry is None or not same_entry(qa_record(entry), base)
        elif entry is None:  # new, or deleted by someone else after this writer changed it
            merged = merged or base is not None
            entry = writes.new_qa_entry(clean_qa(record), position=len(order))
        else:
            theirs = qa_record(entry)
            writes.apply_qa_fields(entry, clean_qa(record))
            if base is not None and not same_entry(theirs, base):  # both changed it
                order.append(entry)
                entry = writes.new_qa_entry(theirs, position=len(order))
                merged = True
                written.append(order[-1])
                order.append(entry)
                continue
        if entry is not None:
            order.append(entry)
        written.append(entry)
    if shown is not None:  # entries someone else added meanwhile stay, after these
        unseen = set(stored) - set(shown) - {entry.id for entry in order}
        order += [entry for entry in talk.qa_entries if entry.id in unseen]
        merged = merged or bool(unseen)
    talk.qa_entries = order
    for position, entry in enumerate(order):
        entry.position = position
    search.reindex_session(db, talk, removed_qa_ids=old_ids)
    return written, merged
