"""Reuters: ``[FILE PHOTO: ]<what>, <City>, <Country> <Month D, YYYY>. [...] REUTERS/<Name> [TRAILERS]``.

Credits: ``REUTERS/Name[/File Photo]`` · ``REUTERS/Stringer`` · ``REUTERS/KCNA`` ·
``Name/Pool via REUTERS`` · ``[Name/]Org/Handout via REUTERS`` · ``Mandatory credit
Org/via REUTERS`` · ``Agency/Name via REUTERS`` (agency Reuters, the partner an
intermediary), with typos such as ``RETUERS``. Sports pictures open with a
header ``Sport - Competition - [Round - ]A v B - Venue, City, Country - Date``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from catalog.captions.agencies import REUTERS_SPELLINGS
from catalog.captions.credits import chain_left, chain_right, label_start, read_chain
from catalog.captions.dates import find_dates, is_release_date
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe, picture_taken, sports_dateline
from catalog.captions.formats.credit_lines import piped_line_credit
from catalog.captions.formats.sports import sports_header
from catalog.captions.formats.trailing_credits import name_before_bracket
from catalog.captions.gazetteer import country_code, find_city
from catalog.captions.model import Caption
from catalog.captions.normalize import is_shouting
from catalog.captions.notes import shouted_notes
from catalog.regexcache import regex

_ANCHOR = regex(rf"\b(?:{'|'.join(REUTERS_SPELLINGS)})\b", re.IGNORECASE)
_FIRST_NAME_BEFORE = regex(r"\b[A-Z][a-z]+\s$")
#: A name and a comma opening the credit's line above the caption: "Omar Sobhani, " before
#: "Reuters/NTB scanpix\n".
_NAME_COMMA_LINE = regex(r"(?:^|(?<=\n))(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}), $")
_VIA_BEFORE = regex(r"(?:\s?/\s?|\s)via\s?/?\s?$", re.IGNORECASE)


class ReutersFormat:
    """Reuters captions, news and sports."""

    name: ClassVar[str] = "reuters"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. Picture taken with a "
         "drone. REUTERS/Ana Costa",
         {"agency": "Reuters", "photographer": "Ana Costa", "city": "Lyon", "country_code": "FR",
          "date": "2024-03-05", "drone": True}),
        ("FILE PHOTO: Plumes of smoke rise over the frontline Donbas city of Bakhmut, Ukraine, "
         "January 7, 2023. REUTERS/Clodagh Kilcoyne/File Photo",
         {"agency": "Reuters", "photographer": "Clodagh Kilcoyne", "file_photo": True,
          "city": "Bakhmut", "country": "Ukraine", "date": "2023-01-07"}),
    ]

    def accept(self, text: str) -> bool:
        lowered = text.lower()  # cheap test first: every spelling of _ANCHOR holds one of these
        if "reut" not in lowered and "retu" not in lowered and "reue" not in lowered and "ruet" not in lowered:
            return False
        return _ANCHOR.search(text) is not None

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        anchor = _credit_anchor(text)
        if anchor is None:
            return None
        draft = Draft(text)
        all_notes(draft)
        start = strip_prefix(draft)
        credit_start, credit_end = _credit_extent(text, anchor, draft.taken)
        if credit_end == anchor[1] and (tail := _SIGNOFF_TAIL.match(text, credit_end)) and tail.group(0).strip(" .)"):
            credit_end += len(tail.group(0).rstrip(" .)"))  # "Reuters photo"
        chain = text[credit_start:credit_end]
        credit = read_chain(chain, distributor="Reuters")
        credit.agency = "Reuters"
        if "Reuters" in credit.intermediaries:
            credit.intermediaries.remove("Reuters")
        draft.credit(credit, (credit_start, credit_end), agency_span=anchor)
        if (credit_start > 0 and credit_end < len(text) and text[credit_start - 1] in "(["
                and text[credit_end] in ")]"):
            draft.take((credit_start - 1, credit_end + 1))  # "(REUTERS/Name)"
            credit_start -= 1
            if not (credit.photographer or credit.intermediaries) and (
                    named := name_before_bracket(text, start, credit_start)) is not None:
                credit.photographer = text[named[0] : named[1]]  # a paper's "... Monday.Ana Costa (REUTERS)"
                draft.credit(credit, (named[0], credit_end + 1), photographer_span=named, agency_span=anchor)
                draft.take(named)
                credit_start = named[0]
        if (not credit.photographer and text.find("\n", credit_end, credit_end + 40) >= 0
                and (lead := _NAME_COMMA_LINE.search(text, max(0, credit_start - 50), credit_start))):
            credit.photographer = lead.group("name")  # a line "Omar Sobhani, Reuters/NTB scanpix" above the caption
            credit_start = lead.start("name")
            draft.credit(credit, (credit_start, credit_end), photographer_span=lead.span("name"), agency_span=anchor)
        if text[max(0, credit_start - 3) : credit_start].strip() == "|" and (
                line_at := piped_line_credit(draft, start, credit_end)) is not None:
            credit_start = line_at  # "...\nName | Sputnik | via Reuters"
        body_end = credit_start
        if credit_start <= start:  # the credit opens the text: the body follows it
            start, body_end = strip_prefix(draft, credit_end), len(text)
        header = sports_header(draft, start, body_end)
        dateline_end = sports_dateline(draft, start, body_end, year_hint) if header is None else start
        if header is not None:
            start = header
            header_year = draft.caption.date.year if draft.caption.date else year_hint
            if (taken := picture_taken(draft, start, body_end, year_hint=header_year)) is not None:
                draft.date(taken)  # "Picture taken January 23, 2025" wins over the header's date
        elif dateline_end > start:  # "Sep 14, 2025; Green Bay, Wisconsin, USA; ..." (Imagn via Reuters)
            start = dateline_end
            describe(draft, start, body_end, year_hint=year_hint,
                     want_place=not (draft.caption.city or draft.caption.country_code))
        else:
            describe(draft, start, body_end, year_hint=year_hint)
        if "aken" in text[credit_end:]:
            _taken_after_credit(draft, credit_end, year_hint)
        if draft.caption.date is None:
            _date_after_credit(draft, credit_end, year_hint)
        if "(" in text[credit_end : credit_end + 4]:
            _tag_block(draft, credit_end)
        if not is_shouting(text):
            draft.notes(shouted_notes(text, credit_end, len(text), draft.taken))
        cap = draft.caption
        confidence = 0.55 + 0.15 * (cap.date is not None) + 0.15 * bool(cap.city or cap.country)
        confidence += 0.1 * bool(cap.photographer or cap.intermediaries) + 0.05 * bool(anchor)
        return draft.finish(self.name, confidence, (start, body_end))


def _credit_anchor(text: str) -> tuple[int, int] | None:
    """The REUTERS of the credit line: in capitals, or after "via", or before a slash."""
    best = None
    for m in _ANCHOR.finditer(text):
        word = m.group(0)
        if word == "Reuter" and _FIRST_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Photo by Dominick Reuter/EPA": a surname
        after = text[m.end() : m.end() + 2].lstrip(" ")[:1]
        before = text[max(0, m.start() - 6) : m.start()]
        credit_like = (word.isupper() or after == "/" or before.endswith("/") or _VIA_BEFORE.search(before)
                       or _signs_off(text, m.start(), m.end()))
        if credit_like:
            best = m.span()
            if after == "/" or _VIA_BEFORE.search(before):
                return best
    return best


_SIGNOFF_TAIL = regex(r"\s*(?:photos?|pictures?)?[\s.)]*$", re.IGNORECASE)


def _signs_off(text: str, start: int, end: int) -> bool:
    """"... an unruly state. Reuters photo": the agency's name alone ends the text, after a sentence."""
    return (_SIGNOFF_TAIL.match(text, end) is not None
            and text[:start].rstrip(" (").endswith((".", "…", "!", "?", '"', "”")))


