"""Screenshots of the main window on the bundled sample library, for the README.

    make screenshot        (runs this under Xvfb: xvfb-run python docs/screenshots.py)

Saves the main window in the Korean and the English interface, light and dark,
a search and the Preferences dialog into docs/images/. The library and the
settings are throwaway copies in a temporary folder.
"""

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from recap.interchange.recap_json import parse_document
from recap.resources_path import sample_library_json
from recap.storage.library import Library, open_library
from recap.storage.opening import OpenedLibrary
from recap.ui.main_window import MainWindow
from recap.ui.preferences import Preferences, save_preferences
from recap.ui.start import create_application

OUT_DIR = Path(__file__).resolve().parent / "images"
LAPTOP, DESKTOP = (1366, 768), (1600, 1000)
# (file, interface language, theme, event shown, window size): a 1366×768 laptop screen
# and a big one, in both languages
SHOTS = [
    ("main-window-ko.png", "ko", "light", "Build With AI 2025 in Songdo", LAPTOP),
    ("main-window-en.png", "en", "light", "CloudNative Summit Asia 2026", LAPTOP),
    ("main-window-ko-dark.png", "ko", "dark", "Build With AI 2025 in Songdo", DESKTOP),
    ("main-window-en-dark.png", "en", "dark", "CloudNative Summit Asia 2026", DESKTOP),
    ("main-window-ko-large.png", "ko", "light", "Build With AI 2025 in Songdo", DESKTOP),
    ("main-window-en-laptop-dark.png", "en", "dark", "CloudNative Summit Asia 2026", LAPTOP),
]


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, file_name: str) -> None:
    widget.grab().save(str(OUT_DIR / file_name))
    print(f"saved {OUT_DIR / file_name}")


def open_window(
    library: Library, language: str, theme: str, size: tuple[int, int] = DESKTOP
) -> tuple[QApplication, MainWindow]:
    save_preferences(Preferences(ui_language=language, theme=theme))
    app = create_application()  # installs the language and the theme just chosen
    window = MainWindow()
    window.resize(*size)
    window.show()
    window.attach(OpenedLibrary(library, None, False))
    return app, window


def show_event(app: QApplication, window: MainWindow, library: Library, title: str) -> None:
    summaries = [s for s in library.event_summaries() if s.title.startswith(title)]
    if not summaries:
        raise SystemExit(f"no event {title!r} in the sample library")
    window.event_list.select_event(summaries[0].id)
    settle(app)
    window.editor.session_editor.notes_editor.render_now()
    settle(app)


def main() -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        create_application()
        library = open_library(Path(folder) / "sample.db")
        library.load_records(parse_document(sample_library_json()).events)
        for file_name, language, theme, title, size in SHOTS:
            app, window = open_window(library, language, theme, size)
            show_event(app, window, library, title)
            save(window, file_name)
            window.hide()
            window.deleteLater()

        app, window = open_window(library, "ko", "light", LAPTOP)
        window.event_list.search_box.setText("토큰")
        window.event_list.search_box.search_now()
        settle(app)
        window.event_list.select_neighbour(0)
        settle(app)
        save(window, "main-window-search.png")
        dialog = window.commands.open_preferences()
        dialog.adjustSize()
        settle(app)
        save(dialog, "preferences-ko.png")
        dialog.close()
        window.hide()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
