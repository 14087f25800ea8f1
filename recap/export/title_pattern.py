"""A post's title made from a pattern: ``[메모] <{title}> 후기``.

The placeholders are ``{title}``, ``{date}`` (the start date, ``YYYY-MM-DD``),
``{category}`` and ``{host}`` (empty when the event has none); ``{{`` and ``}}``
are a brace. Anything else in braces is refused with a sentence that names the
pattern's profile.
"""

from __future__ import annotations

import string
from typing import Final, Protocol

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

PLACEHOLDERS: Final = ("title", "date", "category", "host")
PLAIN_TITLE: Final = "{title}"
_FORMATTER: Final = string.Formatter()


class TitledEvent(Protocol):
    """What a pattern reads of an event (a record or its view)."""

    @property
    def title(self) -> str: ...
    @property
    def start_date(self) -> object: ...  # a date: its isoformat() is {date}
    @property
    def category(self) -> str | None: ...
    @property
    def host(self) -> str | None: ...


def pattern_fields(pattern: str) -> list[str]:
    """The names in braces, in order; ValueError for a brace left open or alone."""
    names = []
    for _text, name, spec, conversion in _FORMATTER.parse(pattern):
        if name is not None:
            if spec or conversion:  # {title!r}, {date:%Y}: not plain names
                name = f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}"
            names.append(name)
    return names


def check_pattern(pattern: str, profile: str = "") -> None:
    """Refuse a pattern with a placeholder Recap does not fill (naming the profile)."""
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    try:
        names = pattern_fields(pattern)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError",
                "The title pattern “{pattern}” of the profile “{profile}” has a brace that is "
                "never closed; write {{{{ or }}}} for a brace itself.",
            ),
            pattern=pattern,
            profile=profile,
        ) from None
    for name in names:
        if name not in PLACEHOLDERS:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RecapError",
                    "The title pattern “{pattern}” of the profile “{profile}” has an unknown "
                    "placeholder {{{name}}}; it may use {known}.",
                ),
                pattern=pattern,
                profile=profile,
                name=name,
                known=known,
            )
    if not pattern.strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "The title pattern of the profile “{profile}” is empty; try {title}."
            ),
            profile=profile,
            title=PLAIN_TITLE,
        )


def apply_pattern(pattern: str, event: TitledEvent) -> str:
    """The post's title: the (checked) pattern filled in with the event's one-line values."""
    if pattern == PLAIN_TITLE:
        return event.title
    start = event.start_date
    values = {
        "title": event.title,
        "date": start.isoformat() if hasattr(start, "isoformat") else str(start),
        "category": event.category or "",
        "host": event.host or "",
    }
    return pattern.format(**values).strip()
