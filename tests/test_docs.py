"""Every hook is documented in the README, as Datasette does for its hooks."""

from pathlib import Path

import pytest

from catalog import hookspecs

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
HOOKS = [name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "catalog_spec")]


def test_hooks_found():
    assert {"caption_formats", "register_commands"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook):
    assert f"### {hook}(" in README, f"hook {hook} has no section in README.md"
