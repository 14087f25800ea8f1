"""Pictures and files found beside an imported post come back as its attachments.

The layouts Recap exports (recap/export/pictures.py) are read back: a folder
``YYYY-MM-DD-slug/`` beside ``YYYY-MM-DD-slug.md``, a Hugo page bundle
(``YYYY-MM-DD-slug/index.md`` and its files), and a Jekyll site
(``_posts/YYYY-MM-DD-slug.md`` with ``assets/images/YYYY-MM-DD-slug/``). Each
reference in the post that leads to such a file is made a bare name again; every
other file of the picture folder is attached too. Nothing outside those folders is
ever read, whatever a reference says (``../../etc/passwd``, a symbolic link).
"""

from __future__ import annotations

import dataclasses
import urllib.parse
from pathlib import Path
from typing import Any, Final

from recap.domain.attachments import (
    check_size,
    clean_name,
    media_type_for,
    name_key,
    unique_name,
)
from recap.domain.fields import fields_of
from recap.domain.records import AttachmentRecord, EventRecord, SessionRecord
from recap.domain.references import Reference, encoded_name, has_scheme, rewrite
from recap.domain.text import nfc
from recap.domain.validate import clean_attachment
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, Sentence

EVENT_MARKDOWN: Final = tuple(
    info.name for info in fields_of(EventRecord) if info.kind == "markdown"
)
SESSION_MARKDOWN: Final = tuple(
    info.name for info in fields_of(SessionRecord) if info.kind == "markdown"
)
# A page bundle's own text files are not its pictures.
POST_SUFFIXES: Final = frozenset({".md", ".markdown", ".html", ".htm"})


class _Collector:
    def __init__(self, post: Path, warnings: list[Sentence]) -> None:
        self.post = post
        self.warnings = warnings
        folder = post.parent
        self.site = folder.parent if folder.name == "_posts" else folder
        self.folders = [
            found.resolve()
            for found in picture_folders(post)
            if found.is_dir() and not found.is_symlink()
        ]
        self.attachments: list[AttachmentRecord] = []
        self.by_path: dict[Path, str] = {}  # a file read → its attachment's name

    def attach(self, path: Path, caption: str | None = None) -> str | None:
        """The name ``path``'s file is attached under (read once), or None when it is not
        in a picture folder or cannot be kept (said in ``warnings``)."""
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):
            return None
        if resolved in self.by_path:
            return self.by_path[resolved]
        if resolved.parent not in self.folders or not resolved.is_file():
            return None
        if resolved.suffix.lower() in POST_SUFFIXES or resolved.name.startswith("."):
            return None
        try:
            check_size(resolved.name, resolved.stat().st_size)
            data = resolved.read_bytes()
            name = unique_name(clean_name(nfc(resolved.name)), (a.name for a in self.attachments))
            record = clean_attachment(
                AttachmentRecord(
                    name=name,
                    media_type=media_type_for(name, data),
                    data=data,
                    caption=caption or None,
                )
            )
        except InvalidInput as error:
            self.warnings.append(left_out(resolved, error.sentence))
            return None
        except OSError as error:
            self.warnings.append(left_out(resolved, Sentence(error.strerror or str(error))))
            return None
        self.attachments.append(record)
        self.by_path[resolved] = record.name
        return record.name

    def relink(self, text: str | None) -> str | None:
        """``text`` with each reference to a file beside the post made its bare name."""
        if not text:
            return text
        # every link: a post's links to its files have folders in them
        return rewrite(text, self._destination, every_link=True)

    def _destination(self, ref: Reference) -> str | None:
        target = ref.target.split("#", 1)[0].split("?", 1)[0]
        if not target or has_scheme(target):
            return None
        relative = urllib.parse.unquote(target)
        base = self.site if relative.startswith("/") else self.post.parent
        path = base.joinpath(*[part for part in relative.split("/") if part])
        name = self.attach(path, ref.text.strip() if ref.is_image else None)
        return encoded_name(name) if name is not None else None

    def the_rest(self) -> None:
        """Files of the picture folders no reference named: attached after the others."""
        for folder in self.folders:
            for path in sorted(folder.iterdir()):
                if path != self.post.resolve() and not path.is_symlink():
                    self.attach(path)


def picture_folders(post: Path) -> list[Path]:
    """Where an exported post's files may be: its bundle, its folder, its site's assets."""
    folder = post.parent
    found = [folder / post.stem]
    if post.stem == "index":
        found.append(folder)
    if folder.name == "_posts":
        found.append(folder.parent / "assets" / "images" / post.stem)
    return found


def left_out(path: Path, why: Sentence) -> Sentence:
    return Sentence(
        QT_TRANSLATE_NOOP("RecapError", "{path} was not attached: {why}"), path=path, why=why
    )


def with_pictures_beside(
    event: EventRecord, post: Path, warnings: list[Sentence] | None = None
) -> EventRecord:
    """The event read from ``post`` with the pictures and files found beside it attached
    and its references to them made bare names."""
    collector = _Collector(post, warnings if warnings is not None else [])
    if not collector.folders:
        return event
    changes: dict[str, Any] = {
        name: collector.relink(getattr(event, name)) for name in EVENT_MARKDOWN
    }
    talks = []
    for talk in event.sessions:
        relinked: dict[str, Any] = {
            name: collector.relink(getattr(talk, name)) for name in SESSION_MARKDOWN
        }
        talks.append(dataclasses.replace(talk, **relinked))
    collector.the_rest()
    known = {name_key(attachment.name) for attachment in event.attachments}
    added = [item for item in collector.attachments if name_key(item.name) not in known]
    return dataclasses.replace(
        event, sessions=talks, attachments=[*event.attachments, *added], **changes
    )
