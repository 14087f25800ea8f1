"""What a post template sees: an event's fields, normalised, with ready-made pieces.

Values are normalised as the markdown format carries them (see
`recap.postformat.normalise_event`), markdown values with hard breaks where
the chosen line-break mode shows a break; the ``*_html`` properties render markdown
fields to sanitised HTML (with the same mode) only when a template asks for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from html import escape
from typing import Any, Final, TypeVar

from markupsafe import Markup

from recap import postformat as post_format
from recap.domain.addresses import web_href
from recap.domain.dates import format_date, format_date_range
from recap.domain.fields import header_fields
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.export.markdown_html import DEFAULT_LINE_BREAKS, LineBreaks, render_markdown
from recap.export.targets import RelatedLinks

ViewT = TypeVar("ViewT")
_HEADING_TAG: Final = re.compile(r"<(/?)h([1-6])>")
_SINGLE_PARAGRAPH: Final = re.compile(r"\A<p>((?:(?!</?p>).)*)</p>\Z", re.DOTALL)
# Anything Markdown could read as syntax (or as raw HTML) in a one-line text.
_MARKDOWN_SYNTAX: Final = re.compile(r"[\\`*_\[\]<>&!#~|=:\x00-\x1f\x7f]|^\s|^[-+0-9]|\s$")
_HANGUL: Final = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def block_html(
    text: str | None, demote_headings: int = 0, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS
) -> Markup:
    """A markdown field as sanitised HTML; its headings moved down below the post's own."""
    if not text:
        return Markup("")
    html = render_markdown(text, line_breaks)
    if demote_headings:
        html = _HEADING_TAG.sub(
            lambda match: f"<{match[1]}h{min(6, int(match[2]) + demote_headings)}>", html
        )
    return Markup(html)


