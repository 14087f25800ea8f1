"""recap-json: the public interchange format (docs/recap-json-v1.md, docs/recap-json-v2.md).

``parse_document`` checks a document completely before anything is stored, so
that a load is all or nothing; ``dump_document`` writes byte-stable JSON.
"""

import base64
import binascii
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from recap.domain.attachments import check_unique
from recap.domain.dates import check_date_range, format_time, parse_date, parse_time
from recap.domain.fields import TEXT_KINDS, FieldInfo, fields_of
from recap.domain.publications import check_unique_platforms, clean_publication
from recap.domain.records import EventRecord, QARecord
from recap.domain.validate import clean_attachment, clean_event, clean_qa, clean_session
from recap.errors import InvalidDocument, InvalidInput
from recap.interchange.schema_check import SCHEMA_FILES, SchemaProblem, check_document

FORMAT = "recap"
VERSION = 2  # the version written; every version of SCHEMA_FILES is read
# Kinds a document holds as strings (dates and times have their own forms).
STRING_KINDS = TEXT_KINDS | {"date", "time", "filename", "media_type", "bytes"}


def known_keys(record_type: type, version: int) -> tuple[str, ...]:
    """The keys a document of ``version`` may give a record of ``record_type``."""
    return tuple(
        info.json_key for info in fields_of(record_type) if info.facts.since_version <= version
    )


RecordT = TypeVar("RecordT")


@dataclass
class ParsedDocument:
    events: list[EventRecord]
    warnings: list[str] = field(default_factory=list)


def parse_document(data: bytes | str, source: object = None) -> ParsedDocument:
    """Check a whole recap-json document and turn it into records; raise InvalidDocument,
    its sentence starting with ``source`` (the file's name) when one is given."""
    try:
        return read_document(data)
    except InvalidDocument as error:
        if source is None:
            raise
        raise InvalidDocument(f"{source}: {error}") from None


