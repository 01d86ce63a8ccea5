"""Credits printed on a line of their own, above or below the caption (read by the generic format).

* ``Name, Agency`` or ``Name / Agency`` ("Aamir Qureshi, AFP", "Piyal Adhikary / EPA"), near the
  top (the caption follows) or lower down (the caption ends before it);
* a first line that is only a credit: ``Name/Agency via Getty Images``, ``© Kyodo``, ``The Yomiuri
  Shimbun``, ``Photo = Yonhap News``, ``© Name / Agency``;
* a last line of piped parts: ``Name | AFP | Getty Images``, ``Name | Sputnik | via Reuters``;
* a web page's labels before the caption: ``Image source, PA`` / ``Image copyright Name/PA``, then
  ``Image caption``.
"""

from __future__ import annotations

import re

from catalog.captions.agencies import normalize_agency
from catalog.captions.credits import Credit, is_news_agency, read_chain
from catalog.captions.formats.base import Draft
from catalog.captions.normalize import CAPITALS
from catalog.regexcache import regex

#: The BBC's "Image source, PA\nImage caption,\n", "image copyrightName/PA\nimage caption".
_PAGE_LABELS = regex(r"\s*image\s*(?:source|copyright)\s*[,:]?\s*(?P<credit>[^\n]{2,80}?)[ \t]*\n\s*image\s*caption\s*[,:]?\s*",
                     re.IGNORECASE)


def page_labels(draft: Draft, start: int) -> int | None:
    """Record the credit of a page's "Image source/copyright ... Image caption" labels that open
    the text; return where the caption starts (None when there are none)."""
    m = _PAGE_LABELS.match(draft.text, start)
    if m is None:
        return None
    credit = read_chain(m.group("credit"))
    if not credit.agency and not credit.photographer:
        return None
    draft.credit(credit, m.span("credit"))
    draft.take(m.span())
    return m.end()


def line_credit(draft: Draft, start: int, end: int) -> tuple[int, int]:
    """Record a credit on a line of its own in ``text[start:end]``; return the body's new (start, end)."""
    start, end = _credit_line(draft, start, end)
    if not draft.caption.credit:
        start = _credit_line_first(draft, start, end)
    return start, end


#: A line that is only a credit, "Name, Agency" or "Name / Agency" (pages that print the credit
#: above the caption: "Aamir Qureshi, AFP", "Piyal Adhikary / EPA", "PHOTO JOHN WESSELS, AGENCE
#: FRANCE-PRESSE"), or ". Name, Agency" ending the caption.
_CREDIT_LINE = regex(
    rf"(?:^|\n)[ \t]*(?P<credit>(?:PHOTO\s+|Photo:\s*)?(?P<name>[{CAPITALS}][\w'’.-]+(?:[ ][{CAPITALS}][\w'’.-]+){{1,3}})"
    r"[ \t]*(?:,|/|—|–)[ \t]*(?P<agency>[A-Z][\w.-]+(?:[ ][A-Z][\w.-]+){0,2}(?:/[A-Z][\w ]{1,20})?))[ \t]*(?=\n|$)")


def _credit_line(draft: Draft, start: int, end: int) -> tuple[int, int]:
    """A credit on a line of its own (see _CREDIT_LINE); the body's new (start, end): the
    caption follows a credit printed near its top (after a headline, perhaps), and ends
    before one printed lower down."""
    text = draft.text
    for line in _CREDIT_LINE.finditer(text, start, end):
        credit = read_chain(f"{line.group('name')}/{line.group('agency')}")
        if credit.agency and is_news_agency(credit.agency) and credit.photographer:
            draft.credit(credit, line.span("credit"), photographer_span=line.span("name"))
            draft.take(line.span())
            if line.start() - start < 200:
                return line.end(), end
            return start, line.start()
    return start, end


