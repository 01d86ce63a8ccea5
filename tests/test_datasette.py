"""The newsroom's Datasette: table, facets, search, photo page, images, saved queries.

Datasette's own test client against a real archive file built with the Archive API.
"""

from __future__ import annotations

import io
import re
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette_catalog import render_cell
from datasette_catalog.commands import make_datasette
from datasette_catalog.highlight import highlight, segments, valid_spans
from datasette_catalog.preview import PreviewError, preview_jpeg
from PIL import Image
from test_datasette_support import PHOTOS, build_archive


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("ds"))


@pytest.fixture
async def ds(archive_path: Path) -> Datasette:
    datasette = make_datasette(archive_path)
    await datasette.invoke_startup()
    return datasette


async def test_table_page_shows_thumbnails_linking_to_photo_pages(ds: Datasette) -> None:
    response = await ds.client.get("/archive/photos")
    assert response.status_code == 200
    html = response.text
    for photo_id in PHOTOS:
        assert (f'<a class="catalog-thumb" href="/-/photo/{photo_id}"><img '
                f'src="/-/thumb/{photo_id}.jpg" loading="lazy" width="96" height="64"') in html
    assert "<h1>Photos</h1>" in html
    assert 'href="/-/static-plugins/' in html and "catalog.css" in html


def header(column: str) -> str:
    """How the grid's header cell for ``column`` starts."""
    return f'class="col-{column}" scope="col"'


