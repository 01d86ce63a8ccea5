"""ASGI middleware: no method that could write reaches an archive's URLs or our routes."""

from __future__ import annotations

from typing import Any

from .detect import catalog_database_names

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OUR_PREFIXES = ("/-/photo/", "/-/thumb/", "/-/image/", "/-/preview/")


def guarded(datasette: Any, path: str) -> bool:
    """True if ``path`` is one of our routes or lies under an archive database."""
    base = datasette.setting("base_url").rstrip("/")
    if base and path.startswith(base):
        path = path[len(base):]
    if path.startswith(OUR_PREFIXES):
        return True
    first = path.lstrip("/").split("/", 1)[0].split(".", 1)[0]
    if not first:
        return False
    for name in catalog_database_names(datasette):
        if first in (name, datasette.databases[name].route):
            return True
    return False


def refuse_writes(app: Any, datasette: Any):
    """Wrap ``app`` so that writing methods on guarded paths get 405."""

    async def wrapped(scope: dict, receive: Any, send: Any) -> None:
        if (scope["type"] == "http" and scope.get("method", "GET") not in READ_METHODS
                and guarded(datasette, scope.get("path", ""))):
            await send({"type": "http.response.start", "status": 405,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                    (b"allow", b"GET, HEAD")]})
            await send({"type": "http.response.body",
                        "body": b"Method not allowed: this archive is read-only here.\n"})
            return
        await app(scope, receive, send)

    return wrapped
