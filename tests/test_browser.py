"""A real browser: headless Chromium loads the table and a photo page from ``catalog serve``.

Checks that every thumbnail and the preview actually decoded (``naturalWidth > 0``).
The pages of the imported sample archive are saved as screenshots: into a temporary
folder by default, into ``$CATALOG_SCREENSHOTS`` when set (``make screenshots``
writes the README's, docs/screenshots/, that way). Chromium is driven
through its DevTools protocol with the small WebSocket client below (no extra
dependency). Skipped, with the reason, where Debian's chromium is not installed.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from test_datasette_support import PHOTOS, build_archive

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,1100", "--remote-debugging-port=0"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="Debian's chromium is not installed (apt-get install chromium)")


class DevTools:
    """Just enough of a WebSocket client to send DevTools commands and read replies."""

    def __init__(self, ws_url: str) -> None:
        url = urlparse(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        reply = b""
        while b"\r\n\r\n" not in reply:
            reply += self.sock.recv(1)
        assert reply.startswith(b"HTTP/1.1 101"), reply
        self.next_id = 0

    def _read(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return data

    def _send_text(self, text: str) -> None:
        payload = text.encode()
        header = bytes([0x81])
        if len(payload) < 126:
            header += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _receive(self) -> dict:
        message = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            message += self._read(length)
            if first & 0x80:  # FIN: the message is complete
                return json.loads(message)

    def call(self, method: str, **params: object) -> dict:
        self.next_id += 1
        self._send_text(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = self._receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression: str) -> object:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        return result["result"].get("value")

    def open(self, url: str, timeout: float = 30) -> None:
        """Navigate and wait until the document and all its images are done (lazy images
        below the fold are loaded first, as a reader scrolling down would)."""
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && location.href === "
                      + json.dumps(url), url, timeout)
        self.evaluate("document.querySelectorAll('img[loading=lazy]')"
                      ".forEach(i => { i.loading = 'eager'; })")
        self.wait_for("[...document.images].every(i => i.complete)", url, timeout)

    def wait_for(self, expression: str, what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} did not finish loading")
            time.sleep(0.1)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")  # the 1280x1000 viewport
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: ``$CATALOG_SCREENSHOTS``, else a temporary folder."""
    chosen = os.environ.get("CATALOG_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")


def serve(db: Path) -> Iterator[str]:
    """``catalog serve`` over ``db`` on a free port of 127.0.0.1; yields its base URL."""
    port = free_port()
    launcher = "import sys\nfrom catalog.cli import cli\nsys.argv=['catalog']+sys.argv[1:]\ncli()"
    proc = subprocess.Popen([sys.executable, "-c", launcher, "serve", "--db", str(db),
                             "--port", str(port)], stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/-/versions.json")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``catalog serve`` over a small real archive."""
    yield from serve(build_archive(tmp_path_factory.mktemp("browser")))


@pytest.fixture(scope="module")
def sample_server(sample_db: Path) -> Iterator[str]:
    """``catalog serve`` over the imported sample archive (what ``make demo`` builds)."""
    yield from serve(sample_db)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen([str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not active.exists() or len(active.read_text().splitlines()) < 2:
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = active.read_text().splitlines()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            pages = [t for t in json.load(resp) if t["type"] == "page"]
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        tools.call("Emulation.setDeviceMetricsOverride", width=1280, height=1000,
                   deviceScaleFactor=1, mobile=False)
        yield tools
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_table_page_thumbnails_load_in_a_real_browser(server: str, browser: DevTools) -> None:
    browser.open(f"{server}/archive/photos")
    thumbs = browser.evaluate(
        "[...document.querySelectorAll('td.col-content_hash img')].map(i => [i.src, i.naturalWidth])")
    assert len(thumbs) == len(PHOTOS)
    assert all(width > 0 for _, width in thumbs), thumbs
    assert browser.evaluate("document.querySelector('.facet-info, .facet-results') !== null")


def test_photo_page_preview_and_highlights_in_a_real_browser(server: str,
                                                             browser: DevTools) -> None:
    browser.open(f"{server}/-/photo/1")
    assert browser.evaluate("document.querySelector('.catalog-preview img').naturalWidth") == 320  # the preview route
    marks = browser.evaluate("[...document.querySelectorAll('mark.hl')].map(m => m.dataset.field)")
    assert {"city", "photographer"} <= set(marks)
    uses = browser.evaluate(
        "[...document.querySelectorAll('.catalog-uses img')].map(i => i.naturalWidth)")
    assert uses and all(width > 0 for width in uses)


def test_sample_archive_pages_load_and_are_saved(sample_server: str, sample_db: Path,
                                                 browser: DevTools, screenshots: Path) -> None:
    import sqlite3

    with sqlite3.connect(sample_db) as conn:
        photos, = conn.execute("SELECT count(*) FROM photos").fetchone()
        bakhmut, = conn.execute("SELECT id FROM photos WHERE city = 'Bakhmut'").fetchone()
    browser.open(f"{sample_server}/{sample_db.stem}/photos")
    widths = browser.evaluate(
        "[...document.querySelectorAll('td.col-content_hash img')].map(i => i.naturalWidth)")
    assert len(widths) == min(photos, 50) and all(w > 0 for w in widths), widths
    browser.screenshot(screenshots / "datasette-table.png")
    browser.open(f"{sample_server}/-/photo/{bakhmut}")
    assert browser.evaluate("document.querySelector('.catalog-preview img').naturalWidth") > 0
    marks = browser.evaluate("[...document.querySelectorAll('mark.hl')].map(m => m.textContent)")
    assert "Bakhmut" in marks and "Clodagh Kilcoyne" in marks, marks
    browser.screenshot(screenshots / "datasette-photo.png")
    assert (screenshots / "datasette-photo.png").stat().st_size > 10_000
