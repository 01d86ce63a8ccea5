"""A last sentence or line that is a slash credit, read by the generic format: "... today.
Ana Costa/Agency", "... (España). EUROPA PRESS", "...\n— Name / dpa via AP", "name / europa press"."""

from __future__ import annotations

from catalog.captions.agencies import normalize_agency
from catalog.captions.credits import Credit, is_news_agency, read_chain
from catalog.captions.formats.base import Draft
from catalog.regexcache import regex

#: A sentence's end before a slash credit: not an initial's ("UPI/Gary C. Caskey"), also a period
#: with no space after it ("... 2014.JORGE SILVA/Reuters"), or one after an acronym ("de la RATP. Name/Réa").
_SENTENCE_END_TIGHT = regex(r"(?<=[a-z0-9)\]”\"])[.!?](?:\s+|(?=[A-Z]))|(?<=[A-Z]{2})\.\s+(?=[A-Z])")
#: "(ms) ", "(ARQUIVO) ": an editor's initials or a one-word marker in brackets before a slash credit.
_DESK_INITIALS = regex(r"\([^\W\d_]{1,10}\)\s+")
_TRAILING_SLASH_DATE = regex(r"\s+\d{1,2}/\d{1,2}/\d{2,4}[\s.]*$")
#: Small words that names hold ("Luis de la Vega", "Ahmad al Rubaye"), not a sentence's.
_NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "la", "le", "van", "von", "der", "den",
                             "di", "al", "el", "bin", "ibn", "y", "e"})


def _prose_end(text: str, start: int, end: int) -> int | None:
    """Where the sentence of "<sentence> / Name / Agency" ends, when the part before the first
    " / " is prose (a comma, or two words in lower case), which no agency or name is."""
    cut = text.find(" / ", start, end)
    if cut < 0 or text.find("/", cut + 3, end) < 0:
        return None
    first = text[start:cut]
    lower = sum(w[:1].islower() and w not in _NAME_PARTICLES for w in first.split())
    return cut if ", " in first or lower >= 2 else None


def slash_tail(draft: Draft, start: int, end: int | None = None) -> int:
    """A last sentence or line (before ``end``) that is a slash credit: "... today. Ana Costa/Agency"."""
    text = draft.text
    end = len(text[: len(text) if end is None else end].rstrip(" ."))
    sentences = [m.end() for m in _SENTENCE_END_TIGHT.finditer(text, max(start, end - 200), end)]
    seg_start = max(sentences[-1] if sentences else start, text.rfind("\n", start, end) + 1, start)
    if (initials := _DESK_INITIALS.match(text, seg_start, end)) is not None:
        seg_start = initials.end()  # PAP's "(ms) PAP/Name", Lusa's "(ARQUIVO) NAME/LUSA"
    while seg_start < end and text[seg_start] in "—– /":
        seg_start += 1  # a credit line that opens with a dash or a slash: "\n— Name / dpa via AP", "/ AFP / NAME"
    if (dated := _TRAILING_SLASH_DATE.search(text, max(seg_start, end - 40), end)) is not None:
        end = dated.start()  # Europa Press's "Name / Europa Press 19/6/2025": the date after the credit
    if (prose_end := _prose_end(text, seg_start, end)) is not None:
        seg_start = prose_end + 3  # "<sentence> / Name / Agency": the credit starts after the sentence
    segment = text[seg_start:end]
    words = segment.split()
    if "/" not in segment and (agency := normalize_agency(segment)) is not None and is_news_agency(agency):
        draft.credit(Credit(agency=agency), (seg_start, end))  # "... (España). EUROPA PRESS"
        return seg_start
    if "/" not in segment and segment.endswith(" AP Photo") and 3 <= len(words) <= 6:
        draft.credit(Credit(agency="AP", photographer=segment[: -len(" AP Photo")].strip()), (seg_start, end))
        return seg_start  # a newspaper's "... in Gauhati. Anupam Nath AP Photo"
    if "/" not in segment and " via " in segment and len(words) <= 8 and segment[:1].isupper():
        credit = read_chain(segment)  # "... in Hawaii. Brantin Stevens via AP"
        if credit.agency and is_news_agency(credit.agency):
            draft.credit(credit, (seg_start, end))
            return seg_start
    if "/" not in segment and "-" in segment and len(words) <= 8:  # "Gerald Herbert-USA TODAY Sports"
        credit = read_chain(segment)
        if credit.agency and (credit.photographer or credit.intermediaries):  # also "AFP-Yonhap"
            draft.credit(credit, (seg_start, end))
            return seg_start
    known_last = "/" in segment and len(words) <= 6 and is_news_agency(normalize_agency(segment.rsplit("/", 1)[1]) or "")
    if "/" not in segment or not 1 <= len(words) <= 12 or not (
            segment[:1].isupper() or segment.startswith(("beeld ", "foto ", "photo ")) or known_last):
        return len(text)  # (Dutch "beeld afp / Name"; a line in lower case: "name / europa press")
    if sum(w[:1].isupper() or w == "/" for w in words) < len(words) * 0.6 and not known_last:
        return len(text)
    credit = read_chain(segment)
    if known_last and not credit.photographer and segment.islower() and 2 <= len(who := segment.rsplit("/", 1)[0].split()) <= 4:
        credit.photographer, credit.notes = " ".join(who), []  # "antonio sempere / europa press": as written
    draft.credit(credit, (seg_start, end))
    return seg_start if prose_end is None else prose_end
