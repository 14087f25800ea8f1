"""Tag normalisation: trimmed, NFC, compared case-insensitively."""

from collections.abc import Iterable

from recap.domain.text import nfc
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput


def clean_tag(name: str) -> str:
    """The display form of a tag: NFC and trimmed, with inner runs of space folded."""
    tag = " ".join(nfc(name).split())
    if not tag:
        raise InvalidInput(QT_TRANSLATE_NOOP("RecapError", "A tag must not be empty."))
    return tag


def tag_key(name: str) -> str:
    """The identity of a tag: `LLM`, `llm` and ` llm ` share one key."""
    return clean_tag(name).casefold()


def unique_tags(names: Iterable[str]) -> list[str]:
    """Clean tags in their given order, keeping the first spelling of each."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        tag = clean_tag(name)
        key = tag.casefold()
        if key not in seen:
            seen.add(key)
            result.append(tag)
    return result


def parse_tag_list(text: str) -> list[str]:
    """Tags typed in one field, separated by commas."""
    return unique_tags(part for part in text.split(",") if part.strip())
