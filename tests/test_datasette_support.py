"""A small real archive for the Datasette tests, written through the Archive API.

Captions are ours, in agencies' formats. Pictures are real JPEGs made with Pillow,
on disk for photos 1-3 and 5, missing for photo 4; thumbnails are real too.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from catalog import parse_caption
from catalog.archive import Archive
from catalog.records import PhotoRecord

FERRY = ("A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. "
         "Picture taken with a drone. REUTERS/Ana Costa")
FERRY_FILE = ("FILE - A ferry leaves the harbour at dawn in Lyon, France, Tuesday, "
              "March 5, 2024. (AP Photo/Sam Reyes, File)")
HANDOUT = ("Rescue workers search the rubble in Antakya, Turkey, on February 7, 2023. "
           'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / HANDOUT" - '
           "NO MARKETING NO ADVERTISING CAMPAIGNS (Photo by Handout / AFP)")
NO_CREDIT = "Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024."
MARATHON = ("Runners cross the bridge during the marathon in Berlin, Germany "
            "September 29, 2019. REUTERS/Lena Berg")

#: photo id -> (caption, extra photos columns); ids follow insertion order.
PHOTOS: dict[int, tuple[str, dict]] = {
    1: (FERRY, {"dhash": "a1b2c3d4e5f60718", "make": "Canon", "model": "Canon EOS R3",
                "taken_at": "2024-03-05T06:40:00", "gps_lat": 45.76, "gps_lon": 4.84}),
    2: (FERRY_FILE, {"dhash": "a1b2c3d4e5f60719"}),           # the same picture, re-sent
    3: (HANDOUT, {"dhash": "0f0f0f0f0f0f0f0f"}),
    4: (NO_CREDIT, {"dhash": "ffff0000ffff0000"}),           # file gone, no thumbnail
    5: (MARATHON, {"dhash": "123456789abcdef0", "taken_at": "2019-09-19T09:00:00",
                   "date_conflict_days": 10, "gps_lat": 59.3, "gps_lon": 18.1,
                   "place_conflict_km": 810.0, "has_conflict": 1}),
}


def jpeg_bytes(size: tuple[int, int], shade: int) -> bytes:
    """A real JPEG: a gradient with a bar, different per ``shade``."""
    img = Image.new("RGB", size, (shade, 120, 255 - shade))
    ImageDraw.Draw(img).rectangle([size[0] // 4, 10, size[0] // 2, size[1] - 10],
                                  fill=(250, 250 - shade, 20))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def build_archive(folder: Path, name: str = "archive") -> Path:
    """Write the archive ``folder/<name>.db`` and the picture files; return the db path."""
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / f"{name}.db"
    records = []
    for photo_id, (caption, columns) in PHOTOS.items():
        path = folder / "pictures" / f"photo{photo_id}.jpg"
        data = jpeg_bytes((320, 200), 40 * photo_id)
        if photo_id != 4:
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        cols = {"format": "JPEG", "width": 320, "height": 200, "caption": caption,
                "caption_source": "iptc", "byline": "", **columns}
        records.append(PhotoRecord(content_hash=f"{photo_id:064x}", path=str(path), size=len(data),
                                   mtime_ns=1_700_000_000_000_000_000, columns=cols,
                                   caption=parse_caption(caption)))
    with Archive(db_path) as archive:
        archive.upsert_photos(records, None)
        for photo_id in PHOTOS:
            if photo_id != 4:
                thumb = jpeg_bytes((96, 60), 40 * photo_id)
                archive.set_thumbnail(photo_id, thumb, 96, 60, "test")
        first = archive.correct(1, "city", "Lyon 2e", editor="ana")
        archive.correct(1, "photographer", "Ana Costa-Silva", editor="ben")
        archive.undo_correction(first, editor="chris")
    return db_path


def new_records(start: int, count: int) -> list[PhotoRecord]:
    """Further photos for the import-while-serving test (unique content hashes)."""
    out = []
    for n in range(start, start + count):
        caption = (f"Cyclists ride past the stadium in Berlin, Germany June {1 + n % 28}, "
                   f"2022. REUTERS/Jonas Lund")
        out.append(PhotoRecord(content_hash=f"{n:064x}", path=f"/nowhere/extra{n}.jpg", size=100,
                               mtime_ns=1, columns={"caption": caption, "format": "JPEG",
                                                    "dhash": f"{n:016x}"},
                               caption=parse_caption(caption)))
    return out
