"""``profiles.toml``: the user's publishing profiles and their changes to the built-in
ones, read with the standard library's tomllib and written back by Preferences.

A broken file is one sentence naming its line; the built-in profiles are then offered
alone, and the file is left as it is for the user to mend.

    [profiles.tistory]
    format = "html"            # md | html
    front_matter = "none"      # none | jekyll | hugo
    language = "ko"
    title = "[메모] <{title}> 후기"
"""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, RecapError
from recap.export.profiles import (
    BUILTIN_PROFILES,
    PICTURE_LAYOUTS,
    Profile,
    ProfileSet,
    builtin_named,
    check_name,
    merged,
)
from recap.export.targets import FRONT_MATTER_STYLES, POST_TARGETS, target_for
from recap.export.title_pattern import check_pattern
from recap.files import write_atomically

FILE_NAME: Final = "profiles.toml"
LANGUAGES: Final = ("ko", "en")
# A key of a profile's table and what its value must be (a sentence's words).
KEYS: Final[dict[str, str]] = {
    "format": "md or html",
    "front_matter": "none, jekyll or hugo",
    "language": "ko or en",
    "title": "a title pattern",
    "pictures": "folder, bundle, site or embedded",
    "related": "true or false",
    "no_h1": "true or false",
    "title_limit": "a whole number above 0",
    "platform": "a name",
}


class ProfileFileError(InvalidInput):
    """profiles.toml cannot be used; the sentence names the file's line."""


class KeyProblem(Exception):
    """A profile's table is wrong at ``key`` (None: the table itself)."""

    def __init__(self, key: str | None, error: RecapError) -> None:
        super().__init__(str(error))
        self.key = key
        self.error = error


def profile_path(folder: Path | None = None) -> Path:
    if folder is None:
        from recap.config import config_dir

        folder = config_dir()
    return folder / FILE_NAME


def load_profiles(path: Path | None = None) -> ProfileSet:
    """The profiles to offer: the built-in ones (as the file changes them) and the
    user's own; a file that cannot be read leaves the built-in ones and says why."""
    path = path or profile_path()
    try:
        return ProfileSet(merged(read_profiles(path)))
    except RecapError as error:
        return ProfileSet(BUILTIN_PROFILES, problem=error)


