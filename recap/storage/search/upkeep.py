"""Keeping the index in step with every write: rowids, inserting, deleting and
replacing documents, reindexing an event or a talk, rebuilding from scratch."""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session, selectinload

from recap.storage.models import Event, EventSession
from recap.storage.search.documents import (
    Document,
    event_document,
    event_documents,
    indexed_text,
    session_documents,
)
from recap.storage.search.server import folded_text
from recap.storage.search.signature import SIGS_TABLE, WORD_COLUMNS, WORDS, signature
from recap.storage.search.tables import (
    CREATE_STATEMENTS,
    DAY_SHIFT,
    DOCS_TABLE,
    DROP_STATEMENTS,
    INDEX_TABLE,
    KIND_CODES,
    MANY_DOCUMENTS,
)

Db = Session | Connection


def core(db: Db) -> Connection:
    """The Core connection: executemany through the ORM session costs more per call."""
    return db.connection() if isinstance(db, Session) else db


def next_rowids(db: Db, days: set[int]) -> dict[int, int]:
    """For each day (an ordinal), the rowid after its last document: one query."""
    parameters = {"low": min(days) << DAY_SHIFT, "high": (max(days) + 1) << DAY_SHIFT}
    result = core(db).execute(
        text(
            f"SELECT id >> {DAY_SHIFT}, max(id) FROM {DOCS_TABLE} "
            f"WHERE id >= :low AND id < :high GROUP BY id >> {DAY_SHIFT}"
        ),
        parameters,
    )
    last: dict[int, int] = {day: rowid for day, rowid in result}
    return {day: last[day] + 1 if day in last else day << DAY_SHIFT for day in days}


def free_rowid(db: Db, day: int, taken: set[int]) -> int:
    """The first unused rowid of a day whose last number is used up (about a million
    documents added on one day): slow, and never seen in practice."""
    low, high = day << DAY_SHIFT, (day + 1) << DAY_SHIFT
    stored = core(db).execute(
        text(f"SELECT id FROM {DOCS_TABLE} WHERE id >= :low AND id < :high"),
        {"low": low, "high": high},
    )
    used = taken | {row[0] for row in stored}
    rowid = next((rowid for rowid in range(low, high) if rowid not in used), None)
    if rowid is None:
        raise OverflowError(f"More than {1 << DAY_SHIFT} search documents on one day.")
    return rowid


def assign_rowids(
    db: Db, documents: Iterable[Document], reusable: Iterable[int]
) -> list[tuple[int, Document]]:
    """Rowids for new documents: ``reusable`` ones (just freed on the same day) first, so
    that a day's numbers do not keep growing, then the ones after the day's last."""
    spare: dict[int, list[int]] = defaultdict(list)
    for rowid in sorted(reusable, reverse=True):
        spare[rowid >> DAY_SHIFT].append(rowid)  # popped lowest first
    pending = list(documents)
    days = {document.start.toordinal() for document in pending}
    following = next_rowids(db, days) if days else {}
    for day, rowids in spare.items():  # the spare ones are not stored again yet
        following[day] = max(following.get(day, 0), rowids[0] + 1)
    rows: list[tuple[int, Document]] = []
    for document in pending:
        day = document.start.toordinal()
        if spare[day]:
            rowid = spare[day].pop()
        elif following[day] < (day + 1) << DAY_SHIFT:
            rowid = following[day]
            following[day] += 1
        else:
            rowid = free_rowid(db, day, {taken for taken, _ in rows})
        rows.append((rowid, document))
    return rows


def insert_documents(db: Db, documents: Iterable[Document], reusable: Iterable[int] = ()) -> None:
    """Store and index documents; ``reusable`` are rowids just freed (by deleting the
    documents these replace)."""
    rows = assign_rowids(db, documents, reusable)
    if not rows:
        return
    rows.sort(key=lambda row: row[0])  # FTS5 appends to its segments instead of scattering
    # Plain tuples to the driver: a load inserts about 400,000 of these.
    connection = core(db)
    if connection.dialect.name == "postgresql":  # the server's GIN index follows the table
        folded = [folded_text(doc.body) for _, doc in rows]
        connection.exec_driver_sql(
            f"INSERT INTO {DOCS_TABLE} (id, event_id, kind, ref_id, body, folded) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (rowid, doc.event_id, KIND_CODES[doc.kind], doc.ref_id, doc.body, text)
                for (rowid, doc), text in zip(rows, folded, strict=True)
            ],
        )
        # deleted with their documents (ON DELETE CASCADE)
        connection.exec_driver_sql(
            f"INSERT INTO {SIGS_TABLE} (id, {', '.join(WORD_COLUMNS)}) VALUES (%s{', %s' * WORDS})",
            [(rowid, *signature(text)) for (rowid, _), text in zip(rows, folded, strict=True)],
        )
        return
    connection.exec_driver_sql(
        f"INSERT INTO {DOCS_TABLE} (id, event_id, kind, ref_id, body) VALUES (?, ?, ?, ?, ?)",
        [(rowid, doc.event_id, KIND_CODES[doc.kind], doc.ref_id, doc.body) for rowid, doc in rows],
    )
    connection.exec_driver_sql(
        f"INSERT INTO {INDEX_TABLE} (rowid, text) VALUES (?, ?)",
        [(rowid, indexed_text(doc.body)) for rowid, doc in rows],
    )


