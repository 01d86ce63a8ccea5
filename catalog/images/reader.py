"""``read_image(path) -> ImageInfo``: file facts, size, EXIF, IPTC-IIM and XMP, never pixels.

Every metadata reader runs inside a fence: a reader that fails costs its fields and leaves a
plain-words reason in ``info.warnings``; only a file that cannot be read as an image at all
raises ``ImageReadError``. No other exception leaves ``read_image``.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import BinaryIO

from PIL import Image, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

from catalog.images import eps, jp2, psd
from catalog.images import exif as exif_reader
from catalog.images import iptc as iptc_reader
from catalog.images.bmp import read_bmp_header
from catalog.images.crw import read_crw
from catalog.images.ends import check_box_end, check_jpeg_end, jpeg_header_problem
from catalog.images.fields import (
    OPEN_ERRORS,
    apply_embedded,
    apply_tiff_blocks,
    fenced,
    read_exif,
    read_iptc,
    read_xmp,
    warning_notes,
)
from catalog.images.gif import gif_xmp
from catalog.images.heifbox import primary_extent
from catalog.images.model import ImageInfo, ImageReadError, internal_error_reason
from catalog.images.psd import read_psd_header
from catalog.images.raw import full_resolution_size
from catalog.images.rawfiles import read_cr3_file, read_mrw, read_raw
from catalog.images.sniff import (
    UNSUPPORTED_RAW_KINDS,
    is_raw_file,
    mislabel_warning,
    refusal_reason,
    sniff_kind,
)
from catalog.images.trailers import tail_xmp, trailer_iptc

try:
    from pillow_heif import register_heif_opener
except ImportError:  # pillow-heif is a declared dependency; without it HEIC is refused plainly
    register_heif_opener = None
else:
    register_heif_opener()

_HEAD_BYTES = 64
# How Pillow's plugins begin the message for a header they do not handle.
_UNSUPPORTED_WORDS = ("unsupported", "unimplemented", "unknown pixel format", "not supported")
# Text is still offered to Pillow: PPM/PGM/PBM (plain), XPM, XBM, EPS and FITS are text-headed.
_NON_IMAGE_KINDS = {"PDF", "ZIP", "XML/HTML", "MP4/QuickTime", *UNSUPPORTED_RAW_KINDS}
# Pillow's decompression-bomb guard (MAX_IMAGE_PIXELS, 89 MP) is below what cameras make:
# 102 MP (Fujifilm GFX100), 151 MP (Phase One IQ4), 200 MP phone sensors (16320x12240).
# Reading a header decodes no pixel, so read_image refuses a picture in a format cameras and
# editors deliver only past this limit (other formats keep Pillow's); make_thumbnail still
# decodes a whole picture only up to Pillow's own limit.
MAX_PIXELS = 1 << 28  # 268 MP
_CAMERA_KINDS = {"JPEG", "HEIF", "AVIF", "TIFF", "PNG", "WEBP"}
_LIMIT_LOCK = threading.Lock()
_PNG_LOCK = threading.Lock()
_DPI_LOCK = threading.Lock()


def read_image(path: str | os.PathLike[str], data: bytes | None = None) -> ImageInfo:
    """Read one image file's metadata; raise ``ImageReadError`` when it is not a readable image.

    ``data``: the file's whole content when the caller has already read it (the importer
    hashes it first), so that the file is not read again."""
    path_text = os.fspath(path)
    try:
        return _read(path_text, data)
    except ImageReadError:
        raise
    except Exception as error:  # the documented fence: nothing but ImageReadError may escape
        raise ImageReadError(
            path_text, internal_error_reason("the image reader stopped", error)
        ) from error


def _read(path: str, data: bytes | None) -> ImageInfo:
    size = checked_file_size(path) if data is None else len(data)
    if not size:
        raise ImageReadError(path, "empty file (0 bytes)")
    try:
        handle = open(path, "rb") if data is None else io.BytesIO(data)  # noqa: SIM115 - closed below
    except PermissionError as error:
        raise ImageReadError(path, "permission denied") from error
    except OSError as error:
        raise ImageReadError(path, f"cannot open the file: {error.strerror or error}") from error
    try:
        head = handle.read(_HEAD_BYTES)
        kind = sniff_kind(head)
        info = ImageInfo(path=path, file_size=size)
        extension = Path(path).suffix.lower()
        if kind == "CR3":
            fenced(info, "CR3 metadata", lambda: read_cr3_file(handle, info))
        elif kind == "MRW":
            fenced(info, "MRW metadata", lambda: read_mrw(handle, info))
        elif kind == "Canon CRW":
            fenced(info, "CRW metadata", lambda: read_crw(handle, info))
        elif is_raw_file(kind, extension):
            read_raw(handle, info, kind, extension)
        else:
            _read_with_pillow(handle, info, head, kind, extension)
        if not info.xmp and (kind in {"CR3", "MRW", "Canon CRW"} or is_raw_file(kind, extension)):
            fenced(info, "XMP trailer", lambda: apply_embedded(info, xmp=tail_xmp(handle, size)))  # Canon DPP's
        _choose_caption(info)
        _taken_from_iptc(info)
        return info
    finally:
        handle.close()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"(\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})?")


def _taken_from_iptc(info: ImageInfo) -> None:
    """No EXIF date: IPTC's Date Created with its Time Created, as exiftool composes its
    DateTimeOriginal (a date without a time stays only in ``iptc``)."""
    if info.taken_at:
        return
    day, clock = str(info.iptc.get("date_created", "")), str(info.iptc.get("time_created", ""))
    time = _ISO_TIME.fullmatch(clock)
    if _ISO_DATE.fullmatch(day) and time is not None:
        info.taken_at, info.taken_offset = f"{day}T{time.group(1)}", time.group(2) or info.taken_offset


def checked_file_size(path: str) -> int:
    """The file's size; ImageReadError for a missing, unreadable, empty file or a folder."""
    try:
        stat = os.stat(path)
    except FileNotFoundError as error:
        raise ImageReadError(path, "file not found") from error
    except PermissionError as error:
        raise ImageReadError(path, "permission denied") from error
    except OSError as error:
        raise ImageReadError(path, f"cannot read the file: {error.strerror or error}") from error
    if S_ISDIR(stat.st_mode):
        raise ImageReadError(path, "is a folder, not a file")
    if not S_ISREG(stat.st_mode):
        raise ImageReadError(path, "not a regular file (a pipe, socket or device)")
    if stat.st_size == 0:
        raise ImageReadError(path, "empty file (0 bytes)")
    return stat.st_size


