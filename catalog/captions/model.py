"""The Caption record: the parser's contract with the rest of the system."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

#: Caption fields that an editor may correct and the archive stores as columns.
TEXT_FIELDS = (
    "subject", "city", "region", "country", "country_code",
    "agency", "photographer", "credit", "date_text",
)
FLAG_FIELDS = ("file_photo", "pool", "handout", "third_party", "topshot", "drone")


@dataclass
class Caption:
    """What a caption says, split into fields.

    ``text`` is the cleaned caption (entities decoded, mojibake repaired, line
    breaks normalised); every span in ``spans`` indexes into ``text``.
    ``raw`` is the string exactly as it was given.
    """

    raw: str = ""
    text: str = ""
    subject: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    country_code: str = ""
    place_lat: float | None = None
    place_lon: float | None = None
    date: dt.date | None = None
    date_text: str = ""
    date_from_hint: bool = False  # the year came from the caller's year_hint
    sent_date: dt.date | None = None
    agency: str = ""
    photographer: str = ""
    credit: str = ""
    intermediaries: list[str] = field(default_factory=list)
    file_photo: bool = False
    pool: bool = False
    handout: bool = False
    third_party: bool = False
    topshot: bool = False
    drone: bool = False
    restrictions: list[str] = field(default_factory=list)
    restriction_text: str = ""
    story_codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    format: str = ""
    confidence: float = 0.0
    residue: str = ""
    spans: dict[str, Span] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, spans as two-item lists."""
        out = {name: getattr(self, name) for name in _FIELD_NAMES}  # direct: asdict deep-copies
        for key in ("date", "sent_date"):
            if out[key] is not None:
                out[key] = out[key].isoformat()
        for key in _LIST_FIELDS:
            out[key] = list(out[key])
        out["spans"] = {k: list(v) for k, v in self.spans.items()}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Caption:
        """Inverse of :meth:`to_dict`; unknown keys are ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        for key in ("date", "sent_date"):
            if isinstance(values.get(key), str):
                values[key] = dt.date.fromisoformat(values[key])
        if "spans" in values:
            values["spans"] = {k: tuple(v) for k, v in values["spans"].items()}
        return cls(**values)


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Caption))
_LIST_FIELDS = ("intermediaries", "restrictions", "story_codes", "notes")