def read_profiles(path: Path) -> list[Profile]:
    """The profiles the file declares (none when there is no file); ProfileFileError
    with the line when it is broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError:
        raise file_error(path, 1, "it is not UTF-8 text") from None
    except OSError as error:
        raise file_error(path, 1, error.strerror or str(error)) from None
    return parse_profiles(text, path)


def parse_profiles(text: str, path: Path) -> list[Profile]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(found.group(1)) if (found := re.search(r"line (\d+)", str(error))) else 1
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise file_error(path, line, problem[:1].lower() + problem[1:]) from None
    unknown = [key for key in document if key != "profiles"]
    if unknown:
        raise file_error(
            path, line_of(text, unknown[0]), f"“{unknown[0]}” is not known; write [profiles.NAME]"
        )
    tables = document.get("profiles", {})
    if not isinstance(tables, dict):
        raise file_error(path, line_of(text, "profiles"), "profiles must be tables")
    profiles: list[Profile] = []
    seen: set[str] = set()
    for name, table in tables.items():
        where = table_line(text, name)
        try:
            profile = profile_from_table(name, table)
        except KeyProblem as problem:
            line = where if problem.key is None else key_line(text, where, problem.key)
            raise file_error(path, line, str(problem.error).rstrip(".")) from None
        if profile.name.casefold() in seen:
            raise file_error(path, where, f"the profile “{name}” is there twice")
        seen.add(profile.name.casefold())
        profiles.append(profile)
    return profiles


def profile_from_table(name: str, table: object) -> Profile:
    """A profile from its table; a built-in one's keys not given keep their values.
    KeyProblem names the key that is wrong."""
    try:
        name = check_name(name)
    except RecapError as error:
        raise KeyProblem(None, error) from None
    if not isinstance(table, dict):
        raise KeyProblem(
            None,
            InvalidInput(
                QT_TRANSLATE_NOOP("RecapError", "The profile “{name}” must be a table."), name=name
            ),
        )
    builtin = builtin_named(name)
    base = builtin or Profile(name)
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise KeyProblem(
                key,
                InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "RecapError",
                        "The profile “{name}” has an unknown key “{key}”; it may use {keys}.",
                    ),
                    name=name,
                    key=key,
                    keys=", ".join(KEYS),
                ),
            )
        if not valid_value(key, value):
            raise KeyProblem(
                key,
                InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "RecapError", "The profile “{name}” has {key} = {value}; it must be {what}."
                    ),
                    name=name,
                    key=key,
                    value=json.dumps(value, ensure_ascii=False, default=str),
                    what=KEYS[key],
                ),
            )
        values[key] = value
    profile = dataclasses.replace(base, **values)
    try:
        target_for(profile.format, profile.front_matter)  # html with front matter is refused
    except RecapError as error:
        raise KeyProblem("front_matter" if "front_matter" in values else "format", error) from None
    try:
        check_pattern(profile.title, profile.name)
    except RecapError as error:
        raise KeyProblem("title", error) from None
    return profile


def valid_value(key: str, value: object) -> bool:
    choices: dict[str, Iterable[str]] = {
        "format": (target.format for target in POST_TARGETS),
        "front_matter": FRONT_MATTER_STYLES,
        "language": LANGUAGES,
        "pictures": PICTURE_LAYOUTS,
    }
    if key in choices:
        return isinstance(value, str) and value in set(choices[key])
    if key in ("related", "no_h1"):
        return isinstance(value, bool)
    if key == "title_limit":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return isinstance(value, str)


def line_of(text: str, key: str) -> int:
    """The line of a top-level key or table header (1 when it cannot be told)."""
    found = re.search(rf"^\s*\[*\s*{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def table_line(text: str, name: str) -> int:
    """The line of ``[profiles.NAME]`` (quoted or bare); 1 when it cannot be told."""
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        header = line.split("#", 1)[0].strip()
        if header.startswith("[") and header.endswith("]"):
            inside = header.strip("[]").strip()
            if inside.startswith("profiles") and (name in inside or json.dumps(name) in inside):
                return number
    return 1


def key_line(text: str, table: int, key: str) -> int:
    """The line of ``key = ...`` in the table whose header is on line ``table``."""
    for number, line in enumerate(text.splitlines()[table:], start=table + 1):
        stripped = line.strip()
        if stripped.startswith("["):
            break
        if re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return number
    return table


def file_error(path: Path, line: int, problem: str) -> ProfileFileError:
    return ProfileFileError(
        QT_TRANSLATE_NOOP(
            "RecapError",
            "{file}, line {line}: {problem}; only the built-in profiles are offered until it is "
            "mended.",
        ),
        file=str(path),
        line=line,
        problem=problem,
    )


# -- writing (Preferences) ---------------------------------------------------------


def profiles_toml(profiles: Sequence[Profile]) -> str:
    """The file's text for these profiles: a built-in one only with what differs from
    Recap's own, the user's own with every key."""
    parts = ["# Recap's publishing profiles (docs/guide.en.md, “Publishing profiles”).\n"]
    for profile in profiles:
        builtin = builtin_named(profile.name)
        rows = []
        for key in KEYS:
            value = getattr(profile, key)
            if builtin is not None and value == getattr(builtin, key):
                continue
            if value is None:
                continue
            rows.append(f"{key} = {toml_value(value)}\n")
        if builtin is not None and not rows:
            continue
        parts.append(f"\n[profiles.{toml_key(profile.name)}]\n" + "".join(rows))
    return "".join(parts)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


def save_profiles(profiles: Sequence[Profile], path: Path | None = None) -> Path:
    """Write the profiles (checked again by reading the text back first)."""
    path = path or profile_path()
    text = profiles_toml(profiles)
    parse_profiles(text, path)  # never write a file Recap would refuse
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"))
    return path
