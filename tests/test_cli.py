"""The ``catalog`` command through click's CliRunner, on real archive files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from catalog.archive import Archive
from catalog.captions.model import Caption
from catalog.cli import CatalogGroup, cli
from catalog.hookspecs import hookimpl
from catalog.plugins import make_plugin_manager
from catalog.records import PhotoRecord

BAKHMUT = Caption(
    raw="FILE PHOTO: Smoke rises over Bakhmut, Ukraine, January 7, 2023. REUTERS/Ann Lee/File Photo",
    subject="Smoke rises", city="Bakhmut", country="Ukraine", country_code="UA",
    date=dt.date(2023, 1, 7), agency="Reuters", photographer="Ann Lee", file_photo=True,
)
SPRINGFIELD = Caption(
    raw="Voters wait in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)",
    subject="Voters wait", city="Springfield", country="United States", country_code="US",
    date=dt.date(2024, 9, 3), agency="AP", photographer="Sam Reyes",
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "cli.db"
    with Archive(path) as archive:
        archive.upsert_photos([
            PhotoRecord("a" * 64, "/p/bakhmut.jpg", 10, 1, caption=BAKHMUT, columns={
                "caption": BAKHMUT.raw, "make": "Canon", "model": "EOS R5",
                "taken_at": "2023-01-07T14:03:11", "gps_lat": 48.59, "gps_lon": 38.0,
                "dhash": "ff00ff00ff00ff00"}),
            PhotoRecord("b" * 64, "/p/springfield.jpg", 10, 1, caption=SPRINGFIELD, columns={
                "caption": SPRINGFIELD.raw, "dhash": "ff00ff00ff00ff01"}),
        ], None)
    return str(path)


def run(*args: str, input: str | None = None, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def test_version() -> None:
    assert "0.1.0" in run("--version")


def test_help_lists_core_and_importer_commands() -> None:
    out = run("--help")
    for name in ("search", "show", "parse", "stats", "correct", "undo", "history", "export",
                 "reparse", "import", "errors"):
        assert f"  {name}" in out


def test_search_json_is_flat(db: str) -> None:
    rows = json.loads(run("search", "bakhmut", "--json", "--db", db))
    assert len(rows) == 1
    row = rows[0]
    assert row["agency"] == "Reuters" and row["photographer"] == "Ann Lee"
    assert row["file_photo"] is True and row["date"] == "2023-01-07"
    assert (row["make"], row["model"], row["gps_lat"]) == ("Canon", "EOS R5", 48.59)
    assert row["path"] == "/p/bakhmut.jpg" and "parsed_json" not in row


def test_search_filters_and_table(db: str) -> None:
    assert [r["id"] for r in json.loads(run("search", "--agency", "AP", "--json", "--db", db))] == [2]
    assert json.loads(run("search", "--not-file-photo", "--from", "2024", "--json", "--db", db))[0]["id"] == 2
    assert json.loads(run("search", "--file-photo", "--to", "2023-12", "--json", "--db", db))[0]["id"] == 1
    assert json.loads(run("search", "--conflicts", "--json", "--db", db)) == []
    out = run("search", "voters", "--db", db)
    assert "Reyes" in out and "1 photo(s) match" in out


@pytest.mark.parametrize("query", ['"', "-", "AND", "bakh", "NOT", "a OR", "(", "*", "city:"])
def test_search_hostile_text_never_tracebacks(db: str, query: str) -> None:
    json.loads(run("search", query, "--json", "--db", db))
    run("search", query, "--db", db)


def test_bad_date_is_a_clear_error(db: str) -> None:
    out = run("search", "--from", "yesterday", "--db", db, code=1)
    assert "Error: dates are written YYYY" in out


def test_missing_and_corrupt_db(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    for command in (["search", "x"], ["show", "1"], ["stats"], ["history", "1"], ["export"],
                    ["reparse"], ["correct", "1", "city", "Kyiv"]):
        out = run(*command, "--db", str(missing), code=1)
        assert f"no archive at {missing}: run `catalog import` first" in out
    assert not missing.exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\xff\xd8\xff\xe0 a JPEG, not a database" * 50)
    for command in (["search", "x"], ["stats"], ["correct", "1", "city", "Kyiv"]):
        out = run(*command, "--db", str(junk), code=1)
        assert f"Error: {junk} is not a catalog archive" in out


def test_show(db: str) -> None:
    data = json.loads(run("show", "1", "--json", "--db", db))
    assert data["city"] == "Bakhmut" and data["paths"][0]["path"] == "/p/bakhmut.jpg"
    assert data["other_uses"][0]["id"] == 2 and data["other_uses"][0]["distance"] == 1
    assert json.loads(data["parsed_json"])["city"] == "Bakhmut"
    out = run("show", "1", "--db", db)
    assert "Bakhmut" in out and "other use: photo 2" in out
    assert "no photo with id 9" in run("show", "9", "--db", db, code=1)


def test_correct_undo_history(db: str) -> None:
    out = run("correct", "1", "city", "Soledar", "--editor", "desk", "--db", db)
    assert "correction 1: photo 1 city is now 'Soledar'" in out
    assert json.loads(run("search", "soledar", "--json", "--db", db))[0]["id"] == 1
    history = json.loads(run("history", "1", "--json", "--db", db))
    assert history[0]["previous"] == "Bakhmut" and history[0]["editor"] == "desk"
    assert "'Bakhmut' -> 'Soledar' by desk" in run("history", "1", "--db", db)
    out = run("undo", "1", "--editor", "desk", "--db", db)
    assert "correction 1 undone: photo 1 city is now 'Bakhmut'" in out
    assert json.loads(run("show", "1", "--json", "--db", db))["city"] == "Bakhmut"
    assert "already undone" in run("undo", "1", "--db", db, code=1)
    assert "yes or no" in run("correct", "1", "pool", "perhaps", "--db", db, code=1)
    assert "Invalid value" in run("correct", "1", "caption", "x", "--db", db, code=2)


def test_export_csv_and_jsonl(db: str, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db))))
    assert [r["id"] for r in rows] == ["2", "1"] and rows[1]["city"] == "Bakhmut"
    target = tmp_path / "out.jsonl"
    run("export", "bakhmut", "--format", "jsonl", "-o", str(target), "--db", db)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["file_photo"] is True


def test_stats(db: str) -> None:
    numbers = json.loads(run("stats", "--json", "--db", db))
    assert numbers["photos"] == 2 and numbers["agencies"] == {"AP": 1, "Reuters": 1}
    assert "2 photos at 2 paths, dated 2023-01-07 to 2024-09-03" in run("stats", "--db", db)


def test_parse_one_and_many() -> None:
    caption = "Voters wait in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)"
    data = json.loads(run("parse", caption, "--json"))
    assert data["raw"] == caption
    lines = run("parse", "-", input=f"{caption}\n\nsecond caption\n").splitlines()
    assert [json.loads(line)["raw"] for line in lines] == [caption, "second caption"]
    run("parse", caption)


def test_reparse_counts_and_keeps_corrections(db: str) -> None:
    run("correct", "2", "city", "Springfield Ill", "--db", db)
    report = json.loads(run("reparse", "--all", "--json", "--db", db))
    assert report["checked"] == 2
    assert json.loads(run("show", "2", "--json", "--db", db))["city"] == "Springfield Ill"
    again = json.loads(run("reparse", "--json", "--db", db))
    assert again["checked"] == 0  # every caption is at the current parser version now


class GoodPlugin:
    @hookimpl
    def register_commands(self, cli: click.Group) -> None:
        @cli.command(name="hello")
        def hello() -> None:
            click.echo("hello from a plugin")


class BrokenPlugin:
    @hookimpl
    def register_commands(self, cli: click.Group) -> None:
        raise RuntimeError("plugin bug")


def test_plugins_add_commands_through_the_hook() -> None:
    group = CatalogGroup(name="catalog")
    manager = make_plugin_manager(load_entry_points=False)
    manager.register(GoodPlugin())
    group.load_plugins(manager)
    result = CliRunner().invoke(group, ["hello"])
    assert result.output == "hello from a plugin\n"


def test_a_broken_plugin_does_not_break_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    group = CatalogGroup(name="catalog")
    group.add_command(click.Command("core", callback=lambda: click.echo("core ok")))
    manager = make_plugin_manager(load_entry_points=False)
    manager.register(BrokenPlugin())
    group.load_plugins(manager)
    assert "a plugin failed to add its commands: RuntimeError('plugin bug')" in capsys.readouterr().err
    result = CliRunner().invoke(group, ["core"])
    assert result.exit_code == 0 and "core ok" in result.output


def test_truncated_archive_is_a_clear_error(tmp_path: Path, make_record) -> None:
    path = tmp_path / "cut.db"
    with Archive(path) as archive:
        archive.upsert_photos([make_record(f"Caption number {n} about a harbour " * 20)
                               for n in range(300)], None)
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    for command in (["search", "harbour"], ["stats"], ["export"]):
        result = CliRunner().invoke(cli, [*command, "--db", str(path)])
        assert result.exit_code == 1, (command, result.output)
        assert "Error:" in result.output and "catalog archive" in result.output
        assert "Traceback" not in result.output


def test_import_into_a_non_archive_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database\n" * 100)
    out = run("import", str(tmp_path), "--db", str(junk), code=1)
    assert f"{junk} is not a catalog archive" in out
