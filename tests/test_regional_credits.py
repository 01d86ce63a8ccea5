"""Credits and datelines of regional agencies and of untidy archive text (our own captions,
written in each agency's style), each one field that the general readers once got wrong."""

from __future__ import annotations

import pytest

from catalog import parse_caption

CASES = [
    # A photo number in brackets after the credit is no part of it (PTI).
    ("Farmers march towards the city in Chennai, Monday, Feb. 2, 2021. (PTI Photo/Anil Varma)"
     "(PTI02_02_2021_000321A)", {"agency": "PTI", "photographer": "Anil Varma"}),
    # An agency named alone in brackets, or after "Photo:", is the credit.
    ("Olive pickers rest under a tree in the village of Burin on October 2, 2021. (WAFA)", {"agency": "WAFA"}),
    ("Commuters wait for a train in Pune on June 4, 2022. (Photo: IANS)", {"agency": "IANS"}),
    ("Praha, 3. března 2020 - Lidé čekají na tramvaj. (ČTK/Jana Nováková)",
     {"agency": "CTK", "photographer": "Jana Nováková"}),
    # Kyodo's tag, then a restriction after it.
    ("Snow covers a shrine in Sapporo on Jan. 9, 2023. (Kyodo)\n==Kyodo\nEDITORIAL USE ONLY. NO SALES.",
     {"agency": "Kyodo"}),
    # Action Images' "Livepic" on a line of its own after the credit.
    ("Football - Leeds v Hull - Elland Road - 4/11/12\nFans before the match\n"
     "Mandatory Credit: Action Images / Ella Brandt\nLivepic", {"photographer": "Ella Brandt"}),
    # NTB and TT: the compact date after the city, with two spaces, or with a line break.
    ("Bergen  20190412. Fiskere losser fangsten på kaia.\nFoto: Kari Lund / NTB scanpix",
     {"date": "2019-04-12", "city": "Bergen", "country_code": "NO"}),
    ("GÖTEBORG 20170803\nBesökare på festivalen.\nFoto: Nils Ek / TT / kod 10020",
     {"date": "2017-08-03", "country_code": "SE"}),
    # The credit printed twice is one credit.
    ("Boats in the harbour of Split, Croatia, July 3, 2020. REUTERS/Ana Costa REUTERS/Ana Costa",
     {"photographer": "Ana Costa"}),
    # A caption typed with two spaces between words keeps the whole name.
    ("Rain  falls  on  a  market  in  Quito,  Ecuador,  May 2, 2021.  REUTERS/Sam  Reyes",
     {"photographer": "Sam Reyes"}),
    # dpa's older credit: the name, then " dpa", then the desk after a slash.
    ("Radfahrer am 3. Juni 2011 in Hamburg-Altona. Foto: Lea Martin dpa/lno",
     {"agency": "dpa", "photographer": "Lea Martin", "city": "Hamburg"}),
    # AFP's older Getty credit.
    ("Pilgrims walk on a road near Najaf on March 3, 2008. (Photo credit should read OMAR KAYA/AFP/Getty Images)",
     {"agency": "AFP", "photographer": "OMAR KAYA"}),
    # EFE's file mark where the photographer's name would be.
    ("Vista de la playa de Benidorm el 4 de agosto de 2015. EFE/Archivo", {"agency": "EFE", "photographer": "",
                                                                          "file_photo": True}),
    # A city named for its country, before a country in brackets.
    ("Manifestantes en el Zócalo de Ciudad de México (México). EFE/Juan Pérez",
     {"city": "Ciudad de México", "country_code": "MX"}),
]


def test_hyphenated_district_is_its_city_but_hyphenated_towns_stay_whole() -> None:
    assert parse_caption("Fans in München-Schwabing, Germany, May 1, 2010. REUTERS/Ana Costa").city == "München"
    for town in ("Baden-Baden", "Garmisch-Partenkirchen", "Stratford-upon-Avon", "Ivano-Frankivsk"):
        assert parse_caption(f"Fans in {town}, May 1, 2010. REUTERS/Ana Costa").city == town


@pytest.mark.parametrize(("caption", "country_code"), [
    # A national agency's town named without a country is at home...
    ("Runners cross the bridge over the Tay in Perth. Photo credit should read: Ana Costa/PA Wire", "GB"),
    ("Delegierte treffen im Kongresszentrum in Davos ein. (KEYSTONE/Lea Martin)", "CH"),
    ("Bombeiros combatem um incêndio em Mação, distrito de Santarém, 21 de julho de 2019. ANA COSTA/LUSA", "PT"),
    ("Vista de la Mezquita de Córdoba, este lunes. EFE/Ana Costa", "ES"),
    # ... unless the caption names another country, and a world agency has no home.
    ("Vista de una calle de Córdoba (Argentina), este lunes. EFE/Ana Costa", "AR"),
    ("Runners cross the Swan River in Perth, March 3, 2024. REUTERS/Ana Costa", "AU"),
])
def test_national_agency_photographs_at_home_unless_told(caption: str, country_code: str) -> None:
    assert parse_caption(caption).country_code == country_code


