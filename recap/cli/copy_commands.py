"""`recap copy SOURCE TARGET`: a whole library moved between a file and a server."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from recap.cli.common import EXIT_OK, CommandFactory, Runner, count_of_events

if TYPE_CHECKING:
    from recap.storage.library_copy import CopyResult
    from recap.storage.location import Location


def add_commands(command: CommandFactory) -> dict[str, Runner]:
    """Add this module's subcommands; returns their runners by name."""
    copy = command(
        "copy",
        "copy a whole library between a file and a PostgreSQL server (or two of either) "
        "into an empty target; every table's rows are counted on both sides",
    )
    copy.add_argument("source", metavar="SOURCE", help="a library file or a postgresql:// URL")
    copy.add_argument(
        "target", metavar="TARGET", help="a new file, or an empty library or server database"
    )
    return {"copy": run_copy}


def run_copy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.storage.library_copy import copy_library
    from recap.storage.location import parse_location

    source, target = parse_location(args.source), parse_location(args.target)
    result = copy_library(source, target)
    out.write(copied_summary(result, source, target) + "\n")
    return EXIT_OK


def copied_summary(
    result: CopyResult, source: Location, target: Location, verb: str = "Copied"
) -> str:
    from recap.storage.location import describe

    rows = sum(result.rows.values())
    return (
        f"{verb} {count_of_events(result.events)} ({rows} rows in all) from "
        f"{describe(source)} to {describe(target)}; the counts match."
    )
