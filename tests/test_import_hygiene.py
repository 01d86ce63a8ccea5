"""The core imports no UI: textual and datasette stay out of sys.modules; parsing loads no
database layer (sqlite-utils waits for the first Archive)."""

from __future__ import annotations

import json
import subprocess
import sys

UI_MODULES = ("textual", "datasette")


def loaded_ui_modules(code: str, watched: tuple[str, ...] = UI_MODULES) -> list[str]:
    """Run ``code`` in a fresh interpreter; the ``watched`` modules it left in sys.modules."""
    probe = code + f"\nimport json, sys\nprint(json.dumps(sorted(m for m in {watched!r} if m in sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_core_and_cli_import_no_ui() -> None:
    assert loaded_ui_modules("import catalog, catalog.cli, catalog.archive, catalog.reparse") == []


def test_core_commands_run_without_loading_plugins() -> None:
    code = ("import click.testing, catalog.cli\n"
            "r = click.testing.CliRunner().invoke(catalog.cli.cli, ['parse', 'x', '--json'])\n"
            "assert r.exit_code == 0, r.output")
    assert loaded_ui_modules(code) == []


def test_listing_plugin_commands_imports_no_ui() -> None:
    """Plugins add `tui`/`serve` by the hook but import their UI inside the command."""
    code = ("import click, catalog.cli\n"
            "names = catalog.cli.cli.list_commands(click.Context(catalog.cli.cli))\n"
            "assert 'search' in names")
    assert loaded_ui_modules(code) == []


def test_parsing_and_the_cli_load_no_database_layer_until_an_archive_opens() -> None:
    parse = ("import catalog, catalog.cli, catalog.importer\n"
             "assert catalog.parse_caption('Rain in Lyon, France, May 3, 2024. REUTERS/Ana Costa').city")
    assert loaded_ui_modules(parse, ("sqlite_utils",)) == []
    opened = ("import tempfile, catalog\n"
              "with catalog.Archive(tempfile.mkdtemp() + '/a.db') as archive:\n"
              "    assert archive.stats()['photos'] == 0")
    assert loaded_ui_modules(opened, ("sqlite_utils",)) == ["sqlite_utils"]
