"""Where a post is going, declared once: every export target Recap writes.

The CLI's ``--format`` and ``--front-matter`` choices, the export dialog's list,
Preferences and the batch exporter are all built from ``TARGETS``. Adding a
target is one entry here and, for a post, one template in resources/templates
(docs/architecture.md has the checklist).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

PostFormat = Literal["md", "html"]
ExportFormat = Literal["md", "html", "ics"]
FrontMatterStyle = Literal["none", "jekyll", "hugo"]
# How the footer links the other exported posts of a category:
# "file": the file beside this one; "jekyll": Jekyll's post_url tag; "hugo": Hugo's relref.
RelatedLinks = Literal["file", "jekyll", "hugo"]
# Where a post's pictures and files go (recap/export/pictures.py): "folder" beside the post,
# a Hugo page "bundle", a Jekyll "site"'s assets, or "embedded" in the post as data URIs.
PictureLayout = Literal["folder", "bundle", "site", "embedded"]

MARKDOWN_TEMPLATE: Final = "post.md.j2"
HTML_TEMPLATE: Final = "post.html.j2"


@dataclass(frozen=True)
class ExportTarget:
    name: str
    # Shown in the export dialog and Preferences (context "ExportTarget" in the translation).
    label: str
    format: ExportFormat  # the CLI's --format word
    front_matter: FrontMatterStyle  # the CLI's --front-matter word
    # The post template; None for a target written by code as one file for all events.
    template: str | None
    extension: str
    related_links: RelatedLinks = "file"
    pictures: PictureLayout = "folder"

    @property
    def has_front_matter(self) -> bool:
        return self.front_matter != "none"

    @property
    def is_post(self) -> bool:
        """One blog post per event (else one file holds every event: a calendar)."""
        return self.template is not None


# In the order the export dialog offers them.
TARGETS: Final[tuple[ExportTarget, ...]] = (
    ExportTarget(
        "markdown",
        QT_TRANSLATE_NOOP("ExportTarget", "Markdown (Velog, GitHub)"),
        "md",
        "none",
        MARKDOWN_TEMPLATE,
        ".md",
    ),
    ExportTarget(
        "jekyll",
        QT_TRANSLATE_NOOP("ExportTarget", "Markdown for Jekyll (front matter)"),
        "md",
        "jekyll",
        MARKDOWN_TEMPLATE,
        ".md",
        related_links="jekyll",
        pictures="site",
    ),
    ExportTarget(
        "hugo",
        QT_TRANSLATE_NOOP("ExportTarget", "Markdown for Hugo (front matter)"),
        "md",
        "hugo",
        MARKDOWN_TEMPLATE,
        ".md",
        related_links="hugo",
        pictures="bundle",
    ),
    ExportTarget(
        "html",
        QT_TRANSLATE_NOOP("ExportTarget", "HTML (Tistory, WordPress)"),
        "html",
        "none",
        HTML_TEMPLATE,
        ".html",
        pictures="embedded",
    ),
    ExportTarget(
        "ics",
        QT_TRANSLATE_NOOP("ExportTarget", "Calendar file (.ics): the events, no notes"),
        "ics",
        "none",
        None,
        ".ics",
    ),
)

FORMATS: Final[tuple[ExportFormat, ...]] = tuple(dict.fromkeys(target.format for target in TARGETS))
POST_TARGETS: Final = tuple(target for target in TARGETS if target.is_post)
FRONT_MATTER_STYLES: Final[tuple[FrontMatterStyle, ...]] = tuple(
    dict.fromkeys(target.front_matter for target in TARGETS)
)


def target_named(name: str) -> ExportTarget:
    for target in TARGETS:
        if target.name == name:
            return target
    raise InvalidInput(
        QT_TRANSLATE_NOOP("RecapError", "There is no export target {name!r}."), name=name
    )


def target_for(post_format: str, front_matter: str = "none") -> ExportTarget:
    """The target a format and a front matter style name together."""
    for target in TARGETS:
        if (target.format, target.front_matter) == (post_format, front_matter):
            return target
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "RecapError", "Front matter {front_matter!r} does not go with the {format} format."
        ),
        front_matter=front_matter,
        format=post_format,
    )
