"""Batch export: file names, staying inside the folder, progress, cancel, related posts, CLI."""

import datetime as dt
import errno
import io
import os
import unicodedata
from pathlib import Path

import pytest

from recap import cli
from recap.domain.records import EventRecord
from recap.errors import RecapError
from recap.export.batch import ExportError, export_posts
from recap.export.file_names import (
    WINDOWS_FORBIDDEN,
    WINDOWS_RESERVED,
    FileNamer,
    path_inside,
    post_stem,
    safe_stem,
    slugify,
)
from recap.export.posts import ExportOptions
from recap.storage.library import Library
from tests.conftest import SAMPLE_LIBRARY_JSON

DAY = dt.date(2024, 4, 13)
HOSTILE_TITLES = [
    "../../etc/passwd",
    "..\\..\\Windows\\System32",
    "/etc/shadow",
    "CON",
    "con.txt",
    "NUL",
    "COM1",
    "LPT9",
    "a/b\\c",
    "..",
    ".",
    "   ",
    "trailing dots...",
    "trailing space ",
    'forbidden <>:"/\\|?* chars',
    "control\x00\x01\x1f\x7f\u200b chars",
    "탭\t줄바꿈\n제목",
    "가" * 300,
    "한글 제목 " * 40,
    "🎉🎉🎉",
    "#!@$%^&()",
]


def names_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def assert_valid_file_name(name: str) -> None:
    stem = name.split(".")[0]
    assert name == name.strip() and not name.endswith((".", " "))
    assert not (set(name) & WINDOWS_FORBIDDEN), name
    assert not any(unicodedata.category(char)[0] == "C" for char in name), name
    assert ".." not in name and "/" not in name and "\\" not in name
    assert stem.upper() not in WINDOWS_RESERVED
    assert len(name.encode("utf-8")) <= 200


