"""Start-up, as a short ordered script: arguments, then the CLI or the GUI."""

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    from recap import cli

    if wants_gui(arguments):
        from recap.ui.start import run_gui

        return run_gui(gui_db_option(arguments))
    return cli.run(arguments)


def wants_gui(arguments: list[str]) -> bool:
    """No subcommand (only ``--db PATH`` at most) means the desktop app."""
    rest = [arg for arg in arguments if not arg.startswith("--db")]
    if "--db" in arguments:
        index = arguments.index("--db")
        rest = arguments[:index] + arguments[index + 2 :]
    return not rest


def gui_db_option(arguments: list[str]) -> str | None:
    for index, arg in enumerate(arguments):
        if arg == "--db" and index + 1 < len(arguments):
            return arguments[index + 1]
        if arg.startswith("--db="):
            return arg.removeprefix("--db=")
    return None
