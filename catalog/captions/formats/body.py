"""The body of a caption: its picture date, its place and "Picture taken" notes.

:func:`describe` reads them from ``text[start:end]`` once a format has set its credit
and notes aside; :func:`sentence_end`, :func:`picture_taken` and :func:`us_reading`
serve formats that read the body their own way (Xinhua, generic).
"""

from __future__ import annotations

import re
from dataclasses import replace

from catalog.captions.dates import DateMatch, find_dates, in_range, is_month_word, is_release_date
from catalog.captions.formats.base import Draft, Span
from catalog.captions.gazetteer import alpha3_country, country_code
from catalog.captions.places import PlaceMatch, find_place
from catalog.captions.vocab import load_words
from catalog.regexcache import regex

_ABBREVIATIONS = load_words("abbreviations.txt")
_SENTENCE_END = regex(r"[.!?](?=[\"”’)]?\s+[\"“‘(]?[A-Z0-9])")


def sentence_end(text: str, start: int, end: int) -> int:
    """End (exclusive, after the period) of the sentence starting at ``start``; ``end`` if none.

    Periods of abbreviations (U.S., Ill., Sept., St.) and initials (J.) do not end it.
    """
    for m in _SENTENCE_END.finditer(text, start, end):
        pos = m.start()
        if text[pos] == ".":
            word_start = pos
            while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"“":
                word_start -= 1
            word = text[word_start:pos].lower().lstrip("(")
            if word in _ABBREVIATIONS and not (word in _STATE_ABBREVIATIONS and _OPENER.match(text, pos + 1)):
                continue  # but "in Renfrew, Pa. The jackpot ...": the state ends the sentence
            if len(word) == 1 and word.isalpha():
                continue
            if word.isdigit() and len(word) <= 2:
                continue  # German ordinal day: "am 5. März"
            if text[pos + 2 : pos + 3].isdigit() and is_month_word(word):
                continue  # a stray period after a month: "Thursday, April. 26, 2012"
            if len(word) > 2 and "." in word and not word.endswith(".."):
                continue  # U.S., N.Y., a.m.
        return pos + 1
    return end


#: AP's state abbreviations, which end a sentence when a sentence's usual first word follows.
_STATE_ABBREVIATIONS = frozenset(
    ["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va", "wash", "wis", "wyo"])
_OPENER = regex(r"\s+(?:(?:The|A|An|It|This|That|These|Those|He|She|They|In|On|At|After|During|Here|Police|Officials|"
                r"Authorities|Residents|Rescuers|Firefighters|Workers|Volunteers)\s"
                r"|[A-Z][a-z]+\s+(?=[a-z]))")  # or any word and a small one: "in Moore, Okla. Cleanup continues ..."


_PICTURE_TAKEN = regex(
    r"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n)|^|(?<=\w\s)(?=(?-i:Picture|Photo)\s+taken\s))"  # "... training Picture taken"
    r"(?:(?:Picture|Photo|Image|Photograph)\s+(?:was\s+)?taken\b|Picture\s+date\s?:|"
    r"(?:Archiv)?Aufnahme\s+vom\b)"
    r"(?:[^.\n]|\.(?!\s+[A-Z]|\s*$)){0,160}(?:\.|$)", re.IGNORECASE | re.MULTILINE
)
#: "In this Feb. 5, 2019, file photo, ..." and "This file photo taken on ..." (not "holds a file photo of").
_FILE_PHRASE = regex(
    r"\b(?:in|on)\s+(?:this|an?)\s+(?:[\w.,]+\s+){0,4}?file\s+(?:photo|picture|image)\b", re.IGNORECASE
)
_FILE_START = regex(  # "This file photo ...", Xinhua's "File photo taken on ...", Getty's "(FILE PHOTO)"
    r"\s*(?:(?:this|a)\s+file\s+(?:photo|picture|image)\b|file\s+(?:photo|picture)\s+(?:taken|shows|dated)\b"
    r"|\(file(?:\s+photo)?\))", re.IGNORECASE)
