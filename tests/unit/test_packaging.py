"""The wheel ships every package of the source tree and every resource folder."""

import tomllib

from tests.conftest import REPO_ROOT


def listed_packages() -> set[str]:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(pyproject["tool"]["setuptools"]["packages"])


def test_every_python_package_is_listed() -> None:
    found = {
        ".".join(init.parent.relative_to(REPO_ROOT).parts)
        for init in (REPO_ROOT / "recap").rglob("__init__.py")
    }
    assert found <= listed_packages()


def test_every_resource_folder_is_listed() -> None:
    folders = {
        "recap.resources." + folder.name
        for folder in (REPO_ROOT / "resources").iterdir()
        if folder.is_dir() and not folder.name.startswith((".", "__"))
    }
    assert folders <= listed_packages()
