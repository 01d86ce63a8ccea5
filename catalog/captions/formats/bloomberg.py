"""Bloomberg: ``<what> in <City>, <Country>, on [<Weekday>, ]<Mon. D, YYYY>. [<context>.] Photographer: <Name>/Bloomberg``.

Bloomberg writes "US" and "UK" without periods and abbreviates months the AP
way. Relayed by Getty Images as ``Photographer: <Name>/Bloomberg via Getty Images``
(Bloomberg stays the agency, Getty Images is an intermediary).
"""

from __future__ import annotations

from typing import ClassVar

from catalog.captions.credits import read_chain
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.formats.getty import finish_caption
from catalog.captions.model import Caption
from catalog.regexcache import regex

#: The credit ends the caption (searched in its last characters first) or a line.
_TAIL = 240
_CREDIT = regex(
    r"(?:Photographer|Photo(?:graph)?)\s?:\s?(?P<chain>[^\n:]{1,120}?/\s?Bloomberg"
    r"(?:\s(?:News|via\s+Getty\s+Images))?)(?=[\s.]{0,4}$|\s*\n)"
)


class BloombergFormat:
    """Bloomberg News captions."""

    name: ClassVar[str] = "bloomberg"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Traders work on the floor of the exchange in New York, US, on Tuesday, March 5, 2024. "
         "Stocks fell. Photographer: Dana Fiske/Bloomberg",
         {"agency": "Bloomberg", "photographer": "Dana Fiske", "city": "New York", "country_code": "US",
          "date": "2024-03-05"}),
        ("Oil tankers at the terminal in Ras Tanura, Saudi Arabia, on Sunday, Oct. 1, 2023. "
         "Photographer: Simon Dalton/Bloomberg via Getty Images",
         {"agency": "Bloomberg", "intermediaries": ["Getty Images"], "date": "2023-10-01"}),
    ]

    def accept(self, text: str) -> bool:
        return "Bloomberg" in text

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        m = _CREDIT.search(text, max(0, len(text) - _TAIL)) or _CREDIT.search(text)
        if m is None:
            return None
        draft = Draft(text)
        draft.credit(read_chain(m.group("chain")), m.span())
        start = strip_prefix(draft)
        all_notes(draft, start, m.start())
        describe(draft, start, m.start(), year_hint=year_hint)
        cap = draft.caption
        score = 0.7 + 0.1 * (cap.date is not None) + 0.1 * bool(cap.city or cap.country)
        score += 0.05 * bool(cap.photographer)
        return finish_caption(draft, self.name, score, (start, m.start()))


FORMAT = BloombergFormat()
