"""No request path reaches the file system; bad ids, bad SQL and writes are refused cleanly.

Traversal attempts go through the real ASGI app with their raw, un-normalised path
(an HTTP client would collapse ``..`` before sending), exactly as a server passes it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette_catalog.commands import make_datasette
from test_datasette_support import PHOTOS, build_archive

SENTINEL = "TOP-SECRET-SENTINEL-7731"


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sec")
    (folder / "secret.txt").write_text(SENTINEL)
    return build_archive(folder / "served")


@pytest.fixture
async def ds(archive_path: Path) -> Datasette:
    datasette = make_datasette(archive_path)
    await datasette.invoke_startup()
    return datasette


async def raw_request(ds: Datasette, raw_path: str, method: str = "GET") -> tuple[int, bytes]:
    """Send ``raw_path`` to the ASGI app as a server would, without any normalisation."""
    path, _, query = raw_path.partition("?")
    scope = {
        "type": "http", "http_version": "1.1", "method": method, "scheme": "http",
        "path": path, "raw_path": path.encode("latin-1"), "query_string": query.encode(),
        "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80), "root_path": "",
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await ds.app()(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


def attacks(archive_path: Path) -> list[str]:
    secret = archive_path.parent.parent / "secret.txt"
    relative = "../" * 12 + str(secret).lstrip("/")
    encoded = relative.replace("../", "%2e%2e%2f").replace("/", "%2f")
    return [
        "../../etc/passwd", relative, encoded, str(secret), "/" + str(secret).lstrip("/"),
        "%2f" + str(secret).lstrip("/").replace("/", "%2f"), "1/../../etc/passwd",
        "..%5c..%5cetc%5cpasswd", "-1", "abc", "1.5", "0x1", "1%00", "1e3", " 1",
        "99999999999999999999", "", "1/", "1;", "%31",
    ]


@pytest.mark.parametrize("route", ["/-/photo/{}", "/-/photo/{}.json", "/-/thumb/{}.jpg",
                                   "/-/image/{}", "/-/preview/{}.jpg"])
async def test_no_request_path_reaches_the_file_system(ds: Datasette, archive_path: Path,
                                                       route: str) -> None:
    for attack in attacks(archive_path):
        status, body = await raw_request(ds, route.format(attack))
        assert status in {301, 302, 400, 404}, (route, attack, status)
        assert SENTINEL.encode() not in body and b"root:" not in body, (route, attack)


@pytest.mark.parametrize("url", ["/-/photo/999", "/-/photo/999.json", "/-/thumb/999.jpg",
                                 "/-/image/999", "/-/preview/999.jpg", "/-/photo/0"])
async def test_unknown_ids_are_404_pages(ds: Datasette, url: str) -> None:
    status, body = await raw_request(ds, url)
    assert status == 404
    assert b"Traceback" not in body
    if url.endswith(".json"):
        assert b'"ok": false' in body
    else:
        assert b"<title>Error 404</title>" in body


async def test_unmatched_urls_give_a_clean_404_not_a_500(ds: Datasette) -> None:
    status, body = await raw_request(ds, "/-/no-such-page/at/all")
    assert status == 404 and b"Error 404" in body


async def test_sql_errors_are_clean_pages(ds: Datasette) -> None:
    page = await ds.client.get("/archive", params={"sql": "select nosuch from photos"})
    assert page.status_code == 400
    assert "no such column: nosuch" in page.text and "Traceback" not in page.text
    data = (await ds.client.get("/archive.json", params={"sql": "select from"})).json()
    assert data["ok"] is False and "syntax error" in data["error"]


@pytest.mark.parametrize("sql", [
    "delete from photos", "update photos set city = 'x'", "drop table photos",
    "insert into corrections (photo_id, field, value) values (1, 'city', 'x')",
    "attach database '/tmp/evil.db' as evil", "pragma writable_schema = 1",
    "select 1; delete from photos",
])
async def test_writing_sql_is_refused(ds: Datasette, sql: str) -> None:
    response = await ds.client.get("/archive.json", params={"sql": sql})
    assert response.status_code == 400
    assert response.json()["ok"] is False
    count = (await ds.client.get("/archive/photos.json")).json()["filtered_table_rows_count"]
    assert count == len(PHOTOS)


@pytest.mark.parametrize("path", [
    "/archive/photos/-/insert", "/archive/photos/-/upsert", "/archive/-/create",
    "/archive/photos/1/-/update", "/archive/photos/1/-/delete", "/archive/photos/-/drop",
    "/archive/file_photos_resent", "/-/photo/1", "/-/image/1", "/-/preview/1.jpg",
])
async def test_no_write_endpoint(ds: Datasette, path: str) -> None:
    response = await ds.client.post(path, json={"row": {"city": "x"}})
    assert response.status_code == 405, (path, response.status_code)
    row = (await ds.client.get("/archive/photos/1.json?_shape=objects")).json()["rows"][0]
    assert row["city"] == "Lyon"


async def test_read_connections_are_read_only(ds: Datasette) -> None:
    db = ds.get_database("archive")
    assert db.is_mutable  # new imports show on reload ...

    def try_write(conn):
        return conn.execute("pragma query_only").fetchone(), conn

    _, conn = await db.execute_fn(try_write)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("delete from photos")  # ... yet the connection is mode=ro
