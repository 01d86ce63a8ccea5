"""From a folder of wire photos to answers: the real importer, readers, parser and CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog.archive import Archive
from catalog.cli import cli

BAKHMUT = "reuters/bakhmut_smoke.jpg"


@pytest.fixture(scope="module")
def expected(samples_dir: Path) -> dict[str, dict]:
    data = json.loads((samples_dir / "expected.json").read_text(encoding="utf-8"))
    return {entry["path"]: entry for entry in data["files"]}


def catalog(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_search_bakhmut_json(sample_db: Path, samples_dir: Path, expected: dict) -> None:
    rows = json.loads(catalog("search", "bakhmut", "--json", "--db", str(sample_db)))
    found = [r for r in rows if r["path"] == str(samples_dir / BAKHMUT)]
    assert len(found) == 1, [r["path"] for r in rows]
    row = found[0]
    assert (row["agency"], row["photographer"], row["file_photo"], row["date"], row["city"],
            row["country"]) == ("Reuters", "Clodagh Kilcoyne", True, "2023-01-07", "Bakhmut",
                                "Ukraine")
    camera = expected[BAKHMUT]["camera"]
    for name, value in camera.items():
        if isinstance(value, float):
            assert row[name] == pytest.approx(value, abs=1e-4), name
        else:
            assert row[name] == value, name


def test_every_good_file_is_imported_and_broken_ones_are_explained(
        sample_db: Path, samples_dir: Path, expected: dict) -> None:
    with Archive(sample_db, readonly=True) as archive:
        known = archive.known_paths()
        errors = {row["path"]: row for row in archive.errors(limit=1000)}
        stats = archive.stats()
    for rel, entry in expected.items():
        path = str(samples_dir / rel)
        if entry["outcome"] == "error":
            assert path not in known, rel
            assert errors[path]["reason"], rel
        else:
            assert path in known, rel
    failed = sum(1 for e in expected.values() if e["outcome"] == "error")
    assert stats["errors"] == failed
    assert stats["paths"] == len(expected) - failed


def test_reimport_changes_nothing(sample_db: Path, samples_dir: Path, expected: dict,
                                  tmp_path: Path, run_import) -> None:
    db = tmp_path / "again.db"
    shutil.copy(sample_db, db)
    with Archive(db, readonly=True) as archive:
        before = archive.db.execute("SELECT id, content_hash, updated_at FROM photos ORDER BY id").fetchall()
    result = run_import(samples_dir, db, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output[result.output.index("{"):])
    good = sum(1 for e in expected.values() if e["outcome"] != "error")
    assert (summary["imported"], summary["unchanged"]) == (0, good)
    with Archive(db, readonly=True) as archive:
        after = archive.db.execute("SELECT id, content_hash, updated_at FROM photos ORDER BY id").fetchall()
    assert after == before


def test_reparse_right_after_import_changes_nothing(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "reparsed.db"
    shutil.copy(sample_db, db)
    report = json.loads(catalog("reparse", "--all", "--json", "--db", str(db)))
    assert report["checked"] > 40
    assert (report["changed"], report["fields"], report["failed"]) == (0, {}, [])


def test_corrections_survive_a_reparse(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "edited.db"
    shutil.copy(sample_db, db)
    photo_id = json.loads(catalog("search", "bakhmut", "--json", "--db", str(db)))[0]["id"]
    catalog("correct", str(photo_id), "photographer", "C. Kilcoyne", "--db", str(db))
    catalog("reparse", "--all", "--db", str(db))
    row = json.loads(catalog("show", str(photo_id), "--json", "--db", str(db)))
    assert row["photographer"] == "C. Kilcoyne" and row["corrected_fields"] == ["photographer"]
    assert json.loads(row["parsed_json"])["photographer"] == "Clodagh Kilcoyne"
    assert json.loads(catalog("search", "kilcoyne", "--json", "--db", str(db)))[0]["id"] == photo_id


def test_real_subprocess_search(sample_db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "catalog", "search", "bakhmut", "--json",
                           "--db", str(sample_db)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["agency"] == "Reuters"


def test_real_subprocess_missing_db(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "catalog", "stats", "--db",
                           str(tmp_path / "nope.db")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 1
    assert "no archive at" in done.stderr and "Traceback" not in done.stderr
