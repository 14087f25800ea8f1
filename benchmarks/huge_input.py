"""Huge input, step by step: a 10 MB note and an event of 1,000 talks.

    python -m benchmarks.huge_input [--megabytes 10] [--sessions 1000]

Times every step that tests/gui/test_huge_input.py checks (store, read back,
update, search, export as markdown, load into the session editor), plus the
10 MB note's HTML export, which the test suite leaves out for its time (about
10 s on the development machine). Every step's result is checked as in the
test, so a wrong answer stops the benchmark instead of timing it.
"""

import argparse
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recap.domain.records import EventRecord, QARecord, SessionRecord
from recap.export.posts import ExportOptions, render_post
from recap.storage.library import Library, open_library

END_WORD = "pangolinfinale"  # occurs once, in the last lines of the note

Result = TypeVar("Result")


def huge_note(utf8_bytes: int = 10 * 1024 * 1024) -> str:
    """About `utf8_bytes` of Korean and English lines with some Markdown, END_WORD at the end."""
    lines = [
        "## 세션 메모 {n}: Compose recomposition and 상태 관리",
        "- 발표자가 강조한 점: remember, derivedStateOf 그리고 안정성(stability) {n}",
        "English line {n} with `inline code`, **bold** and a [link](https://example.org/{n}).",
        "한글만 있는 줄입니다 — 측정하지 않으면 최적화하지 마세요 {n}",
        "",
    ]
    parts: list[str] = []
    size = 0
    n = 0
    while size < utf8_bytes:
        chunk = "\n".join(lines).format(n=n) + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    parts.append(f"마지막 줄: the {END_WORD} arrives at the very end.\n끝")
    return "".join(parts)


def short_session(index: int) -> SessionRecord:
    """Talk `index` of a long event: a title, a speaker, a note and one question."""
    return SessionRecord(
        title=f"Talk {index:04d} 발표",
        speaker=f"Speaker {index}",
        notes=f"Short note for talk {index}: 짧은 메모 word{index:04d}x.",
        qa=[QARecord(kind="audience", question=f"Question {index}?", answer="답변")],
    )


def timed(step: str, action: Callable[[], Result]) -> Result:
    started = time.perf_counter()
    result = action()
    print(f"  {step}: {time.perf_counter() - started:.2f} s")
    return result


def a_huge_note(library: Library, megabytes: float) -> None:
    from PySide6.QtWidgets import QApplication

    from recap.ui.session_editor import SessionEditor

    print(f"a {megabytes:g} MB note")
    note = timed("build the note", lambda: huge_note(int(megabytes * 1024 * 1024)))
    record = EventRecord(
        title="Huge note",
        start_date=dt.date(2024, 4, 13),
        sessions=[SessionRecord(title="긴 메모 Long notes", notes=note)],
    )
    event_id = timed("create_event with the note", lambda: library.create_event(record))
    talk = timed("read it back", lambda: library.event(event_id).sessions[0])
    assert talk.notes == note

    appended = note + "\n\n추가된 문단: appended after the meeting."
    timed(
        "update_session (append text)",
        lambda: library.update_session(replace(talk, notes=appended)),
    )
    talk = timed("read it back after the update", lambda: library.event(event_id).sessions[0])
    assert talk.notes == appended

    hits = timed("search a word near the end", lambda: library.search(END_WORD))
    assert [hit.event.id for hit in hits] == [event_id]

    event = library.event(event_id)
    post = timed("export as markdown", lambda: render_post(event))
    assert END_WORD in post and "appended after the meeting" in post
    page = timed("export as HTML", lambda: render_post(event, ExportOptions(format="html")))
    assert END_WORD in page and "appended after the meeting" in page

    _app = QApplication.instance() or QApplication([])
    editor = SessionEditor()
    editor.notes_editor.set_preview_visible(False)  # the preview has benchmarks.preview
    timed("load into the session editor", lambda: editor.load(talk))
    shown = timed("read the editor's markdown", editor.notes_editor.markdown)
    assert shown == appended
    editor.deleteLater()


def a_thousand_sessions(library: Library, count: int) -> None:
    print(f"an event of {count:,} sessions")
    record = EventRecord(
        title="A thousand talks",
        start_date=dt.date(2024, 5, 1),
        end_date=dt.date(2024, 5, 3),
        sessions=[short_session(index) for index in range(count)],
    )
    event_id = timed(f"create_event with {count:,} sessions", lambda: library.create_event(record))
    talks = timed("read it back", lambda: library.event(event_id).sessions)
    assert len(talks) == count
    last = talks[-1].id
    assert last is not None
    timed("move the last session to the top", lambda: library.move_session(last, 0))
    talks = library.event(event_id).sessions
    middle = replace(talks[count // 2], notes="Rewritten: 새로 쓴 메모 rewrittenword.")
    timed("update one session's notes", lambda: library.update_session(middle))
    removed = talks[10].id
    assert removed is not None
    timed("delete one session", lambda: library.delete_session(removed))
    final = timed("read it back", lambda: library.event(event_id))
    assert len(final.sessions) == count - 1

    post = timed("export as markdown", lambda: render_post(final))
    assert f"Talk {count - 1:04d} 발표" in post
    page = timed("export as HTML", lambda: render_post(final, ExportOptions(format="html")))
    assert f"Talk {count - 1:04d} 발표" in page
    word = f"word{count - 1:04d}x"
    hits = timed(f"search a word from session {count - 1}", lambda: library.search(word))
    assert [hit.event.id for hit in hits] == [event_id]
    hits = timed("search the rewritten word", lambda: library.search("rewrittenword"))
    assert [hit.event.id for hit in hits] == [event_id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=float, default=10)
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="recap-huge-bench-") as temporary:
        library = open_library(Path(temporary) / "note.db")
        try:
            a_huge_note(library, args.megabytes)
        finally:
            library.close()
        library = open_library(Path(temporary) / "sessions.db")
        try:
            a_thousand_sessions(library, args.sessions)
        finally:
            library.close()


if __name__ == "__main__":
    main()
