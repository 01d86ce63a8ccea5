"""Credits that newspapers rewrite at the end of a caption, read by the generic format.

* ``... on Monday. Ana Costa (AP)``, ``... in Sarnada.ANA COSTA (EFE)``: the photographer, then
  the agency in brackets (Spanish and Portuguese papers);
* ``... in Moscow. Ana Costa, AP``, ``...\\nANA COSTA, AFP Via Getty Images``: the photographer, a
  comma, the agency (American papers);
* ``... February 13, 2022 ANA COSTA AFP``: a name in capitals, then the agency;
* ``... in Murcia. Ana Costa Getty Images``: a name, then the agency, after the last sentence;
* ``... in the area. (Ana Costa)``: a name alone in brackets after the last sentence;
* ``... in the area. Ana Costa``, ``... la zona. Foto Ana Costa``: a name alone (or after "Foto")
  as the last sentence or line;
* ``... in Ramallah. WAFA photo by Ana Costa.``: the agency, "photo by", the name;
* ``... sous l'eau. AFP - ANA COSTA``: the agency, a dash, the name.
"""

from __future__ import annotations

from catalog.captions.citynames import country_of
from catalog.captions.credits import (
    Credit,
    is_news_agency,
    looks_like_org,
    normalize_agency,
    read_chain,
)
from catalog.captions.dates import is_month_word
from catalog.captions.formats.base import Draft
from catalog.captions.gazetteer import find_city
from catalog.captions.normalize import CAPITALS
from catalog.captions.placenames import Span
from catalog.regexcache import regex

#: A name of two to five words: capitalised words, and the particles of Iberian and Dutch names.
_NAME = rf"[{CAPITALS}][\w'’-]+(?:[ ](?:de|da|do|dos|das|del|la|van|von|der|[{CAPITALS}][\w'’.-]*)){{1,4}}"
#: Where such a credit starts: after a sentence's end (with or without its space) or a line break.
_AFTER_SENTENCE = r"(?:(?<=[a-z0-9)”\"'’][.!?])|(?<=[.!?] )|(?<=\n))"
_NAME_BEFORE_BRACKET = regex(rf"{_AFTER_SENTENCE}(?P<name>{_NAME})[ ]$")
_NAME_COMMA_AGENCY = regex(
    rf"{_AFTER_SENTENCE}(?P<credit>(?P<name>{_NAME}),[ ](?P<agency>[A-Z][\w.&-]*(?:[ ][A-Z][\w.&-]*){{0,3}}?)"
    r"(?P<via>[ ](?:[Vv]ia|VIA)[ ]Getty[ ]Images)?)[ \t.]*$")

#: An agency's word in capitals glued to the name after it: "REUTERSAna Costa".
_GLUED_AGENCY = regex(r"([A-Z]{2,})(?=[A-Z][a-z])")


def name_before_bracket(text: str, start: int, bracket: int) -> Span | None:
    """The photographer's name right before an agency's bracket ("... Monday. Ana Costa (AP)")
    at ``bracket``, when a sentence ends before it; None otherwise."""
    m = _NAME_BEFORE_BRACKET.search(text, max(start, bracket - 60), bracket)
    if m is None:
        return None
    s, e = m.span("name")
    if (glued := _GLUED_AGENCY.match(text, s, e)) is not None and normalize_agency(glued.group(1)) is not None:
        s = glued.end()  # "... 2024. REUTERSAna Costa (REUTERS)": the agency's word lost its space
    half = (e - s - 1) // 2
    if half > 3 and text[s : s + half] == text[e - half : e] and text[s + half] == " ":
        s = e - half  # a page that printed the name twice: "Ana Costa Ana Costa (EFE)"
    return s, e


def name_comma_agency(draft: Draft, start: int, end: int) -> int | None:
    """Record "Name, AGENCY" ending ``text[start:end]`` after a sentence; return where it starts."""
    text = draft.text
    if "," not in text[max(start, end - 80) : end]:
        return None  # cheap exit
    m = _NAME_COMMA_AGENCY.search(text, max(start, end - 110), end)
    if m is None:
        return None
    agency = normalize_agency(m.group("agency"))
    if agency is None or not is_news_agency(agency):
        return None
    if m.group("via") and agency != "Getty Images":
        credit = read_chain(f"{m.group('name')}/{m.group('agency')} via Getty Images")
    else:
        credit = Credit(agency=agency, photographer=m.group("name"))
    draft.credit(credit, m.span("credit"), photographer_span=m.span("name"), agency_span=m.span("agency"))
    return m.start("credit")


