"""The fallback for captions in no known format: whatever date, place and credit can be found.

Confidence stays below 0.5 so that any agency format that matches wins. No
agency named in the text means no agency: it is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from catalog.captions.credits import (
    LABEL_QUALIFIER,
    Credit,
    home_country,
    is_news_agency,
    normalize_agency,
    read_chain,
)
from catalog.captions.dates import find_dates, is_release_date
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe, sports_dateline, us_reading
from catalog.captions.formats.credit_lines import line_credit, page_labels, piped_line_credit
from catalog.captions.formats.opening_credit import opening_credit
from catalog.captions.formats.slash_tail import slash_tail
from catalog.captions.formats.sports import sports_header
from catalog.captions.formats.trailing_credits import (
    agency_photo_by,
    bare_name,
    bracketed_name,
    caps_name_agency,
    name_before_bracket,
    name_comma_agency,
    name_then_agency,
)
from catalog.captions.gazetteer import country_code
from catalog.captions.model import Caption
from catalog.captions.normalize import CAPITALS
from catalog.captions.placematch import Place, PlaceMatch
from catalog.captions.places import find_place
from catalog.regexcache import regex

_PAREN_CREDIT = regex(r"(?<![A-Za-z])[(\[](?P<credit>[^()\[\]\n]{2,120})[)\]][\s.#]*$")  # also Al Jazeera's "[Name/AFP]"
#: A sentence's end: not an initial's period ("B.K. Bangash").
_SENTENCE_END = regex(r"(?<=[a-z0-9)\]])[.!?]\s+")
#: A newspaper's "Name | Associated Press" after the caption.
_PIPE_CREDIT = regex(r"(?<![^\s.])(?P<credit>(?P<name>[A-Z][^|\n]{1,60}?)\s+\|\s+(?P<agency>[A-Z][^|\n]{1,40}?))[\s.]*$")
_LABELLED = regex(
    r"(?:^|[\s.(]|(?=©))(?P<label>(?:(?:Staff|Special|Contributed|Submitted|Courtesy)\s+)?"
    r"(?:Photo(?:graph|s)?(?:er)?\s*(?:by|:)|Pictures?\s*(?:by|:|;)|Pics?\s*:|Imagem?\s*:)|(?:Photo\s+)?Credits?(?:\s+should\s+read)?\s*:|Credit\s+(?=[^\n]{2,80}/)|Fotos?\s*:|All\s+(?:[Pp]hotos|[Pp]hotographs)\s*:|"
    r"Bild\s*:|Archiv(?:foto|bild)\s*:|Copyright\s*:|Image\s+(?:copyright|source)\s*[:,]?|(?:Quelle|Zdroj|K[äa]lla|Fuente|Fonte|Source)\s*:|©|\(c\))\s*"  # and the BBC's "Image copyright EPA"
    r"(?P<credit>(?:(?<=\s[A-Z])\.\s|(?!\.\s)[^\n()]){2,100}?)\s*\)?[\s.]*$",  # "Isaiah J. Downing"
    re.IGNORECASE,
)
#: "Photo by ", "Credit: ", ZUMA's "Credit Image: © ", a bare "© ".
_LABEL = regex(
    rf"^\s*(?:{LABEL_QUALIFIER}(?:Photo(?:graph)?(?:er)?|Pictures?|Foto|Imagem|Bild|Archiv(?:foto|bild)|Credits?(?:\s+Image)?)\s*(?:by|:|;)\s*"
    r"|Image\s+(?:copyright|source)\s*[:,]?\s*|(?:Quelle|Zdroj|K[äa]lla|Fuente|Fonte|Source)\s*:\s*)?"  # and "source:" in six languages
    r"(?:©|\(c\))?\s*",
    re.IGNORECASE,
)


#: An agency's name just before a credit's label: "MTI Photo: Name".
_AGENCY_BEFORE_LABEL = regex(r"(?<![\w-])([A-Z]{2,10})[ \t]+$")
#: A credit in brackets before the one that ends the caption (a reseller's credit follows it).
_EARLIER_CREDIT = regex(r"\((?:Credit\s+Image:\s*)?©\s*(?P<chain>[^()\n]{2,100}/[^()\n]{2,60})\)")
#: Contact details after an agency's name: "MEGA TheMegaAgency.com +1 888 505 6342".
_CONTACT = regex(r"(?:\s+(?:www\.)?[\w-]+\.(?:com|net|org|co\.uk|red)\b|\s+\+?\d[\d ()-]{6,}\d)+$", re.IGNORECASE)


class GenericFormat:
    """Any caption: date, place, a trailing credit-looking text, notes; the rest is residue."""

    name: ClassVar[str] = "generic"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Children play in the snow in Oslo, Norway, on January 12, 2024. Photo: Kari Nordmann",
         {"city": "Oslo", "country_code": "NO", "photographer": "Kari Nordmann", "agency": ""}),
        ("A street market on 3 May 2023", {"date": "2023-05-03", "agency": ""}),
    ]

    def accept(self, text: str) -> bool:
        return True

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        draft = Draft(text)
        all_notes(draft)
        start = strip_prefix(draft)
        if text.lstrip().startswith("Foto ") and (opened := opening_credit(draft, start, year_hint)) is not None:
            start, body_end = opened  # LaPresse: credit, date and place open the caption
            describe(draft, start, body_end, year_hint=year_hint, want_place=not draft.caption.city)
            return draft.finish(self.name, 0.45, (start, body_end))
        bernama = _BERNAMA.search(text, max(start, len(text) - 80)) if "BERNAMA" in text[-80:] else None
        if text[start : start + 20].lower().lstrip().startswith("image") and (labelled := page_labels(draft, start)):
            start, body_end = labelled, len(text)  # the BBC's "Image source, PA\nImage caption, ..."
        elif bernama is not None:  # "--fotoBERNAMA (2024) COPYRIGHT RESERVED": the credit, and the year
            draft.credit(Credit(agency="Bernama"), bernama.span())
            body_end, year_hint = bernama.start(), int(bernama.group("year"))
        else:
            body_end = self._credit(draft, start)
            while body_end > start and text[body_end - 1] in " \t|":
                body_end -= 1  # InfoMigrants' "... in the town of X | Photo: ANSA/Name": the bar separates
            if not draft.caption.credit and "\n" in text[start:body_end]:
                start, body_end = line_credit(draft, start, body_end)  # "Name, AFP\n...", "© Kyodo\n\n..."
        dateline_end = sports_dateline(draft, start, body_end, year_hint)
        placed = dateline_end > start and bool(draft.caption.city or draft.caption.country_code)
        start = dateline_end
        sent_from, sent = None, None
        if not placed and (sent := _AGENCY_DATELINE.match(text, start, body_end)) is not None:
            draft.take(sent.span())  # Yonhap's "GANGNEUNG, Jan. 20 (Yonhap) -- ": where and when it was sent
            sent_from, start = sent.span("place"), sent.end()
        if not placed:
            start, placed = _opening_dateline(draft, start, body_end)
        dated = draft.caption.date if placed else None  # a dateline's date is the picture's
        header_end = sports_header(draft, start, body_end) if not placed else None
        if header_end is not None:
            start = header_end
        else:
            describe(draft, start, body_end, year_hint=year_hint, want_place=not placed)
            if dated is not None and draft.caption.date != dated and not _taken_note(draft):
                draft.caption.date = dated  # PAP's "Zdjęcie udostępniono 5.03.2022": released later
        if (sent_from is not None and not (draft.caption.city or draft.caption.country_code)
                and (place := find_place(text, *sent_from)) is not None):
            draft.place(place)  # the body names no place: the picture was taken where it was sent from
        if sent is not None and draft.caption.date is None and _TODAY.search(text, start, body_end):
            sent_dates = find_dates(sent.group("date"), year_hint=year_hint)  # "... here today": the day sent
            if sent_dates and sent_dates[0].date is not None:
                d = sent_dates[0]
                draft.put("date", d.date, (sent.start("date") + d.start, sent.start("date") + d.end), take=False)
                draft.caption.date_text, draft.caption.date_from_hint = d.text, d.year_from_hint
        if draft.caption.date is None:
            for d in find_dates(text, year_hint=year_hint, day_first=True):
                if d.date is not None and not is_release_date(text, d) and (
                        d.start >= start or d.end <= text.find("\n") <= 60):  # or a first line's "8 avril 2017 - Beauce"
                    draft.date(d)
                    if draft.caption.country_code == "US":
                        us_reading(draft)
                    break
        cap = draft.caption
        found = sum(bool(x) for x in (cap.date, cap.city or cap.country, cap.credit, cap.agency))
        return draft.finish(self.name, 0.1 + 0.08 * found, (start, body_end))

    def _credit(self, draft: Draft, start: int) -> int:
        """Record a trailing credit if one is recognisable; return where the body ends."""
        text = draft.text
        end = _before_trailers(draft, start, _before_trailing_notes(draft, len(text)))
        tag = _AGENCY_TAG.search(text, max(start, end - 40), end) if "==" in text[max(start, end - 40):end] else None
        if tag is not None and (agency := normalize_agency(tag.group("name"))) is not None:
            end = tag.start()  # Kyodo's "... (Kyodo) ==Kyodo": the agency's tag after the credit
            draft.take(tag.span())
        else:
            tag = agency = None
        tail_from = max(start, end - 160)
        if " - " in text[tail_from:end] and (dashed := _dashed_credit(draft, tail_from, end)) is not None:
            return dashed
        if (by_line := agency_photo_by(draft, tail_from, end)) is not None:
            return by_line  # "... in Ramallah. WAFA photo by Ana Costa."
        for pattern in (_PAREN_CREDIT, _LABELLED):
            m = pattern.search(text, tail_from, end)
            if m is None:
                continue
            if pattern is _PAREN_CREDIT and not _credit_like(_comma_credit(m.group("credit"))):
                continue
            chain = _LABEL.sub("", m.group("credit"))
            if ("." in chain or "+" in chain) and not normalize_agency(chain.rpartition("/")[2].strip()):
                chain = _CONTACT.sub("", chain) or chain  # (not "Name / CUARTOSCURO.COM": the agency's own name)
            chain = _comma_credit(chain.replace("\\", "/"))  # APA Images' "Name \\ apaimages"
            credit = read_chain(chain)
            start_at = m.start("label") if pattern is _LABELLED else m.start("credit")
            body_end = _earlier_credit(draft, credit, max(start, m.start() - 400), m.start()) if "©" in text else None
            named = None
            if pattern is _PAREN_CREDIT and credit.agency and not (credit.photographer or credit.intermediaries):
                named = name_before_bracket(text, start, m.start())  # "... on Monday. Ana Costa (AP)"
            if named is not None:
                credit.photographer = text[named[0] : named[1]]
                draft.credit(credit, (named[0], m.end()), photographer_span=named)
                draft.take((named[0], m.end()))
                return named[0]
            if (not credit.agency and (tagged := _AGENCY_LINE_END.search(text, max(start, start_at - 40), start_at))
                    and is_news_agency(tagged_agency := normalize_agency(tagged.group(1)) or "")):
                credit.agency = tagged_agency  # "... in Busan. (Yonhap)\nPhotos by Name"
                draft.take(tagged.span())
            elif (not credit.agency and (owner := _AGENCY_BEFORE_LABEL.search(text, max(start, start_at - 16), start_at))
                    and is_news_agency(owner_agency := normalize_agency(owner.group(1)) or "")):
                credit.agency, start_at = owner_agency, owner.start(1)  # "... a flight. MTI Photo: Name"
            draft.credit(credit, (start_at, m.end("credit")))
            draft.take(m.span())
            return m.start() if body_end is None else body_end
        if tag is not None and agency is not None:
            draft.put("agency", agency, tag.span("name"), take=False)
            return tag.start()
        if text.count(" | ", tail_from, end) >= 2 and (line_at := piped_line_credit(draft, tail_from, end)) is not None:
            return line_at  # "...\nName | AFP | Getty Images"
        if " | " in text[tail_from:end] and (piped := _PIPE_CREDIT.search(text, tail_from, end)) is not None:
            right = piped.group("agency")
            if "/" in right or " via " in right:  # "... | NAME / AFP via Getty Images": a chain
                chained = read_chain(right)
                if chained.agency:
                    draft.credit(chained, piped.span("agency"))
                    return piped.end("name")
            agency = normalize_agency(right)
            sentences = list(_SENTENCE_END.finditer(text, piped.start("name"), piped.end("name")))
            name_at = sentences[-1].end() if sentences else piped.start("name")
            if agency is not None and is_news_agency(agency) and name_at < piped.end("name"):
                draft.credit(Credit(agency=agency, photographer=text[name_at : piped.end("name")].strip()),
                             (name_at, piped.end("credit")), photographer_span=(name_at, piped.end("name")),
                             agency_span=piped.span("agency"))
                return name_at
        if text[end - 1 : end].isupper() and (m := _AGENCY_NAME.search(text, max(start, end - 80), end)):
            agency = normalize_agency(m.group("agency"))
            if agency is not None and is_news_agency(agency):  # "ANP RAMON VAN FLYMEN", "BELGA PHOTO BRUNO FAHY"
                name, name_at = m.group("name"), m.start("name")
                pooled = name.startswith("POOL ")  # "ANP POOL THIJS VERBRUGGEN"
                if pooled:
                    name, name_at = name[5:], name_at + 5
                draft.credit(Credit(agency=agency, photographer=name, pool=pooled), m.span(),
                             photographer_span=(name_at, m.end("name")), agency_span=m.span("agency"))
                return m.start()
        if (line := _NAME_AGENCY_LINE.search(text, max(start, end - 80), end)) is not None and is_news_agency(
                line_agency := normalize_agency(line.group("agency")) or ""):
            draft.credit(Credit(agency=line_agency, photographer=line.group("name")), line.span("credit"),
                         photographer_span=line.span("name"), agency_span=line.span("agency"))
            return line.start("credit")  # "...\nJACK GUEZ AFP": a name and an agency on the last line
        if " via AP" in text[tail_from:end] and (member := _VIA_AP_NAME.search(text, tail_from, end)) is not None:
            credit = read_chain(f"{member.group('name')}/{member.group('source')} via AP")
            draft.credit(credit, member.span("credit"), photographer_span=member.span("name"))
            return member.start("credit")  # AP's member papers: "The Berkshire Eagle via AP Name"
        if "afp.com" in text[tail_from:end] and (site := _AFP_SITE.search(text, tail_from, end)) is not None:
            draft.credit(Credit(agency="AFP", photographer=site.group("name")), site.span("credit"),
                         photographer_span=site.span("name"))
            return site.start("credit")  # AFP's own pages: "... agenda. afp.com - Thomas SAMSON"
        if (commaed := name_comma_agency(draft, start, end) or caps_name_agency(draft, start, end)
                or bracketed_name(draft, start, end) or name_then_agency(draft, start, end)) is not None:
            return commaed  # "... in Moscow. Ana Costa, AP", "... 2022 ANA COSTA AFP", "... (Ana Costa)"
        body_end = slash_tail(draft, start, end)
        if (not draft.caption.credit and (alone := _AGENCY_ALONE.search(text, max(start, end - 70), end)) is not None
                and is_news_agency(lone_agency := normalize_agency(alone.group("agency")) or "")):
            credit = Credit(agency=lone_agency, intermediaries=["Getty Images"] if alone.group("via") else [])
            draft.credit(credit, alone.span("credit"), agency_span=alone.span("agency"))
            return alone.start("credit")  # "... in Soweto. EPA Photo, 12 April 2017", "-Photo by AFP"
        if not draft.caption.credit and (alone_at := bare_name(draft, start, end)) is not None:
            return alone_at  # "... la Unión Europea. Ana Costa": a name alone, the last thing
        return body_end


#: An agency named alone after the last sentence, a slash or a dash (not "..., a witness told AFP").
_AGENCY_ALONE = regex(
    r"(?:[.!?]\s+|\s[-–—/]\s?|[./]\s?[-–—/]\s?|^|\n)(?P<credit>(?:Photos?\s+by\s+|Photos?:\s*|(?:Photo|Foto|FOTO)\s+(?=[A-Z]))?(?P<agency>[A-Z][\w-]{1,20}(?:\s[A-Z][\w-]+){0,2}?)"
    r"(?:\s+(?:Photos?|PHOTOS?|photos?))?(?P<via>\s+via\s+Getty\s+Images)?)"
    r"(?:,?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?[\s.]*$"  # "CNA photo Jan. 12, 2026"
)


_AFP_SITE = regex(r"(?P<credit>\bafp\.com\s[-–]\s(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}))[\s.]*$")
#: "... 2017. MetroWest Daily News via AP\nArt Illman": a source via AP, then the photographer.
_VIA_AP_NAME = regex(
    r"(?:[.!?]\s+|\n)(?P<credit>(?P<source>[A-Z][^\n.]{1,50}?)\s+via\s+AP(?:\s*\n\s*|\s)"
    r"(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’.-]+){1,2}))[\s.]*$")
#: A last line of two to four capitalised words and an agency's name.
_NAME_AGENCY_LINE = regex(
    rf"\n[ \t]*(?P<credit>(?P<name>[{CAPITALS}][\w'’.-]+(?:[ ][{CAPITALS}][\w'’.-]+){{1,3}})[ ]"
    r"(?P<agency>[A-Za-z][\w-]{1,12}))[\s.]*$"
)


def _before_trailers(draft: Draft, start: int, end: int) -> int:
    """Where the text ends once what follows a credit is set aside: ANSA's "+++ ANSA PROVIDES
    ACCESS TO THIS HANDOUT PHOTO ... +++" (kept as a note), PTI's photo number, a "Livepic" line."""
    text = draft.text
    plus = text.find(" +++", start, end) if "+++" in text else -1
    if plus > (end - start) // 3:
        draft.caption.notes.append(text[plus:end].strip(" +"))
        draft.take((plus, end))
        end = plus
    if (marker := _TRAILING_MARKER.search(text, max(start, end - 40), end)) is not None:
        end = marker.start()
        draft.take(marker.span())
    return end


