"""Light, dark, or whatever the desktop uses.

Light and dark use Qt's Fusion style with an explicit palette, so they look the
same on every platform; the editor's highlighting and the preview pick their
colours from the palette and so stay readable in both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

# Chosen for contrast: body text on base is about 13:1, links about 6:1.
_DARK_COLOURS = {
    _Role.Window: "#2b2d31",
    _Role.WindowText: "#e3e5e8",
    _Role.Base: "#1e1f22",
    _Role.AlternateBase: "#26282c",
    _Role.Text: "#e3e5e8",
    _Role.Button: "#35373c",
    _Role.ButtonText: "#e3e5e8",
    _Role.BrightText: "#ff6b6b",
    _Role.Highlight: "#3d6fd9",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#6ea8fe",
    _Role.LinkVisited: "#b197fc",
    _Role.ToolTipBase: "#35373c",
    _Role.ToolTipText: "#e3e5e8",
    _Role.PlaceholderText: "#8b9097",
    _Role.Light: "#4a4d53",
    _Role.Midlight: "#3f4147",
    _Role.Mid: "#2f3136",
    _Role.Dark: "#18191c",
    _Role.Shadow: "#0d0e10",
}
_DARK_DISABLED = {
    _Role.WindowText: "#7d828a",
    _Role.Text: "#7d828a",
    _Role.ButtonText: "#7d828a",
    _Role.Highlight: "#4a4d53",
}


class ThemeSwitcher:
    """Remembers how the desktop styled the app, so that "system" can go back to it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())

    def apply(self, theme: str) -> None:
        if theme == "dark":
            self._use_fusion(dark_palette())
        elif theme == "light":
            fusion = QStyleFactory.create("Fusion")
            self._use_fusion(fusion.standardPalette())
        else:
            self.app.setStyle(self.system_style)
            self.app.setPalette(self.system_palette)

    def _use_fusion(self, palette: QPalette) -> None:
        self.app.setStyle("Fusion")
        self.app.setPalette(palette)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(_Role.Base).lightness() < 128


_switcher: ThemeSwitcher | None = None


def apply_theme(theme: str) -> None:
    """Switch the running app to ``theme``; the first call notes the system's look."""
    global _switcher
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _switcher is None or _switcher.app is not app:
        _switcher = ThemeSwitcher(app)
    _switcher.apply(theme)
