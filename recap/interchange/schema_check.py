"""A direct check of recap-json v1 against its JSON Schema (shared/spec).

jsonschema needs about a minute for a 20,000-event file; this walks the
document once, in document order, and stops at the first problem. A test runs
both over the same invalid documents to keep them in agreement.
"""

import re
from collections.abc import Callable
from typing import Any

DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TITLE_MAX = 300

Path = list[str | int]


class SchemaProblem(Exception):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    names = {str: "string", float: "number", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def expect_object(value: object, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise SchemaProblem(path, f"must be an object, not {json_type(value)}")
    return value


def expect_array(value: object, path: Path) -> list[Any]:
    if not isinstance(value, list):
        raise SchemaProblem(path, f"must be an array, not {json_type(value)}")
    return value


def check_encodable(value: str, path: Path) -> None:
    """JSON can spell lone surrogates (\\ud800) that no UTF-8 file or database can hold."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise SchemaProblem(path, "holds an invalid character (a lone surrogate)") from None


def check_title(value: object, path: Path) -> None:
    if not isinstance(value, str):
        raise SchemaProblem(path, f"must be a string, not {json_type(value)}")
    check_encodable(value, path)
    if not value.strip():
        raise SchemaProblem(path, "must not be empty")
    if len(value) > TITLE_MAX:
        raise SchemaProblem(path, f"is longer than {TITLE_MAX} characters")


def check_text(value: object, path: Path) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise SchemaProblem(path, f"must be a string or null, not {json_type(value)}")
    check_encodable(value, path)


def check_date(value: object, path: Path, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or not DATE_PATTERN.fullmatch(value):
        shown = repr(value) if isinstance(value, str) else json_type(value)
        null = " or null" if nullable else ""
        raise SchemaProblem(path, f"{shown} is not a date of the form YYYY-MM-DD{null}")


def require(obj: dict[str, Any], name: str, path: Path) -> Any:
    if name not in obj:
        raise SchemaProblem([*path, name], "this field is required")
    return obj[name]


def check_items(
    obj: dict[str, Any], name: str, path: Path, check: Callable[[object, Path], None]
) -> None:
    if name in obj:
        for index, item in enumerate(expect_array(obj[name], [*path, name])):
            check(item, [*path, name, index])


def check_tag(value: object, path: Path) -> None:
    if not isinstance(value, str):
        raise SchemaProblem(path, f"must be a string, not {json_type(value)}")
    check_encodable(value, path)
    if not value:
        raise SchemaProblem(path, "must not be empty")


def check_link(value: object, path: Path) -> None:
    link = expect_object(value, path)
    check_text(link.get("label"), [*path, "label"])
    url = require(link, "url", path)
    if not isinstance(url, str):
        raise SchemaProblem([*path, "url"], f"must be a string, not {json_type(url)}")
    check_encodable(url, [*path, "url"])
    if not url:
        raise SchemaProblem([*path, "url"], "must not be empty")


def has_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_qa(value: object, path: Path) -> None:
    entry = expect_object(value, path)
    kind = require(entry, "kind", path)
    if kind not in ("audience", "own"):
        raise SchemaProblem([*path, "kind"], f"must be one of audience, own, not {kind!r}")
    for name in ("question", "answer"):
        check_text(entry.get(name), [*path, name])
    if "resolved" in entry and not isinstance(entry["resolved"], bool):
        found = json_type(entry["resolved"])
        raise SchemaProblem([*path, "resolved"], f"must be a boolean, not {found}")
    if not (has_text(entry.get("question")) or has_text(entry.get("answer"))):
        raise SchemaProblem(path, "a Q&A entry needs a question or an answer")


def check_session(value: object, path: Path) -> None:
    talk = expect_object(value, path)
    check_title(require(talk, "title", path), [*path, "title"])
    for name in ("speaker", "affiliation", "impression", "notes"):
        check_text(talk.get(name), [*path, name])
    check_items(talk, "links", path, check_link)
    check_items(talk, "qa", path, check_qa)


def check_event(value: object, path: Path) -> None:
    event = expect_object(value, path)
    check_title(require(event, "title", path), [*path, "title"])
    check_date(require(event, "start_date", path), [*path, "start_date"])
    if "end_date" in event:
        check_date(event["end_date"], [*path, "end_date"], nullable=True)
    for name in ("venue", "host", "url", "found_via", "category", "summary"):
        check_text(event.get(name), [*path, name])
    check_items(event, "tags", path, check_tag)
    check_items(event, "sessions", path, check_session)


def check_document(document: dict[str, Any]) -> None:
    """Raise SchemaProblem at the first place the document breaks the schema."""
    for index, event in enumerate(expect_array(document.get("events"), ["events"])):
        check_event(event, ["events", index])
