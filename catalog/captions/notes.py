"""Editor notes and usage restrictions: the trailers wires put around a caption.

``find_notes(text)`` returns every note it recognises, with its span:
restrictions as normalised flags (``editorial_only``, ``no_resales``,
``no_archives``, ``mandatory_credit``, ``no_marketing``, ``no_sales``, ``no_commercial_use``,
``territory_out:JP``), story codes (``SEARCH "..."``, ``WIDER IMAGE``, ``TPX``),
the third-party note, "ATTENTION EDITORS" and other capitalised notes. The
caller removes the spans from the subject and keeps the text in ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.captions.gazetteer import country_code, demonym_country
from catalog.captions.normalize import word_tree
from catalog.regexcache import regex


@dataclass(frozen=True, slots=True)
class NoteMatch:
    """One note: ``kind`` is restriction, story_code, third_party or note."""

    kind: str
    value: str
    start: int
    end: int


_Q = "[\"“”'‘’]"
_END = r"(?:\.|(?=\s{2,})|(?=\s*$)|(?=\s*[-–]\s))"

#: (kind, value or None to use a group, pattern). Order matters: earlier wins on overlap.
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("story_code", "WIDER IMAGE",
     regex(rf"SEARCH\s{{1,3}}{_Q}?\s?WIDER\s+IMAGE\s?{_Q}?\s+FOR\s+ALL\s+STORIES{_END}?", re.I)),
    ("story_code", "", regex(rf"SEARCH\s{{1,3}}(?P<code>{_Q}[^\"“”\n]{{1,120}}{_Q})(?:\s{{1,3}}FOR\s+TH(?:IS|E)\s+STORY)?{_END}?", re.I)),
    ("story_code", "WIDER IMAGE", regex(r"\bTHE\s+WIDER\s+IMAGE\b", re.I)),
    ("story_code", "TPX", regex(r"\bTPX\s+IMAGES\s+OF\s+THE\s+DAY\b\.?|\bTPX\b")),
    ("third_party", "third_party",
     regex(r"(?:ATTENTION\s+EDITORS?\s*[-–:]\s*)?TH(?:IS|E)\s+(?:IMAGE|PICTURE|PHOTO)\s+(?:HAS\s+BEEN|WAS)\s+(?:SUPPLIED|PROVIDED)\s+BY\s+A\s+THIRD\s+PARTY\.?", re.I)),
    ("restriction", "editorial_only",  # PA's: "RESTRICTIONS: Use subject to restrictions. Editorial use only, ..."
     regex(r"\bRESTRICTIONS:\s+(?:Use\s+subject\s+to\s+restrictions\.(?:\s+[^.\n]{0,300}\.)?"
                r"|EDITORIAL\s+USE\s+ONLY\b[^\n]{0,400}$)"  # ... or a block of terms that ends the caption
                r"|\(RESTRICTIONS\s+APPLY:(?:[^()\n]|\([^()\n]{0,80}\)){0,900}\)", re.I)),  # EPA's UEFA terms
    ("restriction", "editorial_only",
     regex(r"\b(?:(?:FOR\s+)?EDITORIAL\s+US(?:E|AGE)\s+ONLY|RESTRICTED\s+TO\s+EDITORIAL\s+USE"
                r"|IMAGES\s+TO\s+BE\s+USED\s+FOR\s+NEWS\s+REPORTING\s+PURPOSES\s+ONLY)\b[.!]?", re.I)),
    ("restriction", "no_resales", regex(r"(?:\b|(?<=[a-z]))NO\s+RE-?SALES?\b\.?", re.I)),
    ("restriction", "no_archives", regex(r"(?:\b|(?<=[a-z]))NO\s+ARCHIV(?:ES?|ING)\b\.?", re.I)),
    ("restriction", "no_commercial_use",
     regex(r"\b(?:NOT\s+FOR\s+COMMERCIAL\s+US(?:E|AGE)|NO\s+COMMERCIAL\s+US(?:E|AGE)(?:\s+WHATSOEVER)?)\b[.!]?",
                re.I)),
    ("restriction", "no_marketing",
     regex(r"\b(?:NO\s+MARKETING(?:\s+(?:OR\s+|NO\s+)?ADVERTISING(?:\s+CAMPAIGNS)?)?|NOT\s+FOR\s+(?:SALE\s+FOR\s+)?MARKETING(?:\s+OR\s+ADVERTISING(?:\s+CAMPAIGNS)?)?|NO\s+ADVERTISING(?:\s+CAMPAIGNS)?)\b\.?", re.I)),
    ("restriction", "no_sales",
     regex(r"\bNO\s+(?:COMMERCIAL\s+OR\s+EDITORIAL\s+SALES|THIRD\s+PARTY\s+SALES|SALES)(?P<where>\s+IN\s+[A-Z][A-Z .]{1,30}?)?\.", re.I)),
    ("restriction", "mandatory_credit",
     regex(rf"\bMANDATORY\s+CREDIT\b(?:\s?[:-]?\s?{_Q}[^\"“”\n]{{1,100}}{_Q})?\.?", re.I)),
    ("note", "service_to_clients",
     regex(r"\bDISTRIBUTED\s+AS\s+A\s+SERVICE\s+TO\s+CLIENTS\b\.?", re.I)),
    ("restriction", "territory_out", regex(r"(?<=\s)OUT\b\.?")),
    ("note", "story_reference",  # PA's "PA Photo. See PA story RUGBYU Wales."
     regex(r"\b(?:PA\s+Photo\.\s+)?See\s+PA\s+story\s+[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,4}\.?")),
    ("note", "do_not_obscure_logo", regex(r"\bDO\s+NOT\s+OBSCURE\s+LOGO\b\.?", re.I)),
    ("note", "attention_editors",
     # the note is in capitals: it ends at its full stop or at the caption's first word that is not
     regex(r"\bATTENTION\s+EDITORS?\b\s*[-–:]?\s*(?-i:(?:(?!\s+[A-Z]?[a-z])[^.\n]){0,200})\.?", re.I)),
    ("note", "editors_note",  # "EDITORS NOTE: Graphic content / <caption>": the slash ends the note
     regex(r"\bEDITOR['’]?S['’]?\s+NOTE\s*[:-]\s*(?:[^.\n/]{1,200}?\s/(?=\s)|[^.\n]{0,200}\.?)", re.I)),
    ("note", "note_to_editors",  # PA's "NOTE TO EDITORS: This handout photo may only be used ..."
     regex(r"\bNOTE\s+TO\s+EDITORS?\s*:\s[^\n]{0,900}$", re.I)),
    ("note", "usage_terms",  # dpa's English "IMPORTANT NOTE: In accordance with the regulations of the DFL ..."
     regex(r"\bIMPORTANT\s+NOTE:\s[^\n]{0,500}$", re.I)),
    ("note", "usage_terms",  # the German leagues' "CONDITIONS - ATTENTION: The DFL regulations prohibit ..."
     regex(r"\bCONDITIONS\s?[-–]\s?ATTENTION:\s?[^\n]{0,300}?(?:quasi-video\.?|\.(?=\s|$))", re.I)),
    ("note", "usage_terms",
     regex(r"\b(?:No\s+use\s+(?:with|in|by)|Online\s+in-match\s+use|Please\s+contact\s+your\s+account|"
                r"Data\s+Audio\s+Services|Use\s+restricted|Use\s+is\s+restricted)[^.\n]{0,300}\.?", re.I)),
]


#: A word each rule's match must contain (upper case), checked before running the rule.
_KEYWORDS: tuple[tuple[str, ...], ...] = (
    ("WIDER",), ("SEARCH",), ("WIDER",), ("TPX",), ("THIRD",), ("RESTRICTIONS",), ("EDITORIAL", "REPORTING"), ("SALE",), ("ARCHIV",), ("COMMERCIAL",),
    ("MARKETING", "ADVERTISING"), ("SALES",), ("MANDATORY",), ("SERVICE",), ("OUT",), ("STORY",), ("LOGO",),
    ("ATTENTION",), ("NOTE",), ("NOTE",), ("IMPORTANT",), ("CONDITIONS",), ("USE", "CONTACT", "SERVICES"),
)


#: Rules whose key words always start a word in a match ("OUT" after a space, "use" in "No use"):
#: "warehouse", "museum" or "about" do not wake them.
_WORD_START_RULES = frozenset({"territory_out", "usage_terms"})
_KEYED_RULES = tuple((*rule, keywords, rule[1] in _WORD_START_RULES)
                     for rule, keywords in zip(_RULES, _KEYWORDS, strict=True))
#: Any key word at all (one scan: most captions hold none, and then no rule runs).
_ANY_KEYWORD = regex(word_tree({word for keywords in _KEYWORDS for word in keywords}))


def _starts_a_word(upper: str, word: str) -> bool:
    """``word`` is written at the start of a word of ``upper`` (not after a letter, digit or _)."""
    pos = upper.find(word)
    while pos >= 0:
        if pos == 0 or not (upper[pos - 1].isalnum() or upper[pos - 1] == "_"):
            return True
        pos = upper.find(word, pos + 1)
    return False


def _territory(words: str) -> str | None:
    name = words.strip()
    code = country_code(name) or country_code(name.title()) or demonym_country(name.title())
    return code


_WORD = regex(r"[A-Za-z.]+")
_IN_WORD = regex(r"^\s*IN\s+", re.IGNORECASE)


_AND_BEFORE = regex(r"(?:\s+(?:AND|and)|,)\s+$")


def _territory_before(text: str, out_at: int, floor: int) -> tuple[str, int] | None:
    """The country named just before "OUT" (one to three words, longest first)."""
    words = list(_WORD.finditer(text[max(floor, out_at - 40) : out_at]))
    base = max(floor, out_at - 40)
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        first = words[-n]
        name = text[base + first.start() : base + words[-1].end()]
        if not name[0].isupper():
            continue
        code = _territory(name)
        if code is not None:
            return code, base + first.start()
    return None


def find_notes(text: str, start: int = 0, end: int | None = None) -> list[NoteMatch]:
    """Every recognised note in ``text[start:end]``, in text order, without overlaps."""
    end = len(text) if end is None else end
    found: list[NoteMatch] = []
    taken: list[tuple[int, int]] = []
    upper = text.upper()
    if _ANY_KEYWORD.search(upper) is None:
        return found
    for kind, value, pattern, keywords, word_start in _KEYED_RULES:
        for keyword in keywords:
            if keyword in upper and (not word_start or _starts_a_word(upper, keyword)):
                break
        else:
            continue  # cheap pre-check: none of the rule's key words is written
        for m in pattern.finditer(text, start, end):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if s > 0 and text[s - 1].isalpha() and not m.group(0).isupper():
                continue  # glued to a word: only a note in capitals ("File PhotoNO RESALES")
            val = value
            if kind == "story_code" and not value:
                val = f"SEARCH {m.group('code')}"
            elif value == "territory_out":
                hit = _territory_before(text, s, start)
                if hit is None:
                    continue
                code, s = hit
                if any(s < te and ts < e for ts, te in taken):
                    continue
                val = f"territory_out:{code}"
                while (joined := _AND_BEFORE.search(text, max(start, s - 6), s)) is not None:
                    # "AUSTRALIA AND NEW ZEALAND OUT": each country before "and" is out too
                    other = _territory_before(text, joined.start(), start)
                    if other is None or any(other[1] < te and ts < s for ts, te in taken):
                        break
                    found.append(NoteMatch(kind, f"territory_out:{other[0]}", other[1], s))
                    taken.append((other[1], s))
                    s = other[1]
            elif value == "no_sales" and m.group("where"):
                where = _territory(_IN_WORD.sub("", m.group("where")))
                val = f"territory_out:{where}" if where else "no_sales"
            found.append(NoteMatch(kind, val, s, e))
            taken.append((s, e))
    found.sort(key=lambda n: n.start)
    return found


def restriction_flags(notes: list[NoteMatch]) -> list[str]:
    """The distinct restriction flags, in order of appearance."""
    flags: list[str] = []
    for note in notes:
        if note.kind == "restriction" and note.value not in flags:
            flags.append(note.value)
    return flags


def story_codes(notes: list[NoteMatch]) -> list[str]:
    """The distinct story codes, in order of appearance."""
    codes: list[str] = []
    for note in notes:
        if note.kind == "story_code" and note.value not in codes:
            codes.append(note.value)
    return codes


_SHOUTED = regex(r"[A-Z0-9][A-Z0-9 ,'’\"“”&/()-]{6,300}[.!]?")


def shouted_notes(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[NoteMatch]:
    """Sentences in capitals inside ``text[start:end]`` not already taken: editor notes."""
    found = []
    for m in _SHOUTED.finditer(text, start, end):
        s, e = m.span()
        chunk = m.group(0).strip()
        if len(chunk.split()) < 3 or sum(ch.isalpha() for ch in chunk) < 8:
            continue
        if any(s < te and ts < e for ts, te in taken):
            continue
        found.append(NoteMatch("note", chunk, s, e))
    return found
