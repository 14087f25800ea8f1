"""an event's pictures and files (recap-json v2 attachments)

The bytes live in attachment_contents, one row per content (its SHA-256), so that
the same picture attached twice is kept once; attachments names them per event.
Listing an event's attachments reads attachments and the contents' sizes only.

Revision ID: 0006_attachments
Revises: 0005_server_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_attachments"
down_revision = "0005_server_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_contents",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("size > 0", name="ck_attachment_contents_not_empty"),
        sa.PrimaryKeyConstraint("sha256", name="pk_attachment_contents"),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=255), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.CheckConstraint("length(name) > 0", name="ck_attachments_name_not_empty"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_attachments_event_id_events",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["content_sha256"],
            ["attachment_contents.sha256"],
            name="fk_attachments_content_sha256_attachment_contents",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
        sa.UniqueConstraint("event_id", "name_key", name="uq_attachments_event_name"),
    )
    op.create_index("ix_attachments_event_position", "attachments", ["event_id", "position"])
    op.create_index("ix_attachments_content_sha256", "attachments", ["content_sha256"])


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_table("attachment_contents")
