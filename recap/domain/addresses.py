"""Web addresses as writers type them: which ones a post may link, and the ones missing
their ``https://``."""

import re
from typing import Final
from urllib.parse import urlsplit

# Only these become links in a post (HTML or markdown); anything else is shown as text.
WEB_SCHEMES: Final = frozenset({"http", "https", "mailto"})
# Addresses that run code or read local files when clicked: never put in a post.
UNSAFE_SCHEMES: Final = frozenset({"javascript", "vbscript", "data", "file"})
# ``slides.example.com/ktor``, ``example.org``, ``localhost:8000/x``: a host, no scheme.
_BARE_HOST: Final = re.compile(
    r"(?:[A-Za-z0-9\u00a1-\uffff-]+\.)+[A-Za-z\u00a1-\uffff]{2,}(?::[0-9]+)?(?:[/?#]\S*)?"
    r"|localhost(?::[0-9]+)?(?:[/?#]\S*)?",
)


def scheme_of(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def web_href(url: str | None) -> str | None:
    """The address for a link when it is a web or mail address, else None."""
    if not url:
        return None
    return url if scheme_of(url) in WEB_SCHEMES else None


def is_unsafe(url: str) -> bool:
    return scheme_of(url.strip()) in UNSAFE_SCHEMES


def completed_address(text: str) -> str:
    """``https://`` put before an address typed without one (``slides.example.com/ktor``);
    anything else as it is."""
    typed = text.strip()
    if typed and not scheme_of(typed) and _BARE_HOST.fullmatch(typed):
        return "https://" + typed
    return typed
