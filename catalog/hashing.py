"""Content hashes: what identifies a picture in an archive.

New archives use BLAKE3 (about five times faster than SHA-256 on this machine's
cores, and as strong); an archive made before it keeps SHA-256, so a file met again
under a new path still matches its record. The archive names its algorithm in
``archive_settings`` (see catalog/archive/schema.py, m008).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import blake3

#: Algorithm name -> a new hash object (``update``, ``hexdigest``).
HASHES: dict[str, Callable[[], Any]] = {"blake3": blake3.blake3, "sha256": hashlib.sha256}
#: What a new archive uses.
DEFAULT_HASH = "blake3"
#: What an archive made before ``archive_settings`` existed used.
LEGACY_HASH = "sha256"
#: Read files in chunks of this many bytes while hashing (memory stays flat).
HASH_CHUNK = 1 << 20
#: Files up to this size are read in one call and their bytes handed back (see read_and_hash).
WHOLE_READ_LIMIT = 32 << 20


def hash_file(path: str, algorithm: str = DEFAULT_HASH) -> str:
    """Hex digest of a file's content by ``algorithm`` (a key of HASHES), read in chunks."""
    digest = HASHES[algorithm]()
    with open(path, "rb", buffering=0) as fh:
        buf = bytearray(HASH_CHUNK)
        view = memoryview(buf)
        while n := fh.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest()


def read_and_hash(path: str, size: int, algorithm: str = DEFAULT_HASH) -> tuple[str, bytes | None]:
    """The file's digest, and its bytes when it is at most ``WHOLE_READ_LIMIT`` long
    (``size``: its size from the walk), else None (hashed in chunks, memory flat).

    One read serves both the hash and the metadata readers: the record's hash and its
    fields then come from the same bytes even if the file is rewritten meanwhile, and the
    file is not read twice."""
    if size > WHOLE_READ_LIMIT:
        return hash_file(path, algorithm), None
    with open(path, "rb", buffering=0) as fh:
        data = fh.read(size + 1)
    if len(data) > size:  # it grew since the walk: still being written, or replaced
        return hash_file(path, algorithm), None
    digest = HASHES[algorithm]()
    digest.update(data)
    return digest.hexdigest(), data
