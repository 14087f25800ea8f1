"""The words and structural lines of a post, in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, TypeVar

from recap.domain.fields import header_fields
from recap.domain.records import EventRecord, LinkRecord, QARecord, SessionRecord

RecordT = TypeVar("RecordT", EventRecord, SessionRecord, QARecord, LinkRecord)


@dataclass(frozen=True)
class Labels:
    """The words a post is written with, in one language. The header fields' labels
    (``labels.venue``, …) come from the fields' own facts (recap.domain.records)."""

    language: str
    date: str
    impression: str
    qa: str
    links: str
    category: str
    tags: str
    related: str
    own_question: str
    open: str
    audience: str = "Q&A"

    def related_title(self, category: str) -> str:
        return self.related.format(category=category)

    def __getattr__(self, name: str) -> str:
        for info in header_fields(EventRecord):
            if info.name == name and info.facts.header is not None:
                return info.facts.header.label(self.language)
        raise AttributeError(name)


LABELS: Final[dict[str, Labels]] = {
    "ko": Labels(
        language="ko",
        date="일시",
        impression="한줄평",
        qa="Q&A · 궁금증",
        links="링크",
        category="카테고리",
        tags="태그",
        related="'{category}' 카테고리의 다른 글",
        own_question="내 질문",
        open="미해결",
    ),
    "en": Labels(
        language="en",
        date="Date",
        impression="Impression",
        qa="Q&A and my questions",
        links="Links",
        category="Category",
        tags="Tags",
        related="Other posts in {category}",
        own_question="My question",
        open="open",
    ),
}


def labels_for(language: str) -> Labels:
    return LABELS.get(language, LABELS["en"])


def _alternatives(*names: str) -> str:
    values = {getattr(labels, name) for labels in LABELS.values() for name in names}
    return "|".join(re.escape(value) for value in sorted(values, key=len, reverse=True))


HEADER_FIELDS: Final = ("date", *(info.name for info in header_fields(EventRecord)))
FOOTER_FIELDS: Final = ("category", "tags")

# label text -> field name, for both languages
HEADER_LABELS: Final = {
    getattr(labels, name): name for labels in LABELS.values() for name in HEADER_FIELDS
}
FOOTER_LABELS: Final = {
    getattr(labels, name): name for labels in LABELS.values() for name in FOOTER_FIELDS
}

SESSION_HEADING_PREFIX: Final = "## \\<"
HEADING_TIME_SEPARATOR: Final = " · "
QA_AUDIENCE_PREFIX: Final = "(Q&A) "
QA_OPEN_BOX: Final = "[ ] "
QA_DONE_BOX: Final = "[x] "
ANSWER_ARROW: Final = "→ "
CONTINUATION: Final = "  "
THEMATIC_BREAK: Final = "---"

HEADING_TIME: Final = re.compile(rf"(.*>){re.escape(HEADING_TIME_SEPARATOR)}(\S*[^\s>])")
HEADER_LINE: Final = re.compile(rf"- ({_alternatives(*HEADER_FIELDS)}): (.*)")
FOOTER_LINE: Final = re.compile(rf"- ({_alternatives(*FOOTER_FIELDS)}): (.*)")
IMPRESSION_LINE: Final = re.compile(rf"> \*\*({_alternatives('impression')}):\*\* (.*)")
QA_SECTION_LINE: Final = re.compile(rf"\*\*({_alternatives('qa')})\*\* *")
LINKS_SECTION_LINE: Final = re.compile(rf"\*\*({_alternatives('links')})\*\* *")
# "**'TIL' 카테고리의 다른 글**": the list of related posts that may end a post.
RELATED_TITLE_LINE: Final = re.compile(
    "|".join(
        r"\*\*"
        + ".*".join(re.escape(part) for part in labels.related.split("{category}"))
        + r"\*\*"
        for labels in LABELS.values()
    )
)

# A line of a markdown field that starts (after any spaces) like a structural line.
_STRUCTURE_LIKE: Final = (
    rf"(?:{re.escape(SESSION_HEADING_PREFIX)}"
    rf"|> \*\*(?:{_alternatives('impression')}):\*\*"
    rf"|\*\*(?:{_alternatives('qa', 'links')})\*\* *$"
    rf"|- (?:{_alternatives(*FOOTER_FIELDS)}): )"
)
NEEDS_SPACE_IN_BLOCK: Final = re.compile(rf" *{_STRUCTURE_LIKE}")
SPACED_IN_BLOCK: Final = re.compile(rf" +{_STRUCTURE_LIKE}")
# A line of a Q&A question that starts like an answer or an audience marker.
_ITEM_LIKE: Final = rf"(?:→|{re.escape(QA_AUDIENCE_PREFIX.strip())})"
NEEDS_SPACE_IN_ITEM: Final = re.compile(rf" *{_ITEM_LIKE}")
SPACED_IN_ITEM: Final = re.compile(rf" +{_ITEM_LIKE}")
