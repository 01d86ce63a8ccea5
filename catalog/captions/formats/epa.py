"""EPA-EFE: ``[epa<8 digits> ]<what>, <City>, <Country>, <DD Month YYYY>. [<context>] EPA-EFE/<NAME>``.

Older pictures end ``EPA/<NAME>``; resold ones ``<NAME>/EPA-EFE/Shutterstock``
(EPA-EFE stays the agency, Shutterstock is an intermediary). Handouts end
``EPA-EFE/<SOURCE> HANDOUT HANDOUT EDITORIAL USE ONLY/NO SALES``, pools
``EPA-EFE/<NAME> / POOL``. Dates are day-month-year; ``(issued <date>)`` is when the
picture was sent, not when it was taken.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from catalog.captions.credits import (
    Credit,
    chain_left,
    label_start,
    looks_like_org,
    name_run,
    normalize_agency,
    read_chain,
)
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.formats.getty import finish_caption, lead_notes
from catalog.captions.gazetteer import country_code
from catalog.captions.model import Caption
from catalog.captions.normalize import CAPITALS
from catalog.captions.places import find_place
from catalog.regexcache import regex

_PREFIX = regex(r"\s*epa\d{8}\s+")
#: The agency part of the credit: "EPA-EFE/" or the older "EPA/" (capitals only).
_EPA_SLASH = regex(r"\b(?:EPA-EFE|EPA|EFE|epa(?=\s?/))\s?/\s?")
_RESOLD = regex(r"/\s?(?:EPA-EFE|EPA)\s?/\s?Shutterstock\b")
#: The name first, as galleries rewrite the credit: "(Photo by Name/EPA/EFE)", "Name/EPA-EFE/Rex
#: Features/Shutterstock)" at the very end.
_NAME_FIRST = regex(
    r"/\s?(?:EPA-EFE|EPA)(?:\s?/\s?EFE)?(?:\s?/\s?(?:Rex\s+Features|REX|Shutterstock))*\s?\)?[\s.]*$")
_ISSUED = regex(r"\(\s?(?:re-?)?issued\s[^()\n]{4,40}\)", re.IGNORECASE)
#: Words that follow the name inside the credit: pool, handout and file markers.
_NAME_TAIL = regex(r"(?:\s?/\s?(?:POOL|FILE|(?i:archivo|archive|arquivo))|\s+POOL|\s+HANDOUT)+\s*$")
#: "EFE/Archivo", "EPA/FILE": the file mark where a photographer's name would be.
_FILE_WORDS = frozenset({"file", "files", "archivo", "arquivo", "archiv", "archivio", "archief"})
#: Where the credit stops: a run of spaces, a line break, an editors' note.
_CREDIT_STOP = regex(  # also a site's own "FOTO: Name" after the credit
    r"\s{2,}|\n|\s\(|\s(?:ATTENTION|EDITORS?|BEST\s+QUALITY|MANDATORY|CONDITIONS)\b|\s(?:FOTO|PHOTO):\s|\s\+\+\+")
#: A credit cut off at the IIM limit: "... 2024. EPA-EF".
_CUT_CREDIT = regex(r"\s(?:EP|EPA|EPA-|EPA-E|EPA-EF|EPA-EFE)$")
_HANDOUT_WORD = regex(r"HANDOUT")
_HANDOUT_AGAIN = regex(r"\s+HANDOUT\b")
_INITIAL_END = regex(rf"\s[{CAPITALS}]\.$")
_NO_SALES_TAIL = regex(r"[\s/]*NO\s+SALES\s*$")
#: Longest credit read after "EPA-EFE/": bounds the cost of the anchored searches.
_MAX_CREDIT = 160
_TERRITORY_OUT = regex(r"\s(?P<words>[A-Z][A-Z ]{1,40}?)\s+OUT\s*$")


_PHOTO_BY_BEFORE = regex(r"\(Photo\s+by\s+(?=[^()/]{2,50}/$)")


class EPAFormat:
    """European Pressphoto Agency captions, with EFE's credit."""

    name: ClassVar[str] = "epa"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("epa11234567 Demonstrators march through the city centre in Madrid, Spain, 05 March 2024. "
         "EPA-EFE/JUAN PERALTA",
         {"agency": "EPA-EFE", "photographer": "JUAN PERALTA", "city": "Madrid", "country_code": "ES",
          "date": "2024-03-05"}),
        ("Firefighters battle a forest fire near the village of Dadia, Greece, 25 August 2023. "
         "KOSTAS MAVROS/EPA-EFE/Shutterstock",
         {"agency": "EPA-EFE", "photographer": "KOSTAS MAVROS", "intermediaries": ["Shutterstock"],
          "date": "2023-08-25", "country_code": "GR"}),
    ]

    def accept(self, text: str) -> bool:
        return ("EPA" in text or "EFE/" in text or text.lstrip().startswith("epa") or "epa/" in text[-80:]
                or "epa /" in text[-80:])

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        all_notes(draft)
        prefix = _PREFIX.match(text)
        start = prefix.end() if prefix else 0
        if prefix:
            draft.take(prefix.span())
        start = lead_notes(draft, strip_prefix(draft, start), len(text))
        if (dash := re.match(r"[ ]?[-–][ ]", text[start : start + 3])) is not None:
            draft.take((start, start + dash.end()))
            start += dash.end()
        if text[start : start + 1].isdigit() and (opened := _maxppp_opening(draft, start)) is not None:
            start = opened  # "07202670 ©NAME/EPA/MAXPPP PARIS 20181201 <caption>"
            describe(draft, start, len(text), year_hint=year_hint, day_first=True)
            return finish_caption(draft, self.name, 0.9, (start, len(text)))
        credit_start = self._credit(draft, start)
        if credit_start is None and prefix is None:
            return None
        body_end = credit_start if credit_start is not None else len(text)
        if credit_start is None and prefix is not None:
            # The transmission reference "epa12345678" names the agency; a cut-off credit is residue.
            tag = prefix.start() + prefix.group(0).index("epa")
            draft.put("agency", "EPA-EFE", (tag, tag + 3), take=False)
            if (cut := _CUT_CREDIT.search(text, max(start, len(text) - 12))) is not None:
                body_end = cut.start()
        for m in _ISSUED.finditer(text, start, body_end):
            draft.take(m.span())
            draft.caption.notes.append(m.group(0))
        describe(draft, start, body_end, year_hint=year_hint, day_first=True)
        cap = draft.caption
        score = 0.35 + 0.3 * (credit_start is not None) + 0.1 * (prefix is not None)
        score += 0.1 * (cap.date is not None) + 0.1 * bool(cap.city or cap.country)
        score += 0.05 * bool(cap.photographer)
        return finish_caption(draft, self.name, score, (start, body_end))

    def _credit(self, draft: Draft, start: int) -> int | None:
        """Record the credit; return where it starts (the body's end), or None."""
        text = draft.text
        resold = _last(_RESOLD, text, start) or _NAME_FIRST.search(text, max(start, len(text) - 60))
        if resold is not None:
            left = chain_left(text, resold.start(), start)
            if (opening := text.rfind("(", left, resold.start())) >= 0:
                left = opening  # "(Photo by Name/EPA/EFE)", "(Image credit: Name / EPA / Shutterstock)"
            chain = text[left : resold.end()].rstrip(" .)")
            if chain.startswith("("):  # the bracket opens the credit
                chain = chain[1:]
            if left < resold.start():
                draft.credit(read_chain(chain), (left, resold.end()))
                return left
        found = _last(_EPA_SLASH, text, start)
        if found is None or _inside(found.start(), draft.taken):
            return None
        if (by := _PHOTO_BY_BEFORE.search(text, max(start, found.start() - 60), found.start())) is not None:
            close = text.find(")", found.end())  # "(Photo by Name/EPA/...)": the name comes first
            chain = text[by.end() : close if close > 0 else len(text)]
            draft.credit(read_chain(chain), (by.end(), by.end() + len(chain)))
            return by.start()
        limit = min((s for s, _ in draft.taken if s >= found.end()), default=len(text))
        rest = text[found.end() : min(limit, found.end() + _MAX_CREDIT)]
        if (stop := _CREDIT_STOP.search(rest)) is not None:
            if stop.group(0).strip(" ") == "\n":
                # "EPA-EFE/NEIL\nHARTLEY": a name broken across lines (the reader Reuters uses)
                name_end = name_run(text, found.end(), found.end() + len(rest)) - found.end()
                if 0 <= (line_end := rest.find("\n", stop.end())) < name_end:
                    name_end = line_end  # the name continues on one line only
                same_case = rest[: stop.start()].isupper() == rest[stop.end() : name_end].isupper()
                if name_end > stop.start() and same_case:
                    stop = _CREDIT_STOP.search(rest, name_end)
            if stop is not None:
                rest = rest[: stop.start()]
        territory = _TERRITORY_OUT.search(rest)
        if territory is not None and (code := _territory_code(territory.group("words"))):
            rest = rest[: territory.start()]
            _add_restriction(draft, f"territory_out:{code}")
        credit = self._read_after(rest, normalize_agency(found.group(0).strip(" /")) or "EPA-EFE")
        credit_end = found.end() + len(rest.rstrip())
        draft.credit(credit, (found.start(), credit_end))
        if credit.handout and (again := _HANDOUT_AGAIN.match(text, credit_end)) is not None:
            draft.take(again.span())  # "IDF HANDOUT  HANDOUT EDITORIAL USE ONLY": the marker repeated
        window = max(found.end(), len(text) - _MAX_CREDIT)
        if (no_sales := _NO_SALES_TAIL.search(text, window)) is not None:
            _add_restriction(draft, "no_sales")
            draft.take(no_sales.span())
        return _labelled_start(text, found.start(), text[found.start() : credit_end], start)

    @staticmethod
    def _read_after(rest: str, agency: str = "EPA-EFE") -> Credit:
        """What follows "EPA-EFE/": a photographer, a source and HANDOUT, a partner agency, POOL."""
        credit = Credit(agency=agency)
        name = _NO_SALES_TAIL.sub("", rest).strip(" /-–")
        if name.endswith((").", "].")):
            name = name[:-1].rstrip()  # "(EFE/ Name).": the caption's period after the bracket
        if (name.endswith(")") and "(" not in name) or (name.endswith("]") and "[" not in name):
            name = name[:-1]  # the bracket that closed the credit: "(Foto EFE/ Name)", "[EPA-EFE/NAME]"
        kept = _INITIAL_END.search(name) or name.endswith((" Jr.", " Sr."))
        name = name if kept else name.strip(" .")  # "Luis Carrasco R.", "Name Jr." keep their period
        tail = _NAME_TAIL.search(name)
        if tail is not None:
            words = tail.group(0).upper()
            credit.pool = "POOL" in words
            credit.handout = "HANDOUT" in words
            credit.file_photo = "FILE" in words or "ARCHIV" in words or "ARQUIV" in words
            if credit.handout:  # "IDF HANDOUT": the source is an intermediary, the credit reads as written
                credit.photographer = _HANDOUT_WORD.search(tail.group(0)).group(0)  # type: ignore[union-attr]
            name = name[: tail.start()].strip(" /")
        name = " ".join(name.split())
        if name.lower() in _FILE_WORDS:  # EFE's "EFE/Archivo": a file picture, no photographer
            credit.file_photo = True
            return credit
        if not name:
            return credit
        partner = normalize_agency(name)
        if partner is not None and partner != agency:
            credit.intermediaries.append(partner)
        elif credit.handout or looks_like_org(name):
            credit.intermediaries.append(name)
        else:
            credit.photographer = name
        return credit


