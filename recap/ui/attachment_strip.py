"""The strip under an event: its pictures and files with thumbnails, name, size and
caption, and what can be done with one (insert, open, save, rename, caption, delete).

The thumbnails come from `EventPictures` (made once on a worker thread, then kept
on disk): a row shows a plain file mark until its thumbnail arrives.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from recap.domain.records import AttachmentInfo
from recap.ui.event_pictures import EventPictures
from recap.ui.pictures import size_text

AnyIndex = QModelIndex | QPersistentModelIndex
ICON = QSize(96, 60)
GRID = QSize(132, 104)  # the thumbnail, then two lines: name, and size · caption
INFO_ROLE = Qt.ItemDataRole.UserRole


class AttachmentModel(QAbstractListModel):
    """The event's attachments, in the order they were added."""

    def __init__(self, pictures: EventPictures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures = pictures
        self.infos: list[AttachmentInfo] = []
        self._icons: dict[str, QIcon] = {}
        self._file_icon: QIcon | None = None
        pictures.thumbnailsChanged.connect(self._thumbnails_arrived)

    def show(self, infos: list[AttachmentInfo]) -> None:
        self.beginResetModel()
        self.infos = list(infos)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.infos)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.infos):
            return None
        info = self.infos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = size_text(info.size)
            if info.caption:
                details = f"{details} · {info.caption}"
            return f"{info.name}\n{details}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            caption = f"\n{info.caption}" if info.caption else ""
            return f"{info.name} ({info.media_type}, {size_text(info.size)}){caption}"
        if role == INFO_ROLE:
            return info
        return None

    def _icon(self, info: AttachmentInfo) -> QIcon:
        icon = self._icons.get(info.sha256)
        if icon is not None:
            return icon
        image = self.pictures.thumbnail(info)
        if image is None:
            return self._plain_file_icon()
        scaled = QPixmap.fromImage(image).scaled(
            ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        icon = self._icons[info.sha256] = QIcon(scaled)
        return icon

    def _plain_file_icon(self) -> QIcon:
        if self._file_icon is None:
            parent = self.parent()
            style = parent.style() if isinstance(parent, QWidget) else None
            self._file_icon = (
                style.standardIcon(QStyle.StandardPixmap.SP_FileIcon) if style else QIcon()
            )
        return self._file_icon

    def shown_thumbnails(self) -> int:
        """How many rows show their picture (the rest: a file mark, or waiting)."""
        return sum(1 for info in self.infos if info.sha256 in self._icons)

    @Slot()
    def _thumbnails_arrived(self) -> None:
        if self.infos:
            roles = [Qt.ItemDataRole.DecorationRole]
            self.dataChanged.emit(self.index(0), self.index(len(self.infos) - 1), roles)


class TileDelegate(QStyledItemDelegate):
    """A tile of the strip: the thumbnail, then the name and the details, each on one
    line elided to the tile's width (the list's own layout squeezes them to the icon)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return GRID

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        plain.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        tile = option.rect.adjusted(4, 4, -4, -2)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, tile.left(), tile.top(), tile.width(), ICON.height())
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        metrics = option.fontMetrics
        top = tile.top() + ICON.height() + 4
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        for line in text.split("\n")[:2]:
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, tile.width())
            row = QRect(tile.left(), top, tile.width(), metrics.height())
            painter.drawText(row, Qt.AlignmentFlag.AlignHCenter, elided)
            top += metrics.height()
        painter.restore()


class AttachmentStrip(QWidget):
    """Signals carry the AttachmentInfo acted on (``addRequested``: none)."""

    addRequested = Signal()
    insertRequested = Signal(object)
    openRequested = Signal(object)
    saveRequested = Signal(object)
    renameRequested = Signal(object)
    captionRequested = Signal(object)
    deleteRequested = Signal(object)
    foldedChanged = Signal(bool)

    def __init__(self, pictures: EventPictures, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentStrip")
        self.model = AttachmentModel(pictures, self)
        # The title folds the strip away (a laptop screen wants the room for the notes).
        self.title = QToolButton()
        self.title.setObjectName("attachmentStripToggle")
        self.title.setCheckable(True)
        self.title.setChecked(True)
        self.title.setAutoRaise(True)
        self.title.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.title.setArrowType(Qt.ArrowType.DownArrow)
        self.title.toggled.connect(self._fold)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Attach pictures or files (also: paste or drop them)"))
        self.add_button.clicked.connect(self.addRequested)
        self.view = QListView()
        self.view.setObjectName("attachmentList")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(TileDelegate(self.view))
        self.view.setIconSize(ICON)
        self.view.setGridSize(GRID)
        scroll_bar = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(GRID.height() + scroll_bar + 6)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.doubleClicked.connect(lambda index: self._emit(self.openRequested, index))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view)

        self.menu_actions: dict[str, QAction] = {}
        for key, text, signal in (
            ("insert", self.tr("Insert into the Text"), self.insertRequested),
            ("open", self.tr("Open"), self.openRequested),
            ("save", self.tr("Save As…"), self.saveRequested),
            ("rename", self.tr("Rename…"), self.renameRequested),
            ("caption", self.tr("Set Caption…"), self.captionRequested),
            ("delete", self.tr("Delete…"), self.deleteRequested),
        ):
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, chosen=signal: self._act(chosen))
            self.menu_actions[key] = action
        delete = self.menu_actions["delete"]
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(delete)
        self.show_attachments([])

    def show_attachments(self, infos: list[AttachmentInfo]) -> None:
        self.model.show(infos)
        self.title.setText(self.tr("Pictures and files ({count})").format(count=len(infos)))
        self.setVisible(bool(infos))

    def is_folded(self) -> bool:
        return not self.title.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.title.setChecked(not folded)

    @Slot(bool)
    def _fold(self, shown: bool) -> None:
        self.view.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.title.setArrowType(arrow)
        self.foldedChanged.emit(not shown)

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        for key in ("insert", "rename", "caption", "delete"):
            self.menu_actions[key].setEnabled(not read_only)

    def current(self) -> AttachmentInfo | None:
        info = self.view.currentIndex().data(INFO_ROLE)
        return info if isinstance(info, AttachmentInfo) else None

    def select(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))

    def _act(self, signal: SignalInstance) -> None:
        info = self.current()
        if info is not None:
            signal.emit(info)

    def _emit(self, signal: SignalInstance, index: QModelIndex) -> None:
        info = index.data(INFO_ROLE)
        if isinstance(info, AttachmentInfo):
            signal.emit(info)

    @Slot(QPoint)
    def _show_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for key in ("insert", "open", "save", None, "rename", "caption", None, "delete"):
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(self.menu_actions[key])
        menu.popup(self.view.viewport().mapToGlobal(point))
