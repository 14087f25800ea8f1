"""compact search index: contentless FTS5 trigram with detail=none, texts in search_docs

Revision ID: 0003_compact_search_index
Revises: 0002_search_index
"""

from alembic import op
from sqlalchemy import inspect

from recap.storage.search import DOCS_TABLE, DROP_STATEMENTS, rebuild_index

revision = "0003_compact_search_index"
down_revision = "0002_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # a server's index: 0005_server_search
        return
    connection = op.get_bind()
    # 0002 builds the index with today's code: a library upgraded from 0001 in the same
    # run already has the compact index; one from 0002 has the full one, rebuilt here.
    if not inspect(connection).has_table(DOCS_TABLE):
        rebuild_index(connection)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    for statement in DROP_STATEMENTS:
        connection.exec_driver_sql(statement)
