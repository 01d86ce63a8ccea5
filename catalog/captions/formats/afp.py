"""AFP: ``[TOPSHOT - ]<what> in <City>[, <Country>], on <Month D, YYYY>. (Photo by First LAST / AFP)``.

Older pictures carry ``AFP PHOTO / NAME``; handouts add restriction tails after
`` / `` ("RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / SOURCE" -
NO MARKETING NO ADVERTISING CAMPAIGNS"). The country is often absent: the
gazetteer supplies it from the city.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from catalog.captions.credits import Credit, chain_right, clean_name, normalize_agency, read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes, end_of_match, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.model import Caption
from catalog.regexcache import regex

_PHOTO_BY = regex(
    r"\(\s?(?P<credit>(?:Photo\s+by|Foto\s+de|Photo\s+de|Foto\s+di)\s+(?:(?:[^()\n]|\([^()\n]{1,30}\)){1,160}?/\s?)?AFP\b"
    r"[^()\n]{0,40}?)\s?\)",
    re.IGNORECASE,
)  # one bracketed name may sit inside: "(Photo by Handout / Philippine Coast Guard (PCG) / AFP)"
#: The same with one line break inside the name ("(Photo by Sylvain\nROUX / AFP)"), tried second.
_PHOTO_BY_BROKEN = regex(
    r"\(\s?(?P<credit>Photo\s+by\s+[^()\n]{1,80}\n(?!\s)[^()\n]{0,80}?/\s?AFP\b[^()\n]{0,40}?)\s?\)",
    re.IGNORECASE,
)
_AFP_PHOTO = regex(r"(?<![\"“])\b(?P<agency>AFP\s+(?:PHOTO|Photo))\b")
_AFP_WORD = regex(r"\bAFP\b")
#: AFP's label in English, Spanish ("Foto de"), French ("Photo de"), Italian ("Foto di").
_PHOTO_BY_LABEL = regex(r"^(?:Photo\s+by|Foto\s+de|Photo\s+de|Foto\s+di)\s+", re.IGNORECASE)


class AFPFormat:
    """Agence France-Presse captions."""

    name: ClassVar[str] = "afp"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("TOPSHOT - Fishermen haul their nets at sunrise in Dakar, on March 5, 2024. "
         "(Photo by Awa SALL / AFP)",
         {"agency": "AFP", "photographer": "Awa SALL", "topshot": True, "city": "Dakar",
          "country_code": "SN", "date": "2024-03-05"}),
        ("A demonstrator waves a flag in Caracas on May 1, 2017. AFP PHOTO / JUAN BARRETO",
         {"agency": "AFP", "photographer": "JUAN BARRETO", "city": "Caracas", "country_code": "VE"}),
    ]

    def accept(self, text: str) -> bool:
        return "AFP" in text and _AFP_WORD.search(text) is not None

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        all_notes(draft)
        found = self._credit(draft)
        if found is None:
            return None
        credit_span, body_end = found
        start = strip_prefix(draft)
        describe(draft, start, body_end, year_hint=year_hint)
        if draft.caption.date is None:
            _date_after_credit(draft, credit_span[1], year_hint)
        if not draft.caption.file_photo and (files := _FILES_TAIL.match(text, credit_span[1])) is not None:
            draft.put("file_photo", True, files.span("files"))  # "(Photo by Name / AFP) / FILES"
        cap = draft.caption
        confidence = 0.6 + 0.15 * (cap.date is not None) + 0.15 * bool(cap.city or cap.country)
        confidence += 0.1 * bool(cap.photographer)
        if "via Getty Images" in text:
            confidence -= 0.25  # redistributed: the Getty Images format reads the stacked credits
        return draft.finish(self.name, confidence, (start, body_end))

    def _credit(self, draft: Draft) -> tuple[tuple[int, int], int] | None:
        text = draft.text
        m = _PHOTO_BY.search(text)
        if m is None and "\n" in text:
            m = _PHOTO_BY_BROKEN.search(text)
        if m is not None:
            content = _PHOTO_BY_LABEL.sub("", m.group("credit"))
            credit = _source_via(content) or read_chain(content, distributor="AFP")
            credit.photographer = credit.photographer or _acronym_person(credit)
            credit = _afp(credit)
            agency = _AFP_WORD.search(text, m.start("credit"), m.end("credit")) if credit.agency == "AFP" else None
            draft.credit(credit, m.span("credit"), agency_span=agency.span() if agency else None)  # (not Getty's at "AFP")
            draft.take(m.span())
            return m.span("credit"), m.start()
        for m in _AFP_PHOTO.finditer(text):
            if any(s <= m.start() < e for s, e in draft.taken):
                continue  # inside a restriction: MANDATORY CREDIT "AFP PHOTO / ..."
            limit = min((s for s, _ in draft.taken if s >= m.end()), default=len(text))
            end = chain_right(text, m.end(), limit)
            credit = read_chain(text[m.start() : end], distributor="AFP")
            credit.photographer = credit.photographer or _acronym_person(credit)
            draft.credit(_afp(credit), (m.start(), end), agency_span=(m.start(), m.start() + 3))
            body_end = m.start()
            if body_end > 0 and text[body_end - 1] == "(":
                body_end -= 1
                if end < len(text) and text[end] == ")":
                    draft.take((end, end + 1))
            return (m.start(), end), body_end
        return None


_LAST_AFP = regex(r"\s*/\s*AFP\s*$", re.IGNORECASE)
_SOURCE_VIA = regex(r"(?P<first>\S.*?)\s+via\s+(?P<second>\S.*)", re.IGNORECASE)


def _source_via(content: str) -> Credit | None:
    """"KCNA VIA KNS / AFP": AFP distributes (the last name after a slash); a source relayed
    "X VIA Y" before it is credited as written, and its parts are intermediaries."""
    if "via" not in content.lower():
        return None
    last = _LAST_AFP.search(content)
    if last is None:
        return None
    others: list[str] = []
    source = relayed = None
    for part in content[: last.start()].split("/"):
        m = _SOURCE_VIA.fullmatch(part.strip())
        if m is not None and source is None:
            source, relayed = clean_name(part), [clean_name(m.group(g)) for g in ("first", "second")]
        else:
            others.append(part)
    if source is None:
        return None
    credit = read_chain("/".join(others), distributor="AFP") if others else Credit(agency="AFP")
    credit.photographer = credit.photographer or _acronym_person(credit) or source
    via = [normalize_agency(p) or p for p in relayed or () if p]
    credit.intermediaries = list(dict.fromkeys(credit.intermediaries + via))
    credit.agency = "AFP"
    return credit


_FILES_TAIL = regex(r"[)\s]*/\s?(?P<files>FILES?)\b")
_AFTER_CREDIT = regex(r"[)\s.]{0,4}")


def _date_after_credit(draft: Draft, credit_end: int, year_hint: int | None) -> None:
    """"... (Photo by Name / AFP) August 25, 2023": a date written after the credit."""
    text = draft.text
    at = end_of_match(_AFTER_CREDIT, text, credit_end)
    dates = find_dates(text[at : at + 40], year_hint=year_hint, day_first=False)
    if dates and dates[0].start == 0 and dates[0].date is not None and dates[0].has_year:
        draft.date(replace(dates[0], start=dates[0].start + at, end=dates[0].end + at))


def _afp(credit):
    credit.agency = credit.agency or "AFP"
    if credit.agency != "AFP" and "AFP" not in credit.intermediaries:
        credit.intermediaries.append("AFP")
    if "AFP" in credit.intermediaries and credit.agency == "AFP":
        credit.intermediaries.remove("AFP")
    return credit


def _acronym_person(credit) -> str:
    """AFP credits surnames in capitals ("AFP PHOTO / STR"): an acronym there is a person."""
    for name in credit.intermediaries:
        if name.isupper() and len(name.split()) == 1:
            credit.intermediaries.remove(name)
            return name
    return ""


FORMAT = AFPFormat()
