"""Small helpers that turn the strings cameras write into clean text."""

from __future__ import annotations

import ast
import re

_BYTES_REPR = re.compile(r"""^b(['"]).*\1$""", re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def decode_bytes(raw: bytes) -> str:
    """Decode camera bytes: UTF-8 when valid, else Latin-1 (never fails)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def clean_camera_string(value: object) -> str:
    """Clean a Make/Model/Lens value: cut at the first NUL, drop bytes reprs and control bytes.

    >>> clean_camera_string(b"Canon\\x00\\x00junk")
    'Canon'
    >>> clean_camera_string("b'NIKON CORPORATION'")
    'NIKON CORPORATION'
    """
    if value is None:
        return ""
    text = decode_bytes(bytes(value)) if isinstance(value, bytes | bytearray) else str(value)
    if _BYTES_REPR.match(text.strip()):
        try:
            literal = ast.literal_eval(text.strip())
        except (ValueError, SyntaxError):
            literal = None
        if isinstance(literal, bytes):
            text = decode_bytes(literal)
    text = text.split("\x00", 1)[0]
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    # Some firmwares pad with a run of a filler character after the name.
    return text.rstrip("\ufffd ").strip()


def clean_text(value: str) -> str:
    """Strip NULs and surrounding whitespace from a metadata text field, keep inner newlines."""
    return value.replace("\x00", "").strip()
