"""What the commands share: argument parsing that reports in one line, the library
opened for reading or for writing, filters, JSON output and counts in words."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from recap.config import library_location
from recap.domain.dates import parse_date
from recap.domain.publications import clean_platform
from recap.domain.records import ANY_PLATFORM, EventFilter, EventSummary, Snippet
from recap.errors import InvalidInput

if TYPE_CHECKING:  # imported lazily at run time: SQLAlchemy is slow to import
    from collections.abc import Iterable

    from recap.domain.records import EventRecord
    from recap.storage.library import Library, LoadResult
    from recap.storage.location import Location

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BUG = 1

Runner = Callable[[argparse.Namespace, TextIO, TextIO], int]


class UsageError(InvalidInput):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


# Makes a subcommand's parser (with --db) from its name and help text.
CommandFactory = Callable[[str, str], ArgumentParser]


def add_db_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="the library file, or a PostgreSQL database's URL (postgresql+psycopg://user@host/db) "
        "(default: $RECAP_DB, or library.db in the user data folder)",
    )


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="only events with this tag"
    )
    parser.add_argument(
        "--any", action="store_true", help="events with any of the tags (default: all of them)"
    )
    parser.add_argument("--from", dest="date_from", metavar="D", help="from this day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="D", help="up to this day (YYYY-MM-DD)")
    parser.add_argument(
        "--unpublished",
        nargs="?",
        const=ANY_PLATFORM,
        metavar="PLATFORM",
        help="only recaps not published yet (anywhere, or on this platform)",
    )


def event_filter_from(args: argparse.Namespace) -> EventFilter:
    date_from = parse_date(args.date_from, field="--from date") if args.date_from else None
    date_to = parse_date(args.date_to, field="--to date") if args.date_to else None
    if date_from and date_to and date_to < date_from:
        raise UsageError(f"--to {date_to} is before --from {date_from}: no day is in between.")
    unpublished = getattr(args, "unpublished", None)
    if unpublished is not None and unpublished != ANY_PLATFORM:
        unpublished = clean_platform(unpublished)
    return EventFilter(
        tags=tuple(args.tag),
        match_any_tag=args.any,
        date_from=date_from,
        date_to=date_to,
        unpublished_on=unpublished,
    )


def summary_json(summary: EventSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "title": summary.title,
        "start_date": summary.start_date.isoformat(),
        "end_date": summary.end_date.isoformat() if summary.end_date else None,
        "tags": list(summary.tags),
        "published": list(summary.published),
    }


def print_json(value: object, out: TextIO) -> None:
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def count_of_events(count: int) -> str:
    return f"{count} event" if count == 1 else f"{count} events"


def load_summary(result: LoadResult, source: str) -> str:
    """What a load or an import added, for the user."""
    if result.added == 0:
        already = count_of_events(result.skipped)
        return f"Nothing added from {source}: {already} already in the library."
    skipped = f"; {result.skipped} already in the library, skipped" if result.skipped else ""
    return f"Added {count_of_events(result.added)} from {source}{skipped}."


def write_text_atomically(path: Path, text: str) -> None:
    from recap.files import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror}.") from None


def existing_library(args: argparse.Namespace) -> Location:
    """The library the command names; a mistyped file is refused, not made empty (a
    server's database that is missing is named when it is opened)."""
    location = library_location(args.db)
    if isinstance(location, Path) and not location.exists():
        raise InvalidInput(
            f"There is no library at {location}: `recap load FILE.json` or `recap import FILE` "
            "makes one there (so does the app's File › New Library…)."
        )
    return location


# Libraries a command opened for reading: closed when it ends (cli.run), so that a
# server's connections are given back rather than left to the garbage collector.
_OPENED: list[Library] = []


def open_cli_library(args: argparse.Namespace) -> Library:
    """The library for a command that only reads it."""
    from recap.storage.library import open_library

    library = open_library(existing_library(args))
    _OPENED.append(library)
    return library


def close_cli_libraries() -> None:
    while _OPENED:
        _OPENED.pop().close()


@contextmanager
def cli_library_for_writing(
    args: argparse.Namespace, err: TextIO, *, create: bool = False
) -> Iterator[Library]:
    """The library, opened for editing as the app opens it: locked (a command never
    writes under an open window's feet), with today's backup (a backup that fails is
    a warning on ``err``, not a reason to stop)."""
    from recap.storage.lock import LibraryLocked
    from recap.storage.opening import open_for_editing

    location = library_location(args.db) if create else existing_library(args)
    try:
        opened = open_for_editing(location)
    except LibraryLocked as locked:
        holder = " (process {pid} on {host})".format(**locked.details) if locked.details else ""
        raise LibraryLocked(
            f"{location} is open in the Recap app{holder}; "
            "close it there and run the command again."
        ) from None
    for warning in opened.warnings:
        err.write(f"recap: warning: {warning}\n")
    try:
        yield opened.library
    finally:
        opened.close()


def snippet_text(snippet: Snippet, mark: tuple[str, str] = ("[", "]")) -> str:
    return "".join(f"{mark[0]}{text}{mark[1]}" if hit else text for text, hit in snippet)


def check_selection(args: argparse.Namespace) -> None:
    """Exactly one way of naming events: IDs, --tag or --all."""
    ways = sum((bool(args.ids), bool(args.tag), args.all))
    if ways == 0:
        raise InvalidInput("Name the events to export: their IDs, --tag T or --all.")
    if ways > 1:
        raise InvalidInput("Choose the events one way: IDs, --tag or --all, not several.")
    if args.any and not args.tag:
        raise InvalidInput("--any goes with --tag.")


def selected_events(
    args: argparse.Namespace, library: Library
) -> tuple[int, Iterable[EventRecord]]:
    """How many events were named, and the events (oldest first for --tag and --all).

    Events named by id are all read before anything is written, so that a wrong
    id stops the export before its first file.
    """
    from recap.domain.records import EventFilter

    if args.ids:
        named = [library.event(event_id) for event_id in dict.fromkeys(args.ids)]
        return len(named), named
    event_filter = EventFilter(tags=tuple(args.tag), match_any_tag=args.any)
    return len(library.event_summaries(event_filter)), library.events(event_filter)