_WEEKDAY_START = regex(
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.IGNORECASE
)
_SHOWS = regex(r"\bshows?\b", re.IGNORECASE)
_DRONE = regex(r"\b(?:drone|UAV|aerial\s+(?:view|picture|photo))\b", re.IGNORECASE)
#: Drone pictures described in the first sentence ("A drone view shows ..."), not drone strikes.
_DRONE_VIEW = regex(
    r"\b(?:drone\s+(?:view|picture|photo(?:graph)?|image|shot)|taken\s+(?:by|with|from)\s+an?\s+drone)\b",
    re.IGNORECASE,
)
_IN_THIS = regex(
    r",?\s(?:in|on)\s+(?:this|an?)\s+(?:undated\s+|handout\s+|file\s+|still\s+|screen\s?)*"
    r"(?:photo|picture|image|handout|screen\s?grab|grab|still|video|photograph|file|illustration)"
    r"(?!\s+of\s+(?:the|a|an|his|her|their|[A-Z]))"  # (not "holding a mark on a photo of the general")
    # ... and in the agencies' own languages: "in una foto d'archivio", "en una foto de archivo",
    # "sur une photo d'archive", "em foto de arquivo", "auf einem Archivbild"
    r"|,?\s(?:in\s+una|en\s+una|sur\s+une|em|numa|auf\s+einem)\s+(?:foto|fotografía|photo|imagem|imagen|immagine)"
    r"(?:\s+(?:d['’]|de\s+)(?:archivio|archivo|archive|arquivo))?"
    r"|,?\s(?:auf\s+einem|in\s+einem)\s+Archivbild",
    re.IGNORECASE,
)
#: A place phrase that starts right after "in a file photo": " in Montreal on".
_PLACE_LEAD = regex(r"\s+(?:(?:taken|made|shot)\s+)?(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]")
#: Cheap test first: every match of ``_IN_THIS`` holds one of these (in lower case).
_IN_THIS_WORD = regex(r"photo|picture|image|handout|grab|still|video|file|illustration|foto|archivbild|imag")
_UNDATED = regex(r"\bundated\b", re.IGNORECASE)


def picture_taken(draft: Draft, start: int, end: int, *, year_hint: int | None) -> DateMatch | None:
    """Record "Picture taken ..." sentences as notes (and drone); return their date if any."""
    found: DateMatch | None = None
    if ("aken" not in draft.text and "AKEN" not in draft.text and "date" not in draft.text
            and "ufnahme" not in draft.text):
        return None  # no "taken" (or "Picture date", "Aufnahme vom") at all: skip the pattern
    for m in _PICTURE_TAKEN.finditer(draft.text, start, end):
        span = m.span()
        sentence = m.group(0)
        if _SHOWS.search(sentence):
            continue  # "Photo taken on Feb. 28, 2024 shows ...": the description itself
        draft.take(span)
        draft.caption.notes.append(sentence.strip())
        if _DRONE.search(sentence):
            draft.put("drone", True, span, take=False)
        dates = [d for d in find_dates(sentence, year_hint=year_hint) if d.date is not None]
        if dates and found is None:
            found = replace(dates[0], start=dates[0].start + span[0], end=dates[0].end + span[0])
    return found


