"""Where an exported post's pictures and files go, and how the post links them.

Each export target declares its layout (`recap.export.targets`):

- ``folder`` (plain markdown): ``YYYY-MM-DD-slug.md`` and the files in a folder
  ``YYYY-MM-DD-slug/`` beside it, linked relatively (``2024-04-13-pycon/a.png``);
- ``bundle`` (Hugo): a page bundle, ``YYYY-MM-DD-slug/index.md`` with the files
  beside it, linked by name;
- ``site`` (Jekyll, ``--out`` at a site's ``_posts``): ``_posts/YYYY-MM-DD-slug.md`` and
  the site's ``assets/images/YYYY-MM-DD-slug/NAME``, linked site-absolute;
- ``embedded`` (the HTML fragment for pasting): pictures as ``data:`` URIs inside
  the post, nothing written beside it.

A post refers to an attachment by its bare name; the references are rewritten
for the layout before the post is rendered. A reference to a name the event does
not hold is reported, and left as it is. A file is only ever written inside the
folder it belongs in, under a name every file system accepts.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from recap.domain.attachments import is_picture, name_key
from recap.domain.fields import fields_of
from recap.domain.records import AttachmentRecord, EventRecord, SessionRecord
from recap.domain.references import Reference, encoded_name, rewrite
from recap.errors import QT_TRANSLATE_NOOP, Sentence
from recap.export.file_names import WINDOWS_FORBIDDEN, WINDOWS_RESERVED, truncate_utf8
from recap.export.targets import PictureLayout

JEKYLL_POSTS: Final = "_posts"
JEKYLL_ASSETS: Final = ("assets", "images")
BUNDLE_POST: Final = "index"
# Replaced by data: URIs once the post is sanitised (nh3 lets no data: URI through); the
# token is drawn for each post, so no note can spell a placeholder.
_PLACEHOLDER: Final = "recap-attachment-"

EVENT_MARKDOWN: Final = tuple(
    info.name for info in fields_of(EventRecord) if info.kind == "markdown"
)
SESSION_MARKDOWN: Final = tuple(
    info.name for info in fields_of(SessionRecord) if info.kind == "markdown"
)


@dataclass(frozen=True)
class PlacedFile:
    """An attachment as written: its path under the export's base folder."""

    parts: tuple[str, ...]
    attachment: AttachmentRecord


@dataclass
class PostPictures:
    """One post's pictures in one layout: the post's own path, the files and the links."""

    layout: PictureLayout
    stem: str
    extension: str
    files: list[PlacedFile] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # name key → destination
    problems: list[Sentence] = field(default_factory=list)
    embedded: list[AttachmentRecord] = field(default_factory=list)
    token: str = field(default_factory=lambda: secrets.token_hex(8))

    def placeholder(self, index: int) -> str:
        return f"{_PLACEHOLDER}{self.token}-{index}"

    @property
    def post_parts(self) -> tuple[str, ...]:
        """The post's path under the export folder."""
        if self.layout == "bundle" and self.files:
            return (self.stem, BUNDLE_POST + self.extension)
        return (self.stem + self.extension,)

    @property
    def where(self) -> str:
        """Where the files go, in words for a sentence (a path under the export folder)."""
        if not self.files:
            return ""
        return "/".join(self.files[0].parts[:-1]) + "/"


def plan_pictures(
    event: EventRecord, stem: str, layout: PictureLayout, extension: str = ".md"
) -> PostPictures:
    """Where each of the event's attachments goes in ``layout`` and how the post links it."""
    plan = PostPictures(layout, stem, extension)
    taken: set[str] = set()
    for index, attachment in enumerate(event.attachments):
        if layout == "embedded":
            plan.links[name_key(attachment.name)] = plan.placeholder(index)
            plan.embedded.append(attachment)
            continue
        file_name = unique_file_name(attachment.name, taken)
        parts: tuple[str, ...]
        if layout == "site":
            parts = (*JEKYLL_ASSETS, stem, file_name)
            link = "/" + "/".join(encoded_name(part) for part in parts)
        elif layout == "bundle":
            parts = (stem, file_name)
            link = encoded_name(file_name)
        else:
            parts = (stem, file_name)
            link = f"{encoded_name(stem)}/{encoded_name(file_name)}"
        plan.files.append(PlacedFile(parts, attachment))
        plan.links[name_key(attachment.name)] = link
    return plan


