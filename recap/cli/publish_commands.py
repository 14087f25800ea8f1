"""``recap profiles`` (the publishing profiles), ``recap publish`` (where a recap was
posted) and ``recap check`` (the pre-publish check)."""

from __future__ import annotations

import argparse
from typing import TextIO

from recap.cli.common import (
    EXIT_OK,
    CommandFactory,
    Runner,
    cli_library_for_writing,
    print_json,
)


def add_commands(command: CommandFactory) -> dict[str, Runner]:
    profiles = command("profiles", "the publishing profiles, built-in and your own (profiles.toml)")
    profiles.add_argument("--json", action="store_true", help="a JSON array")
    publish = command("publish", "record where a recap was posted (or drafted)")
    publish.add_argument("id", type=int, metavar="ID", help="the event")
    publish.add_argument("--platform", required=True, metavar="P", help="e.g. tistory, velog")
    publish.add_argument("--url", metavar="URL", help="the post's address")
    publish.add_argument("--on", metavar="DATE", help="the day it was posted (default: today)")
    publish.add_argument("--draft", action="store_true", help="saved there as a draft only")
    publish.add_argument(
        "--remove", action="store_true", help="forget the record of that platform instead"
    )
    check = command(
        "check", "the pre-publish check: what a reader would notice (exit 0: none, 1: some)"
    )
    check.add_argument("ids", nargs="+", type=int, metavar="ID", help="the events to check")
    check.add_argument(
        "--profile", metavar="NAME", help="check the title the profile's pattern makes, too"
    )
    check.add_argument("--json", action="store_true", help="a JSON array")
    return {"profiles": run_profiles, "publish": run_publish, "check": run_check}


EXIT_PROBLEMS = 1


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.cli.common import open_cli_library
    from recap.domain.prepublish import check_event
    from recap.export.title_pattern import apply_pattern

    profile = None
    if args.profile is not None:
        from recap.export.profile_file import load_profiles

        profile = load_profiles().named(args.profile)  # before opening: bad input
    library = open_cli_library(args)
    events = [library.event(event_id) for event_id in dict.fromkeys(args.ids)]
    problems = []
    for event in events:
        title = apply_pattern(profile.title, event) if profile else None
        problems.extend(check_event(event, title, profile.title_limit if profile else None))
    if args.json:
        print_json(
            [
                {"event_id": item.event_id, "problem": item.problem, "where": item.place}
                for item in problems
            ],
            out,
        )
    else:
        for item in problems:
            out.write(f"{item.event_id:>6}  {item.place}: {item.problem}\n")
        if not problems:
            noun = "event" if len(events) == 1 else "events"
            out.write(f"No problems in {len(events)} {noun}.\n")
    return EXIT_PROBLEMS if problems else EXIT_OK


def run_publish(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import datetime as dt

    from recap.domain.dates import parse_date
    from recap.domain.publications import clean_platform, post_address
    from recap.domain.records import PublicationRecord
    from recap.errors import InvalidInput

    # Everything is checked before the library opens: bad input writes nothing.
    platform = clean_platform(args.platform)
    if args.remove:
        if args.url or args.on or args.draft:
            raise InvalidInput("--remove takes only --platform; leave out --url, --on and --draft.")
        with cli_library_for_writing(args, err) as library:
            removed = library.unpublish(args.id, platform)
        if not removed:
            raise InvalidInput(f"Event {args.id} has no record on {platform}; nothing removed.")
        out.write(f"Event {args.id} is no longer recorded on {platform}.\n")
        return EXIT_OK
    record = PublicationRecord(
        platform=platform,
        state="draft" if args.draft else "published",
        url=post_address(args.url) if args.url else None,
        published_on=parse_date(args.on, field="--on date") if args.on else dt.date.today(),
    )
    with cli_library_for_writing(args, err) as library:
        stored = library.publish(args.id, record)
    where = f" at {stored.url}" if stored.url else ""
    day = stored.published_on.isoformat() if stored.published_on else ""
    out.write(f"Event {args.id}: {stored.state} on {stored.platform}{where} ({day}).\n")
    return EXIT_OK


def run_profiles(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from recap.export.profile_file import load_profiles, profile_path

    found = load_profiles()
    if found.problem is not None:
        err.write(f"recap: warning: {found.problem}\n")
    if args.json:
        print_json(
            [
                {
                    "name": profile.name,
                    "format": profile.format,
                    "front_matter": profile.front_matter,
                    "language": profile.language,
                    "title": profile.title,
                    "pictures": profile.pictures,
                    "related": profile.related,
                    "no_h1": profile.no_h1,
                    "title_limit": profile.title_limit,
                    "platform": profile.platform_name,
                    "builtin": profile.builtin,
                }
                for profile in found.profiles
            ],
            out,
        )
        return EXIT_OK
    for profile in found.profiles:
        kind = "built-in" if profile.builtin else "yours"
        matter = "" if profile.front_matter == "none" else f" + {profile.front_matter}"
        out.write(
            f"{profile.name:<12} {profile.format + matter:<12} {profile.language}  "
            f"{profile.title}  ({kind})\n"
        )
    out.write(f"Your profiles: {profile_path()}\n")
    return EXIT_OK