#: "... 2022 ANA COSTA AFP", "... in Baidoa. ANA COSTA AFP": after a sentence or a year.
_CAPS_NAME_AGENCY = regex(
    rf"(?:{_AFTER_SENTENCE}|(?<=\d{{4}} ))(?P<credit>(?P<name>[{CAPITALS}][{CAPITALS}'’-]+(?: [{CAPITALS}][{CAPITALS}'’.-]*){{1,3}})"
    r" (?P<agency>[A-Z]{2,8}))[ .]*$")
#: The ABC's "... a while. (Reuters: David Gray)", "(Supplied: Ana Costa)": a source, a colon, a name.
_SOURCE_THEN_NAME = regex(rf"(?<=[.!?\"”] )\((?P<credit>(?P<source>[{CAPITALS}][\w .'’&-]{{1,40}}?):\s*"
                          rf"(?P<name>[{CAPITALS}][\w'’-]+(?: [{CAPITALS}][\w'’.-]*){{1,3}}))\)[ .]*$")
#: "... in the area. (Ana Costa)": two to four capitalised words alone in brackets.
_BRACKETED_NAME = regex(rf"(?<=[.!?] )[(\[](?P<name>[{CAPITALS}][\w'’-]+(?: [{CAPITALS}][\w'’.-]*){{1,3}})[)\]][ .]*$")


def caps_name_agency(draft: Draft, start: int, end: int) -> int | None:
    """Record "ANA COSTA AFP" ending ``text[start:end]``; return where it starts."""
    text = draft.text
    m = _CAPS_NAME_AGENCY.search(text, max(start, end - 70), end)
    if m is None or (agency := normalize_agency(m.group("agency"))) is None or not is_news_agency(agency):
        return None
    draft.credit(Credit(agency=agency, photographer=m.group("name")), m.span("credit"),
                 photographer_span=m.span("name"), agency_span=m.span("agency"))
    return m.start("credit")


#: "... in Ramallah. WAFA photo by Ana Costa.", "Xinhua Photo by Ana Costa": after a sentence.
_AGENCY_PHOTO_BY = regex(
    rf"{_AFTER_SENTENCE}(?P<credit>(?P<agency>[A-Z][\w-]*(?: [A-Z][\w-]*){{0,2}}) (?:(?:[Pp]hoto|PHOTO) (?:by|BY)|[-–—]) "
    rf"(?P<name>{_NAME}))[ .]*$")


def agency_photo_by(draft: Draft, start: int, end: int) -> int | None:
    """Record "WAFA photo by Name" or "AFP - NAME" ending ``text[start:end]``; return where it starts."""
    text = draft.text
    tail = text[max(start, end - 70) : end]
    if "hoto by" not in tail and "HOTO BY" not in tail and " - " not in tail and " – " not in tail:
        return None  # cheap exit
    m = _AGENCY_PHOTO_BY.search(text, max(start, end - 80), end)
    if (m is None or (agency := normalize_agency(m.group("agency"))) is None or not is_news_agency(agency)
            or normalize_agency(m.group("name")) is not None):
        return None
    name = m.group("name").rstrip(".")  # the sentence's period is not the name's
    draft.credit(Credit(agency=agency, photographer=name), m.span("credit"),
                 photographer_span=(m.start("name"), m.start("name") + len(name)), agency_span=m.span("agency"))
    return m.start("credit")


_NAME_THEN_AGENCY = regex(rf"{_AFTER_SENTENCE}(?P<credit>{_NAME})[ .]*$")


