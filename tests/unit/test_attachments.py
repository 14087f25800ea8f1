"""An event's pictures and files in the library: names unique within the event (Hangul
kept, case aside), bytes stored once and read only when asked for, limits said in a
sentence, renames followed by the notes, and recap-json v2 carrying them exactly."""

import base64
import datetime as dt
import json
from pathlib import Path

import pytest

from recap import cli
from recap.domain.attachments import MAX_BYTES, AttachmentRecord, proposed_name
from recap.domain.records import EventRecord, SessionRecord
from recap.errors import InvalidDocument, InvalidInput, NotFound
from recap.interchange.recap_json import dump_document, parse_document
from recap.storage.library import Library
from tests.backends import read_rows
from tests.data.make_stored_library import tiny_png

pytestmark = pytest.mark.both_backends

PNG = tiny_png(10)
OTHER_PNG = tiny_png(20)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def new_event(library: Library, **fields: object) -> int:
    record = EventRecord(title="Build With AI", start_date=dt.date(2024, 4, 13))
    for name, value in fields.items():
        setattr(record, name, value)
    return library.create_event(record)


def blob_count(library: Library) -> int:
    assert library.location is not None
    return int(read_rows(library.location, "SELECT count(*) FROM blobs")[0][0])


def test_names_are_unique_within_the_event_case_aside(library: Library) -> None:
    event_id = new_event(library)
    first = library.add_attachment(event_id, "MemGPT 구조.png", PNG, caption="MemGPT 구조")
    second = library.add_attachment(event_id, "memgpt 구조.PNG", OTHER_PNG)
    third = library.add_attachment(event_id, "MemGPT 구조.png", OTHER_PNG)
    assert [first.name, second.name, third.name] == [
        "MemGPT 구조.png",
        "memgpt 구조-2.PNG",
        "MemGPT 구조-3.png",
    ]
    other_event = new_event(library, title="Another")
    assert library.add_attachment(other_event, "MemGPT 구조.png", PNG).name == "MemGPT 구조.png"


def test_bytes_are_stored_once_and_read_only_when_asked(library: Library) -> None:
    event_id = new_event(library)
    library.add_attachment(event_id, "a.png", PNG)
    library.add_attachment(event_id, "b.png", PNG)
    library.add_attachment(event_id, "slides.pdf", PDF)
    assert blob_count(library) == 2
    listed = library.event(event_id).attachments
    assert [(item.name, item.media_type, item.size, item.data) for item in listed] == [
        ("a.png", "image/png", len(PNG), None),
        ("b.png", "image/png", len(PNG), None),
        ("slides.pdf", "application/pdf", len(PDF), None),
    ]
    assert library.attachment_data(event_id, "B.PNG") == PNG
    with_data = next(library.events(attachment_data=True))
    assert [item.data for item in with_data.attachments] == [PNG, PNG, PDF]


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("../escape.png", PNG, "no slashes"),
        ("a/b.png", PNG, "no slashes"),
        ("..", PNG, "not . or .."),
        ("tab\there.png", PNG, "control characters"),
        ("   ", PNG, "1 to 120 characters"),
        ("x" * 121, PNG, "1 to 120 characters"),
        ("empty.png", b"", "is empty"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "SVG"),
        ("disguised.png", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "SVG"),
    ],
)
def test_bad_attachments_are_refused_with_a_sentence(
    library: Library, name: str, data: bytes, said: str
) -> None:
    event_id = new_event(library)
    with pytest.raises(InvalidInput, match=said):
        library.add_attachment(event_id, name, data)
    assert library.attachments(event_id) == []


def test_a_file_over_50_mb_is_refused(library: Library) -> None:
    event_id = new_event(library)
    with pytest.raises(InvalidInput, match="at most 50 MB"):
        library.add_attachment(event_id, "huge.png", PNG + bytes(MAX_BYTES))
    assert blob_count(library) == 0


def test_a_rename_is_followed_by_the_notes_that_show_it(library: Library) -> None:
    event_id = new_event(library, summary="요약 ![구조](<MemGPT 구조.png>) 끝")
    talk_id = library.add_session(
        event_id,
        SessionRecord(
            title="MemGPT",
            notes="![그림](<MemGPT 구조.png>)\n`![code](MemGPT 구조.png)`\n[other](other.png)",
        ),
    )
    library.add_attachment(event_id, "MemGPT 구조.png", PNG)
    renamed = library.rename_attachment(event_id, "memgpt 구조.png", "memgpt-architecture.png")
    assert renamed.name == "memgpt-architecture.png"
    assert library.event(event_id).summary == "요약 ![구조](memgpt-architecture.png) 끝"
    assert library.session(talk_id).notes == (
        "![그림](memgpt-architecture.png)\n`![code](MemGPT 구조.png)`\n[other](other.png)"
    )
    assert library.search("architecture")  # the index follows the new text
    library.add_attachment(event_id, "taken.png", OTHER_PNG)
    with pytest.raises(InvalidInput, match="already has an attachment named"):
        library.rename_attachment(event_id, "memgpt-architecture.png", "TAKEN.png")


