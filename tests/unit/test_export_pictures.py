"""Exported posts carry their pictures in each site's layout, and come back with them.

Every link in an exported post is followed as its site would follow it (relative to
the post, the page bundle or the site root) to a file holding the attachment's exact
bytes; with Hugo and Jekyll installed, real sites are built and their pages' links
checked the same way.
"""

import base64
import datetime as dt
import re
import urllib.parse
from pathlib import Path

import pytest

from recap.domain.records import AttachmentRecord, EventRecord, SessionRecord
from recap.domain.references import references
from recap.export.batch import ExportError, export_posts
from recap.export.posts import ExportOptions, render_post, render_post_and_pictures
from recap.interchange.markdown_import import read_markdown_file
from recap.postformat import normalise_event
from tests.pictures import GIF_BYTES, PDF_BYTES, png_bytes
from tests.site_generators import build_hugo, build_jekyll, hugo_site, jekyll_site
from tests.unit.test_cli import run_cli

STEM = "2024-04-13-pycon-한국-2024"
ATTACHMENTS = [
    AttachmentRecord(
        name="memgpt-구조.png",
        media_type="image/png",
        data=png_bytes(40, 30),
        caption="MemGPT 구조",
    ),
    AttachmentRecord(name="slide 1.png", media_type="image/png", data=png_bytes(9, 9, (0, 0, 200))),
    AttachmentRecord(name="a:b?.gif", media_type="image/gif", data=GIF_BYTES),
    AttachmentRecord(name="con.png", media_type="image/png", data=png_bytes(2, 2)),
    AttachmentRecord(name="slides.pdf", media_type="application/pdf", data=PDF_BYTES),
]


def pycon() -> EventRecord:
    return EventRecord(
        title="PyCon 한국 2024",
        start_date=dt.date(2024, 4, 13),
        summary="Overview: ![MemGPT 구조](memgpt-구조.png)",
        sessions=[
            SessionRecord(
                title="Talk 1",
                notes=(
                    "- ![](<slide 1.png>)\n- ![odd](a%3Ab%3F.gif)\n- ![dev](con.png)\n"
                    "- [the slides](slides.pdf)\n- [a site](https://example.com/x.png)"
                ),
            )
        ],
        attachments=[AttachmentRecord(**vars(item)) for item in ATTACHMENTS],
    )


def options(front_matter: str = "none", post_format: str = "md") -> ExportOptions:
    return ExportOptions(format=post_format, front_matter=front_matter, language="en")  # type: ignore[arg-type]


def local_links(post: Path) -> list[str]:
    text = post.read_text(encoding="utf-8")
    return [ref.target for ref in references(text) if not ref.target.startswith("https:")]


def followed(link: str, post: Path, site: Path) -> Path:
    """Where a site takes a link of ``post``: site-absolute from the site's root, else
    beside the post."""
    path = urllib.parse.unquote(link)
    return site / path.lstrip("/") if path.startswith("/") else post.parent / path


def assert_every_link_reaches_its_bytes(post: Path, site: Path) -> None:
    links = local_links(post)
    assert len(links) == len(ATTACHMENTS)
    for link, attachment in zip(links, ATTACHMENTS, strict=True):
        target = followed(link, post, site)
        assert target.resolve().is_relative_to(site.resolve())
        assert target.read_bytes() == attachment.data, link


@pytest.mark.parametrize(
    ("front_matter", "post", "site_of"),
    [
        ("none", f"{STEM}.md", lambda out: out),
        ("hugo", f"{STEM}/index.md", lambda out: out),
        ("jekyll", f"{STEM}.md", lambda out: out.parent),
    ],
    ids=["markdown-folder", "hugo-bundle", "jekyll-assets"],
)
def test_each_layout_links_every_picture_to_its_exact_bytes(
    tmp_path: Path, front_matter: str, post: str, site_of: object
) -> None:
    out = tmp_path / "site" / "_posts" if front_matter == "jekyll" else tmp_path / "out"
    result = export_posts([pycon()], out, options(front_matter))
    assert result.written == [(out / post).resolve()]
    assert result.problems == []
    assert len(result.files) == len(ATTACHMENTS)
    assert callable(site_of)
    assert_every_link_reaches_its_bytes(out / post, site_of(out))
    names = sorted(path.name for path in result.files)
    assert names == sorted(
        ["memgpt-구조.png", "slide 1.png", "a-b-.gif", "con-file.png", "slides.pdf"]
    )


