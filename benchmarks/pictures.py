"""Pictures at scale: the 20,000-event library with 2,000 pictures (about 1 GB) against
the same library without them, the strip of an event with 100 pictures, and a 10 MB
photo pasted while typing.

    python -m benchmarks.pictures [--runs 7] [--pictures 2000] [--reuse-db]

Budgets (DESIGN.md, issue 13): start-up, the event list, search and autosave within
10 % of the library without pictures; the strip of 100 pictures shown within 300 ms
once its thumbnails were made; no keystroke waits for a pasted photo. The library
copies live in benchmarks/out/ (pictures-plain.db, pictures-heavy.db); --reuse-db
keeps them from an earlier run. The machine is noisy: compare rows of one run.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.search import measure
from benchmarks.startup import LIBRARY_FILE, OUT, RECAP_WINDOW, ensure_library, timed
from recap.domain.records import AttachmentRecord, EventFilter
from recap.storage.library import open_library

PLAIN = OUT / "pictures-plain.db"
HEAVY = OUT / "pictures-heavy.db"
PICTURE_BYTES = 512 * 1024  # 2,000 of them: about 1 GB
STRIP_PICTURES = 100
RATIO = 1.10
STRIP_MS = 300.0
QUERIES = ("어텐션", "토큰", "attention cache")


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def png_of(width: int, height: int, seed: int) -> bytes:
    """A real PNG of noise (it does not compress): what a photographed slide weighs."""
    from PySide6.QtGui import QImage

    from recap.ui.pictures import png_bytes

    pixels = random.Random(seed).randbytes(width * height * 3)
    image = QImage(pixels, width, height, width * 3, QImage.Format.Format_RGB888)
    return png_bytes(image)


def make_libraries(count: int) -> int:
    """Both copies of the 20,000-event library; the heavy one gets ``count`` pictures,
    100 of them on one event (the strip's). Returns that event's id."""
    ensure_library()
    for target in (PLAIN, HEAVY):
        remove(target)
        shutil.copyfile(LIBRARY_FILE, target)
        open_library(target).close()  # brought up to this version's schema
    base = png_of(400, 300, 1)
    padding = PICTURE_BYTES - len(base)
    library = open_library(HEAVY)
    try:
        ids = library.event_ids(EventFilter())
        strip_event = ids[len(ids) // 2]
        owners = [strip_event] * STRIP_PICTURES + ids[: count - STRIP_PICTURES]
        started = time.perf_counter()
        rng = random.Random(7)
        for number, event_id in enumerate(owners):
            # bytes after the PNG's end: each picture its own content, still a valid PNG
            data = base + rng.randbytes(max(padding, 16))
            record = AttachmentRecord(
                name=f"slide-{number}.png", media_type="image/png", data=data, caption=None
            )
            library.add_attachment(event_id, record)
        seconds = time.perf_counter() - started
    finally:
        library.close()
    size = HEAVY.stat().st_size / 1e9
    print(f"added {count} pictures ({size:.2f} GB library) in {seconds:.1f} s")
    return strip_event


def strip_event_of(path: Path) -> int:
    library = open_library(path)
    try:
        ids = library.event_ids(EventFilter())
        return ids[len(ids) // 2]
    finally:
        library.close()


def library_rows(path: Path, runs: int) -> dict[str, float]:
    """Medians in ms of the list, searches and an autosave on one library."""
    library = open_library(path)
    try:
        rows: dict[str, float] = {}

        def list_page() -> None:
            ids = library.event_ids(EventFilter())
            library.summaries_for(ids[:200])

        rows["event list: ids + first page"] = measure(list_page, runs).median_ms
        for query in QUERIES:
            timing = measure(partial(library.search, query), runs)
            rows[f"search {query}"] = timing.median_ms
        ids = library.event_ids(EventFilter())[: runs + 1]
        talks = iter([library.event(event_id, attachments=False).sessions[0] for event_id in ids])
        rows["autosave a session"] = measure(
            lambda: library.update_session(next(talks)), runs
        ).median_ms
        rows["open event (editor read)"] = measure(
            lambda: library.event(ids[0], attachments=False), runs
        ).median_ms
        return rows
    finally:
        library.close()


def startup_ms(runs: int) -> tuple[float, float]:
    """Start-up to a filled event list, both libraries in alternation (the machine's slow
    and fast phases hit both alike), after one warm-up each (file cache, daily copy)."""
    for path in (PLAIN, HEAVY):
        timed(RECAP_WINDOW, str(path))
    plain, heavy = [], []
    for _ in range(runs):
        plain.append(timed(RECAP_WINDOW, str(PLAIN))["filled"])
        heavy.append(timed(RECAP_WINDOW, str(HEAVY))["filled"])
    return statistics.median(plain) * 1000, statistics.median(heavy) * 1000


def remove_copies() -> None:
    """The daily and before-migration copies the runs made of the two libraries."""
    for copy in (OUT / "backups").glob("pictures-*"):
        copy.unlink()


def wait(app: object, condition: Callable[[], bool], seconds: float = 120.0) -> float:
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > seconds:
            raise SystemExit("gave up waiting")
    return (time.perf_counter() - started) * 1000


def gui_rows(path: Path, strip_event: int) -> None:
    """The strip of an event with 100 pictures, and a 10 MB photo pasted while typing."""
    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtTest import QTest

    from recap.ui.start import create_application, start_window

    app = create_application()
    window = start_window(str(path))
    window.resize(1600, 1000)
    wait(app, lambda: window.library is not None and window.event_list.model.rowCount() > 0)
    strip = window.editor.attachment_strip
    other = window.library.event_ids(EventFilter())[0] if window.library else 0

    def in_view() -> list[int]:
        viewport = strip.view.viewport().rect()
        rows = range(strip.model.rowCount())
        return [
            row
            for row in rows
            if strip.view.visualRect(strip.model.index(row)).intersects(viewport)
        ]

    def all_in_view_shown() -> bool:
        # a tile's thumbnail is asked for when it is painted; shown ones are kept
        rows = in_view()
        return (
            strip.model.rowCount() == STRIP_PICTURES
            and len(rows) > 0
            and all(strip.model.infos[row].sha256 in strip.model._icons for row in rows)
        )

    def show_strip() -> float:
        started = time.perf_counter()
        window.event_list.select_event(strip_event)
        wait(app, all_in_view_shown)
        return (time.perf_counter() - started) * 1000

    first = show_strip()
    tiles = len(in_view())
    strip.view.scrollToBottom()
    strip.view.horizontalScrollBar().setValue(strip.view.horizontalScrollBar().maximum())
    to_the_end = wait(app, all_in_view_shown)
    again = []
    for _ in range(5):
        window.event_list.select_event(other)
        wait(app, lambda: strip.model.rowCount() != STRIP_PICTURES)
        again.append(show_strip())
    verdict = "ok" if statistics.median(again) <= STRIP_MS else "OVER"
    print(
        f"strip of {STRIP_PICTURES} pictures ({tiles} tiles in view), first time "
        f"(thumbnails made): {first:.0f} ms; scrolled to its end: {to_the_end:.0f} ms more"
    )
    print(
        f"strip of {STRIP_PICTURES} pictures, again: median {statistics.median(again):6.0f} ms, "
        f"max {max(again):.0f} ms  (budget {STRIP_MS:.0f})  {verdict}"
    )

    window.event_list.select_event(other)
    wait(app, lambda: window.editor.record is not None and window.editor.record.id == other)
    edit = window.editor.session_editor.notes_editor.text_edit
    edit.setFocus()

    def type_keys(count: int) -> list[float]:
        timings = []
        for _ in range(count):
            began = time.perf_counter()
            QTest.keyClick(edit, Qt.Key.Key_A)
            app.processEvents()
            timings.append((time.perf_counter() - began) * 1000)
        return timings

    alone = type_keys(30)
    photo = png_of(1920, 1800, 3)  # about 10 MB
    mime = QMimeData()
    mime.setData("image/png", photo)
    started = time.perf_counter()
    edit.insertFromMimeData(mime)
    paste = (time.perf_counter() - started) * 1000
    keys = type_keys(30)
    stored = wait(app, lambda: not window.editor.attachments.busy())
    print(
        f"paste a {len(photo) / 1e6:.1f} MB photo: {paste:.0f} ms on the GUI thread; "
        f"30 keys typed while it is stored: median {statistics.median(keys):.1f} ms, "
        f"max {max(keys):.1f} ms; stored {stored:.0f} ms after the last key\n"
        f"  (30 keys without a paste: median {statistics.median(alone):.1f} ms, "
        f"max {max(alone):.1f} ms)"
    )
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pictures", type=int, default=2000)
    parser.add_argument("--reuse-db", action="store_true")
    arguments = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for folder in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME"):  # no cached thumbnails, own settings
        os.environ[folder] = tempfile.mkdtemp(prefix="recap-bench-")
    if arguments.reuse_db and PLAIN.exists() and HEAVY.exists():
        strip_event = strip_event_of(HEAVY)
    else:
        strip_event = make_libraries(arguments.pictures)

    print(f"\nmedian ms ({arguments.runs} runs)       without   with pictures   ratio")
    plain, heavy = library_rows(PLAIN, arguments.runs * 3), library_rows(HEAVY, arguments.runs * 3)
    plain["start-up, list filled"], heavy["start-up, list filled"] = startup_ms(arguments.runs)
    for label, before in plain.items():
        after = heavy[label]
        ratio = after / before if before else float("nan")
        verdict = "ok" if ratio <= RATIO else "over 10 %"
        print(f"{label:<32} {before:8.1f} {after:12.1f} {ratio:10.2f}  {verdict}")
    print()
    gui_rows(HEAVY, strip_event)
    remove_copies()
    return 0


if __name__ == "__main__":
    sys.exit(main())
