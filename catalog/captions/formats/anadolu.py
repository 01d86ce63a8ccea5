"""Anadolu (Anadolu Agency, Türkiye): Getty's layout with its own credit.

``ANKARA, TURKIYE - MARCH 05: People walk ... in Ankara, Turkiye on March 05,
2024. (Name - Anadolu Agency)``; redistributed as ``(Photo by Name/Anadolu via
Getty Images)`` or the older ``(Photo by Name/Anadolu Agency via Getty Images)``,
where Anadolu stays the agency and Getty Images is an intermediary.
"""

from __future__ import annotations

import re
from typing import ClassVar

from catalog.captions.credits import Credit, clean_name, read_chain
from catalog.captions.formats.getty import GettyFormat, Span, chain_of
from catalog.regexcache import regex

#: "(Name - Anadolu Agency)", "(Name - AA)".
_DASH_CREDIT = regex(
    r"\((?P<name>[^()\n/]{2,80}?)\s[-–]\s(?:Anadolu(?:\s+Agency|\s+Ajans[ıi])?|AA)\)", re.IGNORECASE
)


class AnadoluFormat(GettyFormat):
    """Anadolu's own credit, and its pictures as Getty Images relays them."""

    name: ClassVar[str] = "anadolu"
    base_confidence: ClassVar[float] = 0.35
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("ISTANBUL, TURKIYE - FEBRUARY 14: A vendor sells roses in Istanbul, Turkiye on February 14, "
         "2024. (Mehmet Kara - Anadolu Agency)",
         {"city": "Istanbul", "country_code": "TR", "date": "2024-02-14", "agency": "Anadolu",
          "photographer": "Mehmet Kara"}),
        ("ANKARA, TURKIYE - MARCH 05: People walk along a snowy street in Ankara, Turkiye on "
         "March 05, 2024. (Photo by Ahmet Yildiz/Anadolu via Getty Images)",
         {"agency": "Anadolu", "photographer": "Ahmet Yildiz", "intermediaries": ["Getty Images"]}),
    ]

    def accept(self, text: str) -> bool:
        return "Anadolu" in text or "- AA)" in text

    def read_credit(self, text: str, groups: list[Span]) -> tuple[Span, Credit] | None:
        """The last group that names Anadolu: the dash form or a slash chain."""
        if not groups or "anadolu" not in text[groups[-1][0] : groups[-1][1]].lower():
            bare = _bare_credit(text)
            if bare is not None:
                return bare
        for group in reversed(groups):
            inner = text[group[0] : group[1]]
            dash = _DASH_CREDIT.fullmatch(inner)
            if dash is not None:
                return group, Credit(agency="Anadolu", photographer=clean_name(dash.group("name")))
            if "anadolu" in inner.lower():
                chain = chain_of(text, group)
                credit = read_chain(chain)
                if credit.agency == "Anadolu":
                    _long_name(chain, credit)
                    return group, credit
        return None


#: Without parentheses, ending the caption: ". Name - Anadolu Agency", ". Photo by Name/Anadolu Agency".
_BARE_DASH = regex(
    r"(?:^|(?<=[.!?]\s))(?P<name>[^()\n/.]{2,60}?)\s[-–]\s(?:Anadolu(?:\s+Agency|\s+Ajans[ıi])?)[\s.]*$"
)
_BARE_CHAIN = regex(
    r"(?:^|(?<=[.!?]\s))(?P<chain>(?:Photo\s+by\s+)?[^()\n/]{2,60}/\s?Anadolu(?:\s+Agency)?"
    r"(?:\s+via\s+Getty\s+Images)?)[\s.]*$"
)


def _bare_credit(text: str) -> tuple[Span, Credit] | None:
    """A credit that ends the caption without parentheses."""
    window = max(0, len(text) - 120)
    dash = _BARE_DASH.search(text, window)
    if dash is not None:
        return dash.span(), Credit(agency="Anadolu", photographer=clean_name(dash.group("name")))
    chain = _BARE_CHAIN.search(text, window)
    if chain is not None:
        credit = read_chain(chain.group("chain"))
        if credit.agency == "Anadolu":
            return chain.span(), credit
    return None


_NAME_WORD = regex(r"[A-Z][a-zà-ÿ'’-]+")


def _long_name(chain: str, credit: Credit) -> None:
    """A photographer with five or more names reads as an organisation to the shared reader."""
    first = clean_name(chain.split("/")[0])
    words = first.split()
    if credit.photographer or first not in credit.intermediaries or len(words) > 7:
        return
    if all(_NAME_WORD.fullmatch(w) for w in words):
        credit.intermediaries.remove(first)
        credit.photographer = first


FORMAT = AnadoluFormat()
