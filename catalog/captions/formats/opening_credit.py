"""A credit that opens the caption.

A line of its own, printed above the caption: ``Name/Agency via Getty Images``, ``© Kyodo``,
``The Yomiuri Shimbun``, ``Photo = Yonhap News``, ``© Name / Agency`` (:func:`credit_line_first`).

Then the date and the place: LaPresse's house style.

``Foto LaPresse/Name 27/06/2024 Porto Empedocle (Agrigento) - <text>``,
``Foto Name/LaPresse 05 Marzo 2024 Milano, Italia Cronaca <text> Photo Name/LaPresse March 05,
2024 Milan, Italy News <the same in English>``. The English copy after ``Photo`` repeats the
Italian one and is left out of the subject (it stays in the residue).
"""

from __future__ import annotations

import re

from catalog.captions.agencies import normalize_agency
from catalog.captions.credits import Credit, is_news_agency, read_chain
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


#: A first line that is only a credit: an optional label, then a chain or an agency's name.
_FIRST_LINE = regex(
    r"[ \t]*(?P<label>(?:©|\(c\)|Photos?\s*[=:]|Fotos?\s*[=:]|Credit\s*:)?)[ \t]*"
    r"(?P<credit>[^\n]{2,90}?)[ \t.]*\n", re.IGNORECASE)
#: Words around an agency's name on such a line: "The Yomiuri Shimbun", "Yomiuri Shimbun photos".
_AROUND_NAME = regex(r"^(?:The\s+)?(?P<name>.+?)(?:\s+(?:photos?|pictures?|News))?$", re.IGNORECASE)


def credit_line_first(draft: Draft, start: int, end: int) -> int:
    """Record a credit printed on the caption's first line; return where the body starts then
    (``start`` when the first line is no credit)."""
    text = draft.text
    m = _FIRST_LINE.match(text, start, end)
    if m is None or ". " in m.group("credit") or not (m.group("label") or "/" in m.group("credit")
                                                      or m.group("credit")[:1].isupper()):
        return start
    content = m.group("credit")
    credit = read_chain(content) if "/" in content else None
    if credit is None or not credit.agency:
        around = _AROUND_NAME.match(content)
        agency = normalize_agency(around.group("name")) if around else None
        if agency is None:
            agency = normalize_agency(content)
        credit = Credit(agency=agency) if agency else None
    if credit is None or not credit.agency or credit.agency == "Pool" or ("/" in content and not is_news_agency(credit.agency)):
        return start  # (a newspaper that agencies pass on counts when it stands alone: "The Yomiuri Shimbun")
    draft.credit(credit, m.span("credit"))
    draft.take((m.start(), m.end() - 1))
    return m.end()