def describe(draft: Draft, start: int, end: int, *, year_hint: int | None = None,
             day_first: bool | None = None, want_place: bool = True) -> None:
    """Find date, place and "Picture taken" notes in the body ``text[start:end]``.

    ``day_first`` is how a slashed date (05/03/2024) reads: ``True`` day/month, ``False``
    month/day (AP's house style); ``None`` (house style unknown) day/month unless the
    place found is in the United States (see ``us_reading``).

    The picture's date is the date of the first sentence that is not a release
    date (see ``_picture_date``), else a full date of one of the next two
    sentences; its place is the place phrase that ends the text before that
    date (or ends the first sentence when there is no date). A date after the
    credit is the caller's choice.
    """
    text = draft.text
    us_rule = day_first is None
    day_first = day_first is not False
    first_end = sentence_end(text, start, end)
    dates = [d for d in find_dates(text[:first_end], year_hint=year_hint, day_first=day_first)
             if d.start >= start and not _inside(d, draft.taken)]
    body_year = next((d.date.year for d in dates if d.has_year and d.date), year_hint)
    taken_date = picture_taken(draft, start, end, year_hint=body_year)
    dates = [d for d in dates if not _inside(d, draft.taken)]
    candidates = []
    for d in dates:
        if is_release_date(text, d):
            if not in_range(text, d):
                draft.take((d.start, d.end))
                draft.take_on_before(d.start)
        else:
            candidates.append(d)
    main = _picture_date(text, candidates)
    lowered = text[start:first_end].lower()
    undated = "undated" in lowered and _UNDATED.search(text, start, first_end) is not None
    sentence_start = start
    if main is None and taken_date is None and not undated:
        later = _later_dated_sentence(draft, first_end, end, year_hint, day_first)
        if later is not None:  # "Fans cheer. The team won in Dallas, Tuesday, March 5, 2024."
            sentence_start, first_end, main = later
    file_phrase = (_FILE_PHRASE.search(text, start, first_end) or _FILE_START.match(text, start, first_end)
                   if "file" in lowered else None)
    if file_phrase is not None and not draft.caption.file_photo:
        draft.put("file_photo", True, file_phrase.span(), take=False)  # "In this Feb. 5, 2019, file photo, ..."
    drone = _DRONE_VIEW.search(text, start, first_end) if "drone" in lowered else None
    if drone is not None and not draft.caption.drone:
        draft.put("drone", True, drone.span(), take=False)
    if taken_date is not None:
        draft.date(taken_date)
        if main is not None:
            draft.take((main.start, main.end))
    elif main is not None and not undated:
        draft.date(main)
    elif main is not None:
        draft.take((main.start, main.end))
    if want_place:
        place_end = main.start if main is not None else first_end
        if main is not None and text[place_end - 1 : place_end] == "(":
            place_end -= 1  # Antara's "on Sunday (7/7/2024)": the date in brackets after the day
        seg = text[sentence_start:place_end].lower()
        in_this = None
        for in_this in _IN_THIS.finditer(text, sentence_start, place_end) if _IN_THIS_WORD.search(seg) else ():  # noqa: B007
            pass  # the last: "in this photo taken from Tarumizu, ..., Japan, in this photo taken by Kyodo"
        after_this = None
        if in_this is not None:
            after_this = (in_this.end(), place_end)  # "is seen in a file photo in Montreal on ..."
            place_end = in_this.start()
        match = _colon_dateline(text, start, first_end)  # "Roszke, Hungary: A girl sleeps ..."
        if match is None and main is not None and _PLACE_AFTER.match(text, main.end, first_end):
            match = find_place(text, main.end, first_end)  # AP: "..., Monday, Jan. 8, 2024, in Washington."
        written = country_written_after(text, main.end, first_end) if main is not None else None
        country_after = written[:2] if written is not None else None  # "in Hroza, October 6, 2023, Ukraine."
        if match is None:
            match = find_place(text, sentence_start, place_end, default_country=country_after)
        if match is not None and (clause := _CLAUSE.search(text, match.start, place_end)) is not None:
            match = _before_plain_clause(text, sentence_start, clause.start(), place_end) or match
        if match is None and after_this is not None and _PLACE_LEAD.match(text, *after_this):
            match = find_place(text, after_this[0], after_this[1], default_country=country_after)
        if match is None:
            match = _before_a_clause(text, sentence_start, place_end)
        if match is not None and match.start - sentence_start > 12:
            match = before_hometown(text, match, sentence_start) or match
        later_phrase = None
        if match is not None and main is not None and match.country_span is None and main.end < first_end - 8:
            later_phrase = _country_after_date(text, match, main.end, first_end)
        if match is None and main is not None:
            match = find_place(text, main.end, first_end)  # "..., March 5, 2024, Hungary."
            if match is None and (clause := _CLAUSE.search(text, main.end, first_end)) is not None:
                match = find_place(text, main.end, clause.start())  # "... shows Kherson after the ..."
        if match is None and sentence_start > start:
            match = find_place(text, start, sentence_end(text, start, end))
        if match is not None:
            draft.place(match)
            use_country_after(draft, match, written)
        if later_phrase is not None:
            draft.take(later_phrase)
    if us_rule and draft.caption.country_code == "US" and "/" in draft.caption.date_text:
        us_reading(draft)


#: "... of a soldier from the nearby town of ": a hometown, not where the picture was taken.
_FROM_BEFORE = regex(
    r"\b(?:man|woman|boy|girl|child|children|soldier|soldiers|family|families|resident|residents|"
    r"refugee|refugees|people|fans?|supporters?|pilgrims?|migrants?|worker|workers|student|students|"
    r"athlete|player|volunteers?|relatives?|victims?)\s+from\s+(?:the\s+(?:nearby\s+)?"
    r"(?:town|city|village|region|province)\s+of\s+)?$", re.IGNORECASE)


def before_hometown(text: str, match: PlaceMatch, sentence_start: int) -> PlaceMatch | None:
    """"in Lviv during the funeral of a soldier from the nearby town of Sambir": the last place
    phrase is someone's hometown; the place named before it is where the picture was taken."""
    start = match.start
    words = text[max(sentence_start, start - 60) : start]
    if "from" not in words:
        return None
    lead = _FROM_BEFORE.search(text, max(sentence_start, start - 60), start)
    if lead is None:
        return None
    earlier = find_place(text, sentence_start, lead.start())
    return earlier if earlier is not None and earlier.place.city else None


