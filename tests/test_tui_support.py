"""Shared helpers for the TUI tests: a small fixed archive and a way to wait for workers.

(No tests here; the name keeps it among the files the TUI engineer owns.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from textual.pilot import Pilot

from catalog.archive import Archive
from catalog.captions.model import Caption
from catalog.records import PhotoRecord

# Our own captions, written in the agencies' house formats.
BAKHMUT = ("FILE PHOTO: Ukrainian servicemen fire a howitzer near the frontline town of Bakhmut, "
           "Donetsk region, Ukraine January 7, 2023. REUTERS/Clodagh Kilcoyne/File Photo")
BAKHMUT_RESENT = ("FILE PHOTO: Ukrainian servicemen fire a howitzer near Bakhmut, Ukraine "
                  "January 7, 2023. REUTERS/Clodagh Kilcoyne/File Photo")
SPRINGFIELD = ("Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. "
               "(AP Photo/Sam Reyes)")
LYON = ("A ferry leaves the harbour at dawn in Lyon, France, on March 5, 2024. "
        "(Photo by Ana COSTA / AFP)")
MADRID = ("epa11223344 Firefighters cool down a burning warehouse, Madrid, Spain, 12 June 2022. "
          "EPA-EFE/JUAN PEREZ")


def _spans(caption: str, values: dict[str, str]) -> str:
    spans = {}
    for field, text in values.items():
        start = caption.find(text)
        if start >= 0:
            spans[field] = [start, start + len(text)]
    return json.dumps(spans)


def _row(caption: str, **columns: Any) -> dict[str, Any]:
    highlighted = {key: columns[key] for key in ("city", "country", "photographer")
                   if columns.get(key)}
    if columns.get("date_text"):
        highlighted["date"] = columns["date_text"]
    if columns.get("credit"):
        highlighted["credit"] = columns["credit"]
    base = {
        "caption": caption, "caption_source": "iptc", "format": "JPEG", "width": 640,
        "height": 427, "spans": _spans(caption, highlighted), "confidence": 0.9,
    }
    base.update(columns)
    return base


FIXED_ROWS: list[dict[str, Any]] = [
    _row(BAKHMUT, subject="Ukrainian servicemen fire a howitzer near the frontline town",
         city="Bakhmut", region="Donetsk region", country="Ukraine", country_code="UA",
         date="2023-01-07", date_text="January 7, 2023", agency="Reuters",
         photographer="Clodagh Kilcoyne", credit="REUTERS/Clodagh Kilcoyne/File Photo",
         file_photo=1, caption_format="reuters", make="Canon", model="EOS R5",
         taken_at="2023-01-07T11:32:00", dhash="0f0f0f0f0f0f0f0f", keywords="war; artillery"),
    _row(BAKHMUT_RESENT, subject="Ukrainian servicemen fire a howitzer", city="Bakhmut",
         country="Ukraine", country_code="UA", date="2023-01-07", date_text="January 7, 2023",
         agency="Reuters", photographer="Clodagh Kilcoyne",
         credit="REUTERS/Clodagh Kilcoyne/File Photo", file_photo=1, caption_format="reuters",
         dhash="0f0f0f0f0f0f0f0e"),
    _row(SPRINGFIELD, subject="Voters wait outside a school", city="Springfield", region="Ill.",
         country="United States", country_code="US", date="2024-09-03",
         date_text="Sept. 3, 2024", agency="AP", photographer="Sam Reyes",
         credit="AP Photo/Sam Reyes", caption_format="ap", dhash="ffff0000ffff0000"),
    _row(LYON, subject="A ferry leaves the harbour at dawn", city="Lyon", country="France",
         country_code="FR", date="2024-03-05", date_text="March 5, 2024", agency="AFP",
         photographer="Ana Costa", credit="Photo by Ana COSTA / AFP", caption_format="afp",
         taken_at="2024-03-02T06:10:00", date_conflict_days=3, has_conflict=1,
         dhash="00ff00ff00ff00ff"),
    _row(MADRID, subject="Firefighters cool down a burning warehouse", city="Madrid",
         country="Spain", country_code="ES", date="2022-06-12", date_text="12 June 2022",
         agency="EPA-EFE", photographer="Juan Perez", credit="EPA-EFE/JUAN PEREZ",
         caption_format="epa", dhash="123456789abcdef0"),
]


# "format" is both the image format column and the parser's name: keep it as a column.
_CAPTION_FIELDS = {f.name for f in dataclasses.fields(Caption)} - {"format"}


def record_for(row: dict[str, Any], index: int) -> PhotoRecord:
    """The PhotoRecord an importer would hand the archive for ``row`` (with its parse)."""
    sha = hashlib.sha256(f"tui-test-{index}".encode()).hexdigest()
    parsed = {key: value for key, value in row.items() if key in _CAPTION_FIELDS}
    parsed["date"] = dt.date.fromisoformat(row["date"])
    parsed["file_photo"] = bool(row.get("file_photo"))
    parsed["spans"] = {key: tuple(span) for key, span in json.loads(row["spans"]).items()}
    caption = Caption(raw=row["caption"], text=row["caption"], format=row.get("caption_format", ""),
                      **parsed)
    columns = {key: value for key, value in row.items()
               if key not in _CAPTION_FIELDS and key not in ("parsed_json", "spans")}
    return PhotoRecord(content_hash=sha, path=f"/photos/{index:04d}.jpg", size=1000 + index,
                       mtime_ns=1_700_000_000_000_000_000 + index, columns=columns,
                       caption=caption)


def filler_rows(count: int) -> list[dict[str, Any]]:
    """``count`` plain Xinhua rows, one a day back from 2021-12-31 (for paging)."""
    rows = []
    for n in range(count):
        day = f"2021-{12 - (n // 28) % 12:02d}-{28 - n % 28:02d}"
        rows.append(_row(f"Fishermen haul nets at dawn, Qingdao, {day}. (Xinhua/Li Wei {n})",
                         subject="Fishermen haul nets at dawn", city="Qingdao", country="China",
                         date=day, agency="Xinhua", photographer=f"Li Wei {n}",
                         dhash=f"{0xa000000000000000 + n * 0x10101:016x}"))
    return rows


def thumbnail_jpeg() -> bytes:
    """A small, always identical JPEG: a sky, a field and a sun."""
    image = Image.new("RGB", (96, 64), (90, 140, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 40, 96, 64), fill=(70, 120, 50))
    draw.ellipse((60, 8, 80, 28), fill=(250, 210, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def build_archive(path: Path, *, filler: int = 0) -> Path:
    """A fresh archive at ``path`` holding FIXED_ROWS (ids 1..5) and ``filler`` more rows."""
    rows = FIXED_ROWS + filler_rows(filler)
    with Archive(path) as archive:
        archive.upsert_photos([record_for(row, i) for i, row in enumerate(rows, start=1)])
        archive.set_thumbnail(1, thumbnail_jpeg(), 96, 64, "test")
    return path


async def settle(pilot: Pilot, *, rounds: int = 250) -> None:
    """Wait until every worker has finished and the newest search is on screen."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause(0.02)
        searching = getattr(app, "shown_generation", 0) != getattr(app, "generation", 0)
        if not searching and all(worker.is_finished for worker in app.workers):
            await pilot.pause()
            return
    raise TimeoutError("the app did not settle: workers still running")


def plain(widget: Any) -> str:
    """The text a Static shows, whatever it was given (str, rich Text or a rich Table)."""
    from rich.console import Console

    content = widget.content
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()
