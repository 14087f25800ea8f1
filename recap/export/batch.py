"""Many events into one folder, one post file each, with progress and cancel.

Files are named ``YYYY-MM-DD-slug.md`` (or ``.html``) from the event's start date
and title (see `recap.export.file_names`); each is written whole or not at all
(temporary file, then rename), and a file of the same name from an earlier
export is replaced. Nothing is ever written outside the chosen folder.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from pathlib import Path

from recap.domain.records import EventRecord
from recap.errors import QT_TRANSLATE_NOOP, RecapError
from recap.export.file_names import FileNamer, path_inside, slug_stem, slugify
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
        text = renderer.render(post.event, related.get(index, ()), slug=post.slug)
        path = path_inside(target, post.file_name)
        _write(path, text)
        result.written.append(path)
        if progress:
            progress(index + 1, total)
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


def _write(path: Path, text: str) -> None:
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise ExportError(
            QT_TRANSLATE_NOOP("RecapError", "Cannot write {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None
