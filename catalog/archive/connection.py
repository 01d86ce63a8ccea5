"""Open an archive file: checks, pragmas, migrations, read-only mode."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from catalog.archive.errors import ArchiveError
from catalog.archive.schema import migrate, migrations

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def _hamming(a: str | None, b: str | None) -> int | None:
    """Bits that differ between two hex hashes; None when either is missing or not hex."""
    if not a or not b:
        return None
    try:
        return (int(a, 16) ^ int(b, 16)).bit_count()
    except ValueError:
        return None


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        if not path.exists():
            raise ArchiveError(f"no archive at {path}")
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder, not a catalog archive")
    return sqlite3.connect(str(path))


def _table_names(conn: sqlite3.Connection, path: Path) -> set[str]:
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path} is not a catalog archive: {exc}") from exc
    return {name for (name,) in rows}


def open_database(path: str | Path, *, readonly: bool = False) -> Database:
    """A ready sqlite-utils Database on ``path``, migrated unless read-only.

    Raises ArchiveError for a file that is not SQLite, is corrupt, is some other
    application's database, or is missing (read-only). A read-only connection
    reads an archive of an older schema as it is; the next writer upgrades it.
    """
    path = Path(path)
    try:
        conn = _connect(path, readonly)
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot open {path}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = _table_names(conn, path)
        if tables and "photos" not in tables:
            raise ArchiveError(f"{path} is not a catalog archive: it holds other tables "
                               f"({', '.join(sorted(tables)[:5])})")
        db = Database(conn)
        conn.create_function("hamming", 2, _hamming, deterministic=True)
        if readonly:
            if not tables:
                raise ArchiveError(f"{path} is not a catalog archive: it is empty")
            pending = [m.name for m in migrations.pending(db)]
            if pending:  # readable as it is; the next writer upgrades it
                log.info("%s lacks migrations %s until it is opened for writing", path, pending)
            return db
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(db)
        return db
    except ArchiveError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ArchiveError(f"{path} is not a catalog archive: {exc}") from exc


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock at once (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes fails at once with "database
    is locked" if another connection wrote in between; an immediate one waits its
    turn (busy_timeout) instead. Nested uses become savepoints.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise ArchiveError(f"the archive is busy (another program is writing to it): {exc}") from exc
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    db.conn.execute("COMMIT")