def open_image_lazily(
    handle: BinaryIO, path: str, head: bytes, kind: str, notes: list[str] | None = None
) -> Image.ImageFile.ImageFile:
    """Pillow's lazy open (header only), with the decompression-bomb guard made strict.

    Pillow's other warnings (corrupt EXIF met while reading the DPI) go to ``notes``.
    """
    handle.seek(0)
    with warnings.catch_warnings(record=True) as raised_warnings:
        warnings.simplefilter("always")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with _camera_pixel_limit(kind in _CAMERA_KINDS), _no_dpi_from_exif(kind == "JPEG"):
                image = Image.open(handle)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageReadError(
                path, f"image too large to be safe (decompression bomb guard): {error}"
            ) from error
        except UnidentifiedImageError as error:
            if kind == "HEIF" and register_heif_opener is None:
                raise ImageReadError(path, "HEIC/HEIF needs pillow-heif, not installed") from error
            raise ImageReadError(path, _jpeg_reason(handle, kind) or refusal_reason(head, kind)) from error
        except OPEN_ERRORS as error:
            if kind == "text":  # a text-headed format that Pillow recognised, then failed on
                raise ImageReadError(path, f"damaged image in a text format ({error})") from error
            if kind and str(error).lower().startswith(_UNSUPPORTED_WORDS):
                raise ImageReadError(  # Pillow cannot tell a rare variant from a broken header
                    path, f"unreadable {kind} file: damaged, or a variant not supported ({error})"
                ) from error
            reason = _jpeg_reason(handle, kind) or refusal_reason(head, kind)
            raise ImageReadError(path, f"{reason} ({error})") from error
    if notes is not None:
        notes.extend(warning_notes("image header", raised_warnings))
    return image


def _jpeg_reason(handle: BinaryIO, kind: str) -> str | None:
    """The exact trouble with a JPEG header that Pillow could not open."""
    if kind != "JPEG":
        return None
    try:
        return jpeg_header_problem(handle)
    except OSError:
        return None