def _dashed_credit(draft: Draft, start: int, end: int) -> int | None:
    """Europa Press's "... - Name - Europa Press[ - Archivo]": record it, return where it starts."""
    m = _DASH_CREDIT.search(draft.text, start, end) or _DASH_CREDIT_NOW.search(draft.text, start, end)
    agency = normalize_agency(m.group("agency")) if m is not None else None
    if m is None or agency is None or not is_news_agency(agency):
        return None
    if agency == "Getty Images" and not m.group("name") and "/" in draft.text[max(start, m.start() - 40) : m.start()]:
        return None  # NBC's "Name / AFP - Getty Images": a slash chain that Getty resells
    name = (m.group("name") or "").strip()
    draft.credit(Credit(agency=agency, photographer=name, file_photo=m.re is _DASH_CREDIT),
                 (m.start("credit"), m.end()))
    return m.start()


def _earlier_credit(draft: Draft, credit: Credit, start: int, end: int) -> int | None:
    """A credit without a photographer after a bracketed one that has him ("(Credit Image: © Name/ZUMA
    Press Wire) ... Credit: ZUMA Press, Inc./Alamy Live News"): take the name and the first credit's
    agencies; return where the first credit starts."""
    m = _EARLIER_CREDIT.search(draft.text, start, end)
    if m is None or credit.photographer:
        return None
    first = read_chain(m.group("chain"))
    credit.photographer = first.photographer
    credit.intermediaries += [a for a in (first.agency, *first.intermediaries)
                              if a and a != credit.agency and a not in credit.intermediaries]
    draft.take(m.span())
    return m.start()


