"""The grammar of Recap's markdown posts, shared by the exporter and the importer.

A post must read like one a person would publish and still parse back into the
same event. Both come from the same rules, kept here:

- Every structural line starts in column 0 with a fixed label or prefix
  (``# ``, ``- 일시: ``, ``## \\<``, ``> **한줄평:** ``, ``**Q&A · 궁금증**``, ``---``
  followed by ``- 카테고리: ``, ...). Labels of both languages are recognised.
- One-line fields (titles, names, venue, category, tags, link labels) are plain
  text: markdown punctuation in them is backslash-escaped so that it shows as
  typed, and `unescape_text` undoes exactly that.
- Markdown fields (summary, notes) are written as typed, except that a line which
  would look like one of the structural lines gets one extra leading space (which
  renders the same); the importer takes it away again.
- Multi-line values inside list items (Q&A questions and answers) continue on
  lines indented by two spaces; the impression is a block quote.
- Line breaks "as typed": a line end inside a paragraph of a markdown value gets
  two trailing spaces, the one hard break that CommonMark, goldmark (Hugo) and
  kramdown (Jekyll) all read (`with_hard_breaks`); `without_hard_breaks` takes
  exactly those away again.

Values are normalised the same way on the way out and on the way back in (see
`one_line`, `short_text`, `block_text`); `normalise_event` applies those rules to a
whole event, so ``import(export(e)) == normalise_event(e)``.
"""

from recap.postformat.items import (
    destination,
    link_item,
    parse_link_item,
    parse_session_heading,
    parse_tags_text,
    parse_url_text,
    qa_item,
    quote_lines,
    session_heading,
    split_heading_time,
    tags_text,
    time_suffix,
    unescape_question_line,
    url_text,
)
from recap.postformat.labels import (
    ANSWER_ARROW,
    CONTINUATION,
    FOOTER_LABELS,
    FOOTER_LINE,
    HEADER_LABELS,
    HEADER_LINE,
    IMPRESSION_LINE,
    LINKS_SECTION_LINE,
    QA_AUDIENCE_PREFIX,
    QA_SECTION_LINE,
    RELATED_TITLE_LINE,
    SESSION_HEADING_PREFIX,
    THEMATIC_BREAK,
    Labels,
    labels_for,
)
from recap.postformat.normalise import (
    block_text,
    normalise_event,
    one_line,
    short_text,
)
from recap.postformat.text import (
    escape_block,
    escape_heading,
    escape_text,
    unescape_block_line,
    unescape_text,
    with_hard_breaks,
    without_hard_breaks,
)

__all__ = [
    "ANSWER_ARROW",
    "CONTINUATION",
    "FOOTER_LABELS",
    "FOOTER_LINE",
    "HEADER_LABELS",
    "HEADER_LINE",
    "IMPRESSION_LINE",
    "LINKS_SECTION_LINE",
    "QA_AUDIENCE_PREFIX",
    "QA_SECTION_LINE",
    "RELATED_TITLE_LINE",
    "SESSION_HEADING_PREFIX",
    "THEMATIC_BREAK",
    "Labels",
    "block_text",
    "destination",
    "escape_block",
    "escape_heading",
    "escape_text",
    "labels_for",
    "link_item",
    "normalise_event",
    "one_line",
    "parse_link_item",
    "parse_session_heading",
    "parse_tags_text",
    "parse_url_text",
    "qa_item",
    "quote_lines",
    "session_heading",
    "short_text",
    "split_heading_time",
    "tags_text",
    "time_suffix",
    "unescape_block_line",
    "unescape_question_line",
    "unescape_text",
    "url_text",
    "with_hard_breaks",
    "without_hard_breaks",
]