@contextmanager
def _no_dpi_from_exif(skip: bool) -> Iterator[None]:
    """Pillow parses a JPEG's whole EXIF block on open only to find its DPI, which the
    archive never uses; EXIF is read once, by exifread, afterwards. Skipped for the open
    (a quarter of a camera JPEG's header time), under a lock, Pillow's class restored."""
    method = getattr(JpegImagePlugin.JpegImageFile, "_read_dpi_from_exif", None)
    if not skip or method is None:
        yield
        return
    with _DPI_LOCK:
        JpegImagePlugin.JpegImageFile._read_dpi_from_exif = _no_dpi
        try:
            yield
        finally:
            JpegImagePlugin.JpegImageFile._read_dpi_from_exif = method


def _no_dpi(_image: Image.Image) -> None:
    """Stands in for Pillow's DPI lookup while a header is read (see _no_dpi_from_exif)."""


@contextmanager
def _camera_pixel_limit(raise_it: bool) -> Iterator[None]:
    """Pillow's bomb guard raised to ``MAX_PIXELS`` while a header is read (never lowered,
    and left off when the application turned it off with None)."""
    with _LIMIT_LOCK:
        saved = Image.MAX_IMAGE_PIXELS
        if saved is not None and raise_it:
            Image.MAX_IMAGE_PIXELS = max(saved, MAX_PIXELS)
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS = saved


def _read_with_pillow(
    handle: BinaryIO, info: ImageInfo, head: bytes, kind: str, extension: str
) -> None:
    if kind in _NON_IMAGE_KINDS:
        raise ImageReadError(info.path, refusal_reason(head, kind))
    try:
        image = open_image_lazily(handle, info.path, head, kind, info.warnings)
    except ImageReadError as error:
        retried = None
        bomb = isinstance(error.__cause__, Image.DecompressionBombError | Image.DecompressionBombWarning)
        if kind == "PNG" and isinstance(error.__cause__, ValueError):
            retried = _png_with_large_chunks(handle, info, head)  # a valid PNG, huge chunks
            if retried is None:
                _png_header_only(info, head, extension, error)
                return
        elif kind == "TIFF" and not bomb:
            _tiff_tags_only(handle, info, extension, error)  # a layout Pillow cannot decode
            return
        elif (kind == "PSD" and _psd_header_only(handle, info, extension)) or (
                kind == "BMP" and not bomb and _bmp_header_only(info, head, extension, error)):
            return
        if retried is None:
            raise
        image = retried
    # Phones write a gain map or depth map as a second picture (MPF), which Pillow calls MPO;
    # the file is a JPEG to every viewer and to the desk, so it is recorded as one.
    info.format = "JPEG" if image.format == "MPO" else (image.format or kind)
    info.width, info.height = image.size
    mislabelled = mislabel_warning(extension, info.format)
    if mislabelled:
        info.warnings.append(mislabelled)
    if info.format == "HEIF" and image.info.get("primary") is False:
        info.warnings.append(  # libheif offers the other pictures when the primary fails
            "HEIF primary picture cannot be read (damaged, or a layout libheif does not "
            "support); size and metadata are those of another picture in the file"
        )
    fenced(info, "EXIF", lambda: read_exif(handle, image, info))
    _report_stored_orientation(image, info)  # before XMP: decoders turn by EXIF, never by XMP
    if info.format in {"HEIF", "AVIF"}:
        fenced(info, f"{info.format} size", lambda: _stored_heif_size(handle, info))
    elif info.format == "EPS":
        fenced(info, "EPS metadata", lambda: _eps_metadata(handle, info))
    elif info.format == "JPEG2000":
        fenced(info, "JPEG 2000 metadata", lambda: _jp2_metadata(handle, info))
    fenced(info, "IPTC", lambda: read_iptc(image, info))
    if not info.iptc and info.format in {"JPEG", "TIFF"}:
        fenced(info, "IPTC trailer", lambda: _iptc_from_trailer(handle, info))
    fenced(info, "XMP", lambda: read_xmp(image, info))
    if info.format == "GIF" and not info.xmp:
        fenced(info, "GIF XMP", lambda: _gif_xmp(handle, info))
    if info.format == "JPEG":
        fenced(info, "JPEG end check", lambda: check_jpeg_end(handle, info))
    elif info.format in {"HEIF", "AVIF"}:
        fenced(info, f"{info.format} end check", lambda: check_box_end(handle, info))