def _before_trailing_notes(draft: Draft, end: int) -> int:
    """Where the text ends once the notes that close it are set aside ("(Credit Image: © Name/ZUMA
    Press Wire) EDITORIAL USAGE ONLY!": the credit closes the caption, not the restriction)."""
    text = draft.text
    moved = True
    while moved:
        moved = False
        tail = len(text[:end].rstrip(" .,;!"))
        for s, e in draft.note_spans:
            if s < tail <= e + 1 and s > 0:
                end, moved = s, True
                break
    return len(text[:end].rstrip())


#: "... (España). - Iván Marqués - Europa Press - Archivo": a dashed credit with the file mark.
_DASH_CREDIT_HEAD = r"[\s.]+[-–]\s(?P<credit>(?:(?P<name>[^-–\n/.,]{2,60}?)\s[-–]\s)?(?P<agency>[A-Z][\w .]{1,30}?))"
_DASH_CREDIT = regex(_DASH_CREDIT_HEAD + r"\s[-–]\s(?:Archivo|Archive|Arquivo|ARCHIVO)[\s.]*$")
#: The same without the file mark: "... (España). - Name - Europa Press" (tried second, or
#: "Europa Press - Archivo" would read as an agency called Archivo).
_DASH_CREDIT_NOW = regex(_DASH_CREDIT_HEAD + r"[\s.]*$")
_CAPS = CAPITALS
#: A news agency's name in capitals, then (after "PHOTO") the photographer's, ending the caption.
_AGENCY_NAME = regex(
    rf"(?<![^\s.])(?P<agency>[A-Z]{{2,8}})(?:\s+PHOTO)?\s+"
    rf"(?P<name>[{_CAPS}][{_CAPS}'’.-]*(?:\s+[{_CAPS}][{_CAPS}'’.-]*){{1,4}})\s*$"
)


