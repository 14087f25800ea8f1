"""The publishing screenshots of the guides (issue 15): Preferences › Publishing
Profiles and the export dialog's pre-publish check, in English and Korean.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/publishing_screenshots.py
"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord  # noqa: E402
from recap.interchange.recap_json import parse_document  # noqa: E402
from recap.storage.library import open_library  # noqa: E402
from recap.ui.main_window import MainWindow  # noqa: E402
from recap.ui.preferences import Preferences, save_preferences  # noqa: E402
from recap.ui.profiles_editor import ProfilesEditor  # noqa: E402
from recap.ui.start import LibrarySwitcher, create_application  # noqa: E402

IMAGES = Path(__file__).parent / "images"
SAMPLE = Path(__file__).parents[2] / "shared" / "fixtures" / "sample-library.json"


def settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    widget.grab().save(str(IMAGES / name))
    print("saved", IMAGES / name)


def unfinished() -> EventRecord:
    return EventRecord(
        title="Build With AI in Songdo",
        start_date=dt.date(2025, 9, 13),
        host="GDG Songdo",
        summary="![무대](stage.png)",
        sessions=[
            SessionRecord(
                title="Gemini로 만드는 에이전트",
                speaker="이영빈",
                notes="- 도구 호출",
                impression="데모가 인상적",
                links=[LinkRecord(label=None, url="https://ai.google.dev")],
                qa=[QARecord(kind="own", question="긴 문맥은 얼마나 비쌀까?")],
            ),
            SessionRecord(title="라이트닝 토크", notes="- 세 가지 팁"),
        ],
    )


def main() -> int:
    db = Path(tempfile.mkdtemp()) / "library.db"
    library = open_library(db)
    library.load_records(parse_document(SAMPLE.read_bytes()).events)
    event_id = library.create_event(unfinished())
    library.close()
    for language in ("en", "ko"):
        save_preferences(Preferences(ui_language=language))
        app = create_application()
        window = MainWindow()
        window.resize(1200, 800)
        window.show()
        LibrarySwitcher(window, str(db)).open_own()
        settle(app)
        window.event_list.select_event(event_id)
        settle(app)
        dialog = window.commands.open_export_dialog()
        assert dialog is not None
        box = dialog.profile_box.box
        box.setCurrentIndex(box.findData("tistory"))
        dialog.resize(900, 760)
        settle(app)
        save(dialog, f"prepublish-check-{language}.png")
        dialog.close()
        editor = ProfilesEditor(window)
        editor.show()
        editor.list.setCurrentRow(0)
        settle(app)
        save(editor, f"profiles-editor-{language}.png")
        editor.close()
        window.close()
        settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