def country_written_after(text: str, start: int, end: int) -> tuple[str, Span, Span | None] | None:
    """(code, span) of a country that ends the sentence after its date, and the span of a region
    written before it: "in the village of Hroza, October 6, 2023, Ukraine.", ", Van, Turkey." """
    after = _COUNTRY_AFTER.match(text, start, end)
    if after is None or (code := country_code(after.group("name"))) is None:
        return None
    return code, after.span("name"), after.span("region") if after.group("region") else None


def use_country_after(draft: Draft, place: PlaceMatch, written: tuple[str, Span, Span | None] | None) -> None:
    """When the place took its country from :func:`country_written_after`, that phrase leaves the
    subject, and the region written before it is the place's (", Kharkiv region, Ukraine.")."""
    if written is None or place.country_span != written[1]:
        return
    draft.take(written[1])
    if written[2] is not None and not draft.caption.region:
        draft.put("region", draft.text[written[2][0] : written[2][1]], written[2])


_IN_AFTER_DATE = regex(r"[\s,]*in\s")


def _country_after_date(text: str, match: PlaceMatch, start: int, end: int) -> Span | None:
    """"in the village of Aitaroun on December 4, 2024, in southern Lebanon near the border with
    Israel": a country written after the date is the village's, over one guessed from context.
    Returns the phrase that says so (it leaves the subject), or None."""
    lead = _IN_AFTER_DATE.match(text, start, end)
    if lead is None:
        return None  # ", amid the war in Sudan": not where the picture was taken
    phrase_end = start + len(text[start:end].rstrip(" ."))
    later = find_place(text, start, phrase_end)
    if later is None or later.country_span is None or later.city_span is not None:
        return None
    code = later.place.country_code
    same = code == match.place.country_code
    match.place = replace(match.place, country=later.place.country, country_code=code,
                          lat=match.place.lat if same else None, lon=match.place.lon if same else None)
    match.country_span = later.country_span
    return (start + len(lead.group(0)) - 3, phrase_end)


def us_reading(draft: Draft) -> None:
    """A slashed date read day-first in a caption placed in the US is month/day (05/03/2024 is
    May 3): US house styles write the month first. A number above 12 already decided it."""
    cap = draft.caption
    m = _SLASHED.fullmatch(cap.date_text)
    if m is None or cap.date is None or int(m.group(1)) > 12 or int(m.group(2)) > 12:
        return
    try:
        cap.date = cap.date.replace(month=cap.date.day, day=cap.date.month)
    except ValueError:
        return


_SLASHED = regex(r"(\d{1,2})/(\d{1,2})/\d{2,4}")


def _later_dated_sentence(draft: Draft, pos: int, end: int, year_hint: int | None,
                          day_first: bool) -> tuple[int, int, DateMatch] | None:
    """(start, end, date) of the first of the next two sentences holding a full date."""
    text = draft.text
    for _ in range(2):
        while pos < end and text[pos] in " \n":
            pos += 1
        if pos >= end:
            return None
        stop = sentence_end(text, pos, end)
        for d in find_dates(text[:stop], year_hint=year_hint, day_first=day_first):
            if (d.start >= pos and d.has_year and d.date is not None and not _inside(d, draft.taken)
                    and not is_release_date(text, d)):
                return pos, stop, d
        pos = stop
    return None


def _picture_date(text: str, candidates: list[DateMatch]) -> DateMatch | None:
    """The first sentence's date of the picture: one with a weekday (AP), else the last with a
    year (the date ends the sentence: "... commemorating October 7, 2023, in Tel Aviv, March 5,
    2024."), else the first."""
    if not candidates:
        return None
    for d in candidates:
        if _WEEKDAY_START.match(d.text):
            return d
    if len(candidates) > 1:  # "... in Paris on October 22, 2025, three days after thieves struck on October 19"
        candidates = [d for d in candidates if not _REFERENCE_CLAUSE.search(
            text, max(text.rfind(",", 0, d.start) + 1, d.start - 120), d.start)] or candidates
    with_year = [d for d in candidates if d.has_year]
    return with_year[-1] if with_year else candidates[0]


#: A date inside a clause that refers to another day ("days after ...", "since ..."): not the picture's.
_REFERENCE_CLAUSE = regex(r"\b(?:after|since|before|following|ahead\s+of|until)\b", re.IGNORECASE)


def _inside(d: DateMatch, taken: list[Span]) -> bool:
    start, end = d.start, d.end
    for s, e in taken:  # noqa: SIM110 - a loop: any() over a generator costs more
        if s <= start and end <= e:
            return True
    return False


