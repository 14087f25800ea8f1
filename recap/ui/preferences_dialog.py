"""Edit › Preferences: language, look, dates, autosave, export defaults and the
library file. OK applies everything at once; only the language waits for a restart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.dates import format_date
from recap.export.targets import TARGETS
from recap.ui.error_text import error_text, target_label
from recap.ui.library_files import ask_existing_library, ask_new_library
from recap.ui.preferences import AUTOSAVE_DELAY_RANGE_MS, Preferences

EXAMPLE_DAY = dt.date(2024, 4, 13)


def align_form_labels(groups: list[QGroupBox]) -> None:
    """One label column for several forms, so their fields line up."""
    labels = [label for group in groups for label in group.findChildren(QLabel) if label.buddy()]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        current_library: Path | str | None,  # a file, or a server's URL as text
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.original = preferences
        self.current_library = current_library
        # None: keep the library that is open; "": the default place; else a file or
        # a server's URL.
        self.library_choice: str | None = None

        language = preferences.language()
        self.language_box = self._choices(
            (
                (self.tr("System default"), "system"),
                ("English", "en"),
                ("한국어", "ko"),
            ),
            preferences.ui_language,
        )
        self.language_note = QLabel(self.tr("A new language shows after Recap restarts."))
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language_box.currentIndexChanged.connect(self._update_language_note)
        self.theme_box = self._choices(
            (
                (self.tr("Same as the system"), "system"),
                (self.tr("Light"), "light"),
                (self.tr("Dark"), "dark"),
            ),
            preferences.theme,
        )
        self.date_box = self._choices(
            (
                (self.tr("Long: {example}").format(example=format_date(EXAMPLE_DAY, language)),
                 "long"),
                (self.tr("Short: {example}").format(example=EXAMPLE_DAY.isoformat()), "iso"),
            ),
            preferences.date_style,
        )  # fmt: skip
        self.author_edit = QLineEdit(preferences.author_name)
        self.author_edit.setObjectName("authorName")
        self.author_edit.setMaxLength(300)
        self.author_edit.setPlaceholderText(self.tr("e.g. 김하늘"))
        self.author_edit.setToolTip(self.tr("The author of the events you create"))
        self.autosave_spin = QDoubleSpinBox()
        self.autosave_spin.setObjectName("autosaveDelay")
        low, high = AUTOSAVE_DELAY_RANGE_MS
        self.autosave_spin.setRange(low / 1000, high / 1000)
        self.autosave_spin.setDecimals(1)
        self.autosave_spin.setSingleStep(0.1)
        self.autosave_spin.setSuffix(self.tr(" s"))
        self.autosave_spin.setValue(preferences.autosave_delay_ms / 1000)
        self.autosave_spin.setToolTip(
            self.tr("How long after you stop typing your notes are written to the library")
        )

        self.line_breaks_box = self._choices(
            (
                (self.tr("As typed: every line shows as a line"), "typed"),
                (self.tr("Markdown soft breaks: a single newline is a space"), "soft"),
            ),
            preferences.line_breaks,
        )
        self.line_breaks_box.setObjectName("lineBreaks")
        self.line_breaks_box.setToolTip(
            self.tr(
                "How the preview shows a single line break inside a paragraph; exports "
                "start with the same choice"
            )
        )

        self.target_box = self._choices(
            [(target_label(target), target.name) for target in TARGETS],
            preferences.export_target,
        )
        self.export_language_box = self._choices(
            (("한국어", "ko"), ("English", "en")), preferences.export_language
        )

        self.library_label = QLabel()
        self.library_label.setObjectName("libraryPath")
        self.library_label.setWordWrap(True)
        self.open_library_button = QPushButton(self.tr("Open Another…"))
        self.new_library_button = QPushButton(self.tr("Create New…"))
        self.default_library_button = QPushButton(self.tr("Use the Default"))
        self.server_library_button = QPushButton(self.tr("On a Server…"))
        self.server_library_button.setToolTip(
            self.tr("A team library in a PostgreSQL database, shared with others")
        )
        self.server_library_button.clicked.connect(self.choose_server_library)
        self.open_library_button.clicked.connect(self.choose_existing_library)
        self.new_library_button.clicked.connect(self.choose_new_library)
        self.default_library_button.clicked.connect(lambda: self._set_library_choice(""))
        self._show_library()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        form_groups = [self._appearance_group(), self._editing_group(), self._export_group()]
        for group in form_groups:
            layout.addWidget(group)
        align_form_labels(form_groups)
        layout.addWidget(self._library_group())
        layout.addStretch(1)
        layout.addWidget(buttons)

    # -- layout ------------------------------------------------------------------------

    def _appearance_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Appearance"))
        form = QFormLayout(group)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Theme"), self.theme_box)
        form.addRow(self.tr("Dates"), self.date_box)
        return group

    def _editing_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Editing"))
        form = QFormLayout(group)
        form.addRow(self.tr("Your name"), self.author_edit)
        form.addRow(self.tr("Save after a pause of"), self.autosave_spin)
        form.addRow(self.tr("Line breaks"), self.line_breaks_box)
        return group

    def _export_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Export defaults"))
        form = QFormLayout(group)
        form.addRow(self.tr("Format"), self.target_box)
        form.addRow(self.tr("Language"), self.export_language_box)
        profiles_button = QPushButton(self.tr("Publishing Profiles…"))
        profiles_button.setObjectName("profilesButton")
        profiles_button.clicked.connect(self.edit_profiles)
        form.addRow(self.tr("Profiles"), profiles_button)
        return group

    def edit_profiles(self) -> None:
        from recap.ui.profiles_editor import ProfilesEditor

        self.profiles_editor = ProfilesEditor(self)
        self.profiles_editor.open()

    def _library_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Library"))
        layout = QVBoxLayout(group)
        layout.addWidget(self.library_label)
        row = QHBoxLayout()
        row.addWidget(self.open_library_button)
        row.addWidget(self.new_library_button)
        row.addWidget(self.default_library_button)
        row.addWidget(self.server_library_button)
        row.addStretch(1)
        layout.addLayout(row)
        return group

    def _choices(self, items: Sequence[tuple[str, str]], current: str) -> QComboBox:
        box = QComboBox()
        for text, value in items:
            box.addItem(text, value)
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    # -- the library file ----------------------------------------------------------------

    def choose_existing_library(self) -> None:
        chosen = ask_existing_library(self, self._start_folder())
        if chosen:
            self._set_library_choice(chosen)

    def choose_new_library(self) -> None:
        chosen = ask_new_library(self, self._start_folder())
        if chosen:
            self._set_library_choice(chosen)

    def choose_server_library(self) -> None:
        """A PostgreSQL database's URL, checked before it is taken (no password in it)."""
        from recap.errors import RecapError
        from recap.storage.location import server_url

        current = self.library_choice or self.current_library
        start = current if isinstance(current, str) and "://" in current else ""
        text, accepted = QInputDialog.getText(
            self,
            self.tr("Library on a server"),
            self.tr(
                "The PostgreSQL database's URL, such as\n"
                "postgresql+psycopg://ana@db.example.org/recap or\n"
                "postgresql+psycopg://ana@/recap?host=/run/postgresql\n\n"
                "Recap never keeps a password: the server's comes from ~/.pgpass, a libpq "
                "service file (?service=name) or PGPASSWORD."
            ),
            text=start or "postgresql+psycopg://",
        )
        if not accepted or not text.strip():
            return
        try:
            server_url(text.strip())
        except RecapError as error:
            QMessageBox.warning(self, self.tr("Library on a server"), error_text(error))
            return
        self._set_library_choice(text.strip())

    def _start_folder(self) -> str:
        current = self.current_library
        return str(current.parent) if isinstance(current, Path) else ""

    def _set_library_choice(self, path: str) -> None:
        self.library_choice = path
        self._show_library()

    def _show_library(self) -> None:
        if self.library_choice is None:
            shown = str(self.current_library) if self.current_library else self.tr("none")
            self.library_label.setText(self.tr("Open now: {path}").format(path=shown))
        elif self.library_choice == "":
            self.library_label.setText(self.tr("After OK: the library in Recap's data folder"))
        else:
            self.library_label.setText(self.tr("After OK: {path}").format(path=self.library_choice))

    def _update_language_note(self) -> None:
        self.language_note.setVisible(self.language_box.currentData() != self.original.ui_language)

    # -- the result ------------------------------------------------------------------------

    def chosen(self) -> Preferences:
        """The choices made; the library file is remembered by whoever opens it
        (``library_choice``), once it has opened."""
        return replace(
            self.original,
            ui_language=str(self.language_box.currentData()),
            theme=str(self.theme_box.currentData()),
            date_style=str(self.date_box.currentData()),
            autosave_delay_ms=round(self.autosave_spin.value() * 1000),
            author_name=" ".join(self.author_edit.text().split()),
            line_breaks=str(self.line_breaks_box.currentData()),
            export_target=str(self.target_box.currentData()),
            export_language=str(self.export_language_box.currentData()),
        )
