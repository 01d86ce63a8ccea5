"""catalog.captions.places: the place phrase, its parts, and the traps of issue 3."""

from __future__ import annotations

import pytest

from catalog import parse_caption
from catalog.captions.gazetteer import country_code, find_city, us_state
from catalog.captions.places import find_place, resolve


def place_of(segment: str) -> tuple[str, str, str, str]:
    match = find_place(segment)
    assert match is not None, segment
    p = match.place
    return p.city, p.region, p.country, p.country_code


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("smoke rises from the frontline Donbas city of Bakhmut, Ukraine, ", ("Bakhmut", "", "Ukraine", "UA")),
        ("A ferry leaves the harbour at dawn in Lyon, France ", ("Lyon", "", "France", "FR")),
        ("Voters wait outside a school in Springfield, Ill., ", ("Springfield", "Ill.", "", "US")),
        ("People shop in Iraq's southern port city of Basra, ", ("Basra", "", "Iraq", "IQ")),
        ("Workers dry toys in the southeastern Spanish town of Ibi, ", ("Ibi", "", "", "ES")),
        ("Soldiers rest near Kherson, Ukraine, ", ("Kherson", "", "Ukraine", "UA")),
        ("Residents look at damage in Bucha, Kyiv region, Ukraine, ", ("Bucha", "Kyiv region", "Ukraine", "UA")),
        ("A rally in Springfield, Illinois, U.S., ", ("Springfield", "Illinois", "U.S.", "US")),
        ("Commuters wait in Seoul , South Korea ", ("Seoul", "", "South Korea", "KR")),
        ("People gather in Gaza City on ", ("Gaza City", "", "", "PS")),
        ("Ice skaters in Amsterdam, the Netherlands, ", ("Amsterdam", "", "the Netherlands", "NL")),
        ("A VIEW OF DAMAGED BUILDINGS IN MARIUPOL, UKRAINE ", ("MARIUPOL", "", "UKRAINE", "UA")),
        ("Lanterns float in Hoi An, Vietnam, during the full moon festival, ", ("Hoi An", "", "Vietnam", "VN")),
        ("Mourners gather in Potocari near Srebrenica, Bosnia and Herzegovina ",
         ("Potocari", "", "Bosnia and Herzegovina", "BA")),
        ("A choir sings at the town hall, Hastings, East Sussex, ", ("Hastings", "East Sussex", "", "GB")),
    ],
)
def test_place_phrases(segment: str, expected: tuple[str, str, str, str]) -> None:
    assert place_of(segment) == expected


def test_distance_phrase_is_not_the_place() -> None:
    city, _, country, _ = place_of("A farmer works in the village of Tiszafured, 245 km east of Budapest, Hungary ")
    assert (city, country) == ("Tiszafured", "Hungary")


def test_direction_phrase_is_not_the_place() -> None:
    city, *_ = place_of("Farmers drive towards Paris, in Chilly-Mazarin, south of Paris, on ")
    assert city == "Chilly-Mazarin"


def test_hometown_is_not_the_place() -> None:
    city, _, country, _ = place_of("A man from Lviv, Ukraine, photographed in Warsaw, Poland, ")
    assert (city, country) == ("Warsaw", "Poland")


def test_demonyms_and_flags_are_not_places() -> None:
    assert find_place("A man waves a Turkish flag") is None
    city, *_ = place_of("A man waves a Turkish flag in Istanbul, Turkey, ")
    assert city == "Istanbul"


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        ("Firefighters work in Rome, New York, ", ("Rome", "New York", "US")),
        ("People walk in Tbilisi, Georgia, ", ("Tbilisi", "", "GE")),
        ("Fans cheer in Atlanta, Georgia, ", ("Atlanta", "Georgia", "US")),
        ("Protesters gather in Washington, ", ("Washington", "", "US")),
        ("Biden speaks at the White House in Washington, U.S., ", ("Washington", "", "US")),
        ("A man walks in Paris, on ", ("Paris", "", "FR")),
    ],
)
def test_ambiguous_places(segment: str, expected: tuple[str, str, str]) -> None:
    city, region, _, code = place_of(segment)
    assert (city, region, code) == expected


