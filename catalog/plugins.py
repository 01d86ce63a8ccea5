"""The plugin manager: built-in formats register exactly as outside plugins do."""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
from functools import lru_cache

import pluggy

from catalog import hookspecs

log = logging.getLogger(__name__)

#: Modules that ship with the core and register themselves on our hooks.
DEFAULT_PLUGINS = ("catalog.captions.formats",)

#: Entry-point groups that outside packages use to join.
ENTRY_POINT_GROUPS = ("catalog", "catalog.formats")


def make_plugin_manager(*, load_entry_points: bool = True) -> pluggy.PluginManager:
    """A fresh manager with the default plugins and, optionally, installed ones."""
    pm = pluggy.PluginManager("catalog")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        installed = importlib.metadata.entry_points()  # one scan of the installed packages
        for group in ENTRY_POINT_GROUPS:
            _load_group(pm, installed.select(group=group))
    pm.check_pending()
    return pm


def _load_group(pm: pluggy.PluginManager, entry_points: importlib.metadata.EntryPoints) -> None:
    for ep in entry_points:
        if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
            continue
        try:
            pm.register(ep.load(), name=ep.name)
        except ImportError as exc:  # a broken plugin must not break the core
            log.warning("catalog plugin %s could not be loaded: %s", ep.name, exc)


@lru_cache(maxsize=1)
def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide manager, built on first use."""
    return make_plugin_manager()
