"""recap-json checked against the JSON Schema packaged beside this module.

The schema is the one description of the format's shape: fastjsonschema compiles
it into a validator on first use (about 10 ms, then kept for the process; not at
import, so a command that loads no file does not pay for it). What a JSON Schema
cannot say is checked after it: every string must be real Unicode text, since a
JSON escape can spell a lone surrogate (``\\ud800``) that no UTF-8 file or database
holds. A problem is reported as a `SchemaProblem`: where it is (the path to the
value) and what is wrong, in the words ``recap_json`` puts into its message.

Reading another version of the format is one more entry in `SCHEMA_FILES`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from fastjsonschema import JsonSchemaValueException

# The versions of recap-json this Recap reads, each with its schema.
SCHEMA_FILES: Final = {1: "recap-json-v1.schema.json", 2: "recap-json-v2.schema.json"}

# What the schemas' patterns ask for, in words ("\S": the text is not blank).
NOT_BLANK: Final = r"\S"
PATTERN_WORDS: Final = {
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date of the form YYYY-MM-DD",
    r"^[A-Za-z0-9+/]*={0,2}$": "standard base64 (RFC 4648, with padding, no line breaks)",
    r"^(?!\.{1,2}$)[^/\\\u0000-\u001f\u007f]+$": (
        "a file name (no / or \\, no control characters, not . or ..)"
    ),
    r"^[a-z]+/[A-Za-z0-9.+-]+$": "a media type such as image/png",
}
# A value longer than this is shown by its beginning (a picture's base64 is megabytes).
SHOWN_VALUE_LENGTH: Final = 60
TYPE_WORDS: Final = {
    "string": "a string",
    "null": "null",
    "array": "an array",
    "object": "an object",
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
}

Path = list[str | int]
# JSON values that hold no text.
SCALARS: Final = (bool, int, float, type(None))


class SchemaProblem(Exception):
    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def read_schema(version: int) -> dict[str, Any]:
    text = resources.files("recap.interchange").joinpath(SCHEMA_FILES[version]).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def schema(version: int) -> dict[str, Any]:
    """The schema to read; fastjsonschema gets a copy of its own, as it rewrites what it
    compiles (resolving each ``$ref`` in place)."""
    return read_schema(version)


@functools.cache
def validator(version: int) -> Callable[[object], object]:
    import fastjsonschema

    return fastjsonschema.compile(read_schema(version))


def check_document(
    document: dict[str, Any], version: int = 1, *, source: bytes | str | None = None
) -> None:
    """Raise SchemaProblem at the first place the document breaks the schema, else at the
    first string holding a lone surrogate. ``source``, the JSON text the document was read
    from, spares the walk through every string when it cannot spell one."""
    import fastjsonschema

    try:
        validator(version)(document)
    except fastjsonschema.JsonSchemaValueException as error:
        raise described(error) from None
    if source is None or may_spell_lone_surrogates(source):
        where = lone_surrogate(document, schema(version), schema(version)["$defs"])
        if where is not None:
            raise SchemaProblem(where, "holds an invalid character (a lone surrogate)")


# -- fastjsonschema's findings in the words Recap's messages use ----------------------

_PATH_PART: Final = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def value_path(name: str) -> Path:
    """``data.events[3].sessions[0].title`` → ``["events", 3, "sessions", 0, "title"]``."""
    return [
        int(index) if index else key for key, index in _PATH_PART.findall(name.removeprefix("data"))
    ]


def described(error: JsonSchemaValueException) -> SchemaProblem:
    path = value_path(error.name or "data")
    value, wanted = error.value, error.rule_definition
    match error.rule:
        case "required":
            missing = next(name for name in wanted if name not in value)
            return SchemaProblem([*path, missing], "this field is required")
        case "type" if error.definition.get("pattern") in PATTERN_WORDS:  # a date
            words = pattern_words(error.definition["pattern"])
            return SchemaProblem(path, f"{json_type(value)} is not {words}")
        case "type":
            return SchemaProblem(path, f"must be {type_words(wanted)}, not {json_type(value)}")
        case "minLength" if wanted == 1:
            return SchemaProblem(path, "must not be empty")
        case "minLength":
            return SchemaProblem(path, f"is shorter than {wanted} characters")
        case "maxLength":
            return SchemaProblem(path, f"is longer than {wanted} characters")
        case "pattern" if wanted == NOT_BLANK:
            return SchemaProblem(path, "must not be empty")
        case "pattern":
            return SchemaProblem(path, f"{shown_value(value)} is not {pattern_words(wanted)}")
        case "enum":
            choices = ", ".join(str(choice) for choice in wanted)
            return SchemaProblem(path, f"must be one of {choices}, not {value!r}")
        case "anyOf" if isinstance(value, dict) and (misfit := misfit_field(value, error)):
            # fastjsonschema tries anyOf before the fields; a field of the wrong type says more
            return SchemaProblem([*path, misfit[0]], misfit[1])
        case "anyOf":
            return SchemaProblem(path, none_of(wanted, value))
    return SchemaProblem(path, error.message.removeprefix(error.name or "").strip())


def shown_value(value: object) -> str:
    if isinstance(value, str) and len(value) > SHOWN_VALUE_LENGTH:
        return repr(value[: SHOWN_VALUE_LENGTH - 20]) + f"… ({len(value)} characters)"
    return repr(value)


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    names = {str: "string", float: "number", list: "array", dict: "object"}
    return names.get(type(value), type(value).__name__)


def type_words(wanted: str | list[str]) -> str:
    kinds = [wanted] if isinstance(wanted, str) else wanted
    return " or ".join(TYPE_WORDS.get(kind, kind) for kind in kinds)


def pattern_words(pattern: str) -> str:
    return PATTERN_WORDS.get(pattern, f"of the form {pattern}")


def misfit_field(value: dict[str, Any], error: JsonSchemaValueException) -> tuple[str, str] | None:
    """The first field of ``value`` whose type the object's definition does not allow."""
    fields = error.definition.get("properties", {})
    for name, item in value.items():
        wanted = fields.get(name, {}).get("type")
        kinds = [wanted] if isinstance(wanted, str) else wanted
        found = json_type(item)
        if kinds and found not in kinds and not (found == "integer" and "number" in kinds):
            return name, f"must be {type_words(wanted)}, not {found}"
    return None


