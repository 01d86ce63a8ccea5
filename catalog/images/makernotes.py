"""The few maker-note values exiftool reports where EXIF proper has none, read by hand.

exifread misreads two maker-note layouts that matter here: Casio's notes (older Exilim
and QV cameras keep their ISO only there: tag 0x3014 of "QVC" notes, 0x0014 of the oldest
ones) and Olympus / OM System notes with an ``OLYMPUS\\0II`` header, whose offsets count
from the note's start (their lens name is tag 0x0203 of the Equipment IFD, 0x2010). Nikon
SLRs of the D70 years keep their ISO only in the note too: ``Nikon\\0\\x02`` notes hold a
TIFF structure of their own 10 bytes in, whose tag 0x0002 is (0, ISO). Canon SLRs before
EXIF's LensModel name their lens in the note's tag 0x0095. Only these are read; anything odd
returns {}.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

_EXIF_IFD, _MAKER_NOTE = 0x8769, 0x927C
_MAX_ENTRIES = 1000
_MAX_NOTE = 1 << 20
_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 7: 1, 13: 4}
# Casio type 2 tag 0x0014 stores the ISO as a code (exiftool's Casio2 table).
_CASIO_ISO_CODES = {3: 50, 4: 64, 6: 100, 9: 200}
_CASIO_MAX_ENTRIES = 255
# Olympus header -> (where its IFD starts in the note, offsets relative to the note's start).
_OLYMPUS_HEADERS = (
    (b"OLYMPUS\x00", 12, True),
    (b"OM SYSTEM\x00", 16, True),
    (b"OLYMP\x00", 8, False),
)

Entry = tuple[int, int, int, bytes]  # type, count, entry position, the 4-byte value field


def maker_note_values(
    stream: BinaryIO, start: int, make: str, missing: frozenset[str] = frozenset({"iso", "lens"})
) -> dict[str, object]:
    """``{"iso": int}`` (Casio, Nikon) or ``{"lens": str}`` (Canon, Olympus) from the maker note of the
    TIFF structure at ``start``, when EXIF lacks it (``missing``); {} for other makes, without
    a note, or on any damage."""
    brand = make.strip().upper()
    wanted = {"CASIO": "iso", "NIKON": "iso", "CANON": "lens", "OLYMPUS": "lens",
              "OM DIGITAL": "lens"}
    if not any(brand.startswith(name) and value in missing for name, value in wanted.items()):
        return {}
    try:
        stream.seek(start)
        head = stream.read(8)
        endian = {b"II": "<", b"MM": ">"}.get(head[:2])
        if endian is None or len(head) < 8:
            return {}
        tiff = _Tiff(stream, start, endian)
        ifd0 = tiff.entries(struct.unpack(endian + "I", head[4:8])[0])
        exif_ifd = tiff.pointer(ifd0.get(_EXIF_IFD))
        # in the EXIF IFD, or in IFD0 where some software writes the EXIF tags
        note = tiff.entries_at(exif_ifd).get(_MAKER_NOTE) or ifd0.get(_MAKER_NOTE)
        if note is None or not 0 < note[1] <= _MAX_NOTE:
            return {}
        note_offset = tiff.pointer(note)
        if note_offset is None:
            return {}
        stream.seek(start + note_offset)
        note_head = stream.read(16)
        if brand.startswith("CASIO"):
            return _casio(tiff, note_offset, note_head)
        if brand.startswith("NIKON"):
            return _nikon(tiff, note_offset, note_head)
        if brand.startswith("CANON"):  # a plain IFD, offsets from the file's TIFF header
            lens = tiff.text(tiff.entries(note_offset).get(0x0095), 0)
            return {"lens": lens} if lens else {}
        return _olympus(tiff, note_offset, note_head)
    except (OSError, struct.error, ValueError, OverflowError):
        return {}


def _casio(tiff: _Tiff, note_offset: int, note_head: bytes) -> dict[str, object]:
    """Type 2 ("QVC" and 2 more bytes, then an IFD): ISO in 0x3014, else coded in 0x0014.
    Type 1 (an IFD from the note's first byte): ISO in 0x0014 (exiftool's Casio tables)."""
    qvc = note_head.startswith(b"QVC\x00")
    ifd = note_offset + (6 if qvc else 0)
    # The IFD is often big-endian inside a little-endian file: its byte order is the one
    # that gives a plausible entry count (as exiftool guesses it).
    count = note_head[ifd - note_offset:ifd - note_offset + 2]
    if len(count) == 2 and struct.unpack(tiff.endian + "H", count)[0] > _CASIO_MAX_ENTRIES:
        tiff = _Tiff(tiff.stream, tiff.start, ">" if tiff.endian == "<" else "<")
    entries = tiff.entries(ifd)
    if qvc:
        iso = tiff.number(entries.get(0x3014))
        iso = iso or _CASIO_ISO_CODES.get(tiff.number(entries.get(0x0014)) or 0)
    else:
        iso = tiff.number(entries.get(0x0014))
    return {"iso": iso} if iso and 0 < iso < 10_000_000 else {}


def _nikon(tiff: _Tiff, note_offset: int, note_head: bytes) -> dict[str, object]:
    """Type 3 notes: ISO is the second SHORT of tag 0x0002, offsets from the note's TIFF header."""
    order = note_head[10:12]
    if not note_head.startswith(b"Nikon\x00\x02") or order not in (b"II", b"MM"):
        return {}
    endian = "<" if order == b"II" else ">"
    note = _Tiff(tiff.stream, tiff.start + note_offset + 10, endian)
    tiff.stream.seek(note.start + 4)
    (first_ifd,) = struct.unpack(endian + "I", tiff.stream.read(4))
    entry = note.entries(first_ifd).get(0x0002)
    if entry is None or entry[0] != 3 or entry[1] != 2:
        return {}
    iso = struct.unpack_from(endian + "HH", entry[3])[1]
    return {"iso": iso} if iso else {}


