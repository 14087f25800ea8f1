"""Huge input: a 10 MB note and an event of 1,000 talks, through storage, search,
export and the session editor. Timings are printed (run with -s to see them)."""

import datetime as dt
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from pytestqt.qtbot import QtBot

from recap.domain.records import EventRecord, QARecord, SessionRecord
from recap.export.posts import ExportOptions, render_post
from recap.storage.library import Library

NOTE_BYTES = 10 * 1024 * 1024
END_WORD = "pangolinfinale"  # occurs once, in the last lines of the note
SESSION_COUNT = 1000


@contextmanager
def timed(step: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    print(f"  {step}: {time.perf_counter() - start:.2f} s")


def huge_note() -> str:
    """About 10 MB of UTF-8: Korean and English lines, some Markdown, a unique word at the end."""
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
    while size < NOTE_BYTES:
        chunk = "\n".join(lines).format(n=n) + "\n"
        parts.append(chunk)
        size += len(chunk.encode())
        n += 1
    parts.append(f"마지막 줄: the {END_WORD} arrives at the very end.\n끝")
    return "".join(parts)


def no_preview_threads() -> bool:
    return not any(t.name.startswith("recap-preview") for t in threading.enumerate())


def test_a_ten_megabyte_note(library: Library, qtbot: QtBot) -> None:
    from recap.ui.session_editor import SessionEditor

    print()
    with timed("build the 10 MB note"):
        note = huge_note()
    assert len(note.encode()) >= NOTE_BYTES

    with timed("create_event with the note"):
        event_id = library.create_event(
            EventRecord(
                title="Huge note",
                start_date=dt.date(2024, 4, 13),
                sessions=[SessionRecord(title="긴 메모 Long notes", notes=note)],
            )
        )
    with timed("read it back"):
        talk = library.event(event_id).sessions[0]
    assert talk.notes == note

    appended = note + "\n\n추가된 문단: appended after the meeting."
    with timed("update_session (append text)"):
        library.update_session(replace(talk, notes=appended))
    with timed("read it back after the update"):
        talk = library.event(event_id).sessions[0]
    assert talk.notes == appended

    with timed("search a word near the end"):
        hits = library.search(END_WORD)
    assert [hit.event.id for hit in hits] == [event_id]
    assert any(match.kind == "session" for match in hits[0].matches)

    record = library.event(event_id)
    with timed("export as markdown"):
        post = render_post(record)
    assert END_WORD in post and "appended after the meeting" in post
    with timed("export as HTML"):
        page = render_post(record, ExportOptions(format="html"))
    assert END_WORD in page and "appended after the meeting" in page

    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.notes_editor.set_preview_visible(False)  # the 10 MB preview is not under test
    with timed("load into the session editor"):
        editor.load(talk)
    with timed("read the editor's markdown"):
        shown = editor.notes_editor.markdown()
    assert shown == appended
    assert editor.apply_to(talk).notes == appended
    assert no_preview_threads()


def short_session(index: int) -> SessionRecord:
    return SessionRecord(
        title=f"Talk {index:04d} 발표",
        speaker=f"Speaker {index}",
        notes=f"Short note for talk {index}: 짧은 메모 word{index:04d}x.",
        qa=[QARecord(kind="audience", question=f"Question {index}?", answer="답변")],
    )


def test_an_event_of_a_thousand_sessions(library: Library) -> None:
    print()
    record = EventRecord(
        title="A thousand talks",
        start_date=dt.date(2024, 5, 1),
        end_date=dt.date(2024, 5, 3),
        sessions=[short_session(index) for index in range(SESSION_COUNT)],
    )
    with timed("create_event with 1,000 sessions"):
        event_id = library.create_event(record)
    with timed("read it back"):
        talks = library.event(event_id).sessions
    assert [talk.title for talk in talks] == [talk.title for talk in record.sessions]
    assert all(len(talk.qa) == 1 for talk in talks)

    with timed("move the last session to the top"):
        library.move_session(talks[-1].id, 0)  # type: ignore[arg-type]
    talks = library.event(event_id).sessions
    assert talks[0].title == "Talk 0999 발표"
    assert [talk.title for talk in talks[1:]] == [
        f"Talk {index:04d} 발표" for index in range(SESSION_COUNT - 1)
    ]

    with timed("update one session's notes"):
        library.update_session(replace(talks[500], notes="Rewritten: 새로 쓴 메모 rewrittenword."))
    with timed("delete one session"):
        library.delete_session(talks[10].id)  # type: ignore[arg-type]
    with timed("read it back"):
        final = library.event(event_id)
    expected_titles = (
        ["Talk 0999 발표"]
        + [f"Talk {index:04d} 발표" for index in range(SESSION_COUNT - 1)
           if index != 9]
    )  # fmt: skip
    assert [talk.title for talk in final.sessions] == expected_titles
    rewritten = next(talk for talk in final.sessions if talk.id == talks[500].id)
    assert rewritten.notes == "Rewritten: 새로 쓴 메모 rewrittenword."

    with timed("export as markdown"):
        post = render_post(final)
    missing = [title for title in expected_titles if title not in post]
    assert missing == []
    assert "Talk 0009 발표" not in post
    assert post.index("Talk 0999 발표") < post.index("Talk 0000 발표")

    with timed("search a word from session 999"):
        hits = library.search("word0999x")
    assert [hit.event.id for hit in hits] == [event_id]
    assert [match.ref_id for match in hits[0].matches if match.kind == "session"] == [
        final.sessions[0].id
    ]
    with timed("search the rewritten word"):
        assert [hit.event.id for hit in library.search("rewrittenword")] == [event_id]