def _credit_extent(text: str, anchor: tuple[int, int], taken: list[tuple[int, int]]) -> tuple[int, int]:
    limit = min((s for s, _ in taken if s >= anchor[1]), default=len(text))
    end = chain_right(text, anchor[1], limit)
    before = text[max(0, anchor[0] - 6) : anchor[0]]
    via = _VIA_BEFORE.search(before)
    if via is None:
        if anchor[0] > 0 and text[anchor[0] - 1] == "/":
            return chain_left(text, anchor[0] - 1), end
        if text[max(0, anchor[0] - 2) : anchor[0]] == "/ ":  # "Foto: KAI PFAFFENBACH/ REUTERS"
            return chain_left(text, anchor[0] - 2), end
        return label_start(text, anchor[0]), end  # "... em Lviv Foto: REUTERS/Name"
    via_start = anchor[0] - len(before) + via.start()
    lead = via.group(0).split("via")[0]
    # "Social media/via REUTERS": the slash belongs to the chain, so lower-case source words are kept
    start = chain_left(text, via_start + lead.index("/") + 1 if "/" in lead else via_start)
    return (start if start < via_start else via_start + len(via.group(0)) - len(via.group(0).lstrip())), end


#: "REUTERS/Name Picture taken on February 28, 2024.": a taken-note right after the credit.
_TAKEN_AFTER = regex(r"\s*(?:Picture|Photo|Image|Photograph)\s+(?:was\s+)?taken\b[^.\n]{0,160}\.?", re.IGNORECASE)


