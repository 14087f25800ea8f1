"""Recap's own markdown posts read back into events (the reverse of recap.export).

Reads posts made by the default template, Korean or English labels, with Jekyll
or Hugo front matter or none. Values come back normalised as the post carries
them (`recap.postformat.normalise_event`). Anything that is not such a
post raises InvalidInput naming the file (and the line, where there is one);
no input makes it raise anything else.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NoReturn, cast

import yaml

from recap import postformat as fmt
from recap.domain.dates import ENGLISH_MONTHS, check_date_range, parse_time
from recap.domain.fields import FieldInfo, header_fields
from recap.domain.records import EventRecord, LinkRecord, QAKind, QARecord, SessionRecord
from recap.domain.validate import clean_event, clean_link, clean_qa, clean_session
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, RecapError, Sentence
from recap.files import read_user_file

_KOREAN_DATE: Final = re.compile(
    r"([0-9]{4})년\s*([0-9]{1,2})월\s*([0-9]{1,2})일(?:\s*\([^()]*\))?"
)
_ENGLISH_DATE: Final = re.compile(
    r"(?:[A-Za-z]{3,9},?\s+)?([0-9]{1,2})\s+([A-Za-z]{3,9})\.?,?\s+([0-9]{4})"
)
_ISO_DATE: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_RANGE_SEPARATOR: Final = re.compile(r"\s+[~–—-]\s+|\s*~\s*")
_CLOSING_HASHES: Final = re.compile(r"(?:^|(?<= ))#+ *$")
_CHECKBOX: Final = re.compile(r"\[([ xX])\] ")
_MONTHS: Final = {name.lower(): number for number, name in enumerate(ENGLISH_MONTHS, start=1)}


@dataclass
class _Item:
    line: int  # 1-based number of the item's first line
    lines: list[str]  # the first line without "- ", then continuation lines as written


class _Parser:
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

    # -- the whole post -------------------------------------------------------------

    def event(self) -> EventRecord:
        position = self._front_matter()
        position = self._skip_blank(position)
        title = None
        if position < len(self.lines) and self.lines[position].startswith("# "):
            title = self._heading_text(self.lines[position][2:])
            position = self._skip_blank(position + 1)
        header, position = self._header(position)
        footer_start = self._footer_start(position)
        body_end = footer_start if footer_start is not None else len(self.lines)
        headings = [
            index
            for index in range(position, body_end)
            if self.lines[index].startswith(fmt.SESSION_HEADING_PREFIX)
        ]
        summary_end = headings[0] if headings else body_end
        summary = self._block(position, summary_end)
        sessions = [
            self._session(start, end) for start, end in itertools.pairwise([*headings, body_end])
        ]
        footer = self._footer(footer_start + 1) if footer_start is not None else {}

        title = title or self._front_title()
        if not title:
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "there is no title: a post starts with '# Title' or has a front matter title.",
                )
            )
        start, end = self._dates(header)
        # The footer's lines, else the front matter's (which leaves them out of the footer).
        category = footer.get("category") if footer else self._front_category()
        tags = footer.get("tags") if footer else self._front_tags()
        header_values: dict[str, Any] = {
            info.name: self._header_value(info, header.get(info.name))
            for info in header_fields(EventRecord)
        }
        event = EventRecord(
            title=title,
            start_date=start,
            end_date=end,
            **header_values,
            category=fmt.one_line(cast("str | None", category)),
            tags=cast("list[str] | None", tags) or [],
            summary=summary,
            sessions=sessions,
        )
        self._check(event)
        return event

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

    # -- body -----------------------------------------------------------------------

    def _footer_start(self, position: int) -> int | None:
        """The ``---`` line before the category and tags (or, when front matter carries
        them, before the list of related posts), if there is one."""
        for index in range(position, len(self.lines)):
            if self.lines[index].rstrip() == fmt.THEMATIC_BREAK:
                following = self._skip_blank(index + 1)
                if following < len(self.lines) and (
                    fmt.FOOTER_LINE.fullmatch(self.lines[following])
                    or fmt.RELATED_TITLE_LINE.fullmatch(self.lines[following].rstrip())
                ):
                    return index
        return None

    def _block(self, start: int, end: int) -> str | None:
        """A markdown field (summary, notes), its escaped lines and its line breaks restored."""
        return fmt.without_hard_breaks(
            fmt.block_text(
                "\n".join(fmt.unescape_block_line(line) for line in self.lines[start:end])
            )
        )

    def _session(self, start: int, end: int) -> SessionRecord:
        heading, time_text = fmt.split_heading_time(self.lines[start].rstrip())
        starts_at = self._time(time_text, start) if time_text is not None else None
        if not heading.endswith(">"):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "a session heading must end with '>': '## \\<Title - Speaker>'."
                ),
                start,
            )
        title, speaker, affiliation = fmt.parse_session_heading(
            heading[len(fmt.SESSION_HEADING_PREFIX) : -1]
        )
        if not title.strip():
            self.fail(QT_TRANSLATE_NOOP("RecapError", "a session heading needs a title."), start)
        position = self._skip_blank(start + 1, end)
        impression = None
        if position < end and (match := fmt.IMPRESSION_LINE.fullmatch(self.lines[position])):
            quoted = [match[2]]
            position += 1
            while position < end and self.lines[position].startswith(">"):
                line = self.lines[position]
                quoted.append(line[2:] if line.startswith("> ") else line[1:])
                position += 1
            impression = fmt.without_hard_breaks(fmt.short_text("\n".join(quoted)))
        sections = [
            index
            for index in range(position, end)
            if fmt.QA_SECTION_LINE.fullmatch(self.lines[index])
            or fmt.LINKS_SECTION_LINE.fullmatch(self.lines[index])
        ]
        notes = self._block(position, sections[0] if sections else end)
        qa: list[QARecord] = []
        links: list[LinkRecord] = []
        for section, section_end in itertools.pairwise([*sections, end]):
            items = self._items(section + 1, section_end)
            if fmt.QA_SECTION_LINE.fullmatch(self.lines[section]):
                qa.extend(self._qa(item) for item in items)
            else:
                links.extend(self._link(item) for item in items)
        return SessionRecord(
            title=fmt.one_line(title) or "",
            speaker=fmt.one_line(speaker),
            affiliation=fmt.one_line(affiliation),
            starts_at=starts_at,
            impression=impression,
            notes=notes,
            links=links,
            qa=qa,
        )

    def _items(self, start: int, end: int) -> list[_Item]:
        """The list items of a section: ``- `` lines and their indented continuations."""
        items: list[_Item] = []
        for index in range(start, end):
            line = self.lines[index]
            if line.startswith("- "):
                items.append(_Item(index, [line[2:]]))
            elif line.startswith(fmt.CONTINUATION) and items:
                items[-1].lines.append(line)
            elif _is_blank(line):
                if items:
                    items[-1].lines.append("")
            else:
                self.fail(
                    QT_TRANSLATE_NOOP("RecapError", "expected a list item ('- ...') here."), index
                )
        for item in items:
            while len(item.lines) > 1 and item.lines[-1] == "":
                item.lines.pop()
        return items

    def _qa(self, item: _Item) -> QARecord:
        first = item.lines[0]
        box = _CHECKBOX.match(first)
        if box:
            first = first[box.end() :]
        kind: QAKind
        if first.startswith(fmt.QA_AUDIENCE_PREFIX):
            kind = "audience"
            first = first[len(fmt.QA_AUDIENCE_PREFIX) :]
            resolved = box is None or box[1] != " "
        elif box:
            kind = "own"
            resolved = box[1] != " "
        else:
            self.fail(
                QT_TRANSLATE_NOOP("RecapError", "a Q&A item starts with '(Q&A)', '[ ]' or '[x]'."),
                item.line,
            )
        rest = [_continued(line) for line in item.lines[1:]]
        question_lines: list[str] = []
        answer_lines: list[str] = []
        if first.startswith(fmt.ANSWER_ARROW):
            answer_lines = [first[len(fmt.ANSWER_ARROW) :], *rest]
        else:
            question_lines = [fmt.unescape_question_line(first)]
            for offset, line in enumerate(rest):
                if line.startswith(fmt.ANSWER_ARROW):
                    answer_lines = [line[len(fmt.ANSWER_ARROW) :], *rest[offset + 1 :]]
                    break
                question_lines.append(fmt.unescape_question_line(line))
        question = fmt.without_hard_breaks(
            fmt.short_text("\n".join(question_lines)) if question_lines else None
        )
        answer = fmt.without_hard_breaks(
            fmt.short_text("\n".join(answer_lines)) if answer_lines else None
        )
        if question is None and answer is None:
            self.fail(
                QT_TRANSLATE_NOOP("RecapError", "a Q&A item needs a question or an answer."),
                item.line,
            )
        return QARecord(kind=kind, question=question, answer=answer, resolved=resolved)

    def _link(self, item: _Item) -> LinkRecord:
        if len(item.lines) > 1:
            self.fail(
                QT_TRANSLATE_NOOP("RecapError", "a link item must fit on one line."), item.line
            )
        parsed = fmt.parse_link_item(item.lines[0])
        if parsed is None or not fmt.one_line(parsed[0]):
            self.fail(
                QT_TRANSLATE_NOOP(
                    "RecapError", "expected a link: '[label](address)' or '<address>'."
                ),
                item.line,
            )
        url, label = parsed
        return LinkRecord(url=fmt.one_line(url) or "", label=fmt.one_line(label))

    def _footer(self, position: int) -> dict[str, str | list[str] | None]:
        footer: dict[str, str | list[str] | None] = {}
        position = self._skip_blank(position)
        while position < len(self.lines):
            match = fmt.FOOTER_LINE.fullmatch(self.lines[position])
            if not match:
                break  # the list of related posts, or anything else, is not part of the event
            name = fmt.FOOTER_LABELS[match[1]]
            if name == "tags":
                footer["tags"] = fmt.parse_tags_text(match[2])
            else:
                footer["category"] = fmt.unescape_text(match[2])
            position += 1
        return footer

    def _check(self, event: EventRecord) -> None:
        """The library's own rules, so that a bad post is refused here, by name."""
        try:
            clean_event(event)
        except InvalidInput as error:
            self.fail(error)
        for number, talk in enumerate(event.sessions, start=1):
            try:
                clean_session(talk)
                for link in talk.links:
                    clean_link(link)
                for entry in talk.qa:
                    clean_qa(entry)
            except InvalidInput as error:
                self.fail(
                    QT_TRANSLATE_NOOP("RecapError", "session {number} ('{title}'): {problem}"),
                    number=number,
                    title=talk.title,
                    problem=error.sentence,
                )

    # -- helpers --------------------------------------------------------------------

    def _skip_blank(self, position: int, end: int | None = None) -> int:
        end = len(self.lines) if end is None else end
        while position < end and _is_blank(self.lines[position]):
            position += 1
        return position

    @staticmethod
    def _heading_text(text: str) -> str | None:
        return fmt.one_line(fmt.unescape_text(_CLOSING_HASHES.sub("", text)))


