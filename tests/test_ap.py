"""The AP format: signoffs, FILE prefix, weekday, AP months and state abbreviations. Captions are ours."""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.captions import parse_caption


def parse(text: str):
    cap = parse_caption(text)
    assert cap.format == "ap", (cap.format, text)
    return cap


def test_design_example() -> None:
    cap = parse("Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)")
    assert (cap.agency, cap.photographer) == ("AP", "Sam Reyes")
    assert (cap.city, cap.region, cap.country_code) == ("Springfield", "Ill.", "US")
    assert cap.date == dt.date(2024, 9, 3)
    assert cap.subject == "Voters wait outside a school."
    assert cap.text[slice(*cap.spans["photographer"])] == "Sam Reyes"


@pytest.mark.parametrize(
    ("signoff", "agency", "photographer", "intermediaries", "flags"),
    [
        ("(AP Photo/Jo Lee)", "AP", "Jo Lee", [], set()),
        ("(AP Photo/Jo Lee, File)", "AP", "Jo Lee", [], {"file_photo"}),
        ("(AP Photo/Jo Lee, Pool)", "AP", "Jo Lee", [], {"pool"}),
        ("(AP Photo)", "AP", "", [], set()),
        ("(Jens Keller/dpa via AP)", "dpa", "Jens Keller", ["AP"], set()),
        ("(Bill Ames/NASA via AP)", "AP", "Bill Ames", ["NASA"], set()),
        ("(Harbour Trust via AP)", "AP", "", ["Harbour Trust"], set()),
        ("(Tom Berg, The Daily Courier Pool Photo via AP)", "AP", "Tom Berg", ["The Daily Courier"], {"pool"}),
        ("(Photo by Jordan Hale/Invision/AP)", "AP", "Jordan Hale", ["Invision"], set()),
    ],
)
def test_signoffs(signoff: str, agency: str, photographer: str, intermediaries: list[str], flags: set[str]) -> None:
    cap = parse(f"Firefighters battle a blaze in Rome, N.Y., on Aug. 12, 2023. {signoff}")
    assert (cap.agency, cap.photographer, cap.intermediaries) == (agency, photographer, intermediaries)
    for flag in ("file_photo", "pool", "handout"):
        assert getattr(cap, flag) is (flag in flags), flag
    assert (cap.city, cap.region, cap.country_code) == ("Rome", "N.Y.", "US")
    assert cap.date == dt.date(2023, 8, 12)
    assert cap.credit == signoff[1:-1]


def test_file_prefix() -> None:
    cap = parse("FILE - A crowd gathers at the gate in Berlin, Germany, on May 1, 2019. (AP Photo/Jo Lee, File)")
    assert cap.file_photo and cap.country_code == "DE"
    assert cap.subject == "A crowd gathers at the gate."


def test_place_after_the_date() -> None:
    cap = parse("The president speaks in the East Room of the White House, Monday, Jan. 8, 2024, "
                "in Washington. (AP Photo/Evan Ross)")
    assert (cap.city, cap.country_code, cap.date) == ("Washington", "US", dt.date(2024, 1, 8))
    assert "White House" in cap.subject


def test_state_means_us_without_us_written() -> None:
    cap = parse("Surfers ride waves off Huntington Beach, Calif., Sunday, Dec. 3, 2023. (AP Photo/Ana Cruz)")
    assert (cap.region, cap.country_code, cap.country) == ("Calif.", "US", "")


def test_next_caption_after_the_signoff_is_residue() -> None:
    cap = parse("Snow falls in Denver, Colo., Monday, Feb. 5, 2024. (AP Photo/Kim Ward) Cars queue at a toll.")
    assert cap.photographer == "Kim Ward"
    assert "Cars queue" in cap.residue and "Cars queue" not in cap.subject


def test_a_source_organisation_is_not_the_city() -> None:
    cap = parse("In this photo provided by the Harbour Defence Forces, troops patrol in the Gaza Strip on "
                "Tuesday, March 5, 2024. (Harbour Defence Forces via AP)")
    assert (cap.city, cap.country_code, cap.photographer) == ("", "PS", "")


def test_older_file_photo_wording() -> None:
    cap = parse("In this Feb. 5, 2019, file photo, people walk past the courthouse in Springfield, Ill. "
                "(AP Photo/Seth Perl)")
    assert cap.file_photo and cap.date == dt.date(2019, 2, 5)
    assert (cap.city, cap.region, cap.country_code) == ("Springfield", "Ill.", "US")


def test_signoff_in_capitals() -> None:
    cap = parse("VOTERS WAIT OUTSIDE A SCHOOL IN SPRINGFIELD, ILL., TUESDAY, SEPT. 3, 2024. (AP PHOTO/SAM REYES)")
    assert (cap.photographer, cap.city, cap.region, cap.date) == (
        "SAM REYES", "SPRINGFIELD", "ILL.", dt.date(2024, 9, 3))


def test_signoff_without_parentheses() -> None:
    cap = parse("Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. AP Photo/Sam Reyes")
    assert (cap.agency, cap.photographer, cap.subject) == ("AP", "Sam Reyes", "Voters wait outside a school.")


def test_date_and_place_in_the_second_sentence() -> None:
    cap = parse("Fans cheer. The team won the title in Dallas, Tuesday, March 5, 2024. (AP Photo/Sam Hodd)")
    assert (cap.city, cap.country_code, cap.date) == ("Dallas", "US", dt.date(2024, 3, 5))


def test_date_on_the_line_after_the_signoff() -> None:
    cap = parse_caption("Firefighters battle a wildfire near Boise, Idaho. (AP Photo/Ana Costa)\r\nTuesday, July 30, 2024")
    assert cap.date == dt.date(2024, 7, 30)
    assert cap.residue == ""
    assert "July" not in cap.subject
