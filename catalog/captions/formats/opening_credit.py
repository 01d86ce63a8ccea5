"""A credit that opens the caption, then the date and the place: LaPresse's house style.

``Foto LaPresse/Name 27/06/2024 Porto Empedocle (Agrigento) - <text>``,
``Foto Name/LaPresse 05 Marzo 2024 Milano, Italia Cronaca <text> Photo Name/LaPresse March 05,
2024 Milan, Italy News <the same in English>``. The English copy after ``Photo`` repeats the
Italian one and is left out of the subject (it stays in the residue).
"""

from __future__ import annotations

from catalog.captions.credits import is_news_agency, read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft
from catalog.captions.places import find_place
from catalog.regexcache import regex

_OPENING = regex(
    r"\s*Foto\s+(?P<chain>[^\d\n]{3,80}?)\s+"
    r"(?P<date>\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2}\s[A-Za-zÀ-ÿ]{3,10}\s\d{4})\s+"
    r"(?P<place>[A-ZÀ-Ý][^\n]{1,60}?)"
    r"(?:\s[-–]\s+|\s+(?=(?:Cronaca|Sport|Politica|Spettacolo|Spettacoli|Economia|Esteri|Cultura)\b))"
)


def opening_credit(draft: Draft, start: int, year_hint: int | None) -> tuple[int, int] | None:
    """Read an opening "Foto <credit> <date> <place> - "; return (body start, body end)."""
    text = draft.text
    m = _OPENING.match(text, start)
    if m is None:
        return None
    credit = read_chain(m.group("chain").replace(" - ", "/"))
    if not credit.agency or not is_news_agency(credit.agency):
        return None
    draft.credit(credit, m.span("chain"))
    dates = find_dates(m.group("date"), year_hint=year_hint, day_first=True)
    if dates and dates[0].date is not None:
        d = dates[0]
        draft.put("date", d.date, (m.start("date") + d.start, m.start("date") + d.end))
        draft.caption.date_text = d.text
    place = find_place(text, m.start("place"), m.end("place"))
    if place is not None:
        draft.place(place)
    draft.take(m.span())
    echo = text.find(" Photo ", m.end())
    return m.end(), echo if echo > 0 else len(text)

