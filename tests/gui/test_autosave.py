"""The autosave rules alone, without widgets: what is written, when, and what stays pending."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from recap.ui.autosave import Autosave


class Parts:
    """Writers that record their calls; a part can be made to fail or to leave a field waiting."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.invalid: set[str] = set()
        self.failing: set[str] = set()

    def writer(self, part: str) -> Callable[[], bool]:
        def write() -> bool:
            if part in self.failing:
                return False  # the library refused it (and said why elsewhere)
            self.written.append(part)
            return part not in self.invalid

        return write


@pytest.fixture
def parts() -> Parts:
    return Parts()


@pytest.fixture
def autosave(parts: Parts, qapp: object) -> Autosave:
    saver = Autosave({name: parts.writer(name) for name in ("event", "session", "qa")})
    saver.set_delay(50)
    return saver


def test_an_edit_is_written_after_the_delay_in_the_declared_order(
    qtbot: QtBot, autosave: Autosave, parts: Parts
) -> None:
    autosave.edited("qa")
    autosave.edited("event")
    assert parts.written == []  # not at once
    with qtbot.waitSignal(autosave.saved, timeout=2000):
        pass
    assert parts.written == ["event", "qa"]
    assert not autosave.has_unsaved_changes()


def test_save_now_writes_at_once_and_only_what_is_pending(autosave: Autosave, parts: Parts) -> None:
    assert autosave.save_now()
    assert parts.written == []
    autosave.edited("session")
    assert autosave.save_now()
    assert parts.written == ["session"]
    assert not autosave.timer.isActive()


def test_an_invalid_field_stays_pending_while_the_rest_is_written(
    autosave: Autosave, parts: Parts
) -> None:
    parts.invalid.add("event")
    autosave.edited("event")
    autosave.edited("session")
    assert not autosave.save_now()
    assert parts.written == ["event", "session"]
    assert autosave.pending == {"event"}
    parts.invalid.clear()
    assert autosave.save_now()
    assert not autosave.has_unsaved_changes()


def test_a_failed_write_is_kept_for_the_next_try(autosave: Autosave, parts: Parts) -> None:
    parts.failing.add("qa")
    autosave.edited("event")
    autosave.edited("qa")
    assert not autosave.save_now()
    assert autosave.pending == {"qa"}
    parts.failing.clear()
    assert autosave.save_now()
    assert parts.written == ["event", "qa"]


def test_read_only_writes_nothing_and_forget_drops_pending_edits(
    autosave: Autosave, parts: Parts
) -> None:
    autosave.read_only = True
    autosave.edited("event")
    assert not autosave.has_unsaved_changes()
    autosave.read_only = False
    autosave.edited("session")
    autosave.edited("qa")
    autosave.forget("qa")
    assert autosave.pending == {"session"}
    autosave.forget()
    assert not autosave.has_unsaved_changes()
    assert not autosave.timer.isActive()
    assert autosave.save_now()
    assert parts.written == []
