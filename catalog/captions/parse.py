"""``parse_caption``: clean the text, ask every accepting format, keep the most confident answer.

Formats come from the ``caption_formats`` hook (built-in and plugins alike).
Each format is fenced: one that raises is skipped and logged, so parsing never
raises on any string. Input beyond ``MAX_CHARS`` is not parsed and is kept as
residue, which bounds the cost of hostile text.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import TYPE_CHECKING

from catalog import regexcache
from catalog.captions.agencies import normalize_agency
from catalog.captions.model import Caption
from catalog.captions.normalize import clean, recase
from catalog.regexcache import regex

if TYPE_CHECKING:
    from pluggy import PluginManager

log = logging.getLogger(__name__)

#: Longest text parsed (IPTC Caption-Abstract holds 2,000 bytes; XMP captions rarely exceed 4,000).
MAX_CHARS = 4000


@cache
def _formats(plugin_manager: PluginManager | None = None) -> tuple[tuple[object, ...], object]:
    """(registered formats, the generic fallback), fetched once per plugin manager
    (``None``: the process-wide one)."""
    from catalog.captions.formats.generic import FORMAT as GENERIC
    from catalog.plugins import get_plugin_manager

    found: list[object] = []
    for group in (plugin_manager or get_plugin_manager()).hook.caption_formats():
        for fmt in group or ():
            if fmt is not GENERIC and fmt not in found:
                found.append(fmt)
    regexcache.save()  # every format's patterns are compiled now: the next process skips that
    return tuple(found), GENERIC


def reset_format_cache() -> None:
    """Forget the cached format list (after registering a plugin at run time)."""
    _formats.cache_clear()


def _failed(fmt: object) -> None:
    log.exception("caption format %s failed; skipped", getattr(fmt, "name", type(fmt).__name__))


def _accepts(fmt: object, text: str) -> bool:
    try:
        return bool(fmt.accept(text))  # type: ignore[attr-defined]
    except Exception:  # fence: a broken format (ours or a plugin's) must not break parsing
        _failed(fmt)
        return False


def _parsed(fmt: object, text: str, year_hint: int | None) -> Caption | None:
    try:
        return fmt.parse(text, year_hint=year_hint)  # type: ignore[attr-defined]
    except Exception:  # fence: a broken format (ours or a plugin's) must not break parsing
        _failed(fmt)
        return None


def _fenced(fmt: object, text: str, year_hint: int | None) -> Caption | None:
    """``fmt``'s parse of ``text`` if it accepts it; ``None`` if not, or if it raised (logged)."""
    return _parsed(fmt, text, year_hint) if _accepts(fmt, text) else None


