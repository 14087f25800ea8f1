"""Where things live: the library file and the user's config folder."""

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # SQLAlchemy is slow to import: only the server's URL needs it
    from recap.storage.location import Location

APP_NAME = "recap"
LIBRARY_FILE_NAME = "library.db"
DB_ENVIRONMENT_VARIABLE = "RECAP_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where things Recap can make again live (thumbnails of pictures)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def chosen_library(explicit: str | None = None, remembered: str | None = None) -> str | None:
    """``--db`` first, then ``RECAP_DB``, then the library the user last chose in the
    app (``remembered``); None when none was given."""
    return explicit or os.environ.get(DB_ENVIRONMENT_VARIABLE) or remembered or None


def library_location(explicit: str | None = None, remembered: str | None = None) -> "Location":
    """Like ``library_path``, but ``--db`` or ``RECAP_DB`` may also name a PostgreSQL
    server's database by its URL (``postgresql+psycopg://user@/db?host=/socket/dir``)."""
    chosen = chosen_library(explicit, remembered)
    if chosen:
        from recap.storage.location import parse_location

        return parse_location(chosen)
    return library_path()


def library_path(explicit: str | None = None, remembered: str | None = None) -> Path:
    """``--db`` first, then ``RECAP_DB``, then the library the user last chose in the
    app (``remembered``), then the platform's user data folder."""
    chosen = chosen_library(explicit, remembered)
    if chosen:
        return Path(chosen).expanduser()
    default_dir = data_dir()
    default_dir.mkdir(parents=True, exist_ok=True)
    return default_dir / LIBRARY_FILE_NAME
