"""Recap's own markdown posts read back into events (the reverse of recap.export).

Reads posts made by the default template, Korean or English labels, with Jekyll
or Hugo front matter or none. Values come back normalised as the post carries
them (`recap.postformat.normalise_event`). Anything that is not such a
post raises InvalidInput naming the file (and the line, where there is one);
no input makes it raise anything else.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from recap import postformat as fmt
from recap.domain.fields import header_fields
from recap.domain.records import EventRecord, LinkRecord, QAKind, QARecord, SessionRecord
from recap.domain.validate import clean_event, clean_link, clean_qa, clean_session
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, Sentence
from recap.files import read_user_file
from recap.interchange.post_pictures import with_pictures_beside
from recap.interchange.post_reader import PostReader, continued_line, is_blank

_CHECKBOX: Final = re.compile(r"\[([ xX])\] ")


@dataclass
class _Item:
    line: int  # 1-based number of the item's first line
    lines: list[str]  # the first line without "- ", then continuation lines as written


class _Parser(PostReader):
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
            elif is_blank(line):
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
        rest = [continued_line(line) for line in item.lines[1:]]
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


def read_markdown_file(path: Path, warnings: list[Sentence] | None = None) -> EventRecord:
    """A post file as an event, with the pictures and files exported beside it; InvalidInput
    naming the file when it cannot be read or used (a file beside it that cannot be kept is
    left out, said in ``warnings``)."""
    if path.suffix.lower() in (".html", ".htm"):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "{path}: HTML posts cannot be imported; export the event as markdown and "
                "import that (or load a recap-json file).",
            ),
            path=path,
        )
    event = read_markdown_post(read_user_file(path), str(path))
    return with_pictures_beside(event, path, warnings)
