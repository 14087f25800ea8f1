"""What a post template sees: an event's fields, normalised, with ready-made pieces.

Values are normalised as the markdown format carries them (see
`recap.export.post_format.normalise_event`), markdown values with hard breaks where
the chosen line-break mode shows a break; the ``*_html`` properties render markdown
fields to sanitised HTML (with the same mode) only when a template asks for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from html import escape
from typing import Final
from urllib.parse import urlsplit

from markupsafe import Markup

from recap.domain.dates import format_date, format_date_range
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord
from recap.export import post_format
from recap.export.markdown_html import DEFAULT_LINE_BREAKS, LineBreaks, render_markdown

WEB_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_HEADING_TAG: Final = re.compile(r"<(/?)h([1-6])>")
_SINGLE_PARAGRAPH: Final = re.compile(r"\A<p>((?:(?!</?p>).)*)</p>\Z", re.DOTALL)
# Anything Markdown could read as syntax (or as raw HTML) in a one-line text.
_MARKDOWN_SYNTAX: Final = re.compile(r"[\\`*_\[\]<>&!#~|=:\x00-\x1f\x7f]|^\s|^[-+0-9]|\s$")
_HANGUL: Final = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


def web_href(url: str | None) -> str | None:
    """The address for an ``href`` when it is a web or mail address, else None."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in WEB_SCHEMES else None


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


@dataclass(frozen=True)
class LinkView:
    url: str
    label: str | None

    @property
    def text(self) -> str:
        return self.label or self.url

    @property
    def href(self) -> str | None:
        return web_href(self.url)


@dataclass(frozen=True)
class QAView:
    kind: str
    question: str | None
    answer: str | None
    resolved: bool
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


@dataclass(frozen=True)
class SessionView:
    title: str
    speaker: str | None
    affiliation: str | None
    impression: str | None
    notes: str | None
    links: list[LinkView]
    qa: list[QAView]
    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def heading(self) -> str:
        """``<Title - Speaker (Affiliation)>`` as plain text."""
        inner = self.title
        if self.speaker or self.affiliation:
            inner += " - "
        if self.speaker:
            inner += self.speaker
        if self.affiliation:
            inner += (" " if self.speaker else "") + f"({self.affiliation})"
        return f"<{inner}>"

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


@dataclass(frozen=True)
class EventView:
    id: int | None
    title: str
    start_date: dt.date
    end_date: dt.date | None
    date_text: str
    venue: str | None
    host: str | None
    url: str | None
    found_via: str | None
    category: str | None
    tags: list[str]
    summary: str | None
    sessions: list[SessionView]
    slug: str
    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def url_href(self) -> str | None:
        return web_href(self.url)

    @functools.cached_property
    def summary_html(self) -> Markup:
        return block_html(self.summary, demote_headings=1, line_breaks=self.line_breaks)

    @functools.cached_property
    def has_korean(self) -> bool:
        texts = [self.title, self.summary or ""]
        for talk in self.sessions:
            texts += [talk.title, talk.notes or "", talk.impression or ""]
        return any(_HANGUL.search(text) for text in texts)


def link_view(link: LinkRecord) -> LinkView:
    return LinkView(
        url=post_format.one_line(link.url) or "", label=post_format.one_line(link.label)
    )


def _markdown_value(text: str | None, line_breaks: LineBreaks) -> str | None:
    """A markdown value as a post carries it: its line breaks written as hard breaks
    where ``line_breaks`` shows a break (see `post_format.with_hard_breaks`)."""
    return post_format.with_hard_breaks(text, line_breaks)


def qa_view(entry: QARecord, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> QAView:
    return QAView(
        kind=entry.kind,
        question=_markdown_value(post_format.short_text(entry.question), line_breaks),
        answer=_markdown_value(post_format.short_text(entry.answer), line_breaks),
        resolved=entry.resolved,
        line_breaks=line_breaks,
    )


def session_view(talk: SessionRecord, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS) -> SessionView:
    entries = [qa_view(entry, line_breaks) for entry in talk.qa]
    return SessionView(
        title=post_format.one_line(talk.title) or "",
        speaker=post_format.one_line(talk.speaker),
        affiliation=post_format.one_line(talk.affiliation),
        impression=_markdown_value(post_format.short_text(talk.impression), line_breaks),
        notes=_markdown_value(post_format.block_text(talk.notes), line_breaks),
        links=[link_view(link) for link in talk.links if post_format.one_line(link.url)],
        qa=[entry for entry in entries if entry.question or entry.answer],
        line_breaks=line_breaks,
    )


def event_view(
    event: EventRecord, language: str, slug: str, line_breaks: LineBreaks = DEFAULT_LINE_BREAKS
) -> EventView:
    end = event.end_date if event.end_date != event.start_date else None
    return EventView(
        id=event.id,
        title=post_format.one_line(event.title) or "",
        start_date=event.start_date,
        end_date=end,
        date_text=format_date_range(event.start_date, end, language),
        venue=post_format.one_line(event.venue),
        host=post_format.one_line(event.host),
        url=post_format.one_line(event.url),
        found_via=post_format.one_line(event.found_via),
        category=post_format.one_line(event.category),
        tags=post_format.clean_tags(event.tags),
        summary=_markdown_value(post_format.block_text(event.summary), line_breaks),
        sessions=[session_view(talk, line_breaks) for talk in event.sessions],
        slug=slug,
        line_breaks=line_breaks,
    )


def related_post(
    title: str, start: dt.date, end: dt.date | None, file_name: str, language: str
) -> RelatedPost:
    return RelatedPost(
        title=post_format.one_line(title) or "",
        start_date=start,
        end_date=end,
        file_name=file_name,
        date_text=format_date(start, language),
    )
