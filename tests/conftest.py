"""Shared fixtures: an empty archive, a PhotoRecord factory, the imported sample archive."""

from __future__ import annotations

import hashlib
import itertools
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from catalog import parse_caption
from catalog.archive import Archive
from catalog.records import PhotoRecord

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_archive"

RecordFactory = Callable[..., PhotoRecord]


@pytest.fixture
def tmp_archive(tmp_path: Path) -> Iterator[Archive]:
    """An empty, migrated archive in a temporary file."""
    with Archive(tmp_path / "archive.db") as archive:
        yield archive


@pytest.fixture
def make_record() -> RecordFactory:
    """A factory: ``make_record(caption, path=..., content_hash=..., **columns)`` -> PhotoRecord.

    The caption is parsed with the real ``catalog.parse_caption``; image columns get
    plausible defaults; keyword arguments override any ``photos`` column.
    """
    counter = itertools.count(1)

    def factory(caption: str = "", *, path: str | None = None, content_hash: str | None = None,
                size: int = 1234, mtime_ns: int = 1_700_000_000_000_000_000,
                **columns: Any) -> PhotoRecord:
        n = next(counter)
        path = path or f"/photos/{n:04d}.jpg"
        content_hash = content_hash or hashlib.sha256(f"{path}|{caption}|{n}".encode()).hexdigest()
        parsed = parse_caption(caption) if caption else None
        cols: dict[str, Any] = {
            "format": "JPEG", "width": 640, "height": 427, "file_size": size,
            "caption": caption, "caption_source": "iptc" if caption else "",
            "dhash": f"{n:016x}",
        }
        cols.update(columns)
        return PhotoRecord(content_hash=content_hash, path=path, size=size, mtime_ns=mtime_ns,
                           columns=cols, caption=parsed)

    return factory


def import_samples(source: Path, db_path: Path, *extra: str) -> Any:
    """Run the real ``catalog import`` over a sample folder into ``db_path``; the click result."""
    from click.testing import CliRunner

    from catalog.cli import cli

    args = ["import", str(source), "--db", str(db_path), *extra]
    manifest = source / "captions.csv"
    if manifest.exists():
        args += ["--manifest", str(manifest)]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample_archive/ if its JPEGs are there, else a fresh copy made by its own script."""
    if any(SAMPLES.rglob("*.jpg")) and (SAMPLES / "expected.json").exists():
        return SAMPLES
    script = SAMPLES / "make_samples.py"
    if not script.exists():
        pytest.skip("sample_archive/ has neither JPEGs nor make_samples.py yet")
    out = tmp_path_factory.mktemp("samples")
    done = subprocess.run([sys.executable, str(script), "--out", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.skip(f"make_samples.py failed: {done.stderr[-500:]}")
    return out


@pytest.fixture(scope="session")
def samples_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of sample files (with expected.json) that sample_db imports."""
    return sample_source(tmp_path_factory)


@pytest.fixture(scope="session")
def sample_db(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of an archive made once per session by importing the samples with the real importer."""
    from catalog.cli import cli

    if "import" not in cli.commands:
        pytest.skip("`catalog import` is not registered yet (the importer)")
    db_path = tmp_path_factory.mktemp("sample") / "sample.db"
    result = import_samples(samples_dir, db_path)
    if result.exit_code != 0:
        pytest.fail(f"importing the samples failed:\n{result.output}")
    return db_path


@pytest.fixture
def run_import() -> Callable[..., Any]:
    """``run_import(folder, db_path, *extra_args)``: the real ``catalog import``, its click result."""
    return import_samples
