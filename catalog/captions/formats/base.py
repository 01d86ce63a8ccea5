"""The interface every caption format implements, and the shared machinery to build a Caption.

A format finds what is particular to it (its credit, its prefixes, its
dateline) and hands the rest to ``formats.body.describe``, which reads the body the way
most wires write it: the first sentence ends with the place and the date;
"Picture taken ..." overrides the date; what is left is the subject.
:class:`Draft` records every field with its span and works out the subject and
the residue at the end, so every format reports spans the same way.
"""

from __future__ import annotations

import re
from typing import ClassVar, Protocol, runtime_checkable

from catalog.captions.credits import Credit, home_country, is_news_agency
from catalog.captions.dates import DateMatch
from catalog.captions.gazetteer import find_city, region_country
from catalog.captions.model import Caption
from catalog.captions.normalize import fold_case
from catalog.captions.notes import NoteMatch, find_notes, restriction_flags, story_codes
from catalog.captions.places import PlaceMatch
from catalog.captions.vocab import load_json
from catalog.regexcache import regex

Span = tuple[int, int]


@runtime_checkable
class CaptionFormat(Protocol):
    """One agency's house format.

    ``accept`` is a cheap test (a substring or one anchored regex) run on every
    caption; ``parse`` does the work and returns ``None`` for "not mine". The
    core asks every accepting format and keeps the answer with the highest
    ``confidence``. ``examples`` are (caption, expected-fields) pairs that a
    generic test runs for every registered format.
    """

    name: ClassVar[str]
    examples: ClassVar[list[tuple[str, dict]]]

    def accept(self, text: str) -> bool: ...

    def parse(self, text: str, *, year_hint: int | None = None) -> Caption | None: ...


