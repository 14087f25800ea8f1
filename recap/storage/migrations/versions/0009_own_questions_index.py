"""an index of the writer's own questions (the open ones are counted in the status bar)

A partial index: only the Q&A entries of kind 'own'. Nothing is rewritten.

Revision ID: 0009_own_questions_index
Revises: 0008_row_versions
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_own_questions_index"
down_revision = "0008_row_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_qa_entries_own",
        "qa_entries",
        ["resolved", "session_id"],
        sqlite_where=sa.text("kind = 'own'"),
        postgresql_where=sa.text("kind = 'own'"),
    )


def downgrade() -> None:
    op.drop_index("ix_qa_entries_own", table_name="qa_entries")
