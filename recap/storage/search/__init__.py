"""Full-text search: an FTS5 trigram index kept in step with every write.

Korean glues particles to words (어텐션을), so word tokenisers miss substrings;
the trigram tokenizer finds any substring of three or more characters. Shorter
terms (토큰, 병렬) are expanded through the index's own vocabulary into the
trigrams that start with them; every indexed text ends with padding so that each
occurrence has such a trigram. Initial-consonant terms (ㅌㅋ) match the initials
of each Hangul word, indexed after the text behind a separator nobody types.

Each document is an event's own text, a session's, or a Q&A entry's, kept in
``search_docs``. The index is contentless and has ``detail=none`` (no positions):
about a fifth of a full trigram index's size. It answers "which documents hold
these trigrams"; a term longer than one trigram is then checked against the
document's text. A document's rowid is its event's start date followed by a
number within that day, so "newest first" is a walk down the index that stops as
soon as enough events are found, and neighbouring rowids stay close (short
rowid lists in the index).


The package is split by job: ``tables`` (the tables and tuning numbers),
``documents`` (which text is indexed), ``upkeep`` (keeping the index in step with
writes), ``planning`` (how a query uses the index) and ``running`` (searching).
"""

from recap.storage.search.documents import Document, event_documents, indexed_text
from recap.storage.search.planning import expansions
from recap.storage.search.running import search
from recap.storage.search.tables import (
    DAY_SHIFT,
    DOCS_TABLE,
    DROP_STATEMENTS,
    KIND_CODES,
    MANY_DOCUMENTS,
    MAX_EXPANSIONS,
    VOCABULARY_TABLE,
)
from recap.storage.search.upkeep import (
    delete_event_documents,
    delete_session_documents,
    insert_documents,
    optimize_index,
    rebuild_index,
    reindex_event,
    reindex_event_texts,
    reindex_session,
)

__all__ = [
    "DAY_SHIFT",
    "DOCS_TABLE",
    "DROP_STATEMENTS",
    "KIND_CODES",
    "MANY_DOCUMENTS",
    "MAX_EXPANSIONS",
    "VOCABULARY_TABLE",
    "Document",
    "delete_event_documents",
    "delete_session_documents",
    "event_documents",
    "expansions",
    "indexed_text",
    "insert_documents",
    "optimize_index",
    "rebuild_index",
    "reindex_event",
    "reindex_event_texts",
    "reindex_session",
    "search",
]