async def test_table_page_defaults_newsroom_columns_and_sorts_by_date(ds: Datasette) -> None:
    html = (await ds.client.get("/archive/photos")).text
    assert header("photographer") in html
    assert header("iptc_json") not in html  # JSON blobs live on the photo page
    assert "Show all columns" in html
    everything = (await ds.client.get("/archive/photos?_nocol=parsed_json")).text
    assert header("iptc_json") in everything and "Show all columns" not in everything
    chosen = (await ds.client.get("/archive/photos?_col=city")).text  # a reader's choice wins
    assert header("city") in chosen and header("agency") not in chosen
    data = (await ds.client.get("/archive/photos.json?_shape=objects")).json()
    dates = [row["date"] for row in data["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert "iptc_json" in data["rows"][0]  # the JSON API keeps every column


async def test_agency_facet_shown_and_other_facets_one_click_away(ds: Datasette) -> None:
    data = (await ds.client.get("/archive/photos.json")).json()
    agency = {r["value"]: r["count"] for r in data["facet_results"]["agency"]["results"]}
    assert agency == {"Reuters": 2, "AP": 1, "AFP": 1}
    html = (await ds.client.get("/archive/photos")).text
    for link in ("_facet=photographer", "_facet=country", "_facet_year=date"):
        assert link in html
    photographers = (await ds.client.get("/archive/photos.json?_facet=photographer")).json()
    names = {r["value"] for r in photographers["facet_results"]["photographer"]["results"]}
    assert {"Sam Reyes", "Lena Berg", "Ana Costa-Silva"} <= names


async def test_year_facet_counts_and_filters_by_year(ds: Datasette) -> None:
    data = (await ds.client.get("/archive/photos.json?_facet_year=date")).json()
    years = data["facet_results"]["date"]["results"]
    assert [(y["value"], y["count"]) for y in years] == [("2024", 3), ("2023", 1), ("2019", 1)]
    toggle = years[0]["toggle_url"]
    assert "date__gte=2024-01-01" in toggle and "date__lt=2025-01-01" in toggle
    chosen = (await ds.client.get(toggle.replace("http://localhost", "")
                                  .replace("/archive/photos?", "/archive/photos.json?"))).json()
    assert sorted(row[0] for row in chosen["rows"]) == [1, 2, 4]
    again = chosen["facet_results"]["date"]["results"]
    assert [y["selected"] for y in again] == [True]


async def test_full_text_search(ds: Datasette) -> None:
    data = (await ds.client.get("/archive/photos.json?_search=ferry&_shape=objects")).json()
    assert sorted(row["id"] for row in data["rows"]) == [1, 2]
    html = (await ds.client.get("/archive/photos?_search=marathon")).text
    assert "1 row where search matches" in html
    ferry = (await ds.client.get("/archive/photos?_search=ferry")).text
    assert "newest arrivals first" in ferry and "sorted by id descending" in ferry
    assert ferry.index('href="/-/photo/2"') < ferry.index('href="/-/photo/1"')
    by_date = (await ds.client.get("/archive/photos?_search=ferry&_sort=date")).text
    assert "sorted by date" in by_date and "newest arrivals first" not in by_date
    for odd in ('"unbalanced', "AND", "ferry -", "run*", "NEAR(", "'"):
        response = await ds.client.get("/archive/photos", params={"_search": odd})
        assert response.status_code == 200, odd


async def test_photo_page_highlights_fields_in_caption(ds: Datasette) -> None:
    response = await ds.client.get("/-/photo/1")
    assert response.status_code == 200
    html = response.text
    assert re.search(r'<mark class="hl hl-city" data-field="city" title="city">Lyon</mark>', html)
    assert re.search(r'<mark class="hl hl-photographer"[^>]*>Ana Costa</mark>', html)
    assert 'title="photographer / credit">Ana Costa</mark>' in html  # nested inside the credit
    assert '<img src="/-/preview/1.jpg"' in html  # the original is on disk
    assert '<a href="/-/image/1">Original file</a>' in html
    for label in ("Photographer", "Make", "Taken at", "Content hash", "Caption date vs camera (days)"):
        assert f'<th scope="row">{label}</th>' in html
    for section in ("Parsed from the caption", "Camera (EXIF)", "IPTC / XMP", "Corrections"):
        assert f"<h2>{section}</h2>" in html


async def test_photo_page_lists_corrections_and_other_uses(ds: Datasette) -> None:
    html = (await ds.client.get("/-/photo/1")).text
    assert "Ana Costa-Silva" in html and "corrected by an editor" in html
    assert re.search(r'<tr class="undone">.*?city.*?Lyon 2e.*?undone [^<]* by chris', html, re.S)
    uses = html[html.index("Other uses of this picture"):]
    assert 'href="/-/photo/2"' in uses and "1 bit apart" in uses and "file photo" in uses
    lonely = (await ds.client.get("/-/photo/3")).text
    assert "No other use of this picture" in lonely


async def test_photo_page_without_file_or_thumbnail(ds: Datasette) -> None:
    html = (await ds.client.get("/-/photo/4")).text
    assert '<img src="/-/thumb/4.jpg"' in html
    assert "Original file not reachable from this server" in html
    thumb = await ds.client.get("/-/thumb/4.jpg")
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/svg+xml"
    assert (await ds.client.get("/-/image/4")).status_code == 404


async def test_photo_json(ds: Datasette) -> None:
    data = (await ds.client.get("/-/photo/1.json")).json()
    assert data["id"] == 1 and data["agency"] == "Reuters"
    assert [c["field"] for c in data["corrections"]] == ["photographer", "city"]
    assert [u["id"] for u in data["other_uses"]] == [2]
    assert data["paths"][0]["path"].endswith("photo1.jpg")


async def test_thumbnail_and_image_bytes(ds: Datasette, archive_path: Path) -> None:
    thumb = await ds.client.get("/-/thumb/1.jpg")
    assert thumb.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(thumb.content)).size == (96, 60)
    original = await ds.client.get("/-/image/2")
    assert original.status_code == 200 and original.headers["content-type"] == "image/jpeg"
    assert original.content == (archive_path.parent / "pictures" / "photo2.jpg").read_bytes()
    shown = await ds.client.get("/-/preview/2.jpg")
    assert shown.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(shown.content)).size == (320, 200)  # never enlarged
    assert (await ds.client.get("/-/preview/4.jpg")).status_code == 404  # file gone


