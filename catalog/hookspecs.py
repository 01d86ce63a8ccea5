"""The hooks that plugins implement. Each is documented in README.md."""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("catalog")
hookimpl = pluggy.HookimplMarker("catalog")


@hookspec
def caption_formats():
    """Return a list of caption format objects (see catalog.captions.formats.base)."""


@hookspec
def register_commands(cli):
    """Add click commands to the ``catalog`` command group."""
