"""Start-up time: Recap's main window on a 20,000-event library against a bare
PySide6 window holding the same widget types, empty, measured in one run.

    python -m benchmarks.startup [--runs 7]

Each sample is a fresh process, timed from spawn to the line it prints once its
window is exposed (and, for Recap, once the event list is filled). Runs alternate
so that the machine's slow and fast phases hit both sides alike.
"""

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import recap

OUT = Path(__file__).resolve().parent / "out"
JSON_FILE = OUT / "library-20000.json"
LIBRARY_FILE = OUT / "library-20000.db"

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import (QApplication, QCalendarWidget, QComboBox, QDateEdit, QLineEdit,
    QListWidget, QMainWindow, QPlainTextEdit, QSplitter, QTableView, QTabWidget, QTextBrowser,
    QTreeView, QVBoxLayout, QWidget)
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.menuBar().addMenu("File")
window.addToolBar("Main")
splitter = QSplitter()
left = QSplitter()
left.addWidget(QCalendarWidget())
left.addWidget(QTableView())
splitter.addWidget(left)
splitter.addWidget(QTreeView())
editor = QWidget()
layout = QVBoxLayout(editor)
for widget in (QLineEdit(), QDateEdit(), QComboBox(), QListWidget()):
    layout.addWidget(widget)
tabs = QTabWidget()
tabs.addTab(QPlainTextEdit(), "Notes")
tabs.addTab(QTextBrowser(), "Preview")
layout.addWidget(tabs)
splitter.addWidget(editor)
window.setCentralWidget(splitter)
window.resize(1450, 900)
window.show()
while not window.windowHandle().isExposed():
    app.processEvents()
print("shown", flush=True)
"""

RECAP_WINDOW = """
import sys
import time
from recap.ui.start import create_application, start_window
app = create_application()
window = start_window(sys.argv[1])
while not window.windowHandle().isExposed():
    app.processEvents()
print("shown", flush=True)
deadline = time.monotonic() + 30
while window.library is None or window.event_list.model.rowCount() == 0:
    app.processEvents()
    if time.monotonic() > deadline:
        sys.exit("the event list was not filled within 30 s")
print("filled", window.event_list.model.rowCount(), flush=True)
window.close()
"""


def ensure_library() -> None:
    if LIBRARY_FILE.exists():
        return
    OUT.mkdir(parents=True, exist_ok=True)
    if not JSON_FILE.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.generate",
                "--events",
                "20000",
                "--out",
                str(JSON_FILE),
            ],
            check=True,
        )
    subprocess.run(
        [sys.executable, "-m", "recap", "--db", str(LIBRARY_FILE), "load", str(JSON_FILE)],
        check=True,
    )


def timed(script: str, *args: str) -> dict[str, float]:
    """Seconds from spawn to each line the child prints."""
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # As installed: byte-compiled once (pip does it), not compiled again on every start.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    marks: dict[str, float] = {}
    assert child.stdout is not None
    for line in child.stdout:
        marks[line.split()[0]] = time.perf_counter() - started
    if child.wait() != 0:
        raise SystemExit(f"the child process failed ({child.returncode})")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_library()
    compileall.compile_dir(Path(recap.__file__).parent, quiet=1)
    bare: list[float] = []
    shown: list[float] = []
    filled: list[float] = []
    timed(RECAP_WINDOW, str(LIBRARY_FILE))  # warm the file cache for both sides
    for _ in range(args.runs):
        bare.append(timed(BARE_WINDOW)["shown"])
        marks = timed(RECAP_WINDOW, str(LIBRARY_FILE))
        shown.append(marks["shown"])
        filled.append(marks["filled"])
    bare_median = statistics.median(bare)
    shown_median = statistics.median(shown)
    print(f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, runs: {args.runs}")
    print(f"bare PySide6 window shown      median {bare_median * 1000:7.0f} ms")
    print(f"Recap window shown (20k events) median {shown_median * 1000:7.0f} ms")
    print(f"  ratio                         {shown_median / bare_median:7.2f} x  (goal <= 1.5)")
    print(
        f"Recap event list filled         median {statistics.median(filled) * 1000:7.0f} ms"
        "  (goal <= 1000 ms after start)"
    )


if __name__ == "__main__":
    main()
