"""Full-text search, tag counts and tag filters on a generated library, against the budgets.

    python -m benchmarks.search [--events 20000] [--runs 15] [--reuse-db] [--migration]
                                [--server postgresql+psycopg://user@/db?host=/socket/dir]

Uses benchmarks/out/library-N.json (generated with benchmarks.generate if missing;
Korean and English, 5 sessions and 15 Q&A entries per event, skewed tags) and loads it
with `recap load` into a fresh benchmarks/out/search-N.db (library-N.db may be an
older library without the search index). Each measurement is one warm-up call, then
--runs timed calls of the Library method the GUI and CLI use; the table shows the
median and the slowest run. The machine is noisy: compare rows of the same run.

With --server the same measurements run on a PostgreSQL database instead (loaded with
`recap load` unless --reuse-db; the database must be empty then), against the team
library's budgets: the same search and tag budgets, autosave p95 under 20 ms.
"""

import argparse
import datetime as dt
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import URL, text

from benchmarks.generate import generate
from recap.domain.records import EventFilter, SessionRecord, TagCount
from recap.storage.library import Library, open_library
from recap.storage.location import server_url

OUT = Path(__file__).resolve().parent / "out"

SHORT_MS = 30.0  # search of 1–2 characters, median
LONG_MS = 10.0  # search of 3+ characters, median
WORST_MS = 100.0  # any search, every run
TAGS_MS = 20.0  # tag counts and two-tag filters, median
AUTOSAVE_P95_MS = 5.0  # one autosave write, 95th percentile
SERVER_AUTOSAVE_P95_MS = 20.0  # the same on a PostgreSQL server
LOAD_S = 60.0
SIZE_RATIO = 3.0


@dataclass(frozen=True)
class Timing:
    median_ms: float
    max_ms: float
    p95_ms: float
    result: int  # how many results the last call returned


def measure(action: Callable[[], object], runs: int) -> Timing:
    action()  # warm up: statement caches, pages in the OS cache
    timings = []
    result: object = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        timings.append((time.perf_counter() - started) * 1000)
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    count = len(result) if isinstance(result, list) else 0
    return Timing(statistics.median(timings), max(timings), p95, count)


class Table:
    def __init__(self) -> None:
        self.failures: list[str] = []
        header = (
            f"{'measurement':<52} {'median':>8} {'max':>8} {'results':>7}  {'budget':<28} verdict"
        )
        print(header)
        print("-" * len(header))

    def row(
        self,
        label: str,
        timing: Timing,
        *,
        median: float | None = None,
        worst: float | None = None,
        p95: float | None = None,
    ) -> None:
        checks = []
        if median is not None:
            checks.append((f"median < {median:g}", timing.median_ms < median))
        if worst is not None:
            checks.append((f"max < {worst:g}", timing.max_ms < worst))
        if p95 is not None:
            checks.append((f"p95 < {p95:g} (p95 {timing.p95_ms:.1f})", timing.p95_ms < p95))
        ok = all(passed for _, passed in checks)
        if not ok:
            self.failures.append(label)
        budget = ", ".join(text for text, _ in checks) + " ms"
        print(
            f"{label:<52} {timing.median_ms:>8.1f} {timing.max_ms:>8.1f} {timing.result:>7}  "
            f"{budget:<28} {'ok' if ok else 'OVER'}"
        )

    def line(self, label: str, value: str, budget: str, ok: bool | None) -> None:
        """A one-off measurement; ``ok`` None for one without a budget."""
        if ok is False:
            self.failures.append(label)
        verdict = "-" if ok is None else "ok" if ok else "OVER"
        print(f"{label:<52} {value:>26}  {budget:<28} {verdict}")


