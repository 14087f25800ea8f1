"""What the main window remembers between runs: its size and place, how its splitters
are set, the all/any tag switch, and the last event opened in each library."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

GEOMETRY = "window/geometry"


def settings() -> QSettings:
    return QSettings()


def save_geometry(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    store = settings()
    store.setValue(GEOMETRY, window.saveGeometry())
    for key, splitter in splitters.items():
        store.setValue(f"window/{key}", splitter.saveState())


def restore_geometry(window: QMainWindow) -> None:
    geometry = settings().value(GEOMETRY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)


def restore_splitter(key: str, splitter: QSplitter) -> bool:
    """Set ``splitter`` as it was left; False when nothing was remembered."""
    state = settings().value(f"window/{key}")
    if isinstance(state, QByteArray):
        return splitter.restoreState(state)
    return False


def match_any_tag() -> bool:
    return bool(settings().value("tags/matchAny", False, type=bool))


def save_match_any_tag(match_any: bool) -> None:
    settings().setValue("tags/matchAny", match_any)


def _last_event_key(library_path: Path | None) -> str:
    where = str(Path(library_path).resolve()).replace("/", "|") if library_path else "memory"
    return "lastEvent/" + where


def last_event(library_path: Path | None) -> int:
    value = settings().value(_last_event_key(library_path), 0, type=int)
    return value if isinstance(value, int) else 0


def save_last_event(library_path: Path | None, event_id: int) -> None:
    settings().setValue(_last_event_key(library_path), event_id)


PREVIEW_PLACEMENTS = ("beside", "below", "hidden")


def preview_placement() -> str:
    value = settings().value("view/preview", "beside")
    return value if value in PREVIEW_PLACEMENTS else "beside"


def save_preview_placement(placement: str) -> None:
    settings().setValue("view/preview", placement)


def panel_shown(name: str) -> bool:
    """Whether the calendar and tags (``sidebar``) or the event list (``list``) is shown."""
    return bool(settings().value(f"view/{name}", True, type=bool))


def save_panel_shown(name: str, shown: bool) -> None:
    settings().setValue(f"view/{name}", shown)


def default_window_size(available_width: int, available_height: int) -> tuple[int, int]:
    """Room for the editor on a big screen; never bigger than a laptop's (1366×768) screen."""
    return min(1500, available_width - 40), min(920, available_height - 40)


def default_splitter_sizes(width: int) -> list[int]:
    """Calendar and tags, the event list, the editor: the notes get most of the width."""
    sidebar = max(220, round(width * 0.17))
    event_list = max(250, round(width * 0.2))
    return [sidebar, event_list, max(400, width - sidebar - event_list)]