#: A news agency's dateline: "GANGNEUNG, Jan. 20 (Yonhap) -- ", "NEW DELHI, March 3 (IANS) - ",
#: and Bernama's without the agency: "KOTA BHARU, Dec 2 -- ".
_AGENCY_DATELINE = regex(
    rf"\s*(?P<place>[{CAPITALS}][{CAPITALS}'’. -]{{1,40}}?),\s(?P<date>[A-Z][a-z]{{2,8}}\.?\s\d{{1,2}})\s"
    r"(?:\((?P<agency>[A-Za-z][\w .-]{1,30})\)\s?(?:--|[-–—:])|--)\s+")
_TODAY = regex(r"\b(?:today|this\s+morning|tonight)\b", re.IGNORECASE)
#: Bernama's credit: "--fotoBERNAMA (2024) COPYRIGHT RESERVED" (the year the date lacks).
_BERNAMA = regex(r"\s*--\s?foto\s?BERNAMA\s*\((?P<year>(?:19|20)\d\d)\)(?:\s*COPYRIGHT\s+RESERVED)?[\s.]*$")
#: Datelines that open a caption: NTB's "Oslo 20250304. ", ANP's "AMSTERDAM - ", Agência
#: Brasil's "Brasília (DF), 04/03/2025 - " (the state's code in brackets, a day-first date).
_COMPACT_DATELINE = regex(  # (and abroad: "Åre, Sverige 20190217. ")
    r"\s*(?P<place>[^\W\d_][^\W\d]*(?:[ -][^\W\d_][^\W\d]*){0,2}(?:, [^\W\d_][^\W\d]*(?: [^\W\d_][^\W\d]*)?)?)"
    r"[ \t]+(?P<date>(?:19|20)\d{6})(?:\.\s+|[ \t]*\n\s*)")
