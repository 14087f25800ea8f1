"""Pictures and files in the library: stored once, read lazily, renamed with their
references, carried by recap-json byte for byte (on both back ends)."""

import base64
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from recap.domain.attachments import MAX_ATTACHMENT_BYTES
from recap.domain.records import AttachmentRecord, EventRecord, SessionRecord
from recap.errors import InvalidDocument, InvalidInput
from recap.interchange.recap_json import dump_document, parse_document
from recap.storage.library import Library, open_library
from recap.storage.location import Location
from tests.backends import read_rows
from tests.pictures import PDF_BYTES, SVG_BYTES, png_bytes
from tests.unit.test_cli import run_cli

pytestmark = pytest.mark.both_backends

PICTURE = png_bytes(5, 4)


def picture(
    name: str = "memgpt-구조.png", data: bytes = PICTURE, **fields: Any
) -> AttachmentRecord:
    return AttachmentRecord(name=name, media_type="image/png", data=data, **fields)


def event_with_pictures(title: str = "PyCon 2024") -> EventRecord:
    return EventRecord(
        title=title,
        start_date=dt.date(2024, 4, 13),
        summary="Overview: ![MemGPT 구조](memgpt-구조.png)",
        sessions=[
            SessionRecord(title="Talk 1", notes="- ![](MEMGPT-구조.png)\n- [PDF](slides.pdf)"),
            SessionRecord(title="Talk 2", notes="nothing here"),
        ],
        attachments=[
            picture(caption="MemGPT 구조"),
            AttachmentRecord(name="slides.pdf", media_type="application/pdf", data=PDF_BYTES),
        ],
    )


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine runs meanwhile."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def test_a_whole_event_keeps_its_attachments_in_order(library: Library) -> None:
    event_id = library.create_event(event_with_pictures())
    stored = library.event(event_id)
    assert [(item.name, item.data, item.caption) for item in stored.attachments] == [
        ("memgpt-구조.png", PICTURE, "MemGPT 구조"),
        ("slides.pdf", PDF_BYTES, None),
    ]
    assert library.event(event_id, attachments=False).attachments == []
    infos = library.attachments(event_id)
    assert [(info.name, info.size, info.is_picture) for info in infos] == [
        ("memgpt-구조.png", len(PICTURE), True),
        ("slides.pdf", len(PDF_BYTES), False),
    ]
    assert library.attachment_content(infos[0].sha256) == PICTURE


def test_the_same_bytes_are_stored_once_and_forgotten_with_the_last_holder(
    library: Library, library_location: Location
) -> None:
    first = library.create_event(event_with_pictures("One"))
    second = library.create_event(EventRecord(title="Two", start_date=dt.date(2024, 5, 1)))
    copy = library.add_attachment(second, picture("same.png"))
    assert copy.sha256 == library.attachments(first)[0].sha256
    count = "SELECT count(*) FROM attachment_contents"
    assert read_rows(library_location, count) == [(2,)]
    library.delete_event(first)
    assert read_rows(library_location, count) == [(1,)]
    library.delete_attachment(copy.id)
    assert read_rows(library_location, count) == [(0,)]


def test_names_are_unique_within_an_event_whatever_their_case(library: Library) -> None:
    event_id = library.create_event(event_with_pictures())
    with pytest.raises(InvalidInput, match=r"already has an attachment named “MEMGPT-구조\.PNG”"):
        library.add_attachment(event_id, picture("MEMGPT-구조.PNG"))
    assert library.available_attachment_name(event_id, "Slides.PDF") == "Slides-2.PDF"
    other = library.create_event(EventRecord(title="Other", start_date=dt.date(2024, 1, 1)))
    library.add_attachment(other, picture())  # another event may use the name


def test_bad_attachments_are_refused_with_a_sentence(library: Library) -> None:
    event_id = library.create_event(EventRecord(title="E", start_date=dt.date(2024, 1, 1)))
    with pytest.raises(InvalidInput, match="can carry scripts"):
        library.add_attachment(event_id, picture("diagram.svg", SVG_BYTES))
    with pytest.raises(InvalidInput, match="at most 50 MB"):
        library.add_attachment(event_id, picture("big.png", b"\0" * (MAX_ATTACHMENT_BYTES + 1)))
    with pytest.raises(InvalidInput, match="cannot name an attachment"):
        library.add_attachment(event_id, picture("../escape.png"))
    assert library.attachments(event_id) == []


def test_renaming_makes_every_reference_in_the_event_follow(library: Library) -> None:
    event_id = library.create_event(event_with_pictures())
    [memgpt, _] = library.attachments(event_id)
    renamed = library.rename_attachment(memgpt.id, "구조 (v2).png")
    assert renamed.name == "구조 (v2).png"
    stored = library.event(event_id, attachments=False)
    assert stored.summary == "Overview: ![MemGPT 구조](<구조 (v2).png>)"
    assert stored.sessions[0].notes == "- ![](<구조 (v2).png>)\n- [PDF](slides.pdf)"
    assert stored.sessions[1].notes == "nothing here"
    assert library.search("v2")  # the search index follows the text
    with pytest.raises(InvalidInput, match="already has"):
        library.rename_attachment(memgpt.id, "SLIDES.pdf")


def test_a_new_caption_shows_where_the_picture_had_none_or_the_old_one(library: Library) -> None:
    event_id = library.create_event(event_with_pictures())
    [memgpt, _] = library.attachments(event_id)
    assert library.set_attachment_caption(memgpt.id, "  아키텍처  ").caption == "아키텍처"
    stored = library.event(event_id, attachments=False)
    assert stored.summary == "Overview: ![아키텍처](memgpt-구조.png)"
    assert stored.sessions[0].notes is not None
    assert stored.sessions[0].notes.startswith("- ![아키텍처](MEMGPT-구조.png)")


