"""Adds `catalog tui` to the CLI through our register_commands hook.

Textual is imported inside the command only: importing the CLI must not load a UI.
"""

from __future__ import annotations

import click

from catalog.hookspecs import hookimpl


@hookimpl
def register_commands(cli: click.Group) -> None:
    """Add the ``tui`` command."""

    @cli.command(name="tui")
    @click.option("--db", "db_path", default="archive.db", show_default=True,
                  type=click.Path(dir_okay=False), help="The archive to open.")
    @click.option("--editor", default=None,
                  help="Name recorded with corrections (default: your user name).")
    def tui(db_path: str, editor: str | None) -> None:
        """Search, look at and correct the archive in a terminal UI."""
        from catalog.archive import ArchiveError, check_archive

        try:
            check_archive(db_path)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc

        from tui.app import CatalogApp

        CatalogApp(db_path, editor=editor).run()
