"""Sports headers: ``Sport - Competition - [Round - ]A v B - Venue, City, Country - Date <what>``.

Reuters writes them, and so do partners it distributes (USA TODAY Sports, Action
Images). The date after the last header dash is day-first when numeric
(01/10/2016 is 1 October); older headers open with the country ("Britain
Football Soccer - ...").
"""

from __future__ import annotations

from dataclasses import replace

from catalog.captions.dates import DateMatch, find_dates
from catalog.captions.formats.base import Draft
from catalog.captions.gazetteer import country_code
from catalog.captions.places import find_place
from catalog.regexcache import regex

_HEADER_SEP = regex(r" [-–] ")


def sports_header(draft: Draft, start: int, end: int) -> int | None:
    """Read ``Sport - Competition - ... - Venue, City, Country - Date``; return the subject start."""
    text = draft.text
    seps = [m for m in _HEADER_SEP.finditer(text, start, min(end, start + 400))]
    for i, sep in enumerate(seps):
        if i < 1:
            continue
        dates = find_dates(text[sep.end() : sep.end() + 45], day_first=True)
        if not dates or dates[0].start != 0 or dates[0].date is None:
            continue
        d = dates[0]
        draft.date(_shift(d, sep.end()))
        venue_start = seps[i - 1].end()
        place = find_place(text, venue_start, sep.start())
        if place is not None:
            draft.place(place)
        if not draft.caption.country_code:
            _country_prefix(draft, start, seps[0].start())
        cap = draft.caption
        cap.notes.append(text[start : sep.start()].strip())
        draft.take((start, sep.end()))
        return sep.end() + d.end
    return None


_LEADING_WORDS = regex(r"[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}")


def _country_prefix(draft: Draft, start: int, end: int) -> None:
    """Older sports headers open with the country: "Britain Football Soccer - ..."."""
    m = _LEADING_WORDS.match(draft.text, start, end)
    if m is None:
        return
    words = m.group(0).split()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        if (code := country_code(name)) is not None:
            draft.put("country", name, (start, start + len(name)), take=False)
            draft.caption.country_code = code
            return


def _shift(d: DateMatch, offset: int) -> DateMatch:
    return replace(d, start=d.start + offset, end=d.end + offset)
