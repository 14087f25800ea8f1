"""What a new user sees on an empty library: where to start."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    createEventRequested = Signal()
    openSampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        title = QLabel(self.tr("Welcome to Recap"))
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = title.font()
        heading.setPointSizeF(heading.pointSizeF() * 1.6)
        heading.setBold(True)
        title.setFont(heading)
        text = QLabel(
            self.tr(
                "Keep your notes from meetups, conferences and study groups in one place:\n"
                "each talk with its speaker, your impression, notes, Q&A and sources.\n"
                "Later, turn them into blog posts."
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create my first event"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.setDefault(True)
        self.sample_button = QPushButton(self.tr("Explore the sample library"))
        self.sample_button.setToolTip(
            self.tr("Opens a separate library with example events; yours stays as it is.")
        )
        for button in (self.create_button, self.sample_button):
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(text)
        layout.addSpacing(24)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.create_button.clicked.connect(self.createEventRequested)
        self.sample_button.clicked.connect(self.openSampleRequested)
