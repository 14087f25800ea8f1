"""The commands on the library itself: load, dump, list, tags, search, backup."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from recap.cli.common import (
    EXIT_OK,
    CommandFactory,
    Runner,
    UsageError,
    add_filter_options,
    cli_library_for_writing,
    count_of_events,
    event_filter_from,
    load_summary,
    open_cli_library,
    print_json,
    snippet_text,
    summary_json,
    write_text_atomically,
)
from recap.config import library_location
from recap.domain.records import SearchHit
from recap.errors import InvalidInput

if TYPE_CHECKING:
    from sqlalchemy import URL

    from recap.storage.library import Library


def add_commands(command: CommandFactory) -> dict[str, Runner]:
    """Add this module's subcommands; returns their runners by name."""
    load = command("load", "load a recap-json file (all or nothing; re-loading adds nothing)")
    load.add_argument("file", metavar="FILE.json")

    dump = command("dump", "write the library (or part of it) as recap-json")
    dump.add_argument("file", nargs="?", metavar="FILE", help="stdout when left out")
    dump.add_argument(
        "--no-attachments",
        action="store_true",
        help="leave the events' pictures and files out (no 'attachments' keys)",
    )
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

    return {
        "load": run_load,
        "dump": run_dump,
        "list": run_list,
        "tags": run_tags,
        "search": run_search,
        "backup": run_backup,
    }


def run_load(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.files import read_user_file
    from recap.interchange.recap_json import parse_document

    parsed = parse_document(read_user_file(Path(args.file)), source=args.file)
    for warning in parsed.warnings:
        err.write(f"recap: warning: {warning}\n")
    with cli_library_for_writing(args, err, create=True) as library:
        result = library.load_records(parsed.events)
    out.write(load_summary(result, args.file) + "\n")
    return EXIT_OK


def run_dump(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.interchange.recap_json import dump_document

    event_filter = event_filter_from(args)
    with_files = not args.no_attachments
    events = open_cli_library(args).events(event_filter, attachments=with_files)
    text = dump_document(events, attachments=with_files)
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
        posted = f"  ✓ {', '.join(summary.published)}" if summary.published else ""
        out.write(f"{summary.id:>6}  {days}  {summary.title}{tags}{posted}\n")
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

    source = library_location(args.db)
    if not isinstance(source, Path):
        return backup_server_library(source, args.destination, out)
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


def backup_server_library(source: URL, destination: str | None, out: TextIO) -> int:
    """A server's library copied into a new SQLite file: DEST, or a file in DEST when it
    is a folder, or one in ``backups/`` of the data folder."""
    from recap.cli.copy_commands import copied_summary
    from recap.config import data_dir
    from recap.storage.backup import unused
    from recap.storage.library_copy import copy_library

    name = f"{source.database}.copy-{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    if destination is None:
        folder = data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        target = unused(folder / name)
    elif Path(destination).is_dir() or destination.endswith(("/", os.sep)):
        Path(destination).mkdir(parents=True, exist_ok=True)
        target = unused(Path(destination) / name)
    elif Path(destination).exists():
        raise InvalidInput(f"{destination} already exists; a backup never replaces a file.")
    else:
        target = Path(destination)
    result = copy_library(source, target)
    out.write(copied_summary(result, source, target, verb="Backed up") + "\n")
    return EXIT_OK


def change_tags(library: Library, args: argparse.Namespace) -> str:
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
