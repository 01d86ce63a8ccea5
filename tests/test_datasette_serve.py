"""``catalog serve``: registered through our hook, refuses bad archives, serves over HTTP."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from click.testing import CliRunner
from datasette_catalog.settings import SERVE_SETTINGS
from test_datasette_support import PHOTOS, build_archive

from catalog.cli import cli

LAUNCHER = "import sys\nfrom catalog.cli import cli\nsys.argv=['catalog']+sys.argv[1:]\ncli()"


def test_serve_is_a_catalog_command_with_its_options() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--port", "--host", "127.0.0.1"):
        assert option in result.output


def test_serve_refuses_what_is_not_an_archive(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code != 0 and "Error" in missing.output
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(cli, ["serve", "--db", str(junk)])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_serve_answers_on_localhost_with_our_settings(tmp_path: Path) -> None:
    db = build_archive(tmp_path)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", LAUNCHER, "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/settings.json", timeout=5) as response:
                    settings = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "catalog serve did not answer"
                time.sleep(0.2)
        for name, value in SERVE_SETTINGS.items():
            assert settings[name] == value, name
        with urllib.request.urlopen(f"{base}/archive/photos.json", timeout=10) as response:
            assert json.load(response)["filtered_table_rows_count"] == len(PHOTOS)
        with urllib.request.urlopen(f"{base}/-/thumb/1.jpg", timeout=10) as response:
            assert response.headers["content-type"] == "image/jpeg"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
