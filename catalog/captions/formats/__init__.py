"""Built-in caption formats, registered on the ``caption_formats`` hook.

Every module in this package that defines a module-level ``FORMAT`` joins
automatically: adding a format is adding a file.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil

from catalog.hookspecs import hookimpl

log = logging.getLogger(__name__)


def builtin_formats() -> list[object]:
    """The ``FORMAT`` of every module in this package, in module-name order."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except ImportError as exc:  # one broken format must not take the others down
            log.warning("caption format %s could not be imported: %s", info.name, exc)
            continue
        fmt = getattr(module, "FORMAT", None)
        if fmt is not None:
            found.append(fmt)
    return found


@hookimpl
def caption_formats():
    """The built-in formats."""
    return builtin_formats()
