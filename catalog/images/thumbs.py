"""Thumbnails and perceptual hashes, with as little pixel decoding as the file allows.

``make_thumbnail`` uses, in order: for JPEG the EXIF preview a camera embedded (when its
long side is at least 160 px and its shape matches the picture), else Pillow's draft mode
(DCT scaling, 1/2 to 1/8 of the work); for HEIF its own embedded thumbnail when big enough;
for RAW files (TIFF-based, RAF, CR3, CRW) their embedded JPEG previews, never the sensor data;
for everything else a plain decode. EXIF orientation is honoured, once.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

import exifread
from PIL import ExifTags, Image

from catalog.images.cr3 import raw_exif_from_cr3, read_cr3
from catalog.images.crw import preview_extents
from catalog.images.model import ImageReadError
from catalog.images.raw import embedded_jpegs, ifd0_orientation, raf_preview
from catalog.images.reader import checked_file_size, open_image_lazily
from catalog.images.sniff import is_raw_file, sniff_kind

T = TypeVar("T")
MIN_PREVIEW_SIDE = 160
ASPECT_TOLERANCE = 0.03
JPEG_QUALITY = 80
_PREVIEW_HEADER_BYTES = 256 * 1024
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError)


@dataclass(frozen=True)
class Thumbnail:
    """A small JPEG of the picture, upright.

    ``source``: "exif" (a camera's embedded preview), "preview" (a HEIF's embedded thumbnail),
    "draft" (JPEG DCT-scaled decoding) or "decode" (the whole picture decoded).
    """

    jpeg: bytes
    width: int
    height: int
    source: str
    #: The difference hash of the upright thumbnail's pixels, before JPEG encoding.
    dhash: str


def make_thumbnail(path: str | os.PathLike[str], max_size: int = 320) -> Thumbnail:
    """A JPEG thumbnail whose long side is at most ``max_size``; raises ImageReadError."""
    path_text = os.fspath(path)
    return _decoding_fence(path_text, lambda: _make_thumbnail(path_text, max_size))


def _decoding_fence(path: str, work: Callable[[], T]) -> T:
    """Run pixel work; any failure becomes ImageReadError with a plain reason.

    A documented broad fence: Pillow's and libheif's decoders raise varied types on bad data
    (OSError, SyntaxError, ValueError, RuntimeError for libheif's security limits, ...).
    """
    try:
        with warnings.catch_warnings():
            # Pillow warns about corrupt EXIF while reading orientation; a thumbnail has no
            # field to record that in, and read_image already reported it for this file.
            warnings.simplefilter("ignore", UserWarning)
            return work()
    except ImageReadError:
        raise
    except _DECODE_ERRORS as error:
        raise ImageReadError(path, f"cannot decode the picture: {error}") from error
    except Exception as error:
        raise ImageReadError(
            path, f"cannot decode the picture ({type(error).__name__}: {error})"
        ) from error


def _make_thumbnail(path: str, max_size: int) -> Thumbnail:
    checked_file_size(path)
    with open(path, "rb") as handle:
        head = handle.read(64)
        kind = sniff_kind(head)
        if kind == "RAF":
            preview = raf_preview(handle)
            if preview is None:
                raise ImageReadError(path, "RAF file without an embedded preview")
            return _thumbnail_from_image(Image.open(io.BytesIO(preview)), max_size)
        if kind == "CR3":
            return _thumbnail_from_cr3(handle, path, max_size)
        if kind == "Canon CRW":
            preview = _best_preview(handle, preview_extents(handle, os.fstat(handle.fileno()).st_size),
                                    max_size)
            if preview is None:
                raise ImageReadError(path, "CRW file without a readable embedded preview")
            return _encode(preview, 1, max_size, "exif")
        if is_raw_file(kind, os.path.splitext(path)[1]):
            return _thumbnail_from_raw(handle, path, max_size)
        image = open_image_lazily(handle, path, head, kind)
        return _thumbnail_from_image(image, max_size)


def _thumbnail_from_image(image: Image.ImageFile.ImageFile, max_size: int) -> Thumbnail:
    orientation = _orientation(image)
    if image.format in {"JPEG", "MPO"}:
        preview = _exif_preview(image, max(MIN_PREVIEW_SIDE, max_size // 2))
        if preview is not None:
            return _encode(preview, orientation, max_size, "exif")
        image.draft("RGB", draft_request(image.size, max_size))
        return _encode(image, orientation, max_size, "draft")
    if image.format == "HEIF" and image.draft("RGB", draft_request(image.size, max_size)):
        # pillow-heif's draft picks the smallest embedded thumbnail that is big enough
        return _encode(image, orientation, max_size, "preview")
    _refuse_a_huge_decode(image)
    return _encode(image, orientation, max_size, "decode")


def _refuse_a_huge_decode(image: Image.Image) -> None:
    """read_image accepts camera pictures up to 268 MP, but a whole-picture decode (no draft
    reduction, no embedded preview) stays within Pillow's own limit, as it costs memory."""
    limit = Image.MAX_IMAGE_PIXELS
    width, height = image.size
    if limit and width * height > limit:
        raise ImageReadError(
            str(getattr(image, "filename", "") or ""),
            f"picture too large to decode for a thumbnail ({width}x{height}, over Pillow's "
            f"{limit / 1e6:.0f} MP limit) and it embeds no smaller preview",
        )


def draft_request(size: tuple[int, int], max_size: int) -> tuple[int, int]:
    """The smallest size whose long side still reaches ``max_size``, so that draft mode
    can pick its strongest reduction (1/8 for a 3000 px picture and a 320 px thumbnail)."""
    width, height = size
    if width >= height:
        return max_size, max(1, -(-max_size * height // width))
    return max(1, -(-max_size * width // height)), max_size


def _thumbnail_from_raw(handle: BinaryIO, path: str, max_size: int) -> Thumbnail:
    """RAW: the best JPEG preview the camera embedded (the sensor data is never decoded)."""
    orientation = ifd0_orientation(handle)
    candidates = embedded_jpegs(handle, os.fstat(handle.fileno()).st_size)
    preview = _best_preview(handle, candidates, max_size)
    if preview is None:
        handle.seek(0)
        tags = exifread.process_file(handle, details=False, extract_thumbnail=True)
        data = tags.get("TIFFThumbnail")  # an uncompressed IFD1 preview
        if not isinstance(data, bytes) or not data:
            raise ImageReadError(path, "RAW file without an embedded preview")
        preview = Image.open(io.BytesIO(data))
    return _encode(preview, orientation, max_size, "exif")


def _best_preview(
    handle: BinaryIO, candidates: list[tuple[int, int]], max_size: int
) -> Image.Image | None:
    """The smallest embedded JPEG whose long side reaches ``max_size``, else the largest."""
    sized: list[tuple[int, int, int]] = []  # (long side, offset, length)
    for offset, length in candidates:
        handle.seek(offset)
        try:
            with Image.open(io.BytesIO(handle.read(min(length, _PREVIEW_HEADER_BYTES)))) as head:
                sized.append((max(head.size), offset, length))
        except (OSError, SyntaxError, ValueError, EOFError):
            continue  # a preview whose header is unreadable (or over 256 KB) is passed over
    if not sized:
        return None
    big_enough = sorted(item for item in sized if item[0] >= max_size)
    _, offset, length = big_enough[0] if big_enough else max(sized)
    handle.seek(offset)
    preview = Image.open(io.BytesIO(handle.read(length)))
    preview.draft("RGB", draft_request(preview.size, max_size))
    return preview


def _thumbnail_from_cr3(handle: BinaryIO, path: str, max_size: int) -> Thumbnail:
    """CR3: the 1620 px JPEG preview Canon embeds, turned by the CMT1 orientation."""
    parts = read_cr3(handle, os.fstat(handle.fileno()).st_size)
    if parts.preview is None:
        raise ImageReadError(path, "CR3 file without an embedded preview")
    orientation = raw_exif_from_cr3(parts).get("orientation", 1)
    preview = Image.open(io.BytesIO(parts.preview))
    return _encode(preview, orientation if orientation in _TRANSPOSE else 1, max_size, "exif")


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation still to apply (Pillow turns TIFF, pillow-heif turns HEIF itself)."""
    if image.format in {"TIFF", "HEIF"}:
        return 1
    try:
        value = image.getexif().get(0x0112, 1)
    except (OSError, ValueError, SyntaxError, KeyError, TypeError):
        return 1
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def _exif_preview(image: Image.ImageFile.ImageFile, min_side: int) -> Image.Image | None:
    """The EXIF IFD1 JPEG preview, when its long side is at least ``min_side`` and it has
    the picture's shape."""
    blob = image.info.get("exif")
    if not isinstance(blob, bytes) or not blob.startswith(b"Exif\x00\x00"):
        return None
    try:
        thumbnail_ifd = image.getexif().get_ifd(ExifTags.IFD.IFD1)
        offset, length = thumbnail_ifd.get(0x0201), thumbnail_ifd.get(0x0202)
        if not isinstance(offset, int) or not isinstance(length, int) or length <= 0:
            return None
        data = blob[6 + offset:6 + offset + length]
        if not data.startswith(b"\xff\xd8"):
            return None
        preview = Image.open(io.BytesIO(data))
        preview.load()
    except (OSError, ValueError, SyntaxError, KeyError, TypeError, EOFError):
        return None  # a broken preview is no loss: the picture itself is decoded instead
    if max(preview.size) < min_side:
        return None
    picture_ratio = image.size[0] / image.size[1]
    preview_ratio = preview.size[0] / preview.size[1]
    if abs(preview_ratio - picture_ratio) / picture_ratio > ASPECT_TOLERANCE:
        return None  # letterboxed previews (black bands) would show in every listing
    return preview


def _encode(image: Image.Image, orientation: int, max_size: int, source: str) -> Thumbnail:
    if image.mode in {"P", "1"}:  # Pillow would shrink these with nearest-neighbour
        image = _as_rgb(image)
    # Bilinear: from a draft that is at most twice the size, as sharp as bicubic to the eye, 30% quicker.
    image.thumbnail((max_size, max_size), resample=Image.Resampling.BILINEAR)
    image = _as_rgb(image)
    if orientation in _TRANSPOSE:
        image = image.transpose(_TRANSPOSE[orientation])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return Thumbnail(buffer.getvalue(), image.width, image.height, source, _dhash_of(image))


def _as_rgb(image: Image.Image) -> Image.Image:
    """RGB or L for JPEG: transparency goes onto white, CMYK and 16-bit modes are converted."""
    if image.mode in {"RGB", "L"}:
        return image
    if image.mode in {"RGBA", "LA", "PA"} or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I;16") or image.mode in {"I", "F"}:
        return image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert("RGB")


def dhash(img_or_path: Image.Image | str | os.PathLike[str]) -> str:
    """A 64-bit difference hash (9x8 grayscale, upright) as 16 hex digits.

    Given a path, the picture is decoded in draft mode (1/8 scale for JPEG); raises
    ImageReadError for a file that cannot be decoded.
    """
    if isinstance(img_or_path, Image.Image):
        return _dhash_of(img_or_path)
    path_text = os.fspath(img_or_path)
    return _decoding_fence(path_text, lambda: _dhash_of_file(path_text))


def _dhash_of_file(path: str) -> str:
    checked_file_size(path)
    with open(path, "rb") as handle:
        head = handle.read(64)
        kind = sniff_kind(head)
        if is_raw_file(kind, os.path.splitext(path)[1]):  # hash the embedded preview, as the importer's thumbnail does
            thumb = _make_thumbnail(path, 64)
            return _dhash_of(Image.open(io.BytesIO(thumb.jpeg)))
        image = open_image_lazily(handle, path, head, kind)
        orientation = _orientation(image)
        image.draft("L", (64, 64))
        _refuse_a_huge_decode(image)
        upright = image.convert("L")
        if orientation in _TRANSPOSE:
            upright = upright.transpose(_TRANSPOSE[orientation])
        return _dhash_of(upright)


def _dhash_of(image: Image.Image) -> str:
    small = image.convert("L").resize((9, 8), Image.Resampling.LANCZOS)
    pixels = small.tobytes()
    bits = 0
    for row in range(8):
        for column in range(8):
            left, right = pixels[row * 9 + column], pixels[row * 9 + column + 1]
            bits = (bits << 1) | (right > left)
    return f"{bits:016x}"


def hamming(a: str, b: str) -> int:
    """How many of the 64 bits differ between two dhash hex strings."""
    return (int(a, 16) ^ int(b, 16)).bit_count()