def test_coordinates_come_from_the_gazetteer() -> None:
    match = find_place("in Lyon, France ")
    assert match.place.lat == pytest.approx(45.75, abs=0.1)
    assert match.place.lon == pytest.approx(4.85, abs=0.1)
    unknown = find_place("in the village of Tiszafured, Hungary ").place
    assert unknown.lat is None and unknown.country_code == "HU"


def test_spans_point_at_the_names() -> None:
    text = "Voters wait outside a school in Springfield, Ill., "
    match = find_place(text)
    assert text[slice(*match.city_span)] == "Springfield"
    assert text[slice(*match.region_span)] == "Ill."
    assert match.country_span is None


def test_an_unconfirmed_capitalised_word_is_not_a_place() -> None:
    assert find_place("A dog named Biscuit sleeps on a Sofa") is None


def test_resolve_a_bare_place() -> None:
    assert resolve("Springfield, Ill.").country_code == "US"
    assert resolve("Bakhmut").country_code == "UA"
    assert resolve("nothing here") is None


def test_gazetteer_lookups() -> None:
    for name in ("Britain", "U.K.", "England", "Scotland", "Wales"):
        assert country_code(name) == "GB"
    for name in ("U.S.", "United States", "USA"):
        assert country_code(name) == "US"
    assert [us_state(n) for n in ("Ill.", "Calif.", "N.Y.", "Wash.", "Ga.", "Texas")] == [
        "IL", "CA", "NY", "WA", "GA", "TX"]
    assert us_state("In") is None  # a word, not Indiana
    assert find_city("Springfield", country="US", admin1="IL").admin1 == "IL"
    assert find_city("White House", primary_only=True) is None


def test_region_of_is_a_region() -> None:
    assert place_of("the town of Ibi, in the southeastern Spanish region of Alicante, ") == ("Ibi", "Alicante", "", "ES")
    assert place_of("Soldiers patrol in the province of Helmand, Afghanistan, ") == ("", "Helmand", "Afghanistan", "AF")
    # but a district of a city is the city
    assert place_of("a fire in the Menderes district of Izmir, Turkiye on ")[0] == "Izmir"


def test_capitalised_article_belongs_to_the_name() -> None:
    assert place_of("Police stand guard outside the court in The Hague, Netherlands, ")[0] == "The Hague"


def test_city_index_is_built_once_on_disk_and_read_back(tmp_path, monkeypatch) -> None:
    from catalog.captions import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.city_index.cache_clear()
    try:
        built = gazetteer.city_index()
        lyon = built.rows("lyon")
        assert lyon and lyon[0][:2] == ("Lyon", "FR")
        (index_file,) = tmp_path.rglob("*.sqlite")
        stamp = index_file.stat().st_mtime_ns
        gazetteer.city_index.cache_clear()
        loaded = gazetteer.city_index()
        assert loaded.rows("lyon") == lyon and loaded.is_primary("lyon")
        assert not loaded.is_primary("no such town") and loaded.rows("no such town") == ()
        assert index_file.stat().st_mtime_ns == stamp, "a sound index was rebuilt"
    finally:
        gazetteer.city_index.cache_clear()


def test_damaged_city_index_is_rebuilt(tmp_path, monkeypatch) -> None:
    from catalog.captions import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer._cache_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all")
    gazetteer.city_index.cache_clear()
    try:
        assert gazetteer.city_index().rows("lyon")[0][1] == "FR"
    finally:
        gazetteer.city_index.cache_clear()


def test_city_index_in_memory_when_the_cache_folder_is_read_only(tmp_path, monkeypatch) -> None:
    from catalog.captions import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file-not-folder"))
    (tmp_path / "file-not-folder").write_text("a file where the cache folder should be")
    gazetteer.city_index.cache_clear()
    try:
        index = gazetteer.city_index()
        assert index.rows("lyon")[0][1] == "FR" and index.is_primary("lyon")
    finally:
        gazetteer.city_index.cache_clear()


