"""Models and Alembic migrations agree, and the migrations run both ways."""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, inspect

from recap.domain.records import EventRecord
from recap.storage import migrate
from recap.storage.engine import create_library_engine, create_server_engine
from recap.storage.library import open_library
from recap.storage.migrations import HEAD_REVISION
from recap.storage.models import Base

MODEL_TABLES = set(Base.metadata.tables)


# The same migrations build and upgrade a file's library and a server's database.
pytestmark = pytest.mark.both_backends


@pytest.fixture
def location(backend: str, library_path: Path, request: pytest.FixtureRequest) -> Path | URL:
    """An empty SQLite file, or an empty database on the throwaway PostgreSQL server."""
    if backend == "postgresql":
        url: URL = request.getfixturevalue("empty_database")
        return url
    return library_path


@pytest.fixture
def engine(location: Path | URL) -> Iterator[Engine]:
    """An engine on an empty library, with the library's settings, not yet migrated."""
    if isinstance(location, URL):
        made = create_server_engine(location)
    else:
        made = create_library_engine(location)
    yield made
    made.dispose()


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": migrate.include_name}
        )
        return list(compare_metadata(context, Base.metadata))


def tables(engine: Engine) -> set[str]:
    """The model tables in the file (not Alembic's, not the search index's)."""
    with engine.connect() as connection:
        names = set(inspect(connection).get_table_names()) - {"alembic_version"}
    return {name for name in names if not name.startswith("search_")}


def revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return migrate.current_revision(connection)


def test_head_revision_names_the_newest_migration() -> None:
    heads = script().get_heads()
    assert heads == [HEAD_REVISION]
    assert HEAD_REVISION in migrate.known_revisions()


def test_every_migration_chains_back_to_base() -> None:
    revisions = list(script().walk_revisions())
    assert revisions[0].revision == HEAD_REVISION
    assert revisions[-1].down_revision is None
    assert len({item.revision for item in revisions}) == len(revisions)


def test_a_fresh_library_is_at_head(library_path: Path) -> None:
    open_library(library_path).close()
    with closing(sqlite3.connect(library_path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
    library = open_library(library_path)
    try:
        with library.engine.connect() as connection:
            assert migrate.current_revision(connection) == HEAD_REVISION
            assert migrate.needs_upgrade(connection) is False
    finally:
        library.close()


def test_an_empty_file_needs_an_upgrade(engine: Engine) -> None:
    with engine.connect() as connection:
        assert migrate.current_revision(connection) is None
        assert migrate.needs_upgrade(connection) is True


def test_models_and_migrations_agree(engine: Engine) -> None:
    """The CI check: autogenerate would find nothing to write after migrating to head."""
    with engine.begin() as connection:
        migrate.upgrade(connection)
    assert tables(engine) == MODEL_TABLES
    assert differences(engine) == []


def test_an_empty_database_differs_from_the_models(engine: Engine) -> None:
    """The agreement check above can fail: on an unmigrated file it finds every table missing."""
    found = differences(engine)
    added = {diff[1].name for diff in found if isinstance(diff, tuple) and diff[0] == "add_table"}
    assert added == MODEL_TABLES


def test_downgrade_to_base_then_upgrade(engine: Engine) -> None:
    with engine.begin() as connection:
        migrate.upgrade(connection)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
    assert tables(engine) == set()
    assert revision(engine) is None

    with engine.begin() as connection:
        migrate.upgrade(connection)
    assert revision(engine) == HEAD_REVISION
    assert tables(engine) == MODEL_TABLES
    assert differences(engine) == []


def test_each_migration_steps_down_and_up(engine: Engine) -> None:
    steps = len(list(script().walk_revisions()))
    with engine.begin() as connection:
        migrate.upgrade(connection)
    for _ in range(steps):
        with engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "-1")
    assert revision(engine) is None
    for _ in range(steps):
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "+1")
    assert revision(engine) == HEAD_REVISION
    assert differences(engine) == []


def test_opening_a_library_at_base_migrates_it(engine: Engine, location: Path | URL) -> None:
    with engine.begin() as connection:
        migrate.upgrade(connection)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
    engine.dispose()

    library = open_library(location)
    try:
        library.create_event(EventRecord(title="After migration", start_date=dt.date(2024, 1, 1)))
        assert library.event_count() == 1
    finally:
        library.close()
    assert revision(engine) == HEAD_REVISION
