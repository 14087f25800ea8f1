"""the recap's author and a talk's start time (recap-json v2)

Revision ID: 0004_author_and_talk_start
Revises: 0003_compact_search_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_author_and_talk_start"
down_revision = "0003_compact_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain nullable columns: existing rows keep every value and get NULL here.
    with op.batch_alter_table("events") as table:
        table.add_column(sa.Column("author", sa.Text(), nullable=True))
    with op.batch_alter_table("sessions") as table:
        table.add_column(sa.Column("starts_at", sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessions") as table:
        table.drop_column("starts_at")
    with op.batch_alter_table("events") as table:
        table.drop_column("author")