def test_jekyll_pictures_are_in_the_site_assets_linked_site_absolute(tmp_path: Path) -> None:
    posts = tmp_path / "blog" / "_posts"
    export_posts([pycon()], posts, options("jekyll"))
    text = (posts / f"{STEM}.md").read_text(encoding="utf-8")
    assert f"![MemGPT 구조](/assets/images/{STEM}/memgpt-구조.png)" in text
    assert (tmp_path / "blog" / "assets" / "images" / STEM / "slides.pdf").read_bytes() == PDF_BYTES


def test_a_missing_picture_is_reported_and_its_link_kept(tmp_path: Path) -> None:
    event = pycon()
    event.sessions[0].notes = "![lost](gone.png) ![](memgpt-구조.png)"
    result = export_posts([event], tmp_path, options())
    [problem] = result.problems
    assert str(problem) == (
        "“PyCon 한국 2024”: the notes of “Talk 1” link “gone.png”, which is not attached; "
        "the link was kept as it is."
    )
    assert "![lost](gone.png)" in (tmp_path / f"{STEM}.md").read_text(encoding="utf-8")


def test_a_post_that_gains_pictures_becomes_a_bundle_and_stays_one(tmp_path: Path) -> None:
    plain = EventRecord(title="PyCon 한국 2024", start_date=dt.date(2024, 4, 13), summary="x")
    export_posts([plain], tmp_path, options("hugo"))
    assert (tmp_path / f"{STEM}.md").is_file()
    export_posts([pycon()], tmp_path, options("hugo"))
    assert not (tmp_path / f"{STEM}.md").exists()  # Hugo would show the post twice
    assert (tmp_path / STEM / "index.md").is_file()
    export_posts([plain], tmp_path, options("hugo"))  # its pictures deleted since
    assert not (tmp_path / f"{STEM}.md").exists()
    assert "x" in (tmp_path / STEM / "index.md").read_text(encoding="utf-8")


def test_a_symbolic_link_never_leads_the_pictures_out_of_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / STEM).symlink_to(outside, target_is_directory=True)
    with pytest.raises(ExportError, match="leads outside"):
        export_posts([pycon()], out, options())
    assert list(outside.iterdir()) == []


def test_an_unchanged_picture_is_not_written_again(tmp_path: Path) -> None:
    export_posts([pycon()], tmp_path, options())
    picture = tmp_path / STEM / "memgpt-구조.png"
    stamp = picture.stat().st_mtime_ns
    picture.chmod(0o444)  # a rewrite would replace it; an unchanged one is left
    export_posts([pycon()], tmp_path, options())
    assert picture.stat().st_mtime_ns == stamp


def test_the_html_for_pasting_carries_the_pictures_as_data(tmp_path: Path) -> None:
    html, pictures = render_post_and_pictures(pycon(), options(post_format="html"))
    sources = re.findall(r'<img[^>]*\bsrc="([^"]+)"', html)
    assert len(sources) == 4
    for source, attachment in zip(sources, ATTACHMENTS[:4], strict=True):
        head, data = source.split(",", 1)
        assert head == f"data:{attachment.media_type};base64"
        assert base64.b64decode(data) == attachment.data
    assert [str(problem) for problem in pictures.problems] == [
        "“slides.pdf” is not a picture, so a pasted post cannot carry it; upload it to the "
        "blog and link it there."
    ]


def test_a_note_cannot_smuggle_its_own_data_uri_into_a_post() -> None:
    event = pycon()
    forged = "data:text/html;base64," + base64.b64encode(b"<script>x</script>").decode()
    event.summary = f"![x]({forged}) [y](recap-attachment-0)"
    html = render_post(event, options(post_format="html"))
    assert "text/html" not in html
    assert 'href="recap-attachment-0"' in html  # not a placeholder of this post


