"""Getty Images: an uppercase dateline, the body, and a credit in parentheses.

``LONDON, ENGLAND - MARCH 05: Commuters cross ... on March 05, 2024 in London,
England. (Photo by Name/Getty Images)``. Partners: ``(Photo by Name/AFP via Getty
Images)`` (the originating agency wins, Getty Images is an intermediary).
Redistribution stacks credits: ``(Photo by A LAST / AFP) (Photo by A LAST/AFP via
Getty Images)``. The body writes the date before the place, so the place is read
after the date. The dateline gives the place and, with a year hint, the date
when the body has none.

The helpers here also serve the other formats of this set: :func:`read_dateline`
and :func:`date_then_place` (Anadolu uses Getty's layout), :func:`trailing_groups`
and :func:`chain_of` (credits in parentheses: Xinhua, dpa via AP), :func:`lead_notes`
(editors' notes in parentheses: EPA-EFE) and :func:`polish_subject` (all of them).
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.citynames import natural_feature
from catalog.captions.credits import Credit, normalize_agency, read_chain
from catalog.captions.dates import DateMatch, find_dates, in_range, is_release_date
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import (
    before_hometown,
    country_written_after,
    picture_taken,
    sentence_end,
    use_country_after,
)
from catalog.captions.gazetteer import country_code, find_city
from catalog.captions.model import Caption
from catalog.captions.places import PlaceMatch, find_place
from catalog.regexcache import regex

Span = tuple[int, int]

#: "LONDON, ENGLAND - MARCH 05:" — uppercase place, dash, uppercase month and day, colon.
_DATELINE = regex(
    r"(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]{1,40}(?:,[ ]?[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]{1,40}){0,2})[ ]{1,2}[-–—][ ]{1,2}"
    r"(?P<date>[A-Z]{3,9}\.?[ ]\d{1,2}(?:,[ ]?\d{4})?|CIRCA[ ]\d{4}S?|\d{4}/[01]\d/[0-3]\d|(?:[A-Z]{3,9}[ ])?\d{4}S?):[ ]*"
)
#: Editors' notes in parentheses right after the dateline: "(EDITORIAL USE ONLY) ".
_LEAD_NOTE = regex(r"\((?P<note>(?:EDITOR|EDITORIAL|FILE|Editor)[^()\n]{0,300})\)[ ]*")
#: Credited "names" that are collections, not photographers.
_COLLECTION = regex(r"\b(?:Archive|Archives|Collection|Library|Images|Pictures)$")
_PHOTO_BY = regex(
    r"^\s*(?:Photo(?:graph)?(?:\s+Illustration)?\s+by|Photo\s*:|Picture\s+by|(?:Photo\s+)?credit\s+should\s+read:?)\s*",
    re.IGNORECASE)  # AFP's older "(Photo credit should read NAME/AFP/Getty Images)"
#: A credit without parentheses: "... Photo by Name/Getty Images".
_BARE_CREDIT = regex(
    r"\b(?:Photo(?:graph)?\s+by|Photo\s*:)\s?(?P<chain>[^()\n]{1,120}?Getty\s+Images(?:\s+for\s[^()\n]{1,60})?)[\s.]*$"
)
_FOR_CLIENT = regex(r"(Getty\s+Images)\s+for\s+.*$", re.IGNORECASE)
_MAX_GROUP = 200
#: A clause after the date that tells the circumstances, not the place.
_CLAUSE_AFTER = regex(r"[\s,]*(?:amid|during|as|while|after|before|following|when|where|which|who)\b")
#: After the body's date: "... on March 05, 2024 in London, England."
_PROPER_NAME = regex(r"[A-Z][\w'’\-]*(?:[ ](?:[A-Z][\w'’\-]*|de|la|am|upon)){0,4}")
_PLACE_AFTER = regex(r"[ ,]{1,3}(?:in|at|near|outside)[ ]", re.IGNORECASE)


def read_dateline(draft: Draft, start: int, year_hint: int | None) -> tuple[int, DateMatch | None, Span | None]:
    """Consume a Getty-style dateline at ``start``: (body start, its date, its place span)."""
    m = _DATELINE.match(draft.text, start)
    if m is None:
        return start, None, None
    draft.take(m.span())
    written = m.group("date")
    if written[4:5] == "/":
        written = written.replace("/", "-")  # SOPA's and LightRocket's "MILAN, ITALY - 2021/02/02:"
    dates = find_dates(written, year_hint=year_hint)
    found = None
    if dates:
        d = dates[0]
        offset = m.start("date")
        found = DateMatch(d.date, d.start + offset, d.end + offset, d.text, d.year_from_hint,
                          d.has_year, d.month, d.day)
    return m.end(), found, m.span("place")


#: A note set after the credit with dashes: "(Photo by Name/Getty Images) -- IMAGE RESTRICTED TO ...".
_AFTER_CREDIT = regex(r"(?<=\))\s*(?:--|–|—)\s+(?P<note>[^()]{4,}?)\s*(?:--)?\s*$")


def trailing_groups(text: str, floor: int = 0) -> list[Span]:
    """Spans of the parenthesised groups that end ``text`` ("(A / AFP) (A/AFP via Getty Images)").

    Each span includes its parentheses; groups are returned left to right.
    Scans from the end with ``rfind``, so its cost does not grow with the text.
    """
    groups: list[Span] = []
    end = len(text.rstrip(" .\n"))
    while end > floor and text[end - 1] == ")":
        opening = text.rfind("(", max(floor, end - _MAX_GROUP), end - 1)
        if opening < 0 or ")" in text[opening + 1 : end - 1]:
            break
        groups.append((opening, end))
        end = len(text[:opening].rstrip(" ."))
    groups.reverse()
    return groups


def chain_of(text: str, group: Span) -> str:
    """The credit chain inside one parenthesised group, without "Photo by" and "for <client>"."""
    inner = text[group[0] + 1 : group[1] - 1]
    inner = _PHOTO_BY.sub("", inner)
    return _FOR_CLIENT.sub(r"\1", inner).strip()


def date_then_place(draft: Draft, start: int, end: int, *, year_hint: int | None,
                    day_first: bool = False) -> DateMatch | None:
    """Read "... on <date> in <place>." (and the other order) from the body; return the date used."""
    text = draft.text
    taken = picture_taken(draft, start, end, year_hint=year_hint)
    first_end = sentence_end(text, start, end)
    main = written = None
    for d in find_dates(text[:first_end], year_hint=year_hint, day_first=day_first):
        if d.start < start or d.date is None:  # a day without a year and no hint: not usable
            continue
        if is_release_date(text, d):
            if not in_range(text, d):
                draft.take((d.start, d.end))
            continue
        main = d
        break
    chosen = taken or main
    if chosen is not None:
        draft.date(chosen)
    if main is not None and main is not chosen:
        draft.take((main.start, main.end))
    if main is None:
        place = find_place(text, start, first_end)
    elif _PLACE_AFTER.match(text, main.end, first_end):
        place = find_place(text, main.end, first_end)
    else:
        written = country_written_after(text, main.end, first_end)  # "in Daldere, Feb. 12, 2021, Van, Turkey."
        place = find_place(text, start, main.start, default_country=written[:2] if written else None)
        if place is None and not _CLAUSE_AFTER.match(text, main.end, first_end):
            place = find_place(text, main.end, first_end)  # but not from ", amid the battles ..."
    if place is not None:
        place = before_hometown(text, place, start) or place  # "... of a soldier from the town of Sambir"
        draft.place(place)
        use_country_after(draft, place, written)
        if main is not None and not place.place.city and place.start > main.end:
            # the latest lead that names a town: "in Borodyanka on <date> in Kyiv Region, Ukraine"
            for lead in sorted((text.rfind(word, start, main.start) for word in (" near ", " in ")), reverse=True):
                if lead >= start and _town_near(draft, lead + 1, main.start, place):
                    break
    elif main is not None and (m := _PLACE_AFTER.match(text, main.end, first_end)):
        name = _PROPER_NAME.match(text, m.end(), first_end)
        if name is not None and not text[name.end() : first_end].strip(" .") and not natural_feature(name.group(0)):
            draft.put("city", name.group(0), name.span())
            city = find_city(name.group(0))
            if city is not None:
                draft.caption.country_code = city.country_code
                draft.caption.place_lat, draft.caption.place_lon = city.lat, city.lon
    return chosen


def _town_near(draft: Draft, start: int, end: int, region: PlaceMatch) -> bool:
    """"... near Orikhiv on June 15, 2023 in Zaporizhzhia Oblast, Ukraine", "... in Borodyanka on
    <date> in Kyiv Region, Ukraine": the place after the date names only a region; the town is
    the one named before the date. Whether one was found (and recorded)."""
    code = region.place.country_code
    town = find_place(draft.text, start, end, default_country=(code, (region.start, region.start)))
    if town is None or not town.place.city or town.place.country_code != code:
        return False
    draft.put("city", town.place.city, town.city_span)
    draft.caption.place_lat, draft.caption.place_lon = town.place.lat, town.place.lon
    return True


def finish_caption(draft: Draft, name: str, confidence: float, body: Span, *,
                   subject: str | None = None) -> Caption:
    """``Draft.finish`` plus what this set of formats adds: a polished subject, the agency's span."""
    cap = draft.finish(name, confidence, body)
    cap.subject = polish_subject(subject or cap.subject)
    credit_span = cap.spans.get("credit")
    if cap.agency and "agency" not in cap.spans and credit_span is not None:
        start = cap.text.lower().find(cap.agency.lower(), *credit_span)
        if start >= 0:
            cap.spans["agency"] = (start, start + len(cap.agency))
    return cap