def optimize_index(db: Db) -> None:
    """Merge the index into one segment after a big load (~2 s for 400,000 documents):
    the segments a load leaves make later saves pause for merges."""
    if core(db).dialect.name == "postgresql":  # GIN merges its pending list itself
        return
    core(db).exec_driver_sql(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")


def delete_documents(db: Db, rows: list[tuple[int, str]]) -> list[int]:
    """Remove documents given as (rowid, body); returns their rowids. A contentless
    index forgets a document only when told the text it indexed."""
    if rows and core(db).dialect.name == "postgresql":  # the GIN index follows the table
        db.execute(
            text(f"DELETE FROM {DOCS_TABLE} WHERE id = :id"), [{"id": rowid} for rowid, _ in rows]
        )
    elif rows:
        db.execute(
            text(
                f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}, rowid, text) "
                "VALUES ('delete', :rowid, :text)"
            ),
            [{"rowid": rowid, "text": indexed_text(body)} for rowid, body in rows],
        )
        db.execute(
            text(f"DELETE FROM {DOCS_TABLE} WHERE id = :id"), [{"id": rowid} for rowid, _ in rows]
        )
    return [rowid for rowid, _ in rows]


StoredDocument = tuple[int, int, int, str]  # rowid, kind code, ref_id, body


def stored_documents(db: Db, event_id: int) -> list[StoredDocument]:
    """Every document of one event as stored."""
    result = db.execute(
        text(f"SELECT id, kind, ref_id, body FROM {DOCS_TABLE} WHERE event_id = :id"),
        {"id": event_id},
    )
    return [(row[0], row[1], row[2], row[3]) for row in result]


def replace_documents(db: Db, old: list[StoredDocument], new: Iterable[Document]) -> None:
    """Make the index hold ``new`` instead of ``old``, touching only the documents that
    changed (an autosave changes one text, not its session's Q&A entries): fewer index
    writes, fewer merge pauses."""
    kept = {(kind, ref_id): (rowid >> DAY_SHIFT, body) for rowid, kind, ref_id, body in old}
    wanted = {(KIND_CODES[doc.kind], doc.ref_id): doc for doc in new}
    unchanged = {
        key for key, doc in wanted.items() if kept.get(key) == (doc.start.toordinal(), doc.body)
    }
    doomed = [(rowid, body) for rowid, kind, ref_id, body in old if (kind, ref_id) not in unchanged]
    freed = delete_documents(db, doomed)
    insert_documents(db, [doc for key, doc in wanted.items() if key not in unchanged], freed)


def delete_event_documents(db: Db, event_id: int) -> None:
    """Every document of one event."""
    stored = stored_documents(db, event_id)
    delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])


def reindex_event(db: Session, event_id: int) -> None:
    """Bring every document of one event up to date (after any change to it)."""
    db.flush()
    stored = stored_documents(db, event_id)
    event = db.get(Event, event_id)
    if event is None:
        delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])
        return
    db.refresh(event)
    replace_documents(db, stored, event_documents(event))


def session_stored_documents(
    db: Session, talk: EventSession, extra_qa_ids: Iterable[int] = ()
) -> list[StoredDocument]:
    """The documents of a session and its Q&A entries (and of entries just removed)."""
    qa_ids = {entry.id for entry in talk.qa_entries} | set(extra_qa_ids)
    wanted = {(KIND_CODES["session"], talk.id)} | {(KIND_CODES["qa"], qa_id) for qa_id in qa_ids}
    stored = stored_documents(db, talk.event_id)
    return [document for document in stored if (document[1], document[2]) in wanted]


def delete_session_documents(db: Session, talk: EventSession) -> None:
    stored = session_stored_documents(db, talk)
    delete_documents(db, [(rowid, body) for rowid, _, _, body in stored])


def reindex_session(db: Session, talk: EventSession, removed_qa_ids: Iterable[int] = ()) -> None:
    """Bring the documents of one session and its Q&A entries up to date (autosave's
    path: cheaper than the whole event when an event has many sessions)."""
    db.flush()
    db.refresh(talk)
    stored = session_stored_documents(db, talk, removed_qa_ids)
    replace_documents(db, stored, session_documents(talk.event.start_date, talk))


def reindex_event_texts(db: Session, event_ids: Iterable[int]) -> None:
    """Bring only the events' own documents up to date (a tag renamed: sessions are
    unchanged)."""
    db.flush()
    ids = list(event_ids)
    event_kind = KIND_CODES["event"]
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        for event in db.scalars(select(Event).where(Event.id.in_(batch))):
            db.refresh(event)
            stored = [doc for doc in stored_documents(db, event.id) if doc[1] == event_kind]
            replace_documents(db, stored, [event_document(event)])


def rebuild_index(connection: Connection) -> None:
    """Index every event from scratch (a copied library, or a repair)."""
    if connection.dialect.name == "postgresql":  # the server's table and index stay
        connection.exec_driver_sql(f"DELETE FROM {DOCS_TABLE}")
    else:
        for statement in DROP_STATEMENTS + CREATE_STATEMENTS:
            connection.exec_driver_sql(statement)
    with Session(bind=connection) as db:
        ids = list(db.scalars(select(Event.id)))
        for start in range(0, len(ids), 500):
            events = db.scalars(
                select(Event)
                .where(Event.id.in_(ids[start : start + 500]))
                .options(
                    selectinload(Event.tag_links),
                    selectinload(Event.sessions).selectinload(EventSession.links),
                    selectinload(Event.sessions).selectinload(EventSession.qa_entries),
                )
            )
            insert_documents(
                connection, [doc for event in events for doc in event_documents(event)]
            )
            db.expunge_all()
    if len(ids) * 3 >= MANY_DOCUMENTS:  # about three documents an event
        optimize_index(connection)
