"""Normalisation rules shared by every way text enters the library."""

import unicodedata

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, Sentence


def nfc(text: str) -> str:
    """Korean typed on macOS arrives decomposed (NFD); store one form only."""
    return unicodedata.normalize("NFC", text)


def optional_text(value: str | None) -> str | None:
    return None if value is None else nfc(value)


TITLE = Sentence(QT_TRANSLATE_NOOP("RecapError", "title"))
SESSION_TITLE = Sentence(QT_TRANSLATE_NOOP("RecapError", "session title"))


def clean_title(value: str | None, *, what: Sentence = TITLE) -> str:
    """A title is required, trimmed and at most 300 characters."""
    title = nfc(value or "").strip()
    if not title:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The {what} must not be empty."), what=what
        )
    if len(title) > 300:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "The {what} is {length} characters long; 300 at most."),
            what=what,
            length=len(title),
        )
    return title
