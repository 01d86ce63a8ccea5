"""XMP's spellings of camera values: rationals, GPS coordinates, ISO."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.images.xmpcamera import coordinate, rational, sensitivity


@pytest.mark.parametrize(("written", "value"), [
    ("3/5", 0.6), ("28/10", 2.8), ("2.8", 2.8), (" 1/250 ", 0.004), ("0/1", 0.0),
    ("1/0", None), ("-1/4", None), ("f/2.8", None), ("", None), ("nan", None), ("inf", None),
])
def test_rational(written: str, value: float | None) -> None:
    assert rational(written) == value


@pytest.mark.parametrize(("written", "value"), [
    ("54,59.38N", 54 + 59.38 / 60), ("1,54,51W", -(1 + 54 / 60 + 51 / 3600)),
    ("33,51.5S", -(33 + 51.5 / 60)), ("151,12.6E", 151 + 12.6 / 60), ("0,0N", 0.0),
    ("91,0N", None), ("10,60N", None), ("181,0E", None), ("54.98N", None), ("54,59.38", None),
])
def test_coordinate(written: str, value: float | None) -> None:
    assert coordinate(written) == (None if value is None else pytest.approx(value))


def test_sensitivity() -> None:
    assert [sensitivity(t) for t in ("400", " 100 ", "0", "ISO 200", "")] == [400, 100, None, None, None]


@given(st.integers(0, 90), st.integers(0, 59), st.integers(0, 59), st.sampled_from("NS"))
def test_coordinate_round_trips_degrees_minutes_seconds(deg: int, mins: int, secs: int, hemi: str) -> None:
    value = coordinate(f"{deg},{mins},{secs}{hemi}")
    if deg == 90 and (mins or secs):
        assert value is None
    else:
        expected = deg + mins / 60 + secs / 3600
        assert value == pytest.approx(-expected if hemi == "S" else expected)


@given(st.text(max_size=30))
def test_readers_never_raise(text: str) -> None:
    for read in (rational, coordinate, sensitivity):
        read(text)
