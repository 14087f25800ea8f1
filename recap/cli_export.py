"""``recap export`` and ``recap import``: blog posts out of the library and back in.

recap/cli.py wires them in with two lines (and "export", "import" in COMMANDS):

    add_export_commands(commands, command)   # in build_parser(), with its `command` factory
    **EXPORT_RUNNERS,                        # inside the RUNNERS dict

Importing this module at the top of cli.py costs nothing: it imports the
exporters, the importer and the library only when a command runs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO

from recap.errors import InvalidInput

if TYPE_CHECKING:
    from recap.domain.records import EventRecord
    from recap.export.posts import ExportOptions
    from recap.storage.library import Library

EXIT_OK: Final = 0
CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def default_language() -> Literal["ko", "en"]:
    """Korean when the user's locale is Korean, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def add_export_commands(
    commands: Any, command_factory: CommandFactory | None = None
) -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """Add ``export`` and ``import`` to the subcommands; returns their parsers.

    ``command_factory(name, help)`` makes a subcommand parser (cli.py's adds
    ``--db`` to each); without one, ``commands.add_parser`` is used as is.
    """

    def make(name: str, help_text: str) -> argparse.ArgumentParser:
        if command_factory is not None:
            return command_factory(name, help_text)
        parser: argparse.ArgumentParser = commands.add_parser(
            name, help=help_text, description=help_text
        )
        return parser

    export = make("export", "write events as blog posts (markdown or HTML)")
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="the events to export")
    export.add_argument(
        "--tag", action="append", default=[], metavar="T", help="events with this tag"
    )
    export.add_argument(
        "--any", action="store_true", help="events with any of the tags (default: all of them)"
    )
    export.add_argument("--all", action="store_true", help="every event in the library")
    export.add_argument("--format", choices=("md", "html"), default="md", help="default: md")
    export.add_argument(
        "--front-matter",
        choices=("none", "jekyll", "hugo"),
        default="none",
        help="YAML front matter for a static site generator (markdown only; default: none)",
    )
    export.add_argument(
        "--lang",
        choices=("ko", "en"),
        default=None,
        help="labels and dates in Korean or English (default: from the locale)",
    )
    export.add_argument(
        "--out",
        metavar="DIR",
        help="write one file per post into this folder (needed for more than one event)",
    )
    export.add_argument(
        "--line-breaks",
        choices=("typed", "soft"),
        default="typed",
        help="typed: every line of a note shows as a line (markdown posts get hard breaks); "
        "soft: CommonMark's rule, a single newline is a space (default: typed)",
    )
    export.add_argument(
        "--related",
        action="store_true",
        help="end each post with links to the other exported posts of its category",
    )

    importing = make("import", "read posts in Recap's markdown export format back in")
    importing.add_argument("files", nargs="+", metavar="FILE.md")
    return export, importing


def export_options(args: argparse.Namespace) -> ExportOptions:
    from recap.export.posts import ExportOptions

    if args.format == "html" and args.front_matter != "none":
        raise InvalidInput("--front-matter is for markdown posts; leave it out with --format html.")
    return ExportOptions(
        format=args.format,
        front_matter=args.front_matter,
        language=args.lang or default_language(),
        related=args.related,
        line_breaks=args.line_breaks,
    )


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


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.cli import open_cli_library

    options = export_options(args)  # before opening: bad input touches nothing
    check_selection(args)
    count, events = selected_events(args, open_cli_library(args))
    if args.out is None:
        if count > 1:
            raise InvalidInput(
                f"{count} events chosen; give --out DIR to write them as files, one per post."
            )
        if count == 0:
            err.write("recap: no events match; nothing exported.\n")
            return EXIT_OK
        from recap.export.posts import render_post

        out.write(render_post(next(iter(events)), options))
        return EXIT_OK
    from recap.export.batch import export_posts

    result = export_posts(events, Path(args.out), options, total=count)
    noun = "post" if len(result.written) == 1 else "posts"
    out.write(f"Wrote {len(result.written)} {noun} to {result.folder}.\n")
    return EXIT_OK


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.cli import cli_library_for_writing, load_summary
    from recap.interchange.markdown_import import read_markdown_file

    # Every file is read before anything is stored: all or nothing.
    events = [read_markdown_file(Path(name)) for name in args.files]
    with cli_library_for_writing(args) as library:
        result = library.load_records(events)
    files = f"{len(args.files)} file" + ("" if len(args.files) == 1 else "s")
    out.write(load_summary(result, files) + "\n")
    return EXIT_OK


EXPORT_RUNNERS: Final[dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]]] = {
    "export": run_export,
    "import": run_import,
}