def _last(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, start):  # noqa: B007 - the last match is wanted
        pass
    return found


def _territory_code(words: str) -> str | None:
    """ISO code for the country at the end of "YONHAP SOUTH KOREA" (shortest suffix first)."""
    parts = words.split()
    for k in range(1, min(3, len(parts)) + 1):
        code = country_code(" ".join(parts[-k:]).title())
        if code is not None:
            return code
    return None


def _add_restriction(draft: Draft, flag: str) -> None:
    if flag not in draft.caption.restrictions:
        draft.caption.restrictions.append(flag)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


#: MAXPPP's copy of an EPA picture: its number, the credit, the place and the date, then the caption.
_MAXPPP_OPENING = regex(
    r"\d{6,10}\s+(?:©|\ufffd|\(c\))?\s*(?P<chain>[^\s/©\ufffd][^/\n]{1,40}/(?:EPA-EFE|EPA)/MAXPPP)\s+"
    r"(?P<place>[A-Z][A-Z'’ -]{1,30}?)\s+(?P<date>(?:19|20)\d\d[01]\d[0-3]\d)\s+")


def _maxppp_opening(draft: Draft, start: int) -> int | None:
    """Read MAXPPP's opening (see _MAXPPP_OPENING); return where the caption starts."""
    text = draft.text
    m = _MAXPPP_OPENING.match(text, start)
    if m is None:
        return None
    draft.credit(read_chain(m.group("chain")), m.span("chain"))
    digits = m.group("date")
    try:
        taken = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        taken = None
    if taken is not None:
        draft.put("date", taken, m.span("date"))
        draft.caption.date_text = digits
    if (place := find_place(text, *m.span("place"))) is not None:
        draft.place(place)
    draft.take(m.span())
    return m.end()


def _labelled_start(text: str, found: int, chain: str, floor: int) -> int:
    """Where the credit at ``found`` starts with its label ("Credit: EPA/NAME"), and with the
    same credit printed just before it ("Picture: EPA/NAME Credit: EPA/NAME")."""
    begin = label_start(text, found, floor)
    head = text[floor:begin].rstrip()
    if len(chain) > 4 and head.endswith(chain):
        begin = label_start(text, floor + len(head) - len(chain), floor)
    return begin


FORMAT = EPAFormat()
