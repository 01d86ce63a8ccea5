"""Clean 4xx responses, rendered with Datasette's own error template."""

from __future__ import annotations

from typing import Any

from datasette.utils.asgi import Base400, Response


def client_error_response(datasette: Any, request: Any, exception: Exception):
    """An awaitable making the error page for a 4xx exception; None for anything else."""
    if not isinstance(exception, Base400):
        return None

    async def render() -> Response:
        status = exception.status
        message = exception.args[0] if exception.args else "Not found"
        info = {"ok": False, "error": message, "status": status, "title": None}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        html = await datasette.render_template([f"{status}.html", "error.html"], info,
                                               request=request)
        return Response.html(html, status=status)

    return render
