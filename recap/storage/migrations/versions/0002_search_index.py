"""full-text search index (FTS5 trigram), built from the existing events

Revision ID: 0002_search_index
Revises: 0001_initial

Recap's first search index was built here. Revision 0003 replaced it with a compact
one that it always builds from scratch, so this revision no longer builds anything:
building the old index only for the next revision to drop it would cost a large
library a minute. A library saved at this revision keeps its old index until 0003
replaces it. Frozen: nothing here depends on today's code.
"""

from alembic import op

revision = "0002_search_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The tables of the index this revision used to build (dropped by 0003 or a downgrade).
DROP_STATEMENTS = (
    "DROP TABLE IF EXISTS search_vocabulary",
    "DROP TABLE IF EXISTS search_index",
)


def upgrade() -> None:
    pass


def downgrade() -> None:
    connection = op.get_bind()
    for statement in DROP_STATEMENTS:
        connection.exec_driver_sql(statement)
