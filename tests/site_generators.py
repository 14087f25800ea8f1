"""Real Hugo and Jekyll for the tests that build exported posts into a site.

On a developer's machine without them those tests are skipped, saying so; under CI
(`CI` set) a missing one is a failure: `.ci/install-system-deps` installs both."""

import os
import shutil

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
