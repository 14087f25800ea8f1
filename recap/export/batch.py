"""Many events into one folder, one post file each, with progress and cancel.

Files are named ``YYYY-MM-DD-slug.md`` (or ``.html``) from the event's start date
and title (see `recap.export.file_names`); each is written whole or not at all
(temporary file, then rename), and a file of the same name from an earlier
export is replaced. Nothing is ever written outside the chosen folder.
"""

from __future__ import annotations

import errno
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from pathlib import Path

from recap.domain.records import EventRecord
from recap.errors import QT_TRANSLATE_NOOP, RecapError, Sentence
from recap.export.file_names import FileNamer, path_inside, slug_stem, slugify
from recap.export.pictures import BUNDLE_POST, PostPictures, base_folder
from recap.export.posts import ExportOptions, PostRenderer
from recap.export.views import RelatedPost, related_post
from recap.files import write_atomically
from recap.postformat import one_line

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]


class ExportError(RecapError):
    """The posts cannot be written (folder not creatable, disk full, no permission)."""


@dataclass
class BatchResult:
    folder: Path
    total: int
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False
    # Pictures and files written beside the posts.
    files: list[Path] = field(default_factory=list)
    # What a reader of the posts would miss (a picture referred to but not attached).
    problems: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class _Planned:
    event: EventRecord
    file_name: str
    slug: str


def export_posts(
    events: Iterable[EventRecord],
    folder: Path,
    options: ExportOptions,
    *,
    total: int | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> BatchResult:
    """Write each event as a post file into ``folder`` (made if missing).

    ``progress(done, total)`` is called before the first post and after each one;
    ``should_cancel()`` is asked before each post, and a True stops the export
    there (the posts already written stay, each complete). ``events`` is read
    once, lazily, unless ``options.related`` needs every title first or its
    length is neither known nor given as ``total``.
    """
    if options.related or (total is None and not isinstance(events, Sized)):
        events = list(events)
    if total is None:
        assert isinstance(events, Sized)
        total = len(events)
    target = _prepared_folder(folder)
    renderer = PostRenderer(options)
    result = BatchResult(folder=target, total=total)
    namer = FileNamer(options.extension)
    planned: Iterator[_Planned] = (_plan(event, namer) for event in events)
    related: dict[int, list[RelatedPost]] = {}
    if options.related:
        planned_list = list(planned)
        related = _related_posts(planned_list, options)
        planned = iter(planned_list)
    if progress:
        progress(0, total)
    for index, post in enumerate(planned):
        if should_cancel and should_cancel():
            result.cancelled = True
            break
        pictures = renderer.plan(post.event, post.file_name.removesuffix(options.extension))
        text = renderer.render(
            post.event, related.get(index, ()), slug=post.slug, pictures=pictures
        )
        result.problems.extend(pictures.problems)
        result.files.extend(write_pictures(pictures, target))
        path = post_path(target, pictures)
        _write(path, text)
        result.written.append(path)
        if progress:
            progress(index + 1, total)
    return result


def export_post(event: EventRecord, path: Path, options: ExportOptions) -> BatchResult:
    """One post saved where the user chose (``path``), its pictures and files beside it in
    the target's layout, named after the chosen file (in a folder that exists)."""
    folder = path.parent.resolve()
    if not folder.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot write {path}: {reason}."),
            path=path,
            reason=os.strerror(errno.ENOENT),
        )
    renderer = PostRenderer(options)
    pictures = renderer.plan(event, path.name.removesuffix(options.extension) or path.stem)
    text = renderer.render(event, slug=slugify(event.title), pictures=pictures)
    result = BatchResult(folder=folder, total=1, problems=list(pictures.problems))
    result.files.extend(write_pictures(pictures, folder))
    target = post_path(folder, pictures) if pictures.files else folder / path.name
    _write(target, text)
    result.written.append(target)
    return result


def _plan(event: EventRecord, namer: FileNamer) -> _Planned:
    slug = slugify(event.title)
    return _Planned(event, namer.claim(slug_stem(event.start_date, slug)), slug)


def _related_posts(planned: list[_Planned], options: ExportOptions) -> dict[int, list[RelatedPost]]:
    """For each post, the other posts of its category, newest first."""
    by_category: dict[str, list[tuple[int, RelatedPost]]] = defaultdict(list)
    for index, post in enumerate(planned):
        category = one_line(post.event.category)
        if category:
            entry = related_post(
                options.post_title(post.event),
                post.event.start_date,
                post.event.end_date,
                post.file_name,
                options.language,
                options.target.related_links,
            )
            by_category[category].append((index, entry))
    related: dict[int, list[RelatedPost]] = {}
    limit = options.related_limit
    for members in by_category.values():
        newest = sorted(
            members, key=lambda member: (member[1].start_date, member[1].title), reverse=True
        )
        # A post is left out of its own list, so one more than the limit is enough to look at.
        candidates = newest if limit is None else newest[: limit + 1]
        for index, _ in members:
            others = [entry for other, entry in candidates if other != index]
            related[index] = others if limit is None else others[:limit]
    return related


def _prepared_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        resolved = folder.resolve()
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot create the folder {folder}: {reason}."),
            folder=folder,
            reason=error.strerror,
        ) from None
    if not resolved.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "{folder} is not a folder."), folder=folder
        )
    return resolved


def post_path(folder: Path, pictures: PostPictures) -> Path:
    """Where the post goes: its file, or a Hugo page bundle's index. A post written as a
    bundle replaces the single file an earlier export wrote for it (the site would show
    the post twice), and one without pictures goes on into the bundle made before."""
    flat = path_inside(folder, pictures.stem + pictures.extension)
    if pictures.layout != "bundle":
        return flat
    bundle = path_inside(folder, pictures.stem)
    index = BUNDLE_POST + pictures.extension
    if len(pictures.post_parts) == 1 and not (bundle / index).is_file():
        return flat
    _make_folder(bundle, folder)
    if flat.is_file() and not flat.is_symlink():
        _remove(flat)
    return path_inside(bundle, index)


def write_pictures(pictures: PostPictures, folder: Path) -> list[Path]:
    """Write the post's files where its layout puts them, each inside its folder (no
    name or symbolic link leads out of it); a file already there with the same bytes is
    left alone."""
    base = base_folder(folder, pictures.layout).resolve()
    written = []
    for placed in pictures.files:
        parent = base
        for part in placed.parts[:-1]:
            parent = path_inside(parent, part)
            _make_folder(parent, base)
        path = path_inside(parent, placed.parts[-1])
        data = placed.attachment.data
        if not _holds(path, data):
            _write(path, data)
        written.append(path)
    return written


def _holds(path: Path, data: bytes) -> bool:
    try:
        return (
            path.is_file()
            and not path.is_symlink()
            and path.stat().st_size == len(data)
            and path.read_bytes() == data
        )
    except OSError:
        return False


def _make_folder(path: Path, base: Path) -> None:
    try:
        path.mkdir(exist_ok=True)
        inside = path.resolve().is_relative_to(base)
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot create the folder {folder}: {reason}."),
            folder=path,
            reason=error.strerror,
        ) from None
    if not inside or not path.is_dir():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "RecapError", "{folder} leads outside {base}; nothing was written there."
            ),
            folder=path,
            base=base,
        )


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot replace {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None


def _write(path: Path, content: str | bytes) -> None:
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        write_atomically(path, data)
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot write {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None
