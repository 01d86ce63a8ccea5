"""`catalog tui` in a real terminal (tmux), driven as a person would: type, look, open.

Uses the imported sample archive (tests/conftest.py ``sample_db``) and falls back to
this suite's own small archive while the samples or the importer are missing.
Skipped when tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tui_support import build_archive

TMUX = shutil.which("tmux")
_BESIDE_PYTHON = Path(sys.executable).with_name("catalog")
CATALOG = str(_BESIDE_PYTHON) if _BESIDE_PYTHON.exists() else shutil.which("catalog")
pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(CATALOG is None, reason="the catalog command is not installed"),
]


@pytest.fixture
def archive_path(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    try:
        return request.getfixturevalue("sample_db")
    except pytest.skip.Exception:
        return build_archive(tmp_path / "desk.db")


class Terminal:
    """One tmux session on a private server socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=20).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "desk")

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            time.sleep(0.2)
        raise AssertionError(f"never saw {texts!r}; the screen was:\n{shown}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(f"catalog-tui-test-{os.getpid()}")
    yield term
    subprocess.run([TMUX, "-L", term.socket, "kill-server"], capture_output=True, timeout=20)


def test_search_bakhmut_and_open_it_in_tmux(terminal: Terminal, archive_path: Path) -> None:
    # Textual draws on stderr: leave it on the terminal.
    command = f"CATALOG_TUI_IMAGES=halfcell {CATALOG} tui --db {archive_path} --editor tmux"
    terminal.tmux("new-session", "-d", "-s", "desk", "-x", "100", "-y", "32", command)
    terminal.wait_for("photos", "Picture desk")
    terminal.tmux("send-keys", "-t", "desk", "-l", "bakhmut")
    shown = terminal.wait_for("Bakhmut", "1 photo" if "sample" in str(archive_path) else "photos")
    assert "Clodagh Kilcoyne" in shown
    terminal.tmux("send-keys", "-t", "desk", "Enter")  # from the search box to the results
    time.sleep(0.3)
    terminal.tmux("send-keys", "-t", "desk", "Enter")  # open the highlighted photo
    shown = terminal.wait_for("Photo ", "Caption", "Clodagh Kilcoyne", "Bakhmut")
    assert "Reuters" in shown
    terminal.tmux("send-keys", "-t", "desk", "C-q")