def none_of(alternatives: list[dict[str, Any]], value: object) -> str:
    """Why a value matches none of ``anyOf``'s alternatives (fastjsonschema gives them with
    every ``$ref`` resolved)."""
    needed = [name for alternative in alternatives for name in alternative.get("required", ())]
    if needed:  # each alternative asks for a field to hold text: a Q&A entry
        return f"needs a non-blank {' or '.join(needed)}"
    words = [
        pattern_words(alternative["pattern"])
        if "pattern" in alternative
        else type_words(alternative.get("type", "?"))
        for alternative in alternatives
    ]
    shown = repr(value) if isinstance(value, str) else json_type(value)
    return f"{shown} is not {' or '.join(words)}"


# -- what a schema cannot say ----------------------------------------------------------

# json.loads turns \ud800-\udfff escapes into surrogates, and also UTF-8 bytes that encode
# one (it decodes with "surrogatepass"); a UTF-8 text with neither holds no surrogate.
# Two searches: either is quick alone, the two as one pattern are not.
_SURROGATE_ESCAPE: Final = re.compile(rb"\\u[dD][89a-fA-F]")
_ENCODED_SURROGATE: Final = re.compile(rb"\xed[\xa0-\xbf]")


def may_spell_lone_surrogates(source: bytes | str) -> bool:
    """False when the JSON text cannot hold a lone surrogate: scanning the bytes takes
    0.15 s for the 136 MB benchmark file, walking its strings 0.7 s."""
    if isinstance(source, str) or json.detect_encoding(source) not in ("utf-8", "utf-8-sig"):
        return True
    return bool(_SURROGATE_ESCAPE.search(source) or _ENCODED_SURROGATE.search(source))


def lone_surrogate(
    value: object, definition: dict[str, Any], definitions: dict[str, Any]
) -> Path | None:
    """The path of the first string, in document order, holding a lone surrogate, among the
    fields the schema describes (an unknown field is ignored, whatever it holds)."""
    if isinstance(value, str):
        return None if is_encodable(value) else []
    if "$ref" in definition:  # "#/$defs/name"
        definition = definitions[definition["$ref"].rpartition("/")[2]]
    if isinstance(value, dict):
        fields = definition.get("properties", {})
        for key, item in value.items():
            if key in fields and not isinstance(item, SCALARS):
                inner = lone_surrogate(item, fields[key], definitions)
                if inner is not None:
                    return [key, *inner]
    elif isinstance(value, list) and "items" in definition:
        for index, item in enumerate(value):
            if not isinstance(item, SCALARS):
                inner = lone_surrogate(item, definition["items"], definitions)
                if inner is not None:
                    return [index, *inner]
    return None


def is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
