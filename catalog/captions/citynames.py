"""Trimming a city name found in a caption down to the place itself.

A chunk that ends a place phrase may hold more than the town: a landmark before it
("Plaza Mayor de Madrid"), an owner's possessive ("Tokyo's Chiyoda Ward"), the
sentence's own subject ("Boats on Lake Inle"), or no town at all (a lake, a river,
a news agency). Each helper returns the span (or verdict) that ``placematch.build`` keeps.
"""

from __future__ import annotations

from catalog.captions import placenames
from catalog.captions.gazetteer import country_code, find_city, region_country
from catalog.captions.placenames import Span
from catalog.regexcache import regex

_PARTICLE = regex(r"\s(?:de|del|da|do|di|la|le|of|en|em|in|De|Del|Di)\s|\s(?:d|dell|all)['’](?=[A-ZÀ-Ý])")  # "La Concha en San Sebastián", "Festival d'Avignon"


def country_of(name: str) -> str | None:
    """ISO code of a country name as written, "the" allowed ("the Netherlands"), else None."""
    code = country_code(name)
    if code is None and name.lower().startswith("the "):
        code = country_code(name[4:])
    return code


def _big_city(name: str, cc: str | None) -> bool:
    """A city of 200,000 people or more known by ``name``, also as one of its other names."""
    city = find_city(name, country=cc) if cc is None else None
    return city is not None and city.population >= 200_000


#: Countries whose agencies write "X City" for the town X (China's always; the others when the
#: gazetteer knows X and not "X City").
_CITY_SUFFIXED = frozenset({"CN", "JP", "KR", "TW"})


def known_suffix(text: str, span: Span, cc: str | None) -> Span:
    """"Vista de la Plaza Mayor de Madrid": the known place after a particle, if the whole is unknown."""
    name = text[span[0] : span[1]]
    if cc in _CITY_SUFFIXED and name.endswith(" City") and " " not in name[:-5] and (
            cc == "CN" or (find_city(name, country=cc) is None and find_city(name[:-5], country=cc) is not None)):
        # Xinhua's "Huzhou City" (a city of prefecture rank), Kyodo's "Natori City": the town
        return (span[0], span[1] - 5)
    if " " not in name or find_city(name, country=cc) or natural_feature(name):
        return span  # (and "the Gulf of Aden" is a sea, not Aden)
    for m in _PARTICLE.finditer(name):
        suffix = name[m.end() :]
        if suffix[:1].isupper() and (find_city(suffix, country=cc, primary_only=cc is None) or _big_city(suffix, cc)):
            return (span[0] + m.end(), span[1])  # (a big city by another name: "Grand-Place de Bruxelles")
    return span


#: Last words of a venue or an event named after its city ("Incheon International Airport",
#: "Lusail Stadium", "Cannes Film Festival", "Paris Fashion Week", "Monaco Grand Prix").
_VENUE_LAST = placenames.words("airport stadium station arena university hospital harbour harbor castle"
                               " festival week marathon prix open carnival biennale show fair expo dome tower cathedral zoo"
                               " palace market hall museum aquarium gardens paradise court")


def venue_city(text: str, span: Span, cc: str | None) -> Span:
    """The city that begins a venue's name, if the whole is no town ("at Incheon International
    Airport" -> Incheon); else the span unchanged."""
    name = text[span[0] : span[1]]
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _VENUE_LAST or find_city(name, country=cc):
        return span
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head[:1].isupper() and find_city(head, country=cc, primary_only=cc is None):
            return (span[0], span[0] + name.index(words[n - 1]) + len(words[n - 1]))
    return span


def venue_region(text: str, span: Span) -> Span | None:
    """The region that begins a venue's name ("in the KwaZulu-Natal High Court"), if no town
    does; else None."""
    name = text[span[0] : span[1]]
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _VENUE_LAST or find_city(name):
        return None
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if find_city(head, primary_only=True):
            return None
        if head[:1].isupper() and region_country(head):
            return (span[0], span[0] + len(head))
    return None


#: Words that make a name a natural feature, not a town ("Inle Lake", "Mount Fuji", "Dead Sea").
_FEATURE_FIRST = placenames.words("lake mount mt. mt river gulf sea bay strait straits")
_FEATURE_LAST = placenames.words(
    "lake river sea ocean mountain mountains volcano glacier gulf strait canal lagoon reservoir desert peninsula break reef reserve"
    " agency ministry"  # and institutions: "North Korea's official Korean Central News Agency"
    # and buildings no town is named after ("at Worthy Farm in Somerset", "near Achairsky Monastery")
    " farm basilica cathedral church mosque temple shrine monastery abbey palace museum stadium arena"
    " hospital school university college airport prison hotel mall house"  # "White House": no town's name ends so
    " games olympics paralympics championship championships tournament"  # and events: "the Tokyo 2020 Olympic Games"
)
_MILITARY_POST = regex(r"\b(?:Base|Outpost)\b")
#: Parks that are no town ("Yellowstone National Park"; "Orchard Park, N.Y." is one).
_PARKS = (" national park", " state park", " nature park", " provincial park", " national forest",
          " state forest", " wildlife refuge", " nature reserve", " national monument")
#: Lower-case words that may join a name but also follow a sentence's subject ("Boats on Lake Inle").
_SUBJECT_JOINERS = placenames.words("on of and an")


def natural_feature(name: str) -> bool:
    """A lake, river, mountain, sea ... (or a news agency, a building) that the gazetteer does not
    know as a town."""
    first_space, last_space = name.find(" "), name.rfind(" ")
    if first_space < 0:
        return False
    if (" Base" in name or " Outpost" in name) and _MILITARY_POST.search(name) and find_city(name) is None:
        return True  # "Forward Operating Base Shukvani", "Command Outpost AJK", "Joint Base Andrews"
    if (name[:first_space].lower() not in _FEATURE_FIRST and name[last_space + 1 :].lower() not in _FEATURE_LAST
            and not name.lower().endswith(_PARKS)):
        return False
    if name.endswith(" House"):  # "White House" is only another name of Casablanca's
        return find_city(name, primary_only=True) is None
    return find_city(name) is None


def without_subject(text: str, span: Span, segment_start: int) -> Span:
    """"Boats on Lake Inle": a name that starts the segment and holds "on", "of", "and" may have
    swallowed the sentence's subject; unless the gazetteer knows the whole, the name is what
    follows the last such word."""
    if span[0] != segment_start:
        return span
    name = text[span[0] : span[1]]
    tokens = name.split(" ")
    cut = max((i for i, word in enumerate(tokens) if word in _SUBJECT_JOINERS), default=None)
    if cut is None or cut + 1 >= len(tokens) or find_city(name) or region_country(name) or country_of(name):
        return span
    return (span[0] + len(" ".join(tokens[: cut + 1])) + 1, span[1])


_INNER_POSSESSIVE = regex(r"['’]s\s")


def possessive_city(text: str, span: Span, cc: str | None) -> Span:
    """"Tokyo's Chiyoda Ward": a gazetteer city owning an unknown district or landmark is the city."""
    m = _INNER_POSSESSIVE.search(text, span[0], span[1])
    if m is None or find_city(text[span[0] : span[1]], country=cc):
        return span
    owner = text[span[0] : m.start()]
    if country_of(owner) is None and find_city(owner, country=cc, primary_only=cc is None) is not None:
        return (span[0], m.start())
    return span