#: Where a clause that names no place begins, after the place: "... of Kherson after the destruction".
#: A place written before a colon that opens the caption: "Roszke, Hungary: ", "Mosul, Iraq: ".
_PLACE_COLON = regex(r"[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,3}(?:,\s[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,3}){1,2}"
                        r"(?=:\s+[A-Z0-9“\"‘'])")


def _colon_dateline(text: str, start: int, end: int) -> PlaceMatch | None:
    """The place of a caption that opens "Town, Country: ...", when it ends in a country or a state."""
    opening = _PLACE_COLON.match(text, start, end)
    if opening is None:
        return None
    match = find_place(text, start, opening.end())
    return match if match is not None and match.country_span is not None else None


_CLAUSE = regex(r"\s(?:as|after|while|during|when|following|amid|before|ahead\s+of|--|—|–)\s")
_COUNTRY_AFTER = regex(r",\s(?:(?P<region>[A-Z][\w.'’ -]{1,40}?),\s)?(?P<name>[A-Z][\w.'’ -]{1,40}?)[.\s]*$")  # ", Kharkiv region, Ukraine."
_PLACE_AFTER = regex(r",?\s(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][^.,;]{0,60}(?:,(?:[^.,;]|\.(?=\w)){1,40}){0,2}\.?\s*$")  # "in Charlotte, N.C."


_SEMICOLON_DATELINE = regex(r"\s*(?P<date>[^;\n]{6,30});\s*(?P<place>[^;\n]{3,80});\s*")


#: ZUMA: "April 8, 2024, Mazatlan, Sinaloa, Mexico: <what happens>" (the date is the whole first part).
_COLON_DATELINE = regex(r"\s*(?P<date>[^;:\n]{6,30}?\d{4}),\s*(?P<place>[^;:\n]{3,80}?):\s+")


_CAPITAL_WORD = regex(r"\b[A-Z][a-z]")


def _before_plain_clause(text: str, start: int, cut: int, end: int) -> PlaceMatch | None:
    """"in Urayasu in Chiba Prefecture as a new area opens": a clause with no name in it ends the
    place phrase; the place read without it, when that names a town."""
    if _CAPITAL_WORD.search(text, cut, end):
        return None
    match = find_place(text, start, cut)
    return match if match is not None and match.place.city else None


def _before_a_clause(text: str, start: int, end: int) -> PlaceMatch | None:
    """"over the skyline of Johannesburg during a summer thunderstorm": the place phrase ends
    where a clause that names no place begins (the last such clause first, three at most)."""
    clauses = [m.start() for m in _CLAUSE.finditer(text, start, end)][-3:]
    for cut in reversed(clauses):
        if (match := find_place(text, start, cut)) is not None:
            return match
    return None


def sports_dateline(draft: Draft, start: int, end: int, year_hint: int | None) -> int:
    """Sports wires: "Mar 5, 2024; Los Angeles, California, USA; <what happens>"; ZUMA's
    "April 8, 2024, Mazatlan, Sinaloa, Mexico: <what happens>"."""
    m = _SEMICOLON_DATELINE.match(draft.text, start, end)
    colon = m is None
    if colon:
        m = _COLON_DATELINE.match(draft.text, start, end) if draft.text[start : start + 1].isalpha() else None
    if m is None:
        return start
    dates = find_dates(m.group("date"), year_hint=year_hint)
    if not dates or dates[0].date is None:
        return start
    if colon and (dates[0].start, dates[0].end) != (0, len(m.group("date"))):
        return start
    offset = m.start("date")
    d = dates[0]
    draft.put("date", d.date, (offset + d.start, offset + d.end))
    draft.caption.date_text = d.text
    draft.caption.spans["date_text"] = (offset + d.start, offset + d.end)
    place_start, place_end, country = m.start("place"), m.end("place"), None
    comma = draft.text.rfind(",", place_start, place_end)
    if comma > 0 and (code := alpha3_country(draft.text[comma + 1 : place_end].strip())) is not None:
        country = (code, (place_end - 3, place_end))  # Imagn's "Toronto, Ontario, CAN"
        place_end = comma
    place = find_place(draft.text, place_start, place_end, default_country=country)
    if place is not None:
        draft.place(place)
    draft.take(m.span())
    if (filed := _FILE_FIELD.match(draft.text, m.end(), end)) is not None:  # "...; USA; FILE PHOTO; Fans ..."
        draft.put("file_photo", True, filed.span("mark"))
        draft.take(filed.span())
        return filed.end()
    return m.end()


_FILE_FIELD = regex(r"(?P<mark>FILE\s+PHOTO|File\s+Photo|FILE)\s*;\s*")
