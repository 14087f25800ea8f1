"""One event as a blog post: markdown (optionally with Jekyll/Hugo front matter) or HTML."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from recap.domain.records import EventRecord
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput
from recap.export import templates
from recap.export.file_names import post_stem, slugify
from recap.export.front_matter import front_matter
from recap.export.html_style import sanitise_post
from recap.export.markdown_html import DEFAULT_LINE_BREAKS, LineBreaks
from recap.export.pictures import PostPictures, embed, linked_event, plan_pictures
from recap.export.targets import (
    ExportTarget,
    FrontMatterStyle,
    PictureLayout,
    PostFormat,
    target_for,
)
from recap.export.title_pattern import PLAIN_TITLE, apply_pattern, check_pattern
from recap.export.views import RelatedPost, event_view
from recap.postformat import labels_for

Language = Literal["ko", "en"]
# The choices, in the order a dialog offers them.
LANGUAGES: Final[tuple[Language, ...]] = ("ko", "en")
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
    # Where pictures go; None: the target's own layout (HTML saved to a file may put
    # them in a folder beside it instead of inside the post).
    pictures: PictureLayout | None = None
    # The post's title from the event's (recap.export.title_pattern; a profile sets it).
    title_pattern: str = PLAIN_TITLE
    # Whether the post starts with its title as a heading (Velog shows the title itself).
    title_heading: bool = True

    def __post_init__(self) -> None:
        target_for(self.format, self.front_matter)  # refuses html with front matter
        check_pattern(self.title_pattern)

    def post_title(self, event: EventRecord) -> str:
        """The title this post goes out under (the related-posts footer names it so too)."""
        return apply_pattern(self.title_pattern, event)

    @functools.cached_property
    def target(self) -> ExportTarget:
        return target_for(self.format, self.front_matter)

    @property
    def extension(self) -> str:
        return self.target.extension

    @property
    def picture_layout(self) -> PictureLayout:
        return self.pictures or self.target.pictures


class PostRenderer:
    """Renders posts with one loaded template; reuse it for many events."""

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        template = options.target.template
        if template is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("RecapError", "{target} is not written as blog posts."),
                target=options.target.name,
            )
        self.template = templates.load_template(template)
        self.labels = labels_for(options.language)

    def plan(self, event: EventRecord, stem: str | None = None) -> PostPictures:
        """Where the event's pictures go with these options (``stem``: the post's file
        name without its extension)."""
        stem = stem or post_stem(event.start_date, event.title)
        return plan_pictures(event, stem, self.options.picture_layout, self.options.extension)

    def render(
        self,
        event: EventRecord,
        related: Sequence[RelatedPost] = (),
        slug: str | None = None,
        pictures: PostPictures | None = None,
    ) -> str:
        """The post; its references to the event's attachments linked as ``pictures``
        places them (by default as these options would), problems noted there."""
        pictures = pictures or self.plan(event)
        event = linked_event(event, pictures)
        view = event_view(
            event, self.options.language, slug or slugify(event.title), self.options.line_breaks
        )
        view.title = apply_pattern(self.options.title_pattern, view)
        is_markdown = self.options.format == "md"
        context = {
            "event": view,
            "labels": self.labels,
            "lang": self.options.language,
            "format": self.options.format,
            "front_matter": front_matter(view, self.options.front_matter) if is_markdown else "",
            "related": list(related),
            "related_title": self.labels.related_title(view.category or ""),
            "title_heading": self.options.title_heading,
        }
        text = templates.render(self.template, context)
        if is_markdown:
            return text.rstrip("\n") + "\n"
        html = sanitise_post(text).strip()
        if pictures.layout == "embedded":
            html = embed(html, pictures)
        return HTML_CHARSET_LINE + html + "\n"


def render_post(
    event: EventRecord, options: ExportOptions | None = None, related: Sequence[RelatedPost] = ()
) -> str:
    """The event as one post (for a preview, the clipboard or stdout)."""
    return render_post_and_pictures(event, options, related)[0]


def render_post_and_pictures(
    event: EventRecord, options: ExportOptions | None = None, related: Sequence[RelatedPost] = ()
) -> tuple[str, PostPictures]:
    """The post and where its pictures would go (with the problems met on the way)."""
    renderer = PostRenderer(options or ExportOptions())
    pictures = renderer.plan(event)
    return renderer.render(event, related, pictures=pictures), pictures