def name_then_agency(draft: Draft, start: int, end: int) -> int | None:
    """Record "Ana Costa Getty Images" (a last sentence that is a name and an agency, no slash);
    return where it starts."""
    text = draft.text
    m = _NAME_THEN_AGENCY.search(text, max(start, end - 70), end)
    if m is None:
        return None
    words = m.group("credit").split(" ")
    for k in (2, 1):
        if k == 1 and not (words[-1].isupper() or words[-1] == "Reuters"):
            continue  # one word: "AFP", "EPA", "Reuters", not a surname such as Bloomberg or Getty
        agency = normalize_agency(" ".join(words[-k:]))
        if agency is not None and is_news_agency(agency) and len(words) - k >= 2:
            name = " ".join(words[:-k])
            if normalize_agency(name) is not None or looks_like_org(name) or words[0] in _NOT_FIRST_NAMES:
                return None
            s = m.start("credit")
            draft.credit(Credit(agency=agency, photographer=name), (s, m.end("credit")),
                         photographer_span=(s, s + len(name)), agency_span=(s + len(name) + 1, m.end("credit")))
            return s
    return None


def bracketed_name(draft: Draft, start: int, end: int) -> int | None:
    """Record a photographer named alone in brackets at the end ("(Ana Costa)", Al Jazeera's
    "[ANA COSTA]"), or after a source and a colon ("(Reuters: Ana Costa)"); return where the
    bracket opens."""
    text = draft.text
    if text[:end].rstrip(" .")[-1:] not in (")", "]"):
        return None  # cheap exit
    if (sourced := _SOURCE_THEN_NAME.search(text, max(start, end - 90), end)) is not None:
        agency = normalize_agency(sourced.group("source")) or ""  # the ABC's "(Reuters: David Gray)", "(Supplied: Name)"
        credit = Credit(agency=agency if is_news_agency(agency) else "", photographer=sourced.group("name"))
        draft.credit(credit, sourced.span("credit"), photographer_span=sourced.span("name"),
                     agency_span=sourced.span("source") if credit.agency else None)
        draft.take(sourced.span())
        return sourced.start()
    m = _BRACKETED_NAME.search(text, max(start, end - 60), end)
    if m is None or normalize_agency(m.group("name")) is not None or looks_like_org(m.group("name")):
        return None
    draft.credit(Credit(photographer=m.group("name")), m.span("name"), photographer_span=m.span("name"))
    draft.take(m.span())
    return m.start()


#: A last sentence or line that is a name alone, or a label ("Foto", "Photo", "Picture", "Pic.",
#: "Phot.") and a name. Unlabelled, the sentence before must end in a small letter or a digit
#: ("... U.S. President Joe Biden" ends no sentence at "U.S.").
_BARE_NAME = regex(rf"{_AFTER_SENTENCE}(?P<label>(?:Foto|FOTO|Photo|PHOTO|Picture|Pic\.?|Phot\.) )(?P<named>{_NAME})[ .]*$"
                   rf"|(?:(?<=[a-z0-9)”\"'’][.!?] )|(?<=\n))(?P<name>{_NAME})[ .]*$")
#: First words of a title or a greeting, not of a photographer's name.
_NOT_FIRST_NAMES = frozenset({"President", "Prime", "Prince", "Princess", "King", "Queen", "Pope", "Mayor", "Minister",
                              "Senator", "Governor", "General", "Sir", "Lord", "Lady", "Saint", "St", "St.", "Dr", "Dr.",
                              "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Happy", "Merry", "Chancellor", "Sheikh", "Emir"})
#: Last words of an organisation's name that ``looks_like_org`` does not know ("... Photos").
_ORG_LAST_WORDS = frozenset({"Photos", "Archive", "Library"})


def bare_name(draft: Draft, start: int, end: int) -> int | None:
    """Record a photographer named alone after the last sentence or on the last line ("... de la
    Unión Europea. Ana Costa", "... la zona. Foto Ana Costa", "Picture Ana Costa"); return where
    it starts. A place, an organisation, a month or an agency is no such name."""
    text = draft.text
    m = _BARE_NAME.search(text, max(start, end - 60), end)
    if m is None:
        return None
    group = "name" if m.group("name") else "named"
    name = m.group(group).rstrip(".")
    words = name.split(" ")
    if (len(words) > 4 or words[-1] in _ORG_LAST_WORDS or words[0] in _NOT_FIRST_NAMES
            or any(is_month_word(w) or country_of(w) for w in words)
            or find_city(name) is not None
            or country_of(name) or normalize_agency(name) is not None or looks_like_org(name)):
        return None
    s = m.start(group)
    draft.credit(Credit(photographer=name), (m.start(), s + len(name)), photographer_span=(s, s + len(name)))
    return m.start()