ROUND_13 = [
    ("Un hombre camina por el centro de Lima, el 3 de mayo de 2023. (Foto de Ana COSTA / AFP)",
     {"agency": "AFP", "photographer": "Ana COSTA"}),
    ("Devotees gather at the river ghats in Varanasi on Monday. (ANI Photo/Omar Kaya)",
     {"agency": "ANI", "photographer": "Omar Kaya", "city": "Varanasi"}),
    ("Passengers board a train at Kyoto Station in Kyoto on May 2, 2023. (Jiji Press Photo)", {"agency": "Jiji Press"}),
    ("SYDNEY, AUSTRALIA - JANUARY 4: Fans watch at the ground on January 4, 2025 in Sydney, Australia. "
     "(Photo by Mei Tan/Getty Images) -- IMAGE RESTRICTED TO EDITORIAL USE - STRICTLY NO COMMERCIAL USE --",
     {"agency": "Getty Images", "photographer": "Mei Tan"}),
    ("Undated handout photo issued by Kent Police of a recovered boat. Issue date: Friday May 5, 2023. "
     "Photo credit should read: Kent Police/PA Wire NOTE TO EDITORS: This handout photo may only be used "
     "for editorial reporting purposes.", {"agency": "PA", "date": None}),
    ("Marchers walk through Belfast city centre during the parade. Picture date: Tuesday July 11, 2023. "
     "Photo credit should read: Sam Reyes/PA Wire", {"city": "Belfast", "date": "2023-07-11"}),
    ("Jul 4, 2023; Dayton, OH, USA; Fireworks over the river. Mandatory Credit: Dana Fiske-The Dayton "
     "Daily News/USA TODAY NETWORK via Imagn Images", {"photographer": "Dana Fiske"}),
    ("Houston, Texas, USA. 10th Oct, 2024. Residents clear debris. (Credit Image: © Sam Reyes/ZUMA Press Wire) "
     "EDITORIAL USAGE ONLY! Credit: ZUMA Press, Inc./Alamy Live News", {"photographer": "Sam Reyes"}),
    ("Rescuers search a building in Tabriz, Iran, May 3, 2023. Iranian Red Crescent/WANA (West Asia News "
     "Agency)/Handout via REUTERS", {"agency": "Reuters", "photographer": "Handout"}),
    ("ARCHIVE - 15 July 2021, Bavaria, Passau: A street under water. Photo: Lea Martin/dpa",
     {"file_photo": True, "city": "Passau"}),
    ("(ARCHIVOS) Vista aérea de Quito, tomada el 8 de agosto de 2019. (Foto de Sam REYES / AFP)", {"file_photo": True}),
    ("Ana Costa after her investiture at Windsor Castle, Berkshire. Picture date: Tuesday November 7, 2023. "
     "Photo credit should read: Sam Reyes/PA Wire", {"city": "Windsor"}),
    ("Pickers work in the Barossa Valley, South Australia, Thursday, March 6, 2025. AAP Image/Mei Tan",
     {"city": "", "country_code": "AU"}),
    ("Aberystwyth, Ceredigion, Wales, UK. Tuesday 2nd January 2024. Waves batter the promenade. "
     "Credit: Sam Reyes/Alamy Live News", {"city": "Aberystwyth", "country_code": "GB"}),
    ("Snow covers a road in Braemar, Aberdeenshire, Scotland, Britain, January 8, 2024. REUTERS/Ana Costa",
     {"city": "Braemar", "country_code": "GB"}),
]


def test_a_town_called_valley_is_still_a_town() -> None:
    assert parse_caption("Peaches ripen in Fort Valley, Ga., on June 3, 2024. (AP Photo/Sam Reyes)").city == "Fort Valley"


def test_an_agency_dateline_is_where_it_was_sent_from_the_body_says_where_it_was_taken() -> None:
    body = parse_caption("SEOUL, Jan. 20 (Yonhap) -- Skiers ride a lift at a resort in Pyeongchang, "
                         "Gangwon Province, on Jan. 20. (Yonhap)")
    assert (body.city, body.country_code, body.date) == ("Pyeongchang", "KR", None)
    alone = parse_caption("SEOUL, Jan. 20 (Yonhap) -- Commuters wait for a bus on Jan. 20. (Yonhap)")
    assert (alone.city, alone.country_code) == ("SEOUL", "KR")


