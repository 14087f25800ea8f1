"""A library that cannot be opened is left as it is, with a way out; backups restore."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from recap.domain.records import EventRecord
from recap.storage import opening
from recap.storage.backup import copy_library
from recap.storage.library import open_library
from recap.ui.backups_dialog import BackupsDialog
from recap.ui.main_window import MainWindow
from recap.ui.start import LibrarySwitcher
from tests.gui.conftest import WindowFactory


def answer_with(monkeypatch: pytest.MonkeyPatch, button_text: str, seen: list[str]) -> None:
    """The recovery question is answered by clicking one of its buttons."""

    def exec_(box: QMessageBox) -> int:
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 40, b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_a_broken_library_is_left_alone_and_another_can_be_chosen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(content)
    other = tmp_path / "other.db"
    seen: list[str] = []
    answer_with(monkeypatch, "Open Another Library…", seen)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(other), ""))
    window = MainWindow()
    qtbot.addWidget(window)
    assert LibrarySwitcher(window, str(broken)).open_own()
    assert seen and str(broken) in seen[0]
    assert broken.read_bytes() == content  # byte for byte
    assert window.library is not None and window.library.path == other
    window.close()


def test_restore_from_a_backup_keeps_the_current_state_too(
    qtbot: QtBot, open_window: WindowFactory, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = open_library(library_path)
    library.create_event(EventRecord(title="Kept in the backup", start_date=dt.date(2024, 1, 1)))
    (library_path.parent / "backups").mkdir()
    manual = copy_library(library_path, library_path.parent / "backups")
    library.create_event(EventRecord(title="Added later", start_date=dt.date(2024, 2, 1)))
    library.close()

    window = open_window(library_path)
    assert window.event_list.model.rowCount() == 2

    def choose_the_manual_copy(dialog: BackupsDialog) -> int:
        names = [dialog.table.item(row, 3).text() for row in range(dialog.table.rowCount())]
        # the daily copy was made when the app opened the library
        assert any(name.startswith("library.daily-") for name in names)
        row = names.index(manual.name)
        assert dialog.table.item(row, 2).text() == "1"  # the backup's event count
        assert dialog.table.item(row, 1).text() == "by hand"
        dialog.table.selectRow(row)
        dialog.restore_selected()
        return 1

    monkeypatch.setattr(BackupsDialog, "exec", choose_the_manual_copy)
    window.menu_actions.restore.trigger()
    assert [window.event_list.model.summary_at(0).title] == ["Kept in the backup"]
    [kept] = (library_path.parent / "backups").glob("library.before-restore-*.db")
    again = open_library(kept)
    assert again.event_count() == 2
    again.close()


def test_the_window_says_it_is_busy_while_a_library_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening may upgrade the library first: a wait cursor and a word in the status bar,
    both gone once it is open, and gone too when it cannot be opened."""
    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[tuple[object, str]] = []
    real_open = opening.open_for_editing

    def watched(*args: object, **kwargs: object) -> object:
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "open_for_editing", watched)
    assert LibrarySwitcher(window, str(tmp_path / "library.db")).open_own()
    assert seen == [(Qt.CursorShape.WaitCursor, "Opening the library…")]
    assert QApplication.overrideCursor() is None
    assert window.statusBar().currentMessage() != "Opening the library…"

    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all" * 40)
    answer_with(monkeypatch, "Close", [])
    assert not LibrarySwitcher(window, str(broken)).open_own()
    assert QApplication.overrideCursor() is None
