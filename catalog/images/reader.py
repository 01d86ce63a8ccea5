"""``read_image(path) -> ImageInfo``: file facts, size, EXIF, IPTC-IIM and XMP, never pixels.

Every metadata reader runs inside a fence: a reader that fails costs its fields and leaves a
plain-words reason in ``info.warnings``; only a file that cannot be read as an image at all
raises ``ImageReadError``. No other exception leaves ``read_image``.
"""

from __future__ import annotations

import io
import os
import struct
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import Any, BinaryIO

from PIL import Image, IptcImagePlugin, UnidentifiedImageError

from catalog.images import exif as exif_reader
from catalog.images import iptc as iptc_reader
from catalog.images import png as png_profiles
from catalog.images import xmp as xmp_reader
from catalog.images.clean import clean_camera_string
from catalog.images.cr3 import raw_exif_from_cr3, read_cr3
from catalog.images.ends import check_box_end, check_jpeg_end
from catalog.images.model import ImageInfo, ImageReadError, internal_error_reason
from catalog.images.raw import full_resolution_size, mrw_parts, raf_preview, rw2_size
from catalog.images.sniff import (
    UNSUPPORTED_RAW_KINDS,
    is_raw_file,
    mislabel_warning,
    refusal_reason,
    sniff_kind,
)

try:
    from pillow_heif import register_heif_opener
except ImportError:  # pillow-heif is a declared dependency; without it HEIC is refused plainly
    register_heif_opener = None
else:
    register_heif_opener()

_HEAD_BYTES = 64
# What Pillow and its plugins raise on a damaged header (TIFF: TypeError "Missing dimensions",
# pillow-heif: RuntimeError from libheif, ...): the file is refused with a plain reason.
_OPEN_ERRORS = (
    OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError, TypeError,
    RuntimeError, ZeroDivisionError, NotImplementedError, AssertionError, MemoryError,
)
_PSD_EXIF, _PSD_XMP = 0x0422, 0x0424  # Photoshop image resource ids
_TIFF_PHOTOSHOP = 34377  # the TIFF tag holding Photoshop's image resources
_MAX_NOTES = 5  # distinct warnings kept per reader
# How Pillow's plugins begin the message for a header they do not handle.
_UNSUPPORTED_WORDS = ("unsupported", "unimplemented", "unknown pixel format", "not supported")
_BIGTIFF_MAGIC = (b"II+\x00", b"MM\x00+")
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


def read_image(path: str | os.PathLike[str]) -> ImageInfo:
    """Read one image file's metadata; raise ``ImageReadError`` when it is not a readable image."""
    path_text = os.fspath(path)
    try:
        return _read(path_text)
    except ImageReadError:
        raise
    except Exception as error:  # the documented fence: nothing but ImageReadError may escape
        raise ImageReadError(
            path_text, internal_error_reason("the image reader stopped", error)
        ) from error


