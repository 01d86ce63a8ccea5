"""Shared fixtures: an empty archive, a PhotoRecord factory, the imported sample archive."""

from __future__ import annotations

import hashlib
import itertools
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
    """A factory: ``make_record(caption, path=..., sha256=..., **columns)`` -> PhotoRecord.

    The caption is parsed with the real ``catalog.parse_caption``; image columns get
    plausible defaults; keyword arguments override any ``photos`` column.
    """
    counter = itertools.count(1)

    def factory(caption: str = "", *, path: str | None = None, sha256: str | None = None,
                size: int = 1234, mtime_ns: int = 1_700_000_000_000_000_000,
                **columns: Any) -> PhotoRecord:
        n = next(counter)
        path = path or f"/photos/{n:04d}.jpg"
        sha256 = sha256 or hashlib.sha256(f"{path}|{caption}|{n}".encode()).hexdigest()
        parsed = parse_caption(caption) if caption else None
        cols: dict[str, Any] = {
            "format": "JPEG", "width": 640, "height": 427, "file_size": size,
            "caption": caption, "caption_source": "iptc" if caption else "",
            "dhash": f"{n:016x}",
        }
        cols.update(columns)
        return PhotoRecord(sha256=sha256, path=path, size=size, mtime_ns=mtime_ns,
                           columns=cols, caption=parsed)

    return factory


def import_samples(db_path: Path) -> Any:
    """Run the real ``catalog import`` over sample_archive/ into ``db_path``; the click result."""
    from catalog.cli import cli
    from click.testing import CliRunner

    args = ["import", str(SAMPLES), "--db", str(db_path)]
    manifest = SAMPLES / "captions.csv"
    if manifest.exists():
        args += ["--manifest", str(manifest)]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def samples_ready() -> str:
    """Why the sample import cannot run yet ("" when it can)."""
    if not any(SAMPLES.glob("*.jpg")):
        return "sample_archive/ has no JPEGs yet (the samples engineer's work)"
    from catalog.cli import cli

    if "import" not in cli.commands:
        return "`catalog import` is not registered yet (the importer engineer's work)"
    return ""


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of an archive made once per session by importing sample_archive/."""
    reason = samples_ready()
    if reason:
        pytest.skip(reason)
    db_path = tmp_path_factory.mktemp("sample") / "sample.db"
    result = import_samples(db_path)
    if result.exit_code != 0:
        pytest.fail(f"importing sample_archive/ failed:\n{result.output}")
    return db_path
