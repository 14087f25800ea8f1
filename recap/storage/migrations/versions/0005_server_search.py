"""the search index on a PostgreSQL server: each document's 1–3 character pieces (GIN)

On SQLite nothing changes (its index is FTS5's, from 0002/0003). On a server,
search_docs holds each document's text and its folded form (lower-cased, with the
initials of its Hangul words, made by Recap so that no server locale changes what
matches), and a GIN index holds every piece of one, two and three characters of the
folded text: a term of up to three characters is one index key, a longer one a few
of its trigrams checked against the text. See docs/postgresql-search.md.

Revision ID: 0005_server_search
Revises: 0004_author_and_talk_start
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_server_search"
down_revision = "0004_author_and_talk_start"
branch_labels = None
depends_on = None

# Every piece of one to three characters at each place in the text (GIN drops the
# repeats). lead() walks the characters once: substr() would rescan UTF-8 from the start.
GRAMS_FUNCTION = """
CREATE FUNCTION recap_search_grams(folded text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(
    SELECT unnest(ARRAY[c, c || coalesce(n1, ''), c || coalesce(n1, '') || coalesce(n2, '')])
    FROM (
      SELECT c, lead(c) OVER w AS n1, lead(c, 2) OVER w AS n2
      FROM unnest(string_to_array(folded, NULL)) WITH ORDINALITY AS chars(c, i)
      WINDOW w AS (ORDER BY i)
    ) AS pieces
  )
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "search_docs",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_search_docs"),
    )
    op.create_index("search_docs_event", "search_docs", ["event_id"])
    op.execute(GRAMS_FUNCTION)
    op.execute(
        "CREATE INDEX search_docs_grams ON search_docs USING gin (recap_search_grams(folded))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_table("search_docs")
    op.execute("DROP FUNCTION recap_search_grams(text)")
