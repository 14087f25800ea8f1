"""YAML front matter for Jekyll and Hugo, made by a YAML emitter (never by pasting strings)."""

from __future__ import annotations

from typing import Any, Final

import yaml

from recap.export.targets import FrontMatterStyle
from recap.export.views import EventView

DELIMITER: Final = "---"


def front_matter_data(event: EventView, style: FrontMatterStyle) -> dict[str, Any]:
    """The keys each generator reads; empty for ``none``."""
    categories = [event.category] if event.category else []
    if style == "jekyll":
        return {
            "layout": "post",
            "title": event.title,
            "date": event.start_date,
            "categories": categories,
            "tags": list(event.tags),
        }
    if style == "hugo":
        data: dict[str, Any] = {
            "title": event.title,
            "date": event.start_date,
            "draft": False,
            "slug": event.slug,
            "categories": categories,
            "tags": list(event.tags),
        }
        if event.has_korean:
            # Hugo counts words and cuts summaries by spaces unless told the text is CJK.
            data["isCJKLanguage"] = True
        return data
    return {}


def with_author(data: dict[str, Any], event: EventView) -> dict[str, Any]:
    """Jekyll and Hugo themes both read ``author``; only written when the recap has one."""
    return {**data, "author": event.author} if data and event.author else data


def front_matter(event: EventView, style: FrontMatterStyle) -> str:
    """The front matter block with its ``---`` lines and a final newline, or ``""``."""
    data = with_author(front_matter_data(event, style), event)
    if not data:
        return ""
    body = yaml.safe_dump(
        data,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,  # one line per value, however long the title
    )
    return f"{DELIMITER}\n{body}{DELIMITER}\n"
