"""Do a file library and a server library of the same recap-json answer every benchmark
search alike? Compares each hit's event, and where it matched, query by query.

    python -m benchmarks.compare_backends LIBRARY.db postgresql+psycopg://…
"""

import datetime as dt
import sys

from benchmarks.search import QUERIES, top_tags
from recap.domain.records import EventFilter, SearchHit
from recap.storage.library import Library, open_library
from recap.storage.location import parse_location


def answer(library: Library, query: str, event_filter: EventFilter | None) -> list[object]:
    hits: list[SearchHit] = library.search(query, event_filter)
    return [
        (hit.event.id, hit.event.title, [(m.kind, m.ref_id, m.snippet) for m in hit.matches])
        for hit in hits
    ]


def main() -> int:
    file_library = open_library(parse_location(sys.argv[1]))
    server_library = open_library(parse_location(sys.argv[2]))
    first, second, rare = top_tags(file_library.tag_counts())
    filters = [
        None,
        EventFilter(
            tags=(first.name,), date_from=dt.date(2019, 1, 1), date_to=dt.date(2020, 12, 31)
        ),
        EventFilter(tags=(rare.name,)),
        EventFilter(tags=(first.name, second.name), match_any_tag=True),
        EventFilter(date_from=dt.date(2025, 6, 1)),
    ]
    queries = [query for _, query, _ in QUERIES] + ["ㅈㄱㄹ ㅇㅈㅅ", "토큰 cache", "zeppelin 토큰"]
    differences = 0
    for query in queries:
        for event_filter in filters:
            same = answer(file_library, query, event_filter) == answer(
                server_library, query, event_filter
            )
            differences += not same
            print(f"{'same' if same else 'DIFFERENT':9} {query!r} {event_filter}")
    print(f"{differences} of {len(queries) * len(filters)} searches differ")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