def _taken_after_credit(draft: Draft, credit_end: int, year_hint: int | None) -> None:
    """The picture's date from a "Picture taken <date>" note after the credit: it wins over the body's."""
    m = _TAKEN_AFTER.match(draft.text, credit_end)
    if m is None:
        return
    sentence = m.group(0)
    dates = [d for d in find_dates(sentence, year_hint=year_hint) if d.date is not None]
    if not dates:
        return
    start = m.start() + len(sentence) - len(sentence.lstrip())
    draft.take((start, m.end()))
    draft.caption.notes.append(sentence.strip())
    d = dates[0]
    draft.date(replace(d, start=d.start + m.start(), end=d.end + m.start()))


def _date_after_credit(draft: Draft, credit_end: int, year_hint: int | None) -> None:
    """Some captions put the date after the credit."""
    text = draft.text
    for d in find_dates(text, year_hint=year_hint):
        if (d.start >= credit_end and d.date is not None and not is_release_date(text, d)
                and not any(s <= d.start < e for s, e in draft.taken)):
            draft.date(d)
            return


#: The older archive's tag block after the credit: "(SYRIA - Tags: POLITICS CONFLICT)", "(IRAQ)".
_TAGS = regex(r"[\s.]*\(\s*(?P<country>[A-Z][A-Z .'&-]{1,40}?)\s*(?:[-–]\s*Tags?:[^()]*)?\)")


def _tag_block(draft: Draft, credit_end: int) -> None:
    """Keep the tag block as a note, and take the country the desk filed the picture under
    when the caption names none."""
    m = _TAGS.match(draft.text, credit_end)
    code = country_code(m.group("country")) if m is not None else None
    if m is None or code is None:
        return
    block = draft.text[m.start("country") : m.end() - 1]
    draft.caption.notes.append(block.strip())
    draft.take((m.start("country") - 1, m.end()))
    cap = draft.caption
    if cap.country_code:
        return
    draft.put("country", m.group("country"), m.span("country"), take=False)
    cap.country_code = code
    city = find_city(cap.city, country=code) if cap.city else None
    if city is not None:
        cap.place_lat, cap.place_lon = city.lat, city.lon


FORMAT = ReutersFormat()
