"""``recap questions`` (the writer's own questions across events) and ``recap speakers``
(every speaker with their talks), text or ``--json``."""

from __future__ import annotations

import argparse
from typing import TextIO

from recap.cli.common import EXIT_OK, CommandFactory, Runner, open_cli_library, print_json


def add_commands(command: CommandFactory) -> dict[str, Runner]:
    questions = command(
        "questions", "your own questions across events, newest event first, with their talks"
    )
    questions.add_argument("--open", action="store_true", help="only those not resolved yet")
    questions.add_argument(
        "--tag", action="append", default=[], metavar="T", help="on events with this tag"
    )
    questions.add_argument("--json", action="store_true", help="a JSON array")
    speakers = command("speakers", "every speaker with their talks and events, most talks first")
    speakers.add_argument("--json", action="store_true", help="a JSON array")
    return {"questions": run_questions, "speakers": run_speakers}


def run_questions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = open_cli_library(args)
    found = library.own_questions(open_only=args.open, tags=tuple(args.tag))
    if args.json:
        print_json(
            [
                {
                    "event_id": item.event_id,
                    "event": item.event,
                    "start_date": item.start_date.isoformat(),
                    "session": item.session,
                    "question": item.question,
                    "answer": item.answer,
                    "resolved": item.resolved,
                }
                for item in found
            ],
            out,
        )
        return EXIT_OK
    for item in found:
        mark = "x" if item.resolved else " "
        out.write(f"[{mark}] {item.start_date.isoformat()}  {item.event} — {item.session}\n")
        out.write(f"    {item.question or ''}\n")
        if item.answer:
            out.write(f"    → {item.answer}\n")
    return EXIT_OK


def run_speakers(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    counts = open_cli_library(args).speaker_counts()
    if args.json:
        print_json(
            [
                {"name": count.name, "talks": count.talks, "events": count.events}
                for count in counts
            ],
            out,
        )
        return EXIT_OK
    for count in counts:
        out.write(f"{count.talks:>5} talks  {count.events:>5} events  {count.name}\n")
    return EXIT_OK
