"""Huge input: a 10 MB note and an event of 1,000 talks, through storage, search,
export and the session editor. benchmarks/huge_input.py times the same steps."""

import datetime as dt
import threading
from dataclasses import replace

from pytestqt.qtbot import QtBot

from benchmarks.huge_input import END_WORD, huge_note, short_session
from recap.domain.records import EventRecord, SessionRecord
from recap.export.posts import ExportOptions, render_post
from recap.storage.library import Library

NOTE_BYTES = 10 * 1024 * 1024
SESSION_COUNT = 1000


def preview_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("recap-preview")}


def test_a_ten_megabyte_note(library: Library, qtbot: QtBot) -> None:
    """Stored, updated, found, exported and edited whole. (Its HTML export takes
    about 10 s, so only the benchmark does it; the HTML path is checked on the
    1,000-talk event below.)"""
    from recap.ui.session_editor import SessionEditor

    note = huge_note(NOTE_BYTES)
    assert len(note.encode()) >= NOTE_BYTES
    event_id = library.create_event(
        EventRecord(
            title="Huge note",
            start_date=dt.date(2024, 4, 13),
            sessions=[SessionRecord(title="긴 메모 Long notes", notes=note)],
        )
    )
    talk = library.event(event_id).sessions[0]
    assert talk.notes == note

    appended = note + "\n\n추가된 문단: appended after the meeting."
    library.update_session(replace(talk, notes=appended))
    talk = library.event(event_id).sessions[0]
    assert talk.notes == appended

    hits = library.search(END_WORD)
    assert [hit.event.id for hit in hits] == [event_id]
    assert any(match.kind == "session" for match in hits[0].matches)

    post = render_post(library.event(event_id))
    assert END_WORD in post and "appended after the meeting" in post

    threads_before = preview_threads()
    editor = SessionEditor()
    qtbot.addWidget(editor)
    editor.notes_editor.set_preview_visible(False)  # the 10 MB preview is not under test
    editor.load(talk)
    assert editor.notes_editor.markdown() == appended
    assert editor.apply_to(talk).notes == appended
    assert preview_threads() <= threads_before  # the hidden preview rendered nothing


def test_an_event_of_a_thousand_sessions(library: Library) -> None:
    record = EventRecord(
        title="A thousand talks",
        start_date=dt.date(2024, 5, 1),
        end_date=dt.date(2024, 5, 3),
        sessions=[short_session(index) for index in range(SESSION_COUNT)],
    )
    event_id = library.create_event(record)
    talks = library.event(event_id).sessions
    assert [talk.title for talk in talks] == [talk.title for talk in record.sessions]
    assert all(len(talk.qa) == 1 for talk in talks)

    library.move_session(talks[-1].id, 0)  # type: ignore[arg-type]
    talks = library.event(event_id).sessions
    assert talks[0].title == "Talk 0999 발표"
    assert [talk.title for talk in talks[1:]] == [
        f"Talk {index:04d} 발표" for index in range(SESSION_COUNT - 1)
    ]

    library.update_session(replace(talks[500], notes="Rewritten: 새로 쓴 메모 rewrittenword."))
    library.delete_session(talks[10].id)  # type: ignore[arg-type]
    final = library.event(event_id)
    expected_titles = (
        ["Talk 0999 발표"]
        + [f"Talk {index:04d} 발표" for index in range(SESSION_COUNT - 1)
           if index != 9]
    )  # fmt: skip
    assert [talk.title for talk in final.sessions] == expected_titles
    rewritten = next(talk for talk in final.sessions if talk.id == talks[500].id)
    assert rewritten.notes == "Rewritten: 새로 쓴 메모 rewrittenword."

    for options in (ExportOptions(), ExportOptions(format="html")):
        post = render_post(final, options)
        missing = [title for title in expected_titles if title not in post]
        assert missing == [], options.format
        assert "Talk 0009 발표" not in post
        assert post.index("Talk 0999 발표") < post.index("Talk 0000 발표")
        assert "rewrittenword" in post

    hits = library.search("word0999x")
    assert [hit.event.id for hit in hits] == [event_id]
    assert [match.ref_id for match in hits[0].matches if match.kind == "session"] == [
        final.sessions[0].id
    ]
    assert [hit.event.id for hit in library.search("rewrittenword")] == [event_id]
