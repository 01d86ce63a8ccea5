"""The batch importer on real files in a real archive: bad inputs, identity, captions."""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from catalog.archive import Archive
from catalog.images.embed import build_exif, build_iptc_segment, build_xmp_packet, make_jpeg
from catalog.importer import import_paths
from catalog.importer.commands import register
from catalog.importer.progress import PlainProgress
from catalog.importer.walk import FileEntry, WalkProblem, walk

CAPTION = ("A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. "
           "REUTERS/Ana Costa")


def picture(seed: int, size: tuple[int, int] = (96, 64)) -> Image.Image:
    """A small picture that looks different for each seed."""
    img = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle([w // 6 + seed % 7, h // 5, w // 2, h - 8], fill=(250, 250, 240))
    draw.ellipse([w // 2, 4, w - 6, h // 2 + seed % 9], fill=(20, 30, 200))
    return img


def write_jpeg(path: Path, seed: int = 1, *, caption: str | None = CAPTION,
               xmp: bool = False) -> Path:
    fields = {"caption": caption, "city": "Lyon", "country": "France"} if caption else None
    data = make_jpeg(
        picture(seed),
        exif=build_exif(make="Canon", model="EOS R5"),
        iptc=build_iptc_segment(fields) if fields and not xmp else None,
        xmp=build_xmp_packet(fields) if fields and xmp else None,
    )
    path.write_bytes(data)
    return path


def accounted(archive: Archive) -> tuple[set[str], set[str]]:
    """(paths in the archive, paths in import_errors as failures)."""
    paths = {r[0] for r in archive.db.execute("SELECT path FROM photo_paths")}
    failed = {r[0] for r in archive.db.execute(
        "SELECT path FROM import_errors WHERE error_type != 'Warning'")}
    return paths, failed


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as a:
        yield a


def _png_bomb(path: Path) -> None:
    """A tiny PNG whose header claims 40,000 x 40,000 pixels."""
    buf = io.BytesIO()
    Image.new("L", (8, 8)).save(buf, "PNG")
    data = bytearray(buf.getvalue())
    ihdr = 8 + 8  # signature, then length + "IHDR"
    data[ihdr:ihdr + 8] = struct.pack(">II", 40_000, 40_000)
    crc = zlib.crc32(bytes(data[12:ihdr + 13]))
    data[ihdr + 13:ihdr + 17] = struct.pack(">I", crc)
    path.write_bytes(bytes(data))


def test_bad_inputs_are_recorded_and_the_run_goes_on(tmp_path, archive):
    src = tmp_path / "in"
    src.mkdir()
    good = [write_jpeg(src / "good.jpg", 1),
            write_jpeg(src / "café ünïcode.jpg", 2),
            write_jpeg(src / "with space.jpg", 3),
            write_jpeg(src / "new\nline.jpg", 4)]
    (src / "empty.jpg").write_bytes(b"")
    whole = write_jpeg(tmp_path / "whole.jpg", 5).read_bytes()
    (src / "truncated.jpg").write_bytes(whole[: len(whole) // 2])
    (src / "text.jpg").write_text("this is not a picture\n" * 20)
    Image.new("RGB", (40, 30), "red").save(src / "png-named.jpg", "PNG")
    _png_bomb(src / "bomb.png")
    garbage_exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08" + b"\xff\xee" * 40
    buf = io.BytesIO()
    picture(6).save(buf, "JPEG", exif=garbage_exif)
    (src / "garbage-exif.jpg").write_bytes(buf.getvalue())
    os.symlink(".", src / "loop")  # points back at the folder itself
    os.symlink("nowhere.jpg", src / "broken-link.jpg")
    os.mkfifo(src / "pipe.jpg")  # reported, never opened (reading it would block the run)
    (src / os.fsdecode(b"latin1-\xe9.jpg")).write_bytes(whole)

    summary = import_paths(archive, [src], workers=1, thumbnails=False)

    paths, failed = accounted(archive)
    for path in good:
        assert str(path) in paths
    reasons = dict(summary.errors)
    assert reasons[str(src / "empty.jpg")] == "empty file (0 bytes)"
    assert "not" in reasons[str(src / "text.jpg")].lower()
    assert "decompression bomb" in reasons[str(src / "bomb.png")]
    assert "loop" in reasons[str(src / "loop")]
    assert reasons[str(src / "broken-link.jpg")] == "broken symlink"
    assert reasons[str(src / "pipe.jpg")] == "not a regular file (a pipe, socket or device)"
    assert reasons[f"{src}/latin1-\\xe9.jpg"] == "file name is not valid UTF-8"
    # readable despite damage: imported, and the damage is listed as a warning
    assert {str(src / "png-named.jpg"), str(src / "garbage-exif.jpg"),
            str(src / "truncated.jpg")} <= paths
    warned = dict(summary.warnings)
    assert "cut off" in warned[str(src / "truncated.jpg")]
    row = archive.db.execute("SELECT format FROM photos p JOIN photo_paths pp "
                             "ON pp.photo_id = p.id WHERE pp.path = ?",
                             [str(src / "png-named.jpg")]).fetchone()
    assert row[0] == "PNG"
    # nothing lost: every entry the walk saw is in the archive or in the error log
    seen = {item.path for item in walk([src])}
    assert seen == paths | failed
    assert not paths & failed
    assert summary.seen == summary.imported + summary.unchanged + summary.failed
    assert summary.failed == len(failed)
    imports = archive.db.execute("SELECT status, failed FROM imports").fetchall()
    assert imports == [("finished", summary.failed)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_is_recorded(tmp_path, archive):
    path = write_jpeg(tmp_path / "locked.jpg")
    path.chmod(0)
    summary = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert "permission" in dict(summary.errors)[str(path)].lower()


def test_walk_reports_unreadable_folder_and_skips_side_files(tmp_path):
    write_jpeg(tmp_path / "a.jpg")
    (tmp_path / "a.txt").write_text("sidecar")
    (tmp_path / "captions.csv").write_text("filename,caption\n")
    (tmp_path / ".hidden.jpg").write_bytes(b"x")
    items = list(walk([tmp_path, tmp_path / "missing"]))
    assert [type(i) for i in items] == [FileEntry, WalkProblem]
    assert items[0].path == str(tmp_path / "a.jpg")
    assert items[1].reason == "No such file or directory"


def test_two_paths_of_one_file_are_one_record(tmp_path, archive):
    (tmp_path / "a").mkdir()
    a = write_jpeg(tmp_path / "a" / "one.jpg")
    b = tmp_path / "b.jpg"
    b.write_bytes(a.read_bytes())
    summary = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert summary.imported == 2 and summary.linked_paths == 1
    assert archive.db["photos"].count == 1
    photo = archive.get(archive.photo_id_for_hash(archive.db.execute(
        "SELECT content_hash FROM photos").fetchone()[0]))
    assert sorted(photo["paths"] if isinstance(photo["paths"][0], str)
                  else [p["path"] for p in photo["paths"]]) == sorted([str(a), str(b)])
    # a later copy in a later run joins the same record
    c = tmp_path / "c.jpg"
    c.write_bytes(a.read_bytes())
    again = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert (again.imported, again.unchanged) == (1, 2)
    assert archive.db["photos"].count == 1 and archive.db["photo_paths"].count == 3


def test_unchanged_files_are_skipped_without_reading_them(tmp_path, archive):
    paths = [write_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(3)]
    first = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert first.imported == 3
    shas = dict(archive.db.execute("SELECT path, content_hash FROM photos").fetchall())
    # Same size and mtime, different bytes: only a run that reads the file could notice.
    st = paths[0].stat()
    paths[0].write_bytes(b"\0" * st.st_size)
    os.utime(paths[0], ns=(st.st_atime_ns, st.st_mtime_ns))
    second = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert (second.imported, second.unchanged, second.failed) == (0, 3, 0)
    assert dict(archive.db.execute("SELECT path, content_hash FROM photos").fetchall()) == shas
    # a changed mtime is a change: the file is read again (and now fails: it is zeros)
    os.utime(paths[0], ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    third = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert (third.unchanged, third.failed) == (2, 1)


def test_captions_from_file_sidecars_and_manifest(tmp_path, archive):
    write_jpeg(tmp_path / "iptc.jpg", 1)
    write_jpeg(tmp_path / "xmp.jpg", 2, xmp=True)
    write_jpeg(tmp_path / "side.jpg", 3, caption=None)
    (tmp_path / "side.txt").write_text("Voters wait in Springfield, Ill., Tuesday, Sept. 3, "
                                       "2024. (AP Photo/Sam Reyes)\n")
    write_jpeg(tmp_path / "sidexmp.jpg", 4, caption=None)
    (tmp_path / "sidexmp.xmp").write_bytes(build_xmp_packet({"caption": "From an XMP sidecar"}))
    write_jpeg(tmp_path / "listed.jpg", 5, caption=None)
    write_jpeg(tmp_path / "bare.jpg", 6, caption=None)
    (tmp_path / "captions.csv").write_text('filename,caption\nlisted.jpg,"From the manifest"\n'
                                           'iptc.jpg,"ignored: the file has its own"\n')
    summary = import_paths(archive, [tmp_path], workers=1, thumbnails=False,
                           manifest=tmp_path / "captions.csv")
    assert summary.failed == 0
    rows = {Path(p).name: (src, cap) for p, src, cap in archive.db.execute(
        "SELECT path, caption_source, caption FROM photos")}
    assert rows["iptc.jpg"] == ("iptc", CAPTION)
    assert rows["xmp.jpg"] == ("xmp", CAPTION)
    assert rows["side.jpg"][0] == "sidecar" and rows["side.jpg"][1].startswith("Voters wait")
    assert rows["sidexmp.jpg"] == ("sidecar_xmp", "From an XMP sidecar")
    assert rows["listed.jpg"] == ("manifest", "From the manifest")
    assert rows["bare.jpg"] == (None, None)


def test_corrections_survive_reimport(tmp_path, archive):
    path = write_jpeg(tmp_path / "a.jpg")
    import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    photo_id = archive.db.execute("SELECT id FROM photos").fetchone()[0]
    archive.correct(photo_id, "city", "Villeurbanne", editor="desk")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touched
    (tmp_path / "copy.jpg").write_bytes(path.read_bytes())
    summary = import_paths(archive, [tmp_path], workers=1, thumbnails=False)
    assert summary.imported == 2 and archive.db["photos"].count == 1
    assert archive.get(photo_id)["city"] == "Villeurbanne"
    assert [c["value"] for c in archive.history(photo_id)] == ["Villeurbanne"]


def test_cli_import_json_and_errors(tmp_path):
    @click.group()
    def cli():
        """Test group."""

    register(cli)
    (tmp_path / "in").mkdir()
    write_jpeg(tmp_path / "in" / "a.jpg")
    (tmp_path / "in" / "bad.jpg").write_text("nope")
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(tmp_path / "in"), "--db", db, "--json",
                                 "--no-thumbnails", "--workers", "1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["imported"], summary["failed"]) == (1, 1)
    assert summary["errors"][0]["path"].endswith("bad.jpg")
    text = runner.invoke(cli, ["import", str(tmp_path / "in"), "--db", db, "--workers", "1"])
    assert "0 imported, 1 unchanged, 1 failed" in text.stdout
    assert "bad.jpg" in text.stdout
    errors = json.loads(runner.invoke(cli, ["errors", "--db", db, "--json"]).stdout)
    assert [row["path"] for row in errors] == [str(tmp_path / "in" / "bad.jpg")]
    every = json.loads(runner.invoke(cli, ["errors", "--db", db, "--json", "--all"]).stdout)
    assert [row["import_id"] for row in every] == [2, 1]  # met by both runs, newest first
    (tmp_path / "corrupt.db").write_text("not sqlite " * 100)
    broken = runner.invoke(cli, ["errors", "--db", str(tmp_path / "corrupt.db")])
    assert broken.exit_code == 1 and "Traceback" not in broken.output


def test_resent_picture_is_linked_by_perceptual_hash(tmp_path, archive):
    original = picture(7, (480, 320))
    (tmp_path / "2019").mkdir()
    (tmp_path / "2024").mkdir()
    (tmp_path / "2019" / "orig.jpg").write_bytes(make_jpeg(original, quality=92))
    # re-sent five years later: re-cropped a little, scaled down, re-compressed
    w, h = original.size
    resent = original.crop((8, 6, w - 8, h - 6)).resize((360, 240))
    (tmp_path / "2024" / "file-photo.jpg").write_bytes(make_jpeg(resent, quality=60))
    unrelated = Image.radial_gradient("L").resize((480, 320)).convert("RGB")
    (tmp_path / "2024" / "other.jpg").write_bytes(make_jpeg(unrelated))
    summary = import_paths(archive, [tmp_path], workers=1)
    assert summary.thumbnails_made == 3 and not summary.thumbnail_errors
    ids = {Path(p).name: i for i, p in archive.db.execute("SELECT id, path FROM photos")}
    linked = [row["id"] for row in archive.other_uses(ids["orig.jpg"])]
    assert linked == [ids["file-photo.jpg"]]
    assert archive.db["thumbnails"].count == 3
    assert archive.thumbnail(ids["orig.jpg"]).startswith(b"\xff\xd8")
    # a later run finds nothing more to do
    again = import_paths(archive, [tmp_path], workers=1)
    assert (again.unchanged, again.thumbnails_made) == (3, 0)


def test_progress_on_a_terminal_and_off_it(tmp_path, archive):
    from rich.console import Console

    from catalog.importer.progress import RichProgress, progress_for

    for i in range(3):
        write_jpeg(tmp_path / f"p{i}.jpg", i)
    screen = io.StringIO()
    bar = RichProgress(Console(file=screen, force_terminal=True, width=120))
    summary = import_paths(archive, [tmp_path], workers=1, progress=bar)
    assert summary.imported == 3 and summary.thumbnails_made == 3
    shown = screen.getvalue()
    assert "metadata" in shown and "thumbnails" in shown
    assert "3/3" in shown and "files/s" in shown
    assert isinstance(progress_for(io.StringIO()), PlainProgress)
    quiet = io.StringIO()
    import_paths(archive, [tmp_path], workers=1, progress=PlainProgress(quiet, every_s=0))
    assert quiet.getvalue() == ""  # nothing to do: no phase announced


def test_named_files_and_thumbnails_of_this_run_only(tmp_path, archive):
    old = write_jpeg(tmp_path / "old.jpg", 1)
    import_paths(archive, [old], workers=1, thumbnails=False)
    new = write_jpeg(tmp_path / "new.jpg", 2)
    summary = import_paths(archive, [new, old], workers=1, only_new_thumbnails=True)
    assert (summary.imported, summary.unchanged, summary.thumbnails_made) == (1, 1, 1)
    assert [path for _, path in archive.photos_without_thumbnail()] == [str(old)]
    # without the restriction, a run finishes what earlier runs left undone
    assert import_paths(archive, [old], workers=1).thumbnails_made == 1


def test_cli_refuses_a_bad_manifest_before_touching_the_archive(tmp_path):
    @click.group()
    def cli():
        """Test group."""

    register(cli)
    write_jpeg(tmp_path / "a.jpg")
    (tmp_path / "bad.csv").write_text("name,text\na.jpg,hello\n")
    db = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "a.jpg"), "--db", str(db),
                                      "--manifest", str(tmp_path / "bad.csv")])
    assert result.exit_code == 1
    assert "unusable manifest" in result.output and "filename,caption" in result.output
    assert not db.exists()


def test_overlapping_paths_are_walked_once(tmp_path):
    (tmp_path / "sub").mkdir()
    write_jpeg(tmp_path / "a.jpg", 1)
    write_jpeg(tmp_path / "sub" / "b.jpg", 2)
    os.symlink(tmp_path / "sub", tmp_path / "alias")  # a second name for a folder
    items = list(walk([tmp_path / "sub", tmp_path, tmp_path / "a.jpg", tmp_path / "sub"]))
    files = sorted(i.path for i in items if isinstance(i, FileEntry))
    assert files == [str(tmp_path / "a.jpg"), str(tmp_path / "sub" / "b.jpg")]
    problems = [i for i in items if isinstance(i, WalkProblem)]
    assert [p.path for p in problems] == [str(tmp_path / "alias")]


def test_damaged_copies_never_stop_the_run(tmp_path, archive):
    """Deterministic damage to a real wire-style JPEG: flipped header bytes, cuts, junk."""
    import random

    rng = random.Random(1234)
    good = write_jpeg(tmp_path / "source.jpg", 11).read_bytes()
    src = tmp_path / "damaged"
    src.mkdir()
    for i in range(40):
        data = bytearray(good)
        kind = i % 4
        if kind == 0:    # bytes flipped where the metadata segments are
            for _ in range(rng.randrange(1, 12)):
                data[rng.randrange(2, min(len(data), 2000))] = rng.randrange(256)
        elif kind == 1:  # cut anywhere
            data = data[: rng.randrange(1, len(data))]
        elif kind == 2:  # junk spliced into the segment chain
            at = rng.randrange(2, 600)
            data[at:at] = rng.randbytes(rng.randrange(1, 400))
        else:            # a segment length made huge
            at = data.find(b"\xff\xed")
            data[at + 2:at + 4] = b"\xff\xff"
        (src / f"d{i:02}.jpg").write_bytes(bytes(data))
    summary = import_paths(archive, [src], workers=1)
    paths, failed = accounted(archive)
    assert len(paths | failed) == 40 and not paths & failed
    assert summary.imported + summary.failed == 40
    assert all(reason for _, reason in summary.errors)


def test_human_summary_lists_failures_up_to_a_cap():
    from catalog.importer import ImportSummary
    from catalog.importer.commands import SHOWN, format_summary

    summary = ImportSummary(imported=3, failed=SHOWN + 10, duration=2.0, files_per_s=10,
                            errors=[(f"/in/bad{i}.jpg", "not an image") for i in range(SHOWN + 10)])
    text = format_summary(summary)
    assert text.splitlines()[0] == (
        f"Done in 2.0 s (10 files/s): 3 imported, 0 unchanged, {SHOWN + 10} failed")
    assert "'/in/bad0.jpg': not an image" in text
    assert f"bad{SHOWN}.jpg" not in text
    assert "... and 10 more (see `catalog errors`)" in text
