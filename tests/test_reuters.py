"""The Reuters format: every credit form, prefixes, notes, sports headers. Captions are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.captions import parse_caption


def parse(text: str, **kw):
    cap = parse_caption(text, **kw)
    assert cap.format == "reuters", (cap.format, text)
    return cap


def test_the_users_bakhmut_caption() -> None:
    cap = parse(
        "FILE PHOTO: Plumes of smoke rise from a Russian strike during a 36-hour ceasefire over "
        "Orthodox Christmas declared by Russian President Vladimir Putin, as Russia's attack on Ukraine "
        "continues, from the frontline Donbas city of Bakhmut, Ukraine, January 7, 2023. "
        "REUTERS/Clodagh Kilcoyne/File Photo"
    )
    assert (cap.agency, cap.photographer, cap.file_photo) == ("Reuters", "Clodagh Kilcoyne", True)
    assert (cap.city, cap.country, cap.country_code) == ("Bakhmut", "Ukraine", "UA")
    assert cap.date == dt.date(2023, 1, 7)
    assert cap.subject.startswith("Plumes of smoke rise")
    assert "REUTERS" not in cap.subject and "Bakhmut" not in cap.subject


def test_picture_taken_with_a_drone_and_missing_comma() -> None:
    cap = parse("A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. "
                "Picture taken with a drone. REUTERS/Ana Costa")
    assert cap.drone and cap.date == dt.date(2024, 3, 5)
    assert cap.subject == "A ferry leaves the harbour at dawn."
    assert "Picture taken with a drone." in cap.notes


def test_picture_taken_date_wins() -> None:
    cap = parse("A mural is repainted in Havana, Cuba, March 9, 2024. Picture taken March 3, 2024. "
                "REUTERS/Lea Moreno")
    assert cap.date == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    ("credit", "photographer", "intermediaries", "flags"),
    [
        ("REUTERS/Lea Moreno", "Lea Moreno", [], set()),
        ("REUTERS/Lea Moreno/File Photo", "Lea Moreno", [], {"file_photo"}),
        ("REUTERS/Lea Moreno/File Photo/File Photo", "Lea Moreno", [], {"file_photo"}),
        ("REUTERS/Lea Moreno/Files", "Lea Moreno", [], {"file_photo"}),
        ("REUTERS/Stringer", "Stringer", [], set()),
        ("REUTERS/KCNA", "", ["KCNA"], set()),
        ("Olaf Brandt/Pool via REUTERS", "Olaf Brandt", [], {"pool"}),
        ("Olaf Brandt/Pool via REUTERS/File Photo", "Olaf Brandt", [], {"pool", "file_photo"}),
        ("Handout via REUTERS", "Handout", [], {"handout"}),
        ("Harbour Authority/Handout via REUTERS", "Handout", ["Harbour Authority"], {"handout"}),
        ("Ivo Marin/Harbour Authority/Handout via REUTERS", "Ivo Marin", ["Harbour Authority"], {"handout"}),
        ("Sputnik/Pavel Orlov/Kremlin via REUTERS", "Pavel Orlov", ["Sputnik", "Kremlin"], set()),
        ("Antara Foto/Dewi Sari/via REUTERS", "Dewi Sari", ["Antara"], set()),
        ("RETUERS/Lea Moreno", "Lea Moreno", [], set()),
    ],
)
def test_credit_forms(credit: str, photographer: str, intermediaries: list[str], flags: set[str]) -> None:
    cap = parse(f"Boats sail past the harbour in Split, Croatia, June 2, 2023. {credit}")
    assert cap.agency == "Reuters"
    assert cap.photographer == photographer
    assert cap.intermediaries == intermediaries
    for flag in ("file_photo", "pool", "handout"):
        assert getattr(cap, flag) is (flag in flags), flag
    assert cap.credit == credit
    assert cap.city == "Split" and cap.date == dt.date(2023, 6, 2)


def test_mandatory_credit_org_via_reuters() -> None:
    cap = parse("Rescuers search rubble in Derna, Libya, September 14, 2023. "
                "Mandatory credit Red Crescent Society/via REUTERS")
    assert cap.photographer == "" and cap.intermediaries == ["Red Crescent Society"]
    assert "mandatory_credit" in cap.restrictions


def test_trailers_restrictions_and_story_codes() -> None:
    cap = parse(
        "Crews clear snow in Sapporo, Japan, February 3, 2024. Kyodo/via REUTERS  "
        "ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY. MANDATORY CREDIT. "
        "JAPAN OUT. NO COMMERCIAL OR EDITORIAL SALES IN JAPAN. NO RESALES. NO ARCHIVES. "
        'SEARCH "SNOW SAPPORO" FOR THIS STORY. SEARCH "WIDER IMAGE" FOR ALL STORIES. TPX IMAGES OF THE DAY'
    )
    assert cap.third_party
    assert set(cap.restrictions) >= {"mandatory_credit", "territory_out:JP", "no_resales", "no_archives"}
    assert cap.story_codes == ['SEARCH "SNOW SAPPORO"', "WIDER IMAGE", "TPX"]
    assert cap.intermediaries == ["Kyodo"]
    assert "THIRD PARTY" not in cap.subject and cap.residue == ""


def test_weekday_in_a_pool_caption() -> None:
    cap = parse("The chancellor arrives at the summit in Washington, U.S., Tuesday, March 5, 2024. "
                "Olaf Brandt/Pool via REUTERS")
    assert (cap.city, cap.country_code, cap.date) == ("Washington", "US", dt.date(2024, 3, 5))
    assert cap.date_text == "Tuesday, March 5, 2024"


def test_sports_header() -> None:
    cap = parse("Soccer Football - Premier League - Northbridge v Eastvale - Riverside Park, Manchester, "
                "Britain - March 9, 2024 Northbridge's Sam Oduya celebrates scoring their first goal "
                "REUTERS/Jo Kent EDITORIAL USE ONLY.")
    assert (cap.city, cap.country_code, cap.date) == ("Manchester", "GB", dt.date(2024, 3, 9))
    assert cap.photographer == "Jo Kent"
    assert cap.subject == "Northbridge's Sam Oduya celebrates scoring their first goal."
    assert "editorial_only" in cap.restrictions


def test_day_first_sports_header() -> None:
    cap = parse("Tennis - Open Championship - Final - Central Court, Madrid, Spain - 01/10/2016 "
                "Ana Ruiz serves REUTERS/Pep Vidal")
    assert cap.date == dt.date(2016, 10, 1)


def test_all_capitals_and_typo() -> None:
    cap = parse("A VIEW SHOWS DAMAGED BUILDINGS IN MARIUPOL, UKRAINE MARCH 5, 2024. RETUERS/ALEX KOVAL")
    assert (cap.agency, cap.photographer, cap.city, cap.country_code) == (
        "Reuters", "ALEX KOVAL", "MARIUPOL", "UA")


def test_credit_glued_to_the_next_story() -> None:
    cap = parse("People queue at a bank in Rosario, Argentina March 5, 2024. REUTERS/Tomas Ruiz "
                "Police officers stand guard in Cordoba")
    assert cap.photographer == "Tomas Ruiz"
    assert "Police officers stand guard" in cap.residue
    glued = parse("A view of the bank in Frankfurt, Germany, January 26, 2023. "
                  "REUTERS/Kai Lenz/File Photo/File PhotoNO RESALES. NO ARCHIVES")
    assert glued.photographer == "Kai Lenz" and glued.file_photo
    assert glued.restrictions == ["no_resales", "no_archives"]


def test_line_break_inside_the_name() -> None:
    cap = parse("Boats sail in Split, Croatia, June 2, 2023. REUTERS/Lea\nMoreno")
    assert cap.photographer == "Lea Moreno"


def test_date_after_the_credit() -> None:
    cap = parse("A fisherman mends nets in Essaouira, Morocco. REUTERS/Nadia Idrissi May 12, 2023")
    assert cap.photographer == "Nadia Idrissi" and cap.date == dt.date(2023, 5, 12)


def test_undated_handout_has_no_picture_date() -> None:
    cap = parse("A leader inspects a factory in this undated photo released on March 5, 2024 by "
                "North Korea's Korean Central News Agency (KCNA). KCNA via REUTERS")
    assert cap.date is None and cap.intermediaries == ["KCNA"]


def test_year_hint() -> None:
    cap = parse("Crowds gather in Oslo, Norway, May 17. REUTERS/Kari Dahl", year_hint=2022)
    assert cap.date == dt.date(2022, 5, 17) and cap.date_from_hint


def test_drone_view_and_picture_taken_without_year() -> None:
    cap = parse("A drone view shows flooded fields near Valencia, Spain, November 2, 2024. "
                "Picture taken November 1. REUTERS/Eva Soler")
    assert cap.drone and cap.date == dt.date(2024, 11, 1)


def test_borough_and_city() -> None:
    cap = parse("Pedestrians walk in Manhattan, New York City, U.S., March 5, 2024. REUTERS/Jo Kent")
    assert (cap.city, cap.country_code) == ("New York City", "US")


def test_near_phrase_only_locates_the_place() -> None:
    cap = parse("Police stand guard in Nanterre, near Paris, France, June 29, 2023. REUTERS/Jo Kent")
    assert (cap.city, cap.country) == ("Nanterre", "France")


def test_region_with_lowercase_particle_and_spanish_caption() -> None:
    cap = parse("A man rides past a flooded street in Porto Alegre, Rio Grande do Sul state, Brazil "
                "May 5, 2024. REUTERS/Davi Lopes")
    assert (cap.city, cap.region, cap.country_code) == ("Porto Alegre", "Rio Grande do Sul state", "BR")
    spanish = parse("Manifestantes marchan por el centro de Sevilla, España, el 8 de marzo de 2024. "
                    "REUTERS/Inés Vela")
    assert (spanish.city, spanish.country_code, spanish.date) == ("Sevilla", "ES", dt.date(2024, 3, 8))


def test_illustration_credit_and_bare_file_photo_prefix() -> None:
    cap = parse("FILE PHOTO: A printed logo is placed near a motherboard in this illustration taken "
                "January 8, 2024. REUTERS/Dado Ruvo/Illustration/File Photo")
    assert (cap.photographer, cap.intermediaries, cap.file_photo) == ("Dado Ruvo", [], True)
    assert cap.date == dt.date(2024, 1, 8) and cap.city == ""
    bare = parse("FILE PHOTO A man walks in Kyiv, Ukraine, March 5, 2024. REUTERS/Gleb Haran")
    assert bare.file_photo and bare.subject == "A man walks."


def test_labelled_credit_with_agency_last() -> None:
    cap = parse("Rescuers search for survivors in Kahramanmaras, Turkey, February 7, 2023. "
                "Photo: Umit Bek/Reuters")
    assert (cap.agency, cap.photographer, cap.credit) == ("Reuters", "Umit Bek", "Photo: Umit Bek/Reuters")
    assert cap.subject == "Rescuers search for survivors."


def test_the_date_that_ends_the_sentence_is_the_pictures() -> None:
    cap = parse("People gather to commemorate the attack of October 7, 2023, in Tel Aviv, Israel, "
                "March 5, 2024. REUTERS/Amos Adler")
    assert cap.date == dt.date(2024, 3, 5) and cap.city == "Tel Aviv"
    span = parse("Delegates attend the summit held March 4-5, 2024 in Brussels, Belgium. REUTERS/Yves Hermann")
    assert span.date == dt.date(2024, 3, 4) and span.city == "Brussels"


def test_sports_trailers_are_notes() -> None:
    cap = parse("Soccer Football - Premier League - Northbridge v Eastvale - Riverside Park, Manchester, "
                "Britain - March 3, 2024 Northbridge's Sam Oduya celebrates Action Images via Reuters/Lee Smyth "
                "EDITORIAL USE ONLY. No use with unauthorized audio, video, data, fixture lists, club/league "
                "logos or 'live' services. Please contact your account representative for further details.")
    assert (cap.photographer, cap.intermediaries) == ("Lee Smyth", ["Action Images"])
    assert cap.residue == "" and cap.subject == "Northbridge's Sam Oduya celebrates."
    assert any(note.startswith("No use with") for note in cap.notes)


def test_partner_credit_with_its_name_spelled_out_and_agency_inside_a_long_run() -> None:
    cap = parse("A man walks past a billboard in Tehran, Iran March 5, 2024. "
                "Majid Rahi/WANA (West Asia News Agency) via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN "
                "SUPPLIED BY A THIRD PARTY")
    assert (cap.photographer, cap.intermediaries) == ("Majid Rahi", ["WANA"])
    assert "WANA" not in cap.subject
    sports = parse("Soccer Football - Premier League - Northbridge v Eastvale - Riverside Park, Leeds, Britain - "
                   "March 10, 2024 Northbridge's Dan Morl in action with Eastvale's Leo Varg Action Images via "
                   "Reuters/Jason Cair")
    assert (sports.photographer, sports.intermediaries) == ("Jason Cair", ["Action Images"])
    assert sports.subject == "Northbridge's Dan Morl in action with Eastvale's Leo Varg."


def test_credit_before_the_caption() -> None:
    cap = parse("REUTERS/Ana Costa A ferry leaves the harbour at dawn in Lyon, France March 5, 2024.")
    assert (cap.photographer, cap.city, cap.date) == ("Ana Costa", "Lyon", dt.date(2024, 3, 5))
    assert cap.subject == "A ferry leaves the harbour at dawn."


def test_holding_a_file_photo_is_not_a_file_photo() -> None:
    cap = parse("A man holds a file photo of his missing son in Kyiv, Ukraine, March 5, 2024. REUTERS/Gleb Haran")
    assert not cap.file_photo


def test_credit_in_brackets() -> None:
    for text in ("People walk in Kyiv, Ukraine, March 5, 2024. (REUTERS/Gleb Haran)",
                 "People walk in Kyiv, Ukraine, March 5, 2024 [REUTERS/Gleb Haran]"):
        cap = parse(text)
        assert (cap.photographer, cap.subject, cap.residue) == ("Gleb Haran", "People walk.", "")


def test_one_word_source_before_the_photographer() -> None:
    cap = parse("Firefighters battle a wildfire near Athens, Greece, July 19, 2024. "
                "Grekokinissi/Nikos Papp via REUTERS  ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.")
    assert (cap.photographer, cap.intermediaries) == ("Nikos Papp", ["Grekokinissi"])


def test_social_media_sources() -> None:
    cap = parse("Smoke rises in Khartoum, Sudan, March 5, 2024, in this screen grab taken from a social media "
                "video. Social media/via REUTERS THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.")
    assert (cap.photographer, cap.intermediaries, cap.credit) == ("", ["Social media"], "Social media/via REUTERS")
    handle = parse("A view of the area in Kyiv, Ukraine, March 5, 2024. Telegram/@kyiv_city/via REUTERS")
    assert (handle.photographer, handle.intermediaries) == ("", ["Telegram", "@kyiv_city"])
