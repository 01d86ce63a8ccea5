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


def hash_file(path: str, algorithm: str = DEFAULT_HASH) -> str:
    """Hex digest of a file's content by ``algorithm`` (a key of HASHES), read in chunks."""
    digest = HASHES[algorithm]()
    with open(path, "rb", buffering=0) as fh:
        buf = bytearray(HASH_CHUNK)
        view = memoryview(buf)
        while n := fh.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest()
