"""full-text search index (FTS5 trigram), built from the existing events

Revision ID: 0002_search_index
Revises: 0001_initial
"""

from alembic import op

from recap.storage.search import DROP_STATEMENTS, rebuild_index

revision = "0002_search_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # a server's index: 0005_server_search
        return
    rebuild_index(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    connection = op.get_bind()
    for statement in DROP_STATEMENTS:
        connection.exec_driver_sql(statement)