def test_two_countries_joined_by_and_are_no_town() -> None:
    parsed = parse_caption("Vista de un puente en la frontera entre Brasil y Paraguay, el 8 de agosto de 2019. EFE/Ana Ruiz")
    assert "Brasil" not in parsed.city


def test_getty_town_near_before_the_date_when_the_place_after_it_is_a_region() -> None:
    parsed = parse_caption("KHERSON OBLAST, UKRAINE - MAY 3: Soldiers rest near Beryslav on May 3, 2023 in "
                           "Kherson Oblast, Ukraine. (Photo by Mei Tan/Getty Images)")
    assert (parsed.city, parsed.region, parsed.country_code) == ("Beryslav", "Kherson Oblast", "UA")


ROUND_14 = [
    ("A man walks past a house in the village of Kamianka, October 2, 2022, Kharkiv region, Ukraine. REUTERS/Ana Costa",
     {"city": "Kamianka", "region": "Kharkiv region", "country_code": "UA"}),
    ("A tiger explores her enclosure in Prague, Czech Republic, 11 June 2024. EPA-EFE/MARTIN DIVÍŠEK",
     {"photographer": "MARTIN DIVÍŠEK"}),
    ("A tornado crosses a field near Greensburg, Kan., on May 6, 2024. (Elena Voss via AP)", {"photographer": "Elena Voss"}),
    ("Fireworks over the bay, Jan. 1, 2024. (Sydney Harbour Trust via AP)", {"photographer": "", "agency": "AP"}),
    ("A whale breaches off Hermanus, South Africa, September 2, 2023. Courtesy of Thandi Mokoena/via REUTERS",
     {"photographer": "Thandi Mokoena", "agency": "Reuters"}),
    ("LONDON, ENGLAND - MAY 07: Guards ride along The Mall on May 07, 2023 in London, England. "
     "(Photo by Ana Costa - WPA Pool/Getty Images)", {"photographer": "Ana Costa", "pool": True}),
    ("Migrants walk along the river in Ciudad Juarez, Mexico, across the border from El Paso, Texas, Tuesday, "
     "Dec. 19, 2023. (AP Photo/Sam Reyes)", {"city": "Ciudad Juarez", "country_code": "MX"}),
    ("epa11692210 Volunteers clear mud in Paiporta, Valencia, Spain, 02 November 2024. EPA-EFE/ANA COSTA",
     {"city": "Paiporta", "region": "Valencia", "country_code": "ES"}),
    ("A resident walks past a school in the village of Posad-Pokrovske, some 30 kilometres from Kherson, on "
     "March 8, 2023. (Photo by Ivan KOVAL / AFP)", {"country_code": "UA"}),
    ("Soldiers stand near the Israel-Gaza border, in southern Israel, January 4, 2024. REUTERS/Ana Costa",
     {"city": "", "country_code": "IL"}),
    ("Displaced people walk on the outskirts of Goma, Congo, Sunday, Jan. 26, 2025. (AP Photo/Sam Reyes)",
     {"city": "Goma", "country_code": "CD"}),
    ("Pedestrians walk in Tokyo's Ginza shopping district, Thursday, June 12. (AP Photo/Mei Tan)",
     {"city": "Tokyo", "country_code": "JP"}),
]


def test_a_city_named_like_its_province_is_still_the_city() -> None:
    parsed = parse_caption("Fans celebrate in Valencia, Spain, 3 May 2024. EPA-EFE/ANA COSTA")
    assert (parsed.city, parsed.country_code) == ("Valencia", "ES")


