"""The fenced readers of one metadata part (EXIF, IPTC-IIM, XMP) of an opened image.

Shared by the Pillow path and the RAW path of :mod:`catalog.images.reader`. Each part is
read through :func:`fenced`, so that a reader that fails costs that part, never the file.
"""

from __future__ import annotations

import struct
import warnings
from collections.abc import Callable
from typing import Any, BinaryIO

from PIL import Image, IptcImagePlugin

from catalog.images import exif as exif_reader
from catalog.images import iptc as iptc_reader
from catalog.images import png as png_profiles
from catalog.images import raw as raw_tiff
from catalog.images import xmp as xmp_reader
from catalog.images import xmpcamera
from catalog.images.clean import clean_camera_string
from catalog.images.heifexif import exif_item
from catalog.images.model import ImageInfo

# What Pillow and its plugins raise on a damaged header (TIFF: TypeError "Missing dimensions",
# pillow-heif: RuntimeError from libheif, ...): the file is refused with a plain reason.
OPEN_ERRORS = (
    OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError, TypeError,
    RuntimeError, ZeroDivisionError, NotImplementedError, AssertionError, MemoryError,
)
PSD_EXIF, PSD_XMP = 0x0422, 0x0424  # Photoshop image resource ids
TIFF_PHOTOSHOP = 34377  # the TIFF tag holding Photoshop's image resources
MAX_NOTES = 5  # distinct warnings kept per reader
BIGTIFF_MAGIC = (b"II+\x00", b"MM\x00+")


def fenced(info: ImageInfo, what: str, reader: Callable[[], None]) -> None:
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
    count when repeated, at most ``MAX_NOTES`` of them), and never Pillow's deprecation
    notices, which are about Pillow rather than the file."""
    counts: dict[str, int] = {}
    for warning in raised:
        if issubclass(warning.category, DeprecationWarning):
            continue
        text = f"{what}: {str(warning.message).strip()}"[:300]
        counts[text] = counts.get(text, 0) + 1
    notes = [text if n == 1 else f"{text} ({n} times)" for text, n in counts.items()]
    if len(notes) > MAX_NOTES:
        notes[MAX_NOTES:] = [f"{what}: {len(notes) - MAX_NOTES} more warnings"]
    return notes


def read_exif(handle: BinaryIO, image: Image.Image, info: ImageInfo) -> None:
    blob = image.info.get("exif")
    raw: dict[str, Any] = {}
    if info.format == "TIFF":
        handle.seek(0)
        if handle.read(4) in BIGTIFF_MAGIC:  # exifread reads 64-bit offsets as junk tags
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
    elif info.format in {"HEIF", "AVIF"}:  # EXIF that libheif did not link to its picture
        tiff = exif_item(handle, info.file_size)
        raw = exif_reader.exif_from_blob(tiff) if tiff else {}
        if exif_reader.is_empty(raw):
            return
    elif psd_resource(image, PSD_EXIF):  # Photoshop's image resource 0x0422: a bare TIFF
        raw = exif_reader.exif_from_blob(psd_resource(image, PSD_EXIF))
        if exif_reader.is_empty(raw):
            return
    else:
        return
    if exif_reader.is_empty(raw):
        raw = exif_reader.exif_with_pillow(image)
    exif_reader.apply_exif(info, raw)


def psd_resource(image: Image.Image, resource_id: int) -> bytes:
    """The data of a PSD's image resource (IPTC 0x0404, EXIF 0x0422, XMP 0x0424), or b""."""
    if image.format != "PSD":
        return b""
    for found_id, _name, data in getattr(image, "resources", None) or ():
        if found_id == resource_id and isinstance(data, bytes):
            return data
    return b""


def read_iptc(image: Image.Image, info: ImageInfo) -> None:
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
        resources = image.getexif().get(TIFF_PHOTOSHOP)  # IIM inside Photoshop's resources
        block = iptc_reader.find_iim_block(bytes(resources), info.warnings) if isinstance(
            resources, bytes | bytearray) else None
        if block:
            info.iptc = iptc_reader.fields_from_block(block, info.warnings)
    elif info.format == "PNG":  # ImageMagick's "Raw profile type iptc" text chunk
        profile = png_profiles.iptc_profile(image.info)
        if profile is None:
            return
        kind, block = profile
        if kind == "resources":
            block = iptc_reader.find_iim_block(block, info.warnings) or b""
        if block:
            info.iptc = iptc_reader.fields_from_block(block, info.warnings)
    elif info.format == "HEIF":  # an "iptc" metadata item: bare IIM datasets (pillow-heif)
        blocks = [item.get("data") for item in image.info.get("metadata") or ()
                  if isinstance(item, dict) and item.get("type") == "iptc"]
        block = next((data for data in blocks if isinstance(data, bytes) and data), b"")
        if block.startswith(b"\x1c"):
            info.iptc = iptc_reader.fields_from_block(block, info.warnings)
    elif psd_resource(image, iptc_reader.IIM_RESOURCE_ID):
        block = psd_resource(image, iptc_reader.IIM_RESOURCE_ID)
        info.iptc = iptc_reader.fields_from_block(block, info.warnings)


