"""pictures and files of an event (recap-json v2 attachments), their bytes stored once

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
    # New tables only: every stored row stays as it was.
    op.create_table(
        "blobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_blobs"),
        sa.UniqueConstraint("sha256", name="uq_blobs_sha256"),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("media_type", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("blob_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name="ck_attachments_name_not_empty"),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_attachments_event_id_events",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["blob_id"], ["blobs.id"], name="fk_attachments_blob_id_blobs"),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
        sa.UniqueConstraint("event_id", "name_key", name="uq_attachments_event_name"),
    )
    op.create_index("ix_attachments_blob_id", "attachments", ["blob_id"])


def downgrade() -> None:
    op.drop_index("ix_attachments_blob_id", table_name="attachments")
    op.drop_table("attachments")
    op.drop_table("blobs")
