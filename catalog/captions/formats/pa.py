"""PA Media (the Press Association): ``<what>. Picture date: <Weekday> <Month D, YYYY>. PA Photo.
[See PA story <CODE>.] Photo credit should read: <Name>/PA Wire``.

Older captions sign ``PRESS ASSOCIATION Photo.``; pages often keep only ``Name/PA Wire`` or
``Name/PA Photocall``. ``Picture date`` is when the picture was taken; ``Issue date`` is when
a handout or an undated picture was sent, so it is a note, never the picture's date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from catalog.captions.credits import Credit, read_chain
from catalog.captions.dates import find_dates
from catalog.captions.formats.base import Draft, all_notes, strip_prefix
from catalog.captions.formats.body import describe
from catalog.captions.formats.getty import finish_caption
from catalog.captions.model import Caption
from catalog.regexcache import regex

_ANCHOR = regex(r"\bPA\s+(?:Photo|Wire|Images|Archive|Photocall|Media)\b|\bPRESS\s+ASSOCIATION\b|"
                     r"Photo\s+credit\s+should\s+read", re.IGNORECASE)
#: The sign-off's pieces, each a sentence: found from the first one on, they end the body.
_PIECES = regex(
    r"(?P<taken>Picture\s+date:\s?[^.\n]{4,60}\.?)"
    r"|(?P<issued>Issue\s+date:\s?[^.\n]{4,60}\.?)"
    r"|(?P<signoff>(?:PRESS\s+ASSOCIATION|PA)\s+Photo\b\.?)"
    r"|(?P<story>See\s+PA\s+story\s+[A-Z][^.\n]{0,60}\.?)"
    r"|(?P<credit>Photo\s+credit\s+should\s+read:?\s?(?P<chain>[^\n]{2,100}?/\s?PA"
    r"(?:\s(?:Wire|Photocall|Archive|Images|Media))*(?:/PA\s(?:Images|Wire))?))(?=[\s.]*(?:$|\n|[A-Z]))"
    r"|(?P<note>NOTE\s+TO\s+EDITORS?:[^\n]{0,600}?(?:\.(?=\s|$)|$))",
    re.IGNORECASE,
)
#: A credit that ends the text without the "should read" words: "Geoff Caddick/PA Photocall".
_BARE_CREDIT = regex(r"(?:(?<=\d)(?=Image)|(?<![\w/]))(?:Image\s+source,?\s*)?"  # the BBC's label, glued to a date
                          r"(?P<chain>[A-Z][^/\n.,]{1,60}?/\s?PA(?:\s(?:Wire|Photocall|Archive|Images|Media))?)"
                          r"(?:/PA\s(?:Images|Wire))?[\s.]*$")


class PAFormat:
    """PA Media (Press Association) captions."""

    name: ClassVar[str] = "pa"
    examples: ClassVar[list[tuple[str, dict]]] = [
        ("Commuters cross Westminster Bridge in London in heavy rain. Picture date: Tuesday March 5, 2024. "
         "PA Photo. See PA story WEATHER Rain. Photo credit should read: Ana Costa/PA Wire",
         {"agency": "PA", "photographer": "Ana Costa", "city": "London", "date": "2024-03-05"}),
        ("Undated handout photo issued by the National Trust of a restored garden. Issue date: Friday "
         "June 7, 2024. PA Photo. Photo credit should read: National Trust/PA Wire",
         {"agency": "PA", "date": None}),
    ]

    def accept(self, text: str) -> bool:
        return ("PA" in text or "ASSOCIATION" in text or "should read" in text) and _ANCHOR.search(text) is not None

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None:
        pieces = list(_PIECES.finditer(text))  # (each names its kind by its outer group, ``lastgroup``)
        bare = _BARE_CREDIT.search(text, max(0, len(text) - 160)) if not pieces else None
        if not pieces and bare is None:
            return None
        draft = Draft(text)
        start = strip_prefix(draft)
        body_end = pieces[0].start() if pieces else bare.start() if bare is not None else len(text)
        credited = False
        for m in pieces:
            kind = m.lastgroup
            draft.take(m.span())
            if kind == "credit":
                draft.credit(_pa_credit(m.group("chain")), m.span("chain"))
                credited = True
            elif kind == "taken":
                _picture_date(draft, m, year_hint)
            elif kind in ("issued", "story", "note"):
                draft.caption.notes.append(m.group(0).strip())
        if bare is not None:
            draft.credit(_pa_credit(bare.group("chain")), bare.span("chain"))
            credited = True
        if not credited:
            signoff = next((m for m in pieces if m.lastgroup == "signoff"), None)
            if signoff is None:
                return None
            draft.put("agency", "PA", signoff.span("signoff"), take=True)
        all_notes(draft, start, body_end)
        describe(draft, start, body_end, year_hint=year_hint)
        cap = draft.caption
        if "handout" in text[start:body_end].lower():  # "Undated handout photo issued by ..."
            cap.handout = True
        score = 0.7 + 0.1 * (cap.date is not None) + 0.1 * bool(cap.city or cap.country)
        score += 0.05 * bool(cap.photographer)
        return finish_caption(draft, self.name, score, (start, body_end))


def _pa_credit(chain: str) -> Credit:
    credit = read_chain(chain, distributor="PA")
    credit.agency = "PA"
    credit.intermediaries = [a for a in credit.intermediaries if a != "PA"]
    if credit.photographer.lower() == "handout":
        credit.photographer, credit.handout = "", True
    return credit


def _picture_date(draft: Draft, m: re.Match[str], year_hint: int | None) -> None:
    """"Picture date: Tuesday March 5, 2024." is the picture's date, over any in the body."""
    found = [d for d in find_dates(m.group(0), year_hint=year_hint) if d.date is not None]
    if found:
        d = found[0]
        draft.date(replace(d, start=d.start + m.start(), end=d.end + m.start()))


FORMAT = PAFormat()