def read_xmp(image: Image.Image, info: ImageInfo) -> None:
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
            packet = psd_resource(image, PSD_XMP)
    if packet:
        apply_xmp_packet(info, packet)


def apply_embedded(info: ImageInfo, exif: bytes | None = None, iim: bytes | None = None,
                   xmp: bytes | None = None) -> None:
    """Apply metadata a container holds outside Pillow's reach (JPEG 2000 boxes, EPS resources,
    a TIFF's IFD0 tags): an EXIF blob, a block of IIM datasets, an XMP packet; each fenced."""
    if exif:
        raw = exif_reader.exif_from_blob(exif)
        fenced(info, "EXIF", lambda: exif_reader.apply_exif(info, raw))
    if iim:
        fenced(info, "IPTC", lambda: setattr(info, "iptc", iptc_reader.fields_from_block(iim, info.warnings)))
    if xmp:
        fenced(info, "XMP", lambda: apply_xmp_packet(info, xmp))


def apply_tiff_blocks(handle: BinaryIO, info: ImageInfo) -> None:
    """IPTC (tag 33723) and XMP (tag 700) from a TIFF-structured file's IFD0: for TIFF-based
    RAW files and TIFFs Pillow cannot open (exifread skips both with ``details=False``)."""
    tags = raw_tiff.ifd0_tags(handle, (raw_tiff.IPTC_NAA, raw_tiff.XMP_TAG), info.file_size)
    apply_embedded(info, iim=tags.get(raw_tiff.IPTC_NAA), xmp=tags.get(raw_tiff.XMP_TAG))


def apply_xmp_packet(info: ImageInfo, packet: bytes | str) -> None:
    info.xmp, camera = xmp_reader.parse_xmp_with_camera(packet, info.warnings)
    camera_from_xmp(info, camera)


def camera_from_xmp(info: ImageInfo, camera: dict[str, str]) -> None:
    """Fill camera fields EXIF did not give from XMP's tiff:/exif: copies (EXIF wins)."""
    for key in ("make", "model", "lens"):
        if not getattr(info, key) and camera.get(key):
            setattr(info, key, clean_camera_string(camera[key]))
    if not info.taken_at and camera.get("date_original"):
        info.taken_at, info.taken_offset = xmp_reader.xmp_date_to_iso(camera["date_original"])
    written = camera.get("orientation", "").strip()
    if info.orientation is None and written.isdigit() and 1 <= int(written) <= 8:
        info.orientation = int(written)  # tiff:Orientation, as PNG and AVIF writers keep it
    _exposure_from_xmp(info, camera)
    if info.gps_lat is None and "gps_lat" in camera and "gps_lon" in camera:
        lat, lon = xmpcamera.coordinate(camera["gps_lat"]), xmpcamera.coordinate(camera["gps_lon"])
        if lat is not None and lon is not None and (lat, lon) != (0, 0):
            info.gps_lat, info.gps_lon = round(lat, 7), round(lon, 7)


def _exposure_from_xmp(info: ImageInfo, camera: dict[str, str]) -> None:
    """Exposure time, aperture, focal length and ISO from XMP, where EXIF had none."""
    if not info.exposure_time and camera.get("exposure_time"):
        info.exposure_time = exif_reader.format_exposure(xmpcamera.rational(camera["exposure_time"]))
    f_number = xmpcamera.rational(camera.get("f_number", ""))
    if info.f_number is None and f_number:
        info.f_number = round(f_number, 1 if f_number >= 1 else 2)  # as EXIF's are rounded
    focal = xmpcamera.rational(camera.get("focal_length", ""))
    if info.focal_length is None and focal:
        info.focal_length = round(focal, 1)
    if info.iso is None and camera.get("iso"):
        info.iso = xmpcamera.sensitivity(camera["iso"])


def apply_blob_exif(image: Image.Image, info: ImageInfo) -> None:
    """EXIF of an embedded preview; the picture's size from EXIF, else the preview's own."""
    blob = image.info.get("exif")
    if blob:
        raw = exif_reader.exif_from_blob(bytes(blob))
        exif_reader.apply_exif(info, raw)
        info.width, info.height = exif_reader.raw_dimensions(raw)
    if not info.width:
        info.width, info.height = image.size
