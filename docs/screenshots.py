"""Screenshots of the main window on the bundled sample library, for the README.

    make screenshot        (runs this under Xvfb: xvfb-run python docs/screenshots.py)

Saves docs/images/main-window-ko.png (a Korean event) and main-window-en.png
(an English one). The library is a throwaway copy in a temporary folder.
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from recap.interchange.recap_json import parse_document
from recap.resources_path import sample_library_json
from recap.storage.library import open_library
from recap.ui.main_window import MainWindow
from recap.ui.start import create_application

OUT_DIR = Path(__file__).resolve().parent / "images"
SHOTS = {
    "main-window-ko.png": "Build With AI 2025 in Songdo",
    "main-window-en.png": "CloudNative Summit Asia 2026",
}


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        app = create_application()
        library = open_library(Path(folder) / "sample.db")
        library.load_records(parse_document(sample_library_json()).events)
        window = MainWindow()
        window.resize(1500, 920)
        window.show()
        window.attach_library(library)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        for file_name, title in SHOTS.items():
            summaries = [s for s in library.event_summaries() if s.title.startswith(title)]
            if not summaries:
                print(f"no event {title!r} in the sample library", file=sys.stderr)
                return 1
            window.event_list.select_event(summaries[0].id)
            settle(app)
            window.editor.session_editor.notes_editor.render_now()
            settle(app)
            window.grab().save(str(OUT_DIR / file_name))
            print(f"saved {OUT_DIR / file_name}")
        window.event_list.search_box.setText("토큰")
        window.event_list.search_box.search_now()
        settle(app)
        window.event_list.select_neighbour(0)
        settle(app)
        window.grab().save(str(OUT_DIR / "main-window-search.png"))
        print(f"saved {OUT_DIR / 'main-window-search.png'}")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
