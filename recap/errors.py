"""Errors a user may see, kept apart from bugs.

Anything raised as a ``RecapError`` carries a sentence fit to show a user as is;
the CLI prints it on one line and the GUI shows it in a dialog. Any other
exception is a bug and goes to the crash handler.
"""


class RecapError(Exception):
    """A known problem, described in a plain sentence."""


class InvalidInput(RecapError):
    """Something the user gave us is not acceptable (a bad date, an empty title, ...)."""


class InvalidDocument(InvalidInput):
    """A recap-json document that does not follow the spec."""


class LibraryError(RecapError):
    """The library file cannot be opened or written."""


class NotFound(RecapError):
    """An event, session or tag the caller named does not exist."""
