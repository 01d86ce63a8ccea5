"""The agency formats beyond Reuters/AP/AFP: Getty Images, EPA-EFE, Xinhua, dpa, Bloomberg, Anadolu, Rex.

The caption table (tests/test_caption_table.py) checks fields row by row through
``parse_caption``; these tests check each format module directly: it says "not
mine" to other agencies' captions, it wins through ``parse_caption`` on its own,
its spans point at the text they name, the subject keeps no credit, and hostile
text costs little.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.captions import parse_caption
from catalog.captions.formats import anadolu, bloomberg, dpa, epa, getty, rex, xinhua
from catalog.captions.parse import _formats

MY_FORMATS = [getty.FORMAT, epa.FORMAT, xinhua.FORMAT, dpa.FORMAT, bloomberg.FORMAT,
              anadolu.FORMAT, rex.FORMAT]

#: One caption per format, with the format that must win and a word of its credit.
OWN_CAPTIONS = {
    "getty": ("AUSTIN, TEXAS - JUNE 14: Demonstrators rally outside the State Capitol on June 14, "
              "2023 in Austin, Texas. (Photo by Brandon Whitlock/Getty Images)", "Getty Images"),
    "epa": ("epa11234567 Demonstrators march in Madrid, Spain, 05 March 2024. EPA-EFE/JUAN PERALTA",
            "EPA-EFE/JUAN PERALTA"),
    "xinhua": ("(240305) -- BEIJING, March 5, 2024 (Xinhua) -- Delegates arrive at the hall in "
               "Beijing, capital of China, March 4, 2024. (Xinhua/Li Mingde)", "Xinhua/Li Mingde"),
    "dpa": ("05.03.2024, Berlin: Ein Radfahrer fährt vorbei. Foto: Lena Weisshaupt/dpa "
            "+++ dpa-Bildfunk +++", "Lena Weisshaupt/dpa"),
    "bloomberg": ("Traders work in New York, US, on Tuesday, March 5, 2024. "
                  "Photographer: Dana Fiske/Bloomberg", "Dana Fiske/Bloomberg"),
    "anadolu": ("ISTANBUL, TURKIYE - FEBRUARY 14: A vendor sells roses in Istanbul, Turkiye on "
                "February 14, 2024. (Mehmet Kara - Anadolu Agency)", "Anadolu Agency"),
    "rex": ("Mandatory Credit: Photo by Kate Morrow/Shutterstock (14321567a)\nGuests arrive\n"
            "'The Quiet Harbour' film premiere, London, UK - 05 Mar 2024", "Kate Morrow/Shutterstock"),
}

OTHER_AGENCIES = [
    "A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. REUTERS/Ana Costa",
    "Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. (AP Photo/Sam Reyes)",
    "Sunset over the lake at Geneva, Switzerland, 12 August 2023.",
]


@pytest.mark.parametrize("fmt", MY_FORMATS, ids=lambda f: f.name)
def test_format_says_not_mine_to_other_agencies(fmt) -> None:
    for text in OTHER_AGENCIES:
        assert not fmt.accept(text) or fmt.parse(text) is None, text


@pytest.mark.parametrize("name", sorted(OWN_CAPTIONS))
def test_format_wins_its_own_caption(name: str) -> None:
    text, credit_word = OWN_CAPTIONS[name]
    cap = parse_caption(text)
    assert cap.format == name
    assert cap.confidence >= 0.7
    assert credit_word not in cap.subject
    assert cap.subject and cap.subject[0].isupper()


@pytest.mark.parametrize("name", sorted(OWN_CAPTIONS))
def test_spans_point_at_their_values(name: str) -> None:
    text, _ = OWN_CAPTIONS[name]
    cap = parse_caption(text)
    assert cap.spans, "a parse with fields must say where they came from"
    for field in ("city", "region", "country", "photographer"):
        value = getattr(cap, field)
        if value and field in cap.spans:
            start, end = cap.spans[field]
            assert cap.text[start:end] == value, field
    assert "credit" in cap.spans
    start, end = cap.spans["credit"]
    assert cap.photographer.split()[0] in cap.text[start:end]
    start, end = cap.spans["agency"]
    assert cap.text[start:end].lower() == cap.agency.lower()


def test_xinhua_keeps_sending_and_picture_dates_apart() -> None:
    cap = parse_caption(OWN_CAPTIONS["xinhua"][0])
    assert cap.sent_date.isoformat() == "2024-03-05"
    assert cap.date.isoformat() == "2024-03-04"
    start, end = cap.spans["sent_date"]
    assert cap.text[start:end] == "March 5, 2024"


def test_getty_takes_the_year_from_the_hint_when_the_body_has_no_date() -> None:
    text = ("LONDON, ENGLAND - MARCH 05: Commuters cross a bridge in London, England. "
            "(Photo by Tom Halloway/Getty Images)")
    assert parse_caption(text).date is None
    cap = parse_caption(text, year_hint=2024)
    assert cap.date.isoformat() == "2024-03-05"
    assert cap.date_from_hint


def test_getty_stacked_credits_keep_the_first_credited_name() -> None:
    text = ("Rescuers search the rubble in Antakya, Turkey, on February 10, 2023. "
            "(Photo by Onur KAPLAN / AFP) (Photo by ONUR KAPLAN/AFP via Getty Images)")
    cap = getty.FORMAT.parse(text)
    assert (cap.agency, cap.photographer, cap.intermediaries) == ("AFP", "Onur KAPLAN", ["Getty Images"])
    assert "Photo by" not in cap.subject


def test_epa_handout_restrictions_and_issued_date() -> None:
    text = ("epa11070809 A handout photo made available by the Israeli Army shows soldiers in the "
            "northern Gaza Strip, 12 November 2023 (issued 13 November 2023). "
            "EPA-EFE/ISRAELI ARMY HANDOUT HANDOUT EDITORIAL USE ONLY/NO SALES")
    cap = epa.FORMAT.parse(text)
    assert cap.date.isoformat() == "2023-11-12"
    assert cap.handout and cap.photographer == "HANDOUT"  # as credited, as the other agencies keep it
    assert cap.intermediaries == ["ISRAELI ARMY"]
    assert sorted(cap.restrictions) == ["editorial_only", "no_sales"]
    assert "issued" not in cap.subject and "HANDOUT" not in cap.subject


def test_dpa_chain_keeps_partners_in_order() -> None:
    credit = dpa.read_dpa_chain("Argiris Manolis/Eurokinissi/AP/dpa")
    assert (credit.agency, credit.photographer) == ("dpa", "Argiris Manolis")
    assert credit.intermediaries == ["Eurokinissi", "AP"]
    assert dpa.read_dpa_chain("-/dpa").photographer == ""
    assert dpa.read_dpa_chain("Christoph Seidel/dpa/POOL").pool


def test_rex_event_line_gives_place_and_date_and_keeps_the_event() -> None:
    cap = rex.FORMAT.parse(OWN_CAPTIONS["rex"][0])
    assert (cap.city, cap.country_code, cap.date.isoformat()) == ("London", "GB", "2024-03-05")
    assert "'The Quiet Harbour' film premiere" in cap.notes
    assert cap.subject == "Guests arrive."


def test_trailing_groups_reads_only_the_end() -> None:
    text = "A (not a credit) caption in Oslo. (Photo by A B / AFP) (Photo by A B/AFP via Getty Images)"
    groups = getty.trailing_groups(text)
    assert [text[s:e] for s, e in groups] == ["(Photo by A B / AFP)", "(Photo by A B/AFP via Getty Images)"]


HOSTILE = {
    "commas": "," * 20_000,
    "capitals": "A" * 20_000,
    "slashes": "/" * 20_000,
    "credit-like": "EPA-EFE/ , A/ (Getty Images) Foto: x/dpa " * 500,
    "datelines": "LONDON, ENGLAND - MARCH 05: (240305) -- BEIJING, March 5, 2024 (Xinhua) -- " * 250,
    "parentheses": "(" * 10_000 + ")" * 10_000,
    "spaces": "Photographer:" + " " * 20_000 + "/Bloomberg",
    "spaces after a credit": "REUTERS/" + " " * 20_000 + "x",
    "no-break spaces after a label": "Foto: " + "\u00a0" * 20_000 + " POOL",
    "tabs after a credit": "EPA-EFE/" + "\t" * 20_000 + "/AFP",
}
_REGISTERED, _GENERIC = _formats()


@pytest.mark.parametrize("fmt", [*_REGISTERED, _GENERIC], ids=lambda f: f.name)
def test_hostile_text_is_cheap(fmt) -> None:
    """Every format, the fallback too, on the whole text (parse_caption would cut it at MAX_CHARS)."""
    fmt.parse("warm up the gazetteer in Oslo, Norway, 1 May 2024.")
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        if fmt.accept(text):
            fmt.parse(text)
        assert time.perf_counter() - started < 0.5, name


# -- properties -----------------------------------------------------------------

WIRE_ALPHABET = st.sampled_from([
    *"AaBbEeGgPpXxd .,:;/-()+'\n0123456789",
    "EPA-EFE/", "Getty Images", "(Photo by ", "Xinhua", "Foto: ", "/dpa", "+++ dpa-Bildfunk +++",
    "Photographer: ", "/Bloomberg", "Anadolu Agency", "Mandatory Credit: ", "Shutterstock",
    "LONDON, ENGLAND - MARCH 05: ", "(240305) -- ", " (Xinhua) -- ", "epa12345678 ", "05.03.2024, ",
    " - 05 Mar 2024", "March 5, 2024", " via ", "HANDOUT", " OUT", "ARCHIV - ",
])
wire_text = st.lists(WIRE_ALPHABET, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(wire_text, st.text(max_size=300)))
def test_formats_never_raise_and_spans_stay_inside(text: str) -> None:
    for fmt in MY_FORMATS:
        if not fmt.accept(text):
            continue
        cap = fmt.parse(text)
        if cap is None:
            continue
        for field, (start, end) in cap.spans.items():
            assert 0 <= start <= end <= len(text), field
        for field in ("city", "photographer"):
            value = getattr(cap, field)
            if value and field in cap.spans:  # names broken across lines are joined with one space
                assert " ".join(text[slice(*cap.spans[field])].split()) == " ".join(value.split())


PEOPLE = st.sampled_from(["Ana Costa", "Li Mingde", "Kate Morrow", "Omar Kaya", "Lena Weiss"])
TOWNS = st.sampled_from([("Lyon", "France"), ("Osaka", "Japan"), ("Porto", "Portugal"),
                         ("Nairobi", "Kenya")])
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))
LAYOUTS = {
    "getty": "{CITY}, {COUNTRY} - {MONTH} {dd}: Crowds gather on {Month} {dd}, {year} in {city}, "
             "{country}. (Photo by {name}/Getty Images)",
    "epa": "epa11234567 Crowds gather in {city}, {country}, {dd} {Month} {year}. EPA-EFE/{NAME}",
    "xinhua": "({yymmdd}) -- {CITY}, {Month} {day}, {year} (Xinhua) -- Crowds gather in {city}, "
              "{country}, {Month} {day}, {year}. (Xinhua/{name})",
    "dpa": "{dd}.{mm}.{year}, {city}: Menschen versammeln sich. Foto: {name}/dpa +++ dpa-Bildfunk +++",
    "bloomberg": "Crowds gather in {city}, {country}, on {Month} {day}, {year}. Photographer: {name}/Bloomberg",
    "anadolu": "{CITY}, {COUNTRY} - {MONTH} {dd}: Crowds gather in {city}, {country} on {Month} {dd}, "
               "{year}. ({name} - Anadolu Agency)",
    "rex": "Mandatory Credit: Photo by {name}/Shutterstock (1234a)\nCrowds gather\n"
           "Festival, {city}, {country} - {dd} {Mon} {year}",
}


@settings(max_examples=120, deadline=None)
@given(layout=st.sampled_from(sorted(LAYOUTS)), name=PEOPLE, town=TOWNS, day=DAYS)
def test_generated_captions_come_apart_cleanly(layout: str, name: str, town: tuple, day: dt.date) -> None:
    city, country = town
    month = day.strftime("%B")
    text = LAYOUTS[layout].format(
        CITY=city.upper(), COUNTRY=country.upper(), MONTH=month.upper(), Month=month, Mon=month[:3],
        dd=f"{day.day:02d}", day=day.day, mm=f"{day.month:02d}", year=day.year, city=city,
        country=country, name=name, NAME=name.upper(), yymmdd=day.strftime("%y%m%d"),
    )
    cap = parse_caption(text)
    assert cap.format == layout
    assert cap.date == day
    assert cap.city == city
    assert cap.photographer.lower() == name.lower()
    assert name.split()[-1].lower() not in cap.subject.lower()


@pytest.mark.parametrize(("left", "polished"), [
    ("Traders work on the floor of the exchange, on. Stocks fell.", "Traders work on the floor of the exchange. Stocks fell."),
    ("a train passes a building in southwest China's.", "A train passes a building."),
    ("Soldiers patrol in the northern.", "Soldiers patrol."),
    ("Manifestantes marchan por el centro de, el.", "Manifestantes marchan por el centro."),
    ("Supporters listen in the southern suburbs.", "Supporters listen in the southern suburbs."),
    ("Volunteers work on the East Side.", "Volunteers work on the East Side."),
])
def test_polish_subject_drops_only_dangling_words(left: str, polished: str) -> None:
    assert getty.polish_subject(left) == polished


def test_lead_notes_records_editorial_notes_and_moves_the_body_start() -> None:
    from catalog.captions.formats.base import Draft

    text = "(EDITORIAL USE ONLY) (EDITOR'S NOTE: Image depicts death) A man mourns."
    draft = Draft(text)
    start = getty.lead_notes(draft, 0, len(text))
    assert text[start:] == "A man mourns."
    assert draft.caption.restrictions == ["editorial_only"]
    assert draft.caption.notes == ["EDITOR'S NOTE: Image depicts death"]


@pytest.mark.parametrize(
    ("caption", "agency", "photographer"),
    [
        ("Cherry trees bloom along the moat in Tokyo on March 25, 2024. (Kyodo)", "Kyodo", ""),
        ("Pedestrians cross a street in Busan on May 2, 2024. (Yonhap)  ", "Yonhap", ""),
        ("Lanterns hang over a street in Osaka on May 2, 2024. (Kyodo) ==Kyodo", "Kyodo", ""),
        ("June 1, 2024, Leon, Mexico: Runners start the race. (Credit Image: © Ana Ruiz/ZUMA Press Wire)",
         "ZUMA", "Ana Ruiz"),
        ("Crowds in Hanoi, Vietnam. 2nd May, 2024. (Credit Image: © Linh Tran/SOPA Images via ZUMA Press Wire)",
         "SOPA Images", "Linh Tran"),
        ("Fans cheer in Leipzig, Germany, 04.05.2024. IMAGO/Jonas Brandt", "IMAGO", "Jonas Brandt"),
        ("Trams pass in Warsaw, Poland on May 4, 2024. (Photo by Ewa Nowak/NurPhoto via Getty Images)",
         "NurPhoto", "Ewa Nowak"),
        ("Ein Zug fährt in den Bahnhof in Köln ein. picture alliance/dpa | Jana Roth", "dpa", "Jana Roth"),
        ("ANKARA, TURKIYE - MAY 04: People walk in Ankara, Turkiye on May 04, 2024. Ali Kaya - Anadolu Agency",
         "Anadolu", "Ali Kaya"),
    ],
)
def test_credit_forms_of_more_agencies(caption: str, agency: str, photographer: str) -> None:
    cap = parse_caption(caption)
    assert (cap.agency, cap.photographer) == (agency, photographer)
    assert agency.split()[0] not in cap.subject
    if photographer:
        start, end = cap.spans["photographer"]
        assert cap.text[start:end] == photographer


def test_epa_name_broken_across_lines_in_the_same_case() -> None:
    cap = parse_caption("epa11600123 People queue in London, Britain, 18 September 2024. EPA-EFE/NEIL\nHARTLEY  ")
    assert cap.photographer == "NEIL HARTLEY"
    assert cap.residue == ""
    mixed = parse_caption("People queue in London, Britain, 18 September 2024. EPA-EFE/NEIL HARTLEY\nLondon Mayor speaks.")
    assert mixed.photographer == "NEIL HARTLEY"


@pytest.mark.parametrize(
    ("caption", "subject"),
    [
        ("Smoke billows after an air strike on the outskirts of Khartoum on June 12, 2024, amid the war in Sudan. "
         "(Photo by - / AFP)", "Smoke billows after an air strike, amid the war in Sudan."),
        ("El ciclista celebra su victoria en Medellín (Colombia) este domingo 9 de junio de 2024. EFE/Ana Costa",
         "El ciclista celebra su victoria."),
        ("Ein Zug fährt in den Bahnhof in Köln ein. Aufnahme vom 14.02.2024. picture alliance/dpa | Jana Roth",
         "Ein Zug fährt in den Bahnhof ein."),
        ("April 8, 2024, Mazatlan, Sinaloa, Mexico: People watch the eclipse. (Credit Image: © Ana Ruiz/ZUMA Press Wire)",
         "People watch the eclipse."),
        # a town that is part of the sentence stays; "in the town of" before a removed place goes
        ("LAHAINA, HAWAII - AUGUST 10: Cars burn after a wildfire swept through the historic town on August 10, "
         "2023 in Lahaina, Hawaii. (Photo by Ana Costa/Getty Images)",
         "Cars burn after a wildfire swept through the historic town."),
        ("Residents clear mud in the town of Paiporta, Spain, November 2, 2024. REUTERS/Ana Costa",
         "Residents clear mud."),
    ],
)
def test_subject_keeps_no_leftovers_of_removed_fields(caption: str, subject: str) -> None:
    cap = parse_caption(caption)
    assert cap.subject == subject
    assert cap.date is not None or "Medellín" in caption


def test_range_of_days_is_no_picture_date_and_stays_in_the_subject() -> None:
    cap = parse_caption("Supporters gather in Islamabad, Pakistan, in pictures taken between March 1 and "
                        "March 3, 2024. REUTERS/Akhtar Baig", year_hint=2024)
    assert cap.date is None
    assert "between March 1 and March 3, 2024" in cap.subject


def test_two_territories_out_after_an_epa_name() -> None:
    cap = parse_caption("Fans in Melbourne, Australia, 28 January 2024. "
                        "EPA-EFE/LUKAS KOCH AUSTRALIA AND NEW ZEALAND OUT")
    assert cap.photographer == "LUKAS KOCH"
    assert cap.restrictions == ["territory_out:AU", "territory_out:NZ"]


def test_reuters_picture_taken_after_the_credit_wins() -> None:
    text = "Migrants board a train in Irapuato, Mexico, March 2, 2024. REUTERS/Luis Cortes Picture taken on February 28, 2024."
    cap = parse_caption(text)
    assert cap.date is not None
    assert (cap.date.isoformat(), cap.photographer) == ("2024-02-28", "Luis Cortes")
    assert text[slice(*cap.spans["date"])] == "February 28, 2024"
