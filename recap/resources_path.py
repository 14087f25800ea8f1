"""Files shipped with the app (templates, samples, icons), found the same way
whether Recap runs from a checkout or from an installed wheel."""

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    return resources.files("recap.resources").joinpath(*parts)


def sample_library_json() -> bytes:
    return resource("samples", "sample-library.json").read_bytes()
