"""Where a recap was posted: the rules for a publication record.

An event has at most one publication per platform, platforms compared case-blind
(``Tistory`` and ``tistory`` are one); publishing again on a platform updates it.
"""

import dataclasses
from collections.abc import Iterable
from typing import Final

from recap.domain.addresses import completed_address, scheme_of
from recap.domain.records import PUBLICATION_STATES, PublicationRecord
from recap.domain.text import nfc
from recap.errors import QT_TRANSLATE_NOOP, InvalidInput

PLATFORM_MAX_CHARS: Final = 60
# The schemes a post's address may have when the user types one (publish --url).
POST_SCHEMES: Final = frozenset({"http", "https"})


def platform_key(platform: str) -> str:
    """A platform's identity: trimmed and case-blind."""
    return platform.strip().casefold()


def clean_platform(platform: str | None) -> str:
    name = " ".join(nfc(platform or "").split())
    if not name:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "A publication needs a platform, e.g. tistory.")
        )
    if len(name) > PLATFORM_MAX_CHARS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "A platform's name is {length} characters long; {most} at most."
            ),
            length=len(name),
            most=PLATFORM_MAX_CHARS,
        )
    return name


def clean_publication(record: PublicationRecord) -> PublicationRecord:
    """A copy of ``record`` as the library keeps it (platform on one line, address trimmed)."""
    if record.state not in PUBLICATION_STATES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "A publication's state is 'draft' or 'published', not {state!r}."
            ),
            state=record.state,
        )
    url = nfc(record.url).strip() if record.url is not None else ""
    return dataclasses.replace(record, platform=clean_platform(record.platform), url=url or None)


def check_unique_platforms(records: Iterable[PublicationRecord]) -> None:
    seen: set[str] = set()
    for record in records:
        key = platform_key(record.platform)
        if key in seen:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RecapError", "The platform “{platform}” is listed twice; once per event."
                ),
                platform=record.platform.strip(),
            )
        seen.add(key)


def post_address(text: str) -> str:
    """The address a user typed for a post (``velog.io/@me/x`` gets its ``https://``);
    anything but a web address is refused."""
    address = completed_address(text)
    if scheme_of(address) not in POST_SCHEMES or "://" not in address:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "“{url}” is not a web address like https://velog.io/@me/post."
            ),
            url=text.strip(),
        )
    return address
