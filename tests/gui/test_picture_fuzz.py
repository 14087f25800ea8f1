"""Damaged pictures never crash the preview or the thumbnailer: any bytes, any mangling
of a real PNG, JPEG, GIF or WebP, decode to a picture or to nothing."""

import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter

from recap.ui.pictures import THUMBNAIL_SIZE, decode, thumbnail_on_worker, thumbnail_path
from tests.pictures import GIF_BYTES, png_bytes

MEDIA_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"]
# The decoders complain about damaged data on Qt's log: expected here, not a failure.
pytestmark = pytest.mark.qt_log_level_fail("CRITICAL")


def encoded(image_format: bytes, width: int = 40, height: int = 30) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(30, 120, 200))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(image_format)).write(image)
    return bytes(buffer.data().data())


@pytest.fixture(scope="module")
def seeds(qapp: object) -> dict[str, bytes]:
    return {
        "image/png": png_bytes(40, 30),
        "image/jpeg": encoded(b"jpeg"),
        "image/gif": GIF_BYTES,
        "image/webp": encoded(b"webp"),
    }


def test_the_seeds_decode(seeds: dict[str, bytes]) -> None:
    for media_type, data in seeds.items():
        image = decode(data, media_type)
        assert image is not None, media_type
        assert decode(data, media_type, fit=8) is not None


@st.composite
def mangled(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        place = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[place] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[place : place + draw(st.integers(1, 64))]
        elif action == "insert":
            data[place:place] = draw(st.binary(min_size=1, max_size=32))
        else:
            data[place:place] = data[place : place + 16] * draw(st.integers(1, 50))
    return bytes(data)


fuzzing = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzzing
@given(data=st.binary(max_size=2048), media_type=st.sampled_from(MEDIA_TYPES))
def test_any_bytes_decode_to_a_picture_or_nothing(
    qapp: object, data: bytes, media_type: str
) -> None:
    image = decode(data, media_type, fit=THUMBNAIL_SIZE)
    assert image is None or not image.isNull()


@fuzzing
@given(choice=st.sampled_from(MEDIA_TYPES), data=st.data())
def test_mangled_pictures_decode_to_a_picture_or_nothing(
    seeds: dict[str, bytes], choice: str, data: st.DataObject
) -> None:
    damaged = data.draw(mangled(seeds[choice]))
    for media_type in MEDIA_TYPES:  # also under another type's name
        image = decode(damaged, media_type, fit=THUMBNAIL_SIZE)
        assert image is None or (0 < image.width() <= THUMBNAIL_SIZE)


@fuzzing
@given(choice=st.sampled_from(MEDIA_TYPES), data=st.data())
def test_the_thumbnailer_survives_damaged_pictures_and_a_damaged_cache(
    seeds: dict[str, bytes],
    tmp_path_factory: pytest.TempPathFactory,
    choice: str,
    data: st.DataObject,
) -> None:
    folder = tmp_path_factory.mktemp("thumbnails")
    damaged = data.draw(mangled(seeds[choice]))
    sha256 = "ab" * 32
    path = thumbnail_path(folder, sha256)
    path.parent.mkdir(parents=True)
    path.write_bytes(data.draw(mangled(png_bytes(8, 8))))  # a damaged cached thumbnail
    image = thumbnail_on_worker(sha256, choice, lambda _sha: damaged, folder)
    assert image is None or max(image.width(), image.height()) <= THUMBNAIL_SIZE


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims an enormous picture (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def test_a_picture_claiming_billions_of_pixels_is_not_decoded(qapp: object, tmp_path: Path) -> None:
    assert decode(png_claiming(100_000, 100_000), "image/png") is None
    assert decode(png_claiming(100_000, 100_000), "image/png", fit=THUMBNAIL_SIZE) is None
    assert (
        thumbnail_on_worker(
            "cd" * 32, "image/png", lambda _: png_claiming(60_000, 60_000), tmp_path
        )
        is None
    )


def test_a_picture_under_another_type_is_not_decoded(seeds: dict[str, bytes]) -> None:
    assert decode(seeds["image/jpeg"], "image/png") is None
    assert decode(seeds["image/png"], "image/gif") is None


def test_an_svg_named_as_a_png_is_not_decoded_as_svg(qapp: object) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<rect width="10" height="10"/></svg>'
    )
    assert decode(svg, "image/png") is None
    assert decode(svg, "image/svg+xml") is None
