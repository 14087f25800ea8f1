"""What a post template sees: an event's fields, normalised, with ready-made pieces.

Values are normalised as the markdown format carries them (see
`recap.export.post_format.normalise_event`); the ``*_html`` properties render
markdown fields to sanitised HTML only when a template asks for them.
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

from recap.domain.addresses import web_href
from recap.domain.dates import format_date, format_date_range
from recap.domain.fields import header_fields
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.export import post_format
from recap.export.markdown_html import render_markdown
from recap.export.targets import RelatedLinks

ViewT = TypeVar("ViewT")
_HEADING_TAG: Final = re.compile(r"<(/?)h([1-6])>")
_SINGLE_PARAGRAPH: Final = re.compile(r"\A<p>((?:(?!</?p>).)*)</p>\Z", re.DOTALL)
# Anything Markdown could read as syntax (or as raw HTML) in a one-line text.
_MARKDOWN_SYNTAX: Final = re.compile(r"[\\`*_\[\]<>&!#~|=:\x00-\x1f\x7f]|^\s|^[-+0-9]|\s$")
_HANGUL: Final = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def block_html(text: str | None, demote_headings: int = 0) -> Markup:
    """A markdown field as sanitised HTML; its headings moved down below the post's own."""
    if not text:
        return Markup("")
    html = render_markdown(text)
    if demote_headings:
        html = _HEADING_TAG.sub(
            lambda match: f"<{match[1]}h{min(6, int(match[2]) + demote_headings)}>", html
        )
    return Markup(html)


def inline_html(text: str | None) -> Markup:
    """A short markdown text as sanitised HTML, without a paragraph around one line."""
    if not text:
        return Markup("")
    if not _MARKDOWN_SYNTAX.search(text):
        return Markup(escape(text, quote=False))  # what Markdown would make of it, sooner
    html = render_markdown(text)
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
    @property
    def is_own(self) -> bool:
        return self.kind == "own"

    @property
    def is_audience(self) -> bool:
        return self.kind == "audience"

    @functools.cached_property
    def question_html(self) -> Markup:
        return inline_html(self.question)

    @functools.cached_property
    def answer_html(self) -> Markup:
        return inline_html(self.answer)


@dataclass
class SessionView(SessionRecord):
    """A talk as a post shows it; ``links`` and ``qa`` hold LinkView and QAView."""

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
        return inline_html(self.impression)

    @functools.cached_property
    def notes_html(self) -> Markup:
        return block_html(self.notes, demote_headings=2)


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
        return block_html(self.summary, demote_headings=1)

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


def session_view(talk: SessionRecord) -> SessionView:
    view = as_view(talk, SessionView)
    view.links = [as_view(link, LinkView) for link in talk.links]
    view.qa = [as_view(entry, QAView) for entry in talk.qa]
    return view


def event_view(event: EventRecord, language: str, slug: str) -> EventView:
    normalised = post_format.normalise_event(event)
    view = as_view(
        normalised,
        EventView,
        language=language,
        date_text=format_date_range(normalised.start_date, normalised.end_date, language),
        slug=slug,
    )
    view.id = event.id
    view.sessions = [session_view(talk) for talk in normalised.sessions]
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
