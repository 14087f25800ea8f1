"""``recap export`` and ``recap import``: blog posts (or a calendar) out of the library,
and posts or calendar files back in. The exporters, the importers and the library are
imported only when a command runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from recap.cli.calendar import add_occurrence_options, read_import_files, run_calendar_export
from recap.cli.common import (
    EXIT_OK,
    CommandFactory,
    Runner,
    check_selection,
    cli_library_for_writing,
    load_summary,
    open_cli_library,
    selected_events,
)
from recap.errors import InvalidInput
from recap.export.targets import FORMATS, FRONT_MATTER_STYLES, POST_TARGETS, TARGETS

if TYPE_CHECKING:
    from recap.export.posts import ExportOptions


def default_language() -> Literal["ko", "en"]:
    """Korean when the user's locale is Korean, else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def add_commands(make: CommandFactory) -> dict[str, Runner]:
    """Add ``export`` and ``import``; returns their runners by name."""
    export = make("export", "write events as blog posts (markdown or HTML)")
    export.add_argument("ids", nargs="*", type=int, metavar="ID", help="the events to export")
    export.add_argument(
        "--tag", action="append", default=[], metavar="T", help="events with this tag"
    )
    export.add_argument(
        "--any", action="store_true", help="events with any of the tags (default: all of them)"
    )
    export.add_argument("--all", action="store_true", help="every event in the library")
    export.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="default: md (or the profile's); ics: one calendar",
    )
    export.add_argument(
        "--profile",
        metavar="NAME",
        help="a publishing profile (recap profiles): its format, front matter, language, "
        "title pattern and pictures; the options given here win",
    )
    export.add_argument(
        "--front-matter",
        choices=FRONT_MATTER_STYLES,
        default=None,
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
        help="write one file per post into this folder (needed for more than one event); "
        "ics: a FILE.ics, or recap-events.ics in this folder",
    )
    export.add_argument(
        "--line-breaks",
        choices=("typed", "soft"),
        default=None,
        help="typed: every line of a note shows as a line (markdown posts get hard breaks); "
        "soft: CommonMark's rule, a single newline is a space (default: typed)",
    )
    export.add_argument(
        "--related",
        action="store_true",
        default=None,
        help="end each post with links to the other exported posts of its category",
    )

    importing = make("import", "read posts (Recap's markdown) or calendar files (.ics) in")
    importing.add_argument("files", nargs="+", metavar="FILE.md|FILE.ics")
    add_occurrence_options(importing)
    return {"export": run_export, "import": run_import}


def export_options(args: argparse.Namespace) -> ExportOptions:
    """The options of the posts: the profile's (if one is named), the options given
    on the command line winning."""
    from recap.export.posts import ExportOptions

    given = {
        key: value
        for key, value in (
            ("format", args.format),
            ("front_matter", args.front_matter),
            ("language", args.lang),
            ("related", args.related),
            ("line_breaks", args.line_breaks),
        )
        if value is not None
    }
    if args.profile is not None:
        from recap.export.profile_file import load_profiles

        profile = load_profiles().named(args.profile)  # a broken file: the built-in ones
        if "format" in given and "front_matter" not in given:
            given["front_matter"] = "none" if given["format"] == "html" else profile.front_matter
        check_target(
            given.get("format", profile.format), given.get("front_matter", profile.front_matter)
        )
        if (
            given.get("format", profile.format),
            given.get("front_matter", profile.front_matter),
        ) != (
            profile.format,
            profile.front_matter,
        ):
            given["pictures"] = None  # another target: its own picture layout
        return profile.options(**given)
    check_target(given.get("format", "md"), given.get("front_matter", "none"))
    given.setdefault("language", default_language())
    return ExportOptions(**given)


def check_target(post_format: str, front_matter: str) -> None:
    if not any(
        (target.format, target.front_matter) == (post_format, front_matter) for target in TARGETS
    ):
        raise InvalidInput(
            f"--front-matter {front_matter} does not go with --format {post_format}."
        )


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.format is not None and args.format not in (target.format for target in POST_TARGETS):
        return run_calendar_export(args, out, err)  # one file for all the events
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
        from recap.export.posts import render_post_and_pictures

        text, pictures = render_post_and_pictures(next(iter(events)), options)
        out.write(text)
        for problem in pictures.problems:
            err.write(f"recap: warning: {problem}\n")
        if pictures.files:
            count = len(pictures.files)
            noun = "picture or file" if count == 1 else "pictures and files"
            err.write(
                f"recap: the post links {count} {noun} at {pictures.where}, which standard "
                f"output cannot carry; give --out DIR to write them there beside the post.\n"
            )
        return EXIT_OK
    from recap.export.batch import export_posts

    result = export_posts(events, Path(args.out), options, total=count)
    for problem in result.problems:
        err.write(f"recap: warning: {problem}\n")
    noun = "post" if len(result.written) == 1 else "posts"
    files = ""
    if result.files:
        things = "picture or file" if len(result.files) == 1 else "pictures and files"
        files = f" and {len(result.files)} {things}"
    out.write(f"Wrote {len(result.written)} {noun}{files} to {result.folder}.\n")
    return EXIT_OK


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # Every file is read before anything is stored: all or nothing.
    events = read_import_files(args, err)
    with cli_library_for_writing(args, err, create=True) as library:
        result = library.load_records(events)
    files = f"{len(args.files)} file" + ("" if len(args.files) == 1 else "s")
    out.write(load_summary(result, files) + "\n")
    return EXIT_OK