ROUND_15 = [
    ("Foto LaPresse/Ana Costa 27/06/2024 Porto Empedocle (Agrigento) - Turisti in attesa del traghetto",
     {"agency": "LaPresse", "photographer": "Ana Costa", "city": "Porto Empedocle", "country_code": "IT"}),
    ("Foto Sam Reyes/LaPresse 05 Marzo 2024 Milano, Italia Cronaca Presidio davanti alla Prefettura "
     "Photo Sam Reyes/LaPresse March 05, 2024 Milan, Italy News Sit-in in front of the Prefecture",
     {"agency": "LaPresse", "photographer": "Sam Reyes", "city": "Milano", "date": "2024-03-05"}),
    ("Un operario retira la nieve en Zaragoza, Aragón (España). EUROPA PRESS", {"agency": "Europa Press"}),
    ("Turistas hacen cola, a 19 de junio de 2025, en Palma, Mallorca, Baleares (España). Ana Ruiz / Europa Press 19/6/2025",
     {"agency": "Europa Press", "photographer": "Ana Ruiz", "city": "Palma"}),
    ("Archivo - Bañistas en la playa, a 14 de agosto de 2022, en Valencia (España). - Ana Ruiz - Europa Press - Archivo",
     {"agency": "Europa Press", "photographer": "Ana Ruiz", "file_photo": True}),
    ("Barcos no porto durante a seca. (Foto: Mei Tan/Folhapress)", {"agency": "Folhapress", "photographer": "Mei Tan"}),
    ("Turistas caminan por las murallas de Cartagena de Indias (Colombia). EFE/ Ana Ruiz/Archivo",
     {"agency": "EFE", "photographer": "Ana Ruiz", "file_photo": True}),
    ("Des supporters se rassemblent à Toulouse, le 1er juin 2024. (Photo Ana COSTA / AFP)", {"date": "2024-06-01"}),
    ("I vigili del fuoco al lavoro a Torre del Greco (Napoli), 18 ottobre 2024. ANSA/ANNA ROSSI",
     {"city": "Torre del Greco", "country_code": "IT"}),
    ("MÉXICO (MÉXICO), 20/09/2024.- Personas participan en un simulacro. EFE/ Ana Ruiz",
     {"city": "MÉXICO", "country_code": "MX"}),
]


def test_a_national_agency_picture_with_no_place_is_at_home_a_world_agency_has_none() -> None:
    assert parse_caption("Die menschenleere Staatsoper am 12. April 2020. FOTO: APA/ANNA ROSSI").country_code == "AT"
    assert parse_caption("The empty opera house on April 12, 2020. REUTERS/Ana Costa").country_code == ""


@pytest.mark.parametrize(("caption", "city", "notes"), [
    ("ILLUSTRATION - 10.01.2024, Baden-Württemberg, Stuttgart: Eine Frau hält ein Smartphone. Foto: Ana Costa/dpa",
     "Stuttgart", ["ILLUSTRATION"]),
    ("HANDOUT - 11.07.2023, Niedersachsen, Hannover: Sichergestellte Drogen. Foto: Polizei Hannover/dpa",
     "Hannover", ["HANDOUT"]),
])
def test_dpa_markers_before_the_dateline(caption: str, city: str, notes: list[str]) -> None:
    parsed = parse_caption(caption)
    assert (parsed.city, parsed.file_photo) == (city, False) and set(notes) <= set(parsed.notes)


def test_elided_and_other_names_of_big_cities_after_a_particle() -> None:
    assert parse_caption("Des spectateurs lors du Festival d'Avignon (Vaucluse), le 6 juillet 2023. "
                         "(Photo Ana COSTA / AFP)").city == "Avignon"
    assert parse_caption("Des touristes sur la Grand-Place de Bruxelles, mardi 05 mars 2024. "
                         "BELGA PHOTO ANA COSTA").city == "Bruxelles"


def test_ansa_handout_terms_after_the_credit_and_press_offices_are_no_photographers() -> None:
    parsed = parse_caption("Il presidente durante l'incontro a Palazzo Chigi, Roma, 27 novembre 2025. ANSA/UFFICIO "
                           "STAMPA PALAZZO CHIGI/ANNA ROSSI +++ ANSA PROVIDES ACCESS TO THIS HANDOUT PHOTO TO BE USED "
                           "SOLELY TO ILLUSTRATE NEWS REPORTING; NO ARCHIVING; NO LICENSING +++")
    assert (parsed.agency, parsed.photographer) == ("ANSA", "ANNA ROSSI")
    assert "no_archives" in parsed.restrictions and "PROVIDES" not in parsed.subject


def test_picture_alliance_resale_and_agencia_brasil_archive_credit() -> None:
    resold = parse_caption("Basel, 14.06.2019: Frauen demonstrieren. picture alliance/KEYSTONE | Ana Costa")
    assert (resold.agency, resold.photographer, "dpa" in resold.intermediaries) == ("Keystone", "Ana Costa", True)
    archive = parse_caption("Goiânia (GO) - Movimento na Praça Cívica. Foto: Ana Costa/Arquivo Agência Brasil")
    assert (archive.agency, archive.file_photo, archive.city, archive.country_code) == (
        "Agência Brasil", True, "Goiânia", "BR")


def test_file_prefixes_in_french_and_italian() -> None:
    assert parse_caption("ARCHIVES --- Le port de Neuchâtel le 3 mai 2018. (KEYSTONE/Ana Costa)").file_photo
    assert parse_caption("FOTO D'ARCHIVIO - La basilica, 28 agosto 2016. ANSA/ANNA ROSSI").file_photo
    assert not parse_caption("Archives of the city burn in Kyiv, May 3, 2022. REUTERS/Ana Costa").file_photo