def test_html_saved_beside_its_pictures_links_them_relatively(tmp_path: Path) -> None:
    saving = ExportOptions(format="html", language="en", pictures="folder")
    result = export_posts([pycon()], tmp_path, saving)
    html = (tmp_path / f"{STEM}.html").read_text(encoding="utf-8")
    assert "data:" not in html
    for source in re.findall(r'<img[^>]*\bsrc="([^"]+)"', html):
        assert (tmp_path / urllib.parse.unquote(source)).is_file()
    assert len(result.files) == len(ATTACHMENTS)


def test_one_post_to_stdout_says_where_its_pictures_would_go(
    tmp_path: Path,
) -> None:
    from recap.interchange.recap_json import dump_document

    db = tmp_path / "library.db"
    source = tmp_path / "in.json"
    source.write_text(dump_document([pycon()]), encoding="utf-8")
    run_cli("--db", str(db), "load", str(source))
    code, out, err = run_cli("--db", str(db), "export", "1", "--lang", "en")
    assert code == 0
    assert f"![MemGPT 구조]({STEM}/memgpt-구조.png)" in out
    assert err == (
        f"recap: the post links 5 pictures and files at {STEM}/, which standard output "
        "cannot carry; give --out DIR to write them there beside the post.\n"
    )
    code, out, err = run_cli("--db", str(db), "export", "1", "--format", "html")
    assert code == 0
    assert out.count('src="data:image/') == 4
    assert "slides.pdf" in err


@pytest.mark.parametrize("front_matter", ["none", "hugo", "jekyll"])
def test_an_exported_post_comes_back_with_its_pictures(tmp_path: Path, front_matter: str) -> None:
    out = tmp_path / "_posts"
    result = export_posts([pycon()], out, options(front_matter))
    [post] = result.written
    imported = read_markdown_file(post)
    # Names come back as written on disk (made safe for every file system).
    renamed = {"a:b?.gif": "a-b-.gif", "con.png": "con-file.png"}
    assert [(item.name, item.data) for item in imported.attachments] == [
        (renamed.get(item.name, item.name), item.data) for item in ATTACHMENTS
    ]
    assert imported.attachments[0].caption == "MemGPT 구조"
    expected = normalise_event(pycon())
    assert imported.summary == expected.summary
    assert imported.sessions[0].notes == (
        "- ![](<slide 1.png>)\n- ![odd](a-b-.gif)\n- ![dev](con-file.png)\n"
        "- [the slides](slides.pdf)\n- [a site](https://example.com/x.png)"
    )


def test_an_import_reads_nothing_outside_the_post_picture_folders(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    posts = tmp_path / "blog" / "_posts"
    export_posts([pycon()], posts, options("jekyll"))
    post = posts / f"{STEM}.md"
    assets = tmp_path / "blog" / "assets" / "images" / STEM
    (assets / "link.txt").symlink_to(secret)
    text = post.read_text(encoding="utf-8")
    text += (
        "\n[a](../../secret.txt) [b](/../secret.txt) [c](/assets/images/x/../../../../secret.txt)"
    )
    post.write_text(text, encoding="utf-8")
    imported = read_markdown_file(post)
    assert all(item.data != b"password" for item in imported.attachments)
    assert "(../../secret.txt)" in (imported.summary or "") + str(imported.sessions)


def test_a_real_hugo_site_serves_every_picture(tmp_path: Path) -> None:
    site = hugo_site(tmp_path)
    export_posts([pycon()], site / "content" / "posts", options("hugo"))
    public = build_hugo(site)
    [page] = (public / "posts").glob("*/index.html")
    assert_served(page, public)


def test_a_real_jekyll_site_serves_every_picture(tmp_path: Path) -> None:
    site = jekyll_site(tmp_path)
    export_posts([pycon()], site / "_posts", options("jekyll"))
    built = build_jekyll(site)
    [page] = built.glob("**/*.html")
    assert_served(page, built)


def assert_served(page: Path, root: Path) -> None:
    """Every picture and file the built page links is in the built site, byte for byte."""
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'(?:src|href)="([^"#]+)"', html)
    local = [link for link in links if not link.startswith("https:")]
    assert len(local) == len(ATTACHMENTS)
    for link, attachment in zip(local, ATTACHMENTS, strict=True):
        assert followed(link, page, root).read_bytes() == attachment.data, link
