"""Errors a user may see, kept apart from bugs.

Anything raised as a ``RecapError`` carries a sentence fit to show a user as is;
the CLI prints it on one line and the GUI shows it in a dialog. Any other
exception is a bug and goes to the crash handler.
"""

# The context the GUI looks the sentences up in (recap_ko.ts, "RecapError").
TRANSLATION_CONTEXT = "RecapError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a sentence for Qt's translation tools; the core itself stays free of Qt."""
    return text


class Sentence:
    """A translatable part of a message: a template and the details it names."""

    def __init__(self, template: str, /, **details: object) -> None:
        self.template = template
        self.details = details

    def __str__(self) -> str:
        return self.template.format(**self.details) if self.details else self.template


class RecapError(Exception):
    """A known problem, described in a plain sentence.

    ``template`` may name ``{fields}`` given as keyword ``details``: the CLI prints
    the English sentence, the GUI looks the template up in its translation and fills
    in the same details."""

    def __init__(self, template: str, /, **details: object) -> None:
        self.template = template
        self.details = details
        super().__init__(str(self.sentence))

    @property
    def sentence(self) -> Sentence:
        """The message as a part of a longer one (``file.md, line 3: …``)."""
        return Sentence(self.template, **self.details)


class InvalidInput(RecapError):
    """Something the user gave us is not acceptable (a bad date, an empty title, ...)."""


class InvalidDocument(InvalidInput):
    """A recap-json document that does not follow the spec."""


class LibraryError(RecapError):
    """The library file cannot be opened or written."""


class NotFound(RecapError):
    """An event, session or tag the caller named does not exist."""


class EditConflict(RecapError):
    """A save based on an older version of an event or a talk than the stored one:
    someone else saved it meanwhile. ``theirs`` is what is stored now (a record)."""

    def __init__(self, template: str, /, theirs: object, **details: object) -> None:
        super().__init__(template, **details)
        self.theirs = theirs
