"""The bars above the library's panels: the sample library's (with the way back to
one's own) and the read-only window's."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def sample_banner(go_back: Callable[[], None]) -> QWidget:
    banner = QWidget()
    banner.setObjectName("sampleBanner")
    label = QLabel(
        QCoreApplication.translate(
            "MainWindow", "You are exploring the sample library. Your own library is unchanged."
        )
    )
    back = QPushButton(QCoreApplication.translate("MainWindow", "Back to my library"))
    back.clicked.connect(go_back)
    layout = QHBoxLayout(banner)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(label, 1)
    layout.addWidget(back)
    banner.setStyleSheet("#sampleBanner { background: palette(alternate-base); }")
    banner.hide()
    return banner


def read_only_banner() -> QLabel:
    banner = QLabel()
    banner.setObjectName("readOnlyBanner")
    banner.setStyleSheet("padding: 4px 8px; background: palette(alternate-base);")
    banner.hide()
    return banner


def read_only_text(because: str) -> str:
    """Why the library cannot be changed here (``OpenedLibrary.read_only_because``)."""
    if because == "role":
        return QCoreApplication.translate(
            "MainWindow",
            "Read-only: your database role may read this library but not change it.",
        )
    return QCoreApplication.translate(
        "MainWindow", "Read-only: this library is open in another Recap window."
    )
