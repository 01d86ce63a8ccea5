"""dpa (Deutsche Presse-Agentur): German captions ending ``+++ dpa-Bildfunk +++``.

``[ARCHIV - ]05.03.2024, [Land|Bundesland, ]Stadt: <Text>. Foto: Name/dpa [- ACHTUNG:
...] +++ dpa-Bildfunk +++``. ``Foto: -/dpa`` has no photographer; partner chains
(``Name/Eurokinissi/AP/dpa``, ``Name/APA/dpa``) keep the partners as
intermediaries; ``ARCHIV`` marks a file picture. Relayed abroad as ``(Name/dpa via
AP)``, where dpa stays the agency and AP is an intermediary.
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import (
    Credit,
    clean_name,
    is_news_agency,
    looks_like_org,
    normalize_agency,
    read_chain,
)
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes
from catalog.captions.formats.body import describe
from catalog.captions.formats.getty import chain_of, finish_caption, trailing_groups
from catalog.captions.gazetteer import country_code, find_city, region_country
from catalog.captions.model import Caption
from catalog.regexcache import regex

_ARCHIVE = regex(r"\s*(?P<word>ARCHIV(?:BILD|FOTO|E)?|FILE|ILLUSTRATION|HANDOUT|FOTOMONTAGE)\s{0,2}[-–:]\s{0,2}")
#: (English service: "ARCHIVE - "; the other markers before the dateline mark no file picture.)
#: "05.03.2024, Bayern, München: "
_DATELINE = regex(  # "05.03.2024, Berlin: ", and the English service's "14 January 2024, Bavaria, Munich: "
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s[A-Z][a-z]{2,8}\s\d{4}),\s{1,2}(?P<place>[^:\n]{2,80}?):\s{1,2}")
_BILDFUNK = regex(r"\s*\+{3}\s?dpa-Bildfunk\s?\+{3}\s*")
#: The notices dpa puts after the credit: "ACHTUNG: ...", "WICHTIGER HINWEIS: ..." (the DFL's rules).
_NOTICE = r"(?:ACHTUNG|WICHTIGER\s+HINWEIS|HINWEIS|IMPORTANT\s+NOTE)"  # the last: dpa's English service
_FOTO = regex(
    rf"\b(?:Foto|Photo|Bild|Bildrechte):\s?(?P<chain>[^\n+|]{{1,160}}?)(?=\s?-\s?{_NOTICE}\b|\s*\+{{3}}|\s*$)"
)
_ACHTUNG = regex(rf"-?\s?{_NOTICE}:\s?(?P<text>[^\n+]{{1,600}}?)(?=\s*\+{{3}}|\s*$)")
_STORY_REF = regex(r"\(zu\s+dpa[^()\n]{0,160}\)")
_EDITORIAL = regex(r"redaktionellen\s+Verwendung", re.IGNORECASE)
_FULL_CREDIT = regex(r"Nennung\s+des\s+vorstehenden\s+Credits", re.IGNORECASE)
#: Parts of a dpa chain that are dpa's own desks, not partners.
_DPA_DESKS = frozenset({"dpa", "dpa-zentralbild", "zb", "picture alliance", "dpa-bildfunk", "dpa-report"})


#: A person's name as dpa prints it: letters, spaces, hyphens, apostrophes, initials.
_NAME = regex(r"[^\W\d_][\w'’.\- ]{0,60}")
#: Markers of the picture's use, not partners: an illustration, a symbolic picture.
_ILLUSTRATION = frozenset({"symbolbild", "illustration", "themenbild"})


def read_dpa_chain(chain: str) -> Credit:
    """``Name/Partner/dpa[/POOL]`` in order: the photographer first, partners kept in order."""
    credit = Credit(agency="dpa")
    parts = [clean_name(p) for p in chain.split("/")]
    if parts[0].lower().endswith(" dpa"):  # the older "Foto: Name dpa/lbn" (the desk after the slash)
        parts[0:1] = [parts[0][:-4].rstrip(), "dpa"]
    for i, part in enumerate(parts):
        lower = part.lower()
        if not part or lower in _DPA_DESKS:
            continue
        if lower in _ILLUSTRATION or lower == "uncredited":
            continue
        if lower == "pool" or lower.startswith("pool "):
            credit.pool = True
            partner = part[5:].strip()
            if partner:
                credit.intermediaries.append(normalize_agency(partner) or partner)
        elif lower in ("archiv", "archivbild"):
            credit.file_photo = True
        elif (i == 0 or (i == 1 and normalize_agency(parts[0]) == "dpa" and not credit.photographer)) and (
                normalize_agency(part) is None and not looks_like_org(part)):
            if _NAME.fullmatch(part):  # "Name/dpa", and the reversed "Foto: dpa/Name"
                credit.photographer = part
        else:
            credit.intermediaries.append(normalize_agency(part) or part)
    return credit


class DpaFormat:
    """Deutsche Presse-Agentur captions (German), and dpa pictures relayed by AP."""

    name: ClassVar[str] = "dpa"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("05.03.2024, Berlin: Ein Radfahrer fährt am Brandenburger Tor vorbei. "
         "Foto: Lena Weisshaupt/dpa +++ dpa-Bildfunk +++",
         {"agency": "dpa", "photographer": "Lena Weisshaupt", "city": "Berlin", "country_code": "DE",
          "date": "2024-03-05"}),
        ("18.02.2024, Frankreich, Paris: Besucher stehen vor dem Eiffelturm Schlange. "
         "Foto: Kai Niehaus/dpa +++ dpa-Bildfunk +++",
         {"country": "Frankreich", "country_code": "FR", "city": "Paris", "date": "2024-02-18"}),
        ("Ein Zug fährt über eine Brücke bei Frankfurt. (Frank Rumpf/dpa via AP)",
         {"agency": "dpa", "photographer": "Frank Rumpf", "intermediaries": ["AP"]}),
    ]

    def accept(self, text: str) -> bool:
        return "dpa" in text or "picture alliance" in text

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        start = self._prefix(draft)
        start, dated = self._dateline(draft, start, year_hint)
        body_end, found = self._credit(draft, start)
        if not found and not dated:
            return None
        for m in _STORY_REF.finditer(text, start, body_end):
            draft.take(m.span())
            draft.caption.notes.append(m.group(0))
        all_notes(draft, start, body_end)
        if not dated:
            describe(draft, start, body_end, year_hint=year_hint, day_first=True)
        elif draft.caption.date is None:  # "Thüringen, Oberhof: ... Die Aufnahme entstand am 09.01.2021 ..."
            describe(draft, start, body_end, year_hint=year_hint, day_first=True, want_place=False)
        cap = draft.caption
        score = 0.35 + 0.35 * found + 0.15 * dated + 0.05 * bool(cap.photographer)
        score += 0.05 * bool(cap.city or cap.country) + 0.05 * (cap.date is not None)
        return finish_caption(draft, self.name, score, (start, body_end))

    @staticmethod
    def _prefix(draft: Draft) -> int:
        m = _ARCHIVE.match(draft.text)
        filed = m is not None and m.group("word").startswith(("ARCHIV", "FILE"))
        if m is None or not (filed or draft.text[m.end() : m.end() + 1].isdigit()):
            return 0  # "HANDOUT - " counts only before the dateline
        if filed:  # the English service writes "ARCHIVE - " and, like AP, "FILE - "
            draft.put("file_photo", True, m.span("word"))
        else:
            draft.caption.notes.append(m.group("word"))  # "ILLUSTRATION - ", "HANDOUT - "
        draft.take(m.span())
        return m.end()

    @staticmethod
    def _dateline(draft: Draft, start: int, year_hint: int | None) -> tuple[int, bool]:
        """Read "DD.MM.YYYY, [Land, ]Stadt: "; return (body start, whether it was there)."""
        m = _DATELINE.match(draft.text, start)
        if m is None:
            return _undated_dateline(draft, start)
        draft.take(m.span())
        dates = find_dates(m.group("date"), year_hint=year_hint, day_first=True)
        if dates and dates[0].date is not None:
            d = dates[0]
            draft.put("date", d.date, m.span("date"))
            draft.caption.date_text = m.group("date")
        _place_chunks(draft, m.start("place"), m.end("place"))
        return m.end(), True

    @staticmethod
    def _credit(draft: Draft, start: int) -> tuple[int, bool]:
        """Record "Foto: ..." or "(Name/dpa via AP)", restrictions and the Bildfunk tag."""
        text = draft.text
        body_end = len(text)
        bildfunk = _BILDFUNK.search(text, start)
        if bildfunk is not None:
            draft.take(bildfunk.span())
            body_end = bildfunk.start()
        achtung = _ACHTUNG.search(text, start, body_end)
        if achtung is not None:
            _restrictions(draft, achtung)
            body_end = min(body_end, achtung.start())
        foto = None
        for foto in _FOTO.finditer(text, start, body_end):  # noqa: B007 - the last is wanted
            pass
        if foto is not None:
            draft.credit(read_dpa_chain(foto.group("chain")), foto.span())
            return foto.start(), True
        alliance = _ALLIANCE.search(text, max(start, body_end - 160), body_end) if "|" in text else None
        if alliance is not None:
            draft.credit(_alliance_credit(alliance), alliance.span())
            return alliance.start(), True
        groups = [g for g in trailing_groups(text, start) if "dpa" in text[g[0] : g[1]]]
        if groups:
            group = groups[-1]
            draft.credit(read_chain(chain_of(text, group)), (group[0] + 1, group[1] - 1))
            draft.take(group)
            return group[0], True
        if bildfunk is None:
            return body_end, False
        # The tag alone names dpa; the photographer is then only in the IPTC By-line.
        tag = text.find("dpa", bildfunk.start(), bildfunk.end())
        draft.put("agency", "dpa", (tag, tag + 3), take=False)
        draft.put("credit", "dpa-Bildfunk", bildfunk.span())
        return body_end, True


#: picture alliance's credit: "picture alliance/dpa | Name", "picture alliance / Partner | Name".
_ALLIANCE = regex(
    r"(?:\bpicture[ -]alliance\s?/\s?|©\s?(?=dpa\b))(?P<chain>[^|\n]{1,80}?)\s?\|\s?(?P<name>[^|/\n]{2,60}?)[\s.]*$",
    re.IGNORECASE,
)


def _alliance_credit(m: re.Match[str]) -> Credit:
    """picture alliance (dpa's picture agency) distributes; the partners before the bar are
    intermediaries, the name after it is the photographer."""
    credit = read_dpa_chain(m.group("chain"))
    partner = next((a for a in credit.intermediaries if a != "dpa" and is_news_agency(a)), None)
    if partner is not None:  # "picture alliance/KEYSTONE | Name": resold, so the originating agency
        credit.intermediaries = ["dpa", *[a for a in credit.intermediaries if a != partner]]
        credit.agency = partner
    name = clean_name(m.group("name"))
    if name.lower() == "handout":  # "© dpa | Handout"
        credit.handout = True
    elif normalize_agency(name) is None and not looks_like_org(name) and _NAME.fullmatch(name):
        credit.photographer = name
    elif name:
        credit.intermediaries.append(normalize_agency(name) or name)
    return credit


#: "Berlin: " or "Bayern, München: " without a date (short pieces only).
_PLACE_ONLY = regex(r"(?P<place>[A-ZÄÖÜ][^:\n,.]{1,40}(?:,\s[A-ZÄÖÜ][^:\n,.]{1,40}){0,2}):\s{1,2}")


def _undated_dateline(draft: Draft, start: int) -> tuple[int, bool]:
    """A dateline without a date counts only when its last piece is a known place."""
    m = _PLACE_ONLY.match(draft.text, start)
    if m is None:
        return start, False
    pieces = [piece.strip() for piece in m.group("place").split(",")]
    last = pieces[-1]
    land_first = len(pieces) == 2 and region_country(pieces[0]) is not None  # "Thüringen, Oberhof: "
    if find_city(last) is None and country_code(last) is None and not land_first:
        return start, False
    draft.take(m.span())
    _place_chunks(draft, m.start("place"), m.end("place"))
    return m.end(), True


def _restrictions(draft: Draft, achtung: re.Match[str]) -> None:
    cap = draft.caption
    note = achtung.group(0).strip(" -")
    draft.take(achtung.span())
    cap.restriction_text = note
    flags = []
    if _EDITORIAL.search(note):
        flags.append("editorial_only")
    if _FULL_CREDIT.search(note):
        flags.append("mandatory_credit")
    cap.restrictions.extend(f for f in flags if f not in cap.restrictions)
    if not flags:
        cap.notes.append(note)


def _place_chunks(draft: Draft, start: int, end: int) -> None:
    """"Bayern, München" / "Frankreich, Paris" / "Berlin": the last chunk is the city (but
    "Tovarnik, Kroatien", as other sites write it: the city before its country)."""
    text = draft.text
    spans = []
    pos = start
    for chunk in text[start:end].split(","):
        s = pos + len(chunk) - len(chunk.lstrip())
        e = pos + len(chunk.rstrip())
        if e > s:
            spans.append((s, e))
        pos += len(chunk) + 1
    if not spans:
        return
    cap = draft.caption
    city_span, before = spans[-1], spans[:-1]
    if before and country_code(text[city_span[0] : city_span[1]]) and not country_code(text[slice(*before[-1])]):
        city_span, before = before[-1], [*before[:-1], city_span]  # "Tovarnik, Kroatien": city, then country
    draft.put("city", text[city_span[0] : city_span[1]], city_span)
    code = None
    for s, e in before:
        name = text[s:e]
        if (found := country_code(name)) is not None:
            code = found
            draft.put("country", name, (s, e))
        elif name[-4:].isdigit():
            continue  # "September 2015, Tovarnik, Kroatien": a month, no region
        else:
            draft.put("region", name, (s, e))
    city = find_city(cap.city, country=code or "DE") or (None if code else find_city(cap.city))
    cap.country_code = code or (city.country_code if city else "DE")
    if city is not None:
        cap.place_lat, cap.place_lon = city.lat, city.lon


FORMAT = DpaFormat()
