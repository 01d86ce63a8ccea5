"""build_record and reconcile: columns filled, conflicts measured and thresholded."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from catalog.captions.model import Caption
from catalog.images.model import ImageInfo
from catalog.records import (
    COUNTRY_CONFLICT_KM,
    PLACE_CONFLICT_KM,
    build_record,
    haversine_km,
    reconcile,
    year_hint,
)

PARIS = (48.8566, 2.3522)
LYON = (45.7640, 4.8357)


def _info(**kw) -> ImageInfo:
    base = dict(path="/x/a.jpg", format="JPEG", width=300, height=200, file_size=1234,
                make="Canon", model="EOS R5", taken_at="2024-03-05T07:10:00",
                taken_offset="+01:00")
    base.update(kw)
    return ImageInfo(**base)


def _caption(**kw) -> Caption:
    base = dict(raw="A ferry in Lyon, France March 5, 2024. REUTERS/Ana Costa",
                text="A ferry in Lyon, France March 5, 2024. REUTERS/Ana Costa",
                subject="A ferry", city="Lyon", country="France", country_code="FR",
                place_lat=LYON[0], place_lon=LYON[1], date=dt.date(2024, 3, 5),
                agency="Reuters", photographer="Ana Costa", credit="REUTERS/Ana Costa",
                restrictions=["no_resales"], spans={"city": (12, 16)}, format="reuters",
                confidence=0.9)
    base.update(kw)
    return Caption(**base)


def test_build_record_fills_exif_iptc_and_parsed_columns():
    info = _info(iptc={"headline": "Ferry", "keywords": ["boats", "dawn"],
                       "date_created": "2024-03-05", "byline": ["Ana Costa"]},
                 xmp={"headline": "Ferry at dawn"}, gps_lat=LYON[0], gps_lon=LYON[1],
                 warnings=["EXIF unreadable (ValueError: x)"])
    record = build_record(info, _caption(), content_hash="ab" * 32, size=1234, mtime_ns=5,
                          caption_source="iptc", dhash="0f0f0f0f0f0f0f0f", parser_version="3")
    cols = record.columns
    assert (record.content_hash, record.path, record.size, record.mtime_ns) == ("ab" * 32, "/x/a.jpg",
                                                                         1234, 5)
    assert cols["make"] == "Canon" and cols["width"] == 300
    assert cols["headline"] == "Ferry at dawn"  # XMP is the master copy
    assert cols["keywords"] == "boats; dawn"
    assert cols["byline"] == "Ana Costa"
    assert cols["iptc_date"] == "2024-03-05"
    assert cols["city"] == "Lyon" and cols["agency"] == "Reuters"
    assert cols["date"] == "2024-03-05"
    assert json.loads(cols["restrictions"]) == ["no_resales"]
    assert json.loads(cols["spans"]) == {"city": [12, 16]}
    assert json.loads(cols["parsed_json"])["photographer"] == "Ana Costa"
    assert cols["caption_source"] == "iptc" and cols["parser_version"] == "3"
    assert cols["dhash"] == "0f0f0f0f0f0f0f0f"
    assert cols["date_conflict_days"] == 0 and cols["place_conflict_km"] == 0.0
    assert cols["has_conflict"] == 0
    assert record.warnings == ["EXIF unreadable (ValueError: x)"]


def test_build_record_without_caption_or_dhash_leaves_them_out():
    info = _info(iptc={"byline": "Hans Muster", "city": "Berlin", "country": "Germany"})
    cols = build_record(info, None, content_hash="c" * 64, size=1, mtime_ns=1, caption_source="",
                        dhash=None).columns
    assert cols["caption"] is None and "dhash" not in cols
    # the file's own IPTC fields stand in where the caption says nothing (dpa style)
    assert (cols["photographer"], cols["city"], cols["country"]) == (
        "Hans Muster", "Berlin", "Germany")


@pytest.mark.parametrize(("caption_date", "days", "conflict"), [
    (dt.date(2024, 3, 5), 0, 0),
    (dt.date(2024, 3, 6), 1, 0),   # one day: time zones, midnight, sent date
    (dt.date(2024, 3, 7), 2, 1),
    (dt.date(2023, 3, 5), 366, 1),
])
def test_date_conflict_counts_from_two_days(caption_date, days, conflict):
    out = reconcile(_caption(date=caption_date, place_lat=None), _info())
    assert out["date_conflict_days"] == days
    assert out["has_conflict"] == conflict


def test_place_conflict_uses_city_and_country_thresholds():
    far = reconcile(_caption(), _info(gps_lat=PARIS[0], gps_lon=PARIS[1]))
    assert far["place_conflict_km"] == pytest.approx(392, abs=5)
    assert far["has_conflict"] == 1
    near = reconcile(_caption(), _info(gps_lat=45.80, gps_lon=4.90))
    assert near["place_conflict_km"] < PLACE_CONFLICT_KM and near["has_conflict"] == 0
    # country only: the place is a centroid, so only a different-country distance counts
    country_only = reconcile(_caption(city=""), _info(gps_lat=PARIS[0], gps_lon=PARIS[1]))
    assert country_only["place_conflict_km"] < COUNTRY_CONFLICT_KM
    assert country_only["has_conflict"] == 0


def test_no_conflict_measured_without_both_sides():
    out = reconcile(_caption(date=None), _info(taken_at="", gps_lat=None))
    assert out == {"date_conflict_days": None, "place_conflict_km": None, "has_conflict": 0}
    assert reconcile(None, _info())["has_conflict"] == 0


def test_haversine_known_distance():
    assert haversine_km(*PARIS, *LYON) == pytest.approx(392, abs=3)
    assert haversine_km(0, 0, 0, 0) == 0


def test_year_hint_prefers_iptc_date_then_camera():
    assert year_hint(_info(iptc={"date_created": "20190704"})) == 2019
    assert year_hint(_info(xmp={"date_created": "2018-01-02T10:00:00"})) == 2018
    assert year_hint(_info()) == 2024
    assert year_hint(_info(taken_at="")) is None
    assert year_hint(_info(taken_at="2021:05:06 10:00:00")) == 2021