def parse_caption(
    text: str, *, year_hint: int | None = None, plugin_manager: PluginManager | None = None,
) -> Caption:
    """Split a caption into fields (see DESIGN.md, "The Caption record"). Never raises.

    ``plugin_manager`` (from :func:`catalog.plugins.make_plugin_manager`) chooses the
    formats asked; by default, every format installed in this process.
    """
    raw = text if isinstance(text, str) else ("" if text is None else str(text))
    try:
        cleaned = clean(raw)
    except (ValueError, TypeError) as exc:  # clean() is total on str; be safe on odd input
        log.warning("caption clean-up failed: %s", exc)
        cleaned = raw
    head, tail = cleaned[:MAX_CHARS], cleaned[MAX_CHARS:]
    head, trailer = _without_archive_lines(head)
    if "***" in head:
        head, trailer = _without_starred(head, trailer)
    if "ORG XMIT" in head and (xmit := _ORG_XMIT.search(head)) is not None:  # AP's transmission code
        head, trailer = head[: xmit.start()].rstrip(), " ".join(p for p in (xmit.group(0).strip(), trailer) if p)
    if "Licens" in head[-40:] and (link := _LICENSE_LINK.search(head, max(0, len(head) - 60))) is not None:  # UPI's, Reuters' sales links
        head, trailer = head[: link.start()].rstrip(), " ".join(p for p in (link.group(1), trailer) if p)
    if ") /" in head[-45:] and (again := _AGENCY_AGAIN.search(head, max(0, len(head) - 45))) is not None and normalize_agency(again.group(1)):
        head = head[: again.start()]  # "(Photo by Name/Anadolu Agency via Getty Images) / Anadolu Agency": said twice
    if ")\n" in head[-120:] and (again := _CREDIT_LINE_AGAIN.search(head, max(0, len(head) - 120))) is not None:
        head, trailer = head[: again.end(1)], " ".join(p for p in (again.group(2), trailer) if p)  # a gallery's copy of the credit
    if "rights reserved" in head[-30:] and (owned := _COPYRIGHT_TAIL.search(head, max(0, len(head) - 90))) is not None and (
            agency := normalize_agency(owned.group("agency"))):
        head, trailer = head[: owned.start()] + agency, " ".join(p for p in (owned.group(0).strip(), trailer) if p)
    if head[:7] in ("Photo: ", "PHOTO: ") and _SHOUTED_DATELINE.match(head, 7):
        head = head[7:]  # "Photo: SALEKHARD, RUSSIA – MARCH 27, 2021: ...": a page's label before the dateline
    recased = recase(head)
    best = _best(recased, year_hint, plugin_manager)
    if ":" in recased[:40]:
        _headline_country(best, recased)
    if recased is not head:
        _restore_case(best, recased, head)
    best.raw = raw
    best.text = head
    if trailer:
        best.notes.append(trailer)
    if tail:
        best.residue = f"{best.residue} {tail}".strip()
    return best


#: A gallery's headline before the caption, naming the country: "Poland: Muslims attend ...".
_HEADLINE_COUNTRY = regex(r"(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):[ \t]+(?=[A-Z])")


def _headline_country(caption: Caption, text: str) -> None:
    """The country of a caption that names none in its body, from a headline such as "Albania: "
    (which leaves the subject)."""
    from catalog.captions.gazetteer import country_code

    m = _HEADLINE_COUNTRY.match(text)
    if m is None or (code := country_code(m.group("name"))) is None:
        return
    if not caption.country_code:
        caption.country, caption.country_code = m.group("name"), code
        caption.spans["country"] = m.span("name")
    if caption.country_code == code and caption.subject.startswith(m.group(0)):
        caption.subject = caption.subject[m.end() :]


#: Lines an archive adds after the agency's caption: "Keywords: ...", "[Archive note: ...]".
_ARCHIVE_LINES = regex(
    r"(?:\n[ \t]*(?:(?:Keywords?|Key\s+words|Tags|Categor(?:y|ies)|Supplemental\s+categor(?:y|ies)|"
    r"Archive\s+note)\s*:[^\n]*|\[(?![^\]\n]*(?:/|©|[Pp]hoto|PHOTO))[^\]\n]{3,300}\])[ \t]*)+$",  # not "[Photo/Xinhua]"
    re.IGNORECASE,
)


def _without_archive_lines(text: str) -> tuple[str, str]:
    """(the caption, the archive's own lines after it) — those lines are kept as a note."""
    if "\n" not in text or (":" not in text[-400:] and "]" not in text[-400:]):
        return text, ""  # cheap exit: no line that could be one
    m = _ARCHIVE_LINES.search(text, max(0, len(text) - 1200))
    if m is None or m.start() == 0:
        return text, ""
    return text[: m.start()].rstrip(), " ".join(m.group(0).split())


