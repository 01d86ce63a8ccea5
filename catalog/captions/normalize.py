"""Text clean-up before parsing: every span the parser reports indexes the cleaned text.

``clean`` decodes HTML entities, repairs UTF-8 that was read as Latin-1 or
cp1252 ("Ã©" -> "é"), turns CRLF/CR into LF, maps odd spaces (NBSP, tabs,
zero-width) to plain ones, removes a space before a comma, and strips the
ends. Quotes are kept as written (curly or straight): every regex in the
parser accepts both. Runs of spaces are kept, because wires use them to
separate the credit from the trailers.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from catalog.regexcache import regex

#: Characters that a UTF-8 continuation byte (0x80-0xBF) becomes when decoded as cp1252/Latin-1.
_CONTINUATION_CHARS = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)})
)
_LEAD_CHARS = "".join(chr(b) for b in range(0xC2, 0xF5))
_MOJIBAKE = regex(
    "[" + re.escape(_LEAD_CHARS) + "][" + re.escape(_CONTINUATION_CHARS) + "]{1,3}"
)
_LEAD_CHAR = regex("[" + re.escape(_LEAD_CHARS) + "]")
#: Capital letters for regex classes: ASCII, Latin-1 and Latin Extended-A/B
#: ("Đorđe", "Łukasz", "Şebnem", "İlker", "Žan" begin credited names too).
CAPITALS = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_ODD_SPACES = regex(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = regex(r"[\u200b-\u200d\ufeff\u00ad]")
_BROKEN_HYPHEN = regex(r"(?<=\w-)\n(?=\w)")
_SPACE_BEFORE_COMMA = regex(r"[ ]+(?=,)")
_LINE_END_SPACES = regex(r"[ ]+\n")

_CP1252_REVERSE = {bytes([b]).decode("cp1252", errors="ignore"): b for b in range(0x80, 0xA0)}


def _to_byte(ch: str) -> int | None:
    code = ord(ch)
    if code < 0x100:
        return code
    return _CP1252_REVERSE.get(ch)


def _repair_one(match: re.Match[str]) -> str:
    chunk = match.group(0)
    raw = bytearray()
    for ch in chunk:
        byte = _to_byte(ch)
        if byte is None:
            return chunk
        raw.append(byte)
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return chunk
    return fixed if all(_plausible(ch) for ch in fixed) else chunk


def _plausible(ch: str) -> bool:
    """Whether a repaired character is one that text really holds: not an IPA letter, a spacing
    or combining mark, nor Armenian ("DIVÍŠEK" is Czech, not "DIV" + U+034A + "EK")."""
    code = ord(ch)
    return not (0x250 <= code < 0x370 or 0x500 <= code < 0x590)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 bytes that were decoded as cp1252/Latin-1, sequence by sequence."""
    if text.isascii() or _LEAD_CHAR.search(text) is None:
        return text
    return _MOJIBAKE.sub(_repair_one, text)


def clean(raw: str) -> str:
    """The caption text the parser works on (see module docstring)."""
    if not isinstance(raw, str):
        raw = str(raw)
    text = raw
    if "&" in text:
        text = html.unescape(text)
    text = repair_mojibake(text)
    if "Â " in text:
        text = text.replace("Â ", " ")  # a no-break space whose first byte was read alone: "Picture:Â INPHO"
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = _ZERO_WIDTH.sub("", text)
        text = _ODD_SPACES.sub(" ", text)
    elif "\t" in text:
        text = text.replace("\t", " ")
    if "-\n" in text:
        text = _BROKEN_HYPHEN.sub("", text)  # "(AP Photo/Kim Do-\nyeon)": one word again
    if " ," in text:
        text = _SPACE_BEFORE_COMMA.sub("", text)
    if " \n" in text:
        text = _LINE_END_SPACES.sub("\n", text)
    if "icture:" in text or "hoto:" in text or "hotograph:" in text or "mage:" in text or "Credit:" in text:
        text = _GLUED_LABEL.sub(" ", text)  # a page that lost the space: "in BishkekPicture: REUTERS/Name"
    if "' s " in text or "’ s " in text:
        text = _SPACED_POSSESSIVE.sub(r"\1s", text)  # "during the Madrid' s Fashion Week"
    if _GLUED_MONTH_DAY.search(text) is not None:
        text = _GLUED_MONTH_DAY.sub(r"\1 ", text)  # "Wednesday, January17, 2018": the month, then the day
    if "/" in text[-120:] and (glued := _GLUED_CAPS_CREDIT.search(text, max(0, len(text) - 120))) is not None:
        text = f"{text[: glued.start()]}\n{text[glued.start() :]}"  # a lost line break: "DC.ANA COSTA/Getty Images"
    if text.endswith("|"):
        text = text.rstrip(" |")  # a page's separator after the credit: "Name / Xinhua |"
    return text.strip()


