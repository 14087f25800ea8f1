"""the events' date index also holds their id: the event list's order from the index alone

ix_events_start_date becomes (start_date, id). The event list is ordered by start date
and id: on a PostgreSQL server the index now gives both without reading the table
(SQLite's indexes carry the rowid already, so nothing changes there but the name's
columns). Nothing is rewritten.

Revision ID: 0011_events_by_day_and_id
Revises: 0010_search_signatures
"""

from alembic import op

revision = "0011_events_by_day_and_id"
down_revision = "0010_search_signatures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_start_date", table_name="events")
    op.create_index("ix_events_start_date", "events", ["start_date", "id"])


def downgrade() -> None:
    op.drop_index("ix_events_start_date", table_name="events")
    op.create_index("ix_events_start_date", "events", ["start_date"])
