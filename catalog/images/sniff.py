"""Tell what a file's first bytes are, so errors and mislabelling warnings read plainly."""

from __future__ import annotations

# TIFF-structured RAW (read through EXIF and their IFDs), plus RAF; .cr3: see cr3.py
RAW_EXTENSIONS = {
    ".cr2", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".dng", ".orf", ".rw2", ".rwl", ".raw",
    ".raf", ".pef", ".srw", ".3fr", ".fff", ".iiq", ".erf", ".kdc", ".dcr", ".mef", ".mos",
}



def is_raw_file(kind: str, extension: str) -> bool:
    """Whether a file is read as RAW (through EXIF and embedded previews, never by Pillow)."""
    return kind in {"RAF", "CR3"} or (
        extension.lower() in RAW_EXTENSIONS and kind in {"TIFF", "ORF", "RW2", ""}
    )


# RAW formats recognised but not read (neither TIFF-structured nor with a JPEG preview we find).
UNSUPPORTED_RAW_KINDS = {"Sigma X3F"}

# Image formats recognised but not read, with what they are.
UNREAD_KINDS = {"GIMP XCF": "GIMP's working format", "OpenEXR": "a high-dynamic-range render format"}

# Extension -> the Pillow format names a file so named should hold.
EXPECTED_FORMATS: dict[str, set[str]] = {
    ".jpg": {"JPEG", "MPO"},
    ".jpeg": {"JPEG", "MPO"},
    ".jpe": {"JPEG", "MPO"},
    ".png": {"PNG"},
    ".tif": {"TIFF"},
    ".tiff": {"TIFF"},
    ".webp": {"WEBP"},
    ".heic": {"HEIF"},
    ".heif": {"HEIF"},
    ".gif": {"GIF"},
    ".bmp": {"BMP"},
}

_SIGNATURES: list[tuple[int, bytes, str]] = [
    (0, b"\xff\xd8", "JPEG"),
    (0, b"\x89PNG\r\n\x1a\n", "PNG"),
    (0, b"GIF87a", "GIF"),
    (0, b"GIF89a", "GIF"),
    (0, b"II*\x00", "TIFF"),
    (0, b"MM\x00*", "TIFF"),
    (0, b"II+\x00", "TIFF"),  # BigTIFF
    (0, b"MM\x00+", "TIFF"),
    (0, b"IIRO", "ORF"),
    (0, b"IIRS", "ORF"),
    (0, b"MMOR", "ORF"),
    (0, b"IIU\x00", "RW2"),
    (0, b"FUJIFILMCCD-RAW", "RAF"),
    (0, b"II\x1a\x00\x00\x00HEAPCCDR", "Canon CRW"),
    (0, b"\x00MRM", "MRW"),
    (0, b"FOVb", "Sigma X3F"),
    (0, b"BM", "BMP"),
    (0, b"8BPS", "PSD"),
    (0, b"\xc5\xd0\xd3\xc6", "EPS"),  # DOS EPS: a binary header before the PostScript
    (0, b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (0, b"\xff\x4f\xff\x51", "JPEG 2000"),  # a bare codestream (.j2k)
    (0, b"\xff\x0a", "JPEG XL"),
    (0, b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
    (0, b"DDS ", "DDS"),
    (0, b"gimp xcf", "GIMP XCF"),
    (0, b"v/1\x01", "OpenEXR"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (FlashPix or Office)"),
    (0, b"%PDF", "PDF"),
    (0, b"PK\x03\x04", "ZIP"),
    (0, b"<", "XML/HTML"),
    (4, b"ftypcrx ", "CR3"),
]
# ISO-BMFF brands (major or compatible) that make a file a still image or an image sequence.
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}


def _ftyp_kind(head: bytes) -> str:
    """An ISO-BMFF file (HEIF, AVIF or a video) by the brands of its ``ftyp`` box."""
    size = int.from_bytes(head[:4], "big")
    end = min(len(head), size) if size >= 16 else len(head)
    brands = [head[offset:offset + 4] for offset in (8, *range(16, end - 3, 4))]
    if _AVIF_BRANDS.intersection(brands):  # AVIF files often list mif1 too; HEIC never avif
        return "AVIF"
    if _HEIF_BRANDS.intersection(brands):
        return "HEIF"
    return "MP4/QuickTime"


def sniff_kind(head: bytes) -> str:
    """A name for what the first bytes look like: "JPEG", "PNG", ..., "text", or ""."""
    for offset, signature, kind in _SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            if kind == "BMP" and len(head) >= 14 and head[6:10] != b"\x00\x00\x00\x00":
                continue
            return kind
    if head[4:8] == b"ftyp":
        return _ftyp_kind(head)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if _looks_like_text(head):
        return "text"
    return ""


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the end of the sample is still text.
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    printable = sum(char.isprintable() or char in "\r\n\t" for char in text)
    return printable >= 0.95 * len(text)


def refusal_reason(head: bytes, kind: str) -> str:
    """The plain-words reason an unreadable file is refused."""
    if kind == "text":
        return "not an image: looks like text"
    if kind in UNSUPPORTED_RAW_KINDS:
        return f"{kind} RAW files are not supported: no reader for this format's metadata"
    if kind in UNREAD_KINDS:
        return f"not read: a {kind} file ({UNREAD_KINDS[kind]}), a format this catalogue does not read"
    if kind == "JPEG XL":
        return "JPEG XL file: no JPEG XL decoder is installed, so it cannot be read"
    if kind.startswith("OLE2"):
        return "not a readable image: an OLE2 compound file (FlashPix, or an Office document)"
    if kind in {"PDF", "ZIP", "XML/HTML", "MP4/QuickTime"}:
        return f"not an image: looks like {kind} data"
    if kind:
        return f"damaged or truncated {kind} file: its header cannot be read"
    preview = head[:8].hex(" ")
    return f"unknown format (first bytes {preview})" if preview else "unknown format"


def mislabel_warning(extension: str, actual_format: str) -> str | None:
    """A warning when the file's name promises another format than its content."""
    expected = EXPECTED_FORMATS.get(extension)
    if expected is None or actual_format in expected:
        return None
    return f"{actual_format} data in a file named {extension}"