def cut_truncated_credit(draft: Draft, start: int) -> int:
    """A credit cut off at the IIM limit ("... (Photo by Tom Hal") is left out of the body (residue).

    Returns where the body ends: before the unclosed parenthesis, or the end of the text.
    """
    text = draft.text
    opening = text.rfind("(", max(start, len(text) - _MAX_GROUP))
    if opening < 0 or ")" in text[opening:]:
        return len(text)
    fragment = text[opening:]
    if "/" not in fragment and not _PHOTO_BY.match(fragment[1:]):
        return len(text)
    return opening


def lead_notes(draft: Draft, start: int, end: int) -> int:
    """Record parenthesised editors' notes that open the body; return where the body starts."""
    pos = start
    while (m := _LEAD_NOTE.match(draft.text, pos, end)) is not None:
        all_notes(draft, m.start("note"), m.end("note"))
        note = m.group("note").strip()
        if note.upper() in ("FILE", "FILE PHOTO", "FILES"):
            draft.put("file_photo", True, m.span("note"))
        elif note not in draft.caption.notes and not any(
            s <= m.start("note") and m.end("note") <= e for s, e in draft.taken
        ):
            draft.caption.notes.append(note)
        draft.take(m.span())
        pos = m.end()
    return pos


def photographer_from(text: str, groups: list[Span], credit: Credit) -> str:
    """The photographer as first credited in a stack of groups (mixed case beats capitals).

    ``credit`` is what the last group says; only the groups before it are read again.
    """
    for group in groups[:-1]:
        name = read_chain(chain_of(text, group)).photographer
        if name:
            return name
    return credit.photographer


