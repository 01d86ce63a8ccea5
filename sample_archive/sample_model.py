"""The shape of a sample (``Sample``), the EXIF helper, and the broken files' list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

BAKHMUT_CAPTION = (
    "FILE PHOTO: Plumes of smoke rise from a Russian strike during a 36-hour ceasefire over "
    "Orthodox Christmas declared by Russian President Vladimir Putin, as Russia's attack on "
    "Ukraine continues, from the frontline Donbas city of Bakhmut, Ukraine, January 7, 2023. "
    "REUTERS/Clodagh Kilcoyne/File Photo"
)

# IPTC Credit line each agency puts in its files.
AGENCY_CREDIT = {
    "Reuters": "REUTERS", "AP": "AP", "AFP": "AFP", "Getty Images": "Getty Images",
    "EPA-EFE": "EPA-EFE", "Xinhua": "Xinhua", "dpa": "picture alliance/dpa",
    "Bloomberg": "Bloomberg", "Shutterstock": "Shutterstock",
}


def camera(
    make: str, model: str, when: str | None, *, offset: str | None = None,
    gps: tuple[float, float] | None = None, lens: str | None = None,
    exposure: tuple[int, int] = (1, 500), f: float = 5.6, iso: int = 200,
    focal: float = 50, orientation: int = 1,
) -> dict[str, Any]:
    """Keyword arguments for ``build_exif``; ``when`` is "YYYY-MM-DD HH:MM:SS"."""
    return {
        "make": make, "model": model, "lens": lens,
        "taken_at": datetime.fromisoformat(when) if when else None, "offset": offset,
        "gps": gps, "exposure_time": exposure, "f_number": f, "iso": iso,
        "focal_length": focal, "orientation": orientation,
    }


@dataclass(frozen=True)
class Sample:
    path: str                       # relative to sample_archive/
    scene: str
    seed: int
    caption: str
    parsed: dict[str, Any]          # what a correct parse finds (keys left out: not pinned)
    store: str = "iptc"             # iptc | xmp | both | sidecar | manifest | none
    latin1: bool = False            # IIM in Latin-1 without the 1:90 record
    split: bool = False             # IIM block split across two APP13 segments
    iptc_caption: str | None = None  # a stale IIM caption that disagrees with XMP
    camera: dict[str, Any] | None = None
    thumbnail: bool = False
    fields: dict[str, Any] = field(default_factory=dict)  # more IPTC/XMP fields
    same_picture_as: str | None = None  # a re-send of that file (cropped, re-encoded)
    damaged_exif: bool = False      # the Exif sub-IFD pointer points past the segment
    quality: int = 85
    notes: str = ""


# Files in broken/ that a correct import must record in import_errors, with why.
BROKEN: dict[str, str] = {
    "broken/empty.jpg": "zero-byte file",
    "broken/truncated.jpg": "JPEG cut short inside its header, before the frame header",
    "broken/notes_named.jpg": "a text file named .jpg",
    "broken/garbage_after_soi.jpg": "JPEG start marker followed by random bytes",
}
# A real PNG saved under a .jpg name: readable, so it is imported with a warning.
MISLABELLED_PNG = "broken/png_named.jpg"