_GLUED_LABEL = regex(r"(?:(?<=[a-z]{3})|(?<=[a-z]['’.])|(?<=\d{4}))(?=(?:Picture|Photo|Photograph|Image|Credit)s?:\s)")
_SPACED_POSSESSIVE = regex(r"(?<=[A-Za-z])(['’]) s(?= )")
_GLUED_MONTH_DAY = regex(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"(?=\d{1,2},? (?:19|20)\d\d\b)")
#: A credit in capitals glued to the last sentence: "... DC.ANA COSTA/Getty Images", "... CupsANA COSTA/PA".
_GLUED_CAPS_CREDIT = regex(r"(?:(?<=\w\.)|(?<=[a-z]))(?=[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,3} ?/ ?[A-Z][\w ]{1,30}$)")


#: Letters that a case-insensitive pattern matches to an ASCII letter though ``str.lower`` keeps
#: them apart (Turkish dotted and dotless I, long s, the Kelvin sign).
_REGEX_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """Lower case as ``re.IGNORECASE`` compares with ASCII words: the cheap tests before
    case-insensitive patterns use it so that they never reject what the pattern would match."""
    return text.lower() if text.isascii() else text.translate(_REGEX_FOLDS).lower()


def squash(text: str) -> str:
    """Collapse every run of whitespace (line breaks too) to one space and strip."""
    return " ".join(text.split())  # the same as substituting r"\s+" and stripping, without a regex


def is_shouting(text: str) -> bool:
    """True when the letters of ``text`` are (almost) all capitals."""
    head = text[:400]
    if sum(map(str.islower, head[:40])) * 10 >= len(head):
        return False  # cheap exit: already too many small letters (upper <= len - lower)
    upper = sum(map(str.isupper, head))
    lower = sum(map(str.islower, head))
    return upper + lower >= 8 and upper > 9 * lower


#: Words a capitals-case caption keeps in lower case: left so when a lower-case caption is recased.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on", "onto", "or", "over", "past", "the", "to", "with", "near", "during", "after", "before", "outside", "inside", "under", "above", "between", "behind", "amid", "against", "while"]
)
_WORD = regex(r"[^\W\d_][\w'’.-]*")


def _recase_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word in _SMALL_WORDS:
        return word
    if len(word) <= 6 and "." in word.rstrip("."):  # "u.s.", "d.c.": every letter a capital
        upper = word.upper()
        return upper if len(upper) == len(word) else word
    head = word[0].upper()
    return head + word[1:] if len(head) == 1 else word


def recase(text: str) -> str:
    """An all-lower-case caption as the capitals case writes it (same length, same offsets):
    every word capitalised but the small ones, so the patterns that read names, places
    and months in capitals read it too. Text with any capital is returned unchanged."""
    if not text.islower():
        return text
    recased = _WORD.sub(_recase_word, text)
    return recased if len(recased) == len(text) else text


def word_tree(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("ma(?:r(?:ch)?|y)"): the regex engine
    follows one branch per letter instead of trying every word at every position."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
