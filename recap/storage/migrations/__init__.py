"""Alembic migrations, shipped inside the package and run from code.

``HEAD_REVISION`` lets start-up tell whether a library is current without
loading Alembic; a test checks that it names the newest migration.
"""

HEAD_REVISION = "0011_events_by_day_and_id"
