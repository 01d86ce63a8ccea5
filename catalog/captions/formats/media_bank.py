"""Image banks' metadata blocks after the caption (Sputnik's and RIA Novosti's media bank)::

    <caption>
    - Package: <story>
    - Location: <City>, <Country>
    - Event date: <DD.MM.YYYY>
    - Author: <Name>
    - Credit: <Agency>

The block's place, date and credit are the bank's own fields: they win over what the
caption's text suggests. The caption itself is read as any other.
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import Credit, normalize_agency, read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.formats.getty import finish_caption
from catalog.captions.model import Caption
from catalog.captions.places import find_place
from catalog.regexcache import regex

#: The block's keys read into fields (the others are kept as notes: "Package: ...", "Categories: ...").
_READ_KEYS = frozenset({"location", "event date", "date", "author", "credit"})
#: One line of the block: "- Key: value".
_FIELD = regex(r"\n[ \t]*[-–•][ \t]*(?P<key>[A-Z][A-Za-z ]{1,24}):[ \t]*(?P<value>[^\n]*)")


class MediaBankFormat:
    """Captions followed by an image bank's "- Key: value" lines."""

    name: ClassVar[str] = "media_bank"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Commuters wait for a tram in the snow in the city centre.\n- Location: Kazan, Russia\n"
         "- Event date: 03.02.2021\n- Author: Ana Costa\n- Credit: Sputnik",
         {"agency": "Sputnik", "photographer": "Ana Costa", "city": "Kazan", "country_code": "RU",
          "date": "2021-02-03"}),
    ]

    def accept(self, text: str) -> bool:
        return "\n- Credit:" in text or "\n- Author:" in text

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        lines = _block(text)
        fields = {m.group("key").strip().lower(): m for m in lines}
        if "credit" not in fields and "author" not in fields:
            return None
        block_start = lines[0].start()
        draft = Draft(text)
        start = strip_prefix(draft)
        all_notes(draft, start, block_start)
        describe(draft, start, block_start, year_hint=year_hint)
        _credit(draft, fields)
        if (where := fields.get("location")) is not None and (
                place := find_place(text, where.start("value"), where.end("value"))) is not None:
            draft.place(place)
        if (when := fields.get("event date") or fields.get("date")) is not None:
            dates = find_dates(when.group("value"), day_first=True)
            if dates and dates[0].date is not None:
                at = when.start("value") + dates[0].start
                draft.put("date", dates[0].date, (at, at + dates[0].end - dates[0].start))
                draft.caption.date_text = dates[0].text
        draft.caption.notes.extend(f"{m.group('key').strip()}: {m.group('value').strip()}"
                                   for m in lines if m.group("key").strip().lower() not in _READ_KEYS)  # kept
        draft.take((block_start, len(text)))
        cap = draft.caption
        score = 0.75 + 0.1 * bool(cap.agency) + 0.05 * (cap.date is not None) + 0.05 * bool(cap.city)
        return finish_caption(draft, self.name, score, (start, block_start))


def _block(text: str) -> list[re.Match[str]]:
    """The block's lines: the last run of "- Key: value" lines, one right after the other (a
    bulleted list inside the caption, before other text, is the caption's)."""
    run: list[re.Match[str]] = []
    for m in _FIELD.finditer(text):
        run = [*run, m] if run and m.start() == run[-1].end() else [m]
    return run


def _credit(draft: Draft, fields: dict) -> None:
    """The credit from the block's Author and Credit lines."""
    author = fields["author"].group("value").strip() if "author" in fields else ""
    source = fields["credit"].group("value").strip() if "credit" in fields else ""
    if "/" in source:
        credit = read_chain(source)
        credit.photographer = credit.photographer or author
    else:
        credit = Credit(agency=normalize_agency(source) or source, photographer=author)
    printed = fields.get("credit") or fields["author"]  # the credit as printed: the Credit line's
    draft.credit(credit, printed.span("value"), photographer_span=fields["author"].span("value") if author else None)


FORMAT = MediaBankFormat()