class Draft:
    """A Caption under construction: fields with spans, and the text they consumed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.caption = Caption(raw=text, text=text)
        self.taken: list[Span] = []
        self.note_spans: list[Span] = []  # the notes' own spans, to step over notes that open the text

    # -- recording fields -------------------------------------------------
    def take(self, span: Span | None) -> None:
        """Mark text as consumed (it leaves the subject and the residue)."""
        if span and span[1] > span[0]:
            self.taken.append(span)

    def put(self, field: str, value: object, span: Span | None = None, *, take: bool = True) -> None:
        """Set a field, remember its span, and (by default) consume the span."""
        setattr(self.caption, field, value)
        if span is not None:
            self.caption.spans[field] = span
            if take:
                self.take(span)

    def credit(self, credit: Credit, span: Span, *, photographer_span: Span | None = None,
               agency_span: Span | None = None) -> None:
        """Record a credit line and what it says."""
        cap = self.caption
        self.put("credit", self.text[span[0] : span[1]].strip(), span)
        if credit.agency:
            self.put("agency", credit.agency, agency_span, take=False)
        if credit.photographer:
            pspan = photographer_span or _find_inside(self.text, span, credit.photographer)
            self.put("photographer", credit.photographer, pspan, take=False)
        cap.intermediaries = list(dict.fromkeys(cap.intermediaries + credit.intermediaries))
        if credit.notes:
            cap.notes.extend(n for n in credit.notes if n not in cap.notes)
        for flag in ("file_photo", "pool", "handout"):
            if getattr(credit, flag):
                self.put(flag, True, span, take=False)
        if credit.mandatory and "mandatory_credit" not in cap.restrictions:
            cap.restrictions.append("mandatory_credit")

    def notes(self, notes: list[NoteMatch]) -> None:
        """Record restrictions, story codes, the third-party flag and other notes."""
        if not notes:
            return
        cap = self.caption
        for flag in restriction_flags(notes):
            if flag not in cap.restrictions:
                cap.restrictions.append(flag)
        cap.story_codes.extend(c for c in story_codes(notes) if c not in cap.story_codes)
        restriction_bits = []
        for note in notes:
            span = (note.start, note.end)
            self.take(span)
            self.note_spans.append(span)
            chunk = self.text[note.start : note.end].strip()
            if note.kind == "restriction":
                restriction_bits.append(chunk)
            elif note.kind == "third_party":
                self.put("third_party", True, span)
                cap.notes.append(chunk)
            elif note.kind == "note":
                cap.notes.append(chunk)
            if note.value == "TPX":
                cap.spans.setdefault("story_codes", span)
        if restriction_bits:
            cap.restriction_text = " ".join(restriction_bits)

    def date(self, match: DateMatch, field: str = "date") -> None:
        """Record the picture's date (or ``sent_date``)."""
        span = (match.start, match.end)
        self.take_on_before(match.start)
        if field == "date":
            self.put("date", match.date, span)
            self.caption.date_text = match.text
            self.caption.spans["date_text"] = span
            self.caption.date_from_hint = match.year_from_hint
        else:
            self.put(field, match.date, span)

    def take_on_before(self, start: int) -> None:
        """Consume the "on" that introduces a date ("released by SANA on March 12, 2015 shows")."""
        if start >= 4 and self.text[start - 4 : start] == " on ":
            self.take((start - 3, start))

    def place(self, match: PlaceMatch) -> None:
        """Record city, region, country, code and coordinates."""
        p = match.place
        take = not match.inside_name  # "in Beirut's southern suburbs" stays whole in the subject
        self.put("city", p.city, match.city_span, take=take)
        self.put("region", p.region, match.region_span, take=take)
        self.put("country", p.country, match.country_span, take=take)
        self.caption.country_code = p.country_code
        self.caption.place_lat, self.caption.place_lon = p.lat, p.lon
        start = match.phrase_start if match.phrase_start is not None else match.start
        if take:
            self.take((start, match.end))

    # -- finishing ---------------------------------------------------------
    def finish(self, fmt: str, confidence: float, body: Span) -> Caption:
        """Work out subject (from ``body``) and residue, stamp format and confidence."""
        cap = self.caption
        cap.format = fmt
        cap.confidence = round(max(0.0, min(1.0, confidence)), 3)
        if cap.city and not cap.country and (home := home_country(cap.agency)):
            _at_home(cap, home)
        elif (not (cap.city or cap.region or cap.country_code) and "Getty Images" not in cap.intermediaries
              and (home := home_country(cap.agency))  # (Getty's archive collections: "Keystone/Getty Images")
              and not any(is_news_agency(source) and home_country(source) != home for source in cap.intermediaries)):
            cap.country_code = home  # a national agency's own picture with no place written: at home (not dpa's "Name/AP/dpa")
        taken = sorted(self.taken)
        subject = tidy_subject(_uncovered(self.text, body, taken))
        for _ in range(3):  # a credit repeated in run-together captions
            if len(cap.credit) < 2 or cap.credit not in subject:
                break
            subject = tidy_subject(subject.replace(cap.credit, " "))
        cap.subject = subject
        pieces = []
        if body[0] > 0:
            pieces.append(_uncovered(self.text, (0, body[0]), taken))
        if len(self.text) > body[1]:
            pieces.append(_uncovered(self.text, (body[1], len(self.text)), taken))
        rest = " ".join(pieces)
        cap.residue = tidy_subject(rest)
        return cap


def _at_home(cap: Caption, home: str) -> None:
    """A national agency's city named without a country is at home when home has a town of
    that name ("Perth" from PA), or when the gazetteer knows none anywhere and either nothing
    else gave a country ("Davos" from Keystone) or home has a town named like the region
    ("Mação, distrito de Santarém" from Lusa). A region that names its country is left alone."""
    if cap.country_code == home or (cap.region and region_country(cap.region)):
        return
    city = find_city(cap.city, country=home)
    if city is not None:
        cap.country_code, cap.place_lat, cap.place_lon = home, city.lat, city.lon
    elif find_city(cap.city) is None and (
            not cap.country_code or (cap.region and find_city(cap.region, country=home))):
        cap.country_code = home


