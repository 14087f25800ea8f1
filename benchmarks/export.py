"""Export of 1,000 generated events to markdown files (budget: under 5 s).

    python -m benchmarks.export [--events 1000] [--runs 3] [--format md|html] [--related]

The events come from benchmarks.generate (Korean and English, 5 talks and 15 Q&A
entries each), loaded into a temporary library. Each run reads the events from
the library and writes one post file each into a fresh temporary folder, every
file written atomically (flushed to disk, then renamed) — the same path the CLI's
``recap export --all --out DIR`` and the GUI's batch export take.
"""

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from recap.export.batch import export_posts
from recap.export.posts import ExportOptions
from recap.interchange.recap_json import checked_event
from recap.storage.library import open_library

BUDGET_SECONDS = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", choices=("md", "html"), default="md")
    parser.add_argument("--related", action="store_true")
    args = parser.parse_args()
    options = ExportOptions(
        format=args.format, front_matter="jekyll" if args.format == "md" else "none",
        language="ko", related=args.related,
    )  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="recap-export-bench-") as temporary:
        root = Path(temporary)
        document = generate(args.events)
        events = [checked_event(event) for event in document["events"]]  # type: ignore[attr-defined]
        library = open_library(root / "library.db")
        try:
            library.load_records(events)
            timings = []
            for run in range(args.runs):
                folder = root / f"posts-{run}"
                started = time.perf_counter()
                result = export_posts(
                    library.events(), folder, options, total=library.event_count()
                )
                timings.append(time.perf_counter() - started)
                assert len(result.written) == args.events
            size = sum(path.stat().st_size for path in result.written)
        finally:
            library.close()

    median = statistics.median(timings)
    verdict = "within" if median < BUDGET_SECONDS else "OVER"
    print(
        f"export of {args.events} events to {args.format} files: "
        f"median {median:.2f} s over {args.runs} runs "
        f"(min {min(timings):.2f} s, max {max(timings):.2f} s; "
        f"{size / 1e6:.1f} MB written) — {verdict} the {BUDGET_SECONDS:.0f} s budget"
    )


if __name__ == "__main__":
    main()
