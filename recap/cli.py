"""The command line: the same library services as the GUI, no widgets.

Bad input prints one line on stderr and exits with status 2; nothing is written.
"""

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from recap import __version__
from recap.cli_export import EXPORT_RUNNERS, add_export_commands
from recap.config import library_path
from recap.domain.dates import parse_date
from recap.domain.records import EventFilter, EventSummary, SearchHit, Snippet
from recap.errors import InvalidInput, RecapError

if TYPE_CHECKING:  # imported lazily at run time: SQLAlchemy is slow to import
    from recap.storage.library import Library, LoadResult

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_BUG = 1

COMMANDS = ("load", "dump", "list", "tags", "search", "export", "import", "backup")


class UsageError(InvalidInput):
    pass


class ArgumentParser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_db_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="the library file (default: $RECAP_DB, or library.db in the user data folder)",
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


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="recap", description="Notes from tech events, published as blog recaps."
    )
    parser.add_argument("--version", action="version", version=f"recap {__version__}")
    add_db_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    def command(name: str, help_text: str) -> ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        add_db_option(sub, default=argparse.SUPPRESS)
        return sub

    load = command("load", "load a recap-json file (all or nothing; re-loading adds nothing)")
    load.add_argument("file", metavar="FILE.json")

    dump = command("dump", "write the library (or part of it) as recap-json")
    dump.add_argument("file", nargs="?", metavar="FILE", help="stdout when left out")
    add_filter_options(dump)

    listing = command("list", "events, newest first")
    add_filter_options(listing)
    listing.add_argument("--json", action="store_true", help="a JSON array")

    tags = command("tags", "tags with their event counts; rename (merging) or delete one")
    tags.add_argument("--json", action="store_true", help="a JSON array of {name, count}")
    change = tags.add_mutually_exclusive_group()
    change.add_argument(
        "--rename", nargs=2, metavar=("OLD", "NEW"), help="rename; merges into NEW if it exists"
    )
    change.add_argument("--delete", metavar="T", help="remove the tag from every event")

    search = command("search", "full-text search, newest first, with where it matched")
    search.add_argument("text", metavar="TEXT", help='words (all must match) or a "quoted phrase"')
    add_filter_options(search)
    search.add_argument("--json", action="store_true", help="a JSON array")
    search.add_argument("--limit", type=int, default=50, help="at most this many events (50)")

    backup = command("backup", "a consistent copy of the library (safe while the app runs)")
    backup.add_argument(
        "destination", nargs="?", metavar="DEST", help="a file or a folder (default: backups/)"
    )

    add_export_commands(commands, command)
    return parser


def event_filter_from(args: argparse.Namespace) -> EventFilter:
    date_from = parse_date(args.date_from, field="--from date") if args.date_from else None
    date_to = parse_date(args.date_to, field="--to date") if args.date_to else None
    if date_from and date_to and date_to < date_from:
        raise UsageError(f"--to {date_to} is before --from {date_from}: no day is in between.")
    return EventFilter(
        tags=tuple(args.tag), match_any_tag=args.any, date_from=date_from, date_to=date_to
    )


def summary_json(summary: EventSummary) -> dict[str, object]:
    return {
        "id": summary.id,
        "title": summary.title,
        "start_date": summary.start_date.isoformat(),
        "end_date": summary.end_date.isoformat() if summary.end_date else None,
        "tags": list(summary.tags),
    }


