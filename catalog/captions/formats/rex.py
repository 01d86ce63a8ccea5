"""Rex/Shutterstock: the credit first, then the caption, then an event line.

``Mandatory Credit: Photo by <Name>[/<Agency>]/Shutterstock (<ref>)`` on the first
line (after an optional "Editorial use only"), the caption on the next, and
``<Event>, [<Venue>, ]<City>, <Country> - <DD Mon YYYY>`` last. Pictures Shutterstock
resells keep their originating agency (``Name/EPA-EFE/Shutterstock``: EPA-EFE, with
Shutterstock as an intermediary).
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.getty import finish_caption
from catalog.captions.model import Caption
from catalog.captions.places import find_place
from catalog.regexcache import regex

_CREDIT = regex(
    r"Mandatory\s+Credit\s?:\s?(?:Photo\s+by\s)?(?P<chain>[^\n()]{0,160}?(?:REX\s?/\s?Shutterstock|Shutterstock|Rex\s+Features|REX))\b"
    r"(?:[ ]{0,3}\((?P<ref>[\w-]{3,20})\))?",
    re.IGNORECASE,
)
#: "<Event>, <City>, <Country> - 05 Mar 2024" on a line of its own.
_EVENT_LINE = regex(
    r"^(?P<event>[^\n]{1,300}?)[ ]{1,2}[-–][ ]{1,2}(?P<date>\d{1,2}[ ][A-Za-z]{3,9}\.?[ ]\d{4})[ ]*$",
    re.MULTILINE,
)
#: The same event line run on after the caption's last sentence: "... line. City Marathon, Edinburgh, UK - 05 May 2024".
_EVENT_TAIL = regex(
    r"(?<=[.!?)] )(?P<event>[^.!?\n]{1,200}?)[ ]{1,2}[-–][ ]{1,2}(?P<date>\d{1,2}[ ][A-Za-z]{3,9}\.?[ ]\d{4})[ ]*$"
)
_EVENT_WORDS = regex(
    r"\b(?:Festival|Awards?|Week|Marathon|Championships?|Show|Premiere|Games|Cup|Open|Gala|Fair)$"
)
_PERSON_WORDS = frozenset({"stringer", "handout", "str"})


class RexFormat:
    """Shutterstock (formerly Rex Features) editorial captions."""

    name: ClassVar[str] = "rex"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Mandatory Credit: Photo by Kate Morrow/Shutterstock (14321567a)\nGuests arrive on the red "
         "carpet\n'The Quiet Harbour' film premiere, London, UK - 05 Mar 2024",
         {"agency": "Shutterstock", "photographer": "Kate Morrow", "city": "London",
          "country_code": "GB", "date": "2024-03-05"}),
        ("Mandatory Credit: Photo by ANDY RAINSFORD/EPA-EFE/Shutterstock (14322001c)\nFans wave flags\n"
         "Premier League, Liverpool v Everton, Anfield, Liverpool, UK - 24 Apr 2024",
         {"agency": "EPA-EFE", "photographer": "ANDY RAINSFORD", "intermediaries": ["Shutterstock"]}),
    ]

    def accept(self, text: str) -> bool:
        return "Shutterstock" in text or "SHUTTERSTOCK" in text or "Rex Features" in text

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        m = _CREDIT.search(text)
        if m is None:
            return None
        draft = Draft(text)
        credit = read_chain(m.group("chain"))
        if credit.photographer and " " not in credit.photographer and credit.photographer.lower() not in _PERSON_WORDS:
            credit.intermediaries.append(credit.photographer)  # "Sipa/Shutterstock": a partner, not a person
            credit.photographer = ""
        draft.credit(credit, m.span())
        if "mandatory_credit" not in draft.caption.restrictions:
            draft.caption.restrictions.append("mandatory_credit")
        all_notes(draft)
        if m.end() < len(text) and text[m.end()] == "\n":
            strip_prefix(draft, m.end() + 1)  # a resold picture's own "FILE - " opens the next line
        event = self._event(draft, m.end(), year_hint)
        cap = draft.caption
        score = 0.6 + 0.2 * event + 0.1 * (cap.date is not None) + 0.05 * bool(cap.photographer)
        return finish_caption(draft, self.name, score, (m.end(), len(text)),
                              subject=_line_subject(draft, m.end()))

    @staticmethod
    def _event(draft: Draft, start: int, year_hint: int | None) -> bool:
        """Read the event line: its place and date; the event's name is kept as a note."""
        text = draft.text
        line = _EVENT_LINE.search(text, start) or _EVENT_TAIL.search(text, max(start, len(text) - 300))
        if line is None:
            return False
        for d in find_dates(line.group("date"), year_hint=year_hint, day_first=True):
            if d.date is not None:
                draft.put("date", d.date, line.span("date"))
                draft.caption.date_text = line.group("date")
                break
        draft.take(line.span())
        place = find_place(text, line.start("event"), line.end("event"))
        if place is not None:
            draft.place(place)
            place_start = place.start
            if _EVENT_WORDS.search(draft.caption.city):  # "Cannes Film Festival, France": an event, not a city
                draft.caption.city = ""
                draft.caption.spans.pop("city", None)
                draft.caption.place_lat = draft.caption.place_lon = None
                rest = [span[0] for span in (place.region_span, place.country_span) if span is not None]
                place_start = min(rest, default=place.end)
            name = text[line.start("event") : place_start].strip(" ,")
        else:
            name = line.group("event")
        if name:
            draft.caption.notes.append(name)
        return True


def _line_subject(draft: Draft, start: int) -> str:
    """The caption lines after the credit, each a sentence (Rex puts one thought per line)."""
    text = draft.text
    sentences = []
    pos = start
    for line in text[start:].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        words = line.strip()
        if not words or any(ts <= s + line.find(words) and s + len(line.rstrip()) <= te
                            for ts, te in draft.taken):
            continue
        if any(ts < e and s < te for ts, te in draft.taken):
            return ""  # a note inside a line: leave the subject to the shared machinery
        sentences.append(words if words[-1] in ".!?" else words + ".")
    return " ".join(sentences)


FORMAT = RexFormat()
