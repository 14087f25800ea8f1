"""Normalisation rules shared by every way text enters the library."""

import unicodedata

from recap.errors import InvalidInput


def nfc(text: str) -> str:
    """Korean typed on macOS arrives decomposed (NFD); store one form only."""
    return unicodedata.normalize("NFC", text)


def optional_text(value: str | None) -> str | None:
    return None if value is None else nfc(value)


def clean_title(value: str | None, *, what: str = "title") -> str:
    """A title is required, trimmed and at most 300 characters."""
    title = nfc(value or "").strip()
    if not title:
        raise InvalidInput(f"The {what} must not be empty.")
    if len(title) > 300:
        raise InvalidInput(f"The {what} is {len(title)} characters long; 300 at most.")
    return title
