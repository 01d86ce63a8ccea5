"""GIF: the XMP packet of the ``XMP DataXMP`` application extension (Pillow does not read it)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from catalog.images import read_image
from catalog.images.embed import build_xmp_packet
from catalog.images.gif import gif_xmp

MAGIC_TRAILER = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"


def gif_with_xmp(packet: bytes, *, frames: int = 1) -> bytes:
    buffer = io.BytesIO()
    pictures = [Image.new("P", (48, 30), i * 40) for i in range(frames)]
    pictures[0].save(buffer, "GIF", save_all=frames > 1, append_images=pictures[1:])
    data = buffer.getvalue()
    assert data.endswith(b";")
    return data[:-1] + b"!\xff\x0bXMP DataXMP" + packet + MAGIC_TRAILER + b";"


def test_caption_and_keywords_come_from_the_gif_xmp(tmp_path: Path) -> None:
    packet = build_xmp_packet({"caption": "Fans wave flags in Porto, Portugal", "city": "Porto"})
    path = tmp_path / "animated.gif"
    path.write_bytes(gif_with_xmp(packet, frames=3))
    info = read_image(path)
    assert info.xmp["caption"] == "Fans wave flags in Porto, Portugal"
    assert info.caption == "Fans wave flags in Porto, Portugal"
    assert (info.width, info.height) == (48, 30)


def test_a_gif_without_xmp_gives_none() -> None:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    assert gif_xmp(io.BytesIO(buffer.getvalue())) is None


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=400))
def test_a_cut_gif_never_raises(cut: int) -> None:
    data = gif_with_xmp(build_xmp_packet({"caption": "A caption"}))
    result = gif_xmp(io.BytesIO(data[: len(data) - cut]))
    assert result is None or b"A caption" in result