#: Words a removed place or date leaves dangling before punctuation: "..., on. Stocks fell",
#: "in southwest China's.", "in the northern.", "centro de, el." (Spanish/Portuguese/German too).
_DANGLING_WORDS = regex(  # (every match that removes anything starts with a comma or a space)
    r"(?=[, ])(?:,?[ ](?:on|in|at|near|of|outside|de|el|en|em|am|the|este|esta)){0,4}"
    r"(?:,?[ ](?:the[ ])?(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?(?:[ ][A-Z][a-z]+['’]s)?)?"
    r"(?:,?[ ](?:on|in|at|near|of|de|el|en|em|am)){0,4}(?=[.,;]|$)"
)


_LEADING_MARKS = regex(r"^[,;\s]+")


def polish_subject(subject: str) -> str:
    """Drop words left dangling where fields were cut out, and start with a capital."""
    polished = _DANGLING_WORDS.sub("", subject).replace(" ,", ",").replace(",.", ".")
    if polished[:1] in ",;" or polished[:1].isspace():
        polished = _LEADING_MARKS.sub("", polished)
    return polished[:1].upper() + polished[1:] if polished else polished


class GettyFormat:
    """Getty Images captions and the partner credits it distributes."""

    name: ClassVar[str] = "getty"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("LONDON, ENGLAND - MARCH 05: Commuters cross a bridge in the rain on March 05, 2024 in "
         "London, England. (Photo by Tom Halloway/Getty Images)",
         {"city": "London", "country_code": "GB", "date": "2024-03-05", "agency": "Getty Images",
          "photographer": "Tom Halloway"}),
        ("A woman walks through a flooded street in Venice, Italy, on November 3, 2023. "
         "(Photo by Marco Bellini/AFP via Getty Images)",
         {"agency": "AFP", "photographer": "Marco Bellini", "intermediaries": ["Getty Images"],
          "date": "2023-11-03", "country_code": "IT"}),
    ]

    def accept(self, text: str) -> bool:
        if "Getty" in text:
            return True
        return "Anadolu" not in text and _DATELINE.match(text) is not None

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        after = _AFTER_CREDIT.search(text, max(0, len(text) - 400)) if ") -" in text else None
        found_credit = self.read_credit(text, trailing_groups(text[: after.start()] if after else text))
        if after is not None and found_credit is not None:  # "(Photo by ...) -- IMAGE RESTRICTED TO ..."
            all_notes(draft, after.start(), len(text))
            if not any(after.start() <= s < after.end() for s, _ in draft.taken):
                draft.caption.notes.append(after.group("note").strip())
            draft.take(after.span())
        start = strip_prefix(draft)
        body_start, dateline_date, dateline_place = read_dateline(draft, start, year_hint)
        if found_credit is None and dateline_place is None:
            return None
        body_end = found_credit[0][0] if found_credit else cut_truncated_credit(draft, body_start)
        body_start = lead_notes(draft, body_start, body_end)
        all_notes(draft, body_start, body_end)
        score = self.base_confidence
        if found_credit is not None:
            draft.credit(found_credit[1], found_credit[0])
            score += 0.4
        if dateline_place is not None:
            score += 0.15
        found = date_then_place(draft, body_start, body_end, year_hint=year_hint)
        if found is None and dateline_date is not None and dateline_date.date is not None:
            draft.date(dateline_date)
        cap = draft.caption
        if not cap.country_code and dateline_place is not None:
            place = find_place(text, *dateline_place)
            if place is not None and cap.city:
                cap.country_code = place.place.country_code
            elif place is not None:
                draft.place(place)
        score += 0.05 * bool(cap.date) + 0.05 * bool(cap.city or cap.country)
        return finish_caption(draft, self.name, score, (body_start, body_end))

    base_confidence: ClassVar[float] = 0.3

    def read_credit(self, text: str, groups: list[Span]) -> tuple[Span, Credit] | None:
        """The credit groups that end the caption and what they say, if Getty distributes."""
        getty = [g for g in groups if "getty" in text[g[0] : g[1]].lower() or _getty_brand(text, g)]
        getty = [g for g in getty if not _COPYRIGHT_GROUP.fullmatch(text, *g)] or getty
        if not getty:
            if (image_id := _IMAGE_ID.search(text, max(0, len(text) - 30))) is not None:
                text = text[: image_id.start()]  # "... Name/AFP/Getty Images ( 523633342 )": Getty's picture number
            bare = _BARE_CREDIT.search(text, max(0, len(text) - _MAX_GROUP))
            if bare is None:
                return _glued_credit(text)
            return bare.span(), read_chain(_FOR_CLIENT.sub(r"\1", bare.group("chain")))
        stack = [g for g in groups if g[0] >= getty[0][0] or _is_credit(text, g)]
        credit = read_chain(chain_of(text, getty[-1]))
        credit.photographer = photographer_from(text, stack, credit)
        if _COLLECTION.search(credit.photographer):
            credit.intermediaries.append(credit.photographer)
            credit.photographer = ""
        return (stack[0][0], stack[-1][1]), credit