def _read(path: str) -> ImageInfo:
    size = checked_file_size(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
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
            _fenced(info, "CR3 metadata", lambda: _read_cr3(handle, info))
        elif kind == "MRW":
            _fenced(info, "MRW metadata", lambda: _read_mrw(handle, info))
        elif is_raw_file(kind, extension):
            _read_raw(handle, info, kind, extension)
        else:
            _read_with_pillow(handle, info, head, kind, extension)
        _choose_caption(info)
        return info
    finally:
        handle.close()


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
            with _camera_pixel_limit(kind in _CAMERA_KINDS):
                image = Image.open(handle)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageReadError(
                path, f"image too large to be safe (decompression bomb guard): {error}"
            ) from error
        except UnidentifiedImageError as error:
            if kind == "HEIF" and register_heif_opener is None:
                raise ImageReadError(path, "HEIC/HEIF needs pillow-heif, not installed") from error
            raise ImageReadError(path, refusal_reason(head, kind)) from error
        except _OPEN_ERRORS as error:
            if kind == "text":  # a text-headed format that Pillow recognised, then failed on
                raise ImageReadError(path, f"damaged image in a text format ({error})") from error
            if kind and str(error).lower().startswith(_UNSUPPORTED_WORDS):
                raise ImageReadError(  # Pillow cannot tell a rare variant from a broken header
                    path, f"unreadable {kind} file: damaged, or a variant not supported ({error})"
                ) from error
            raise ImageReadError(path, f"{refusal_reason(head, kind)} ({error})") from error
    if notes is not None:
        notes.extend(warning_notes("image header", raised_warnings))
    return image


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
        if kind == "PNG" and isinstance(error.__cause__, ValueError):
            _png_header_only(info, head, extension)  # a valid PNG with huge text chunks
            return
        if kind == "TIFF" and not isinstance(
            error.__cause__, Image.DecompressionBombError | Image.DecompressionBombWarning
        ):
            _tiff_tags_only(handle, info, extension, error)  # a layout Pillow cannot decode
            return
        raise
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
    _fenced(info, "EXIF", lambda: _read_exif(handle, image, info))
    _report_stored_orientation(image, info)  # before XMP: decoders turn by EXIF, never by XMP
    _fenced(info, "IPTC", lambda: _read_iptc(image, info))
    _fenced(info, "XMP", lambda: _read_xmp(image, info))
    if info.format == "JPEG":
        _fenced(info, "JPEG end check", lambda: check_jpeg_end(handle, info))
    elif info.format in {"HEIF", "AVIF"}:
        _fenced(info, f"{info.format} end check", lambda: check_box_end(handle, info))


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
    _fenced(info, "EXIF", lambda: exif_reader.apply_exif(info, raw))
    block = raw.get("iptc_block")
    if isinstance(block, list) and block and all(isinstance(item, int) for item in block):
        _fenced(info, "IPTC", lambda: setattr(info, "iptc", iptc_reader.fields_from_datasets(
            iptc_reader.parse_datasets(bytes(block)), info.warnings)))
    packet = raw.get("xmp_packet")
    if isinstance(packet, list) and packet and all(isinstance(item, int) for item in packet):
        _fenced(info, "XMP", lambda: _apply_xmp_packet(info, bytes(packet)))


def _png_header_only(info: ImageInfo, head: bytes, extension: str) -> None:
    """Size from the IHDR chunk when Pillow refuses a PNG for text chunks over its limit."""
    if head[12:16] != b"IHDR":
        raise ImageReadError(info.path, "damaged PNG file: no IHDR header")
    width, height = struct.unpack(">II", head[16:24])
    limit = Image.MAX_IMAGE_PIXELS and max(Image.MAX_IMAGE_PIXELS, MAX_PIXELS)
    if width == 0 or height == 0 or (limit and width * height > limit):
        raise ImageReadError(
            info.path, f"image too large to be safe (decompression bomb guard): {width}x{height}"
        )
    info.format, info.width, info.height = "PNG", width, height
    info.warnings.append("PNG text chunks exceed Pillow's safety limit; metadata not read")
    mislabelled = mislabel_warning(extension, "PNG")
    if mislabelled:
        info.warnings.append(mislabelled)


def _fenced(info: ImageInfo, what: str, reader: Callable[[], None]) -> None:
    """Run one metadata reader; on failure keep the file and record why this part is missing.

    This is a documented broad fence: exifread, Pillow and the XML parser raise a wide and
    changing set of exception types on damaged files (UnicodeDecodeError, AssertionError,
    EOFError, IndexError, KeyError, TypeError, NotImplementedError, MemoryError, ParseError,
    SyntaxError, struct.error ...); one of them must cost a field, never the file.
    """
    with warnings.catch_warnings(record=True) as raised_warnings:
        warnings.simplefilter("always")
        try:
            reader()
        except Exception as error:
            info.warnings.append(f"{what} unreadable ({type(error).__name__}: {error})"[:300])
    info.warnings.extend(warning_notes(what, raised_warnings))  # Pillow warns on corrupt EXIF


def warning_notes(what: str, raised: list[warnings.WarningMessage]) -> list[str]:
    """Python warnings met while reading, as notes about the file: each message once (with a
    count when repeated, at most ``_MAX_NOTES`` of them), and never Pillow's deprecation
    notices, which are about Pillow rather than the file."""
    counts: dict[str, int] = {}
    for warning in raised:
        if issubclass(warning.category, DeprecationWarning):
            continue
        text = f"{what}: {str(warning.message).strip()}"[:300]
        counts[text] = counts.get(text, 0) + 1
    notes = [text if n == 1 else f"{text} ({n} times)" for text, n in counts.items()]
    if len(notes) > _MAX_NOTES:
        notes[_MAX_NOTES:] = [f"{what}: {len(notes) - _MAX_NOTES} more warnings"]
    return notes


def _read_exif(handle: BinaryIO, image: Image.Image, info: ImageInfo) -> None:
    blob = image.info.get("exif")
    raw: dict[str, Any] = {}
    if info.format == "TIFF":
        handle.seek(0)
        if handle.read(4) in _BIGTIFF_MAGIC:  # exifread reads 64-bit offsets as junk tags
            raw = exif_reader.exif_with_pillow(image)
        else:
            handle.seek(0)
            raw = exif_reader.exif_with_exifread(handle)
    elif isinstance(blob, bytes | bytearray) and blob:
        raw = exif_reader.exif_from_blob(bytes(blob))
    elif info.format == "PNG":  # an eXIf chunk after the pixel data, which Pillow reads late
        handle.seek(0)
        raw = exif_reader.exif_with_exifread(handle)
        profile = png_profiles.exif_blob(image.info) if exif_reader.is_empty(raw) else None
        if profile:  # ImageMagick's "Raw profile type exif" text chunk
            raw = exif_reader.exif_from_blob(profile)
        if exif_reader.is_empty(raw):
            return
    elif _psd_resource(image, _PSD_EXIF):  # Photoshop's image resource 0x0422: a bare TIFF
        raw = exif_reader.exif_from_blob(_psd_resource(image, _PSD_EXIF))
        if exif_reader.is_empty(raw):
            return
    else:
        return
    if exif_reader.is_empty(raw):
        raw = exif_reader.exif_with_pillow(image)
    exif_reader.apply_exif(info, raw)


def _psd_resource(image: Image.Image, resource_id: int) -> bytes:
    """The data of a PSD's image resource (IPTC 0x0404, EXIF 0x0422, XMP 0x0424), or b""."""
    if image.format != "PSD":
        return b""
    for found_id, _name, data in getattr(image, "resources", None) or ():
        if found_id == resource_id and isinstance(data, bytes):
            return data
    return b""


def _read_iptc(image: Image.Image, info: ImageInfo) -> None:
    applist = getattr(image, "applist", None)
    if applist is not None:
        payloads = [data for marker, data in applist if marker == "APP13"]
        info.iptc = iptc_reader.read_jpeg_iptc(payloads, info.warnings)
        return
    if info.format == "TIFF":
        found = IptcImagePlugin.getiptcinfo(image)
        if found:
            datasets = iptc_reader.datasets_from_pillow(found)
            info.iptc = iptc_reader.fields_from_datasets(datasets, info.warnings)
            return
        resources = image.getexif().get(_TIFF_PHOTOSHOP)  # IIM inside Photoshop's resources
        block = iptc_reader.find_iim_block(bytes(resources), info.warnings) if isinstance(
            resources, bytes | bytearray) else None
        if block:
            info.iptc = iptc_reader.fields_from_datasets(
                iptc_reader.parse_datasets(block), info.warnings
            )
    elif info.format == "PNG":  # ImageMagick's "Raw profile type iptc" text chunk
        profile = png_profiles.iptc_profile(image.info)
        if profile is None:
            return
        kind, block = profile
        if kind == "resources":
            block = iptc_reader.find_iim_block(block, info.warnings) or b""
        if block:
            info.iptc = iptc_reader.fields_from_datasets(
                iptc_reader.parse_datasets(block), info.warnings
            )
    elif info.format == "HEIF":  # an "iptc" metadata item: bare IIM datasets (pillow-heif)
        blocks = [item.get("data") for item in image.info.get("metadata") or ()
                  if isinstance(item, dict) and item.get("type") == "iptc"]
        block = next((data for data in blocks if isinstance(data, bytes) and data), b"")
        if block.startswith(b"\x1c"):
            info.iptc = iptc_reader.fields_from_datasets(
                iptc_reader.parse_datasets(block), info.warnings
            )
    elif _psd_resource(image, iptc_reader.IIM_RESOURCE_ID):
        block = _psd_resource(image, iptc_reader.IIM_RESOURCE_ID)
        info.iptc = iptc_reader.fields_from_datasets(
            iptc_reader.parse_datasets(block), info.warnings
        )


def _read_xmp(image: Image.Image, info: ImageInfo) -> None:
    applist = getattr(image, "applist", None)
    packet: Any
    if applist is not None:
        packet = xmp_reader.packet_from_jpeg_segments(
            [data for marker, data in applist if marker == "APP1"]
        )
    else:
        packet = image.info.get("xmp")
        if not packet and info.format == "PNG":
            packet = png_profiles.xmp_packet(image.info)
        if not packet:
            packet = _psd_resource(image, _PSD_XMP)
    if packet:
        _apply_xmp_packet(info, packet)


def _apply_xmp_packet(info: ImageInfo, packet: bytes | str) -> None:
    info.xmp, camera = xmp_reader.parse_xmp_with_camera(packet, info.warnings)
    _camera_from_xmp(info, camera)


def _camera_from_xmp(info: ImageInfo, camera: dict[str, str]) -> None:
    """Fill camera fields EXIF did not give from XMP's tiff:/exif: copies (EXIF wins)."""
    for key in ("make", "model", "lens"):
        if not getattr(info, key) and camera.get(key):
            setattr(info, key, clean_camera_string(camera[key]))
    if not info.taken_at and camera.get("date_original"):
        info.taken_at, info.taken_offset = xmp_reader.xmp_date_to_iso(camera["date_original"])
    written = camera.get("orientation", "").strip()
    if info.orientation is None and written.isdigit() and 1 <= int(written) <= 8:
        info.orientation = int(written)  # tiff:Orientation, as PNG and AVIF writers keep it


def _read_raw(handle: BinaryIO, info: ImageInfo, kind: str, extension: str) -> None:
    """RAW files: what EXIF says (camera, date, size), read without decoding the sensor data."""
    info.format = kind if kind in {"ORF", "RW2", "RAF"} else extension.lstrip(".").upper()
    if kind == "RAF":
        _read_raf(handle, info)
        return
    raw: dict[str, Any] = {}

    def run_exifread() -> None:
        handle.seek(0)
        raw.update(exif_reader.exif_with_exifread(handle))

    _fenced(info, "EXIF", run_exifread)
    if exif_reader.is_empty(raw):
        if not kind:
            named = "" if info.format == "RAW" else f"{info.format} "
            raise ImageReadError(info.path, f"not a readable {named}RAW file: no EXIF found")
        info.warnings.append("no EXIF found in the RAW file")
        return
    exif_reader.apply_exif(info, raw)
    info.width, info.height = exif_reader.raw_dimensions(raw)
    _fenced(info, "RAW size", lambda: _raw_size(handle, info, raw, kind, extension))
    packet = raw.get("xmp_packet")
    if isinstance(packet, list) and packet and all(isinstance(item, int) for item in packet):
        _fenced(info, "XMP", lambda: _apply_xmp_packet(info, bytes(packet)))


def _read_cr3(handle: BinaryIO, info: ImageInfo) -> None:
    """Canon CR3: EXIF from its CMT boxes (camera, date, exposure, GPS, size)."""
    info.format = "CR3"
    raw = raw_exif_from_cr3(read_cr3(handle, info.file_size))
    if exif_reader.is_empty(raw):
        info.warnings.append("no EXIF found in the CR3 file")
        return
    exif_reader.apply_exif(info, raw)
    info.width, info.height = exif_reader.raw_dimensions(raw)


def _read_mrw(handle: BinaryIO, info: ImageInfo) -> None:
    """Minolta MRW: EXIF from its TIFF block, the picture's size from its PRD block."""
    info.format = "MRW"
    tiff, size = mrw_parts(handle)
    raw = exif_reader.exif_from_blob(tiff) if tiff else {}
    if exif_reader.is_empty(raw):
        info.warnings.append("no EXIF found in the MRW file")
    else:
        exif_reader.apply_exif(info, raw)
    info.width, info.height = size or exif_reader.raw_dimensions(raw)


def _read_raf(handle: BinaryIO, info: ImageInfo) -> None:
    """Fujifilm RAF: the metadata of the JPEG preview it embeds."""
    preview = raf_preview(handle)
    if preview is None:
        info.warnings.append("RAF file without an embedded JPEG preview; nothing read")
        return
    try:
        image = Image.open(io.BytesIO(preview))
    except UnidentifiedImageError:
        info.warnings.append("RAF preview unreadable: not a readable JPEG")
        return
    except _OPEN_ERRORS as error:
        info.warnings.append(f"RAF preview unreadable ({type(error).__name__}: {error})"[:300])
        return
    _fenced(info, "EXIF", lambda: _apply_blob_exif(image, info))
    _fenced(info, "IPTC", lambda: _read_iptc(image, info))
    _fenced(info, "XMP", lambda: _read_xmp(image, info))


def _raw_size(
    handle: BinaryIO, info: ImageInfo, raw: dict[str, Any], kind: str, extension: str
) -> None:
    """The RAW picture's size by exiftool's rule for its ImageSize.

    Canon CR2 and Phase One IIQ: ExifImageWidth/Height. Panasonic RW2: the sensor borders.
    Any other TIFF-based RAW: the IFD marked full-resolution (SubIFD or IFD0), else IFD0.
    """
    handle.seek(8)
    canon = extension == ".cr2" or handle.read(2) == b"CR"
    if (canon or extension == ".iiq") and raw.get("exif_width") and info.width:
        return
    size = rw2_size(handle) if kind == "RW2" else full_resolution_size(handle)
    if size is not None:
        info.width, info.height = size


def _apply_blob_exif(image: Image.Image, info: ImageInfo) -> None:
    """EXIF of an embedded preview; the picture's size from EXIF, else the preview's own."""
    blob = image.info.get("exif")
    if blob:
        raw = exif_reader.exif_from_blob(bytes(blob))
        exif_reader.apply_exif(info, raw)
        info.width, info.height = exif_reader.raw_dimensions(raw)
    if not info.width:
        info.width, info.height = image.size


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
