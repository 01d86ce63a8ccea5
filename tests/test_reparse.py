"""Re-parse: new parser output replaces the old, corrections stay, the report counts fields."""

from __future__ import annotations

import dataclasses
import datetime as dt

from catalog.archive import Archive
from catalog.captions.model import Caption
from catalog.records import PhotoRecord
from catalog.reparse import current_parser_version, pending, reparse

OLD = Caption(raw="Smoke over Bakhmut, Ukraine. REUTERS/Ann Lee", city="Bakhmut",
              country="Ukraine", agency="Reuters", photographer="Ann Lee")


def new_parser(text: str, *, year_hint: int | None = None) -> Caption:
    """A stand-in for a newer parser version: it also finds a date (the year from the hint)."""
    return dataclasses.replace(OLD, raw=text, text=text, country_code="UA",
                               date=dt.date(year_hint or 2000, 1, 7), date_from_hint=True)


def fill(archive: Archive) -> None:
    archive.upsert_photos([
        PhotoRecord("a" * 64, "/p/a.jpg", 1, 1, caption=OLD,
                    columns={"caption": OLD.raw, "parser_version": "1", "iptc_date": "2023-01-07",
                             "taken_at": "2023-01-07T10:00:00"}),
        PhotoRecord("b" * 64, "/p/b.jpg", 1, 1, caption=OLD,
                    columns={"caption": OLD.raw, "parser_version": "2"}),
        PhotoRecord("c" * 64, "/p/c.jpg", 1, 1, columns={"caption": "", "parser_version": "1"}),
    ], None)


def test_only_other_versions_are_reparsed_and_counted(tmp_archive: Archive) -> None:
    fill(tmp_archive)
    tmp_archive.correct(1, "country", "Ukr.", editor="desk")
    report = reparse(tmp_archive, parser=new_parser, parser_version="2")
    assert (report.checked, report.changed) == (1, 1)
    assert report.fields == {"country_code": 1, "date": 1, "date_conflict_days": 1}
    row = tmp_archive.get(1)
    assert (row["date"], row["country_code"], row["parser_version"]) == ("2023-01-07", "UA", "2")
    assert row["date_conflict_days"] == 0
    assert row["country"] == "Ukr." and row["corrected_fields"] == '["country"]'
    assert tmp_archive.get(2)["date"] is None  # already at version 2: left alone
    assert tmp_archive.count("ukr ") == 1  # the corrected value is indexed (a whole word)


def test_everything_and_idempotence(tmp_archive: Archive) -> None:
    fill(tmp_archive)
    first = reparse(tmp_archive, everything=True, parser=new_parser, parser_version="2")
    assert (first.checked, first.changed) == (2, 2)  # the row without a caption is skipped
    assert tmp_archive.stats()["parser_versions"] == {"2": 2, "1": 1}
    second = reparse(tmp_archive, everything=True, parser=new_parser, parser_version="2")
    assert (second.checked, second.changed, dict(second.fields)) == (2, 0, {})
    assert reparse(tmp_archive, parser=new_parser, parser_version="2").checked == 0


def test_undo_after_reparse_falls_back_to_the_new_parse(tmp_archive: Archive) -> None:
    fill(tmp_archive)
    correction = tmp_archive.correct(1, "date", "2023-01-09", editor="desk")
    reparse(tmp_archive, parser=new_parser, parser_version="2")
    assert tmp_archive.get(1)["date"] == "2023-01-09"
    tmp_archive.undo_correction(correction, editor="desk")
    row = tmp_archive.get(1)
    assert row["date"] == "2023-01-07" and row["date_conflict_days"] == 0


def test_batches_and_report_dict(tmp_archive: Archive) -> None:
    tmp_archive.upsert_photos([
        PhotoRecord(f"{i:064x}", f"/p/{i}.jpg", 1, 1, caption=OLD, columns={"caption": OLD.raw})
        for i in range(7)], None)
    seen: list[int] = []
    report = reparse(tmp_archive, parser=new_parser, parser_version="9", batch_size=3,
                     on_batch=lambda r: seen.append(r.checked))
    assert seen == [3, 6, 7]
    assert report.to_dict()["fields"]["date"] == 7
    assert isinstance(current_parser_version(), str)


def test_pending_counts_what_reparse_will_check(tmp_archive: Archive) -> None:
    fill(tmp_archive)
    assert pending(tmp_archive, parser_version="2") == 1
    assert pending(tmp_archive, everything=True, parser_version="2") == 2
    assert reparse(tmp_archive, parser=new_parser, parser_version="2").checked == 1
    assert pending(tmp_archive, parser_version="2") == 0


def test_a_caption_the_parser_fails_on_is_reported_and_left_alone(tmp_archive: Archive) -> None:
    fill(tmp_archive)
    tmp_archive.upsert_photos([PhotoRecord("d" * 64, "/p/d.jpg", 1, 1, caption=OLD,
                                           columns={"caption": "boom " + OLD.raw})], None)

    def fragile(text: str, *, year_hint: int | None = None) -> Caption:
        if text.startswith("boom"):
            raise ValueError("cannot parse this")
        return new_parser(text, year_hint=year_hint)

    report = reparse(tmp_archive, everything=True, parser=fragile, parser_version="3")
    assert report.checked == 3 and report.changed == 2
    assert report.failed == [(4, "ValueError: cannot parse this")]
    row = tmp_archive.get(4)
    assert row["parser_version"] is None and row["date"] is None
    assert report.to_dict()["failed"] == [{"id": 4, "reason": "ValueError: cannot parse this"}]
