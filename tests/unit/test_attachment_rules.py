"""The rules for pictures and files, and the markdown that refers to them (no library)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recap.domain.attachments import (
    MAX_ATTACHMENT_BYTES,
    check_data,
    clean_name,
    media_type_for,
    name_for_file,
    name_key,
    unique_name,
)
from recap.domain.references import (
    attachment_references,
    recaptioned,
    reference_markdown,
    references,
    renamed,
)
from recap.errors import InvalidInput
from tests.pictures import GIF_BYTES, PDF_BYTES, SVG_BYTES, png_bytes


def test_names_are_made_from_a_caption_or_a_file_name_keeping_hangul() -> None:
    assert name_for_file("clipboard.png", "MemGPT 구조") == "memgpt-구조.png"
    assert name_for_file("Slide 1 (final).PNG") == "slide-1-final.png"
    assert name_for_file("발표 자료.pdf") == "발표-자료.pdf"
    assert name_for_file("", None, "image/png") == "file.png"
    assert name_for_file("../../etc/passwd") == "passwd"
    assert name_for_file("C:\\Users\\me\\사진.JPEG") == "사진.jpeg"
    assert len(name_for_file("가" * 300 + ".jpeg")) == 120


def test_names_are_unique_within_the_event_whatever_their_case() -> None:
    assert unique_name("Slide.png", ["slide.PNG", "slide-2.png"]) == "Slide-3.png"
    assert unique_name("notes", ["NOTES"]) == "notes-2"
    assert unique_name("a.png", []) == "a.png"
    assert name_key("Ａ.png") != name_key("a.png")  # NFC, not compatibility folding
    assert name_key("한글.PNG") == name_key("한글.png")
    # decomposed Hangul (as macOS types it) is the same name
    assert name_key("\u1112\u1161\u11ab.png") == name_key("한.png")


@pytest.mark.parametrize(
    "bad", ["", "  ", ".", "..", "a/b.png", "a\\b.png", "tab\there", "x" * 121]
)
def test_a_name_that_could_leave_its_folder_or_break_a_link_is_refused(bad: str) -> None:
    with pytest.raises(InvalidInput):
        clean_name(bad)


def test_types_come_from_the_bytes_first() -> None:
    assert media_type_for("photo.jpg", png_bytes()) == "image/png"
    assert media_type_for("anim", GIF_BYTES) == "image/gif"
    assert media_type_for("slides.bin", PDF_BYTES) == "application/pdf"
    assert media_type_for("table.csv", b"a,b\n") == "text/csv"
    assert media_type_for("blob", b"\x00\x01") == "application/octet-stream"


@pytest.mark.parametrize(
    ("name", "media_type", "data"),
    [
        ("x.svg", "image/svg+xml", SVG_BYTES),
        ("x.png", "image/png", SVG_BYTES),  # an SVG under a picture's name
        ("x.txt", "text/plain", b"\xef\xbb\xbf  <?xml version='1.0'?>\n<svg/>"),
        ("page.html", "text/plain", b"hello"),
        ("page", "application/octet-stream", b"<!DOCTYPE html><p>hi"),
    ],
)
def test_svg_and_web_pages_are_refused(name: str, media_type: str, data: bytes) -> None:
    with pytest.raises(InvalidInput, match="can carry scripts"):
        check_data(name, data, media_type)


def test_empty_and_oversized_files_are_refused_with_a_sentence() -> None:
    with pytest.raises(InvalidInput, match="is empty"):
        check_data("a.png", b"", "image/png")
    with pytest.raises(InvalidInput, match=r"“big.png” is 50.0 MB; .* at most 50 MB"):
        check_data("big.png", b"\0" * (MAX_ATTACHMENT_BYTES + 1), "image/png")
    check_data("ok.png", b"\0" * MAX_ATTACHMENT_BYTES, "image/png")


NOTE = """Intro ![MemGPT 구조](memgpt-구조.png) and [slides](<slide 1.pdf> "title")
`![in code](code.png)` and ![](a%20b.png)
```
![fenced](fenced.png)
```
    ![indented](indented.png)

- [web](https://example.com/a.png) [anchor](#top) [up](../x.png) [abs](/x.png) \\[no](esc.png)
- nested [![inner](inner.png)](outer.pdf)
"""


def test_references_are_found_outside_code_only() -> None:
    names = [ref.name for ref in attachment_references(NOTE)]
    assert names == ["memgpt-구조.png", "slide 1.pdf", "a b.png", "inner.png", "outer.pdf"]
    assert [ref.is_image for ref in attachment_references(NOTE)] == [
        True, False, True, True, False,
    ]  # fmt: skip
    assert len(references(NOTE)) == 9  # web, anchor, up and abs too


def test_renaming_changes_only_the_references_and_keeps_everything_else() -> None:
    changed = renamed(NOTE, "MEMGPT-구조.PNG", "새 이름 (1).png")
    assert changed is not None
    assert "![MemGPT 구조](<새 이름 (1).png>)" in changed
    assert changed.replace("<새 이름 (1).png>", "memgpt-구조.png") == NOTE
    assert renamed(NOTE, "nothing.png", "x.png") == NOTE
    assert "](a-b.png)" in (renamed(NOTE, "a b.png", "a-b.png") or "")


def test_a_caption_fills_empty_alt_text_and_replaces_the_old_caption_only() -> None:
    text = "![](p.png) ![Old](p.png) ![Mine](p.png) ![](other.png)"
    assert recaptioned(text, "P.PNG", "Old", "New [1]") == (
        r"![New \[1\]](p.png) ![New \[1\]](p.png) ![Mine](p.png) ![](other.png)"
    )


names = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"),
    min_size=1,
    max_size=40,
).filter(lambda name: name.strip() not in ("", ".", ".."))


@given(names, st.text(max_size=30), st.booleans())
def test_any_name_and_caption_read_back_from_the_reference_made(
    name: str, caption: str, picture: bool
) -> None:
    name = clean_name(name)
    made = reference_markdown(name, caption, picture)
    [ref] = attachment_references(f"before {made} after") or [None]
    assert ref is not None
    assert ref.is_image == picture
    assert ref.name == name
    assert renamed(made, name, "x.png") == made.replace(made[made.index("](") :], "](x.png)")