def _report_stored_orientation(image: Image.Image, info: ImageInfo) -> None:
    """Report stored dimensions and the file's orientation for every format, as for JPEG.

    Pillow reports TIFF sizes already turned by the Orientation tag, and pillow-heif turns
    HEIF pictures on decoding and resets the EXIF orientation to 1 (keeping the original in
    ``info["original_orientation"]``). Undo both so width, height and orientation mean the same
    thing whatever the format (and agree with exiftool).
    """
    if info.format == "HEIF":
        original = image.info.get("original_orientation")
        if isinstance(original, int) and 1 <= original <= 8:
            info.orientation = original
    elif info.format != "TIFF":
        return
    if info.orientation in (5, 6, 7, 8) and info.width and info.height:
        info.width, info.height = info.height, info.width


def _stored_heif_size(handle: BinaryIO, info: ImageInfo) -> None:
    """The primary picture's stored size (its 'ispe'), before the crop and turn libheif applies."""
    extent = primary_extent(handle, info.file_size)
    if extent is not None:
        info.width, info.height = extent


def _iptc_from_trailer(handle: BinaryIO, info: ImageInfo) -> None:
    """IPTC that FotoStation or an AFCP writer appended after the picture's end."""
    block = trailer_iptc(handle, info.file_size)
    if block and block[:1] == b"\x1c":
        info.iptc = iptc_reader.fields_from_block(block, info.warnings)


def _gif_xmp(handle: BinaryIO, info: ImageInfo) -> None:
    """The XMP packet of a GIF's application extension."""
    apply_embedded(info, xmp=gif_xmp(handle))


def _jp2_metadata(handle: BinaryIO, info: ImageInfo) -> None:
    """EXIF, IPTC and XMP from a JPEG 2000 file's uuid and xml boxes."""
    boxes = jp2.metadata_boxes(handle, info.file_size)
    apply_embedded(info, boxes.get("exif"), boxes.get("iptc"), boxes.get("xmp"))


def _eps_metadata(handle: BinaryIO, info: ImageInfo) -> None:
    """EXIF and IPTC from Photoshop's resources in the PostScript, and its XMP packet."""
    postscript = eps.read_postscript(handle, info.file_size)
    resources = eps.photoshop_resources(postscript)
    apply_embedded(info, resources.get(eps.EXIF_RESOURCE), resources.get(eps.IPTC_RESOURCE),
                   eps.xmp_packet(postscript))


def _tiff_tags_only(
    handle: BinaryIO, info: ImageInfo, extension: str, error: ImageReadError
) -> None:
    """A TIFF whose picture Pillow cannot decode (an unusual pixel layout) keeps what its tags
    say (size, EXIF, IPTC, XMP), as a RAW file does; without tags or a size it is refused."""
    handle.seek(0)
    raw = exif_reader.exif_with_exifread(handle)
    size = full_resolution_size(handle)
    if exif_reader.is_empty(raw) or size is None:
        raise error
    info.format, (info.width, info.height) = "TIFF", size
    cause = str(error.__cause__ or "").strip()
    if not cause or cause.startswith("cannot identify image file"):
        cause = "a layout it does not support, or damage"
    info.warnings.append(
        f"Pillow cannot decode this TIFF's picture ({cause}); size and metadata read from its tags"
    )
    mislabelled = mislabel_warning(extension, "TIFF")
    if mislabelled:
        info.warnings.append(mislabelled)
    fenced(info, "EXIF", lambda: exif_reader.apply_exif(info, raw))
    fenced(info, "IPTC and XMP", lambda: apply_tiff_blocks(handle, info))


def _psd_header_only(handle: BinaryIO, info: ImageInfo, extension: str) -> bool:
    """A PSD Pillow cannot decode (16-bit, Lab, ...) keeps its size and the metadata of its
    image resources; False when its header is no Photoshop header either."""
    header = read_psd_header(handle, info.file_size)
    if header is None:
        return False
    info.format, info.width, info.height = "PSD", header.width, header.height
    info.warnings.append(f"Pillow cannot decode this PSD's {header.layout} picture; size and metadata "
                         "read from its header and image resources")
    mislabelled = mislabel_warning(extension, "PSD")
    if mislabelled:
        info.warnings.append(mislabelled)
    found = header.resources
    apply_embedded(info, found.get(psd.EXIF_RESOURCE), found.get(psd.IPTC_RESOURCE), found.get(psd.XMP_RESOURCE))
    return True


