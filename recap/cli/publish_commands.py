"""``recap profiles`` (the publishing profiles), ``recap publish`` (where a recap was
posted) and ``recap check`` (the pre-publish check)."""

from __future__ import annotations

import argparse
from typing import TextIO

from recap.cli.common import EXIT_OK, CommandFactory, Runner, print_json


def add_commands(command: CommandFactory) -> dict[str, Runner]:
    profiles = command("profiles", "the publishing profiles, built-in and your own (profiles.toml)")
    profiles.add_argument("--json", action="store_true", help="a JSON array")
    return {"profiles": run_profiles}


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
