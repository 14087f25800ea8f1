"""Bring a library's schema up to date with Alembic."""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from recap.errors import QT_TRANSLATE_NOOP, LibraryError
from recap.storage.migrations import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Leave the search index (an FTS5 virtual table and its shadow tables) out of
    Alembic's comparison with the models: it is made by a migration of its own."""
    return not (type_ == "table" and name is not None and name.startswith("search_"))


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def needs_upgrade(connection: Connection, where: object = "This library") -> bool:
    """True when the library is older than this code; refuses a newer library or
    another program's database (``where`` names it in the message)."""
    revision = current_revision(connection)
    if revision == HEAD_REVISION:
        return False
    tables = set(inspect(connection).get_table_names())
    on_server = connection.dialect.name != "sqlite"
    if revision is None and tables and "alembic_version" not in tables and on_server:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "The database {database} holds another program's tables, not a Recap "
                "library (it was left unchanged).",
            ),
            database=connection.engine.url.database,
        )
    if revision is None and tables and "alembic_version" not in tables:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{where} is a database of another program, not a Recap library "
                "(it was left unchanged).",
            ),
            where=where,
        )
    if revision is not None and revision not in known_revisions() and on_server:
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "The library in the database {database} was saved by a newer version of "
                "Recap; update Recap to open it (the database was left unchanged).",
            ),
            database=connection.engine.url.database,
        )
    if revision is not None and revision not in known_revisions():
        raise LibraryError(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{where} was saved by a newer version of Recap; "
                "update Recap to open it (it was left unchanged).",
            ),
            where=where,
        )
    return True


def upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