def json_file(events: int, seed: int) -> Path:
    path = OUT / f"library-{events}.json"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} …", flush=True)
        document = generate(events, seed)
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def remove_library(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def load_library(source: Path, target: Path | URL) -> float:
    """Seconds for `recap load` in a fresh process, as a user would run it."""
    if isinstance(target, Path):
        remove_library(target)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "recap", "--db", db_text(target), "load", str(source)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def db_text(target: Path | URL) -> str:
    return target.render_as_string(hide_password=False) if isinstance(target, URL) else str(target)


def database_size(url: URL) -> int:
    library = open_library(url)
    try:
        with library.engine.connect() as connection:
            size = connection.execute(text("SELECT pg_database_size(current_database())"))
            return int(size.scalar_one())
    finally:
        library.close()


def file_size(path: Path) -> int:
    return sum(
        Path(f"{path}{suffix}").stat().st_size
        for suffix in ("", "-wal")
        if Path(f"{path}{suffix}").exists()
    )


SHORT, LONG = "short", "long"
# (label, query, 1–2 or 3+ characters)
QUERIES: tuple[tuple[str, str, str], ...] = (
    ("Korean 2: 토큰", "토큰", SHORT),
    ("Korean 2: 병렬", "병렬", SHORT),
    ("Korean 3: 어텐션", "어텐션", LONG),
    ('Korean 8: "장거리 의존성이"', '"장거리 의존성이"', LONG),
    ("English 2: ca", "ca", SHORT),
    ("English 3: att", "att", LONG),
    ("English 9: attention", "attention", LONG),
    ('English 21: "long-range dependency"', '"long-range dependency"', LONG),
    ("rare: zeppelin (no hits)", "zeppelin", LONG),
    ('rare phrase of common words: "토큰 토큰 토큰"', '"토큰 토큰 토큰"', LONG),
    ("4 common words: 캐시 지연 cache latency", "캐시 지연 cache latency", LONG),
    ("rare + common word in different texts: #18141 slides", '"#18141" slides', LONG),
    ('2 rare words in different texts: #18141 "/s/18141/"', '"#18141" "/s/18141/"', LONG),
    ("2 words never in one text: 송도 slides", "송도 slides", SHORT),
    ("2 words never in one text: 송도 김하늘", "송도 김하늘", SHORT),
    ("initials 2: ㅌㅋ", "ㅌㅋ", SHORT),
    ("initials 3: ㅇㅌㅅ", "ㅇㅌㅅ", LONG),
    ("1 char: 토", "토", SHORT),
    ("1 char: a", "a", SHORT),
    ("1 char, rare: z", "z", SHORT),
)


def top_tags(counts: list[TagCount]) -> tuple[TagCount, TagCount, TagCount]:
    """The two most common tags and a rare one (the rarest with at least 3 events)."""
    by_count = sorted(counts, key=lambda tag: tag.count, reverse=True)
    rare = min((tag for tag in counts if tag.count >= 3), key=lambda tag: tag.count)
    return by_count[0], by_count[1], rare


def one_event_title(library: Library) -> str:
    """A Korean title with a 5-digit number ("AI 밋업 #12345"): found in one event only."""
    return next(
        summary.title
        for summary in library.event_summaries()
        if "밋업 #" in summary.title and len(summary.title.rsplit("#", 1)[1]) == 5
    )


def search_row(
    library: Library,
    table: Table,
    runs: int,
    label: str,
    query: str,
    length: str,
    event_filter: EventFilter | None = None,
) -> None:
    timing = measure(partial(library.search, query, event_filter), runs)
    budget = SHORT_MS if length == SHORT else LONG_MS
    table.row(f"search {label}", timing, median=budget, worst=WORST_MS)


def run_searches(library: Library, table: Table, runs: int) -> None:
    title = one_event_title(library)
    rare = (f"rare: one title {title}", f'"{title}"', LONG)
    for label, query, length in (*QUERIES, rare):
        search_row(library, table, runs, label, query, length)


def list_page(library: Library, event_filter: EventFilter) -> list[int]:
    """What the event list does on a filter: every matching id, and the first page of
    rows that the view shows (the rest are loaded as they scroll into view)."""
    ids = library.event_ids(event_filter)
    library.summaries_for(ids[:200])
    return ids


def run_tags_and_filters(library: Library, table: Table, runs: int) -> None:
    table.row("tag counts", measure(library.tag_counts, runs), median=TAGS_MS)
    first, second, rare = top_tags(library.tag_counts())
    pair = (first.name, second.name)
    names = f"{first.name} ({first.count}), {second.name} ({second.count})"
    for match_any in (False, True):
        event_filter = EventFilter(tags=pair, match_any_tag=match_any)
        timing = measure(partial(list_page, library, event_filter), runs)
        label = f"two tags, {'any' if match_any else 'all'}: {names}"
        table.row(label, timing, median=TAGS_MS)

    years = EventFilter(
        tags=(first.name,), date_from=dt.date(2019, 1, 1), date_to=dt.date(2020, 12, 31)
    )
    rare_tag = EventFilter(tags=(rare.name,))
    recent = EventFilter(date_from=dt.date(2025, 6, 1))
    for query, length in (("어텐션", LONG), ("토큰", SHORT)):
        label = f"{query} + tag {first.name} + 2019–2020"
        search_row(library, table, runs, label, query, length, years)
    for query, length in (("attention", LONG), ("토큰", SHORT)):
        label = f"{query} + rare tag {rare.name} ({rare.count})"
        search_row(library, table, runs, label, query, length, rare_tag)
    search_row(library, table, runs, "어텐션 + from 2025-06-01 (no end)", "어텐션", LONG, recent)


def run_index_upkeep(library: Library, table: Table, runs: int) -> None:
    """Writes that keep the index in step: an event's own fields and a session (the
    autosave path) saved unchanged, and a session with one word added to its notes."""
    budget = SERVER_AUTOSAVE_P95_MS if library.on_server else AUTOSAVE_P95_MS
    ids = [summary.id for summary in library.event_summaries()[: runs + 1]]
    events = iter([library.event(event_id) for event_id in ids])
    timing = measure(lambda: library.update_event(next(events)), runs)
    table.row("save an event's fields (reindexes the event)", timing, p95=budget)
    sessions = iter([library.event(event_id).sessions[0] for event_id in ids])
    timing = measure(lambda: library.update_session(next(sessions)), runs)
    table.row("autosave a session, unchanged (reindexes nothing)", timing, p95=budget)
    edited = iter([edited_notes(library.event(event_id).sessions[1]) for event_id in ids])
    timing = measure(lambda: library.update_session(next(edited)), runs)
    table.row("autosave a session, notes edited (reindexes it)", timing, p95=budget)


def edited_notes(talk: SessionRecord) -> SessionRecord:
    """The talk with a word added to its notes, or taken off again (--reuse-db runs)."""
    notes = talk.notes or ""
    talk.notes = notes.removesuffix(" 편집") if notes.endswith(" 편집") else notes + " 편집"
    return talk


def time_migration(library_file: Path) -> float:
    """Seconds to open a copy of the library made old (revision 0001_initial, no index):
    what the first start of this version costs a user with such a library."""
    old = library_file.with_name(library_file.stem + "-0001.db")
    remove_library(old)
    shutil.copyfile(library_file, old)
    with closing(sqlite3.connect(old)) as connection, connection:
        connection.execute("DROP TABLE search_vocabulary")
        connection.execute("DROP TABLE search_index")
        connection.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    started = time.perf_counter()
    open_library(old).close()
    seconds = time.perf_counter() - started
    remove_library(old)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement")
    parser.add_argument(
        "--reuse-db", action="store_true", help="keep an existing search-N.db (no load timing)"
    )
    parser.add_argument(
        "--migration",
        action="store_true",
        help="also time migrating a copy of the library from before the index (minutes)",
    )
    parser.add_argument(
        "--server", metavar="URL", help="measure a PostgreSQL database instead of a file"
    )
    arguments = parser.parse_args(argv)

    source = json_file(arguments.events, arguments.seed)
    target: Path | URL = OUT / f"search-{arguments.events}.db"
    if arguments.server:
        target = server_url(arguments.server)
    exists = isinstance(target, URL) or target.exists()
    load_seconds: float | None = None
    if not (arguments.reuse_db and exists):
        print(f"loading {source.name} into {db_text(target)} with `recap load` …", flush=True)
        load_seconds = load_library(source, target)
    json_bytes = source.stat().st_size
    db_bytes = database_size(target) if isinstance(target, URL) else file_size(target)

    library = open_library(target)
    try:
        print(
            f"\n{library.event_count()} events; median and slowest of {arguments.runs} runs "
            f"after one warm-up, milliseconds; results = events returned\n"
        )
        table = Table()
        run_searches(library, table, arguments.runs)
        run_tags_and_filters(library, table, arguments.runs)
        run_index_upkeep(library, table, arguments.runs)
    finally:
        library.close()

    if load_seconds is not None:
        table.line(
            f"load {source.name} (recap load)",
            f"{load_seconds:.1f} s",
            "< 60 s",
            load_seconds < LOAD_S,
        )
    if arguments.migration and isinstance(target, Path):
        seconds = time_migration(target)
        table.line(
            "migrate a copy from 0001_initial (builds index)", f"{seconds:.1f} s", "none", None
        )
    ratio = db_bytes / json_bytes
    table.line(
        "library database / JSON" if isinstance(target, URL) else "library file / JSON",
        f"{db_bytes / 1e6:.0f} MB / {json_bytes / 1e6:.0f} MB = {ratio:.2f}×",
        f"≤ {SIZE_RATIO:g}×" if isinstance(target, Path) else "none (a file's budget)",
        ratio <= SIZE_RATIO if isinstance(target, Path) else None,
    )
    print(
        f"\n{len(table.failures)} over budget"
        + (": " + "; ".join(table.failures) if table.failures else "")
    )
    return 1 if table.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