_IMAGE_ID = regex(r"\s*\(\s*\d{6,}\s*\)[\s.]*$")
#: A copyright line a page adds after the credit: "(Photo by Name/Getty Images) (2018 Getty Images)".
_COPYRIGHT_GROUP = regex(r"\(\s*(?:©\s*)?(?:19|20)\d\d\s+Getty\s+Images\s*\)", re.IGNORECASE)


#: "... in Melbourne Cameron Spencer/Getty Images": a credit a page ran into the sentence.
_GLUED = regex(r"(?<=\s)(?P<words>(?:[A-Z][\w'’.-]*\s){1,5})(?P<last>[A-Z][\w'’.-]*)"
                    r"(?P<rest>\s?/\s?(?:(?:AFP|AP|dpa|EPA)\s?/\s?|[A-Z]\w+\s+via\s+)?Getty\s+Images)[\s.]*$")


def _glued_credit(text: str) -> tuple[Span, Credit] | None:
    """The photographer is the last two (or three) capitalised words when a place the gazetteer
    knows ends just before them; else nothing is guessed."""
    m = _GLUED.search(text, max(0, len(text) - 120))
    if m is None:
        return None
    words = [*m.group("words").split(), m.group("last")]
    before_words = text[max(0, m.start("words") - 2) : m.start("words")]
    if before_words == "  " or text[: m.start("words")].rstrip().endswith("."):  # "York.     Bryan R. Smith/AFP/..."
        return (m.start("words"), m.end("rest")), read_chain(text[m.start("words") : m.end("rest")])
    ends = [i for i, word in enumerate(words[:-1]) if len(word) > 2 and word.endswith(".")]
    line = m.group("words").rfind("\n")
    if ends or line >= 0:  # "... in Mexico City.\nYuri Cortez/AFP/Getty Images": the credit has its own line
        start = max(m.start("words") + line + 1, m.end("last") - len(" ".join(words[ends[-1] + 1 :])) if ends else 0)
        start += len(text[start : m.end("rest")]) - len(text[start : m.end("rest")].lstrip())
        return (start, m.end("rest")), read_chain(text[start : m.end("rest")])
    for size in (2, 3):
        before = words[:-size]
        if before and any(find_city(" ".join(before[-k:])) or country_code(" ".join(before[-k:]).rstrip(","))
                          for k in range(1, min(3, len(before)) + 1)):
            start = m.end("last") - len(" ".join(words[-size:]))
            chain = text[start : m.end("rest")]
            return (start, m.end("rest")), read_chain(chain)
    return None


def _getty_brand(text: str, group: Span) -> bool:
    """A group whose chain ends in one of Getty's own brands ("(Photo by Name/WireImage)")."""
    inner = text[group[0] + 1 : group[1] - 1]
    slash = inner.rfind("/")
    return slash >= 0 and normalize_agency(inner[slash + 1 :]) == "Getty Images"


def _is_credit(text: str, group: Span) -> bool:
    inner = text[group[0] : group[1]]
    return "/" in inner or _PHOTO_BY.match(inner[1:]) is not None


FORMAT = GettyFormat()
