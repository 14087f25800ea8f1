"""Real storage faults for the tests: a full disk, a library locked by another
program, a page of the file overwritten with garbage. Nothing here hands a made-up
error to the code; each helper makes the operating system or SQLite fail."""

import ctypes
import datetime as dt
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from recap.domain.records import EventRecord, SessionRecord
from recap.storage.library import open_library

Snapshot = dict[str, list[tuple[object, ...]]]
GARBAGE = b"\xde\xad\xbe\xef"


def numbered_event(number: int, prefix: str = "Event") -> EventRecord:
    """An event whose title holds a word found nowhere else (``token17``)."""
    return EventRecord(
        title=f"{prefix} {number} token{number}",
        start_date=dt.date(2010, 1, 1) + dt.timedelta(days=number),
        tags=["all", f"group{number % 7}"],
        summary="요약 " * 40,
        sessions=[SessionRecord(title=f"Talk {number}", notes="노트 " * 100)],
    )


def make_library(path: Path, count: int) -> None:
    library = open_library(path)
    try:
        library.load_records([numbered_event(number) for number in range(1, count + 1)])
    finally:
        library.close()


def write_recap_json(path: Path, count: int, prefix: str) -> Path:
    """A recap-json file of ``count`` new events."""
    events = []
    for number in range(1, count + 1):
        record = numbered_event(number, prefix)
        events.append(
            {
                "title": record.title,
                "start_date": record.start_date.isoformat(),
                "tags": record.tags,
                "summary": record.summary,
                "sessions": [
                    {"title": talk.title, "notes": talk.notes} for talk in record.sessions
                ],
            }
        )
    document = {"format": "recap", "version": 1, "events": events}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def snapshot(path: Path) -> Snapshot:
    """Every row of every table, read with plain sqlite3 (the WAL included)."""
    with closing(sqlite3.connect(path)) as connection:
        names = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }


def damage_a_page(path: Path, owner: str) -> list[int]:
    """Overwrite the middle page of table or index ``owner`` with garbage; returns the
    numbers (``tokenN``) of the events whose rows were on it."""
    with closing(sqlite3.connect(path)) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            page
            for (page,) in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
                (owner,),
            )
        ]
    assert len(pages) >= 2, f"{owner} has too few pages to damage one in the middle"
    page = pages[len(pages) // 2]
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        original = handle.read(page_size)
        handle.seek((page - 1) * page_size)
        handle.write(GARBAGE * (page_size // len(GARBAGE)))
    return sorted({int(number) for number in re.findall(rb"Event (\d+) token\1", original)})


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """No file may grow past ``size`` bytes in this process (as on a full disk) until
    the block ends. Python ignores SIGXFSZ, so a write past it fails with EFBIG."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@contextmanager
def write_transaction_held(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holds a write transaction open on the library."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        finally:
            connection.execute("ROLLBACK")


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def obey_file_permissions() -> None:
    """Make this process (root or not) obey a folder's permission bits: root drops the
    capabilities that override them, for itself and what it executes."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def run_recap(
    arguments: Sequence[str], file_size: int | None = None, obey_permissions: bool = False
) -> "subprocess.CompletedProcess[str]":
    """``python -m recap ARGUMENTS`` in a child process, its files limited to
    ``file_size`` bytes (RLIMIT_FSIZE binds root too); with ``obey_permissions``, a
    read-only folder is read-only even for root."""

    def limit_files() -> None:
        if file_size is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, resource.RLIM_INFINITY))
        if obey_permissions:
            obey_file_permissions()

    return subprocess.run(
        [sys.executable, "-m", "recap", *arguments],
        capture_output=True,
        text=True,
        env=dict(os.environ, RECAP_DEBUG=""),
        preexec_fn=limit_files,
        timeout=60,
        check=False,
    )
