"""The recap-json check of a generated library file (20,000 events, 136 MB by default).

    python -m benchmarks.validate [--events 20000] [--runs 3] [--file PATH]

Times, separately: reading the JSON, the schema check (fastjsonschema, compiled from
the packaged schema on first use), the scan of the bytes for a spelled surrogate,
and the walk for lone surrogates that a file spelling one (e.g. emoji written as
``\\ud83d\\ude00``) costs in addition. ``recap load`` of such a file takes 35–43 s;
see the README's performance table.
"""

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate
from recap.interchange.schema_check import (
    lone_surrogate,
    may_spell_lone_surrogates,
    schema,
    validator,
)


def timed(action: Callable[[], object], runs: int) -> str:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return f"median {statistics.median(timings):.2f} s (min {min(timings):.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, help="a recap-json file instead of a generated one")
    args = parser.parse_args()

    if args.file:
        source = args.file.read_bytes()
    else:
        with tempfile.TemporaryDirectory(prefix="recap-validate-bench-") as temporary:
            path = Path(temporary) / "library.json"
            path.write_text(json.dumps(generate(args.events), ensure_ascii=False), "utf-8")
            source = path.read_bytes()
    document = json.loads(source)
    started = time.perf_counter()
    check = validator(1)
    compiled = time.perf_counter() - started
    definition = schema(1)

    print(f"recap-json of {len(document['events'])} events, {len(source) / 1e6:.0f} MB:")
    print(f"  json.loads            {timed(lambda: json.loads(source), args.runs)}")
    print(f"  compile the schema    {compiled:.3f} s (once per process)")
    print(f"  schema check          {timed(lambda: check(document), args.runs)}")
    print(f"  surrogate scan        {timed(lambda: may_spell_lone_surrogates(source), args.runs)}")
    walk = timed(lambda: lone_surrogate(document, definition, definition["$defs"]), args.runs)
    print(f"  surrogate walk        {walk} (only when the scan finds a spelling)")


if __name__ == "__main__":
    main()
