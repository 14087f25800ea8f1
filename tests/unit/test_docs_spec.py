"""The recap-json specification ships in docs/, agrees with the packaged schema, and the
README files link to it (not to a folder beside the repository that users do not have)."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DOCS = REPO_ROOT / "docs"
SPEC = DOCS / "recap-json-v1.md"
PACKAGED_SCHEMA = REPO_ROOT / "recap" / "interchange" / "recap-json-v1.schema.json"
USER_FACING = [REPO_ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
# A table row of the spec: | `field` | type | yes / no / see below | meaning |
FIELD_ROW = re.compile(r"^\| `(\w+)` \| [^|]+ \| (yes|no)\b", re.MULTILINE)
LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)#\s]+)")
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)  # examples, not links


@pytest.mark.parametrize("version", [1, 2])
def test_the_schemas_in_docs_are_the_packaged_ones(version: int) -> None:
    name = f"recap-json-v{version}.schema.json"
    assert (DOCS / name).read_bytes() == (PACKAGED_SCHEMA.parent / name).read_bytes()


def test_the_v2_spec_lists_what_v2_adds_to_v1() -> None:
    """Every field the v2 schema has and v1 lacks is in a table of the v2 spec, under
    the heading of the object that carries it."""
    v1 = json.loads(PACKAGED_SCHEMA.read_text(encoding="utf-8"))["$defs"]
    v2_path = PACKAGED_SCHEMA.parent / "recap-json-v2.schema.json"
    v2 = json.loads(v2_path.read_text(encoding="utf-8"))["$defs"]
    text = (DOCS / "recap-json-v2.md").read_text(encoding="utf-8")
    added = {
        (definition, name)
        for definition, schema in v2.items()
        for name in schema.get("properties", {})
        if name not in v1.get(definition, {}).get("properties", {})
    }
    listed = set()
    for section in re.split(r"\n### ", text)[1:]:
        heading, _, body = section.partition("\n")
        rows = re.findall(r"^\| `(\w+)` \|", body, re.MULTILINE)
        listed |= {(heading.strip().lower(), name) for name in rows}
    assert added and added == listed


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
    for version in (1, 2):
        readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
        assert f"](docs/recap-json-v{version}.md)" in readme
        assert f"](recap-json-v{version}.md)" in (DOCS / "README.md").read_text(encoding="utf-8")