def test_city_lookups_work_in_a_forked_child() -> None:
    import multiprocessing

    from catalog.captions import gazetteer

    gazetteer.city_index().rows("paris")  # the parent's connection is open before the fork
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_rows_in_this_process, ("turin",))[0][1] == "IT"


def _rows_in_this_process(key: str) -> tuple:
    from catalog.captions import gazetteer

    return gazetteer.city_index().rows(key)


def test_washington_and_new_york_as_city_or_state() -> None:
    assert place_of("Protesters rally on Capitol Hill, Washington, ")[0:3:2] == ("Washington", "")
    assert place_of("Rain falls in Seattle, Washington, U.S., ")[:2] == ("Seattle", "Washington")


def test_known_place_after_a_particle() -> None:
    assert place_of("Vista de la Plaza Mayor de Madrid, España, el ")[0] == "Madrid"
    assert place_of("Fans react at the stadium in Rio de Janeiro, Brazil, ")[0] == "Rio de Janeiro"


def test_a_last_chunk_that_is_no_place_is_dropped() -> None:
    assert place_of("Fireworks light the sky over Sydney, Australia, on New Year's Eve, ")[:4:3] == ("Sydney", "AU")


def test_country_from_the_words_before_the_city() -> None:
    assert place_of("Palestinians gather in the Israeli-occupied West Bank city of Hebron, ")[3] == "PS"
    assert place_of("Smoke rises in the Russian-controlled city of Donetsk, ")[3] == "UA"
    assert place_of("Rescuers work in the eastern Ukrainian city of Kramatorsk, ")[3] == "UA"


@pytest.mark.parametrize(
    ("caption", "city", "code"),
    [
        ("Soldiers ride a truck in the town of Pokrovsk, about 40 km (25 miles) from Donetsk, in Donetsk region, "
         "Ukraine, May 8, 2024. REUTERS/Ana Costa", "Pokrovsk", "UA"),
        ("A soldier fires a howitzer near Chasiv Yar, in the Donetsk region, on May 6, 2024. (Photo by Ana COSTA / AFP)",
         "Chasiv Yar", "UA"),
        ("Smoke rises after an Israeli strike on a building in Beirut's southern suburbs on May 3, 2024. "
         "(Photo by Ana COSTA / AFP)", "Beirut", "LB"),
        ("Kenya's Faith Kipyegon runs the 1500m final at Stade de France in Saint-Denis, north of Paris, "
         "on August 10, 2024. (Photo by Ana COSTA / AFP)", "Saint-Denis", "FR"),
        ("Lanterns glow along a street in Tokyo's Shinjuku Ward on May 2, 2024. (Kyodo)", "Tokyo", "JP"),
        ("Turistas pasean por la Plaza Mayor de Madrid este lunes 6 de mayo de 2024. EFE/Ana Costa", "Madrid", "ES"),
        ("Agricultores protestan este jueves en Córdoba (Argentina). EFE/Ana Costa", "Córdoba", "AR"),
        ("Vista de la Mezquita de Córdoba este domingo 5 de mayo de 2024. EFE/Costa", "Córdoba", "ES"),
        ("Der Hafen in Hamburg bei Sonnenaufgang. Foto: Ana Costa/dpa", "Hamburg", "DE"),
        ("Ein Zug fährt in den Bahnhof in Frankfurt am Main ein. Foto: Ana Costa/dpa", "Frankfurt am Main", "DE"),
    ],
)
def test_place_phrases_of_blind_set_three(caption: str, city: str, code: str) -> None:
    from catalog.captions import parse_caption

    cap = parse_caption(caption)
    assert (cap.city, cap.country_code) == (city, code)
    start, end = cap.spans["city"]
    assert cap.text[start:end] == city


