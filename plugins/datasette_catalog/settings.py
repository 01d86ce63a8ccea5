"""The Datasette settings ``catalog serve`` runs with, and why (no datasette import).

Arbitrary SQL stays allowed (``allow_sql`` is Datasette's default): researchers use
it, and it cannot write. Datasette accepts only SELECT/WITH statements, runs them on
connections opened ``mode=ro``, stops them after ``sql_time_limit_ms``, and our
middleware refuses every writing HTTP method on the archive's URLs.
"""

from __future__ import annotations

SERVE_SETTINGS: dict[str, object] = {
    # Facet suggestions scan every column on every table page: about 1.5 s of the
    # defaults' 1.7 s on a million photos. Our table offers its facets as links instead.
    "suggest_facets": False,
    # A facet the reader asks for (photographer, country, year) counts a million rows
    # in 40-200 ms; give it room to finish instead of showing "facet timed out".
    "facet_time_limit_ms": 2000,
    # Saved queries that scan the table (date or place conflicts) must finish.
    "sql_time_limit_ms": 5000,
    "default_page_size": 50,
    "truncate_cells_html": 160,
    # Browsers may keep pages and JSON for a minute; new imports show after that.
    "default_cache_ttl": 60,
}
