"""The own-questions and speakers reads on a generated library (issue 14 items 2 and 3).

    python -m benchmarks.at_event [--events 20000] [--runs 15] [--reuse-db]

Uses benchmarks/out/library-N.json (generated with benchmarks.generate if missing: 5
talks and 15 Q&A entries per event, about half of them own questions) loaded into a
fresh benchmarks/out/at-event-N.db. Each row is one warm-up call, then --runs timed
calls of the Library method the window and the CLI use; the table shows the median and
the slowest run. The status bar's open-question count is read after every save, so it
has the tightest budget; the window reads own questions a page (300) at a time, the CLI
all of them.
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate
from recap.interchange.recap_json import parse_document
from recap.storage.library import Library, open_library

OUT = Path(__file__).resolve().parent / "out"
# (what, budget in ms): the count runs after every save; a page opens the dialog; a
# typed filter reads once typing pauses (LIKE over every question: a scan)
BUDGETS = {
    "open question count": 10.0,
    "own questions, first page (open)": 300.0,
    "own questions, first page (text)": 1500.0,
    "own questions, all (CLI)": 3000.0,
    "speaker counts": 300.0,
    "one speaker's talks": 300.0,
    "rename a speaker (and back)": 1000.0,
}


def library_json(events: int) -> Path:
    path = OUT / f"library-{events}.json"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(generate(events), ensure_ascii=False), encoding="utf-8")
    return path


def fresh_library(events: int, reuse: bool) -> Library:
    db = OUT / f"at-event-{events}.db"
    if db.exists() and reuse:
        return open_library(db)
    db.unlink(missing_ok=True)
    library = open_library(db)
    document = parse_document(library_json(events).read_text(encoding="utf-8"))
    library.load_records(document.events)
    return library


def timed(call: Callable[[], object], runs: int) -> tuple[float, float]:
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse-db", action="store_true")
    args = parser.parse_args()
    library = fresh_library(args.events, args.reuse_db)
    try:
        speakers = library.speaker_counts()
        top = speakers[0].name

        def rename_and_back() -> None:
            library.rename_speaker(top, f"{top} (renamed)")
            library.rename_speaker(f"{top} (renamed)", top)

        calls: dict[str, Callable[[], object]] = {
            "open question count": library.open_question_count,
            "own questions, first page (open)": lambda: library.own_questions(
                open_only=True, limit=301
            ),
            "own questions, first page (text)": lambda: library.own_questions(
                text="밋업 python", limit=301
            ),
            "own questions, all (CLI)": library.own_questions,
            "speaker counts": library.speaker_counts,
            "one speaker's talks": lambda: library.speaker_talks(top),
            "rename a speaker (and back)": rename_and_back,
        }
        print(
            f"{args.events} events, {library.open_question_count()} open own questions, "
            f"{len(speakers)} speakers ({top!r}: {speakers[0].talks} talks)"
        )
        print(f"{'measurement':32} {'median ms':>10} {'max ms':>9} {'budget':>8}  ok")
        for name, call in calls.items():
            median, slowest = timed(call, args.runs)
            budget = BUDGETS[name]
            verdict = "yes" if median <= budget else "NO"
            print(f"{name:32} {median:10.1f} {slowest:9.1f} {budget:8.0f}  {verdict}")
    finally:
        library.close()


if __name__ == "__main__":
    main()