# -- file names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Build With AI 2025 in Songdo", "build-with-ai-2025-in-songdo"),
        ("FastAPI 밋업 — 비동기의 함정", "fastapi-밋업-비동기의-함정"),
        ("Android Dev Night #7", "android-dev-night-7"),
        ("[메모] <Build With AI> 후기", "메모-build-with-ai-후기"),
        ("Vol.3 — Next.js & React", "vol-3-next-js-react"),
        ("snake_case", "snake_case"),
        ("..", "post"),
        ("   ", "post"),
    ],
)
def test_slugs_keep_korean_and_drop_punctuation(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_decomposed_korean_is_composed_in_file_names() -> None:
    decomposed = unicodedata.normalize("NFD", "밋업")
    assert post_stem(DAY, decomposed) == "2024-04-13-밋업"


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_hostile_titles_give_valid_names(title: str) -> None:
    stem = post_stem(DAY, title)
    assert stem.startswith("2024-04-13-")
    assert_valid_file_name(stem + ".html")


@pytest.mark.parametrize("stem", ["CON", "con", "Aux.txt", "COM1", "lpt¹", "", ".", "..", "a. ."])
def test_safe_stem_avoids_reserved_and_empty_names(stem: str) -> None:
    assert_valid_file_name(safe_stem(stem) + ".md")


def test_long_korean_titles_are_cut_on_a_character_boundary() -> None:
    stem = post_stem(DAY, "가" * 300)
    assert stem == "2024-04-13-" + "가" * 40


def test_clashing_names_are_numbered_whatever_their_case() -> None:
    namer = FileNamer(".md")
    names = [namer.claim(stem) for stem in ("2024-a", "2024-a", "2024-A", "2024-a-2", "2024-a")]
    assert names == ["2024-a.md", "2024-a-2.md", "2024-A-3.md", "2024-a-2-2.md", "2024-a-4.md"]


@pytest.mark.parametrize("name", ["", ".", "..", "../x.md", "a/b.md", "a\\b.md"])
def test_path_inside_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(RecapError):
        path_inside(tmp_path.resolve(), name)


# -- batch export --------------------------------------------------------------------


def test_hostile_titles_all_land_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    events = [EventRecord(title=title, start_date=DAY) for title in HOSTILE_TITLES]
    events += [EventRecord(title="../../etc/passwd", start_date=DAY)] * 2  # clashes

    result = export_posts(events, folder, ExportOptions())

    assert len(result.written) == len(events) == len(names_in(folder))
    assert sorted(tmp_path.iterdir()) == [folder]  # nothing beside or above the folder
    for path in result.written:
        assert path.parent == folder.resolve()
        assert_valid_file_name(path.name)
    names = names_in(folder)
    assert "2024-04-13-etc-passwd.md" in names
    assert "2024-04-13-etc-passwd-2.md" in names
    assert "2024-04-13-etc-passwd-3.md" in names
    assert "2024-04-13-con.md" in names
    assert "2024-04-13-post.md" in names and "2024-04-13-post-2.md" in names


def test_sample_library_exports_one_file_per_post(sample_library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    result = export_posts(sample_library.events(), folder, ExportOptions(format="html"))

    assert names_in(folder) == [
        "2024-03-21-android-dev-night-7.html",
        "2024-05-30-pydata-seoul-conference-2024.html",
        "2024-06-08-fastapi-밋업-비동기의-함정.html",
    ]
    assert not result.cancelled and result.total == 3
    text = (folder / "2024-03-21-android-dev-night-7.html").read_text(encoding="utf-8")
    assert "Android Dev Night #7" in text


def test_export_replaces_a_file_of_an_earlier_export(tmp_path: Path) -> None:
    (tmp_path / "2024-04-13-밋업.md").write_text("old", encoding="utf-8")
    export_posts([EventRecord("밋업", DAY)], tmp_path, ExportOptions())

    assert (tmp_path / "2024-04-13-밋업.md").read_text(encoding="utf-8").startswith("# 밋업\n")
    assert names_in(tmp_path) == ["2024-04-13-밋업.md"]  # no temporary file left


def test_a_symlink_in_the_folder_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "2024-04-13-밋업.md").symlink_to(outside)

    export_posts([EventRecord("밋업", DAY)], folder, ExportOptions())

    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (folder / "2024-04-13-밋업.md").is_symlink()


def test_progress_is_reported_for_every_post(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    events = (EventRecord(f"event {n}", DAY) for n in range(4))  # a generator: total given

    export_posts(events, tmp_path, ExportOptions(), total=4, progress=lambda *a: seen.append(a))

    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_cancel_stops_between_posts_and_keeps_whole_files(tmp_path: Path) -> None:
    asked: list[int] = []

    def should_cancel() -> bool:
        asked.append(1)
        return len(asked) > 2

    events = [EventRecord(f"event {n}", DAY) for n in range(5)]
    result = export_posts(events, tmp_path, ExportOptions(), should_cancel=should_cancel)

    assert result.cancelled
    assert len(result.written) == 2 == len(names_in(tmp_path))
    for path in result.written:
        assert path.read_text(encoding="utf-8").startswith("# event ")


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")

    with pytest.raises(ExportError, match="Cannot create the folder"):
        export_posts([EventRecord("밋업", DAY)], blocker / "posts", ExportOptions())


def test_a_file_that_cannot_be_written_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("recap.export.batch.write_atomically", disk_full)
    with pytest.raises(ExportError, match=r"Cannot write .*No space left on device"):
        export_posts([EventRecord("밋업", DAY)], tmp_path, ExportOptions())


# -- related posts -------------------------------------------------------------------


def test_related_posts_list_the_others_in_the_category_newest_first(
    sample_library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "posts"
    export_posts(sample_library.events(), folder, ExportOptions(related=True))

    android = (folder / "2024-03-21-android-dev-night-7.md").read_text(encoding="utf-8")
    assert android.endswith(
        "**'TIL - 메모' 카테고리의 다른 글**\n\n"
        "- [FastAPI 밋업 — 비동기의 함정](2024-06-08-fastapi-밋업-비동기의-함정.md)"
        " · 2024년 06월 08일 (토)\n"
    )
    fastapi = (folder / "2024-06-08-fastapi-밋업-비동기의-함정.md").read_text(encoding="utf-8")
    assert "- [Android Dev Night \\#7]" not in fastapi  # '#' mid-text is not escaped
    assert "- [Android Dev Night #7](2024-03-21-android-dev-night-7.md)" in fastapi
    pydata = (folder / "2024-05-30-pydata-seoul-conference-2024.md").read_text("utf-8")
    assert "카테고리의 다른 글" not in pydata  # alone in its category


def test_related_posts_are_limited_and_ordered(tmp_path: Path) -> None:
    events = [
        EventRecord(f"밋업 {n}", DAY + dt.timedelta(days=n), category="TIL") for n in range(15)
    ]
    options = ExportOptions(format="html", related=True, related_limit=3)
    export_posts(reversed(events), tmp_path, options, total=15)

    first = (tmp_path / "2024-04-13-밋업-0.html").read_text(encoding="utf-8")
    linked = [line for line in first.split("\n") if 'href="2024-' in line]
    assert [line.split('href="')[1].split('"')[0] for line in linked] == [
        "2024-04-27-밋업-14.html",
        "2024-04-26-밋업-13.html",
        "2024-04-25-밋업-12.html",
    ]
    newest = (tmp_path / "2024-04-27-밋업-14.html").read_text(encoding="utf-8")
    assert 'href="2024-04-27-밋업-14.html"' not in newest  # never itself
    assert newest.count('href="2024-') == 3


# -- the command line ----------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(library_path: Path) -> Path:
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["--db", str(library_path), "load", str(SAMPLE_LIBRARY_JSON)], out, err) == 0
    return library_path


def test_cli_exports_one_event_to_stdout(db: Path) -> None:
    code, out, err = run_cli("--db", str(db), "export", "1", "--lang", "en")

    assert (code, err) == (0, "")
    assert out.startswith("# Android Dev Night #7\n\n- Date: Thu, 21 Mar 2024\n")


def test_cli_exports_html_with_front_matter_refused(db: Path) -> None:
    code, out, err = run_cli(
        "--db", str(db), "export", "1", "--format", "html", "--front-matter", "hugo"
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--front-matter" in err


def test_cli_exports_tagged_events_into_a_folder(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    code, out, err = run_cli(
        "--db", str(db), "export", "--tag", "python", "--tag", "android", "--any",
        "--format", "md", "--front-matter", "jekyll", "--lang", "ko", "--out", str(folder),
        "--related",
    )  # fmt: skip

    assert (code, err) == (0, "")
    assert out == f"Wrote 3 posts to {folder.resolve()}.\n"
    assert len(names_in(folder)) == 3
    assert all(
        path.read_text(encoding="utf-8").startswith("---\nlayout: post\n")
        for path in folder.iterdir()
    )


def test_cli_exports_all_events(db: Path, tmp_path: Path) -> None:
    code, _, err = run_cli("--db", str(db), "export", "--all", "--out", str(tmp_path / "all"))

    assert (code, err) == (0, "")
    assert len(names_in(tmp_path / "all")) == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "Name the events"),
        (("--all",), "give --out DIR"),
        (("1", "--all"), "one way"),
        (("--all", "--any"), "--any goes with --tag"),
        (("99",), "no Event with id 99"),
        (("1", "--format", "pdf"), "invalid choice"),
        (("1", "--lang", "jp"), "invalid choice"),
    ],
)
def test_cli_export_mistakes_are_one_line_errors(
    db: Path, arguments: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli("--db", str(db), "export", *arguments)

    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert message.lower() in err.lower()


def test_cli_export_of_no_matching_events_is_not_an_error(db: Path, tmp_path: Path) -> None:
    no_match = ("--tag", "android", "--tag", "LLM")
    code, out, err = run_cli("--db", str(db), "export", *no_match)
    assert code == 0 and out == "" and "no events match" in err

    code, out, _ = run_cli("--db", str(db), "export", *no_match, "--out", str(tmp_path / "o"))
    assert (code, out) == (0, f"Wrote 0 posts to {(tmp_path / 'o').resolve()}.\n")


def test_cli_export_of_an_unknown_tag_says_so(db: Path) -> None:
    code, _, err = run_cli("--db", str(db), "export", "--tag", "없는태그")
    assert code == 2 and "없는태그" in err


def test_cli_lang_defaults_to_the_locale(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert "- 일시: " in run_cli("--db", str(db), "export", "1")[1]

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "- Date: " in run_cli("--db", str(db), "export", "1")[1]


@pytest.mark.parametrize(
    ("front_matter", "link"),
    [
        ("jekyll", "({% post_url 2024-06-08-fastapi-밋업-비동기의-함정 %})"),
        ("hugo", '({{< relref "2024-06-08-fastapi-밋업-비동기의-함정.md" >}})'),
    ],
)
def test_related_posts_link_as_each_site_addresses_its_posts(
    sample_library: Library, tmp_path: Path, front_matter: str, link: str
) -> None:
    from recap.interchange.markdown_import import read_markdown_file

    folder = tmp_path / front_matter
    options = ExportOptions(front_matter=front_matter, related=True)  # type: ignore[arg-type]
    export_posts(sample_library.events(), folder, options)
    android = folder / "2024-03-21-android-dev-night-7.md"
    text = android.read_text(encoding="utf-8")
    assert f"- [FastAPI 밋업 — 비동기의 함정]{link}" in text
    assert "- 카테고리:" not in text  # the front matter carries the category and the tags
    back = read_markdown_file(android)  # the related list is not read as notes
    assert back.category == "TIL - 메모"
    assert "FastAPI" not in (back.sessions[-1].notes or "")
    assert back.tags == ["android", "ExoPlayer", "video caching"]
