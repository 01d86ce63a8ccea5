"""``country_name``: one name per country for facets, filters and stats, however captions
wrote it; it follows corrections and undo, and older archives get it by migration."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from catalog.archive import Archive, check_archive
from catalog.archive.schema import migrations
from catalog.captions.model import Caption
from catalog.records import PhotoRecord, standard_country


def record(sha: str, caption: Caption, **columns) -> PhotoRecord:
    columns.setdefault("caption", caption.raw)
    return PhotoRecord(content_hash=sha * 64, path=f"/p/{sha}.jpg", size=1, mtime_ns=1,
                       columns=columns, caption=caption)


def caption(country: str, code: str, city: str = "", region: str = "") -> Caption:
    return Caption(raw=f"A scene in {city}, {region or country}.", subject="A scene",
                   city=city, region=region, country=country, country_code=code)


@pytest.fixture
def mixed(tmp_archive: Archive) -> Archive:
    tmp_archive.upsert_photos([
        record("a", caption("Britain", "GB", "London")),
        record("b", caption("England", "GB", "Leeds")),
        record("c", caption("UK", "GB", "Glasgow")),
        record("d", caption("", "US", "Springfield", "Ill.")),  # AP: the state alone
        record("e", caption("France", "FR", "Lyon")),
        record("f", caption("", "")),
        # a name without a code (as the IPTC Country fills it): grouped by its name
        record("9", caption("Deutschland", "")),
    ], import_id=None)
    return tmp_archive


@pytest.mark.parametrize(("code", "written", "expected"), [
    ("GB", "England", "United Kingdom"),
    ("us", None, "United States"),
    ("", "Deutschland", "Germany"),    # the written name's code, when the parse gave none
    ("", "Atlantis", "Atlantis"),      # unknown to the gazetteer: kept as written
    (None, " ", None),
])
def test_standard_country(code: str | None, written: str | None, expected: str | None) -> None:
    assert standard_country(code, written) == expected


def test_facets_stats_and_filter_group_the_ways_a_country_is_written(mixed: Archive) -> None:
    facets = dict(mixed.facets("country"))
    assert facets["United Kingdom"] == 3
    assert facets["United States"] == 1
    assert facets["Germany"] == 1
    assert "Britain" not in facets and "England" not in facets
    assert mixed.stats()["countries"]["United Kingdom"] == 3
    cities = {row["city"] for row in mixed.search("", country="United Kingdom")}
    assert cities == {"London", "Leeds", "Glasgow"}
    # as written and as a code still find them
    assert [row["city"] for row in mixed.search("", country="England")] == ["Leeds"]
    assert len(list(mixed.search("", country="gb"))) == 3


def test_corrections_and_undo_move_the_grouped_name(mixed: Archive) -> None:
    photo_id = mixed.db.execute("SELECT id FROM photos WHERE city = 'Lyon'").fetchone()[0]
    name = lambda: mixed.db.execute(  # noqa: E731
        "SELECT country_name FROM photos WHERE id = ?", [photo_id]).fetchone()[0]
    correction = mixed.correct(photo_id, "country_code", "BE", editor="desk")
    assert name() == "Belgium"
    mixed.undo_correction(correction, editor="desk")
    assert name() == "France"
    mixed.correct(photo_id, "country", "Switzerland", editor="desk")  # the code still says FR
    assert name() == "Switzerland"
    mixed.correct(photo_id, "country", "Atlantis", editor="desk")  # unknown: the code decides
    assert name() == "France"


def test_a_corrected_country_keeps_its_name_through_a_reimport(mixed: Archive) -> None:
    photo_id = mixed.db.execute("SELECT id FROM photos WHERE city = 'Glasgow'").fetchone()[0]
    mixed.correct(photo_id, "country", "Ireland", editor="desk")
    mixed.upsert_photos([record("c", caption("UK", "GB", "Glasgow"))], import_id=None)
    assert mixed.get(photo_id)["country_name"] == "Ireland"


def test_reimport_keeps_a_corrected_country_grouped(mixed: Archive) -> None:
    photo_id = mixed.db.execute("SELECT id FROM photos WHERE city = 'Leeds'").fetchone()[0]
    mixed.correct(photo_id, "country_code", "IE", editor="desk")
    mixed.upsert_photos([record("b", caption("England", "GB", "Leeds"))], import_id=None)
    row = mixed.get(photo_id)
    assert (row["country"], row["country_code"], row["country_name"]) == ("England", "IE", "Ireland")


def test_older_archive_is_filled_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m007_country_name")
    old.execute("ALTER TABLE photos DROP COLUMN country_name")  # as m001 made it before m007
    old["photos"].insert_all([
        {"content_hash": "1" * 64, "path": "/p/1.jpg", "country": "U.K.", "country_code": "GB"},
        {"content_hash": "2" * 64, "path": "/p/2.jpg", "country": "", "country_code": "US"},
    ])
    old.close()
    with Archive(path, readonly=True) as reader:  # read as it is: facets fall back
        assert dict(reader.facets("country")) == {"U.K.": 1}
        assert len(list(reader.search("", country="GB"))) == 1
    check_archive(path)  # what `catalog serve` and `catalog tui` do first
    with Archive(path, readonly=True) as upgraded:
        assert dict(upgraded.facets("country")) == {"United Kingdom": 1, "United States": 1}
