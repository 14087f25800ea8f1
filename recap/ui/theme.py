"""Light, dark, or whatever the desktop uses.

Light and dark use Qt's Fusion style with an explicit palette, so they look the
same on every platform; the editor's highlighting and the preview pick their
colours from the palette and so stay readable in both.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

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


class DarkFusionStyle(QProxyStyle):
    """Fusion outlines check boxes and radio buttons in a shade of the window colour,
    which vanishes on a dark palette: draw a light outline around them."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        round_ = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not round_ and element != QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        painter.setPen(QColor(INDICATOR_OUTLINE if enabled else INDICATOR_OUTLINE_DISABLED))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


INDICATOR_OUTLINE = "#9aa0a8"
INDICATOR_OUTLINE_DISABLED = "#5c6067"


class ThemeSwitcher:
    """Remembers how the desktop styled the app, so that "system" can go back to it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.system_style = app.style().name()
        self.system_palette = QPalette(app.palette())
        self.current = "system"

    def apply(self, theme: str) -> None:
        if theme == self.current:
            return  # restyling every widget costs start-up time for nothing
        self.current = theme
        if theme == "dark":
            self.app.setStyle(DarkFusionStyle())
            self.app.setPalette(dark_palette())
        elif theme == "light":
            self.app.setStyle("Fusion")
            self.app.setPalette(self.app.style().standardPalette())
        else:
            self.app.setStyle(self.system_style)
            self.app.setPalette(self.system_palette)


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