def _olympus(tiff: _Tiff, note_offset: int, note_head: bytes) -> dict[str, object]:
    found = next((layout for layout in _OLYMPUS_HEADERS if note_head.startswith(layout[0])), None)
    if found is None:
        return {}
    _header, ifd_start, relative = found
    base = note_offset if relative else 0
    order = note_head[ifd_start - 4:ifd_start - 2] if relative else b""
    if order in (b"II", b"MM"):  # the note's own byte order, which may differ from the file's
        tiff = _Tiff(tiff.stream, tiff.start, "<" if order == b"II" else ">")
    entries = tiff.entries(note_offset + ifd_start)
    equipment = entries.get(0x2010)
    if equipment is None:
        return {}
    offset = tiff.pointer(equipment) if equipment[0] in (4, 13) and equipment[1] == 1 else None
    if offset is None:
        return {}
    lens = tiff.text(tiff.entries(base + offset).get(0x0203), base)
    return {"lens": lens} if lens else {}


class _Tiff:
    """Minimal reads inside a TIFF structure that begins at ``start`` in ``stream``."""

    def __init__(self, stream: BinaryIO, start: int, endian: str):
        self.stream, self.start, self.endian = stream, start, endian

    def entries_at(self, offset: int | None) -> dict[int, Entry]:
        return self.entries(offset) if offset else {}

    def entries(self, offset: int) -> dict[int, Entry]:
        self.stream.seek(self.start + offset)
        count_bytes = self.stream.read(2)
        if len(count_bytes) < 2:
            return {}
        (count,) = struct.unpack(self.endian + "H", count_bytes)
        if count > _MAX_ENTRIES:
            return {}
        data = self.stream.read(12 * count)
        found: dict[int, Entry] = {}
        for position in range(0, len(data) - 11, 12):
            tag, kind, number = struct.unpack_from(self.endian + "HHI", data, position)
            found.setdefault(tag, (kind, number, offset + 2 + position,
                                   data[position + 8:position + 12]))
        return found

    def pointer(self, entry: Entry | None) -> int | None:
        """The offset an entry's value field holds (a LONG or IFD pointer, or out-of-line data)."""
        if entry is None:
            return None
        (value,) = struct.unpack(self.endian + "I", entry[3])
        return value or None

    def number(self, entry: Entry | None) -> int | None:
        """A SHORT or LONG entry's first value, when stored in the entry itself."""
        if entry is None or entry[1] < 1:
            return None
        if entry[0] == 3:
            return struct.unpack_from(self.endian + "H", entry[3])[0]
        if entry[0] == 4:
            return struct.unpack_from(self.endian + "I", entry[3])[0]
        return None

    def text(self, entry: Entry | None, base: int) -> str:
        """An ASCII entry's text (out-of-line data counted from ``base``)."""
        if entry is None or entry[0] != 2 or not 0 < entry[1] <= 1024:
            return ""
        if entry[1] <= 4:
            raw = entry[3][:entry[1]]
        else:
            self.stream.seek(self.start + base + struct.unpack(self.endian + "I", entry[3])[0])
            raw = self.stream.read(entry[1])
        return raw.split(b"\x00", 1)[0].decode("latin-1").strip()
