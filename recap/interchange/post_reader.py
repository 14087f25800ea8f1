"""The frame of a Recap markdown post read back: lines, errors that say where, the
front matter (Jekyll or Hugo), the header lines and the dates written in either
language. recap.interchange.markdown_import reads the rest of the post on top."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final, NoReturn

import yaml

from recap import postformat as fmt
from recap.domain.dates import ENGLISH_MONTHS, check_date_range, parse_time
from recap.domain.fields import FieldInfo
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, RecapError, Sentence

_KOREAN_DATE: Final = re.compile(
    r"([0-9]{4})년\s*([0-9]{1,2})월\s*([0-9]{1,2})일(?:\s*\([^()]*\))?"
)
_ENGLISH_DATE: Final = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?([0-9]{1,2})\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})"
)
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_RANGE_SEPARATOR: Final = re.compile(r"\s+[~–—-]\s+|\s*~\s*")
_CLOSING_HASHES: Final = re.compile(r"(?:^|(?<= ))#+ *$")
_MONTHS: Final = {name.lower(): number for number, name in enumerate(ENGLISH_MONTHS, start=1)}


class PostReader:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        self.lines = text.split("\n")
        self.front: dict[str, Any] = {}

    # -- errors -------------------------------------------------------------------

    def fail(self, what: str | RecapError, line: int | None = None, **details: object) -> NoReturn:
        """Refuse the post, saying where: ``what`` is a marked template (filled
        with ``details``) or the library's own error."""
        said = what.sentence if isinstance(what, RecapError) else Sentence(what, **details)
        where: object = self.source
        if line is not None:
            where = Sentence(
                QT_TRANSLATE_NOOP("RecapError", "{source}, line {line}"),
                source=self.source,
                line=line + 1,
            )
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "{where}: {problem}"), where=where, problem=said
        )

    # -- front matter ---------------------------------------------------------------

    def _front_matter(self) -> int:
        if not self.lines or self.lines[0].rstrip() != "---":
            return 0
        for index in range(1, len(self.lines)):
            if self.lines[index].rstrip() in ("---", "..."):
                break
        else:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "the front matter that starts on line 1 is never closed with '---'.",
                )
            )
        text = "\n".join(self.lines[1:index])
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line: object = ""
            if mark is not None:
                line = Sentence(
                    QT_TRANSLATE_NOOP("RecapError", " (front matter line {line})"),
                    line=mark.line + 1,
                )
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "the front matter is not valid YAML{where}: {reason}"
                ),
                where=line,
                reason=_first_line(error),
            )
        except (ValueError, TypeError, OverflowError, RecursionError) as error:
            # PyYAML's constructors raise these for values like 2024-02-30.
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "the front matter holds a value YAML cannot read: {reason}"
                ),
                reason=error,
            )
        if data is None:
            data = {}
        if not isinstance(data, dict):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "the front matter must be a YAML mapping (key: value lines)."
                )
            )
        self.front = data
        return index + 1

    def _front_title(self) -> str | None:
        value = self.front.get("title")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(QT_TRANSLATE_NOOP("RecapError", "the front matter title must be text."))
        return fmt.one_line(str(value))

    def _front_list(self, key: str) -> list[str]:
        value = self.front.get(key)
        if value is None:
            return []
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str | int | float) for item in values):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "the front matter {key} must be text or a list of texts."
                ),
                key=key,
            )
        return [str(item) for item in values]

    def _front_category(self) -> str | None:
        categories = self._front_list("categories") or self._front_list("category")
        return categories[0] if categories else None

    def _front_tags(self) -> list[str]:
        return [tag for tag in self._front_list("tags") if tag.strip()]

    def _front_date(self) -> dt.date | None:
        value = self.front.get("date")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            return self._date(value, None)
        self.fail(
            QT_TRANSLATE_NOOP("RecapError", "the front matter date must be a date like 2024-04-13.")
        )

    # -- header -------------------------------------------------------------------

    def _header(self, position: int) -> tuple[dict[str, tuple[str, int]], int]:
        fields: dict[str, tuple[str, int]] = {}
        while position < len(self.lines):
            match = fmt.HEADER_LINE.fullmatch(self.lines[position])
            if not match:
                break
            name = fmt.HEADER_LABELS[match[1]]
            if name in fields:
                self.fail(
                    QT_TRANSLATE_NOOP("RecapError", "'{label}' appears twice in the header."),
                    position,
                    label=match[1],
                )
            fields[name] = (match[2], position)
            position += 1
        return fields, position

    def _time(self, text: str, line: int) -> dt.time:
        try:
            return parse_time(text, field=Sentence(QT_TRANSLATE_NOOP("RecapError", "start time")))
        except InvalidInput as error:
            self.fail(error, line)

    def _header_value(self, info: FieldInfo, field: tuple[str, int] | None) -> str | None:
        return self._url(field) if info.kind == "address" else self._one_line(field)

    def _one_line(self, field: tuple[str, int] | None) -> str | None:
        return fmt.one_line(fmt.unescape_text(field[0])) if field else None

    def _url(self, field: tuple[str, int] | None) -> str | None:
        return fmt.one_line(fmt.parse_url_text(field[0])) if field else None

    def _dates(self, header: dict[str, tuple[str, int]]) -> tuple[dt.date, dt.date | None]:
        if "date" not in header:
            start = self._front_date()
            if start is None:
                self.fail(
                    QT_TRANSLATE_NOOP(
                        "RecapError",
                        "there is no date: the header needs a line like "
                        "'- 일시: ...' or '- Date: ...'.",
                    )
                )
            return start, None
        text, line = header["date"]
        parts = _RANGE_SEPARATOR.split(text.strip(), maxsplit=1)
        start = self._date(parts[0], line)
        end = self._date(parts[1], line) if len(parts) > 1 else None
        try:
            check_date_range(start, end)
        except InvalidInput as error:
            self.fail(error, line)
        return start, (end if end != start else None)

    def _date(self, text: str, line: int | None) -> dt.date:
        value = text.strip()
        numbers: tuple[int, int, int] | None = None
        if (match := _KOREAN_DATE.fullmatch(value)) or (match := _ISO_DATE.fullmatch(value)):
            numbers = (int(match[1]), int(match[2]), int(match[3]))
        elif (match := _ENGLISH_DATE.fullmatch(value)) and match[2][:3].lower() in _MONTHS:
            numbers = (int(match[3]), _MONTHS[match[2][:3].lower()], int(match[1]))
        if numbers is None:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "'{value}' is not a date like '2024년 04월 13일 (토)' or 'Sat, 13 Apr 2024'.",
                ),
                line,
                value=value,
            )
        try:
            return dt.date(*numbers)
        except ValueError:
            self.fail(
                QT_TRANSLATE_NOOP("RecapError", "'{value}' is not a real calendar date."),
                line,
                value=value,
            )

    # -- helpers --------------------------------------------------------------------

    def _skip_blank(self, position: int, end: int | None = None) -> int:
        end = len(self.lines) if end is None else end
        while position < end and is_blank(self.lines[position]):
            position += 1
        return position

    @staticmethod
    def _heading_text(text: str) -> str | None:
        return fmt.one_line(fmt.unescape_text(_CLOSING_HASHES.sub("", text)))


def is_blank(line: str) -> bool:
    """Blank as markdown sees it: nothing but spaces and tabs."""
    return not line.strip(" \t")


def continued_line(line: str) -> str:
    return line[len(fmt.CONTINUATION) :] if line.startswith(fmt.CONTINUATION) else line


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n")[0]
