"""The one object between the window and the open library.

It owns the library that is open (with its lock and whether it is read-only), what
the event list is filtered by, and every call into the library. A call that meets
a known problem (a damaged file, a full disk, bad input) does not raise: the
problem is emitted on ``problem`` — the one place the window listens for them —
and the call returns None or False. It holds no widgets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from recap.domain.records import (
    AttachmentInfo,
    AttachmentRecord,
    EventFilter,
    EventRecord,
    EventSummary,
    QARecord,
    SearchHit,
    SessionRecord,
    TagCount,
)
from recap.errors import EditConflict, LibraryError, NotFound, RecapError
from recap.ui.others_changes import OthersChanges

if TYPE_CHECKING:
    from recap.storage.attachments import AttachmentUse
    from recap.storage.library import Library, LoadResult
    from recap.storage.library_qa import QAMerged
    from recap.storage.opening import OpenedLibrary
    from recap.ui.background_copy import CopyJob

T = TypeVar("T")
SEARCH_LIMIT = 50


@dataclass
class Listing:
    """What the event list shows: search hits, or the ids of the events passing the filter."""

    total: int  # events in the library
    hits: list[SearchHit] | None = None  # None: not searching
    ids: list[int] = field(default_factory=list)


class LibraryController(QObject):
    """``problem(error, quiet)``: a quiet one (met while typing a search) belongs in the
    status bar; any other deserves a dialog. ``listChanged``: the filter, the search or
    the set of events changed; ``tagsChanged``: tag names or counts may have changed."""

    problem = Signal(object, bool)
    attached = Signal()
    listChanged = Signal()
    tagsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.opened: OpenedLibrary | None = None
        self.is_sample = False
        self.date_range: tuple[dt.date | None, dt.date | None] = (None, None)
        self.unpublished_on: str | None = None  # only recaps not published (ANY_PLATFORM)
        self.tag_filter: tuple[tuple[str, ...], bool] = ((), False)
        self.search_text = ""
        # A team library: other writers' changes refresh the list, tags and counts.
        self.others = OthersChanges(self)
        self.others.changed.connect(self._changed_by_others)
        self.others.failed.connect(lambda error: self.problem.emit(error, True))

    # -- the open library ------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self.opened.library if self.opened is not None else None

    @property
    def read_only(self) -> bool:
        return self.opened is not None and self.opened.read_only

    def attach(self, opened: OpenedLibrary, *, is_sample: bool = False) -> None:
        """Use ``opened`` from now on; the library open before is closed."""
        if self.opened is not None and self.opened.library is not opened.library:
            self.opened.close()
        self.opened = opened
        self.is_sample = is_sample
        self.others.watch(opened.library)
        self.attached.emit()

    def _changed_by_others(self) -> None:
        self.tagsChanged.emit()
        self.listChanged.emit()

    def close(self) -> None:
        """Let go of the library and its lock (its file is about to change, or the
        window closes)."""
        self.others.stop()
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def attempt(self, call: Callable[[Library], T], *, quiet: bool = False) -> T | None:
        """``call(library)``, or None when there is no library or the call met a known
        problem (emitted on ``problem``)."""
        library = self.library
        if library is None:
            return None
        try:
            return call(library)
        except RecapError as error:
            self.problem.emit(error, quiet)
            return None

    def done(
        self, call: Callable[[Library], object], *, answers: tuple[type[RecapError], ...] = ()
    ) -> bool:
        """``call(library)`` for a write: True when it was written (errors of the kinds
        in ``answers`` are raised for the caller, not reported)."""
        library = self.library
        if library is None or self.read_only:
            return False
        try:
            call(library)
        except RecapError as error:
            if isinstance(error, answers):
                raise
            self.problem.emit(error, False)
            return False
        return True

    def copy_job(self, target: str) -> CopyJob | None:
        """A job copying the open library to ``target`` (a new file's path or a server's
        URL), not started yet; None when there is no library or ``target`` is no place
        (said on ``problem``, as the job's own failure will be)."""
        library = self.library
        if library is None or library.location is None:
            return None
        from recap.storage.location import parse_location
        from recap.ui.background_copy import CopyJob

        try:
            location = parse_location(target)
        except RecapError as error:
            self.problem.emit(error, False)
            return None
        job = CopyJob(library.location, location, self)
        job.failed.connect(lambda error: self.problem.emit(error, False))
        return job

    # -- what the list shows ----------------------------------------------------------

    def event_filter(self) -> EventFilter:
        (first, last), (tags, match_any) = self.date_range, self.tag_filter
        return EventFilter(
            tags=tags,
            match_any_tag=match_any,
            date_from=first,
            date_to=last,
            unpublished_on=self.unpublished_on,
        )

    def set_unpublished_only(self, only: bool, platform: str | None = None) -> None:
        """List only recaps not published yet (on ``platform``, or anywhere)."""
        from recap.domain.records import ANY_PLATFORM

        self.unpublished_on = (platform or ANY_PLATFORM) if only else None
        self.listChanged.emit()

    def set_date_range(self, first: dt.date | None, last: dt.date | None) -> None:
        self.date_range = (first, last)
        self.listChanged.emit()

    def set_tag_filter(self, names: tuple[str, ...], match_any: bool) -> None:
        self.tag_filter = (names, match_any)
        self.listChanged.emit()

    def set_search(self, text: str) -> None:
        self.search_text = text
        self.listChanged.emit()

    def clear_filters(self, match_any: bool) -> None:
        self.date_range = (None, None)
        self.tag_filter = ((), match_any)
        self.search_text = ""
        self.unpublished_on = None
        self.listChanged.emit()

    def listing(self) -> Listing | None:
        """The events to list now, newest first (None: the library could not answer)."""

        def read(library: Library) -> Listing:
            total = library.event_count()
            if self.search_text:
                found = library.search(self.search_text, self.event_filter(), SEARCH_LIMIT)
                return Listing(total, hits=found)
            return Listing(total, ids=library.event_ids(self.event_filter()))

        return self.attempt(read, quiet=bool(self.search_text))

    def summaries(self, event_ids: Sequence[int], unreadable_title: str) -> list[EventSummary]:
        """The list's rows for a page of ids. One damaged page of the file must not hide
        the whole page of the list: rows that cannot be read show ``unreadable_title``."""
        library = self.library
        if library is None:
            return []
        try:
            return library.summaries_for(event_ids)
        except LibraryError as error:
            self.problem.emit(error, False)
        rows = []
        for event_id in event_ids:
            try:
                rows.extend(library.summaries_for([event_id]))
            except LibraryError:
                rows.append(EventSummary(event_id, unreadable_title, dt.date.min, None, ()))
        return rows

    # -- reading ------------------------------------------------------------------------

    def event_record(self, event_id: int) -> EventRecord | None:
        """The event to edit: its attachments are listed apart, without their bytes."""
        return self.attempt(lambda library: library.event(event_id, attachments=False))

    def event_count(self) -> int:
        return self.attempt(lambda library: library.event_count()) or 0

    def tag_counts(self) -> list[TagCount]:
        return self.attempt(lambda library: library.tag_counts()) or []

    def publication_platforms(self) -> list[str]:
        return self.attempt(lambda library: library.publication_platforms()) or []

    def category_names(self) -> list[str]:
        return self.attempt(lambda library: library.category_names()) or []

    def titles_by_day(self, first: dt.date, last: dt.date) -> dict[dt.date, list[str]]:
        return self.attempt(lambda library: library.titles_by_day(first, last)) or {}

    # -- writing events and tags ------------------------------------------------------

    def create_event(self, record: EventRecord) -> int | None:
        if self.read_only:
            return None
        event_id = self.attempt(lambda library: library.create_event(record))
        if event_id is not None:
            self.tagsChanged.emit()
            self.listChanged.emit()
        return event_id

    def delete_event(self, event_id: int) -> bool:
        if not self.done(lambda library: library.delete_event(event_id)):
            return False
        self.tagsChanged.emit()
        self.listChanged.emit()
        return True

    def import_events(self, records: Sequence[EventRecord]) -> LoadResult | None:
        if self.read_only:
            return None
        result = self.attempt(lambda library: library.load_records(records))
        if result is not None:
            self.tagsChanged.emit()
            self.listChanged.emit()
        return result

    def change_tags(self, change: Callable[[Library], int]) -> int | None:
        """Rename, merge or delete a tag; how many events changed (None: nothing did)."""
        if self.read_only:
            return None
        count = self.attempt(change)
        if count is not None:
            self.tagsChanged.emit()
            self.listChanged.emit()
        return count

    # -- writing what the editor holds --------------------------------------------------

    def update_event(self, record: EventRecord) -> bool | EditConflict | NotFound:
        """True when saved; the conflict when someone else saved it meanwhile (the
        editor asks the writer); NotFound when someone else deleted it (the editor keeps
        the text); False for any other problem (reported)."""
        return self.saved_unless_elsewhere(lambda library: library.update_event(record))

    def update_session(self, record: SessionRecord) -> bool | EditConflict:
        try:
            return self.done(
                lambda library: library.update_session(record), answers=(EditConflict,)
            )
        except EditConflict as conflict:
            return conflict

    def update_session_unless_gone(self, record: SessionRecord) -> bool | EditConflict | NotFound:
        """As ``update_event``, for a talk."""
        return self.saved_unless_elsewhere(lambda library: library.update_session(record))

    def saved_unless_elsewhere(
        self, call: Callable[[Library], object]
    ) -> bool | EditConflict | NotFound:
        """``done(call)``, with what another writer did meanwhile returned, not reported."""
        try:
            return self.done(call, answers=(EditConflict, NotFound))
        except (EditConflict, NotFound) as answer:
            return answer

    def save_qa_entries(
        self, session_id: int, records: Sequence[QARecord], known_ids: Sequence[int]
    ) -> list[int | None] | None:
        """``known_ids``: the entries the editor was shown (one added by someone else
        meanwhile is kept, not deleted as if this writer had removed it)."""
        if self.read_only:
            return None
        return self.attempt(
            lambda library: library.save_qa_entries(session_id, records, known_ids=known_ids)
        )

    def merge_qa_entries(
        self, session_id: int, records: Sequence[QARecord], shown: Sequence[QARecord]
    ) -> QAMerged | None:
        """Save the editor's Q&A beside what others changed since it showed ``shown``
        (None: not saved, the problem reported)."""
        if self.read_only:
            return None
        return self.attempt(lambda library: library.merge_qa_entries(session_id, records, shown))

    def add_session(self, event_id: int, record: SessionRecord) -> int | None:
        if self.read_only:
            return None
        return self.attempt(lambda library: library.add_session(event_id, record))

    def delete_session(self, session_id: int) -> bool:
        return self.done(lambda library: library.delete_session(session_id))

    def move_session(self, session_id: int, new_index: int) -> bool:
        return self.done(lambda library: library.move_session(session_id, new_index))

    def reorder_sessions(self, event_id: int, session_ids: Sequence[int]) -> bool:
        return self.done(lambda library: library.reorder_sessions(event_id, session_ids))

    # -- pictures and files -------------------------------------------------------------

    def report(self, error: RecapError) -> None:
        """A problem met elsewhere (a picture read on a worker thread), said in the one place."""
        self.problem.emit(error, False)

    def event_for_export(self, event_id: int) -> EventRecord | None:
        """The whole event with its pictures' and files' bytes (for a post)."""
        return self.attempt(lambda library: library.event(event_id))

    def attachments(self, event_id: int) -> list[AttachmentInfo]:
        return self.attempt(lambda library: library.attachments(event_id)) or []

    def content_reader(self) -> Callable[[str], bytes | None]:
        """Reads stored bytes by content hash from any thread (thumbnails and previews are
        made on worker threads); None when the library cannot give them."""
        library = self.library

        def read(sha256: str) -> bytes | None:
            if library is None or self.library is not library:
                return None  # the library was closed or replaced meanwhile
            try:
                return library.attachment_content(sha256)
            except RecapError:
                return None

        return read

    def attachment_writer(self) -> Callable[[int, AttachmentRecord], AttachmentInfo] | None:
        """Attaches a file from any thread (a pasted photo is stored on a worker thread);
        the writer raises RecapError, to be given to `report` on the window's thread.
        None when nothing may be written."""
        library = self.library
        if library is None or self.read_only:
            return None
        return library.add_attachment

    def available_attachment_name(self, event_id: int, wanted: str) -> str | None:
        return self.attempt(lambda library: library.available_attachment_name(event_id, wanted))

    def rename_attachment(self, attachment_id: int, new_name: str) -> AttachmentInfo | None:
        if self.read_only:
            return None
        return self.attempt(lambda library: library.rename_attachment(attachment_id, new_name))

    def set_attachment_caption(
        self, attachment_id: int, caption: str | None
    ) -> AttachmentInfo | None:
        if self.read_only:
            return None
        return self.attempt(lambda library: library.set_attachment_caption(attachment_id, caption))

    def attachment_uses(self, attachment_id: int) -> list[AttachmentUse] | None:
        return self.attempt(lambda library: library.attachment_uses(attachment_id))

    def delete_attachment(self, attachment_id: int) -> bool:
        return self.done(lambda library: library.delete_attachment(attachment_id))

    def attachment_content(self, sha256: str) -> bytes | None:
        return self.attempt(lambda library: library.attachment_content(sha256))