ROUND_16 = [
    ("Mourners lay flowers near a memorial in Seoul's Itaewon district, South Korea, Sunday, Oct. 30, 2022. "
     "(AP Photo/Mei Tan)", {"city": "Seoul", "region": "Itaewon district", "country_code": "KR"}),
    ("BERLIN, GERMANY - SEPTEMBER 15: In this photo illustration, an app is displayed on September 15, 2024 in "
     "Berlin, Germany. (Photo Illustration by Jonas Weber/Getty Images)", {"photographer": "Jonas Weber"}),
    ("WAJIMA, JAPAN - JANUARY 02: Collapsed buildings on January 02, 2024 in Wajima, Ishikawa, Japan. "
     "(Photo by Mei Tan/Getty Images)", {"city": "Wajima", "region": "Ishikawa"}),
    ("This photograph taken on June 6, 2023 shows a flooded area of Kherson after the destruction of a dam upstream. "
     "(Photo by Ana COSTA / AFP)", {"city": "Kherson", "country_code": "UA"}),
]


ROUND_17 = [
    # A city whose name ends in its country's is one name.
    ("People queue for water in Port Sudan on September 9, 2023. (Photo by Ana COSTA / AFP)",
     {"city": "Port Sudan", "country_code": "SD"}),
    # "on the Bolivian side of the frontier with Peru": the side's country, not the neighbour's.
    ("A soldier guards the crossing at Desaguadero, on the Bolivian side of the frontier with Peru, Tuesday, "
     "Feb. 27, 2024. (AP Photo/Mei Tan)", {"city": "Desaguadero", "country_code": "BO"}),
    # Xinhua's "<city> of <province>".
    ("Survivors warm themselves by a fire in Antakya of Hatay province, Türkiye, Feb. 14, 2023. (Xinhua/Li Mingde)",
     {"city": "Antakya", "region": "Hatay province", "country_code": "TR"}),
    ("Farmers harvest kiwifruit in Tauranga, Bay of Plenty region, New Zealand, May 3, 2023. REUTERS/Ana Costa",
     {"city": "Tauranga", "region": "Bay of Plenty region"}),
    # A district named after its town, of a province named after its capital: the town.
    ("HATAY, TURKIYE - FEBRUARY 08: Rescuers work in Iskenderun district of Hatay, Turkiye on February 08, 2023. "
     "(Photo by Omar Kaya/Anadolu Agency)", {"city": "Iskenderun"}),
    ("People shop in Karsiyaka district of Izmir, Turkiye on May 3, 2024. (Photo by Omar Kaya/Anadolu Agency)",
     {"city": "Izmir"}),
    # Imagn's three-letter country codes, ISO or IOC.
    ("Feb 8, 2025; Toronto, Ontario, CAN; A goaltender makes a save at Scotiabank Arena. Mandatory Credit: "
     "Dana Fiske-Imagn Images via Reuters", {"city": "Toronto", "country_code": "CA", "agency": "Reuters"}),
    ("Jul 4, 2024; Munich, Bavaria, GER; Fans cheer before the match. Mandatory Credit: Dana Fiske-Imagn Images",
     {"city": "Munich", "country_code": "DE"}),
    # "Picture taken" after a sports header wins over the header's date, with or without its period.
    ("Alpine Skiing - World Cup - Men's Downhill Training - Hahnenkamm, Kitzbuehel, Austria - January 25, 2025 "
     "A skier in action during training Picture taken January 23, 2025 REUTERS/Lena Weiss",
     {"date": "2025-01-23", "city": "Kitzbuehel"}),
    # dpa's English service marks a file picture like AP: "FILE - ".
    ("FILE - 14 June 2022, Kenya, Nairobi: A woman carries water containers. Photo: Lena Weiss/dpa",
     {"date": "2022-06-14", "file_photo": True, "city": "Nairobi"}),
    # The Red Cross is no photographer.
    ("People wade through floodwaters in Mai Mahiu, Kenya, Monday, April 29, 2024. (Kenya Red Cross via AP)",
     {"photographer": "", "agency": "AP"}),
    # PA's "File photo dated 14-07-2024": a day-first date written with dashes.
    ("File photo dated 14-07-2024 of a manager during the final at the Olympiastadion, Berlin. Issue date: "
     "Tuesday March 18, 2025. Photo credit should read: Kate Morrow/PA Wire.",
     {"date": "2024-07-14", "file_photo": True}),
    # A picture resold through Shutterstock keeps its own "FILE - " on the line after the credit.
    ("Mandatory Credit: Photo by Sam Reyes/AP/Shutterstock (14623356f)\nFILE - A swimmer celebrates in Nanterre, "
     "France, Aug. 2, 2024\nOlympics Swimming, Nanterre, France - 02 Aug 2024", {"file_photo": True}),
    # An event named after its city is in that city.
    ("Mandatory Credit: Photo by Kate Morrow/Shutterstock (15208833q)\nModel on the catwalk\nChanel show, Runway, "
     "Paris Fashion Week, France - 11 Mar 2025", {"city": "Paris", "country_code": "FR"}),
    ("Runners pass the Victory Column at the Berlin Marathon, Germany, Sept. 29, 2024. REUTERS/Ana Costa",
     {"city": "Berlin"}),
]


