"""Real Hugo and Jekyll for the tests that build exported posts into a site.

On a developer's machine without them those tests are skipped, saying so; under CI
(`CI` set) a missing one is a failure: `.ci/install-system-deps` installs both."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def site_generator(program: str) -> str:
    """The path of ``hugo`` or ``jekyll``."""
    path = shutil.which(program)
    if path is not None:
        return path
    message = f"{program} is not installed (.ci/install-system-deps installs it)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def hugo_site(folder: Path) -> Path:
    """A bare Hugo site (pages show their content only); posts go in content/posts."""
    site = folder / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "http://example.org/"\ntitle = "t"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
    )
    (site / "layouts" / "_default" / "single.html").write_text("<html>{{ .Content }}</html>")
    (site / "layouts" / "_default" / "list.html").write_text("<html></html>")
    return site


def build_hugo(site: Path) -> Path:
    """The built site's folder (``public``)."""
    built = subprocess.run(
        [site_generator("hugo"), "--quiet", "--source", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    return site / "public"


def jekyll_site(folder: Path) -> Path:
    """A bare Jekyll site (posts show their content only); posts go in _posts."""
    site = folder / "jekyll"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: t\nmarkdown: kramdown\n")
    (site / "_layouts" / "post.html").write_text("<html>{{ content }}</html>")
    return site


def build_jekyll(site: Path) -> Path:
    """The built site's folder (``_site``)."""
    destination = site / "_site"
    command = [site_generator("jekyll"), "build", "--quiet"]
    built = subprocess.run(
        [*command, "--source", str(site), "--destination", str(destination)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    return destination
