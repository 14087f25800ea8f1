"""Publishing profiles: the places a writer posts to, each with its habits.

A profile names an export target (a format and a front matter style, resolved by
`recap.export.targets`, never declared again here) and the options a post for that
place is written with: the language, a title pattern (`recap.export.title_pattern`),
where pictures go, the related-posts footer, whether the post starts with its title
as a heading, and the longest title the platform takes (for the pre-publish check).

Four are built in; the user's own, and changes to the built-in ones, are kept in
``profiles.toml`` in the config folder (`recap.export.profile_file` reads and writes
it). docs/guide.en.md ("Publishing profiles") describes the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from recap.errors import QT_TRANSLATE_NOOP, InvalidInput, RecapError
from recap.export.posts import ExportOptions, Language
from recap.export.targets import (
    ExportTarget,
    FrontMatterStyle,
    PictureLayout,
    PostFormat,
    target_for,
)
from recap.export.title_pattern import PLAIN_TITLE

# Where a post's pictures go; the names of the picture layouts of the export targets
# (issue 13: "folder" beside the post, a Hugo "bundle", a Jekyll "site", "embedded" in
# HTML). None: the target's own.
PICTURE_LAYOUTS: Final[tuple[PictureLayout, ...]] = ("folder", "bundle", "site", "embedded")
# Velog keeps a post's title in a column of 255 characters (velog-server, src/entity/
# Post.ts); so does Textcube, the open engine Tistory grew from (its Entries table).
# Tistory documents no limit of its own.
VELOG_TITLE_LIMIT: Final = 255
TISTORY_TITLE_LIMIT: Final = 255
NAME_MAX_CHARS: Final = 40


@dataclass(frozen=True)
class Profile:
    name: str
    format: PostFormat = "md"
    front_matter: FrontMatterStyle = "none"
    language: Language = "ko"
    title: str = PLAIN_TITLE  # the post's title pattern
    pictures: PictureLayout | None = None  # None: the target's own
    related: bool = False  # end a batch's posts with the other posts of their category
    no_h1: bool = False  # no "# Title" first line: the platform shows the title itself
    title_limit: int | None = None  # the longest title the platform takes
    platform: str = ""  # what a publication is recorded under; "": the profile's name
    builtin: bool = False  # one of Recap's own (perhaps changed in profiles.toml)

    @property
    def target(self) -> ExportTarget:
        return target_for(self.format, self.front_matter)

    @property
    def platform_name(self) -> str:
        return self.platform.strip() or self.name

    def options(self, **overrides: Any) -> ExportOptions:
        """The export options of a post for this profile; ``overrides`` win (the
        explicit options of a command, or a dialog's choices)."""
        values: dict[str, Any] = {
            "format": self.format,
            "front_matter": self.front_matter,
            "language": self.language,
            "related": self.related,
            "title_pattern": self.title,
            "title_heading": not self.no_h1,
            "pictures": self.pictures,
        }
        values.update(overrides)
        return ExportOptions(**values)


BUILTIN_PROFILES: Final[tuple[Profile, ...]] = (
    Profile(
        "tistory",
        format="html",
        title="[메모] <{title}> 후기",
        pictures="embedded",
        title_limit=TISTORY_TITLE_LIMIT,
        builtin=True,
    ),
    Profile(
        "velog",
        pictures="folder",
        no_h1=True,
        title_limit=VELOG_TITLE_LIMIT,
        builtin=True,
    ),
    Profile("jekyll", front_matter="jekyll", pictures="site", related=True, builtin=True),
    Profile("hugo", front_matter="hugo", pictures="bundle", related=True, builtin=True),
)


def builtin_named(name: str) -> Profile | None:
    key = name.strip().casefold()
    return next((profile for profile in BUILTIN_PROFILES if profile.name == key), None)


def check_name(name: str) -> str:
    """A profile's name as kept: trimmed, one line, at most NAME_MAX_CHARS characters."""
    cleaned = name.strip()
    if not cleaned or any(ord(char) < 32 or ord(char) == 127 for char in cleaned):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RecapError", "A profile needs a name on one line, like “my-blog”.")
        )
    if len(cleaned) > NAME_MAX_CHARS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "The profile name “{name}” is longer than {most} characters."
            ),
            name=cleaned,
            most=NAME_MAX_CHARS,
        )
    return cleaned


@dataclass(frozen=True)
class ProfileSet:
    """The profiles to offer: the built-in ones changed by the file, then the user's own.
    ``problem``: why profiles.toml was set aside (the built-in ones are offered alone)."""

    profiles: tuple[Profile, ...] = BUILTIN_PROFILES
    problem: RecapError | None = None

    def names(self) -> list[str]:
        return [profile.name for profile in self.profiles]

    def named(self, name: str) -> Profile:
        """The profile of this name (case-blind); a clear sentence listing them if none."""
        key = name.strip().casefold()
        for profile in self.profiles:
            if profile.name.casefold() == key:
                return profile
        if self.problem is not None:
            raise self.problem  # perhaps the profile is in the file that was set aside
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RecapError", "There is no profile “{name}”; the profiles are: {names}."
            ),
            name=name.strip(),
            names=", ".join(self.names()),
        )


def merged(user: Sequence[Profile]) -> tuple[Profile, ...]:
    """The built-in profiles (each replaced by the user's version of it), then the
    user's own in their order."""
    changed = {profile.name.casefold(): profile for profile in user}
    builtins = tuple(changed.get(profile.name, profile) for profile in BUILTIN_PROFILES)
    own = tuple(profile for profile in user if builtin_named(profile.name) is None)
    return builtins + own