def test_caption_and_delete(library: Library) -> None:
    event_id = new_event(library)
    library.add_attachment(event_id, "a.png", PNG)
    library.add_attachment(event_id, "b.png", PNG)
    library.add_attachment(event_id, "c.png", OTHER_PNG)
    library.set_attachment_caption(event_id, "a.png", "  첫 슬라이드 ")
    assert library.attachments(event_id)[0].caption == "첫 슬라이드"
    library.delete_attachment(event_id, "a.png")
    assert blob_count(library) == 2  # b.png still holds those bytes
    library.delete_attachment(event_id, "c.png")
    assert blob_count(library) == 1
    assert [item.name for item in library.attachments(event_id)] == ["b.png"]
    with pytest.raises(NotFound, match="no attachment named"):
        library.delete_attachment(event_id, "c.png")
    library.delete_event(event_id)
    assert blob_count(library) == 0


# -- recap-json v2 ----------------------------------------------------------------------


def attachment_json(name: str, data: bytes, **fields: object) -> dict[str, object]:
    return {
        "name": name,
        "media_type": "image/png",
        "data": base64.b64encode(data).decode(),
        **fields,
    }


def document(*attachments: dict[str, object]) -> str:
    event = {"title": "Talks", "start_date": "2024-04-13", "attachments": list(attachments)}
    return json.dumps({"format": "recap", "version": 2, "events": [event]}, ensure_ascii=False)


def test_load_and_dump_keep_every_byte(library: Library) -> None:
    text = document(
        attachment_json("슬라이드 1.png", PNG, caption="첫 장"), attachment_json("b.png", PNG)
    )
    library.load_records(parse_document(text).events)
    dumped = dump_document(library.events(attachment_data=True))
    [event] = json.loads(dumped)["events"]
    assert [item["name"] for item in event["attachments"]] == ["슬라이드 1.png", "b.png"]
    assert base64.b64decode(event["attachments"][0]["data"]) == PNG
    assert blob_count(library) == 1
    assert dump_document(parse_document(dumped).events) == dumped  # byte-identical again


def test_a_dump_without_attachments_has_no_attachments_keys(
    library: Library, tmp_path: Path
) -> None:
    library.load_records(parse_document(document(attachment_json("a.png", PNG))).events)
    assert library.location is not None
    where = (
        str(library.location)
        if library.path is not None
        else library.location.render_as_string(hide_password=False)  # type: ignore[union-attr]
    )
    out = tmp_path / "small.json"
    assert cli.run(["--db", where, "dump", "--no-attachments", str(out)]) == 0
    [event] = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert "attachments" not in event and event["title"] == "Talks"


@pytest.mark.parametrize(
    ("attachments", "said"),
    [
        (
            [{"name": "x.png", "media_type": "image/png", "data": "not base64!"}],
            "event 1 (\"Talks\"): attachments[0] ('x.png').data: 'not base64!' is not "
            "standard base64",
        ),
        (
            [attachment_json("../x.png", PNG)],
            "attachments[0] ('../x.png').name: '../x.png' is not a file name (no slashes",
        ),
        (
            [{"name": "x.png", "media_type": "image/png", "data": "AAAAA"}],
            "attachments[0] ('x.png'): data: not standard base64",
        ),
        (
            [attachment_json("a.png", PNG), attachment_json("A.PNG", OTHER_PNG)],
            "attachments[1] ('A.PNG'): another attachment of the event has this name",
        ),
    ],
)
def test_a_bad_attachment_fails_the_load_naming_the_event_and_attachment(
    attachments: list[dict[str, object]], said: str
) -> None:
    with pytest.raises(InvalidDocument) as raised:
        parse_document(document(*attachments))
    assert said in str(raised.value)


def test_names_made_from_captions_and_file_names() -> None:
    assert proposed_name("MemGPT 구조", "image/png") == "memgpt-구조.png"
    assert proposed_name("/home/ana/사진/IMG 0042.JPG", "image/jpeg") == "img-0042.jpg"
    assert proposed_name("slides (final).pdf", "application/pdf") == "slides-final.pdf"
    assert proposed_name("..", "image/png") == "attachment.png"
    assert AttachmentRecord(name="a", media_type="image/webp").is_picture