def _bmp_header_only(info: ImageInfo, head: bytes, extension: str, error: ImageReadError) -> bool:
    """A BMP Pillow refuses (a rare depth or layout, a damaged field) keeps the size its
    header gives; False when the header gives none."""
    header = read_bmp_header(head)
    if header is None:
        return False
    limit = Image.MAX_IMAGE_PIXELS and max(Image.MAX_IMAGE_PIXELS, MAX_PIXELS)
    if limit and header.width * header.height > limit:
        raise ImageReadError(info.path, "image too large to be safe (decompression bomb guard): "
                                        f"{header.width}x{header.height}")
    info.format, info.width, info.height = "BMP", header.width, header.height
    cause = str(error.__cause__ or error).strip() or "no reason given"
    info.warnings.append(f"Pillow cannot decode this BMP ({cause}); size read from its "
                         f"{header.header} header ({header.bit_count}-bit, {header.compression})")
    mislabelled = mislabel_warning(extension, "BMP")
    if mislabelled:
        info.warnings.append(mislabelled)
    return True


#: The per-chunk limit for a second try at a PNG whose text or ICC chunk passed Pillow's 1 MB
#: (a 1.2 MB ICC profile is real): still bounded, so a zlib bomb costs memory, not the run.
LARGE_PNG_CHUNK = 32 << 20


def _png_with_large_chunks(
    handle: BinaryIO, info: ImageInfo, head: bytes
) -> Image.ImageFile.ImageFile | None:
    """Pillow's lazy open of a PNG once more with ``LARGE_PNG_CHUNK``; None if it still fails."""
    with _PNG_LOCK:
        saved = PngImagePlugin.MAX_TEXT_CHUNK
        PngImagePlugin.MAX_TEXT_CHUNK = max(saved, LARGE_PNG_CHUNK)
        try:
            image = open_image_lazily(handle, info.path, head, "PNG", info.warnings)
        except ImageReadError:
            return None
        finally:
            PngImagePlugin.MAX_TEXT_CHUNK = saved
    info.warnings.append(
        f"PNG has a text or ICC chunk over Pillow's {saved >> 20} MB limit; "
        f"read with a {LARGE_PNG_CHUNK >> 20} MB limit"
    )
    return image


def _png_header_only(info: ImageInfo, head: bytes, extension: str, error: ImageReadError) -> None:
    """Size from the IHDR chunk when Pillow refuses a PNG's chunks (too large, or damaged)."""
    if head[12:16] != b"IHDR":
        raise ImageReadError(info.path, "damaged PNG file: no IHDR header")
    width, height = struct.unpack(">II", head[16:24])
    limit = Image.MAX_IMAGE_PIXELS and max(Image.MAX_IMAGE_PIXELS, MAX_PIXELS)
    if width == 0 or height == 0 or (limit and width * height > limit):
        raise ImageReadError(
            info.path, f"image too large to be safe (decompression bomb guard): {width}x{height}"
        )
    info.format, info.width, info.height = "PNG", width, height
    cause = str(error.__cause__ or error).strip() or "no reason given"
    info.warnings.append(f"PNG chunks refused by Pillow ({cause}); size from the header, "
                         "metadata not read")
    mislabelled = mislabel_warning(extension, "PNG")
    if mislabelled:
        info.warnings.append(mislabelled)


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _choose_caption(info: ImageInfo) -> None:
    """XMP dc:description is the master copy, IIM Caption-Abstract its mirror."""
    from_xmp = str(info.xmp.get("caption", ""))
    from_iptc = str(info.iptc.get("caption", ""))
    if from_xmp:
        info.caption, info.caption_source = from_xmp, "xmp"
        if from_iptc and _normalised(from_iptc) != _normalised(from_xmp):
            if _normalised(from_xmp).startswith(_normalised(from_iptc)):
                info.warnings.append("IPTC caption is a cut-short copy of the XMP caption; XMP used")
            else:
                info.warnings.append("IPTC and XMP captions differ; XMP (the master copy) used")
    elif from_iptc:
        info.caption, info.caption_source = from_iptc, "iptc"
