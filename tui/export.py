"""Write search results to CSV or JSON lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

ExportFormat = Literal["csv", "jsonl"]

#: Columns written to CSV, in order (JSON lines carry every column of the row).
CSV_COLUMNS = (
    "id", "date", "agency", "photographer", "credit", "city", "region", "country",
    "country_code", "subject", "file_photo", "pool", "handout", "path", "caption",
)

#: Internal columns left out of JSON lines: search rank and bulky per-reader dumps.
_SKIPPED = frozenset({"rank", "iptc_json", "xmp_json", "exif_json", "parsed_json", "spans"})


def export_rows(rows: Iterable[dict[str, Any]], path: str | Path, fmt: ExportFormat) -> int:
    """Write ``rows`` to ``path`` as ``fmt``; returns how many rows were written."""
    target = Path(path).expanduser()
    written = 0
    with target.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "csv":
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({key: row.get(key) for key in CSV_COLUMNS})
                written += 1
        elif fmt == "jsonl":
            for row in rows:
                record = {key: value for key, value in row.items() if key not in _SKIPPED}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        else:
            raise ValueError(f"unknown export format {fmt!r}: use csv or jsonl")
    return written


def format_for(path: str) -> ExportFormat:
    """Guess the format from a file name: .csv is CSV, anything else JSON lines."""
    return "csv" if path.lower().endswith(".csv") else "jsonl"
