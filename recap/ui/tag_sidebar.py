"""The tag sidebar: every tag with its count; selecting tags filters the event list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recap.ui.models import TagCountModel, TagSortModel

if TYPE_CHECKING:  # records are only annotations here; importing them costs start-up
    from recap.domain.records import TagCount


class TagSidebar(QWidget):
    """Emits ``tagFilterChanged(names, match_any)`` when the selection or the mode changes."""

    tagFilterChanged = Signal(tuple, bool)
    renameRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TagCountModel(self)
        self.sorted_model = TagSortModel(self)
        self.sorted_model.setSourceModel(self.model)

        self.view = QTableView()
        self.view.setObjectName("tagTable")
        self.view.setModel(self.sorted_model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(TagCountModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TagCountModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TagCountModel.COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setToolTip(self.tr("Click tags to filter the events; click again to unselect."))

        self.all_button = QRadioButton(self.tr("All selected"))
        self.any_button = QRadioButton(self.tr("Any of them"))
        self.all_button.setChecked(True)
        self.all_button.setToolTip(self.tr("Show events that have every selected tag"))
        self.any_button.setToolTip(self.tr("Show events that have at least one selected tag"))
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.all_button)
        self.mode_group.addButton(self.any_button)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setEnabled(False)

        title = QLabel(self.tr("Tags"))
        title.setObjectName("panelTitle")
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.all_button)
        mode_row.addWidget(self.any_button)
        mode_row.addStretch()
        mode_row.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view)
        layout.addLayout(mode_row)

        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.mode_group.buttonToggled.connect(self._on_mode_toggled)
        self.clear_button.clicked.connect(self.clear_selection)

    def set_tags(self, tags: Sequence[TagCount]) -> None:
        """Show new counts, keeping the selected tags that still exist selected."""
        selected = {name.casefold() for name in self.selected_tags()}
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_tags(tags)
        self._select_names(selected)
        self.view.selectionModel().blockSignals(blocker)
        if {name.casefold() for name in self.selected_tags()} != selected:
            self._emit_filter()
        self._update_clear_button()

    def selected_tags(self) -> tuple[str, ...]:
        rows = self.view.selectionModel().selectedRows(TagCountModel.NAME)
        rows.sort(key=lambda index: index.row())
        return tuple(str(index.data()) for index in rows)

    def match_any(self) -> bool:
        return self.any_button.isChecked()

    def select_tags(self, names: Sequence[str]) -> None:
        self._select_names({name.casefold() for name in names})

    def clear_selection(self) -> None:
        self.view.clearSelection()

    def _select_names(self, keys: set[str]) -> None:
        selection = QItemSelection()
        for row in range(self.sorted_model.rowCount()):
            index = self.sorted_model.index(row, TagCountModel.NAME)
            if str(index.data()).casefold() in keys:
                selection.select(index, index)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().select(selection, flags)

    def context_menu_for(self, name: str) -> QMenu:
        menu = QMenu(self)
        rename = menu.addAction(self.tr("Rename or Merge “{name}”…").format(name=name))
        rename.triggered.connect(lambda: self.renameRequested.emit(name))
        delete = menu.addAction(self.tr("Delete “{name}”…").format(name=name))
        delete.triggered.connect(lambda: self.deleteRequested.emit(name))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        name = str(index.siblingAtColumn(TagCountModel.NAME).data())
        self.context_menu_for(name).exec(self.view.viewport().mapToGlobal(position))

    def _on_selection_changed(self) -> None:
        self._update_clear_button()
        self._emit_filter()

    def _on_mode_toggled(self, _button: object, checked: bool) -> None:
        if checked and len(self.selected_tags()) > 1:
            self._emit_filter()

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(bool(self.selected_tags()))

    def _emit_filter(self) -> None:
        self.tagFilterChanged.emit(self.selected_tags(), self.match_any())