#: A first line that is only a credit: an optional label, then a chain or an agency's name.
_FIRST_LINE = regex(
    r"[ \t]*(?P<label>(?:©|\(c\)|Photos?\s*[=:]|Fotos?\s*[=:]|Credit\s*:)?)[ \t]*"
    r"(?P<credit>[^\n]{2,90}?)[ \t.]*\n", re.IGNORECASE)
#: A headline's credit after a pipe: "... at Mayong | Photo: PTI".
_PIPED_LABEL = regex(r"\s\|\s(?:Photos?|Pics?|Image|Credit)\s*:\s*([^|]{2,40})$", re.IGNORECASE)
#: Words around an agency's name on such a line: "The Yomiuri Shimbun", "Yomiuri Shimbun photos".
_AROUND_NAME = regex(r"^(?:The\s+)?(?P<name>.+?)(?:\s+(?:photos?|pictures?|News))?$", re.IGNORECASE)


def _credit_line_first(draft: Draft, start: int, end: int) -> int:
    """Record a credit printed on the caption's first line; return where the body starts then
    (``start`` when the first line is no credit, or is a headline whose credit follows a pipe:
    "Submerged house at Mayong | Photo: PTI", the headline staying in the body)."""
    text = draft.text
    m = _FIRST_LINE.match(text, start, end)
    if m is None or (". " in m.group("credit") and " | " not in m.group("credit")) or not (
            m.group("label") or "/" in m.group("credit") or m.group("credit")[:1].isupper()):
        return start
    content, span, headline = m.group("credit"), m.span("credit"), False
    if not m.group("label") and " | " in content and (piped := _PIPED_LABEL.search(content)) is not None:
        content = piped.group(1)  # "Submerged house at Mayong | Photo: PTI": a headline, then the credit
        span, headline = (m.start("credit") + piped.start(), m.end("credit")), True
    if content[:1] == "(" and content[-1:] == ")":
        content = content[1:-1]  # "(BelaPAN Photo/Name)" above the caption
    credit = read_chain(content) if "/" in content else None
    if credit is None or not credit.agency:
        around = _AROUND_NAME.match(content)
        agency = normalize_agency(around.group("name")) if around else None
        if agency is None:
            agency = normalize_agency(content)
        credit = Credit(agency=agency) if agency else None
    if credit is None or not credit.agency or credit.agency == "Pool" or ("/" in content and not is_news_agency(credit.agency)):
        return start  # (a newspaper that agencies pass on counts when it stands alone: "The Yomiuri Shimbun")
    draft.credit(credit, span)
    if headline:  # the headline stays in the body
        draft.take((span[0], m.end() - 1))
        return start
    draft.take((m.start(), m.end() - 1))
    return m.end()


#: A last line of three or four piped parts, each short and capitalised: "Name | AFP | Getty Images".
_PIPED_LINE = regex(r"(?:^|\n)[ \t]*(?P<line>[A-Z][^|\n]{1,40}(?:[ \t]\|[ \t](?:via[ \t])?[A-Z][^|\n]{1,30}){2,3})[ \t.]*$")


def piped_line_credit(draft: Draft, start: int, end: int) -> int | None:
    """Record a last line "Name | Agency | Reseller" as the chain it stands for ("Name/AFP via
    Getty Images", "Name/Sputnik via Reuters"); return where the line starts, or None."""
    text = draft.text
    m = _PIPED_LINE.search(text, max(start, end - 130), end)
    if m is None:
        return None
    parts = [part.strip() for part in m.group("line").split("|")]
    chain = parts[0]
    for part in parts[1:]:
        if part.startswith("via "):
            chain = f"{chain} {part}"
        elif part == "Getty Images":
            chain = f"{chain} via {part}"  # Getty resells the agency named before it
        else:
            chain = f"{chain}/{part}"
    credit = read_chain(chain)
    if not credit.agency or not is_news_agency(credit.agency):
        return None
    draft.credit(credit, m.span("line"))
    return m.start("line")
