"""``catalog serve``: Datasette on the archive, with this plugin and our settings.

Registered on the catalog's ``register_commands`` hook through the ``catalog`` entry
point group. Datasette and uvicorn are imported inside the command only, so
importing ``catalog.cli`` never loads them.
"""

from __future__ import annotations

from pathlib import Path

import click

from catalog.hookspecs import hookimpl

from .settings import SERVE_SETTINGS


def make_datasette(db_path: str | Path, *, settings: dict | None = None):
    """A Datasette serving ``db_path`` read-only (mutable, so new imports show on reload)."""
    from datasette.app import Datasette

    return Datasette([str(db_path)], settings={**SERVE_SETTINGS, **(settings or {})})


@hookimpl
def register_commands(cli: click.Group) -> None:
    """Add the ``serve`` command."""

    @cli.command(name="serve")
    @click.option("--db", "db_path", default="archive.db", show_default=True,
                  type=click.Path(dir_okay=False), help="The archive to serve.")
    @click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
                  help="Port to listen on (0: any free port).")
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Interface to bind; 0.0.0.0 exposes the archive to the network.")
    def serve(db_path: str, port: int, host: str) -> None:
        """Browse the archive in a web browser (Datasette, read-only)."""
        from catalog.archive import ArchiveError, check_archive

        try:
            check_archive(db_path)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
        import uvicorn

        datasette = make_datasette(db_path)
        click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