ROUND_18 = [
    # AP's ", File" in a partner's credit; the place after "in a file photo".
    ("A truck is seen in a file photo in Montreal on Nov. 26, 2019. (THE CANADIAN PRESS/Ana Costa, File)",
     {"photographer": "Ana Costa", "file_photo": True, "city": "Montreal"}),
    # A country's name before a US state is a town.
    ("Rings of bologna hang in a smokehouse in Lebanon, Pa., on Dec. 27, 2018. (AP Photo/Sam Reyes)",
     {"city": "Lebanon", "country_code": "US"}),
    # Imagn's "FILE PHOTO;" field after the dateline.
    ("Oct 30, 2019; Washington, DC, USA; FILE PHOTO; Fans celebrate outside Nationals Park. Mandatory Credit: "
     "Dana Fiske-USA TODAY Sports", {"file_photo": True, "city": "Washington"}),
    # Getty's "Name-Pool/Getty Images" is a pool picture of Getty's, not an agency called Pool.
    ("WASHINGTON, DC - FEBRUARY 11: Reporters wait in the Oval Office on February 11, 2025 in Washington, DC. "
     "(Photo by Tom Halloway-Pool/Getty Images)", {"agency": "Getty Images", "photographer": "Tom Halloway",
                                                   "pool": True}),
    # An organising committee with a year in its name is no photographer.
    ("This photo provided by the organizing committee shows an arena in Milan, Italy. (Fondazione Milano Cortina "
     "2026 via AP)", {"photographer": "", "agency": "AP"}),
    # A date a video was posted on social media is not the picture's.
    ("This image from video posted on social media on Sunday, Oct. 6, 2024, shows smoke rising in Beirut, Lebanon. "
     "(Social Media via AP)", {"date": None, "city": "Beirut"}),
    # "the X area of <a country or territory>": X.
    ("Soldiers operate in the Jabalia area of the northern Gaza Strip, October 30, 2024. REUTERS/Ana Costa",
     {"city": "Jabalia", "country_code": "PS"}),
    # A sea is in no country and no town.
    ("A warship fires a missile in the Gulf of Oman, Friday, Jan. 19, 2024. (Iranian Army via AP)",
     {"city": "", "country_code": ""}),
    ("A hospital ship sails in the Gulf of Aden, Sept. 3, 2024. (Photo by Li Mingde/Xinhua)",
     {"city": "", "country_code": ""}),
]


ROUND_19 = [
    # Two captions run together: the first credit's name stops before the next story.
    ("Voters queue in Lagos, Nigeria February 25, 2023. REUTERS/Ana Costa Supporters of a candidate cheer at a "
     "rally in Abuja, Nigeria February 23, 2023. REUTERS/Sam Reyes", {"photographer": "Ana Costa", "city": "Lagos"}),
    # An archive's own lines after the caption are a note; the credit before them is read.
    ("BERLIN, GERMANY - JANUARY 13, 2024: Farmers drive tractors in Berlin, Germany on January 13, 2024. "
     "(Photo by Omar Kaya/Anadolu via Getty Images)\r\nKeywords: protest, farmers",
     {"agency": "Anadolu", "photographer": "Omar Kaya", "notes": ["Keywords: protest, farmers"]}),
    ("File photo shows a seawall in Rikuzentakata, Iwate Prefecture, on March 13, 2011. (Kyodo)\r\n"
     "[Archive note: print copy, scanned 2019]", {"agency": "Kyodo", "country_code": "JP"}),
    # An acronym is no town ("Un" is a town in India).
    ("NEW YORK, UNITED STATES - SEPTEMBER 19, 2023: Delegates arrive at UN headquarters as the debate opens "
     "(Photo by Omar Kaya/Anadolu Agency via Getty Images)", {"country_code": "US"}),
    # A hyphenated small town is one town; the town of a border crossing; a desert is no town.
    ("Fishermen haul a pirogue ashore in Joal-Fadiouth, some 110 km south of Dakar, on February 14, 2025. "
     "(Photo by Ana COSTA / AFP)", {"city": "Joal-Fadiouth", "country_code": "SN"}),
    ("Returnees wait at the Islam Qala border crossing in Herat province, Afghanistan, 05 July 2025. "
     "EPA/ANA COSTA", {"city": "Islam Qala", "country_code": "AF"}),
    ("A rocket lifts off from a launch centre in the Gobi desert, northwest China, on October 31, 2025. "
     "(Photo by Ana COSTA / AFP)", {"city": "", "country_code": "CN"}),
    # The place before a clause that names none ("during a summer thunderstorm").
    ("TOPSHOT - Lightning forks over the skyline of Johannesburg during a summer thunderstorm on January 14, 2026. "
     "(Photo by Ana COSTA / AFP)", {"city": "Johannesburg", "country_code": "ZA"}),
]


