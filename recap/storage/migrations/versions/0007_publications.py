"""where each recap was published (recap-json v2 publications)

A new table only: existing events have no publications. Its definition is frozen
here (never the live models), so later model changes leave this step as it was.

Revision ID: 0007_publications
Revises: 0006_attachments
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_publications"
down_revision = "0006_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=60), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "state IN ('draft', 'published')", name=op.f("ck_publications_state_known")
        ),
        sa.CheckConstraint(
            "length(trim(platform)) > 0", name=op.f("ck_publications_platform_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_publications_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publications")),
    )
    op.create_index("ix_publications_event_key", "publications", ["event_id", "key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_publications_event_key", table_name="publications")
    op.drop_table("publications")
