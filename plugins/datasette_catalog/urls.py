"""The plugin's URLs for a photo (no datasette import: used by the package's hooks)."""

from __future__ import annotations

from typing import Any


def photo_urls(datasette: Any, photo_id: int) -> dict[str, str]:
    """Page, JSON, thumbnail and original-file URLs for one photo, honouring base_url."""
    return {
        "page": datasette.urls.path(f"/-/photo/{photo_id}"),
        "json": datasette.urls.path(f"/-/photo/{photo_id}.json"),
        "thumb": datasette.urls.path(f"/-/thumb/{photo_id}.jpg"),
        "image": datasette.urls.path(f"/-/image/{photo_id}"),
        "preview": datasette.urls.path(f"/-/preview/{photo_id}.jpg"),
    }
