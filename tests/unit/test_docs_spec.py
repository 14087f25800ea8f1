"""The recap-json specification ships in docs/, agrees with the packaged schema, and the
README files link to it (not to a folder beside the repository that users do not have)."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DOCS = REPO_ROOT / "docs"
SPEC = DOCS / "recap-json-v1.md"
DOCS_SCHEMA = DOCS / "recap-json-v1.schema.json"
PACKAGED_SCHEMA = REPO_ROOT / "recap" / "interchange" / "recap-json-v1.schema.json"
USER_FACING = [REPO_ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
# A table row of the spec: | `field` | type | yes / no / see below | meaning |
FIELD_ROW = re.compile(r"^\| `(\w+)` \| [^|]+ \| (yes|no)\b", re.MULTILINE)
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)#\s]+)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)  # examples, not links


def test_the_schema_in_docs_is_the_packaged_one() -> None:
    assert DOCS_SCHEMA.read_bytes() == PACKAGED_SCHEMA.read_bytes()


def spec_section(title: str) -> str:
    text = SPEC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize(("section", "definition"), [("EVENT", "event"), ("SESSION", "session")])
def test_the_spec_tables_list_the_schema_fields_and_what_is_required(
    section: str, definition: str
) -> None:
    schema = json.loads(PACKAGED_SCHEMA.read_text(encoding="utf-8"))["$defs"][definition]
    rows = dict(FIELD_ROW.findall(spec_section(section)))
    assert list(rows) == list(schema["properties"])
    assert [name for name, required in rows.items() if required == "yes"] == schema["required"]


def test_the_spec_names_every_field_of_links_and_qa() -> None:
    schema = json.loads(PACKAGED_SCHEMA.read_text(encoding="utf-8"))["$defs"]
    for section, definition in (("LINK", "link"), ("QA", "qa")):
        text = spec_section(section)
        for name in schema[definition]["properties"]:
            assert f"`{name}`" in text or f'"{name}"' in text, (section, name)


@pytest.mark.parametrize("page", USER_FACING, ids=lambda page: page.name)
def test_user_facing_pages_point_only_at_files_in_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "shared/spec" not in text and "../shared" not in text
    for target in LOCAL_LINK.findall(CODE.sub("", text)):
        assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_both_readmes_link_to_the_spec() -> None:
    assert "](docs/recap-json-v1.md)" in (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "](recap-json-v1.md)" in (DOCS / "README.md").read_text(encoding="utf-8")