def print_json(value: object, out: TextIO) -> None:
    out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def run_load(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.files import read_user_file
    from recap.interchange.recap_json import parse_document

    parsed = parse_document(read_user_file(Path(args.file)))
    for warning in parsed.warnings:
        err.write(f"recap: warning: {warning}\n")
    with cli_library_for_writing(args, err) as library:
        result = library.load_records(parsed.events)
    out.write(load_summary(result, args.file) + "\n")
    return EXIT_OK


def count_of_events(count: int) -> str:
    return f"{count} event" if count == 1 else f"{count} events"


def load_summary(result: "LoadResult", source: str) -> str:
    """What a load or an import added, for the user."""
    if result.added == 0:
        already = count_of_events(result.skipped)
        return f"Nothing added from {source}: {already} already in the library."
    skipped = f"; {result.skipped} already in the library, skipped" if result.skipped else ""
    return f"Added {count_of_events(result.added)} from {source}{skipped}."


def run_dump(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.interchange.recap_json import dump_document

    event_filter = event_filter_from(args)
    text = dump_document(open_cli_library(args).events(event_filter))
    if args.file is None:
        out.write(text)
    else:
        write_text_atomically(Path(args.file), text)
    return EXIT_OK


def run_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    event_filter = event_filter_from(args)  # before opening: bad input writes nothing
    summaries = open_cli_library(args).event_summaries(event_filter)
    if args.json:
        print_json([summary_json(summary) for summary in summaries], out)
        return EXIT_OK
    for summary in summaries:
        days = summary.start_date.isoformat()
        if summary.end_date and summary.end_date != summary.start_date:
            days += f"..{summary.end_date.isoformat()}"
        tags = f"  [{', '.join(summary.tags)}]" if summary.tags else ""
        out.write(f"{summary.id:>6}  {days}  {summary.title}{tags}\n")
    return EXIT_OK


def run_tags(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.rename or args.delete:
        with cli_library_for_writing(args, err) as library:
            out.write(change_tags(library, args) + "\n")
        return EXIT_OK
    counts = open_cli_library(args).tag_counts()
    if args.json:
        print_json([{"name": tag.name, "count": tag.count} for tag in counts], out)
        return EXIT_OK
    for tag in counts:
        out.write(f"{tag.count:>6}  {tag.name}\n")
    return EXIT_OK


def run_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.storage.backup import copy_library, make_backups_dir

    source = library_path(args.db)
    if not source.exists():
        raise InvalidInput(f"There is no library at {source}.")
    open_cli_library(args).close()  # refuses a file that is not a library this Recap reads
    if args.destination:
        destination = Path(args.destination)
        if args.destination.endswith(("/", os.sep)):  # a folder, even one not made yet
            try:
                destination.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise InvalidInput(
                    f"Cannot make the folder {destination}: {error.strerror}."
                ) from None
        elif destination.exists() and not destination.is_dir():
            raise InvalidInput(f"{destination} already exists; a backup never replaces a file.")
    else:
        destination = make_backups_dir(source)
    written = copy_library(source, destination)
    out.write(f"Backed up {source} to {written}.\n")
    return EXIT_OK


def snippet_text(snippet: Snippet, mark: tuple[str, str] = ("[", "]")) -> str:
    return "".join(f"{mark[0]}{text}{mark[1]}" if hit else text for text, hit in snippet)


def change_tags(library: "Library", args: argparse.Namespace) -> str:
    """Rename, merge or delete a tag; says which it was."""
    if args.delete:
        changed = library.delete_tag(args.delete)
        return f"Removed {args.delete!r} from {count_of_events(changed)}."
    old, new = args.rename
    from recap.domain.tags import tag_key

    before = {tag_key(tag.name): tag.name for tag in library.tag_counts()}
    changed = library.rename_tag(old, new)
    existing = before.get(tag_key(new))
    if existing is not None and tag_key(existing) != tag_key(old):
        return f"Merged {old!r} into {existing!r} on {count_of_events(changed)}."
    return f"Renamed {old!r} to {new!r} on {count_of_events(changed)}."


def run_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    event_filter = event_filter_from(args)
    if args.limit < 1:
        raise UsageError("--limit must be at least 1.")
    hits = open_cli_library(args).search(args.text, event_filter, limit=args.limit)
    if args.json:
        print_json([hit_json(hit) for hit in hits], out)
        return EXIT_OK
    for hit in hits:
        summary = hit.event
        out.write(f"{summary.id:>6}  {summary.start_date.isoformat()}  {summary.title}\n")
        for match in hit.matches:
            out.write(f"        {match.kind}: {match.label} — {snippet_text(match.snippet)}\n")
    return EXIT_OK


def hit_json(hit: SearchHit) -> dict[str, object]:
    item = summary_json(hit.event)
    item["matches"] = [
        {
            "kind": match.kind,
            "id": match.ref_id,
            "label": match.label,
            "snippet": snippet_text(match.snippet, ("", "")),
            "matched": [text for text, hit_flag in match.snippet if hit_flag],
        }
        for match in hit.matches
    ]
    return item


def write_text_atomically(path: Path, text: str) -> None:
    from recap.files import write_atomically

    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror}.") from None


def open_cli_library(args: argparse.Namespace) -> "Library":
    from recap.storage.library import open_library

    return open_library(library_path(args.db))


@contextmanager
def cli_library_for_writing(args: argparse.Namespace, err: TextIO) -> Iterator["Library"]:
    """The library, opened for editing as the app opens it: locked (a command never
    writes under an open window's feet), with today's backup (a backup that fails is
    a warning on ``err``, not a reason to stop)."""
    from recap.storage.lock import LibraryLocked
    from recap.storage.opening import open_for_editing

    path = library_path(args.db)
    try:
        opened = open_for_editing(path)
    except LibraryLocked as locked:
        holder = " (process {pid} on {host})".format(**locked.details) if locked.details else ""
        raise LibraryLocked(
            f"{path} is open in the Recap app{holder}; close it there and run the command again."
        ) from None
    for warning in opened.warnings:
        err.write(f"recap: warning: {warning}\n")
    try:
        yield opened.library
    finally:
        opened.close()


RUNNERS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "load": run_load,
    "dump": run_dump,
    "list": run_list,
    "tags": run_tags,
    "search": run_search,
    "backup": run_backup,
    **EXPORT_RUNNERS,
}


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; the exit status is the return value."""
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            raise UsageError("a command is needed (see 'recap --help')")
        return RUNNERS[args.command](args, out, err)
    except RecapError as error:
        err.write(f"recap: error: {error}\n")
        return EXIT_BAD_INPUT
    except Exception as error:  # a bug: one line for the user, the details on request
        if os.environ.get("RECAP_DEBUG"):
            raise
        err.write(
            f"recap: unexpected error ({type(error).__name__}: {error}); "
            "run again with RECAP_DEBUG=1 for details\n"
        )
        return EXIT_BUG
