"""Caption parsing: ``parse_caption(text, *, year_hint=None) -> Caption``.

Formats live in ``catalog.captions.formats`` (one module per agency, each with a
module-level ``FORMAT``) and join through the ``caption_formats`` hook; outside
packages add theirs by entry point. Helpers that formats build on:

* ``normalize.clean(raw)``: the text every span indexes (entities, mojibake, CRLF).
* ``dates.find_dates(text, *, year_hint, day_first)``: ``DateMatch`` list, every style.
* ``places.find_place(text, start, end)`` and ``places.resolve(phrase)``: city,
  region, country, ISO code and coordinates from an offline gazetteer.
  ``citynames`` trims a found city name to the place (landmarks, possessives, lakes).
* ``credits.read_chain(chain)``, ``normalize_agency(name)``, ``chain_left/right``:
  credit lines and the agency that distributes the picture.
* ``notes.find_notes(text)``: restrictions, story codes, third-party and editor notes.
* ``formats.base.Draft`` and ``formats.body.describe``: record fields with spans, read the body.
"""

from catalog.captions.model import Caption
from catalog.captions.parse import parse_caption

#: Bump when the parser's output changes; the archive stores it to know what to re-parse.
PARSER_VERSION = 109

__all__ = ["PARSER_VERSION", "Caption", "parse_caption"]
