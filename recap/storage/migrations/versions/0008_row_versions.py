"""a version on each event and talk: a save that would overwrite a newer one is refused

Existing rows start at version 1. Plain column additions (no table copied).

Revision ID: 0008_row_versions
Revises: 0007_publications
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_row_versions"
down_revision = "0007_publications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table_name in ("events", "sessions"):
        with op.batch_alter_table(table_name) as table:
            table.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table_name in ("sessions", "events"):
        with op.batch_alter_table(table_name) as table:
            table.drop_column("version")
