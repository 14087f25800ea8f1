"""Calendar files on the command line: ``recap import FILE.ics...`` and
``recap export ... --format ics``.

recap/cli/export_commands.py calls in here from three places: the import parser gets
``add_occurrence_options``, ``run_import`` reads its files with ``read_import_files``
(``.ics`` as calendars, anything else as markdown posts), and ``run_export`` hands
``--format ics`` to ``run_calendar_export``.

``--out`` for a calendar: a path ending in ``.ics`` (and not an existing folder) is
the file to write; any other path is a folder, made if missing, that gets
``recap-events.ics``. Without ``--out`` the calendar goes to stdout.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from recap.cli.common import (
    EXIT_OK,
    check_selection,
    open_cli_library,
    selected_events,
    write_text_atomically,
)
from recap.errors import InvalidInput, Sentence

if TYPE_CHECKING:
    from recap.domain.records import EventRecord
    from recap.interchange.ics import DateRange

CALENDAR_FILE_NAME: Final = "recap-events.ics"


def is_calendar_file(path: Path) -> bool:
    return path.suffix.lower() == ".ics"


def add_occurrence_options(importing: argparse.ArgumentParser) -> None:
    importing.add_argument(
        "--from",
        dest="date_from",
        metavar="D",
        help="calendars: import recurring events' occurrences from this day (YYYY-MM-DD)",
    )
    importing.add_argument(
        "--to", dest="date_to", metavar="D", help="calendars: ... up to this day (YYYY-MM-DD)"
    )


def occurrence_range(args: argparse.Namespace) -> DateRange | None:
    from recap.domain.dates import parse_date
    from recap.interchange.ics import DateRange

    if args.date_from is None and args.date_to is None:
        return None
    if args.date_from is None or args.date_to is None:
        raise InvalidInput("Give both --from and --to: the days to import occurrences for.")
    first = parse_date(args.date_from, field="--from date")
    last = parse_date(args.date_to, field="--to date")
    if last < first:
        raise InvalidInput(f"--to {last} is before --from {first}: no day is in between.")
    return DateRange(first, last)


def read_import_files(args: argparse.Namespace, err: TextIO) -> list[EventRecord]:
    """Every file's events (calendars by their .ics suffix, posts otherwise), read
    before anything is stored; warnings go to ``err``."""
    from recap.interchange.ics import read_calendar_file
    from recap.interchange.markdown_import import read_markdown_file

    occurrences = occurrence_range(args)
    paths = [Path(name) for name in args.files]
    if occurrences is not None and not any(is_calendar_file(path) for path in paths):
        raise InvalidInput("--from and --to are for calendar files (.ics); none was given.")
    events: list[EventRecord] = []
    for path in paths:
        if not is_calendar_file(path):
            warnings: list[Sentence] = []
            events.append(read_markdown_file(path, warnings))
            for warning in warnings:
                err.write(f"recap: warning: {warning}\n")
            continue
        read = read_calendar_file(path, occurrences=occurrences)
        for warning in read.warnings:
            err.write(f"recap: warning: {warning}\n")
        events.extend(read.events)
    return events


def run_calendar_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    if args.front_matter is not None or args.related:
        raise InvalidInput(
            "--front-matter and --related are for blog posts; leave them out with --format ics."
        )
    if getattr(args, "profile", None):
        raise InvalidInput("--profile is for blog posts; leave it out with --format ics.")
    check_selection(args)  # before opening: bad input touches nothing
    count, events = selected_events(args, open_cli_library(args))
    if count == 0:
        err.write("recap: no events match; nothing exported.\n")
        return EXIT_OK
    from recap.interchange.ics_export import events_to_ics

    data = events_to_ics(events)
    if args.out is None:
        write_to_stdout(data, out)
        return EXIT_OK
    path = calendar_path(Path(args.out))
    write_text_atomically(path, data.decode("utf-8"))
    noun = "event" if count == 1 else "events"
    out.write(f"Wrote {count} {noun} to {path}.\n")
    return EXIT_OK


def calendar_path(out: Path) -> Path:
    """The file ``--out`` names: itself when it ends in .ics, else recap-events.ics in it."""
    names_file = is_calendar_file(out) and not out.is_dir()
    folder = out.parent if names_file else out
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(f"Cannot create the folder {folder}: {error.strerror}.") from None
    return out if names_file else out / CALENDAR_FILE_NAME


def write_to_stdout(data: bytes, out: TextIO) -> None:
    """The bytes as they are: iCalendar lines end in CRLF, which text mode could change."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()
