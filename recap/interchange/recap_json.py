"""recap-json v1: the public interchange format (see docs/recap-json-v1.md).

``parse_document`` checks a document completely before anything is stored, so
that a load is all or nothing; ``dump_document`` writes byte-stable JSON.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from recap.domain.dates import check_date_range, parse_date
from recap.domain.records import EventRecord, LinkRecord, QAKind, QARecord, SessionRecord
from recap.domain.validate import clean_event, clean_qa, clean_session
from recap.errors import InvalidDocument, InvalidInput
from recap.interchange.schema_check import SCHEMA_FILES, SchemaProblem, check_document

FORMAT = "recap"
VERSION = 1

EVENT_FIELDS = (
    "title", "start_date", "end_date", "venue", "host", "url",
    "found_via", "category", "tags", "summary", "sessions",
)  # fmt: skip
SESSION_FIELDS = ("title", "speaker", "affiliation", "impression", "notes", "links", "qa")
LINK_FIELDS = ("label", "url")
QA_FIELDS = ("kind", "question", "answer", "resolved")


@dataclass
class ParsedDocument:
    events: list[EventRecord]
    warnings: list[str] = field(default_factory=list)


def parse_document(data: bytes | str) -> ParsedDocument:
    """Check a whole recap-json document and turn it into records; raise InvalidDocument."""
    try:
        document = json.loads(data)
    except UnicodeDecodeError:
        raise InvalidDocument("The file is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise InvalidDocument(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
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
    for index, event in enumerate(document["events"]):
        try:
            events.append(checked_event(event))
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
            f"recap-json version {version!r} is not supported; this Recap reads version {readable}."
        )
    if not isinstance(document.get("events"), list):
        raise InvalidDocument('A recap-json document needs an "events" array.')


def event_label(document: dict[str, Any], index: int) -> str:
    event = document["events"][index]
    title = event.get("title") if isinstance(event, dict) else None
    if isinstance(title, str) and title.strip():
        # A lone surrogate cannot be printed or shown: it is written as its escape, \ud800.
        shown = title.strip().encode("utf-8", "backslashreplace").decode("utf-8")
        return f'event {index} ("{shown}")'
    return f"event {index}"


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
        path = path[2:]
    location = field_path(path)
    return f"{where}: {location}: {problem.problem}" if location else f"{where}: {problem.problem}"


def unknown_field_warnings(document: dict[str, Any]) -> Iterable[str]:
    for key in document:
        if key not in ("format", "version", "events"):
            yield f"the document: unknown field {key!r} ignored"
    for index, event in enumerate(document["events"]):
        where = event_label(document, index)
        yield from unknown_in(event, EVENT_FIELDS, where, "")
        for s_index, talk in enumerate(event.get("sessions", [])):
            prefix = f"sessions[{s_index}]"
            yield from unknown_in(talk, SESSION_FIELDS, where, prefix)
            for l_index, link in enumerate(talk.get("links", [])):
                yield from unknown_in(link, LINK_FIELDS, where, f"{prefix}.links[{l_index}]")
            for q_index, entry in enumerate(talk.get("qa", [])):
                yield from unknown_in(entry, QA_FIELDS, where, f"{prefix}.qa[{q_index}]")


def unknown_in(
    obj: dict[str, Any], known: tuple[str, ...], where: str, prefix: str
) -> Iterable[str]:
    for key in obj:
        if key not in known:
            name = f"{prefix}.{key}" if prefix else key
            yield f"{where}: unknown field {name!r} ignored"


def checked_event(event: dict[str, Any]) -> EventRecord:
    """The event as a record, after the same domain rules the library applies."""
    record = event_from_json(event)
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
    return record


def event_from_json(event: dict[str, Any]) -> EventRecord:
    start = parse_date(event["start_date"], field="start_date")
    end_text = event.get("end_date")
    end = parse_date(end_text, field="end_date") if end_text is not None else None
    check_date_range(start, end)
    for tag in event.get("tags", []):
        if not tag.strip():
            raise InvalidInput("tags: a tag must not be blank")
    return EventRecord(
        title=event["title"],
        start_date=start,
        end_date=end,
        venue=event.get("venue"),
        host=event.get("host"),
        url=event.get("url"),
        found_via=event.get("found_via"),
        category=event.get("category"),
        tags=list(event.get("tags", [])),
        summary=event.get("summary"),
        sessions=[session_from_json(talk) for talk in event.get("sessions", [])],
    )


def session_from_json(talk: dict[str, Any]) -> SessionRecord:
    return SessionRecord(
        title=talk["title"],
        speaker=talk.get("speaker"),
        affiliation=talk.get("affiliation"),
        impression=talk.get("impression"),
        notes=talk.get("notes"),
        links=[
            LinkRecord(url=link["url"], label=link.get("label")) for link in talk.get("links", [])
        ],
        qa=[qa_from_json(entry) for entry in talk.get("qa", [])],
    )


def qa_from_json(entry: dict[str, Any]) -> QARecord:
    kind = cast(QAKind, entry["kind"])
    return QARecord(
        kind=kind,
        question=entry.get("question"),
        answer=entry.get("answer"),
        resolved=entry.get("resolved", kind == "audience"),
    )


def event_to_json(event: EventRecord) -> dict[str, Any]:
    return {
        "title": event.title,
        "start_date": event.start_date.isoformat(),
        "end_date": event.end_date.isoformat() if event.end_date else None,
        "venue": event.venue,
        "host": event.host,
        "url": event.url,
        "found_via": event.found_via,
        "category": event.category,
        "tags": list(event.tags),
        "summary": event.summary,
        "sessions": [session_to_json(talk) for talk in event.sessions],
    }


def session_to_json(talk: SessionRecord) -> dict[str, Any]:
    return {
        "title": talk.title,
        "speaker": talk.speaker,
        "affiliation": talk.affiliation,
        "impression": talk.impression,
        "notes": talk.notes,
        "links": [{"label": link.label, "url": link.url} for link in talk.links],
        "qa": [
            {
                "kind": entry.kind,
                "question": entry.question,
                "answer": entry.answer,
                "resolved": entry.resolved,
            }
            for entry in talk.qa
        ],
    }


def dump_document(events: Iterable[EventRecord]) -> str:
    """The events as a recap-json document: fixed key order, two-space indent, final newline."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "events": [event_to_json(event) for event in events],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
