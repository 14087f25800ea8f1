"""One event as a blog post: markdown (optionally with Jekyll/Hugo front matter) or HTML."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from recap.domain.records import EventRecord
from recap.export import templates
from recap.export.file_names import slugify
from recap.export.front_matter import FrontMatterStyle, front_matter
from recap.export.html_style import sanitise_post
from recap.export.markdown_html import DEFAULT_LINE_BREAKS, LineBreaks
from recap.export.post_format import labels_for
from recap.export.views import RelatedPost, event_view

PostFormat = Literal["md", "html"]
Language = Literal["ko", "en"]
# The choices, in the order a dialog offers them.
FORMATS: Final[tuple[PostFormat, ...]] = ("md", "html")
LANGUAGES: Final[tuple[Language, ...]] = ("ko", "en")
EXTENSIONS: Final[dict[PostFormat, str]] = {"md": ".md", "html": ".html"}
# Put first, so a browser opening the file reads it as UTF-8; a blog editor ignores it.
HTML_CHARSET_LINE: Final = '<meta charset="utf-8">\n'


@dataclass(frozen=True)
class ExportOptions:
    format: PostFormat = "md"
    front_matter: FrontMatterStyle = "none"
    language: Language = "ko"
    related: bool = False
    # How many other posts of the category the footer lists (newest first); None: all.
    related_limit: int | None = 10
    # "typed": every line of a note shows as a line (markdown posts get hard breaks);
    # "soft": CommonMark's rule, a single newline is a space.
    line_breaks: LineBreaks = DEFAULT_LINE_BREAKS

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


class PostRenderer:
    """Renders posts with one loaded template; reuse it for many events."""

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        name = templates.HTML_TEMPLATE if options.format == "html" else templates.MARKDOWN_TEMPLATE
        self.template = templates.load_template(name)
        self.labels = labels_for(options.language)

    def render(
        self, event: EventRecord, related: Sequence[RelatedPost] = (), slug: str | None = None
    ) -> str:
        view = event_view(
            event, self.options.language, slug or slugify(event.title), self.options.line_breaks
        )
        is_markdown = self.options.format == "md"
        context = {
            "event": view,
            "labels": self.labels,
            "lang": self.options.language,
            "format": self.options.format,
            "front_matter": front_matter(view, self.options.front_matter) if is_markdown else "",
            "related": list(related),
            "related_title": self.labels.related_title(view.category or ""),
        }
        text = templates.render(self.template, context)
        if is_markdown:
            return text.rstrip("\n") + "\n"
        return HTML_CHARSET_LINE + sanitise_post(text).strip() + "\n"


def render_post(
    event: EventRecord, options: ExportOptions | None = None, related: Sequence[RelatedPost] = ()
) -> str:
    """The event as one post (for a preview, the clipboard or stdout)."""
    return PostRenderer(options or ExportOptions()).render(event, related)