#: "... THE CANADIAN PRESS/Name ORG XMIT: EDM101": the sender's transmission code after the credit.
_ORG_XMIT = regex(r"\s+ORG\s+XMIT:?\s*[\w-]{1,40}\s*$")
#: A dateline in capitals: "SALEKHARD, RUSSIA – ".
_SHOUTED_DATELINE = regex(r"[A-Z][A-Z'’ .-]{2,30}, [A-Z][A-Z'’ .-]{2,30}\s[-–—]\s")
#: "... via Getty Images) / Anadolu Agency": the agency again, after the credit's bracket.
_AGENCY_AGAIN = regex(r"(?<=\))\s*/\s*([A-Z][\w .-]{1,30}?)[\s.]*$")
#: "... (Photo by Name/Getty Images)\n— Name / Getty Images North America": the credit again on a line of its own.
_CREDIT_LINE_AGAIN = regex(r"/[^()\n/]{2,60}(\))[ \t]*\n[ \t]*[—–-][ \t]*([^\n/]{2,60}/[^\n]{2,60})$")
#: "Name/Copyright 2018 The AP. All rights reserved.": the agency as a copyright line.
_COPYRIGHT_TAIL = regex(r"(?<=/)\s*(?:Copyright|©)\s+(?:\d{4}\s+)?(?:The\s+)?(?P<agency>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,3})\.?\s+All\s+rights\s+reserved\.?\s*$")
#: Sales links after the credit: UPI's "... Name/UPI | License Photo", Reuters' "... REUTERS/Name Acquire Licensing Rights".
_LICENSE_LINK = regex(r"\s*(?:\|\s*)?(License\s+Photo|Acquire\s+Licensing\s+Rights)\s*$")
#: Getty's "*** BESTPIX ***" after the credit, and an old IPTC editor's "*** Local Caption *** ...".
_STARRED_END = regex(r"\s*\*\*\*\s?([A-Z][A-Z ]{1,30}?)\s?\*\*\*\s*$")


def _without_starred(head: str, trailer: str) -> tuple[str, str]:
    """(the caption, its notes) once a trailing starred marker or a Local Caption is set aside."""
    notes = []
    if "*** Local Caption ***" in head:
        head, _, local = head.partition("*** Local Caption ***")
        head = head.rstrip()
        notes.append(f"Local Caption: {local.strip()}")
    if (m := _STARRED_END.search(head)) is not None and m.start() > 0:
        head, notes = head[: m.start()].rstrip(), [m.group(1).strip(), *notes]
    return head, " ".join(part for part in (*notes, trailer) if part.strip())


#: Fields that name a thing by its canonical spelling, not as the caption wrote it.
_CANONICAL = frozenset({"agency", "country_code", "format"})


def _restore_case(caption: Caption, recased: str, original: str) -> None:
    """Put the caption's own lower case back into every value read from the recased text
    (``original`` has no capitals, so no value taken from it should have one)."""
    for name, value in vars(caption).items():
        if name in _CANONICAL or not isinstance(value, str) or not value:
            continue
        span = caption.spans.get(name)
        if span is not None and recased[span[0] : span[1]] == value:
            setattr(caption, name, original[span[0] : span[1]])
        else:  # rewritten (a subject that lost its dateline): the caption had no capitals at all
            setattr(caption, name, value.lower())
    caption.notes = [note.lower() for note in caption.notes]


def _best(head: str, year_hint: int | None, plugin_manager: PluginManager | None) -> Caption:
    """The most confident format's reading of ``head`` (the generic one when none is sure)."""
    formats, generic = _formats(plugin_manager)
    best: Caption | None = None
    for fmt in formats:
        try:  # the cheap test every format runs on every caption, fenced inline
            accepted = fmt.accept(head)  # type: ignore[attr-defined]
        except Exception:  # fence: a broken format (ours or a plugin's) must not break parsing
            _failed(fmt)
            continue
        if not accepted:
            continue
        result = _parsed(fmt, head, year_hint)
        if result is not None and (best is None or result.confidence > best.confidence):
            best = result
    if best is None or best.confidence < 0.3:
        fallback = _fenced(generic, head, year_hint)
        if fallback is not None and (best is None or fallback.confidence > best.confidence):
            best = fallback
    if best is None:
        best = Caption(text=head, residue=head, format="none")
    return best