_CAPS_DATELINE = regex(rf"\s*(?P<place>[{CAPITALS}][{CAPITALS}'’.]+(?:[ -][{CAPITALS}][{CAPITALS}'’.]+){{0,2}})\s[-–]\s+(?=[{CAPITALS}(])")
#: Agência Brasil's "São Paulo - Eleitores votam ...": a city in ordinary case, then a dash (the
#: whole name must be a city the gazetteer knows: "Real Madrid - Barcelona" is no dateline).
_CITY_DASH_DATELINE = regex(r"\s*(?P<place>[^\W\d_][\w'’.]*(?: [\w'’.]+){0,2}) [-–] (?=[^\W\d_])")
#: Alamy Live News's "Aberystwyth, Ceredigion, Wales, UK. Tuesday 2nd January 2024. ": a first
#: sentence that is only a place (all of it, as the place reader finds it), then the date.
_PLACE_SENTENCE = regex(
    r"\s*(?P<place>[^\W\d_][^.\n:]{1,80}?)\.\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s[A-Z])")
_STATE_DATELINE = regex(
    rf"\s*(?P<place>[{CAPITALS}][^\W\d_]+(?: [^\W\d_]+){{0,3}}) \((?P<state>[A-Z]{{2}})\)"
    rf"(?:,\s(?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}))?\s[-–]\s+")  # the date may be missing: "Goiânia (GO) - "