def _find_inside(text: str, span: Span, value: str) -> Span | None:
    """Where ``value`` is written inside ``span`` (any whitespace between its words)."""
    pos = text.find(value, span[0], span[1])
    if pos >= 0:
        return (pos, pos + len(value))
    words = value.split()
    if not words:
        return None
    pattern = regex(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    m = pattern.search(text, span[0], span[1])
    return m.span() if m else None


def _uncovered(text: str, region: Span, taken: list[Span]) -> str:
    """The text of ``region`` outside the ``taken`` spans (given in order), pieces joined by a space."""
    pieces = []
    pos = region[0]
    for s, e in taken:
        if s >= region[1]:
            break  # (in order of start: the rest start later still)
        if e <= pos:
            continue
        if s > pos:
            pieces.append(text[pos:s])
        pos = max(pos, e)
    if pos < region[1]:
        pieces.append(text[pos : region[1]])
    return " ".join(pieces)


_DANGLING = regex(  # the specification of _dangling_start (tests/test_captions_fast_paths.py)
    r"(?:[\s,;:–—-]+|\b(?:in|at|near|on|from|of|outside|over|the|taken)\b"
    r"|\b(?:city|town|village)\b(?=[\s,;:–—-]*of\b))+$", re.IGNORECASE
)
_DANGLING_WORDS = frozenset({"in", "at", "near", "on", "from", "of", "outside", "over", "the", "city", "town",
                             "village", "taken"})
_DANGLING_MARKS = frozenset(",;:–—- ")
_PLACE_NOUNS = frozenset({"city", "town", "village"})
_EMPTY_BRACKETS = regex(r"\(\s*\)|\[\s*\]")
_LEADING = regex(r"^[\s,;:./–—-]+")
_LEADING_CHARS = frozenset(",;:./–—-")
_LONE_MARKS = regex(r"(?:(?<=\s)|^)(?:[/–—-]|==)(?=\s|$)")
#: A preposition left before a comma where a removed date or place stood: "fires towards them, on, amid".
_DANGLING_BEFORE_COMMA = regex(r"(?:\s(?:on|in|at|near|of|from))+(?=,)")
_SPACES = regex(r"\s+")
_LEAD_SPACE = regex(r"\s*")


def end_of_match(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where ``pattern`` (one that may match nothing) stops matching at ``pos``."""
    m = pattern.match(text, pos)
    return m.end() if m is not None else pos
_SPACE_PUNCT = regex(r"\s+([,.;:])")
_DOUBLE_PUNCT = regex(r"([,;])(?:\s*[,;])+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _dangling_start(text: str, cut: int) -> int:
    """Where the run of dangling marks and words (``_DANGLING``) that ends ``text`` starts, not before ``cut``.

    Reads from the end: a mark run, or a whole dangling word (a word boundary before it).
    """
    pos = len(text)
    after = ""  # the dangling word removed just after this one
    while pos > cut:
        if text[pos - 1] in _DANGLING_MARKS or text[pos - 1].isspace():
            pos -= 1
            continue
        word_start = pos
        while word_start > 0 and _is_word_char(text[word_start - 1]):
            word_start -= 1
        word = fold_case(text[word_start:pos])
        if word_start == pos or word_start < cut or word not in _DANGLING_WORDS:
            break
        if word in _PLACE_NOUNS and after != "of":
            break  # "swept through the historic town" keeps its town; "in the town of" does not
        after, pos = word, word_start
    return pos


def tidy_subject(text: str) -> str:
    """Collapse spaces and drop punctuation and prepositions left dangling by removed fields."""
    if not text or text.isspace():
        return ""
    if "/" in text or "-" in text or "–" in text or "—" in text or "==" in text:
        text = _LONE_MARKS.sub(" ", text)
    text = " ".join(text.split())
    if " ," in text or " ." in text or " ;" in text or " :" in text:
        # spaces are single now: dropping one before a mark cannot make a new pair
        text = text.replace(" ,", ",").replace(" .", ".").replace(" ;", ";").replace(" :", ":")
    if " on," in text or " in," in text or " at," in text or " of," in text or "r," in text or "m," in text:
        text = _DANGLING_BEFORE_COMMA.sub("", text)
    if ",," in text or ", ," in text or ";" in text:
        text = _DOUBLE_PUNCT.sub(r"\1", text)
    text = text.replace(",.", ".")
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub("", text)
        if "  " in text or " ." in text or " ," in text:  # "en (Colombia) este": the brackets emptied
            text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
    lead = _LEADING.match(text) if text[:1] in _LEADING_CHARS or text[:1].isspace() else None
    if lead:
        text = text[lead.end() :]
    stripped = text.rstrip(" .([")
    if stripped and (stripped[-1] in _DANGLING_MARKS
                     or stripped.rsplit(None, 1)[-1].lower() in _DANGLING_WORDS):
        stripped = stripped[: _dangling_start(stripped, max(0, len(stripped) - 60))]
    return stripped + "." if stripped else ""


# -- the body, as most wires write it ---------------------------------------

_PREFIX = regex(
    r"\s*(?:\((?P<paren>FILES?|TOPSHOT|FILE\s+PHOTO)\)\s*[-–—:]?\s*|"
    r"(?P<word>FILE\s+PHOTO|FILE\s+PICTURE|FILES?|TOPSHOT|TOP\s+SHOT|EDITORS?['’]?\s+NOTE|"
    r"ARCHIVE\s+PHOTO|ARCHIVO|ARCHIVBILD|ARCHIVES|ARCHIVIO|ARQUIVO|FOTO\s+D['’]ARCHIVIO|"
    r"ARCHIEF|ARKIV(?:FOTO|BILD)?|ARCHIWUM|ARCHIV)\s*(?:[-–—:]+\s*|\s{2,})|"  # Dutch, Nordic, Polish, German, Czech
    r"(?P<bare>FILE\s+PHOTO|FILE\s+PICTURE|TOPSHOT)\s(?=[A-Z])|"
    r"\*\*\s?(?P<star>FILE)\s?\*\*\s*)",  # the old AP wire's "**FILE** "
)


_PREFIX_FIRST = frozenset("(FTEA*")  # the first letter of every prefix _PREFIX knows (FOTO D'ARCHIVIO: F)


def strip_prefix(draft: Draft, start: int = 0) -> int:
    """Record "FILE PHOTO:", "FILE -", "TOPSHOT -" prefixes (repeated); return where the body starts
    (past them and past any note already taken that opens the text, "ATTENTION EDITORS - ...")."""
    pos = start
    while True:
        m = _PREFIX.match(draft.text, pos) if draft.text[pos:].lstrip()[:1] in _PREFIX_FIRST else None
        if not m:
            if not draft.note_spans:
                return pos
            lead = end_of_match(_LEAD_SPACE, draft.text, pos)
            note_end = next((e for s, e in draft.note_spans if s == lead and e > lead), None)
            if note_end is None:
                return pos
            pos = note_end
            continue
        group = next(g for g in ("word", "paren", "bare", "star") if m.group(g))
        word = m.group(group).upper()
        span = (m.start(group), m.end(group))
        if word.startswith(("FILE", "ARCHI", "ARQUI", "ARKIV", "FOTO D")):
            draft.put("file_photo", True, span)
        elif word.startswith("TOP"):
            draft.put("topshot", True, span)
        draft.take(m.span())
        pos = m.end()


def all_notes(draft: Draft, start: int = 0, end: int | None = None) -> None:
    """Find and record every note in ``text[start:end]``, and a file-picture marker in
    the caption's language ("Fotografía de archivo", "(ARQUIVO)": ``vocab/file_markers.json``)."""
    draft.notes(find_notes(draft.text, start, end))
    if draft.caption.file_photo:
        return
    m = _file_marker(draft.text)
    if m is not None and m.re is _ENGLISH_FILE_MARK and not (m.start() >= start and (end is None or m.end() <= end)):
        m = _ENGLISH_FILE_MARK.search(draft.text, start, len(draft.text) if end is None else end)
    if m is not None and m.start() >= start and (end is None or m.end() <= end):
        draft.put("file_photo", True, m.span(), take=m.group(0).startswith("("))  # "(ARQUIVO)" leaves the subject


#: English file marks the formats' own prefixes do not cover: Getty's "(FILE PHOTO)" after its
#: dateline, Xinhua's and Kyodo's "File photo taken on ...", "File photo shows ...".
_ENGLISH_FILE_MARK = regex(r"\(FILE(?:\s+PHOTO)?\)|\bFile\s+(?:photo|picture)\s+(?:taken|shows|dated)\b",
                                re.IGNORECASE)


def _file_marker(text: str, _last: list = [None, None]) -> re.Match[str] | None:  # noqa: B006
    """The first file-picture marker of ``text`` in its own language, else an English file mark;
    the last text's answer is kept, as every format asks it of the same caption in turn."""
    if _last[0] is not text:
        folded = fold_case(text)  # (the stem's letters, as the pattern compares them, first)
        stemmed = ("rchi" in folded or "rquiv" in folded) and _FILE_MARKER_STEM.search(text) is not None
        found = _FILE_MARKER.search(text) if stemmed else None
        if found is None and "ile" in text:
            found = _ENGLISH_FILE_MARK.search(text)
        _last[:] = [text, found]
    return _last[1]


_FILE_MARKERS = load_json("file_markers.json")["markers"]
#: Cheap test first: every marker holds one of these.
_FILE_MARKER_STEM = regex(r"r(?:chi[evw]|quiv)", re.IGNORECASE)
_FILE_MARKER = regex(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(_FILE_MARKERS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