def test_where_an_attachment_is_used_is_told(library: Library) -> None:
    event_id = library.create_event(event_with_pictures())
    [memgpt, slides] = library.attachments(event_id)
    uses = library.attachment_uses(memgpt.id)
    assert [(use.field, use.session_title) for use in uses] == [
        ("summary", None),
        ("notes", "Talk 1"),
    ]
    assert [use.session_title for use in library.attachment_uses(slides.id)] == ["Talk 1"]


def test_lists_search_and_opening_never_read_the_bytes(
    library: Library, library_location: Location
) -> None:
    event_id = library.create_event(event_with_pictures())
    library.close()
    with statements() as seen:
        reopened = open_library(library_location)
        try:
            reopened.event_summaries()
            reopened.event_ids()
            reopened.search("MemGPT")
            reopened.search("구조")
            reopened.tag_counts()
            reopened.event(event_id, attachments=False)
            reopened.attachments(event_id)
            reopened.update_event(reopened.event(event_id, attachments=False))
        finally:
            reopened.close()
    reading_bytes = [text for text in seen if "attachment_contents.data" in text]
    assert reading_bytes == []
    assert any("attachment_contents" in text for text in seen)  # the sizes were read


def test_a_dump_and_a_load_carry_the_exact_bytes(library: Library, tmp_path: Path) -> None:
    library.create_event(event_with_pictures())
    text = dump_document(library.events())
    [item] = json.loads(text)["events"]
    assert [entry["name"] for entry in item["attachments"]] == ["memgpt-구조.png", "slides.pdf"]
    assert base64.b64decode(item["attachments"][0]["data"]) == PICTURE
    assert item["attachments"][0]["caption"] == "MemGPT 구조"
    other = open_library(tmp_path / "other.db")
    try:
        other.load_records(parse_document(text).events)
        assert dump_document(other.events()) == text  # byte-identical, pictures included
        assert other.load_records(parse_document(text).events).skipped == 1
    finally:
        other.close()


def test_a_load_stores_each_content_once(library: Library, library_location: Location) -> None:
    twice = [event_with_pictures("A"), event_with_pictures("B")]
    library.load_records(parse_document(dump_document(twice)).events)
    assert read_rows(library_location, "SELECT count(*) FROM attachment_contents") == [(2,)]
    assert read_rows(library_location, "SELECT count(*) FROM attachments") == [(4,)]


def document_with(attachment: dict[str, Any]) -> str:
    item = {"title": "Broken", "start_date": "2024-04-13", "attachments": [attachment]}
    return json.dumps({"format": "recap", "version": 2, "events": [item]})


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("attachment", "problem"),
    [
        ({"data": "not base64!"}, "is not standard base64"),
        ({"data": "QUJD\nREVG"}, "is not standard base64"),
        ({"data": "QUJDRA="}, "is not standard base64"),
        ({"name": "../../x.png"}, "is not a file name"),
        ({"name": ".."}, "is not a file name"),
        ({"data": base64.b64encode(SVG_BYTES).decode()}, "can carry scripts"),
        ({"media_type": "PNG"}, "is not a media type"),
    ],
)
def test_a_bad_attachment_fails_the_load_naming_the_event_and_the_attachment(
    attachment: dict[str, Any], problem: str
) -> None:
    good = {"name": "slide.png", "media_type": "image/png", "data": "iVBORw0KGgo="}
    with pytest.raises(InvalidDocument) as raised:
        parse_document(document_with({**good, **attachment}), source="talks.json")
    message = str(raised.value)
    name = attachment.get("name", "slide.png")
    assert message.startswith(f'talks.json: event 1 ("Broken"): attachments[0] ("{name}")')
    assert problem in message
    assert len(message) < 300  # a picture's base64 is never printed whole


@pytest.mark.sqlite_only
def test_a_load_refuses_an_attachment_over_50_mb() -> None:
    data = base64.b64encode(b"\0" * (MAX_ATTACHMENT_BYTES + 1)).decode()
    text = document_with({"name": "huge.png", "media_type": "image/png", "data": data})
    with pytest.raises(InvalidDocument, match=r'attachments\[0\] \("huge.png"\).*at most 50 MB'):
        parse_document(text)


@pytest.mark.sqlite_only
def test_the_command_line_dumps_with_or_without_attachments(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    source = tmp_path / "in.json"
    source.write_text(dump_document([event_with_pictures()]), encoding="utf-8")
    assert run_cli("--db", str(db), "load", str(source))[0] == 0
    code, out, err = run_cli("--db", str(db), "dump")
    assert (code, err) == (0, "")
    assert out == source.read_text(encoding="utf-8")
    code, out, err = run_cli("--db", str(db), "dump", "--no-attachments")
    assert (code, err) == (0, "")
    assert '"attachments"' not in out
    assert json.loads(out)["events"][0]["summary"].endswith("(memgpt-구조.png)")


@pytest.mark.sqlite_only
def test_copies_and_backups_carry_the_pictures(library: Library, tmp_path: Path) -> None:
    from recap.storage.backup import copy_library
    from recap.storage.library_copy import copy_library as copy_to

    library.create_event(event_with_pictures())
    assert library.path is not None
    expected = dump_document(library.events())
    backup = copy_library(library.path, tmp_path / "backup.db")
    copied = tmp_path / "copied.db"
    result = copy_to(library.path, copied)
    assert result.rows["attachments"] == 2
    for path in (backup, copied):
        other = open_library(path)
        try:
            assert dump_document(other.events()) == expected
        finally:
            other.close()
