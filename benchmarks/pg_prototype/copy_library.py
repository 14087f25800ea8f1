"""Scratch: copy a loaded SQLite library's search documents, events and tags into a
PostgreSQL database with COPY, to try index designs before the storage code speaks
PostgreSQL.  python -m benchmarks.pg_prototype.copy_library SQLITE_DB CONNINFO"""

import sqlite3
import sys
import time

import psycopg

from recap.domain.hangul import initials_words
from recap.storage.search.tables import SEPARATOR

SCHEMA = """
DROP TABLE IF EXISTS search_docs, events, tags, event_tags CASCADE;
CREATE TABLE events (id integer PRIMARY KEY, title text NOT NULL, start_date date NOT NULL,
  end_date date);
CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL, key text NOT NULL UNIQUE);
CREATE TABLE event_tags (event_id integer, tag_id integer, position integer,
  PRIMARY KEY (event_id, tag_id));
CREATE TABLE search_docs (id bigint PRIMARY KEY, event_id integer NOT NULL,
  kind smallint NOT NULL, ref_id integer NOT NULL, body text NOT NULL, folded text NOT NULL);
"""
INDEXES = """
CREATE INDEX ix_events_start_date ON events (start_date);
CREATE INDEX ix_event_tags_tag_event ON event_tags (tag_id, event_id);
CREATE INDEX search_docs_event ON search_docs (event_id);
CREATE OR REPLACE FUNCTION recap_search_grams(folded text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT DISTINCT substr(folded, i, n)
               FROM generate_series(1, length(folded)) AS i, generate_series(1, 3) AS n) $$;
"""


def main() -> None:
    source, conninfo = sys.argv[1], sys.argv[2]
    lite = sqlite3.connect(source)
    with psycopg.connect(conninfo) as pg:
        pg.execute(SCHEMA)
        for table, columns in (
            ("events", "id, title, start_date, end_date"),
            ("tags", "id, name, key"),
            ("event_tags", "event_id, tag_id, position"),
        ):
            with pg.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {columns} FROM {table}"):
                    copy.write_row(row)
        started = time.perf_counter()
        with pg.cursor().copy(
            "COPY search_docs (id, event_id, kind, ref_id, body, folded) FROM STDIN"
        ) as copy:
            for rowid, event_id, kind, ref_id, body in lite.execute(
                "SELECT id, event_id, kind, ref_id, body FROM search_docs ORDER BY id"
            ):
                folded = (body + SEPARATOR + initials_words(body)).lower()
                copy.write_row((rowid, event_id, kind, ref_id, body, folded))
        print(f"copied documents in {time.perf_counter() - started:.1f} s")
        pg.execute(INDEXES)
        pg.commit()
        started = time.perf_counter()
        pg.execute(
            "CREATE INDEX search_docs_grams ON search_docs USING gin (recap_search_grams(folded))"
        )
        pg.commit()
        print(f"grams index in {time.perf_counter() - started:.1f} s")
    with psycopg.connect(conninfo, autocommit=True) as pg:
        pg.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
