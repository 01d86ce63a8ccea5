"""parse_caption's core: cleaning, format registry, the fence, limits, generic fallback."""

from __future__ import annotations

import datetime as dt
import time
from typing import ClassVar

import pytest

from catalog.captions import PARSER_VERSION, parse_caption
from catalog.captions.credits import normalize_agency, read_chain
from catalog.captions.formats import builtin_formats
from catalog.captions.formats.base import CaptionFormat
from catalog.captions.normalize import clean
from catalog.captions.notes import find_notes
from catalog.captions.parse import MAX_CHARS, reset_format_cache
from catalog.hookspecs import hookimpl
from catalog.plugins import get_plugin_manager


def test_clean_repairs_text() -> None:
    assert clean("Caf&eacute; &amp; bar") == "Café & bar"
    mojibake = "São Paulo — Zürich ’quoted’".encode().decode("cp1252")
    assert clean(mojibake) == "São Paulo — Zürich ’quoted’"
    assert clean("Seoul , South Korea\r\nline\u00a0two \n") == "Seoul, South Korea\nline two"
    assert clean("“curly” and \"straight\"") == "“curly” and \"straight\""


def test_spans_index_the_cleaned_text() -> None:
    cap = parse_caption("Caf&eacute; owners protest in Lyon, France March 5, 2024. REUTERS/Ana Costa")
    assert cap.text.startswith("Café")
    for field in ("city", "country", "photographer", "date_text"):
        start, end = cap.spans[field]
        assert cap.text[start:end] == str(getattr(cap, field))


def test_every_builtin_format_is_registered_and_follows_the_protocol() -> None:
    registered = [f for group in get_plugin_manager().hook.caption_formats() for f in group]
    names = {f.name for f in registered}
    assert {"reuters", "ap", "afp", "generic"} <= names
    for fmt in builtin_formats():
        assert isinstance(fmt, CaptionFormat)
        assert fmt.examples, fmt.name


@pytest.mark.parametrize("fmt", builtin_formats(), ids=lambda f: f.name)
def test_each_format_parses_its_own_examples(fmt) -> None:
    for caption, expected in fmt.examples:
        text = clean(caption)
        assert fmt.accept(text)
        cap = fmt.parse(text)
        assert cap is not None
        for key, value in expected.items():
            got = getattr(cap, key)
            if isinstance(got, dt.date):
                got = got.isoformat()
            assert got == value, (fmt.name, key, caption)


class _Boom:
    name = "boom"
    examples: ClassVar[list] = []

    def accept(self, text: str) -> bool:
        return True

    def parse(self, text: str, *, year_hint=None):
        raise RuntimeError("a broken plugin")


class _BoomPlugin:
    @hookimpl
    def caption_formats(self):
        return [_Boom()]


def test_a_format_that_raises_is_skipped() -> None:
    pm = get_plugin_manager()
    pm.register(_BoomPlugin(), name="boom-test")
    reset_format_cache()
    try:
        cap = parse_caption("Boats in Split, Croatia, June 2, 2023. REUTERS/Lea Moreno")
        assert cap.format == "reuters" and cap.photographer == "Lea Moreno"
    finally:
        pm.unregister(name="boom-test")
        reset_format_cache()


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "(((", "/" * 50, "REUTERS", "(AP Photo/", "AFP PHOTO /"])
def test_odd_input_never_raises(text: str) -> None:
    cap = parse_caption(text)
    assert cap.raw == text


def test_hostile_text_is_linear() -> None:
    for hostile in (",A/" * 34000, "A" * 100_000, "REUTERS/" * 12500, "(AP Photo/" * 10000, "March 5, " * 11000):
        started = time.perf_counter()
        cap = parse_caption(hostile)
        assert time.perf_counter() - started < 1.0
        assert len(cap.residue) >= len(hostile) - MAX_CHARS - 10


def test_text_beyond_the_limit_is_kept_as_residue() -> None:
    tail = " TAILWORD" * 10
    cap = parse_caption("x" * MAX_CHARS + tail)
    assert cap.residue.endswith("TAILWORD")


def test_generic_fallback_keeps_what_it_finds() -> None:
    cap = parse_caption("Children play in the snow in Oslo, Norway, on January 12, 2024. Photo: Kari Nordmann")
    assert cap.format == "generic" and cap.confidence < 0.5
    assert (cap.city, cap.country_code, cap.date) == ("Oslo", "NO", dt.date(2024, 1, 12))
    assert (cap.photographer, cap.agency) == ("Kari Nordmann", "")


def test_no_agency_named_means_no_agency() -> None:
    cap = parse_caption("A street market on a sunny day.")
    assert cap.agency == "" and cap.residue == "" and cap.subject == "A street market on a sunny day."


def test_agency_normalisation_and_chains() -> None:
    assert normalize_agency("RETUERS") == "Reuters"
    assert normalize_agency("Associated Press") == "AP"
    assert normalize_agency("Nobody Inc") is None
    chain = read_chain("Jane Roe/AFP via Getty Images")
    assert (chain.agency, chain.photographer, chain.intermediaries) == ("AFP", "Jane Roe", ["Getty Images"])


def test_notes_flags() -> None:
    text = 'NO RESALES. NO ARCHIVES. EDITORIAL USE ONLY. U.S. OUT. SEARCH "FLOODS" FOR THIS STORY. TPX'
    values = [n.value for n in find_notes(text)]
    assert values == ["no_resales", "no_archives", "editorial_only", "territory_out:US",
                      'SEARCH "FLOODS"', "TPX"]
    assert find_notes("people walk out of the stadium") == []


def test_parser_version_is_a_positive_int() -> None:
    assert isinstance(PARSER_VERSION, int) and PARSER_VERSION >= 1


def test_sports_wire_semicolon_dateline_and_dashed_credit() -> None:
    cap = parse_caption("Mar 5, 2024; Los Angeles, California, USA; Lakers forward Sam Doe dunks during the "
                        "first half. Mandatory Credit: Kim Lee-USA TODAY Sports")
    assert (cap.agency, cap.photographer) == ("Imagn", "Kim Lee")
    assert (cap.city, cap.region, cap.country_code, cap.date) == (
        "Los Angeles", "California", "US", dt.date(2024, 3, 5))
    assert cap.subject == "Lakers forward Sam Doe dunks during the first half."


def test_partner_sports_header_in_the_generic_format() -> None:
    cap = parse_caption("Basketball - NBA - Harbor City v Lakeview - Arena One, Los Angeles, California, U.S. - "
                        "March 16, 2024 Lakeview's Sam Doe in action Mandatory Credit: Kim Lee-USA TODAY Sports")
    assert (cap.city, cap.country_code, cap.date) == ("Los Angeles", "US", dt.date(2024, 3, 16))
    assert cap.subject == "Lakeview's Sam Doe in action."


def test_generic_labelled_credits_leave_no_residue() -> None:
    cap = parse_caption("Sunset over the harbour, Sydney, Australia. 12 March 2024. Photo: Jane Roe")
    assert (cap.photographer, cap.credit, cap.residue) == ("Jane Roe", "Photo: Jane Roe", "")
    assert cap.date == dt.date(2024, 3, 12)
    paren = parse_caption("Vista de la Plaza Mayor de Madrid, España, el 5 de marzo de 2024. (Foto: Ana Gil)")
    assert (paren.photographer, paren.city, paren.country_code, paren.residue) == ("Ana Gil", "Madrid", "ES", "")
