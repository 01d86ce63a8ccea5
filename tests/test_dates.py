"""catalog.captions.dates: every agency's date style, hints, and release dates."""

from __future__ import annotations

import datetime as dt

import pytest

from catalog.captions.dates import find_dates, first_date, is_release_date


@pytest.mark.parametrize(
    ("text", "expected", "matched"),
    [
        ("in Lyon, France March 5, 2024. REUTERS", dt.date(2024, 3, 5), "March 5, 2024"),
        ("Springfield, Ill., Tuesday, Sept. 3, 2024. (AP", dt.date(2024, 9, 3), "Tuesday, Sept. 3, 2024"),
        ("in Rome, Italy, 05 March 2024. EPA-EFE/X", dt.date(2024, 3, 5), "05 March 2024"),
        ("in Kyiv, Ukraine MARCH 5, 2024. REUTERS", dt.date(2024, 3, 5), "MARCH 5, 2024"),
        ("seen on Aug. 12 2023 at dawn", dt.date(2023, 8, 12), "Aug. 12 2023"),
        ("am 5. März 2024 in Berlin", dt.date(2024, 3, 5), "5. März 2024"),
        ("el 5 de marzo de 2024 en Madrid", dt.date(2024, 3, 5), "5 de marzo de 2024"),
        ("em 12 de outubro de 2023 no Rio", dt.date(2023, 10, 12), "12 de outubro de 2023"),
        ("taken on the 1st of June, 2022", dt.date(2022, 6, 1), "1st of June, 2022"),
        ("file dated 2021-07-04 here", dt.date(2021, 7, 4), "2021-07-04"),
        ("في أنطاكيا، تركيا، 10 فبراير 2023.", dt.date(2023, 2, 10), "10 فبراير 2023"),  # AFP's and AP's Arabic
    ],
)
def test_named_dates(text: str, expected: dt.date, matched: str) -> None:
    found = first_date(text)
    assert found is not None
    assert found.date == expected
    assert found.text == matched
    assert text[found.start : found.end] == matched


def test_numeric_dates_read_day_first_only_when_asked() -> None:
    assert first_date("Soccer - 01/10/2016 - x", day_first=True).date == dt.date(2016, 10, 1)
    assert first_date("Soccer - 01/10/2016 - x").date == dt.date(2016, 1, 10)
    # a first number above 12 can only be a day
    assert first_date("on 24/09/2016").date == dt.date(2016, 9, 24)
    # two-digit years only in day-first sports headers
    assert first_date("Stadium - 24/9/16 Arsenal", day_first=True).date == dt.date(2016, 9, 24)
    assert find_dates("Stadium - 24/9/16 Arsenal") == []


def test_year_from_hint_is_flagged() -> None:
    found = first_date("WASHINGTON, DC - MARCH 05: Senators", year_hint=2024)
    assert found.date == dt.date(2024, 3, 5)
    assert found.year_from_hint and not found.has_year
    without = first_date("WASHINGTON, DC - MARCH 05: Senators")
    assert without.date is None and (without.month, without.day) == (3, 5)


def test_words_that_are_not_months() -> None:
    assert find_dates("officials say they may 5 times") == []
    assert find_dates("protesters march 20 blocks") == []
    assert find_dates("No digits in March at all") == []


def test_impossible_dates_are_rejected() -> None:
    assert find_dates("on February 30, 2024") == []
    assert find_dates("on 31/04/2024", day_first=True) == []


def test_overlapping_matches_keep_the_longest() -> None:
    dates = find_dates("Tuesday, March 5, 2024 and 6 March 2024")
    assert [d.text for d in dates] == ["Tuesday, March 5, 2024", "6 March 2024"]


@pytest.mark.parametrize(
    ("text", "release"),
    [
        ("in this undated photo released on March 5, 2024", True),
        ("in this handout image released March 20, 2022", True),
        ("released by North Korea's Korean Central News Agency (KCNA) on March 5, 2024", True),
        ("a picture taken and released by the press service on March 5, 2024", False),
        ("people walk in Kyiv, Ukraine, March 5, 2024", False),
        ("released by the presidency shows a meeting in Tehran on May 2, 2024", False),
    ],
)
def test_release_dates(text: str, release: bool) -> None:
    found = find_dates(text)[-1]
    assert is_release_date(text, found) is release


def test_dotted_dates_are_day_first_and_a_day_above_12_decides() -> None:
    assert first_date("Dortmund, 06.04.2024: fans").date == dt.date(2024, 4, 6)
    assert first_date("on 06.04.2024", day_first=True).date == dt.date(2024, 4, 6)
    # a second number above 12 is the day even when day-first was asked
    assert first_date("on 04/26/2024", day_first=True).date == dt.date(2024, 4, 26)
    assert first_date("on 26/04/2024").date == dt.date(2024, 4, 26)


def test_slashed_dates_follow_the_house_style() -> None:
    from catalog.captions import parse_caption

    italian = parse_caption("Roma, 05/03/2024 - Agricoltori manifestano davanti al Senato. ANSA/MARIO ROSSI")
    assert italian.date == dt.date(2024, 3, 5)
    american = parse_caption("Crowds gather in Boise, Idaho, 05/03/2024. Photo: Ana Costa")
    assert american.date == dt.date(2024, 5, 3)
    assert american.country_code == "US"


def test_efe_lower_case_month_abbreviations_but_not_english_words() -> None:
    from catalog.captions.dates import find_dates

    assert [d.date.isoformat() for d in find_dates("Bogotá (Colombia), 10 mar 2024 (EFE).- Ciclistas",
                                                   day_first=True)] == ["2024-03-10"]
    assert [d.date.isoformat() for d in find_dates("Quito, 3 dic 2023 (EFE).-", day_first=True)] == ["2023-12-03"]
    assert find_dates("Fans may 3 times a year cheer in Rome 2024") == [] or all(
        d.text != "may 3" for d in find_dates("Fans may 3 times a year cheer in Rome 2024"))
