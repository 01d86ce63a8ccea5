"""Datasette plugin for the newsroom: thumbnails, photo pages, a year facet, metadata.

Hooks (each guarded: they act only on databases that are catalog archives):

- ``render_cell``: the photos table's ``content_hash`` column, and a ``picture`` column of
  saved queries, show the thumbnail, linking to the photo page;
- ``register_routes``: ``/-/photo/<id>`` (+ ``.json``), ``/-/thumb/<id>.jpg``,
  ``/-/image/<id>`` (see :mod:`datasette_catalog.routes`);
- ``get_metadata``: titles, descriptions, column labels, facets, saved queries;
- ``register_facet_classes``: the year facet (``?_facet_year=date``);
- ``prepare_connection``: a larger page cache and memory-mapped reads for archives;
- ``extra_css_urls`` / ``extra_template_vars``: our stylesheet and the facet links.

Datasette stays read-only: no write canned queries, no write routes; Datasette's own
read connections to a mutable file are ``mode=ro``.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pluggy
from markupsafe import Markup

from .detect import HASH_COLUMNS, catalog_database_names, is_catalog_database
from .metadata import FACET_LINKS, GRID_COLUMNS, GRID_LABELS, site_metadata
from .urls import photo_urls

#: Datasette's own marker (``datasette.hookimpl`` is this object's twin). Importing
#: datasette here would load it whenever the ``catalog`` CLI imports our commands
#: module, so the modules that need datasette are imported inside the hooks.
hookimpl = pluggy.HookimplMarker("datasette")

STATIC_DIR = Path(__file__).parent / "static"
THUMB_BOX = (96, 64)  # display box; object-fit keeps each thumbnail's own shape
MMAP_BYTES = 2**34    # reads through the page cache of the OS, not read() calls
LIST_COLUMNS = frozenset({"restrictions", "intermediaries", "story_codes", "notes"})
CACHE_KIB = 65_536     # per connection; mmap serves most reads anyway


def thumbnail_html(datasette: Any, photo_id: int, title: str = "") -> Markup:
    """An ``<img loading=lazy>`` of the photo's thumbnail, linking to its photo page."""
    urls = photo_urls(datasette, photo_id)
    width, height = THUMB_BOX
    return Markup(
        '<a class="catalog-thumb" href="{page}"><img src="{thumb}" loading="lazy" '
        'width="{w}" height="{h}" alt="Photo {id}" title="{title}"></a>'
    ).format(page=urls["page"], thumb=urls["thumb"], w=width, h=height, id=photo_id,
             title=title or f"Photo {photo_id}")


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str,
                datasette: Any) -> Markup | None:
    """Thumbnails in the photos table (``content_hash`` column, ``sha256`` in older archives) and saved queries (``picture``);
    JSON list columns (restrictions, story codes, ...) as plain readable text."""
    if column in HASH_COLUMNS and table == "photos":
        if not is_catalog_database(datasette, database):
            return None
        try:
            photo_id = row["id"]
        except (IndexError, KeyError):
            return None
        return thumbnail_html(datasette, photo_id, f"content hash {value}")
    if (column == "picture" and table is None and isinstance(value, int)
            and is_catalog_database(datasette, database)):
        return thumbnail_html(datasette, value)
    if (column in LIST_COLUMNS and isinstance(value, str) and value.startswith("[")
            and is_catalog_database(datasette, database)):
        return list_text(value)
    return None


def list_text(value: str) -> str | Markup | None:
    """A JSON list column as readable text: ``["no_resales", "x"]`` -> "no resales, x".

    An empty list shows as an empty cell (Datasette ignores a falsy answer).
    """
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list):
        return None
    return ", ".join(str(item).replace("_", " ") for item in items) or Markup("&nbsp;")


@hookimpl
def register_routes() -> list:
    """The photo page and the image byte routes."""
    from .routes import ROUTES

    return ROUTES


