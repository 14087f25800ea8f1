"""Publishing profiles (issue 15 item 1): the built-in ones written as golden posts on
the shared sample and on an event with pictures, the title pattern, profiles.toml
(the user's own, changes to built-in ones, and every way it can be broken), and
``recap profiles`` / ``recap export --profile``."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from recap.config import config_dir
from recap.domain.records import AttachmentRecord, EventRecord, SessionRecord
from recap.errors import InvalidInput, RecapError
from recap.export.batch import export_posts
from recap.export.posts import render_post
from recap.export.profile_file import load_profiles, profile_path, read_profiles, save_profiles
from recap.export.profiles import BUILTIN_PROFILES, Profile, ProfileSet
from recap.export.title_pattern import apply_pattern, check_pattern
from recap.storage.library import Library
from tests.pictures import png_bytes
from tests.unit.test_cli import run_cli, where
from tests.unit.test_export_markdown import golden

SONGDO = EventRecord(
    title="Build With AI in Songdo",
    start_date=dt.date(2025, 9, 13),
    category="TIL - 메모",
    host="GDG Songdo",
    tags=["AI"],
)


def with_pictures() -> EventRecord:
    return EventRecord(
        title="PyCon 한국 2024",
        start_date=dt.date(2024, 4, 13),
        category="Conference",
        tags=["Python"],
        summary="전체 구조: ![MemGPT 구조](memgpt.png)",
        sessions=[SessionRecord(title="Talk 1", speaker="이영빈", notes="- ![](slide.png)")],
        attachments=[
            AttachmentRecord(name="memgpt.png", media_type="image/png", data=png_bytes(4, 3)),
            AttachmentRecord(name="slide.png", media_type="image/png", data=png_bytes(2, 2)),
        ],
    )


def written_tree(folder: Path) -> str:
    """Every file the export wrote: its path, and a text file's text (a picture's size)."""
    parts = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if path.suffix in (".md", ".html"):
            parts.append(f"==> {name}\n{path.read_text(encoding='utf-8')}")
        else:
            parts.append(f"==> {name} ({path.stat().st_size} bytes)\n")
    return "".join(parts)


# -- golden posts --------------------------------------------------------------------


@pytest.mark.parametrize("profile", BUILTIN_PROFILES, ids=lambda profile: profile.name)
def test_builtin_profiles_write_golden_posts(
    sample_library: Library, profile: Profile, tmp_path: Path
) -> None:
    events = [*sample_library.events(), with_pictures()]
    export_posts(events, tmp_path / "out", profile.options())
    golden(f"profile-{profile.name}.txt", written_tree(tmp_path / "out"))


def test_tistory_title_pattern_and_velog_without_h1() -> None:
    profiles = ProfileSet()
    tistory = render_post(SONGDO, profiles.named("tistory").options())
    assert "[메모] &lt;Build With AI in Songdo&gt; 후기" in tistory
    assert apply_pattern(profiles.named("tistory").title, SONGDO) == (
        "[메모] <Build With AI in Songdo> 후기"
    )
    velog = render_post(SONGDO, profiles.named("Velog").options())
    assert not velog.startswith("# ")
    assert "# Build With AI in Songdo" not in velog
    plain = render_post(SONGDO, profiles.named("velog").options(title_heading=True))
    assert plain.startswith("# Build With AI in Songdo")


def test_every_placeholder_and_a_brace() -> None:
    pattern = "{date} {title} @ {host} / {category} {{x}}"
    assert apply_pattern(pattern, SONGDO) == (
        "2025-09-13 Build With AI in Songdo @ GDG Songdo / TIL - 메모 {x}"
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("[메모] {titel}", "unknown placeholder {titel}"),
        ("{title!r}", "unknown placeholder {title!r}"),
        ("{}", "unknown placeholder {}"),
        ("{title", "never closed"),
        ("  ", "is empty"),
    ],
)
def test_a_bad_pattern_names_its_profile(pattern: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        check_pattern(pattern, "my-blog")
    assert "“my-blog”" in str(caught.value)


# -- profiles.toml -------------------------------------------------------------------


def write_file(text: str) -> Path:
    path = profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_own_profiles_and_a_changed_builtin() -> None:
    assert profile_path().parent == config_dir()
    write_file(
        '[profiles.tistory]\nlanguage = "en"\n\n'
        '[profiles."내 블로그"]\nformat = "md"\nfront_matter = "hugo"\n'
        'title = "{date} {title}"\nno_h1 = true\ntitle_limit = 100\n'
    )
    found = load_profiles()
    assert found.problem is None
    assert found.names() == ["tistory", "velog", "jekyll", "hugo", "내 블로그"]
    tistory = found.named("tistory")
    assert (tistory.language, tistory.format, tistory.title) == (
        "en",
        "html",
        "[메모] <{title}> 후기",
    )
    mine = found.named("내 블로그")
    assert (mine.front_matter, mine.no_h1, mine.title_limit, mine.builtin) == (
        "hugo",
        True,
        100,
        False,
    )


def test_saved_profiles_read_back_the_same() -> None:
    own = Profile('say "hi" \\ 블로그', front_matter="jekyll", title="[{category}] {title}")
    changed = dataclasses.replace(BUILTIN_PROFILES[1], language="en", title="{title} 후기")
    path = save_profiles([*BUILTIN_PROFILES[:1], changed, own])
    assert read_profiles(path) == [changed, own]
    assert "[profiles.tistory]" not in path.read_text(encoding="utf-8")  # unchanged: left out


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[profiles.a]\nformat = "md"\ntitle = "{title"\n', 3, "never closed"),
        ('[profiles.a]\nformat = "pdf"\n', 2, 'format = "pdf"; it must be md or html'),
        ('[profiles.a]\nformat = "html"\nfront_matter = "hugo"\n', 3, "does not go"),
        ('[profiles.b]\n\n[profiles.mine]\ntitle = "{titel}"\n', 4, "unknown placeholder {titel}"),
        ('[profiles.a]\ncolour = "red"\n', 2, "unknown key “colour”"),
        ("[profiles.a]\ntitle_limit = 0\n", 2, "a whole number above 0"),
        ('[profiles."a\\nb"]\n', 1, "on one line"),
        ('[profile.a]\nformat = "md"\n', 1, "“profile” is not known"),
        ("[profiles.a]\nformat = md\n", 2, "line 2:"),
    ],
)
def test_a_broken_file_is_one_sentence_with_its_line_and_builtins_still_work(
    text: str, line: int, words: str
) -> None:
    path = write_file(text)
    found = load_profiles()
    assert found.names() == ["tistory", "velog", "jekyll", "hugo"]
    assert found.problem is not None
    sentence = str(found.problem)
    assert sentence.startswith(f"{path}, line {line}: ")
    assert words in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    assert found.named("velog").no_h1  # the built-in ones still work


def test_a_profile_in_a_broken_file_names_the_file_not_a_missing_profile() -> None:
    write_file('[profiles.mine]\ntitle = "{x}"\n')
    with pytest.raises(RecapError, match=r"profiles\.toml, line 2: .*unknown placeholder \{x\}"):
        load_profiles().named("mine")


def test_a_file_not_in_utf8() -> None:
    write_file("")
    profile_path().write_bytes(b'[profiles.a]\ntitle = "\xff"\n')
    assert "not UTF-8" in str(load_profiles().problem)


# -- the command line ----------------------------------------------------------------


def test_recap_profiles_json_and_text() -> None:
    write_file('[profiles.mine]\nformat = "html"\ntitle = "{title} ({date})"\n')
    code, out, err = run_cli("profiles", "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [item["name"] for item in listed] == ["tistory", "velog", "jekyll", "hugo", "mine"]
    assert {"name", "format", "front_matter", "language", "title"} <= set(listed[0])
    assert listed[4]["title"] == "{title} ({date})" and listed[4]["format"] == "html"
    code, out, _err = run_cli("profiles")
    assert code == 0 and "[메모] <{title}> 후기" in out and str(profile_path()) in out


def test_recap_profiles_with_a_broken_file_warns_and_lists_builtins() -> None:
    write_file("[profiles.a\n")
    code, out, err = run_cli("profiles", "--json")
    assert code == 0
    assert [item["name"] for item in json.loads(out)] == ["tistory", "velog", "jekyll", "hugo"]
    assert err.startswith("recap: warning: ") and "line 1" in err and err.count("\n") == 1


@pytest.mark.both_backends
def test_export_with_a_profile_and_an_option_that_wins(library: Library) -> None:
    event_id = library.create_event(SONGDO)
    db = where(library.location) if library.location is not None else ""
    code, out, err = run_cli("--db", db, "export", str(event_id), "--profile", "tistory")
    assert (code, err) == (0, "")
    assert ">[메모] &lt;Build With AI in Songdo&gt; 후기</h1>" in out
    code, out, err = run_cli(
        "--db",
        db,
        "export",
        str(event_id),
        "--profile",
        "tistory",
        "--format",
        "md",
        "--lang",
        "en",
    )
    assert (code, err) == (0, "")
    assert out.startswith("# \\[메모\\] \\<Build With AI in Songdo> 후기\n")  # escaped markdown
    assert "- Date: Sat, 13 Sep 2025" in out
    code, out, err = run_cli("--db", db, "export", str(event_id), "--profile", "velog")
    assert code == 0 and out.startswith("- 일시: 2025년 09월 13일 (토)\n")  # Velog shows the title


def test_export_with_an_unknown_profile_is_bad_input(library: Library) -> None:
    event_id = library.create_event(SONGDO)
    code, out, err = run_cli(
        "--db", str(library.location), "export", str(event_id), "--profile", "medium"
    )
    assert (code, out) == (2, "")
    assert "There is no profile “medium”; the profiles are: tistory, velog, jekyll, hugo." in err
