"""The AFP format: Photo by First LAST / AFP, AFP PHOTO / NAME, restriction tails. Captions are ours."""

from __future__ import annotations

import datetime as dt

from catalog.captions import parse_caption


def parse(text: str):
    cap = parse_caption(text)
    assert cap.format == "afp", (cap.format, text)
    return cap


def test_topshot_country_absent() -> None:
    cap = parse("TOPSHOT - Fishermen haul their nets at sunrise in Dakar, on March 5, 2024. (Photo by Awa SALL / AFP)")
    assert cap.topshot and (cap.agency, cap.photographer) == ("AFP", "Awa SALL")
    assert (cap.city, cap.country, cap.country_code) == ("Dakar", "", "SN")
    assert cap.date == dt.date(2024, 3, 5)
    assert cap.subject == "Fishermen haul their nets at sunrise."


def test_older_afp_photo_credit() -> None:
    cap = parse("A demonstrator waves a flag in Caracas on May 1, 2017. AFP PHOTO / JUAN PEREZ")
    assert (cap.agency, cap.photographer, cap.country_code) == ("AFP", "JUAN PEREZ", "VE")


def test_handout_with_restriction_tail() -> None:
    cap = parse(
        "This handout picture taken and released by the Presidential Press Service on March 5, 2024 shows "
        "the president in Kyiv. (Photo by Handout / PRESIDENTIAL PRESS SERVICE / AFP) / RESTRICTED TO "
        'EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / PRESIDENTIAL PRESS SERVICE" - NO MARKETING NO '
        "ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS"
    )
    assert cap.handout and cap.photographer == "Handout"
    assert cap.intermediaries == ["PRESIDENTIAL PRESS SERVICE"]
    assert set(cap.restrictions) == {"editorial_only", "mandatory_credit", "no_marketing"}
    assert (cap.city, cap.country_code, cap.date) == ("Kyiv", "UA", dt.date(2024, 3, 5))
    assert cap.residue == ""
    assert "RESTRICTED" not in cap.subject


def test_stringer_and_territory() -> None:
    cap = parse("Workers repair a road in Lhasa, in China's southwestern Tibet region, on March 3, 2024. "
                "(Photo by STR / AFP) / China OUT")
    assert cap.photographer == "STR"
    assert (cap.city, cap.country_code) == ("Lhasa", "CN")
    assert cap.restrictions == ["territory_out:CN"]


def test_files_prefix() -> None:
    cap = parse("(FILES) A view of the tower in Paris on June 3, 2019. (Photo by Jean DUPONT / AFP)")
    assert cap.file_photo and cap.subject == "A view of the tower."


def test_photo_by_afp_without_photographer() -> None:
    cap = parse("Residents walk through a market in Khan Yunis in the southern Gaza Strip on "
                "January 22, 2024. (Photo by AFP)")
    assert (cap.agency, cap.photographer, cap.city, cap.country_code) == ("AFP", "", "Khan Yunis", "PS")


def test_afp_photo_in_mixed_case() -> None:
    cap = parse("A demonstrator waves a flag in Caracas on May 1, 2017. AFP Photo/Juan Perez")
    assert (cap.agency, cap.photographer, cap.country_code) == ("AFP", "Juan Perez", "VE")


def test_border_phrase_after_the_place() -> None:
    cap = parse("Smoke billows over the village of Khiam in southern Lebanon near the border with Israel on "
                "March 5, 2024. (Photo by Rabih DAHR / AFP)")
    assert (cap.city, cap.country, cap.country_code) == ("Khiam", "Lebanon", "LB")


def test_unknown_town_named_by_in_before_the_date() -> None:
    cap = parse("Palestinians inspect a destroyed house in Tal al-Sultan on March 5, 2024. (Photo by AFP)")
    assert (cap.city, cap.country_code) == ("Tal al-Sultan", "")
    building = parse("The prime minister speaks in Parliament on March 5, 2024. (Photo by Jean DUPO / AFP)")
    assert building.city == ""


def test_a_line_break_inside_the_photographers_name() -> None:
    cap = parse_caption("People walk along the beach in Nice, France, on August 15, 2024. (Photo by Sylvain\nROUX / AFP)")
    assert (cap.agency, cap.photographer, cap.city) == ("AFP", "Sylvain ROUX", "Nice")
    assert "Sylvain" not in cap.subject


def test_source_description_in_the_credit_is_a_note() -> None:
    cap = parse_caption("Smoke rises over Khan Younis in the southern Gaza Strip on January 22, 2024. "
                        "(Photo by STRINGER / various sources / AFP)")
    assert (cap.photographer, cap.city, cap.country_code) == ("STRINGER", "Khan Younis", "PS")
    assert "various sources" in cap.notes


def test_name_dash_organisation_in_a_getty_chain() -> None:
    cap = parse_caption("BERLIN, GERMANY - JULY 14: Fans cheer on July 14, 2024 in Berlin, Germany. "
                        "(Photo by Ana Costa - UEFA/UEFA via Getty Images)")
    assert (cap.agency, cap.photographer) == ("Getty Images", "Ana Costa")
    assert "UEFA" in cap.intermediaries