ROUND_20 = [
    # EFE's dateline in capitals with the province in brackets: the town, in Spain.
    ("ALBARRACÍN (TERUEL), 03/02/2025.- Vista de la localidad cubierta por la nieve. EFE/ Ana Ruiz",
     {"city": "ALBARRACÍN", "country_code": "ES", "date": "2025-02-03"}),
    ("HARO (LA RIOJA), 29/06/2024.- Participantes en la Batalla del Vino. EFE/ Ana Ruiz",
     {"city": "HARO", "country_code": "ES"}),
    # Europa Press's dashed credit without the file mark.
    ("Bañistas en la playa, a 2 de agosto de 2020, en Zarautz, Guipúzcoa, País Vasco (España). - Ane Goiko - "
     "Europa Press", {"agency": "Europa Press", "photographer": "Ane Goiko", "file_photo": False}),
    # LaPresse's opening credit with a dashed date; a province in brackets before the country.
    ("Foto Giulia Neri/LaPresse 14-10-2023 Alba (Cuneo), Italia Cronaca Fiera del tartufo bianco.",
     {"agency": "LaPresse", "photographer": "Giulia Neri", "date": "2023-10-14", "city": "Alba"}),
    # The agencies' own words for "near" and "in the municipality of" lead to a town the gazetteer may not know.
    ("Kühe weiden auf einer Alp oberhalb von Grindelwald, aufgenommen am Dienstag, 16. Juli 2024. "
     "(KEYSTONE/Ana Costa)", {"city": "Grindelwald"}),
    ("Ein Landwirt pflügt am 5. März 2024 ein Feld bei Lebus im Landkreis Märkisch-Oderland. Foto: Ana Costa/dpa",
     {"city": "Lebus", "country_code": "DE"}),
    ("Des bénévoles nettoient les rues dévastées par les inondations à Pepinster. BELGA PHOTO ANA COSTA",
     {"city": "Pepinster", "country_code": "BE"}),
    # ... but a German noun after "bei" is no town when a known one came after "in".
    ("Die Elbphilharmonie in Hamburg bei Sonnenuntergang (undatierte Aufnahme). Foto: Ana Costa/dpa",
     {"city": "Hamburg"}),
    # A national agency's dateline names its town even when the gazetteer does not know it.
    ("URK - Een kotter vaart de haven binnen. ANP ANA COSTA", {"city": "URK", "country_code": "NL"}),
    ("NOORDLAREN - De in Drachten geboren schaatser rijdt een rondje. ANP ANA COSTA", {"city": "NOORDLAREN"}),
    ("Røros 20240220. Hester og sleder i sentrum. Foto: Ana Costa / NTB",
     {"city": "Røros", "country_code": "NO", "date": "2024-02-20"}),
    ("Przemyśl, 03.03.2022. Uchodźcy na peronie dworca. Zdjęcie udostępniono 5.03.2022. PAP/Ana Costa",
     {"city": "Przemyśl", "date": "2022-03-03"}),
    # Nordic "i", "ved", "utanför"; a county after the town; Italian "a" in an Italian caption only.
    ("Vikingemarked i Ribe lørdag den 6. juli 2019. (Foto: Ana Costa/Ritzau Scanpix)",
     {"city": "Ribe", "country_code": "DK"}),
    ("Brandflyg bekämpar skogsbranden i närheten av Sala i Västmanland den 17 augusti 2018. Foto: Ana Costa/TT",
     {"city": "Sala", "region": "Västmanland", "country_code": "SE"}),
    ("La neve caduta nella notte a Roccaraso, in provincia dell'Aquila, 19 gennaio 2024. ANSA/ANA COSTA",
     {"city": "Roccaraso", "country_code": "IT"}),
    ("Shoppers queue outside a Primark on May 3, 2024. REUTERS/Ana Costa", {"city": ""}),
    # The regions of Austria, Italy, Portugal, France, Switzerland ... after the town.
    ("ARCHIVBILD - Die Burg Hochosterwitz bei Launsdorf in Kärnten, aufgenommen am 3. Mai 2018. "
     "FOTO: APA/ANA COSTA", {"city": "Launsdorf", "region": "Kärnten", "country_code": "AT"}),
    ("Un'auto trascinata dall'acqua dopo l'alluvione in Romagna, 17 maggio 2023. ANSA/ANA COSTA",
     {"city": "", "region": "Romagna", "country_code": "IT"}),
    # Bernama: the dateline's day, the year after the credit, "here today".
    ("KUALA LUMPUR, March 5 -- Commuters board a train at the station here today. --fotoBERNAMA (2024) "
     "COPYRIGHT RESERVED", {"agency": "Bernama", "date": "2024-03-05", "country_code": "MY"}),
    # The city that owns a place named in lower case, after "on" too.
    ("epa11600011 Smoke rises after an airstrike on Beirut's southern suburbs, Lebanon, 28 September 2024. "
     "EPA-EFE/ANA COSTA", {"city": "Beirut", "country_code": "LB"}),
    # "X, the summer capital of Y, Country": X (a "capital of ... province" stays the region).
    ("Boatmen row across Dal Lake on February 21, 2024 in Srinagar, the summer capital of Indian-administered "
     "Kashmir, India. (Photo by Ana Costa/Getty Images)", {"city": "Srinagar", "country_code": "IN"}),
    # ČTK's worded dateline, with a district or a country in brackets; German and Czech "ARCHIV - ".
    ("Telč (Jihlavsko), 2. září 2023 - Turisté na náměstí v Telči. (ČTK/Ana Costa)",
     {"city": "Telč", "country_code": "CZ", "date": "2023-09-02"}),
    ("Štrbské Pleso (Slovensko), 18. února 2023 - Lyžaři na sjezdovce. (ČTK/Ana Costa)",
     {"city": "Štrbské Pleso", "country_code": "SK"}),
    ("ARCHIV - Die Pasterze in der Nähe von Heiligenblut (Kärnten), aufgenommen am 3. August 2018. "
     "FOTO: APA/ANA COSTA", {"city": "Heiligenblut", "file_photo": True}),
    # dpa's dateline without a date: the Land, then the town.
    ("Thüringen, Oberhof: Biathletinnen absolvieren eine Einheit am Schießstand. Foto: Ana Costa/dpa",
     {"city": "Oberhof", "region": "Thüringen", "country_code": "DE"}),
    # NTB abroad: the country after the town in its compact dateline; ANP's pool credit.
    ("Åre, Sverige 20190217. Slalåmkjøreren smiler etter andreomgangen. Foto: Ana Costa / NTB",
     {"city": "Åre", "country_code": "SE", "date": "2019-02-17"}),
    ("MAASEIK - De koning bezoekt het grensstadje Maaseik, dinsdag 14 mei 2019. ANP POOL ANA COSTA",
     {"photographer": "ANA COSTA", "pool": True}),
    # Dutch and Nordic archive markers.
    ("ARCHIEF - Handelaren op de markt in Zuidlaren, dinsdag 17 oktober 2017. ANP ANA COSTA",
     {"city": "Zuidlaren", "file_photo": True}),
    # A distance with a thousands separator is one piece of the place phrase.
    ("Tourists watch the sunrise in Ende, East Nusa Tenggara, about 1,900 km from Jakarta, on Sunday "
     "(7/7/2024). ANTARA FOTO/Yohanes Doe/nym.", {"city": "Ende", "agency": "Antara", "date": "2024-07-07"}),
    ("Farmers pick olives in the village of Burin, south of Nablus, on October 21, 2024. (WAFA Images/Kamal Odeh)",
     {"agency": "WAFA", "photographer": "Kamal Odeh"}),
    ("Sudanese refugees gather at the Farchana camp in eastern Chad on March 2, 2024. (Photo by ANA COSTA/AFP "
     "via Getty Images)", {"city": "Farchana", "country_code": "TD", "agency": "AFP"}),
]


def _field(parsed, name: str):
    """A Caption field as the cases write it (a date as ISO text)."""
    if name == "date":
        return parsed.date.isoformat() if parsed.date else None
    return getattr(parsed, name)


FIELD_CASES = [*CASES, *ROUND_13, *ROUND_14, *ROUND_15, *ROUND_16, *ROUND_17, *ROUND_18, *ROUND_19, *ROUND_20]


@pytest.mark.parametrize(("caption", "expected"), FIELD_CASES, ids=[c[0][:40] for c in FIELD_CASES])
def test_fields_of_regional_and_wire_captions(caption: str, expected: dict) -> None:
    parsed = parse_caption(caption)
    wrong = {name: _field(parsed, name) for name, value in expected.items() if _field(parsed, name) != value}
    assert not wrong, wrong
