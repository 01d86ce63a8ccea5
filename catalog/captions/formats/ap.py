"""AP: ``[FILE - ]<what>, <City>, <State abbr.>|<Country>, [<Weekday>, ]<Mon. D, YYYY>. (<SIGNOFF>)``.

Signoffs: ``AP Photo/Name[, File][, Pool]`` · ``AP Photo`` · ``Name/Org via AP``
(a news agency such as dpa originates the picture; an organisation's handout
stays AP's) · ``Name, Org Pool Photo via AP`` · ``Photo by Name/Invision/AP``.
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import is_news_agency, normalize_agency, read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.model import Caption
from catalog.regexcache import regex

_SIGNOFF = regex(
    r"\((?P<credit>[^()\n]{0,150}?(?:\bAP\s+(?:Photos?|PHOTOS?|Foto|FOTO)(?:\b|(?=[A-Z][a-z]))|\bFoto\s+AP\b"
    r"|\b(?:via|VIA)\s+AP\b|/\s?AP\b|^AP\b)[^()]{0,60}?)\)",
    re.MULTILINE,
)
_AP_WORD = regex(r"\bAP\b")
_PHOTO_BY_LABEL = regex(r"^\s*Photo\s+by\s+", re.IGNORECASE)
_AP_PHOTO_BY = regex(r"^\s*AP\s+Photo\s+by\s+", re.IGNORECASE)
_AP_FOTO = regex(r"^\s*AP\s+Foto\b", re.IGNORECASE)
_FOTO_AP = regex(r"^\s*Foto\s+AP\b")
_GLUED_NAME = regex(r"^\s*AP\s+Photo(?=[A-Z][a-z])")
#: "(ANSA/AP Photo/Name)": a partner that passes AP's picture on names itself first.
_PARTNER_FIRST = regex(r"^\s*(?P<partner>[^/]{2,30}?)\s?/\s?AP\s+(?:Photo|PHOTO)\b")
_BARE_SIGNOFF = regex(
    r"(?:(?<![\w(<])|(?<=[(<]))(?P<credit>(?:(?:(?<=[.]\s)|(?<=\s\s))(?:[A-Z][\w'’.-]+\s){1,3}|"
    r"(?:(?<=[.]\s)|(?<=\s\s)|(?<=\sby\s))[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}\s?/\s?)?"  # "... 2017. Name/AP Photo"
    r"AP\s+(?:Photo|PHOTO)(?:\s?/\s?[^()<>\n/]{2,60}?)?)[\s.>]*$"
)  # also unclosed: "... 2024. (AP Photo/Nathan Holbrook" (the bracket lost in transit), and a
#  newspaper's "... 2017. Anupam Nath AP Photo"
_HASHTAG = regex(r"#APPhoto(?:\s+by)?\s+(?P<credit>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3})[\s.]*$")
_NAME_AP_PHOTO = regex(r"(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s+AP\s+Photo")


class APFormat:
    """Associated Press captions."""

    name: ClassVar[str] = "ap"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)",
         {"agency": "AP", "photographer": "Sam Reyes", "city": "Springfield", "region": "Ill.",
          "country_code": "US", "date": "2024-09-03"}),
        ("FILE - A crowd gathers in Berlin, Germany, on May 1, 2019. (Jens Keller/dpa via AP, File)",
         {"agency": "dpa", "photographer": "Jens Keller", "file_photo": True, "intermediaries": ["AP"]}),
    ]

    def accept(self, text: str) -> bool:
        return "AP" in text and (_AP_WORD.search(text) is not None or "#APPhoto" in text)

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        signoff = _find_signoff(text)
        if signoff is None:
            return None
        draft = Draft(text)
        all_notes(draft)
        start = strip_prefix(draft)
        content = signoff.group("credit")
        if signoff.re is _HASHTAG:
            content = f"AP Photo/{content}"  # AP's own posts: "#APPhoto by Name"
        credit = read_chain(_as_chain(content), distributor="AP")
        if not credit.agency:
            credit.agency = "AP"
        partner = next((a for a in credit.intermediaries if is_news_agency(a)), None)
        first = _PARTNER_FIRST.match(content)
        if first is not None and (ahead := normalize_agency(first.group("partner"))) in [*credit.intermediaries, credit.agency]:
            credit.intermediaries = [ahead, *(a for a in credit.intermediaries if a not in ("AP", ahead))]
            credit.agency = "AP"  # ANSA passes AP's picture on: the picture is AP's
        elif credit.agency == "AP" and partner is not None:  # "(AP Photo/Name, PA Wire)": PA's picture,
            credit.intermediaries = ["AP", *(a for a in credit.intermediaries if a != partner)]
            credit.agency = partner  # AP distributes it, as "Name/PA via AP" says
        agency_at = _AP_WORD.search(content)
        agency_span = None
        if agency_at and credit.agency == "AP":
            agency_span = (signoff.start("credit") + agency_at.start(), signoff.start("credit") + agency_at.end())
        draft.credit(credit, signoff.span("credit"), agency_span=agency_span)
        draft.take(signoff.span())
        body_end = signoff.start()
        describe(draft, start, body_end, year_hint=year_hint, day_first=False)  # US style: 05/03 is May 3
        cap = draft.caption
        if cap.date is None:
            _date_after_signoff(draft, signoff.end(), year_hint)
        confidence = 0.6 + 0.15 * (cap.date is not None) + 0.15 * bool(cap.city or cap.country)
        confidence += 0.1 * bool(cap.photographer)
        return draft.finish(self.name, confidence, (start, body_end))


def _find_signoff(text: str) -> re.Match[str] | None:
    """The first AP signoff (the caption's own, if captions run together); else a bare
    "AP Photo/Name" ending the text, as some systems leave it without parentheses."""
    for m in _SIGNOFF.finditer(text):
        return m
    if "#APPhoto" in text:
        return _HASHTAG.search(text, max(0, len(text) - 120))
    return _BARE_SIGNOFF.search(text, max(0, len(text) - 120))


def _date_after_signoff(draft: Draft, pos: int, year_hint: int | None) -> None:
    """"... (AP Photo/Name)\nTuesday, July 30, 2024": a date right after the signoff is the
    picture's when the body has none."""
    text = draft.text
    gap = len(text) - len(text[pos:].lstrip())
    if gap >= len(text) or not text[gap].isalnum():
        return
    for d in find_dates(text[: gap + 40], year_hint=year_hint, day_first=False):
        if d.start == gap and d.date is not None:
            draft.date(d)
        if d.start >= gap:
            return


def _as_chain(content: str) -> str:
    """"AP Photo/Name, File, Pool" -> "AP Photo/Name/File/Pool"; drop "Photo by"."""
    content = _PHOTO_BY_LABEL.sub("", content)
    if (named := _NAME_AP_PHOTO.fullmatch(content.strip())) is not None:
        content = f"AP Photo/{named.group('name')}"  # "Anupam Nath AP Photo"
    content = _AP_PHOTO_BY.sub("AP Photo/", content)  # "(AP Photo by John O'Connor)"
    content = _AP_FOTO.sub("AP Photo", content)  # AP's Spanish service: "(AP Foto/Marco Ugarte)"
    content = _FOTO_AP.sub("AP Photo", content)  # and "(Foto AP/Fernando Llano)"
    content = _GLUED_NAME.sub("AP Photo/", content)  # a page that lost the slash: "(AP PhotoJorge Saenz)"
    pieces = [p.strip() for p in content.split(",") if p.strip()]
    return "/".join(pieces)


FORMAT = APFormat()
