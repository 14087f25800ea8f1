"""View › Only Recaps Not Yet Published › Anywhere, or On one platform: list only the
recaps not published anywhere, or not yet on that platform (the publishing profiles'
platforms and those the library records).

At most one choice is ticked; ticking the ticked one again lists every recap."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget


class UnpublishedMenu(QMenu):
    """``changed(platform)`` when a platform's choice is triggered (``anywhere``, the
    window's own action, has its handler): ``chosen()`` is None for every recap, "" for
    not published anywhere, else a platform's name."""

    changed = Signal(object)

    def __init__(self, anywhere: QAction, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Only Recaps Not Yet Published"), parent)
        self.setObjectName("unpublishedMenu")
        self.platforms: Callable[[], list[str]] = list  # set by the window: names to offer
        self.group = QActionGroup(self)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.anywhere = anywhere
        anywhere.setCheckable(True)
        anywhere.setData("")
        self.group.addAction(anywhere)
        self.addAction(anywhere)
        self.addSeparator()
        self.platform_actions: list[QAction] = []
        self.aboutToShow.connect(self.offer_platforms)

    def chosen(self) -> str | None:
        ticked = self.group.checkedAction()
        return None if ticked is None else str(ticked.data())

    def offer_platforms(self) -> None:
        """One choice per platform known now, the ticked one kept."""
        ticked = self.chosen()
        for action in self.platform_actions:
            self.group.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        names = {name.casefold(): name for name in self.platforms()}
        if ticked:
            names.setdefault(ticked.casefold(), ticked)
        self.platform_actions = []
        for name in sorted(names.values(), key=str.casefold):
            action = QAction(self.tr("On {platform}").format(platform=name), self)
            action.setCheckable(True)
            action.setData(name)
            action.setChecked(name == ticked)
            action.triggered.connect(lambda: self.changed.emit(self.chosen()))
            self.group.addAction(action)
            self.addAction(action)
            self.platform_actions.append(action)

    def clear(self) -> None:
        """Every recap listed again (without saying so: the caller refreshes)."""
        ticked = self.group.checkedAction()
        if ticked is not None:
            ticked.setChecked(False)
