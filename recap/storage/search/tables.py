"""The search index's tables and the numbers that tune it (see recap.storage.search)."""

import datetime as dt

from recap.domain.records import MatchKind

INDEX_TABLE = "search_index"
DOCS_TABLE = "search_docs"
VOCABULARY_TABLE = "search_vocabulary"
SEPARATOR = "\x1e"  # between a document's text and its initials
PADDING = "\x1f\x1f"
KIND_CODES: dict[MatchKind, int] = {"event": 0, "session": 1, "qa": 2}
KINDS: dict[int, MatchKind] = {code: kind for kind, code in KIND_CODES.items()}
# rowid = start date's ordinal (22 bits, up to 9999-12-31) << 20 | number within the day
DAY_SHIFT = 20
MAX_EXPANSIONS = 300
MAX_PROBES = 5  # trigrams of a long term looked up in the index
MAX_SINGLE_CHARACTER_EXPANSIONS = 40  # beyond that, scanning newest-first is cheaper
MANY_DOCUMENTS = 10_000  # a load this big is followed by merging the index
QUICK_WALK = 1000  # documents walked checking short terms before expanding them
# Several terms are looked for across an event's texts when one of them is in at most
# this many texts (its events are read whole); otherwise they must share one text.
RARE_DOCUMENTS = 200
RARE_WALK = 4 * RARE_DOCUMENTS  # index rows read to tell whether a long term is rare
RARE_PROBES = 2  # terms counted to find a rare one
SMALL_FILTER = 300  # events; a filter this narrow has its documents read directly
CHECK_BATCH = 256  # candidate documents whose events are checked against a filter at once
LONGEST_EVENT_DAYS = 366  # date filters look this far back for multi-day events

CREATE_STATEMENTS = (
    f"CREATE TABLE IF NOT EXISTS {DOCS_TABLE} (id INTEGER PRIMARY KEY, "
    "event_id INTEGER NOT NULL, kind INTEGER NOT NULL, ref_id INTEGER NOT NULL, "
    "body TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {DOCS_TABLE}_event ON {DOCS_TABLE} (event_id)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5("
    "text, tokenize = 'trigram', detail = none, content = '')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCABULARY_TABLE} USING fts5vocab({INDEX_TABLE}, 'row')",
)
DROP_STATEMENTS = (
    f"DROP TABLE IF EXISTS {VOCABULARY_TABLE}",
    f"DROP TABLE IF EXISTS {INDEX_TABLE}",
    f"DROP TABLE IF EXISTS {DOCS_TABLE}",
)


def day_bounds(day: dt.date) -> tuple[int, int]:
    """The rowids of the documents of the events starting on ``day``: [low, high)."""
    return day.toordinal() << DAY_SHIFT, (day.toordinal() + 1) << DAY_SHIFT
