"""One writer per library, kept by the kernel: real processes race for the lock and
one of them is killed while it holds it."""

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recap.storage.library import open_library
from recap.storage.lock import LibraryLock, LibraryLocked, lock_path, owner_path

# A child opens the library for editing as the app and the CLI do, says whether it
# became the writer, then holds on until its standard input is closed (or it is killed).
CHILD = """
import sys
from pathlib import Path
from recap.storage.lock import LibraryLocked
from recap.storage.opening import open_for_editing

go = Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():  # every child tries at the same moment
    pass
try:
    opened = open_for_editing(Path(sys.argv[1]), read_only_when_locked=lambda error: True)
except LibraryLocked:
    print("refused", flush=True)
    raise SystemExit(0)
print("read-only" if opened.read_only else "writer", flush=True)
sys.stdin.read()
opened.close()
"""


def start_child(library: Path, go: Path) -> "subprocess.Popen[str]":
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(library), str(go)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def children() -> Iterator[list["subprocess.Popen[str]"]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def race(library: Path, count: int, started: list["subprocess.Popen[str]"]) -> list[str]:
    """Start ``count`` children, let them all try at once, return what each became."""
    go = library.with_name(f"go-{len(started)}")
    batch = [start_child(library, go) for _ in range(count)]
    started.extend(batch)
    for child in batch:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    go.touch()
    answers = []
    for child in batch:
        assert child.stdout is not None
        answers.append(child.stdout.readline().strip())
    return answers


def test_of_six_processes_started_at_once_exactly_one_writes(
    library_path: Path, children: list["subprocess.Popen[str]"]
) -> None:
    open_library(library_path).close()
    answers = race(library_path, 6, children)
    assert sorted(answers) == ["read-only"] * 5 + ["writer"]


def test_when_the_writer_is_killed_the_next_one_writes_at_once(
    library_path: Path, children: list["subprocess.Popen[str]"]
) -> None:
    open_library(library_path).close()
    answers = race(library_path, 3, children)
    writer = children[answers.index("writer")]
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    assert lock_path(library_path).exists()  # the killed app could not tidy up
    # The next process takes the lock on its first, non-blocking, attempt.
    assert race(library_path, 1, children) == ["writer"]


def test_the_message_names_the_process_and_host_that_hold_the_lock(
    library_path: Path, children: list["subprocess.Popen[str]"]
) -> None:
    open_library(library_path).close()
    assert race(library_path, 1, children) == ["writer"]
    with pytest.raises(LibraryLocked) as refused:
        LibraryLock(library_path).acquire()
    holder = children[0].pid
    assert f"process {holder} on {socket.gethostname()}" in str(refused.value)


def test_a_lock_left_behind_by_a_killed_app_is_free(library_path: Path) -> None:
    """What a killed app leaves: the lock file and an owner file naming a dead process."""
    lock_path(library_path).write_text("")
    dead = 2**22 + 12345  # above Linux's largest pid: no such process
    owner_path(library_path).write_text(json.dumps({"pid": dead, "host": socket.gethostname()}))
    lock = LibraryLock(library_path)
    lock.acquire()
    assert json.loads(owner_path(library_path).read_text())["pid"] == os.getpid()
    lock.release()
    assert not owner_path(library_path).exists()
    again = LibraryLock(library_path)  # released means free
    again.acquire()
    again.release()


def test_two_locks_in_one_process_are_two_holders(library_path: Path) -> None:
    """Two windows of one app: the second is refused like another process would be."""
    first = LibraryLock(library_path)
    first.acquire()
    try:
        with pytest.raises(LibraryLocked, match="another Recap window"):
            LibraryLock(library_path).acquire()
    finally:
        first.release()


def test_a_reused_process_id_does_not_keep_the_library_locked(library_path: Path) -> None:
    """The owner file names a live process (a crashed app's id, now someone else's):
    only the kernel's lock counts."""
    owner_path(library_path).write_text(
        json.dumps({"pid": os.getppid(), "host": socket.gethostname()})
    )
    lock = LibraryLock(library_path)
    lock.acquire()
    assert lock.held
    lock.release()
