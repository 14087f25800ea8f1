"""The fonts the note editor and its preview use: a monospace face that has Hangul, and
a text face for Korean and English alike, chosen from what is installed."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
)

# Families are tried in order for each character, so a Latin-only first choice
# still gets Hangul from a later one. Only installed families are passed to Qt
# (a missing family makes Qt scan its alias table, which is slow).
_CJK_MONOSPACE_FAMILIES = ("D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding")
_KOREAN_TEXT_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Apple SD Gothic Neo",
    "Malgun Gothic",
    "NanumGothic",
    "NanumBarunGothic",
)


@functools.cache
def _installed_families() -> frozenset[str]:
    return frozenset(family.casefold() for family in QFontDatabase.families())


def _with_families(base: QFont, preferred: Iterable[str], fallbacks: Iterable[str]) -> QFont:
    installed = _installed_families()
    families: list[str] = []
    for family in [*preferred, base.family(), *fallbacks]:
        if family and family.casefold() in installed and family not in families:
            families.append(family)
    font = QFont(base)
    if families:
        font.setFamilies(families)
    return font


def editor_font() -> QFont:
    """A monospace font for Markdown source that also has Hangul."""
    base = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if QGuiApplication.font().pointSizeF() > 0:
        base.setPointSizeF(QGuiApplication.font().pointSizeF())
    font = _with_families(base, _CJK_MONOSPACE_FAMILIES, _KOREAN_TEXT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    return font


def preview_font() -> QFont:
    """The application's text font, with Korean fallbacks for the preview."""
    return _with_families(QGuiApplication.font(), (), _KOREAN_TEXT_FAMILIES)
