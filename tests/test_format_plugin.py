"""Caption formats as plugins: the worked outside example, and every registered format's examples."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from catalog.captions import parse_caption
from catalog.captions.formats.base import CaptionFormat
from catalog.captions.parse import reset_format_cache
from catalog.plugins import get_plugin_manager, make_plugin_manager

PLUGIN_DIR = Path(__file__).resolve().parent.parent / "plugins" / "catalog_example_format"
HARBOUR = "HARBOUR PRESS | 05/03/2024 | Lyon, France | A ferry leaves the harbour at dawn. | Photo: Ana Costa"


def load_example_plugin() -> ModuleType:
    """Import the example plugin from its folder, as an installed distribution would expose it."""
    name = "catalog_example_format"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PLUGIN_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def formats_of(pm) -> list:
    return [fmt for group in pm.hook.caption_formats() for fmt in group or ()]


def best_parse(pm, text: str):
    """What the core does: ask every accepting format, keep the most confident answer."""
    answers = [fmt.parse(text) for fmt in formats_of(pm) if fmt.accept(text)]
    answers = [a for a in answers if a is not None]
    return max(answers, key=lambda cap: cap.confidence)


def test_plugin_declares_the_catalog_formats_entry_point() -> None:
    meta = tomllib.loads((PLUGIN_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = meta["project"]["entry-points"]["catalog.formats"]
    assert entry_points == {"harbour_press": "catalog_example_format"}


def test_fresh_manager_does_not_know_harbour_press() -> None:
    pm = make_plugin_manager(load_entry_points=False)
    assert all(fmt.name != "harbour_press" for fmt in formats_of(pm))
    assert best_parse(pm, HARBOUR).agency != "Harbour Press"


def test_registered_plugin_parses_its_captions() -> None:
    module = load_example_plugin()
    pm = make_plugin_manager(load_entry_points=False)
    pm.register(module)
    pm.check_pending()
    assert module.FORMAT in formats_of(pm)
    cap = best_parse(pm, HARBOUR)
    assert cap.format == "harbour_press"
    assert (cap.agency, cap.photographer, cap.city, cap.country_code) == ("Harbour Press", "Ana Costa", "Lyon", "FR")
    assert cap.date == dt.date(2024, 3, 5)
    assert cap.text[slice(*cap.spans["photographer"])] == "Ana Costa"
    assert cap.text[slice(*cap.spans["city"])] == "Lyon"


def test_plugin_says_not_mine_to_other_captions() -> None:
    fmt = load_example_plugin().FORMAT
    assert not fmt.accept("A ferry leaves Lyon, France March 5, 2024. REUTERS/Ana Costa")
    assert fmt.parse("HARBOUR PRESS but not in the house layout") is None


@pytest.fixture
def harbour_on_process_manager():
    """Register the plugin on the process-wide manager for one test, then take it off again."""
    module = load_example_plugin()
    pm = get_plugin_manager()
    if pm.is_registered(module):  # the plugin is pip-installed: its entry point already loaded it
        pytest.skip("catalog-example-format is installed in this environment")
    pm.register(module, name="test-harbour-press")
    reset_format_cache()
    try:
        yield pm
    finally:
        if pm.has_plugin("test-harbour-press"):
            pm.unregister(name="test-harbour-press")
        reset_format_cache()


def test_parse_caption_goes_through_a_registered_plugin(harbour_on_process_manager) -> None:
    cap = parse_caption(HARBOUR)
    assert cap.format == "harbour_press"
    assert cap.photographer == "Ana Costa"


def test_parse_caption_forgets_the_plugin_once_unregistered(harbour_on_process_manager) -> None:
    harbour_on_process_manager.unregister(name="test-harbour-press")
    reset_format_cache()
    assert parse_caption(HARBOUR).format != "harbour_press"


def all_formats() -> list:
    pm = make_plugin_manager(load_entry_points=False)
    pm.register(load_example_plugin())
    return formats_of(pm)


def example_params() -> list:
    params = []
    for fmt in all_formats():
        for i, (text, expected) in enumerate(fmt.examples):
            params.append(pytest.param(fmt, text, expected, id=f"{fmt.name}-{i}"))
    return params


@pytest.mark.parametrize("fmt", all_formats(), ids=lambda f: f.name)
def test_every_format_follows_the_protocol(fmt) -> None:
    assert isinstance(fmt, CaptionFormat)
    assert fmt.name and fmt.examples, "a format ships at least one example"
    assert fmt.accept("") in (True, False)


@pytest.mark.parametrize(("fmt", "text", "expected"), example_params())
def test_every_format_parses_its_examples(fmt, text: str, expected: dict) -> None:
    assert fmt.accept(text)
    cap = fmt.parse(text)
    assert cap is not None
    for field, value in expected.items():
        got = getattr(cap, field)
        if isinstance(got, dt.date):
            got = got.isoformat()
        assert got == value, f"{fmt.name}: {field}"


def test_installed_plugin_joins_through_its_entry_point(tmp_path, monkeypatch) -> None:
    """An installed distribution (a dist-info folder on sys.path) is found by its entry point."""
    meta = tomllib.loads((PLUGIN_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    dist_info = tmp_path / "catalog_example_format-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: catalog-example-format\nVersion: 0.1.0\n", encoding="utf-8")
    lines = [f"{name} = {target}" for name, target in meta["project"]["entry-points"]["catalog.formats"].items()]
    (dist_info / "entry_points.txt").write_text("[catalog.formats]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "catalog_example_format.py").write_text(
        (PLUGIN_DIR / "catalog_example_format.py").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "catalog_example_format", raising=False)
    pm = make_plugin_manager(load_entry_points=True)
    assert pm.has_plugin("harbour_press")
    assert best_parse(pm, HARBOUR).format == "harbour_press"


def test_parse_caption_takes_a_plugin_manager_of_its_own() -> None:
    """A fresh manager with the plugin parses through it; the process-wide one is untouched."""
    pm = make_plugin_manager(load_entry_points=False)
    pm.register(load_example_plugin(), name="harbour_press_test")
    assert parse_caption(HARBOUR, plugin_manager=pm).format == "harbour_press"
    assert parse_caption(HARBOUR).format != "harbour_press"
