"""Screenshots of View › My Questions and View › Speakers for the guides, in both
languages and both themes, on the bundled sample library:

    xvfb-run python docs/people_screenshots.py   (or QT_QPA_PLATFORM=offscreen)

Saves my-questions-{ko,en}[-dark].png and speakers-{ko,en}[-dark].png into
docs/images/. The library and the settings are throwaway copies in a temporary folder.
"""

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from screenshots import LAPTOP, open_window, save, settle

from recap.interchange.recap_json import parse_document
from recap.resources_path import sample_library_json
from recap.storage.library import open_library
from recap.ui.start import create_application

# (language, theme, file suffix, speaker selected)
LOOKS = [
    ("ko", "light", "ko", "윤다현"),
    ("en", "light", "en", "Priya Raman"),
    ("ko", "dark", "ko-dark", "윤다현"),
    ("en", "dark", "en-dark", "Priya Raman"),
]


def main() -> int:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        create_application()
        library = open_library(Path(folder) / "sample.db")
        library.load_records(parse_document(sample_library_json()).events)
        for language, theme, suffix, speaker in LOOKS:
            app, window = open_window(library, language, theme, LAPTOP)
            settle(app)
            questions = window.commands.open_questions()
            questions.open_only.setChecked(False)
            questions.resize(1100, 600)
            settle(app)
            save(questions, f"my-questions-{suffix}.png")
            questions.close()
            speakers = window.commands.open_speakers()
            speakers.refresh(select=speaker)
            speakers.resize(900, 480)
            settle(app)
            save(speakers, f"speakers-{suffix}.png")
            speakers.close()
            window.hide()
            window.deleteLater()
            settle(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