def test_preview_scales_any_format_down(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    Image.new("RGB", (3000, 2000), (10, 90, 200)).save(big, quality=70)
    assert Image.open(io.BytesIO(preview_jpeg(str(big)))).size == (1280, 853)
    png = tmp_path / "alpha.png"
    Image.new("RGBA", (400, 300), (255, 0, 0, 128)).save(png)
    assert Image.open(io.BytesIO(preview_jpeg(str(png)))).mode == "RGB"
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    with pytest.raises(PreviewError):
        preview_jpeg(str(text))


SAVED = {
    "file_photos_resent": {2},
    "date_disagrees_with_camera": {5},
    "far_from_caption_place": {5},
    "no_credit": {4},
    "usage_restrictions": {3},
}


@pytest.mark.parametrize("name", sorted(SAVED))
async def test_saved_queries_run_as_html_and_json(ds: Datasette, name: str) -> None:
    html = await ds.client.get(f"/archive/{name}")
    assert html.status_code == 200
    for photo_id in SAVED[name]:
        assert f'src="/-/thumb/{photo_id}.jpg"' in html.text
    data = (await ds.client.get(f"/archive/{name}.json?_shape=objects")).json()
    assert {row["id"] for row in data["rows"]} == SAVED[name]


async def test_metadata_titles_and_json_api(ds: Datasette) -> None:
    home = (await ds.client.get("/")).text
    assert "Wire photo archive" in home
    table = (await ds.client.get("/archive/photos.json")).json()
    assert table["filtered_table_rows_count"] == len(PHOTOS)
    row = (await ds.client.get("/archive/photos/5.json?_shape=objects")).json()
    assert row["rows"][0]["city"] == "Berlin"
    queries = (await ds.client.get("/archive.json")).json()["queries"]
    assert {q["name"] for q in queries} == set(SAVED)
    assert all(not q.get("write") for q in queries)


async def test_render_cell_directly(ds: Datasette, tmp_path: Path) -> None:
    cell = render_cell(row={"id": 7}, value="ab" * 32, column="content_hash", table="photos",
                       database="archive", datasette=ds)
    assert 'src="/-/thumb/7.jpg"' in cell and 'href="/-/photo/7"' in cell
    assert 'loading="lazy"' in cell and 'width="96" height="64"' in cell
    assert render_cell(row={"id": 7}, value="x", column="city", table="photos",
                       database="archive", datasette=ds) is None
    restricted = render_cell(row={}, value='["editorial_only", "territory_out:JP"]',
                             column="restrictions", table="photos", database="archive",
                             datasette=ds)
    assert restricted == "editorial only, territory out:JP"
    assert render_cell(row={}, value="[]", column="restrictions", table="photos",
                       database="archive", datasette=ds) == "&nbsp;"
    picture = render_cell(row={}, value=3, column="picture", table=None,
                          database="archive", datasette=ds)
    assert 'src="/-/thumb/3.jpg"' in picture
    # a database that is not an archive is left alone
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table photos (id integer primary key, content_hash text)")
    plain = Datasette([str(other)])
    assert render_cell(row={"id": 1}, value="x", column="content_hash", table="photos",
                       database="other", datasette=plain) is None


def test_highlight_nested_and_invalid_spans() -> None:
    text = "Fans in Lyon. REUTERS/Ana Costa"
    spans = {"city": [8, 12], "credit": [14, 31], "photographer": [22, 31],
             "bad": [40, 50], "worse": "x", "neg": [-1, 3]}
    assert set(valid_spans(spans, len(text))) == {"city", "credit", "photographer"}
    runs = segments(text, valid_spans(spans, len(text)))
    assert "".join(run for run, _ in runs) == text
    assert ("Ana Costa", ["photographer", "credit"]) in runs
    html = highlight("<b>" + text, '{"city": [11, 15]}')
    assert html.startswith("&lt;b&gt;") and ">Lyon</mark>" in html
    assert highlight("plain", "not json") == "plain"


async def test_photo_page_survives_damaged_json_columns(tmp_path: Path) -> None:
    path = build_archive(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("update photos set spans = '{bad', parsed_json = '[1, 2]', "
                     "corrected_fields = 'oops', iptc_json = 'nope', restrictions = '[' "
                     "where id = 3")
    datasette = make_datasette(path)
    await datasette.invoke_startup()
    response = await datasette.client.get("/-/photo/3")
    assert response.status_code == 200
    assert "Rescue workers search the rubble" in response.text
    assert "The parser recorded no positions for this caption." in response.text