def _opening_dateline(draft: Draft, start: int, end: int) -> tuple[int, bool]:
    """(where the body starts, whether a place was read) after a dateline that opens the caption
    with a known place."""
    text = draft.text
    m = (_COMPACT_DATELINE.match(text, start, end) or _CAPS_DATELINE.match(text, start, end)
         or _STATE_DATELINE.match(text, start, end) or _DOTTED_DATELINE.match(text, start, end))
    dateline = m is not None and m.re is not _STATE_DATELINE
    whole_city = whole_phrase = False
    if m is None:
        m = _CITY_DASH_DATELINE.match(text, start, end)
        whole_city = m is not None
    if m is None and (m := _PLACE_SENTENCE.match(text, start, end)) is not None:
        whole_phrase = True
    if m is None:
        return start, False
    place = find_place(text, m.start("place"), m.end("place"))
    if place is None and dateline:
        place = _home_town(draft, m)  # "GIETHOORN - ... ANP NAME": a village of the agency's country
    if whole_phrase and (place is None or place.start != m.start("place") or place.end != m.end("place")):
        return start, False
    if place is None or not (place.place.city and (place.place.lat is not None or place.place.country_code)):
        return start, False  # "FILE PHOTO - ", "UPDATE - ": not a place
    if whole_city and (place.city_span != m.span("place") or place.place.lat is None):
        return start, False
    key = next((k for k in ("date", "worded") if m.groupdict().get(k)), None)
    if key is not None:
        digits = m.group(key)
        dates = find_dates(digits, day_first=True) if not digits.isdigit() else []
        if digits.isdigit():
            try:
                day = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
            except ValueError:
                return start, False
            draft.put("date", day, m.span("date"))
            draft.caption.date_text = digits
            draft.caption.spans["date_text"] = m.span("date")
        elif dates and dates[0].date is not None:
            offset = m.start(key)
            d = dates[0]
            draft.put("date", d.date, (offset + d.start, offset + d.end))
            draft.caption.date_text = d.text
            draft.caption.spans["date_text"] = (offset + d.start, offset + d.end)
    draft.place(place)
    draft.take(m.span())
    return m.end(), True


