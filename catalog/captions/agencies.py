"""News agencies by name: the canonical name of an alias or a typo, home countries.

Aliases live in ``vocab/agencies.json`` (canonical name -> aliases, whether it is a news
agency that distributes pictures under its own credit, and its home country). Typos of
Reuters and Getty Images, and one-letter typos of long names ("Associatd Press"), are read
as the agency; an unknown name ending in "News Agency" is an agency by its own name.
"""

from __future__ import annotations

import re
from functools import cache

from catalog.captions.normalize import squash
from catalog.captions.vocab import load_json
from catalog.regexcache import regex


@cache
def _agency_table() -> tuple[dict[str, str], frozenset[str]]:
    aliases: dict[str, str] = {}
    news: set[str] = set()
    for canonical, info in load_json("agencies.json").items():
        if canonical.startswith("_"):
            continue
        aliases[canonical.lower()] = canonical
        for alias in info["aliases"]:
            aliases[alias.lower()] = canonical
        if info.get("news_agency"):
            news.add(canonical)
    return aliases, frozenset(news)


#: How captions misspell REUTERS (the Reuters format's anchor and this module's look-up share them).
REUTERS_SPELLINGS = ("REUTERS", "REUTER", "RUTERS", "RETUERS", "REUTRES", "REUETRS", "RUETERS", "REUTERES", "REUTERRS", "REUTRS")
_REUTERS_TYPO = regex(rf"^(?:{'|'.join(REUTERS_SPELLINGS)})$", re.IGNORECASE)


#: "Getty Imges", "Getty Iamges", "Gettty Images": a letter dropped, doubled or swapped.
_GETTY_TYPO = regex(r"^get{1,3}y\s+(?:im|ia|mi)[a-z]{2,5}$")


def normalize_agency(name: str) -> str | None:
    """Canonical agency for a name as printed ("RETUERS" -> "Reuters"), else ``None``."""
    key = squash(name).strip(" .,/_").lower()
    if not key:
        return None
    found = _agency_table()[0].get(key)
    if found is None and len(key) >= 12 and key.rsplit(" ", 1)[-1] in _TYPO_TAILS:
        found = _one_typo_away(key)  # "Associatd Press", "Anadolu Agnecy"
    if found is None and key.endswith(" photo"):  # "ANI Photo", "Jiji Press Photo", "PTI Photo"
        found = _agency_table()[0].get(key[:-6].rstrip())
    if found is None and key.endswith(_AGENCY_KEYS) and key.count(" ") >= 2 and name[:1].isupper():
        return " ".join(squash(name).strip(" .,/_").split())  # "Moskva News Agency": an agency by its name
    if found is None and key[0] == "r" and _REUTERS_TYPO.match(key):
        return "Reuters"
    if found is None and key[0] == "g" and _GETTY_TYPO.match(key):
        return "Getty Images"
    return found


#: An unknown name ending so is still a news agency ("Moskva News Agency", "Tasnim News Agency").
_AGENCY_KEYS = (" news agency", " press agency")
#: Last words of long agency names, where a one-letter typo is looked for ("Associatd Press").
_TYPO_TAILS = frozenset({"press", "presse", "agency", "images", "news", "photos", "pictures"})


@cache
def _long_aliases(tail: str) -> tuple[tuple[str, str], ...]:
    return tuple((alias, canonical) for alias, canonical in _agency_table()[0].items()
                 if len(alias) >= 11 and alias.rsplit(" ", 1)[-1] == tail)


@cache
def _one_typo_away(key: str) -> str | None:
    """The agency whose long name is one letter dropped, added, changed or swapped from ``key``."""
    tail = key.rsplit(" ", 1)[-1]
    for alias, canonical in _long_aliases(tail):
        if abs(len(alias) - len(key)) <= 1 and _edit_distance_at_most_one(alias, key):
            return canonical
    return None


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    return a[i:] == b[i + 1 :]


@cache
def _homes() -> dict[str, str]:
    return {name: info["home"] for name, info in load_json("agencies.json").items()
            if not name.startswith("_") and info.get("home")}


def home_country(agency: str) -> str | None:
    """The country a national agency photographs in unless its caption says otherwise
    (ANSA -> IT, Lusa -> PT, PA -> GB); ``None`` for the world agencies."""
    return _homes().get(agency)


def is_news_agency(name: str) -> bool:
    """True for a news agency (dpa, AFP, Sputnik), false for organisations and unknown names."""
    canonical = normalize_agency(name)
    return canonical is not None and canonical in _agency_table()[1]