@hookimpl
def register_facet_classes() -> list:
    """The year facet."""
    from .facets import YearFacet

    return [YearFacet]


_metadata_cache: dict[tuple[str, ...], dict] = {}


@hookimpl
def get_metadata(datasette: Any) -> dict:
    """Newsroom metadata for every archive served (a copy: Datasette merges into it)."""
    names = tuple(catalog_database_names(datasette))
    if not names:
        return {}
    if names not in _metadata_cache:
        _metadata_cache[names] = site_metadata(list(names))
    return copy.deepcopy(_metadata_cache[names])


@hookimpl
def prepare_connection(conn: Any, database: str, datasette: Any) -> None:
    """Larger page cache and mmap reads on archive connections (read-only either way)."""
    if is_catalog_database(datasette, database):
        conn.execute(f"pragma cache_size=-{CACHE_KIB}")
        conn.execute(f"pragma mmap_size={MMAP_BYTES}")


@lru_cache(maxsize=1)
def _static_name() -> str | None:
    from datasette.plugins import get_plugins  # not at import: datasette.plugins imports us

    for plugin in get_plugins():
        if plugin.get("static_path") and Path(plugin["static_path"]) == STATIC_DIR:
            return plugin["name"]
    return None


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """Our stylesheet on every page."""
    name = _static_name()
    return [datasette.urls.static_plugins(name, "catalog.css")] if name else []


@hookimpl
def extra_template_vars(template: str, database: str | None, table: str | None,
                        request: Any, datasette: Any) -> dict:
    """Facet links (suggestions are off) and the grid's default columns, photos table only."""
    if template != "table.html" or table != "photos" or request is None:
        return {}
    if not is_catalog_database(datasette, database):
        return {}
    from datasette.utils import path_with_added_args

    links = []
    for arg, column in FACET_LINKS:
        if column in request.args.getlist(arg):
            continue
        href = datasette.urls.path(path_with_added_args(request, {arg: column, "_next": None}))
        label = "year" if arg == "_facet_year" else GRID_LABELS.get(column, column.replace("_", " "))
        links.append(Markup('<a href="{0}">{1}</a>').format(href, label))
    chosen = sorted(request.args.getlist("_col"))
    default = sorted(c for c in GRID_COLUMNS if c != "id")
    return {
        "catalog_facet_links": Markup(" · ").join(links) if links else None,
        "catalog_labels": GRID_LABELS,
        "catalog_all_columns_url": _all_columns_url(datasette, request)
        if chosen == default else None,
    }


def _all_columns_url(datasette: Any, request: Any) -> str:
    """This page without the grid's ``_col`` choice (``_nocol=parsed_json`` keeps it off)."""
    from urllib.parse import parse_qsl, urlencode

    pairs = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True)
             if k not in ("_col", "_nocol", "_next")]
    return datasette.urls.path(request.path) + "?" + urlencode([*pairs, ("_nocol", "parsed_json")])


@hookimpl(wrapper=True)
def handle_exception(datasette: Any, request: Any, exception: Exception):
    """Answer 4xx errors (unknown URL, bad id, bad request) with a clean page ourselves.

    Datasette 0.65's default handler prints the error with ``rich`` even when it was
    never raised (a URL that matches no route); rich >= 14 then raises and the reader
    gets a 500. For 4xx errors we render Datasette's own error template instead; every
    other exception goes to Datasette's handler unchanged.
    """
    results = yield
    from .errors import client_error_response

    response = client_error_response(datasette, request, exception)
    return results if response is None else [response]


@hookimpl
def asgi_wrapper(datasette: Any):
    """Refuse writing methods on archive URLs (405); default columns for the photos grid.

    The newsroom's Datasette only reads: corrections are made in the TUI or the CLI.
    This also spares readers Datasette 0.65's 500 on a POST to a read-only saved query.
    """
    from .middleware import catalog_middleware

    return lambda app: catalog_middleware(app, datasette)
