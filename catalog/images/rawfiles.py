"""RAW files (TIFF-based RAW, Canon CR3, Minolta MRW, Fujifilm RAF): what their EXIF
says (camera, date, exposure, GPS, size), read without decoding the sensor data."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from PIL import Image, UnidentifiedImageError

from catalog.images import exif as exif_reader
from catalog.images.cr3 import raw_exif_from_cr3, read_cr3
from catalog.images.fields import (
    OPEN_ERRORS,
    apply_blob_exif,
    apply_tiff_blocks,
    fenced,
    read_iptc,
    read_xmp,
)
from catalog.images.model import ImageInfo, ImageReadError
from catalog.images.raw import (
    full_resolution_size,
    mrw_parts,
    raf_preview,
    raf_size,
    rw2_iso,
    rw2_size,
)


def read_raw(handle: BinaryIO, info: ImageInfo, kind: str, extension: str) -> None:
    """RAW files: what EXIF says (camera, date, size), read without decoding the sensor data."""
    info.format = kind if kind in {"ORF", "RW2", "RAF"} else extension.lstrip(".").upper()
    if kind == "RAF":
        read_raf(handle, info)
        return
    raw: dict[str, Any] = {}

    def run_exifread() -> None:
        handle.seek(0)
        raw.update(exif_reader.exif_with_exifread(handle))

    fenced(info, "EXIF", run_exifread)
    if exif_reader.is_empty(raw):
        if not kind:
            named = "" if info.format == "RAW" else f"{info.format} "
            raise ImageReadError(info.path, f"not a readable {named}RAW file: no EXIF found")
        info.warnings.append("no EXIF found in the RAW file")
        return
    exif_reader.apply_exif(info, raw)
    info.width, info.height = exif_reader.raw_dimensions(raw)
    fenced(info, "RAW size", lambda: raw_size(handle, info, raw, kind, extension))
    if kind == "RW2" and info.iso is None:
        fenced(info, "RW2 ISO", lambda: setattr(info, "iso", rw2_iso(handle)))
    fenced(info, "IPTC and XMP", lambda: apply_tiff_blocks(handle, info))


def read_cr3_file(handle: BinaryIO, info: ImageInfo) -> None:
    """Canon CR3: EXIF from its CMT boxes (camera, date, exposure, GPS, size)."""
    info.format = "CR3"
    raw = raw_exif_from_cr3(read_cr3(handle, info.file_size))
    if exif_reader.is_empty(raw):
        info.warnings.append("no EXIF found in the CR3 file")
        return
    exif_reader.apply_exif(info, raw)
    info.width, info.height = exif_reader.raw_dimensions(raw)


def read_mrw(handle: BinaryIO, info: ImageInfo) -> None:
    """Minolta MRW: EXIF from its TIFF block, the picture's size from its PRD block."""
    info.format = "MRW"
    tiff, size = mrw_parts(handle)
    raw = exif_reader.exif_from_blob(tiff) if tiff else {}
    if exif_reader.is_empty(raw):
        info.warnings.append("no EXIF found in the MRW file")
    else:
        exif_reader.apply_exif(info, raw)
    info.width, info.height = size or exif_reader.raw_dimensions(raw)


def read_raf(handle: BinaryIO, info: ImageInfo) -> None:
    """Fujifilm RAF: the metadata of the JPEG preview it embeds, the size from its RAF directory."""
    preview = raf_preview(handle)
    if preview is None:
        info.warnings.append("RAF file without an embedded JPEG preview; nothing read")
        return
    try:
        image = Image.open(io.BytesIO(preview))
    except UnidentifiedImageError:
        info.warnings.append("RAF preview unreadable: not a readable JPEG")
        return
    except OPEN_ERRORS as error:
        info.warnings.append(f"RAF preview unreadable ({type(error).__name__}: {error})"[:300])
        return
    fenced(info, "EXIF", lambda: apply_blob_exif(image, info))
    fenced(info, "RAF size", lambda: _raf_size(handle, info))
    fenced(info, "IPTC", lambda: read_iptc(image, info))
    fenced(info, "XMP", lambda: read_xmp(image, info))


def _raf_size(handle: BinaryIO, info: ImageInfo) -> None:
    """The sensor picture's size, as exiftool gives it, over the preview's."""
    size = raf_size(handle)
    if size is not None:
        info.width, info.height = size


def raw_size(
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
