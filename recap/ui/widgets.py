"""Small widgets shared by the editors."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

ERROR_STYLE = "border: 1px solid #d33;"


class FieldError(QLabel):
    """A message shown right under the field it is about; hidden while there is none."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #d33;")
        self.hide()

    def show_error(self, message: str | None) -> None:
        if message:
            self.setText(message)
            self.field.setStyleSheet(ERROR_STYLE)
            self.show()
        else:
            self.clear()
            self.field.setStyleSheet("")
            self.hide()


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma, from the library's tags."""

    def __init__(self, line_edit: QLineEdit) -> None:
        self._names = QStringListModel()
        super().__init__(self._names, line_edit)
        self._line_edit = line_edit
        self._before_typed = ""  # the complete tags before the one being typed
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        line_edit.setCompleter(self)

    def set_tag_names(self, names: list[str]) -> None:
        self._names.setStringList(names)

    def splitPath(self, path: str) -> list[str]:
        before, _comma, typed = path.rpartition(",")
        self._before_typed = before
        typed = typed.strip()
        # Nothing typed after the last comma (a tag was just completed): match nothing,
        # so that the popup closes instead of offering every tag and catching the next click.
        return [typed or "\n"]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        # From the text as typed, not the field's: moving through the popup already
        # puts the highlighted tag in the field.
        chosen = str(index.data())
        typed = [part.strip() for part in self._before_typed.split(",")]
        return ", ".join([part for part in typed if part] + [chosen]) + ", "
