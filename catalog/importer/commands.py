"""Click commands of the importer (import, thumbnails, watch, errors)."""

import click


def register(cli: click.Group) -> None:
    """Add the importer's commands to the ``catalog`` group (placeholder)."""
