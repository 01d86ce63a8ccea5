"""An outside caption format: the imaginary Harbour Press house style.

Harbour Press sends one line of fields separated by `` | ``::

    HARBOUR PRESS | 05/03/2024 | Lyon, France | A ferry leaves at dawn. | Photo: Ana Costa

The parts, in order: the house tag, the date (day first), the place, the
description, and the credit. A format is any object with ``name``, ``examples``,
a cheap ``accept(text)`` and ``parse(text, *, year_hint=None)`` that returns a
:class:`~catalog.captions.model.Caption` or ``None`` for "not mine"; the
``caption_formats`` hook hands it to the core, which keeps the most confident
answer among the formats that accept a caption. This module uses only the
catalog's public pieces: the Caption record, the hook marker, and the date and
place helpers.
"""

from __future__ import annotations

from typing import ClassVar

from catalog.captions.dates import find_dates
from catalog.captions.model import Caption
from catalog.captions.places import find_place
from catalog.hookspecs import hookimpl

TAG = "HARBOUR PRESS"
SEPARATOR = " | "
AGENCY = "Harbour Press"


class HarbourPressFormat:
    """Harbour Press: ``HARBOUR PRESS | date | place | description | Photo: Name``."""

    name: ClassVar[str] = "harbour_press"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("HARBOUR PRESS | 05/03/2024 | Lyon, France | A ferry leaves the harbour at dawn. | Photo: Ana Costa",
         {"agency": AGENCY, "photographer": "Ana Costa", "city": "Lyon", "country_code": "FR",
          "date": "2024-03-05", "subject": "A ferry leaves the harbour at dawn."}),
        ("HARBOUR PRESS | 12/11/2023 | Cork, Ireland | Boats wait out the storm. | Photo: Staff",
         {"photographer": "Staff", "country_code": "IE", "date": "2023-11-12"}),
    ]

    def accept(self, text: str) -> bool:
        return text.startswith(TAG)

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        spans = _split(text)
        if len(spans) != 5 or text[slice(*spans[0])] != TAG:
            return None
        date_span, place_span, subject_span, credit_span = spans[1:]
        cap = Caption(raw=text, text=text, agency=AGENCY, format=self.name)
        cap.spans["agency"] = spans[0]
        cap.subject = text[slice(*subject_span)]
        cap.spans["subject"] = subject_span
        dates = find_dates(text[slice(*date_span)], year_hint=year_hint, day_first=True)
        if dates and dates[0].date is not None:
            cap.date, cap.date_text = dates[0].date, dates[0].text
            cap.spans["date"] = date_span
        place = find_place(text, *place_span)
        if place is not None:
            cap.city, cap.region, cap.country = place.place.city, place.place.region, place.place.country
            cap.country_code = place.place.country_code
            cap.place_lat, cap.place_lon = place.place.lat, place.place.lon
            for field in ("city", "region", "country"):
                span = getattr(place, f"{field}_span")
                if span is not None:
                    cap.spans[field] = span
        credit = text[slice(*credit_span)]
        cap.credit = credit
        cap.spans["credit"] = credit_span
        if credit.startswith("Photo: "):
            cap.photographer = credit.removeprefix("Photo: ").strip()
            cap.spans["photographer"] = (credit_span[0] + len("Photo: "), credit_span[1])
        cap.confidence = 0.95 if cap.date and cap.country_code else 0.8
        return cap


def _split(text: str) -> list[tuple[int, int]]:
    """Spans of the `` | ``-separated parts, so every field can say where it came from."""
    spans = []
    start = 0
    while True:
        end = text.find(SEPARATOR, start)
        if end < 0:
            spans.append((start, len(text.rstrip())))
            return spans
        spans.append((start, end))
        start = end + len(SEPARATOR)


FORMAT = HarbourPressFormat()


@hookimpl
def caption_formats():
    """Harbour Press joins the catalog's caption formats."""
    return [FORMAT]