def linked_event(event: EventRecord, plan: PostPictures) -> EventRecord:
    """The event with its references made to the layout's links; a reference to a name
    it does not hold is noted in ``plan.problems`` and kept as written."""

    def relink(text: str | None, where: Sentence) -> str | None:
        if not text:
            return text

        def destination(ref: Reference) -> str | None:
            name = ref.name or ""
            link = plan.links.get(name_key(name))
            if link is None:
                plan.problems.append(missing(event.title, where, name))
            return link

        return rewrite(text, destination)

    changes: dict[str, Any] = {
        name: relink(getattr(event, name), Sentence(QT_TRANSLATE_NOOP("RecapError", "summary")))
        for name in EVENT_MARKDOWN
    }
    talks = []
    for talk in event.sessions:
        where = Sentence(
            QT_TRANSLATE_NOOP("RecapError", "notes of “{talk}”"), talk=talk.title.strip()
        )
        relinked: dict[str, Any] = {
            name: relink(getattr(talk, name), where) for name in SESSION_MARKDOWN
        }
        talks.append(dataclasses.replace(talk, **relinked))
    return dataclasses.replace(event, sessions=talks, **changes)


def missing(title: str, where: Sentence, name: str) -> Sentence:
    return Sentence(
        QT_TRANSLATE_NOOP(
            "RecapError",
            "“{event}”: the {where} link “{name}”, which is not attached; the link was kept "
            "as it is.",
        ),
        event=title.strip(),
        where=where,
        name=name,
    )


def embed(html: str, plan: PostPictures) -> str:
    """The sanitised post with each embedded picture as a ``data:`` URI (made here from the
    stored bytes, so nothing a note says can become one). A file that is not a picture
    cannot travel inside a pasted post: its link is left as its bare name, and said."""

    def replace(match: re.Match[str]) -> str:
        attachment = plan.embedded[int(match[2])]
        if is_picture(attachment.media_type):
            data = base64.b64encode(attachment.data).decode("ascii")
            return f'{match[1]}="data:{attachment.media_type};base64,{data}"'
        return f'{match[1]}="{encoded_name(attachment.name)}"'

    for attachment in plan.embedded:
        if not is_picture(attachment.media_type) and _used(html, plan, attachment):
            plan.problems.append(
                Sentence(
                    QT_TRANSLATE_NOOP(
                        "RecapError",
                        "“{name}” is not a picture, so a pasted post cannot carry it; upload "
                        "it to the blog and link it there.",
                    ),
                    name=attachment.name,
                )
            )
    embedded = re.compile(r'(src|href)="' + re.escape(plan.placeholder(0)[:-1]) + r'(\d+)"')
    return embedded.sub(replace, html)


def _used(html: str, plan: PostPictures, attachment: AttachmentRecord) -> bool:
    return f'="{plan.placeholder(plan.embedded.index(attachment))}"' in html


def unique_file_name(name: str, taken: set[str]) -> str:
    """``name`` as a file name every platform accepts, unique (whatever its case) among
    ``taken``, which it joins."""
    cleaned = "".join(
        "-" if char in WINDOWS_FORBIDDEN or unicodedata.category(char)[0] == "C" else char
        for char in unicodedata.normalize("NFC", name)
    )
    # Jekyll leaves out files starting with _ . # or ~; a leading dot also hides a file.
    cleaned = truncate_utf8(cleaned, 200).strip().lstrip("_.#~ ").rstrip(". ") or "file"
    first, dot, rest = cleaned.partition(".")
    if first.strip().upper() in WINDOWS_RESERVED:
        cleaned = f"{first}-file{dot}{rest}"
    stem, dot, ending = cleaned.rpartition(".")
    if not stem:
        stem, dot, ending = cleaned, "", ""
    candidate, number = cleaned, 1
    while candidate.casefold() in taken or candidate in (".", ".."):
        number += 1
        candidate = f"{stem}-{number}{dot}{ending}"
    taken.add(candidate.casefold())
    return candidate


def site_root(folder: Path) -> Path:
    """The Jekyll site a ``_posts`` folder belongs to (else the folder itself)."""
    return folder.parent if folder.name == JEKYLL_POSTS else folder


def base_folder(folder: Path, layout: PictureLayout) -> Path:
    """The folder the layout's file paths start from."""
    return site_root(folder) if layout == "site" else folder
