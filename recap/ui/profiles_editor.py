"""Preferences › Publishing Profiles: the list of profiles with Add, Duplicate and
Delete, and the chosen one's fields. Save writes profiles.toml (recap.export.
profile_file); a field that would make a profile Recap refuses is said in one sentence
and nothing is written, what was typed staying in the fields."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recap.errors import RecapError
from recap.export.profile_file import KeyProblem, load_profiles, profile_from_table, save_profiles
from recap.export.profiles import PICTURE_LAYOUTS, Profile, builtin_named
from recap.export.targets import POST_TARGETS
from recap.ui.error_text import error_text, target_label


class ProfilesEditor(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilesEditor")
        self.setWindowTitle(self.tr("Publishing Profiles"))
        self.path = path
        found = load_profiles(path)
        self.profiles: list[Profile] = list(found.profiles)
        self.shown = -1

        self.list = QListWidget()
        self.list.setObjectName("profileList")
        self.add_button = QPushButton(self.tr("Add"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.name_edit = QLineEdit()
        self.target_box = QComboBox()
        for target in POST_TARGETS:
            self.target_box.addItem(target_label(target), target.name)
        self.language_box = QComboBox()
        self.language_box.addItem("한국어", "ko")
        self.language_box.addItem("English", "en")
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip(self.tr("{title}, {date}, {category} and {host} are filled in"))
        self.pictures_box = QComboBox()
        self.pictures_box.addItem(self.tr("As the format does"), "")
        names = {
            "folder": self.tr("In a folder beside the post"),
            "bundle": self.tr("In the post's folder (Hugo page bundle)"),
            "site": self.tr("In the site's assets (Jekyll)"),
            "embedded": self.tr("Inside the post"),
        }
        for layout_name in PICTURE_LAYOUTS:
            self.pictures_box.addItem(names[layout_name], layout_name)
        self.related_check = QCheckBox(self.tr("End posts with the other posts of their category"))
        self.no_h1_check = QCheckBox(self.tr("No title heading (the platform shows the title)"))
        self.platform_edit = QLineEdit()
        self.platform_edit.setObjectName("platformEdit")
        self.platform_edit.setToolTip(
            self.tr("The name a post is recorded under when marked as published")
        )
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 10_000)
        self.limit_spin.setSpecialValueText(self.tr("No limit"))
        self.error_label = QLabel()
        self.error_label.setObjectName("profileError")
        self.error_label.setWordWrap(True)
        self.error_label.setText(error_text(found.problem) if found.problem else "")

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Format"), self.target_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.tr("Title pattern"), self.title_edit)
        form.addRow(self.tr("Pictures"), self.pictures_box)
        form.addRow("", self.related_check)
        form.addRow("", self.no_h1_check)
        form.addRow(self.tr("Longest title"), self.limit_spin)
        form.addRow(self.tr("Published as"), self.platform_edit)
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        side.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(side, 2)
        body.addLayout(form, 3)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.list.currentRowChanged.connect(self._show)
        self.add_button.clicked.connect(self.add)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self._fill_list(0)
        self.resize(760, 440)

    # -- the list ------------------------------------------------------------------------

    def _fill_list(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for profile in self.profiles:
            self.list.addItem(profile.name)
        self.list.blockSignals(False)
        self.shown = -1
        self.list.setCurrentRow(min(row, len(self.profiles) - 1))

    def _show(self, row: int) -> None:
        if not self._keep_fields():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self.shown)
            self.list.blockSignals(False)
            return
        self.shown = row
        if row < 0:
            return
        profile = self.profiles[row]
        self.name_edit.setText(profile.name)
        self.name_edit.setReadOnly(profile.builtin)  # a built-in one keeps its name
        self.target_box.setCurrentIndex(max(self.target_box.findData(profile.target.name), 0))
        self.language_box.setCurrentIndex(max(self.language_box.findData(profile.language), 0))
        self.title_edit.setText(profile.title)
        self.pictures_box.setCurrentIndex(
            max(self.pictures_box.findData(profile.pictures or ""), 0)
        )
        self.related_check.setChecked(profile.related)
        self.no_h1_check.setChecked(profile.no_h1)
        self.limit_spin.setValue(profile.title_limit or 0)
        self.platform_edit.setText(profile.platform)
        self.platform_edit.setPlaceholderText(profile.name)  # "" records the profile's name
        self.delete_button.setEnabled(not profile.builtin)

    def _fields(self) -> Profile:
        """The shown profile as its fields say; KeyProblem/RecapError when it cannot be."""
        target = next(t for t in POST_TARGETS if t.name == self.target_box.currentData())
        table: dict[str, object] = {
            "format": target.format,
            "front_matter": target.front_matter,
            "language": str(self.language_box.currentData()),
            "title": self.title_edit.text(),
            "related": self.related_check.isChecked(),
            "no_h1": self.no_h1_check.isChecked(),
        }
        if self.pictures_box.currentData():
            table["pictures"] = str(self.pictures_box.currentData())
        if self.limit_spin.value():
            table["title_limit"] = self.limit_spin.value()
        if self.platform_edit.text().strip():
            table["platform"] = self.platform_edit.text().strip()
        profile = profile_from_table(self.name_edit.text(), table)
        builtin = builtin_named(profile.name)
        if builtin is not None and not self.profiles[self.shown].builtin:
            raise KeyProblem(None, _name_taken(profile.name))
        if builtin is not None:
            limit = self.limit_spin.value() or None
            profile = dataclasses.replace(profile, title_limit=limit, builtin=True)
        return profile

    def _keep_fields(self) -> bool:
        """Keep what the fields say into the shown profile; False (and a sentence) when
        they cannot make one."""
        if self.shown < 0 or self.shown >= len(self.profiles):
            return True
        try:
            profile = self._fields()
        except KeyProblem as problem:
            self.error_label.setText(error_text(problem.error))
            return False
        except RecapError as error:
            self.error_label.setText(error_text(error))
            return False
        others = [p.name.casefold() for i, p in enumerate(self.profiles) if i != self.shown]
        if profile.name.casefold() in others:
            self.error_label.setText(error_text(_name_taken(profile.name)))
            return False
        self.error_label.setText("")
        self.profiles[self.shown] = profile
        self.list.item(self.shown).setText(profile.name)
        return True

    def _free_name(self, base: str) -> str:
        taken = {profile.name.casefold() for profile in self.profiles}
        number = 1
        name = base
        while name.casefold() in taken:
            number += 1
            name = f"{base}-{number}"
        return name

    def add(self) -> None:
        if self._keep_fields():
            self.profiles.append(Profile(self._free_name("my-blog")))
            self._fill_list(len(self.profiles) - 1)

    def duplicate(self) -> None:
        if self._keep_fields() and self.shown >= 0:
            source = self.profiles[self.shown]
            copy = dataclasses.replace(
                source, name=self._free_name(f"{source.name}-copy"), builtin=False
            )
            self.profiles.append(copy)
            self._fill_list(len(self.profiles) - 1)

    def delete(self) -> None:
        if 0 <= self.shown < len(self.profiles) and not self.profiles[self.shown].builtin:
            row = self.shown
            del self.profiles[row]
            self.shown = -1
            self._fill_list(max(row - 1, 0))

    def save(self) -> None:
        if not self._keep_fields():
            return
        try:
            save_profiles(self.profiles, self.path)
        except (RecapError, OSError) as error:
            text = error_text(error) if isinstance(error, RecapError) else str(error)
            self.error_label.setText(text)
            return
        self.accept()


def _name_taken(name: str) -> RecapError:
    from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

    return InvalidInput(
        QT_TRANSLATE_NOOP("RecapError", "There is a profile “{name}” already."), name=name
    )
