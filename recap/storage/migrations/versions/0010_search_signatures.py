"""each search document's signature on a PostgreSQL server (search_sigs)

On SQLite nothing changes. On a server, a narrow table holds a 512-bit signature of
each document's folded text (a bit for each of its two- and three-character pieces),
carried by its primary key so that a search walks them in id order without reading
the texts (recap/storage/search/signature.py). The signatures of the stored documents
are computed here, with this migration's own copy of the function.

Revision ID: 0010_search_signatures
Revises: 0009_own_questions_index
"""

from alembic import op

revision = "0010_search_signatures"
down_revision = "0009_own_questions_index"
branch_labels = None
depends_on = None

WORDS = 8
BITS = 64 * WORDS
MULTIPLIER = 7919
BATCH = 20_000  # documents read, signed and copied at a time
COLUMNS = ", ".join(f"s{word}" for word in range(WORDS))


def piece_bits(text: str) -> set[int]:
    codes = [ord(character) for character in text]
    bits = set()
    for start in range(len(codes) - 1):
        pair = (2 * MULTIPLIER + codes[start]) * MULTIPLIER + codes[start + 1]
        bits.add(pair % BITS)
        if start + 2 < len(codes):
            triple = ((3 * MULTIPLIER + codes[start]) * MULTIPLIER + codes[start + 1]) * MULTIPLIER
            bits.add((triple + codes[start + 2]) % BITS)
    return bits


def signature(folded: str) -> list[int]:
    words = [0] * WORDS
    for bit in piece_bits(folded):
        words[bit >> 6] |= 1 << (bit & 63)
    return [word - (1 << 64) if word >> 63 else word for word in words]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    word_columns = ", ".join(f"s{word} bigint NOT NULL" for word in range(WORDS))
    op.execute(
        f"CREATE TABLE search_sigs (id bigint NOT NULL, {word_columns}, "
        f"CONSTRAINT pk_search_sigs PRIMARY KEY (id) INCLUDE ({COLUMNS}), "
        "CONSTRAINT fk_search_sigs_doc FOREIGN KEY (id) REFERENCES search_docs (id) "
        "ON DELETE CASCADE)"
    )
    driver = bind.connection.driver_connection
    assert driver is not None
    last = -1
    while True:
        with driver.cursor() as cursor:
            cursor.execute(
                "SELECT id, folded FROM search_docs WHERE id > %s ORDER BY id LIMIT %s",
                (last, BATCH),
            )
            rows = cursor.fetchall()
            if not rows:
                return
            with cursor.copy(f"COPY search_sigs (id, {COLUMNS}) FROM STDIN") as copy:
                for rowid, folded in rows:
                    copy.write_row((rowid, *signature(folded)))
        last = rows[-1][0]


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE search_sigs")
