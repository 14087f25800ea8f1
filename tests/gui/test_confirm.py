"""Deleting asks first, with buttons that say what they do."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from recap.ui.confirm import confirm_deletion


def pressing(label: str, seen: list[QMessageBox]) -> Callable[[QMessageBox], int]:
    def exec_(box: QMessageBox) -> int:
        seen.append(box)
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == label]
        button.click()
        return 0

    return exec_


def test_only_the_delete_button_deletes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", pressing("Delete", seen))
    assert confirm_deletion(parent, "Delete event", "Delete “Songdo”?")
    monkeypatch.setattr(QMessageBox, "exec", pressing("Cancel", seen))
    assert not confirm_deletion(parent, "Delete event", "Delete “Songdo”?")
    box = seen[0]
    assert box.text() == "Delete “Songdo”?"
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert box.defaultButton() is cancel and box.escapeButton() is cancel  # Enter keeps it
