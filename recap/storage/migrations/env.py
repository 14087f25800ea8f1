"""Alembic environment: always handed an open connection by recap.storage.migrate."""

from alembic import context

from recap.storage.migrate import include_name
from recap.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
