"""The user's preferences: what they are, their defaults, and where they are kept.

They live in QSettings (the platform's own place for an app's settings) under
``preferences/``; a value another version wrote that this one does not know is
read as the default rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QLocale, QSettings

from recap.errors import RecapError
from recap.export.targets import TARGETS, target_for
from recap.ui.autosave import DEFAULT_DELAY_MS as DEFAULT_AUTOSAVE_DELAY_MS

UI_LANGUAGES = ("system", "en", "ko")
EXPORT_LANGUAGES = ("ko", "en")
DATE_STYLES = ("long", "iso")
LINE_BREAK_CHOICES = ("typed", "soft")
THEMES = ("system", "light", "dark")
AUTOSAVE_DELAY_RANGE_MS = (200, 10_000)

_CHOICES: dict[str, tuple[str, ...]] = {
    "ui_language": UI_LANGUAGES,
    "export_language": EXPORT_LANGUAGES,
    "export_target": tuple(target.name for target in TARGETS),
    "date_style": DATE_STYLES,
    "theme": THEMES,
    "line_breaks": LINE_BREAK_CHOICES,
}


@dataclass(frozen=True)
class Preferences:
    ui_language: str = "system"
    export_language: str = "ko"
    export_target: str = TARGETS[0].name
    date_style: str = "long"
    autosave_delay_ms: int = DEFAULT_AUTOSAVE_DELAY_MS
    # Empty: the platform's user data folder (or --db / RECAP_DB when given).
    library_path: str = ""
    theme: str = "system"
    # How the preview (and, by default, an export) shows a single newline: "typed" a
    # line break, as Tistory's editor keeps every line; "soft" a space (CommonMark).
    line_breaks: str = "typed"
    # Who writes the recaps: the author of every event made here (a team library
    # shows whose recap is whose).
    author_name: str = ""

    def language(self) -> str:
        """The language the interface speaks: ``ko`` or ``en``."""
        if self.ui_language != "system":
            return self.ui_language
        return system_language()


def system_language() -> str:
    """Korean when the desktop is set to Korean, English otherwise."""
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("ko"):
            return "ko"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def _settings() -> QSettings:
    return QSettings()


def load_preferences(settings: QSettings | None = None) -> Preferences:
    settings = settings or _settings()
    defaults = Preferences()
    ui_language = str(_checked("ui_language", settings.value("preferences/ui_language"), "system"))
    # Until chosen, posts are written in the language the interface speaks.
    defaults = replace(defaults, export_language=Preferences(ui_language=ui_language).language())
    defaults = replace(defaults, export_target=_target_of_older_versions(settings))
    values: dict[str, object] = {}
    for field in fields(Preferences):
        default = getattr(defaults, field.name)
        stored = settings.value(f"preferences/{field.name}", default)
        values[field.name] = _checked(field.name, stored, default)
    return replace(defaults, **values)  # type: ignore[arg-type]


def _target_of_older_versions(settings: QSettings) -> str:
    """Versions before export targets kept a format and a front matter style."""
    try:
        return target_for(
            str(settings.value("preferences/post_format", "md")),
            str(settings.value("preferences/front_matter", "none")),
        ).name
    except RecapError:
        return TARGETS[0].name


def save_preferences(preferences: Preferences, settings: QSettings | None = None) -> None:
    settings = settings or _settings()
    for field in fields(Preferences):
        settings.setValue(f"preferences/{field.name}", getattr(preferences, field.name))
    settings.sync()


def _checked(name: str, stored: object, default: object) -> object:
    """The stored value when it is one this version understands, else the default."""
    if name == "autosave_delay_ms":
        try:
            delay = int(str(stored))
        except ValueError:
            return default
        low, high = AUTOSAVE_DELAY_RANGE_MS
        return min(max(delay, low), high)
    if name in _CHOICES:
        return stored if stored in _CHOICES[name] else default
    return stored if isinstance(stored, str) else default