def test_as_seen_from_a_known_town_is_where_the_camera_stood() -> None:
    from catalog.captions import parse_caption

    known = parse_caption("Smoke rises over Gaza, as seen from Ashkelon, March 5, 2024. REUTERS/Ana Costa")
    assert (known.city, known.country_code) == ("Ashkelon", "IL")
    country = parse_caption("Smoke rises over Gaza, as seen from Israel, March 5, 2024. REUTERS/Ana Costa")
    assert (country.city, country.country_code) == ("", "IL")
    # an unknown town may be across the border: the place named before it stands
    unknown = parse_caption("Smoke rises over Khiam, Lebanon, as seen from Metula, March 5, 2024. REUTERS/Ana Costa")
    assert (unknown.city, unknown.country_code) == ("Khiam", "LB")


def test_city_before_on_the_region() -> None:
    from catalog.captions import parse_caption

    cap = parse_caption("Children walk past tents in Rafah on the southern Gaza Strip on May 8, 2024. (Photo by AFP)")
    assert (cap.city, cap.country_code) == ("Rafah", "PS")


@pytest.mark.parametrize(("caption", "city", "country_code"), [
    # Canadian Press's province abbreviations, which also name cities elsewhere ("Man" is in Ivory Coast).
    ("A bear walks on the shore near Churchill, Man., on Monday, Nov. 6, 2017.", "Churchill", "CA"),
    ("Shoppers at a market in London, Ont., on Friday, May 4, 2018.", "London", "CA"),
    ("Boats at the wharf in Sydney, N.S., on Tuesday, June 5, 2018.", "Sydney", "CA"),
    # The district of a city ("Baghdad's Karrada district") is in that city.
    ("Police inspect a car in Baghdad's Karrada district July 4, 2006.", "Baghdad", "IQ"),
    # The town, then the island it is on: the town is the place, the adjective names the country.
    ("Tourists walk in Funchal, on the Portuguese island of Madeira, August 4, 2018.", "Funchal", "PT"),
    ("Boats land near the village of Molyvos, on the Greek island of Lesbos, Oct 2, 2015.", "Molyvos", "GR"),
    ("Trees fall in Saint-Denis, on the French Indian Ocean island of La Réunion, on Jan 7, 2024.",
     "Saint-Denis", "RE"),
    # A venue's name run through "en" or "im", then a town the gazetteer knows: the town.
    ("Turistas en el Museo del Prado en Madrid, el 3 de mayo de 2024. (Foto de Ana COSTA / AFP)", "Madrid", "ES"),
    ("Ein Mann geht durch Freiburg im Breisgau am 3. Mai 2024. Foto: Ana Costa/dpa", "Freiburg im Breisgau", "DE"),
    # A venue named after its city.
    ("Travellers queue at Incheon International Airport, west of Seoul, on Jan. 2, 2017.", "Incheon", "KR"),
    # A distance in words is a distance too.
    ("A man inspects his house in Sderot, less than a mile from the Gaza Strip, July 3, 2014.", "Sderot", "IL"),
    # A region in brackets (EFE) names the country; a name joined to the city by "en" is left out.
    ("Vista de la playa de La Concha en San Sebastián (País Vasco), este jueves.", "San Sebastián", "ES"),
    # Country names in other languages (vocab/country_names_intl.json); Granada is also a town.
    ("Vendedores no mercado, em Maputo, Moçambique, 7 de abril de 2024. ANA COSTA/LUSA", "Maputo", "MZ"),
    ("Des manifestants à Leipzig, Allemagne, le 3 mai 2024. (Photo Ana COSTA / AFP)", "Leipzig", "DE"),
    ("Vista del puerto de Granada, Nicaragua, el 3 de mayo de 2024. EFE/Ana Ruiz", "Granada", "NI"),
    # Place phrases in the agencies' own languages: leads, elisions, départements, weekdays.
    ("Acqua alta in piazza San Marco a Venezia in una foto d'archivio del 29 ottobre 2018. ANSA/ANNA ROSSI",
     "Venezia", "IT"),
    ("Des spectateurs dans la cour du palais lors du Festival d'Avignon, le 6 juillet 2023. (Photo Ana COSTA / AFP)",
     "Avignon", "FR"),
    ("Commuters walk through Waterloo Station in London during a Tube strike. Picture date: Tuesday March 4, "
     "2025. Photo credit should read: Sam Reyes/PA Wire", "London", "GB"),
    ("Des alpinistes sur l'arête, près de Chamonix (Haute-Savoie), le 19 juillet 2022. (Photo Ana COSTA / AFP)",
     "Chamonix", "FR"),
    ("Des vendangeurs à Hautvillers, près d'Epernay (Marne), le 30 août 2024. (Photo Ana COSTA / AFP)", "Epernay", "FR"),
    ("Vue du port d'Anvers, jeudi 11 janvier 2024. BELGA PHOTO ANA COSTA", "Anvers", "BE"),
    ("Vecinos caminan en Quito, el martes 3 de mayo de 2022. EFE/Ana Ruiz", "Quito", "EC"),
])
def test_place_forms_of_regional_and_archive_captions(caption: str, city: str, country_code: str) -> None:
    parsed = parse_caption(caption)
    assert (parsed.city, parsed.country_code) == (city, country_code)


