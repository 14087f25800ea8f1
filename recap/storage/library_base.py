"""What every part of the library's door shares: the engine, one transaction per
call with its errors turned into sentences, and finding a row or saying it is gone."""

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Engine
from sqlalchemy.orm import Session

from recap.errors import QT_TRANSLATE_NOOP, NotFound, Sentence
from recap.storage.failures import READING, SAVING, storage_errors
from recap.storage.location import Location
from recap.storage.models import Event, EventSession, QAEntry

RowT = TypeVar("RowT", Event, EventSession, QAEntry)
# How a missing row is named to the user.
ROW_KINDS = {
    Event: Sentence(QT_TRANSLATE_NOOP("RecapError", "event")),
    EventSession: Sentence(QT_TRANSLATE_NOOP("RecapError", "session")),
    QAEntry: Sentence(QT_TRANSLATE_NOOP("RecapError", "Q&A entry")),
}
ItemT = TypeVar("ItemT", EventSession, QAEntry)


class LibraryBase:
    def __init__(self, engine: Engine, location: Location | None) -> None:
        self.engine = engine
        self.location = location
        # The library's file; None for a server's database or a throwaway one.
        self.path = location if isinstance(location, Path) else None

    @property
    def on_server(self) -> bool:
        return isinstance(self.location, URL)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _transaction(self, doing: Sentence = SAVING) -> Iterator[Session]:
        """One unit of work: committed whole, or rolled back whole. Whatever the driver
        raises inside, through the ORM or straight from its connection (the fast reads
        of queries.py and search.py), comes out as a sentence about ``doing``."""
        with (
            storage_errors(doing),
            Session(self.engine, expire_on_commit=False) as db,
            db.begin(),
        ):
            yield db

    def _reading(self) -> AbstractContextManager[Session]:
        return self._transaction(READING)

    # -- helpers -------------------------------------------------------------

    @staticmethod
    def _get(db: Session, model: type[RowT], row_id: int) -> RowT:
        row = db.get(model, row_id)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("RecapError", "There is no {kind} with id {id}."),
                kind=ROW_KINDS[model],
                id=row_id,
            )
        return row

    @staticmethod
    def _moved(items: Sequence[ItemT], item: ItemT, new_index: int) -> list[ItemT]:
        order = [other for other in items if other is not item]
        order.insert(max(0, min(new_index, len(order))), item)
        return order

    @staticmethod
    def _renumber(items: Sequence[EventSession | QAEntry]) -> None:
        for position, item in enumerate(items):
            item.position = position