def _is_blank(line: str) -> bool:
    """Blank as markdown sees it: nothing but spaces and tabs."""
    return not line.strip(" \t")


def _continued(line: str) -> str:
    return line[len(fmt.CONTINUATION) :] if line.startswith(fmt.CONTINUATION) else line


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n")[0]


def parse_markdown_post(text: str, source: str = "the post") -> EventRecord:
    """One post's text as an event; InvalidInput (naming ``source``) when it is not one."""
    try:
        return _Parser(text, source).event()
    except RecursionError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "{source}: the post is nested too deeply to read."),
            source=source,
        ) from None


def read_markdown_post(data: bytes, source: str) -> EventRecord:
    """A post file's bytes (UTF-8, with or without a byte order mark) as an event."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "{source}: the file is not UTF-8 text (byte {byte} cannot be read)."
            ),
            source=source,
            byte=error.start,
        ) from None
    return parse_markdown_post(text, source)


def read_markdown_file(path: Path) -> EventRecord:
    """A post file as an event; InvalidInput naming the file when it cannot be read or used."""
    if path.suffix.lower() in (".html", ".htm"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{path}: HTML posts cannot be imported; export the event as markdown and "
                "import that (or load a recap-json file).",
            ),
            path=path,
        )
    return read_markdown_post(read_user_file(path), str(path))