def _taken_note(draft: Draft) -> bool:
    """Whether a "Picture taken ..." note set the date (it wins over the dateline's)."""
    return any(note.lower().startswith(("picture taken", "photo taken", "aufnahme vom")) for note in draft.caption.notes)


def _home_town(draft: Draft, m: re.Match[str]) -> PlaceMatch | None:
    """The dateline's town as written, in the country of the national agency that sent it
    (datelines name the town the gazetteer may not know: "Røros 20240220.", "URK - ")."""
    home = home_country(draft.caption.agency) if draft.caption.agency else None
    name = m.group("place").split(" (")[0].strip()  # "Telč (Jihlavsko)": the town, not its district
    if home is None or not name[:1].isupper() or country_code(name) is not None or len(name) > 40:
        return None
    span = (m.start("place"), m.start("place") + len(name))
    return PlaceMatch(Place(city=name, country_code=home), span[0], span[1], city_span=span)


#: PAP's "Szczyrk, 06.01.2024. ": the town, a dotted day-first date, a full stop.
_DOTTED_DATELINE = regex(
    r"\s*(?P<place>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2}(?: \([^()\n]{2,30}\))?), "
    r"(?:(?P<date>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)\.\s+"
    r"|(?P<worded>\d{1,2}\.\s[^\W\d_]{3,12}\s(?:19|20)\d\d)\s[-–]\s+)")  # and ČTK's "Telč, 2. září 2023 - "


def _comma_credit(chain: str) -> str:
    """A newspaper's "(Richard Drew, Associated Press)" as the chain "Richard Drew/Associated Press"
    (and "(Name, AFP/Getty Images)" as "Name/AFP/Getty Images")."""
    if ", " not in chain:
        return chain
    name, _, agency = chain.rpartition(", ")
    if "/" in name:
        return chain
    known = normalize_agency(agency.split("/", 1)[0])  # also "(Cole Burston, AFP/Getty Images)"
    return f"{name}/{agency}" if known is not None and is_news_agency(known) and name.strip() else chain


def _credit_like(text: str) -> bool:
    """A slash chain, a credit word, or a news agency's name alone ("(Kyodo)", "(Yonhap)")."""
    return "/" in text or _CREDIT_WORD.search(text) is not None or is_news_agency(text)


#: What follows a credit and is no part of it: a photo number in brackets (letters, digits and
#: underscores, no space), Action Images' "Livepic" on a line of its own.
_TRAILING_MARKER = regex(r"(?<=\))\s*\((?=[^)]*\d)[A-Za-z]{2,}[\w-]*\d[\w-]*\)[\s.]*$|\s*\n\s*Livepic[\s.]*$")
#: An agency's bracket that ends the line before a labelled photographer: "(Yonhap)\n".
_AGENCY_LINE_END = regex(r"\(([A-Z][\w -]{1,30})\)[ \t]*\n\s*$")
#: "==Kyodo": an agency's tag that ends the caption.
_AGENCY_TAG = regex(r"\s*==\s?(?P<name>[A-Za-z][\w .-]{1,30}?)\s*$")


_CREDIT_WORD = regex(r"\b(?:photos?|foto|credit|by|handout)\b|©", re.IGNORECASE)


FORMAT = GenericFormat()
