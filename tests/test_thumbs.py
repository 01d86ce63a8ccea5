"""Thumbnails (EXIF preview, draft mode, plain decode), orientation, dhash and hamming."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pillow_heif
import pytest
from PIL import Image, ImageDraw, ImageOps

from catalog.images import ImageReadError, read_image
from catalog.images.embed import add_exif_thumbnail, build_exif, make_jpeg
from catalog.images.thumbs import Thumbnail, dhash, draft_request, hamming, make_thumbnail


def scene(size: tuple[int, int] = (1200, 800), seed: int = 0) -> Image.Image:
    """A picture with structure: dark-to-bright from top to bottom, a dark block bottom-left,
    a sun on the right."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height // 2, width // 3, height), fill=(20 + seed, 40, 30))
    draw.ellipse((2 * width // 3, height // 8, 5 * width // 6, 3 * height // 8), fill="yellow")
    return image


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def decoded(thumb: Thumbnail) -> Image.Image:
    image = Image.open(io.BytesIO(thumb.jpeg))
    assert image.format == "JPEG"
    assert image.size == (thumb.width, thumb.height)
    return image


def preview_jpeg(image: Image.Image, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    ImageOps.contain(image, size).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def test_big_enough_exif_preview_is_used(tmp_path: Path) -> None:
    picture = scene()
    exif = add_exif_thumbnail(build_exif(make="Canon"), preview_jpeg(picture, (240, 240)))
    thumb = make_thumbnail(write(tmp_path, "p.jpg", make_jpeg(picture, exif=exif)))
    assert thumb.source == "exif"
    assert (thumb.width, thumb.height) == (240, 160)
    decoded(thumb)


def test_a_large_picture_is_not_made_from_a_small_exif_preview(tmp_path: Path) -> None:
    """The photo page's 1280-px preview: a 240-px EXIF preview is too small for it."""
    from datasette_catalog.preview import preview_jpeg as page_preview

    picture = scene((1600, 1066))
    exif = add_exif_thumbnail(build_exif(make="Canon"), preview_jpeg(picture, (240, 240)))
    path = write(tmp_path, "p.jpg", make_jpeg(picture, exif=exif))
    assert make_thumbnail(path).source == "exif"
    big = make_thumbnail(path, max_size=1280)
    assert big.source == "draft" and (big.width, big.height) == (1280, 853)
    assert Image.open(io.BytesIO(page_preview(str(path)))).size == (1280, 853)


def test_small_exif_preview_falls_back_to_draft_mode(tmp_path: Path) -> None:
    picture = scene()
    exif = add_exif_thumbnail(build_exif(), preview_jpeg(picture, (120, 120)))
    thumb = make_thumbnail(write(tmp_path, "s.jpg", make_jpeg(picture, exif=exif)))
    assert thumb.source == "draft"
    assert (thumb.width, thumb.height) == (320, 213)


def test_letterboxed_preview_is_not_used(tmp_path: Path) -> None:
    picture = scene()
    boxed = Image.new("RGB", (200, 200))
    boxed.paste(ImageOps.contain(picture, (200, 200)), (0, 33))
    buffer = io.BytesIO()
    boxed.save(buffer, "JPEG")
    exif = add_exif_thumbnail(build_exif(), buffer.getvalue())
    thumb = make_thumbnail(write(tmp_path, "b.jpg", make_jpeg(picture, exif=exif)))
    assert thumb.source == "draft"


def test_orientation_is_honoured(tmp_path: Path) -> None:
    picture = scene()  # landscape, dark block bottom-left
    data = make_jpeg(picture, exif=build_exif(orientation=6))  # rotate 90 degrees clockwise
    thumb = make_thumbnail(write(tmp_path, "r.jpg", data), max_size=160)
    assert (thumb.width, thumb.height) == (107, 160)
    upright = decoded(thumb).convert("L")
    # a clockwise turn takes the dark block (bottom-left) to the top-left and the bright
    # bottom-right corner of the gradient sky to the bottom-left
    assert upright.getpixel((10, 10)) < 80
    assert upright.getpixel((10, thumb.height - 10)) > 150


def test_png_with_transparency_is_decoded_onto_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, 100, 100), fill=(255, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    thumb = make_thumbnail(write(tmp_path, "t.png", buffer.getvalue()), max_size=200)
    assert (thumb.source, thumb.width, thumb.height) == ("decode", 200, 150)
    small = decoded(thumb).convert("RGB")
    assert small.getpixel((190, 140))[0] > 240  # transparent became white, not black


def test_cmyk_jpeg(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    scene((400, 300)).convert("CMYK").save(buffer, "JPEG")
    thumb = make_thumbnail(write(tmp_path, "c.jpg", buffer.getvalue()), max_size=100)
    assert decoded(thumb).mode == "RGB"


def test_bad_files_raise_image_read_error(tmp_path: Path) -> None:
    noisy = Image.effect_noise((400, 300), 60).convert("RGB")
    data = make_jpeg(noisy)
    cases = {
        "empty.jpg": b"",
        "text.jpg": b"just some words, not a picture\n",
        "cut.jpg": data[: len(data) // 2],
    }
    for name, content in cases.items():
        with pytest.raises(ImageReadError):
            make_thumbnail(write(tmp_path, name, content))
    with pytest.raises(ImageReadError):
        make_thumbnail(tmp_path / "missing.jpg")


def test_dhash_links_a_recompressed_copy_and_not_another_picture(tmp_path: Path) -> None:
    original = scene()
    first = write(tmp_path, "first.jpg", make_jpeg(original, quality=90))
    resent = write(tmp_path, "resent.jpg", make_jpeg(original.resize((900, 600)), quality=40))
    other = write(tmp_path, "other.jpg", make_jpeg(ImageOps.mirror(original), quality=90))
    first_hash, resent_hash, other_hash = dhash(first), dhash(resent), dhash(other)
    assert len(first_hash) == 16
    int(first_hash, 16)
    assert hamming(first_hash, resent_hash) <= 6
    assert hamming(first_hash, other_hash) >= 16


def test_dhash_from_a_thumbnail_matches_dhash_from_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jpg", make_jpeg(scene()))
    thumb = make_thumbnail(path)
    assert hamming(dhash(decoded(thumb)), dhash(path)) <= 6


def test_dhash_of_an_image_object_is_stable() -> None:
    image = scene((300, 200))
    assert dhash(image) == dhash(image.copy())


def test_hamming() -> None:
    assert hamming("0000000000000000", "ffffffffffffffff") == 64
    assert hamming("00000000000000ff", "000000000000000f") == 4
    assert hamming("abcdef0123456789", "abcdef0123456789") == 0


def test_every_format_is_turned_upright_exactly_once(tmp_path: Path) -> None:
    """Pillow turns TIFF and pillow-heif turns HEIF by themselves; JPEG is turned by us."""
    picture = scene((600, 400))
    exif = build_exif(orientation=6)
    jpeg = write(tmp_path, "r.jpg", make_jpeg(picture, exif=exif))
    tiff = tmp_path / "r.tif"
    picture.save(tiff, exif=exif)
    heic = tmp_path / "r.heic"
    pillow_heif.from_pillow(picture).save(heic, exif=exif, quality=60)
    reference = make_thumbnail(jpeg, max_size=120)
    assert (reference.width, reference.height) == (80, 120)
    for path in (tiff, heic):
        thumb = make_thumbnail(path, max_size=120)
        assert (thumb.width, thumb.height) == (80, 120), path.name
        assert hamming(dhash(decoded(thumb)), dhash(decoded(reference))) <= 8, path.name


def test_raw_thumbnail_comes_from_its_embedded_preview(tmp_path: Path) -> None:
    picture = scene()
    exif = add_exif_thumbnail(build_exif(make="NIKON CORPORATION", orientation=8),
                              preview_jpeg(picture, (300, 300)))
    path = write(tmp_path, "DSC_0002.NEF", exif[6:])  # a bare TIFF structure, as NEF starts
    thumb = make_thumbnail(path, max_size=200)
    assert (thumb.source, thumb.width, thumb.height) == ("exif", 133, 200)  # turned upright
    decoded(thumb)


def test_raw_without_preview_is_refused_plainly(tmp_path: Path) -> None:
    path = write(tmp_path, "DSC_0003.NEF", build_exif(make="NIKON CORPORATION")[6:])
    with pytest.raises(ImageReadError, match="without an embedded preview"):
        make_thumbnail(path)


def test_draft_mode_decodes_at_the_strongest_reduction_that_fits() -> None:
    big = scene((3000, 2000))
    buffer = io.BytesIO()
    big.save(buffer, "JPEG", quality=70)
    image = Image.open(buffer)
    image.draft("RGB", draft_request(image.size, 320))
    assert image.size == (375, 250)  # 1/8 scale: the long side still exceeds 320
    assert draft_request((2000, 3000), 320) == (214, 320)


def test_heic_thumbnail_uses_its_embedded_thumbnail_when_big_enough(tmp_path: Path) -> None:
    picture = scene((1600, 1200))
    with_thumb, without = tmp_path / "t.heic", tmp_path / "n.heic"
    picture.save(with_thumb, format="HEIF", quality=50, thumbnails=[400])
    picture.save(without, format="HEIF", quality=50, thumbnails=[])
    thumb = make_thumbnail(with_thumb, max_size=320)
    assert (thumb.source, thumb.width, thumb.height) == ("preview", 320, 240)
    plain = make_thumbnail(without, max_size=320)
    assert (plain.source, plain.width, plain.height) == ("decode", 320, 240)
    assert hamming(dhash(decoded(thumb)), dhash(decoded(plain))) <= 6


def little_tiff(ifds: list[list[tuple[int, int, list[int]]]], blobs: list[bytes]) -> bytes:
    """A little-endian TIFF laid out as NEF files are: IFDs, then ``blobs`` (the previews).

    Each IFD is a list of (tag, type, values). IFD0 chains to the second IFD (IFD1); the
    others are reached as SubIFDs. A value -1-n stands for the offset of IFD n, and a value
    -101-n for the offset of blob n.
    """
    sizes = [2 + 12 * len(entries) + 4 for entries in ifds]
    arrays = [[values for _, _, values in entries if len(values) > 1] for entries in ifds]
    array_bytes = [sum(4 * len(values) for values in group) for group in arrays]
    ifd_at, position = [], 8
    for size, extra in zip(sizes, array_bytes, strict=True):
        ifd_at.append(position)
        position += size + extra
    blob_at = []
    for blob in blobs:
        blob_at.append(position)
        position += len(blob)

    def resolve(value: int) -> int:
        if value <= -101:
            return blob_at[-101 - value]
        return ifd_at[-1 - value] if value < 0 else value

    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index, entries in enumerate(ifds):
        array_at = ifd_at[index] + sizes[index]
        body, tail = bytearray(struct.pack("<H", len(entries))), bytearray()
        for tag, kind, values in entries:
            resolved = [resolve(value) for value in values]
            if len(resolved) == 1:
                body += struct.pack("<HHII", tag, kind, 1, resolved[0])
            else:
                body += struct.pack("<HHII", tag, kind, len(resolved), array_at + len(tail))
                tail += struct.pack(f"<{len(resolved)}I", *resolved)
        following = ifd_at[index + 1] if index + 1 < len(ifds) and index == 0 else 0
        out += body + struct.pack("<I", following) + tail
    for blob in blobs:
        out += blob
    return bytes(out)


def test_raw_thumbnail_picks_the_smallest_big_enough_subifd_preview(tmp_path: Path) -> None:
    big = preview_jpeg(Image.new("RGB", (1200, 800), "red"), (1200, 800))
    small = preview_jpeg(Image.new("RGB", (400, 267), "blue"), (400, 400))
    data = little_tiff(
        [
            [(0x00FE, 4, [1]), (0x0100, 4, [160]), (0x0101, 4, [120]), (0x0112, 4, [1]),
             (0x014A, 4, [-3, -4])],                                       # IFD0
            [(0x00FE, 4, [1]), (0x0201, 4, [-102]), (0x0202, 4, [len(small)])],  # IFD1
            [(0x00FE, 4, [1]), (0x0201, 4, [-101]), (0x0202, 4, [len(big)])],    # SubIFD 0
            [(0x00FE, 4, [0]), (0x0100, 4, [8256]), (0x0101, 4, [5504])],        # SubIFD 1
        ],
        [big, small],
    )
    path = write(tmp_path, "DSC_0004.NEF", data)
    thumb = make_thumbnail(path, max_size=320)
    assert (thumb.source, thumb.width, thumb.height) == ("exif", 320, 214)
    assert decoded(thumb).convert("RGB").getpixel((10, 10))[2] > 200  # the blue 400 px one
    larger = make_thumbnail(path, max_size=600)
    assert (larger.width, larger.height) == (600, 400)
    assert decoded(larger).convert("RGB").getpixel((10, 10))[0] > 200  # the red 1200 px one
    assert (read_image(path).width, read_image(path).height) == (8256, 5504)


def test_dhash_of_a_raw_file_is_the_hash_of_its_preview(tmp_path: Path) -> None:
    picture = scene()
    exif = add_exif_thumbnail(build_exif(make="NIKON CORPORATION"), preview_jpeg(picture, (400, 400)))
    path = write(tmp_path, "DSC_0005.NEF", exif[6:])
    assert hamming(dhash(path), dhash(picture)) <= 6


def test_palette_picture_is_shrunk_smoothly(tmp_path: Path) -> None:
    stripes = Image.new("P", (400, 400))
    stripes.putpalette([0, 0, 0, 255, 255, 255] + [0] * 762)
    for x in range(0, 400, 2):  # one-pixel black and white stripes: grey when averaged
        stripes.paste(1, (x, 0, x + 1, 400))
    buffer = io.BytesIO()
    stripes.save(buffer, "PNG")
    thumb = make_thumbnail(write(tmp_path, "stripes.png", buffer.getvalue()), max_size=100)
    grey = decoded(thumb).convert("L").getpixel((50, 50))
    assert 90 < grey < 165  # nearest-neighbour would give pure black or white