def test_reuters_archive_tag_block_names_the_country_and_is_kept_as_a_note() -> None:
    parsed = parse_caption("Fighters rest in the Salaheddine neighbourhood August 8, 2012. "
                           "REUTERS/Stringer (SYRIA - Tags: CONFLICT POLITICS)")
    assert parsed.country_code == "SY"
    assert parsed.notes == ["SYRIA - Tags: CONFLICT POLITICS"] and "Tags" not in parsed.subject


def test_an_animal_named_after_a_people_gives_no_country() -> None:
    parsed = parse_caption("A Burmese python is caught in Chokoloskee, March 3, 2024. REUTERS/Ana Costa")
    assert parsed.country_code != "MM"
    assert parse_caption("Russian tanks move near Chernihiv, March 3, 2022. REUTERS/Ana Costa").country_code == "UA"


def test_a_town_of_the_country_that_follows_needs_no_in() -> None:
    parsed = parse_caption("A man walks past fallen trees after the typhoon hit Hanoi, Vietnam, Sunday, Sept. 8, 2024. "
                           "(AP Photo/Mei Tan)")
    assert (parsed.city, parsed.country_code) == ("Hanoi", "VN")


def test_a_known_city_before_a_venue_word() -> None:
    parsed = parse_caption("(FILES) In this file photo taken on August 16, 2021, crowds fill the tarmac of the Kabul "
                           "airport as they wait to leave. (Photo by Ana COSTA / AFP)")
    assert (parsed.city, parsed.country_code) == ("Kabul", "AF")
    assert parse_caption("A Ukrainian flag flies over a street, May 3, 2022. REUTERS/Ana Costa").country_code != "GB"


@pytest.mark.parametrize(("caption", "city", "region"), [
    # A division between the town and the outer region: the town comes before both.
    ("Trabalhadores numa estufa em São Teotónio, concelho de Odemira, distrito de Beja, 9 de maio de 2021. "
     "ANA COSTA/LUSA", "São Teotónio", "Beja"),
    ("Des vaches à Charmey, dans le canton de Fribourg, le samedi 28 septembre 2024. (KEYSTONE/Ana Costa)",
     "Charmey", "Fribourg"),
    ("Hinchas en el Monumento a la Bandera en Rosario, provincia de Santa Fe, Argentina, el 9 de julio de 2023. "
     "(Foto de Ana COSTA / AFP)", "Rosario", "Santa Fe"),
    # A division alone is still the region, with its seat as the town when nothing comes before.
    ("Workers clear rubble in Letur, in the province of Albacete, Spain, November 1, 2024. REUTERS/Ana Costa",
     "Letur", "Albacete"),
])
def test_a_division_after_the_town_is_its_region(caption: str, city: str, region: str) -> None:
    cap = parse_caption(caption)
    assert (cap.city, cap.region) == (city, region)
