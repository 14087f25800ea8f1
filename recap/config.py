"""Where things live: the library file and the user's config folder."""

import os
from pathlib import Path

APP_NAME = "recap"
LIBRARY_FILE_NAME = "library.db"
DB_ENVIRONMENT_VARIABLE = "RECAP_DB"


def data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def library_path(explicit: str | None = None, remembered: str | None = None) -> Path:
    """``--db`` first, then ``RECAP_DB``, then the library the user last chose in the
    app (``remembered``), then the platform's user data folder."""
    chosen = explicit or os.environ.get(DB_ENVIRONMENT_VARIABLE) or remembered
    if chosen:
        return Path(chosen).expanduser()
    default_dir = data_dir()
    default_dir.mkdir(parents=True, exist_ok=True)
    return default_dir / LIBRARY_FILE_NAME
