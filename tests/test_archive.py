"""The Archive API on real SQLite files: writes, search, corrections, stats, migrations."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from catalog.archive import Archive, ArchiveError
from catalog.archive.schema import migrations
from catalog.captions.model import Caption
from catalog.records import PhotoRecord


def record(sha: str, path: str, parsed: Caption | None = None, **columns) -> PhotoRecord:
    """A record with an explicit parse, so these tests do not depend on the parser."""
    columns.setdefault("caption", parsed.raw if parsed else "")
    return PhotoRecord(content_hash=sha, path=path, size=100, mtime_ns=5, columns=columns, caption=parsed)


BAKHMUT = Caption(
    raw="FILE PHOTO: Plumes of smoke rise over Bakhmut, Ukraine, January 7, 2023. REUTERS/Ann Lee/File Photo",
    subject="Plumes of smoke rise", city="Bakhmut", country="Ukraine", country_code="UA",
    date=dt.date(2023, 1, 7), agency="Reuters", photographer="Ann Lee",
    credit="REUTERS/Ann Lee/File Photo", file_photo=True, intermediaries=["Pool"],
)
LYON = Caption(
    raw="A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. REUTERS/Ana Costa",
    subject="A ferry leaves the harbour at dawn", city="Lyon", country="France", country_code="FR",
    date=dt.date(2024, 3, 5), agency="Reuters", photographer="Ana Costa", drone=True,
)
SPRINGFIELD = Caption(
    raw="Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)",
    subject="Voters wait outside a school", city="Springfield", region="Illinois",
    country="United States", country_code="US", date=dt.date(2024, 9, 3), agency="AP",
    photographer="Sam Reyes",
)


@pytest.fixture
def filled(tmp_archive: Archive) -> Archive:
    tmp_archive.upsert_photos([
        record("a" * 64, "/p/bakhmut.jpg", BAKHMUT, dhash="ff00ff00ff00ff00", make="Canon",
               has_conflict=1),
        record("b" * 64, "/p/lyon.jpg", LYON, dhash="0f0f0f0f0f0f0f0f"),
        record("c" * 64, "/p/springfield.jpg", SPRINGFIELD, dhash="ff00ff00ff00ff03"),
    ], import_id=None)
    return tmp_archive


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


# --- opening, migrations, bad files ---------------------------------------------------

def test_new_archive_is_migrated_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        assert {"photos", "photos_fts", "corrections", "imports", "import_errors",
                "thumbnails", "photo_paths"} <= set(archive.db.table_names())
        assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Archive(path) as again:
        assert [m.name for m in migrations.applied(again.db)] == ["m001_initial", "m002_undone_by",
                                                              "m003_has_conflict_index",
                                                              "m004_fts_update_trigger_on_text_only",
                                                              "m005_parser_version_index",
                                                              "m006_dhash_bands_and_id_agency_indexes",
                                                              "m007_country_name", "m008_content_hash"]
    with Archive(path, readonly=True) as reader:
        assert reader.count() == 0


def test_old_archive_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_undone_by")
    old.close()
    with Archive(path, readonly=True) as reader:  # readable as it is, not upgraded
        assert reader.count() == 0
        assert "undone_by" not in reader.db["corrections"].columns_dict
    with Archive(path) as archive:
        assert "undone_by" in archive.db["corrections"].columns_dict


def test_text_file_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(ArchiveError, match="is not a catalog archive"):
        Archive(path)
    with pytest.raises(ArchiveError, match="is not a catalog archive"):
        Archive(path, readonly=True)


def test_corrupt_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    Archive(path).close()
    data = bytearray(path.read_bytes())
    data[16:100] = b"\xff" * 84  # page size and header fields destroyed
    path.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match="is not a catalog archive"):
        Archive(path)


def test_other_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    Database(path)["invoices"].insert({"id": 1})
    with pytest.raises(ArchiveError, match="holds other tables"):
        Archive(path)


def test_missing_archive_readonly_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archive at"):
        Archive(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(ArchiveError, match="folder"):
        Archive(tmp_path)


def test_readonly_archive_reads_but_cannot_write(filled: Archive) -> None:
    with Archive(filled.path, readonly=True) as reader:
        assert reader.count("bakhmut") == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.correct(1, "city", "Kyiv", editor="t")


# --- writes ---------------------------------------------------------------------------

def test_upsert_by_content_hash_is_idempotent(tmp_archive: Archive) -> None:
    batch = [record("a" * 64, "/p/1.jpg", BAKHMUT), record("b" * 64, "/p/2.jpg", LYON)]
    assert tmp_archive.upsert_photos(batch, import_id=None) == {"inserted": 2, "updated": 0}
    assert tmp_archive.upsert_photos(batch, import_id=None) == {"inserted": 0, "updated": 2}
    assert tmp_archive.count() == 2
    assert tmp_archive.known_paths() == {"/p/1.jpg": (100, 5), "/p/2.jpg": (100, 5)}


def test_same_content_at_two_paths_is_one_photo(tmp_archive: Archive) -> None:
    result = tmp_archive.upsert_photos(
        [record("a" * 64, "/p/1.jpg", BAKHMUT), record("a" * 64, "/copy/1.jpg", BAKHMUT)], None)
    assert result == {"inserted": 1, "updated": 0}
    photo_id = tmp_archive.photo_id_for_hash("a" * 64)
    photo = tmp_archive.get(photo_id)
    assert photo["path"] == "/p/1.jpg"
    assert sorted(p["path"] for p in photo["paths"]) == ["/copy/1.jpg", "/p/1.jpg"]
    tmp_archive.add_path(photo_id, "/third/1.jpg", 100, 9)
    assert tmp_archive.known_paths()["/third/1.jpg"] == (100, 9)
    assert tmp_archive.photo_id_for_hash("0" * 64) is None


def test_stored_values_are_plain(filled: Archive) -> None:
    row = filled.get(1)
    assert row["date"] == "2023-01-07"
    assert row["file_photo"] == 1 and row["drone"] == 0
    assert row["intermediaries"] == '["Pool"]'
    assert Caption.from_dict(json.loads(row["parsed_json"])).city == "Bakhmut"


def test_fts_reindexes_only_when_text_changes(tmp_archive: Archive) -> None:
    tmp_archive.upsert_photos([record("a" * 64, "/p/1.jpg", caption="alphaword here")], None)
    trigger = tmp_archive.db.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'photos_au'").fetchone()[0]
    assert "AFTER UPDATE OF [caption], [subject]" in trigger
    tmp_archive.db.execute("UPDATE photos SET dhash = 'ffffffffffffffff', has_conflict = 1")
    tmp_archive.db.execute("UPDATE photos SET subject = 'gammaword'")
    assert ids(tmp_archive.search("alphaword")) == [1]
    assert ids(tmp_archive.search("gammaword")) == [1]
    # raises "database disk image is malformed" if the index and the table disagree
    tmp_archive.db.execute("INSERT INTO photos_fts(photos_fts, rank) VALUES ('integrity-check', 1)")


def test_fts_follows_an_update(tmp_archive: Archive) -> None:
    tmp_archive.upsert_photos([record("a" * 64, "/p/1.jpg", caption="alphaword here")], None)
    assert ids(tmp_archive.search("alphaword")) == [1]
    tmp_archive.upsert_photos([record("a" * 64, "/p/1.jpg", caption="betaword here")], None)
    assert tmp_archive.search("alphaword") == []
    assert ids(tmp_archive.search("betaword")) == [1]


def test_thumbnails(filled: Archive) -> None:
    assert [i for i, _ in filled.photos_without_thumbnail()] == [1, 2, 3]
    filled.set_thumbnail(2, b"\xff\xd8jpeg", 160, 107, "pillow")
    assert filled.thumbnail(2) == b"\xff\xd8jpeg"
    assert filled.thumbnail(1) is None
    assert filled.photos_without_thumbnail(limit=1) == [(1, "/p/bakhmut.jpg")]


def test_imports_errors_and_stats(filled: Archive) -> None:
    run = filled.start_import(["/p"])
    filled.record_error(run, "/p/broken.jpg", "the file is empty (0 bytes)", "empty")
    filled.finish_import(run, status="done", seen=4, imported=3, unchanged=0, failed=1)
    errors = filled.errors()
    assert errors[0]["path"] == "/p/broken.jpg" and errors[0]["reason"].startswith("the file is empty")
    assert filled.errors(import_id=run + 1) == []
    stats = filled.stats()
    assert stats["photos"] == 3 and stats["paths"] == 3
    assert stats["agencies"] == {"Reuters": 2, "AP": 1}
    assert stats["parser_versions"] == {}  # these records were not parsed by a versioned parser
    assert stats["date_from"] == "2023-01-07" and stats["date_to"] == "2024-09-03"
    assert stats["file_photos"] == 1 and stats["conflicts"] == 1
    assert stats["errors"] == 1 and stats["imports"] == 1
    assert stats["last_import"]["failed"] == 1 and stats["last_import"]["status"] == "done"


# --- search ---------------------------------------------------------------------------

def test_search_text_and_prefix(filled: Archive) -> None:
    assert ids(filled.search("bakhmut")) == [1]
    assert ids(filled.search("bakh")) == [1]          # half-typed
    assert ids(filled.search("BAKHMUT ")) == [1]
    assert filled.search("bakh ") == []               # a finished word is not a prefix
    assert ids(filled.search("springfield voters")) == [3]
    assert ids(filled.search('"harbour at dawn"')) == [2]
    assert ids(filled.search("reuters -bakhmut")) == [2]
    assert sorted(ids(filled.search("lyon OR springfield"))) == [2, 3]
    assert ids(filled.search("city:lyon")) == [2]


def test_search_orders(filled: Archive) -> None:
    assert ids(filled.search("", order="date")) == [3, 2, 1]
    assert ids(filled.search("reuters", order="date")) == [2, 1]
    ranked = filled.search("reuters", order="relevance")
    assert sorted(ids(ranked)) == [1, 2] and all("rank" in row for row in ranked)
    with pytest.raises(ArchiveError, match="order"):
        filled.search("x", order="random")


@pytest.mark.parametrize(("filters", "expected"), [
    ({"agency": "reuters"}, [2, 1]),
    ({"agency": "AP"}, [3]),
    ({"photographer": "ana costa"}, [2]),
    ({"country": "Ukraine"}, [1]),
    ({"country": "us"}, [3]),
    ({"date_from": "2024"}, [3, 2]),
    ({"date_to": "2023"}, [1]),
    ({"date_from": "2024-03", "date_to": "2024-03"}, [2]),
    ({"date_from": dt.date(2024, 3, 6)}, [3]),
    ({"file_photo": True}, [1]),
    ({"file_photo": False}, [3, 2]),
    ({"has_conflict": True}, [1]),
    ({"agency": "Reuters", "file_photo": False}, [2]),
])
def test_search_filters(filled: Archive, filters: dict, expected: list[int]) -> None:
    assert ids(filled.search(order="date", **filters)) == expected
    assert filled.count(**filters) == len(expected)


def test_bad_date_filter_is_explained(filled: Archive) -> None:
    with pytest.raises(ArchiveError, match="YYYY"):
        filled.search(date_from="last week")


def test_limit_offset_count_facets(filled: Archive) -> None:
    assert ids(filled.search(order="date", limit=1, offset=1)) == [2]
    assert filled.count("reuters") == 2
    assert filled.facets("agency") == [("Reuters", 2), ("AP", 1)]
    assert filled.facets("year", "reuters") == [("2023", 1), ("2024", 1)]
    assert filled.facets("country", agency="AP") == [("United States", 1)]
    with pytest.raises(ArchiveError, match="facets"):
        filled.facets("make")



def test_other_uses_by_picture_hash(filled: Archive) -> None:
    uses = filled.other_uses(1)
    assert ids(uses) == [3] and uses[0]["distance"] == 2
    assert filled.other_uses(1, max_distance=1) == []
    assert filled.other_uses(999) == []


# --- corrections ----------------------------------------------------------------------

def test_correction_is_effective_searchable_and_undoable(filled: Archive) -> None:
    first = filled.correct(1, "city", "Chasiv Yar", editor="desk")
    assert filled.get(1)["city"] == "Chasiv Yar"
    assert filled.get(1)["corrected_fields"] == '["city"]'
    assert ids(filled.search("chasiv")) == [1]
    second = filled.correct(1, "city", "Soledar", editor="desk2")
    assert [c["id"] for c in filled.history(1)] == [second, first]
    assert filled.history(1, "city")[0]["previous"] == "Chasiv Yar"
    filled.undo_correction(second, editor="desk")
    assert filled.get(1)["city"] == "Chasiv Yar"
    filled.undo_correction(first, editor="desk")
    row = filled.get(1)
    assert row["city"] == "Bakhmut" and row["corrected_fields"] == "[]"
    assert filled.search("chasiv") == []
    assert filled.history(1)[0]["undone_by"] == "desk"
    with pytest.raises(ArchiveError, match="already undone"):
        filled.undo_correction(first, editor="desk")


def test_reimport_never_overwrites_a_correction(filled: Archive) -> None:
    filled.correct(1, "photographer", "Ann B. Lee", editor="desk")
    filled.correct(1, "file_photo", "no", editor="desk")
    filled.correct(1, "date", "2023-01-08", editor="desk")
    filled.upsert_photos([record("a" * 64, "/p/bakhmut.jpg", BAKHMUT)], None)
    row = filled.get(1)
    assert (row["photographer"], row["file_photo"], row["date"]) == ("Ann B. Lee", 0, "2023-01-08")
    assert ids(filled.search(photographer="Ann B. Lee")) == [1]
    assert filled.search(file_photo=True) == []


def test_correction_values_are_checked(filled: Archive) -> None:
    with pytest.raises(ArchiveError, match="cannot be corrected"):
        filled.correct(1, "caption", "x", editor="t")
    with pytest.raises(ArchiveError, match="yes or no"):
        filled.correct(1, "pool", "maybe", editor="t")
    with pytest.raises(ArchiveError, match="YYYY-MM-DD"):
        filled.correct(1, "date", "7 Jan 2023", editor="t")
    with pytest.raises(ArchiveError, match="not a real date"):
        filled.correct(1, "date", "2023-02-30", editor="t")
    with pytest.raises(ArchiveError, match="no photo"):
        filled.correct(99, "city", "Kyiv", editor="t")
    with pytest.raises(ArchiveError, match="no correction"):
        filled.undo_correction(99, editor="t")
    assert filled.history(1) == []


def test_clearing_a_date_and_undo_without_stored_parse(tmp_archive: Archive) -> None:
    tmp_archive.upsert_photos([record("d" * 64, "/p/x.jpg", None, caption="x", city="Kyiv",
                                      date="2022-02-24")], None)
    cid = tmp_archive.correct(1, "date", "", editor="t")
    assert tmp_archive.get(1)["date"] is None
    tmp_archive.undo_correction(cid, editor="t")
    assert tmp_archive.get(1)["date"] == "2022-02-24"


def test_date_correction_recomputes_the_camera_conflict(tmp_archive: Archive) -> None:
    tmp_archive.upsert_photos([record("e" * 64, "/p/e.jpg", BAKHMUT, taken_at="2023-01-07T13:42:05",
                                      date_conflict_days=0, has_conflict=0)], None)
    correction = tmp_archive.correct(1, "date", "2023-01-20", editor="desk")
    row = tmp_archive.get(1)
    assert (row["date_conflict_days"], row["has_conflict"]) == (13, 1)
    assert ids(tmp_archive.search(has_conflict=True)) == [1]
    tmp_archive.undo_correction(correction, editor="desk")
    row = tmp_archive.get(1)
    assert (row["date_conflict_days"], row["has_conflict"]) == (0, 0)


def test_undo_falls_back_to_the_files_byline_like_the_importer(tmp_archive: Archive) -> None:
    dpa = Caption(raw="Ein Zug fährt durch Berlin. +++ dpa-Bildfunk +++", agency="dpa")
    tmp_archive.upsert_photos([record("f" * 64, "/p/f.jpg", dpa, byline="Jens Weber",
                                      photographer="Jens Weber")], None)
    correction = tmp_archive.correct(1, "photographer", "J. Weber", editor="desk")
    tmp_archive.undo_correction(correction, editor="desk")
    assert tmp_archive.get(1)["photographer"] == "Jens Weber"


def test_two_writers_take_turns(filled: Archive) -> None:
    """The importer and an editor write at once: both wait their turn, neither fails."""
    import threading

    failures: list[BaseException] = []

    def editor() -> None:
        try:
            with Archive(filled.path) as other:
                for n in range(15):
                    other.correct(2, "city", f"Lyon {n}", editor="desk")
        except BaseException as exc:  # reported to the test below
            failures.append(exc)

    thread = threading.Thread(target=editor)
    thread.start()
    for n in range(15):
        filled.upsert_photos([record(f"{n:064x}", f"/p/new{n}.jpg", LYON),
                              record("b" * 64, "/p/lyon.jpg", LYON)], None)
    thread.join(timeout=30)
    assert failures == []
    assert filled.get(2)["city"] == "Lyon 14" and filled.count() == 18


def test_dense_and_sparse_date_searches_agree(tmp_archive: Archive) -> None:
    """Walking the date index (many matches) and sorting the matches give the same pages."""
    records = []
    for n in range(40):
        day = None if n % 7 == 0 else dt.date(2020 + n % 4, 1 + n % 12, 1 + n % 5)
        parsed = dataclasses.replace(LYON, raw=f"ferry {'harbour' if n % 3 else 'dock'} {n}",
                                     date=day)
        records.append(record(f"{n:064x}", f"/p/{n}.jpg", parsed))
    tmp_archive.upsert_photos(records, None)
    plans = {}
    for dense in (3, 10_000):
        tmp_archive.dense_matches = dense
        plans[dense] = [ids(tmp_archive.search(q, order="date", limit=7, offset=o))
                        for q in ("ferry", "harbour", "dock", "fer") for o in (0, 7, 35)]
        sql, _, _ = tmp_archive._select("ferry", {}, order="date")
        assert ("INDEXED BY" in sql) == (dense == 3)
    assert plans[3] == plans[10_000]
    newest_first = tmp_archive.search("ferry", order="date", limit=None)
    dates = [row["date"] for row in newest_first]
    assert dates[-6:] == [None] * 6 and dates[:-6] == sorted(dates[:-6], reverse=True)


def test_shared_fixtures_make_searchable_records(tmp_archive: Archive, make_record) -> None:
    first = make_record("Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. "
                        "(AP Photo/Sam Reyes)", make="Nikon")
    second = make_record("", path="/photos/blank.jpg")
    assert first.content_hash != second.content_hash and first.caption is not None and second.caption is None
    assert tmp_archive.upsert_photos([first, second], None) == {"inserted": 2, "updated": 0}
    found = tmp_archive.search("springfield")
    assert [row["make"] for row in found] == ["Nikon"]
    assert json.loads(found[0]["parsed_json"])["raw"] == first.columns["caption"]