def read_document(data: bytes | str) -> ParsedDocument:
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        raise InvalidDocument("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        # Python's messages end in "at" when a place follows ("… string starting at").
        at = "" if error.msg.endswith(" at") else " at"
        place = f"line {error.lineno}, column {error.colno}"
        raise InvalidDocument(f"This is not valid JSON: {error.msg}{at} {place}.") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise InvalidDocument(f"The file holds a value Recap cannot read: {error}.") from None
    except RecursionError:
        raise InvalidDocument("The file nests arrays or objects too deeply.") from None
    check_header(document)
    try:
        check_document(document, int(document["version"]), source=data)
    except SchemaProblem as problem:
        raise InvalidDocument(describe_problem(document, problem)) from None
    events = []
    version = document["version"]
    for index, event in enumerate(document["events"]):
        try:
            events.append(checked_event(event, version))
        except InvalidInput as error:
            raise InvalidDocument(f"{event_label(document, index)}: {error}") from None
    return ParsedDocument(events=events, warnings=list(unknown_field_warnings(document)))


def check_header(document: object) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise InvalidDocument('This is not a recap-json document (it needs "format": "recap").')
    version = document.get("version")
    # true == 1 in Python, not in JSON; 1.0 is the number 1 in JSON.
    if (
        isinstance(version, bool)
        or not isinstance(version, int | float)
        or version not in SCHEMA_FILES
    ):
        readable = " and ".join(str(known) for known in SCHEMA_FILES)
        raise InvalidDocument(
            f"recap-json version {version!r} is not supported; this Recap reads versions "
            f"{readable}."
        )
    if not isinstance(document.get("events"), list):
        raise InvalidDocument('A recap-json document needs an "events" array.')


def event_label(document: dict[str, Any], index: int) -> str:
    """``event 3 ("Title")``: counted from 1, as a person counts them in the file."""
    event = document["events"][index]
    title = event.get("title") if isinstance(event, dict) else None
    if isinstance(title, str) and title.strip():
        # A lone surrogate cannot be printed or shown: it is written as its escape, \ud800.
        shown = title.strip().encode("utf-8", "backslashreplace").decode("utf-8")
        return f'event {index + 1} ("{shown}")'
    return f"event {index + 1}"


def attachment_label(index: object, name: object) -> str:
    """``attachments[2] ("slide.png")``: the index, and the name when it is text."""
    label = f"attachments[{index}]"
    if isinstance(name, str) and name.strip():
        shown = name.strip()[:60].encode("utf-8", "backslashreplace").decode("utf-8")
        label += f' ("{shown}")'
    return label


def attachment_in(attachments: object, index: object) -> str:
    """The label of ``attachments[index]`` of a document's event (whatever it holds)."""
    name = None
    if isinstance(attachments, list) and isinstance(index, int) and index < len(attachments):
        item = attachments[index]
        name = item.get("name") if isinstance(item, dict) else None
    return attachment_label(index, name)


def field_path(parts: Iterable[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def describe_problem(document: dict[str, Any], problem: SchemaProblem) -> str:
    path = list(problem.path)
    where = "the document"
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        where = event_label(document, path[1])
        event = document["events"][path[1]]
        path = path[2:]
        if len(path) >= 2 and path[0] == "attachments" and isinstance(event, dict):
            where = f"{where}: {attachment_in(event.get('attachments'), path[1])}"
            path = path[2:]
    location = field_path(path)
    return f"{where}: {location}: {problem.problem}" if location else f"{where}: {problem.problem}"


def unknown_field_warnings(document: dict[str, Any]) -> Iterable[str]:
    for key in document:
        if key not in ("format", "version", "events"):
            yield f"the document: unknown field {key!r} ignored"
    version = document["version"]
    for index, event in enumerate(document["events"]):
        yield from unknown_in(event, EventRecord, version, event_label(document, index), "")


def unknown_in(
    obj: dict[str, Any], record_type: type, version: int, where: str, prefix: str
) -> Iterable[str]:
    """Warnings for the keys of ``obj`` and its child records that ``version`` lacks."""
    known = known_keys(record_type, version)
    for key in obj:
        if key not in known:
            name = f"{prefix}.{key}" if prefix else key
            yield f"{where}: unknown field {name!r} ignored"
    for info in fields_of(record_type):
        if info.kind == "items" and info.facts.item_type and info.json_key in known:
            for index, item in enumerate(obj.get(info.json_key, [])):
                child = (
                    f"{prefix}.{info.json_key}[{index}]" if prefix else f"{info.json_key}[{index}]"
                )
                yield from unknown_in(item, info.facts.item_type, version, where, child)


def checked_event(event: dict[str, Any], version: int = VERSION) -> EventRecord:
    """The event as a record, after the same domain rules the library applies."""
    record = record_from_json(event, EventRecord, version)
    check_date_range(record.start_date, record.end_date)
    clean_event(record)
    for s_index, talk in enumerate(record.sessions):
        where = f"sessions[{s_index}]"
        try:
            clean_session(talk)
        except InvalidInput as error:
            raise InvalidInput(f"{where}: {error}") from None
        for q_index, entry in enumerate(talk.qa):
            try:
                clean_qa(entry)
            except InvalidInput as error:
                raise InvalidInput(f"{where}.qa[{q_index}]: {error}") from None
    cleaned = []
    for a_index, attachment in enumerate(record.attachments):
        try:
            cleaned.append(clean_attachment(attachment))
        except InvalidInput as error:
            label = attachment_label(a_index, attachment.name)
            raise InvalidInput(f"{label}: {error}") from None
    check_unique(attachment.name for attachment in cleaned)
    record.attachments = cleaned
    for p_index, publication in enumerate(record.publications):
        try:
            clean_publication(publication)
        except InvalidInput as error:
            raise InvalidInput(f"publications[{p_index}]: {error}") from None
    check_unique_platforms(record.publications)
    return record


def record_from_json(data: dict[str, Any], record_type: type[RecordT], version: int) -> RecordT:
    """A record from its JSON object, each field read by its kind."""
    values: dict[str, Any] = {}
    for info in fields_of(record_type):
        if info.facts.since_version <= version and info.json_key in data:
            values[info.name] = value_from_json(info, data[info.json_key], version)
    if record_type is QARecord and "resolved" not in values:
        # the spec's default: an audience question was answered in the room
        values["resolved"] = values.get("kind") == "audience"
    return record_type(**values)


def value_from_json(info: FieldInfo, value: Any, version: int) -> Any:
    if value is None:
        return None
    if info.kind in STRING_KINDS and not isinstance(value, str):
        raise InvalidInput(f"{info.json_key}: must be a string or null")
    if info.kind == "bytes":
        return decoded_bytes(value, info.json_key)
    if info.kind == "date":
        return parse_date(value, field=info.json_key)
    if info.kind == "time":
        return parse_time(value, field=info.json_key)
    if info.kind == "tags":
        if any(not tag.strip() for tag in value):
            raise InvalidInput("tags: a tag must not be blank")
        return list(value)
    if info.kind == "items":
        assert info.facts.item_type is not None
        items: list[Any] = []
        for index, item in enumerate(value):
            try:
                items.append(record_from_json(item, info.facts.item_type, version))
            except InvalidInput as error:
                label = (
                    attachment_in(value, index)
                    if info.json_key == "attachments"
                    else f"{info.json_key}[{index}]"
                )
                raise InvalidInput(f"{label}: {error}") from None
        return items
    return value


def decoded_bytes(text: str, key: str) -> bytes:
    """Standard base64 (RFC 4648) with padding and no line breaks, at least one byte."""
    try:
        if len(text) % 4:
            raise ValueError("not whole groups of four")
        # strict: only the alphabet, padding only at the end and no data after it
        data = binascii.a2b_base64(text.encode("ascii"), strict_mode=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise InvalidInput(f"{key}: is not standard base64 (RFC 4648, with padding)") from None
    if not data:
        raise InvalidInput(f"{key}: holds no bytes")
    return data


def record_to_json(record: object) -> dict[str, Any]:
    """A record as its JSON object: every field of the version written, in declared order."""
    return {
        info.json_key: value_to_json(info, getattr(record, info.name))
        for info in fields_of(type(record))
        if info.facts.since_version <= VERSION
    }


def value_to_json(info: FieldInfo, value: Any) -> Any:
    if value is None:
        return None
    if info.kind == "date":
        return value.isoformat()
    if info.kind == "time":
        return format_time(value)
    if info.kind == "tags":
        return list(value)
    if info.kind == "items":
        return [record_to_json(item) for item in value]
    if info.kind == "bytes":
        return base64.b64encode(value).decode("ascii")
    return value


def dump_document(events: Iterable[EventRecord], *, attachments: bool = True) -> str:
    """The events as a recap-json document: fixed key order, two-space indent, final newline.
    Without ``attachments`` no event has an ``attachments`` key (``--no-attachments``)."""
    written = []
    for event in events:
        item = record_to_json(event)
        if not attachments:
            del item["attachments"]
        written.append(item)
    document = {"format": FORMAT, "version": VERSION, "events": written}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