def inline_html(text: str | None, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> Markup:
    """A short markdown text as sanitised HTML, without a paragraph around one line."""
    if not text:
        return Markup("")
    if not _MARKDOWN_SYNTAX.search(text):
        return Markup(escape(text, quote=False))  # what Markdown would make of it, sooner
    html = render_markdown(text, line_breaks)
    single = _SINGLE_PARAGRAPH.match(html.strip())
    return Markup(single[1] if single else html)


@dataclass(kw_only=True)
class LinkView(LinkRecord):
    @property
    def text(self) -> str:
        return self.label or self.url

    @property
    def href(self) -> str | None:
        return web_href(self.url)


@dataclass
class QAView(QARecord):
    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def is_own(self) -> bool:
        return self.kind == "own"

    @property
    def is_audience(self) -> bool:
        return self.kind == "audience"

    @functools.cached_property
    def question_html(self) -> Markup:
        return inline_html(self.question, self.line_breaks)

    @functools.cached_property
    def answer_html(self) -> Markup:
        return inline_html(self.answer, self.line_breaks)


@dataclass
class SessionView(SessionRecord):
    """A talk as a post shows it; ``links`` and ``qa`` hold LinkView and QAView."""

    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def heading(self) -> str:
        """``<Title - Speaker (Affiliation)> · 13:05`` as plain text."""
        inner = self.title
        if self.speaker or self.affiliation:
            inner += " - "
        if self.speaker:
            inner += self.speaker
        if self.affiliation:
            inner += (" " if self.speaker else "") + f"({self.affiliation})"
        return f"<{inner}>{post_format.time_suffix(self.starts_at)}"

    @functools.cached_property
    def impression_html(self) -> Markup:
        return inline_html(self.impression, self.line_breaks)

    @functools.cached_property
    def notes_html(self) -> Markup:
        return block_html(self.notes, demote_headings=2, line_breaks=self.line_breaks)


@dataclass(frozen=True)
class RelatedPost:
    """Another exported post in the same category, for the footer."""

    title: str
    start_date: dt.date
    end_date: dt.date | None
    file_name: str
    date_text: str
    # Where a markdown post links it, as its site resolves posts (see related_link).
    link: str


@dataclass(frozen=True)
class HeaderLine:
    """One line of a post's header after the date: ``- 장소: …``."""

    label: str
    value: str
    is_address: bool

    @property
    def href(self) -> str | None:
        return web_href(self.value) if self.is_address else None


@dataclass
class EventView(EventRecord):
    """An event as a post shows it (normalised as the markdown format carries it);
    ``sessions`` holds SessionView."""

    language: str = "en"
    date_text: str = ""
    slug: str = ""
    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def url_href(self) -> str | None:
        return web_href(self.url)

    @property
    def header(self) -> list[HeaderLine]:
        """The header lines after the date, for the fields that have a value."""
        lines = []
        for info in header_fields(EventRecord):
            value = getattr(self, info.name)
            if value and info.facts.header is not None:
                label = info.facts.header.label(self.language)
                lines.append(HeaderLine(label, value, info.kind == "address"))
        return lines

    @functools.cached_property
    def summary_html(self) -> Markup:
        return block_html(self.summary, demote_headings=1, line_breaks=self.line_breaks)

    @functools.cached_property
    def has_korean(self) -> bool:
        texts = [self.title, self.summary or ""]
        for talk in self.sessions:
            texts += [talk.title, talk.notes or "", talk.impression or ""]
        return any(_HANGUL.search(text) for text in texts)


def as_view(record: Any, view_type: type[ViewT], **extra: Any) -> ViewT:
    """A normalised record as its view class (the same fields, plus ``extra``)."""
    values = {field.name: getattr(record, field.name) for field in dataclasses.fields(record)}
    return view_type(**values, **extra)


def session_view(talk: SessionRecord, line_breaks: LineBreaks) -> SessionView:
    hard = post_format.with_hard_breaks
    view = as_view(talk, SessionView, line_breaks=line_breaks)
    view.impression = hard(talk.impression, line_breaks)
    view.notes = hard(talk.notes, line_breaks)
    view.links = [as_view(link, LinkView) for link in talk.links]
    view.qa = [
        as_view(
            entry,
            QAView,
            line_breaks=line_breaks,
        )
        for entry in talk.qa
    ]
    for entry in view.qa:
        entry.question = hard(entry.question, line_breaks)
        entry.answer = hard(entry.answer, line_breaks)
    return view


def event_view(
    event: EventRecord, language: str, slug: str, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS
) -> EventView:
    """The event as a post shows it: normalised as the markdown format carries it, its
    markdown values with hard breaks where ``line_breaks`` shows a break."""
    normalised = post_format.normalise_event(event)
    view = as_view(
        normalised,
        EventView,
        language=language,
        date_text=format_date_range(normalised.start_date, normalised.end_date, language),
        slug=slug,
        line_breaks=line_breaks,
    )
    view.id = event.id
    view.summary = post_format.with_hard_breaks(normalised.summary, line_breaks)
    view.sessions = [session_view(talk, line_breaks) for talk in normalised.sessions]
    return view


def related_link(file_name: str, style: RelatedLinks) -> str:
    """A markdown link destination for another exported post: Jekyll resolves its posts
    with ``post_url``, Hugo with ``relref``; elsewhere the file beside this one."""
    stem = file_name.rsplit(".", 1)[0]
    if style == "jekyll":
        return "{% post_url " + stem + " %}"
    if style == "hugo":
        return '{{< relref "' + file_name + '" >}}'
    return post_format.destination(file_name)


def related_post(
    title: str,
    start: dt.date,
    end: dt.date | None,
    file_name: str,
    language: str,
    style: RelatedLinks = "file",
) -> RelatedPost:
    return RelatedPost(
        title=post_format.one_line(title) or "",
        start_date=start,
        end_date=end,
        file_name=file_name,
        date_text=format_date(start, language),
        link=related_link(file_name, style),
    )
