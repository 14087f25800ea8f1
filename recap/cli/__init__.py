"""The command line: the same library services as the GUI, no widgets.

``recap COMMAND ...``: each module of this package adds its commands (``add_commands``)
and runs them. Bad input prints one line on stderr and exits with status 2; nothing
is written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from recap import __version__
from recap.cli import (
    copy_commands,
    export_commands,
    library_commands,
    people_commands,
    publish_commands,
)
from recap.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_BUG,
    ArgumentParser,
    Runner,
    UsageError,
    add_db_option,
    close_cli_libraries,
)
from recap.errors import RecapError

COMMAND_MODULES = (
    library_commands,
    export_commands,
    copy_commands,
    people_commands,
    publish_commands,
)


def build_parser() -> tuple[ArgumentParser, dict[str, Runner]]:
    """The parser of every command, and each command's runner by name."""
    parser = ArgumentParser(
        prog="recap", description="Notes from tech events, published as blog recaps."
    )
    parser.add_argument("--version", action="version", version=f"recap {__version__}")
    add_db_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)

    def command(name: str, help_text: str) -> ArgumentParser:
        sub: ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
        add_db_option(sub, default=argparse.SUPPRESS)
        return sub

    runners: dict[str, Runner] = {}
    for module in COMMAND_MODULES:
        runners.update(module.add_commands(command))
    return parser, runners


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one subcommand; the exit status is the return value."""
    try:
        parser, runners = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError("a command is needed (see 'recap --help')")
        return runners[args.command](args, out, err)
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
    finally:
        close_cli_libraries()
