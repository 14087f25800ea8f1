"""Builds the translations (``.ts`` → ``.qm``) into the wheel; everything else about
the package is in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("resources", "translations")


def lrelease() -> list[str]:
    """Qt's translation compiler, as shipped inside the PySide6 wheel."""
    import PySide6

    return [str(Path(PySide6.__file__).parent / "lrelease")]


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads resources/, where `make translations` builds
        target = Path(self.build_lib, "recap", "resources", "translations")
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(TRANSLATIONS.glob("*.ts")):
            compiled = target / source.with_suffix(".qm").name
            subprocess.run([*lrelease(), "-silent", str(source), "-qm", str(compiled)], check=True)
        if not any(target.glob("*.qm")):
            sys.exit("no translations were built")


setup(cmdclass={"build_py": BuildPyWithTranslations})
