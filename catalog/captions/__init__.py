"""Caption parsing: ``parse_caption(text) -> Caption``.

Helpers that formats build on: ``normalize``, ``dates``, ``places``,
``credits``, ``notes`` and ``formats.base``.
"""

from catalog.captions.model import Caption
from catalog.captions.parse import parse_caption

#: Bump when the parser's output changes; the archive stores it to know what to re-parse.
PARSER_VERSION = 2

__all__ = ["PARSER_VERSION", "Caption", "parse_caption"]
