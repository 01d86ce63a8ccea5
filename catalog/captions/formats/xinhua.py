"""Xinhua: ``[SLUG ](YYMMDD) -- CITY, Mon. D, YYYY (Xinhua) -- <what>, <place>, <date>. (Xinhua/Name)``.

The dateline's date is when the picture was sent (``sent_date``); the body's
date is when it was taken (``date``); both are kept. Credits: ``(Xinhua/Name)``,
``(Photo by Name/Xinhua)``, ``(Name/Xinhua)``, ``(Xinhua)``. Bodies often open
with "Photo taken on <date> shows ..." or "This aerial drone photo taken on ...".
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import read_chain
from catalog.captions.dates import DateMatch, find_dates
from catalog.captions.formats.base import Draft, all_notes
from catalog.captions.formats.body import describe, sentence_end
from catalog.captions.formats.getty import (
    chain_of,
    cut_truncated_credit,
    finish_caption,
    trailing_groups,
)
from catalog.captions.gazetteer import country_code
from catalog.captions.model import Caption
from catalog.captions.places import find_place
from catalog.regexcache import regex

#: "CHINA-GUANGXI-RICE (CN) (240307) -- NANNING, March 7, 2024 (Xinhua) -- "; the older
#: "BEIJING, March 5 (Xinhua) -- " has neither slug nor code, nor always a year.
_DATELINE = regex(
    r"(?:(?P<slug>[^\n]{0,160}?)\s{0,2}\((?P<code>\d{6})\)\s{0,2}[-–—]{1,2}\s{0,2})?"
    r"(?P<place>[A-Z][^,\n]{1,40}),\s{1,2}(?P<date>[^()\n]{6,30}?)\s{0,2}\(Xinhua\)\s{0,2}[-–—]{1,2}\s{0,2}"
)
#: "Photo taken on Feb. 14, 2024 shows", "This aerial drone photo taken on ... shows".
_TAKEN_SHOWS = regex(
    r"(?P<lead>(?:This\s|The\s)?(?:[\w-]{1,12}\s){0,3}(?:photo|picture|image)\s(?:was\s)?taken\s(?:on\s)?)"
    r"(?P<date>[^\n]{6,30}?)\s(?P<verb>shows?|captures?)\s",
    re.IGNORECASE,
)
_DRONE = regex(r"\bdrone\b", re.IGNORECASE)
#: "(Xinhua/Name)", "(Photo by Name/Xinhua)", "(Name/Xinhua)", "(Xinhua)" anywhere after the dateline.
_CREDIT_ANYWHERE = regex(r"\((?:Xinhua(?:/[^()\n/]{1,80})?|[^()\n/]{1,80}/Xinhua)\)")


class XinhuaFormat:
    """Xinhua News Agency captions, with their two dates."""

    name: ClassVar[str] = "xinhua"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("CHINA-GUANGXI-NANNING-SPRING PLOUGHING (CN) (240307) -- NANNING, March 7, 2024 (Xinhua) -- "
         "Farmers plough a field in Nanning, south China's Guangxi Zhuang Autonomous Region, "
         "March 6, 2024. (Xinhua/Zhou Huaming)",
         {"agency": "Xinhua", "photographer": "Zhou Huaming", "date": "2024-03-06",
          "sent_date": "2024-03-07", "city": "Nanning", "country_code": "CN"}),
        ("(240215) -- HANGZHOU, Feb. 15, 2024 (Xinhua) -- This aerial drone photo taken on Feb. 14, "
         "2024 shows the West Lake in Hangzhou, east China's Zhejiang Province. (Photo by Xu Yu/Xinhua)",
         {"agency": "Xinhua", "photographer": "Xu Yu", "date": "2024-02-14", "drone": True,
          "sent_date": "2024-02-15"}),
    ]

    def accept(self, text: str) -> bool:
        return "Xinhua" in text or "XINHUA" in text

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        start, dateline = self._dateline(draft, year_hint)
        groups = [g for g in trailing_groups(text, start) if "xinhua" in text[g[0] : g[1]].lower()]
        if not groups:  # a note or the next story after the credit
            inner = None
            for inner in _CREDIT_ANYWHERE.finditer(text, start):  # noqa: B007 - the last is wanted
                pass
            groups = [inner.span()] if inner is not None else []
        if dateline is None and not groups:
            return None
        if groups:
            group = groups[-1]
            draft.credit(read_chain(chain_of(text, group)), (group[0] + 1, group[1] - 1))
            draft.take(group)
            body_end = group[0]
        else:  # the dateline's "(Xinhua)" names the agency; the credit may be cut off
            body_end = cut_truncated_credit(draft, start)
            tag = text.find("(Xinhua)", 0, start)
            draft.put("agency", "Xinhua", (tag + 1, tag + 7), take=False)
        all_notes(draft, start, body_end)
        if not self._taken_shows(draft, start, body_end, year_hint):
            describe(draft, start, body_end, year_hint=year_hint)
        _tidy_place(draft, start, body_end)
        cap = draft.caption
        if dateline is not None and cap.sent_date is None and cap.date is not None:
            self._sent_date(draft, dateline, cap.date.year)
        score = 0.3 + 0.3 * (dateline is not None) + 0.25 * bool(groups)
        score += 0.1 * (cap.date is not None) + 0.05 * bool(cap.city or cap.country)
        return finish_caption(draft, self.name, score, (start, body_end))

    @staticmethod
    def _dateline(draft: Draft, year_hint: int | None) -> tuple[int, re.Match[str] | None]:
        """Consume slug and dateline; record the sending date. Returns (body start, match)."""
        m = _DATELINE.match(draft.text)
        if m is None:
            return 0, None
        draft.take(m.span())
        if (m.group("slug") or "").strip():
            draft.caption.notes.append(m.group("slug").strip())
        code = m.group("code")
        XinhuaFormat._sent_date(draft, m, 2000 + int(code[:2]) if code else year_hint)
        return m.end(), m

    @staticmethod
    def _sent_date(draft: Draft, dateline: re.Match[str], year_hint: int | None) -> None:
        for d in find_dates(dateline.group("date"), year_hint=year_hint):
            if d.date is not None:
                offset = dateline.start("date")
                draft.put("sent_date", d.date, (d.start + offset, d.end + offset))
                return

    @staticmethod
    def _taken_shows(draft: Draft, start: int, end: int, year_hint: int | None) -> bool:
        """"Photo taken on <date> shows <what> in <place>.": date first, then subject and place."""
        text = draft.text
        m = _TAKEN_SHOWS.match(text, start, end)
        if m is None:
            return False
        dates = [d for d in find_dates(m.group("date"), year_hint=year_hint) if d.date is not None]
        if not dates:
            return False
        d = dates[0]
        offset = m.start("date")
        draft.date(DateMatch(d.date, d.start + offset, d.end + offset, d.text, d.year_from_hint,
                             d.has_year, d.month, d.day))
        if _DRONE.search(m.group("lead")):
            draft.put("drone", True, m.span("lead"), take=False)
        draft.take((m.start(), m.end("verb")))
        first_end = sentence_end(text, m.end(), end)
        place = find_place(text, m.end(), first_end)
        if place is not None:
            draft.place(place)
        return True


#: "south China's Guangxi Zhuang Autonomous Region", "southwest China's Chongqing".
_POSSESSIVE_PLACE = regex(
    r"\b(?P<country>[A-Z][a-z]+)['’]s\s(?P<name>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})"
)
#: A city that is also a territory with its own code: "in Hong Kong, south China".
_TERRITORY_CITY = regex(r"\b(?:in|at)\s(?P<name>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}),\s")


def _tidy_place(draft: Draft, start: int, end: int) -> None:
    """Xinhua's place phrases that the shared reader leaves half done."""
    cap = draft.caption
    text = draft.text
    region_span = cap.spans.get("region")
    if cap.region and region_span:
        m = _POSSESSIVE_PLACE.match(text, region_span[0], region_span[1])
        if m is not None and country_code(m.group("country")):
            draft.put("region", m.group("name"), m.span("name"))
            cap.country_code = cap.country_code or country_code(m.group("country")) or ""
    if cap.city:
        return
    first_end = sentence_end(text, start, end)
    for m in _TERRITORY_CITY.finditer(text, start, first_end):
        code = country_code(m.group("name"))
        if code is not None and code != cap.country_code and cap.country_code:
            draft.put("city", m.group("name"), m.span("name"))
            cap.country_code = code
            return
    found = None
    for found in _POSSESSIVE_PLACE.finditer(text, start, first_end):  # noqa: B007 - the last is wanted
        pass
    if found is None or not (code := country_code(found.group("country"))):
        return
    name = found.group("name")
    if _REGION_WORD.search(name) or _REGION_WORD_AFTER.match(text, found.end("name")):
        if not cap.region:  # (also "northwest China's Gansu province", the word in lower case)
            draft.put("region", name, found.span("name"))
    else:
        draft.put("city", name, found.span("name"))
    cap.country_code = cap.country_code or code


_REGION_WORD = regex(r"\b(?:Province|Region|Prefecture|County|Municipality)\b")
_REGION_WORD_AFTER = regex(r"\s(?:province|region|prefecture|county|municipality|autonomous)\b")


FORMAT = XinhuaFormat()
