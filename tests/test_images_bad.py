"""read_image on bad input: each refusal has a plain reason, and nothing but ImageReadError escapes."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from catalog.images import ImageReadError, read_image
from catalog.images.embed import build_exif, build_iptc_segment, build_xmp_packet, make_jpeg
from catalog.images.reader import LARGE_PNG_CHUNK
from catalog.images.thumbs import dhash, make_thumbnail

NOISY = Image.effect_noise((64, 48), 50).convert("RGB")
GOOD_JPEG = make_jpeg(
    NOISY,
    exif=build_exif(make="Canon", model="EOS", gps=(-10.5, -20.25), exposure_time=(1, 60)),
    iptc=build_iptc_segment({"caption": "A caption. REUTERS/Ana Costa", "keywords": ["a"]}),
    xmp=build_xmp_packet({"caption": "A caption. REUTERS/Ana Costa"}),
    thumbnail=True,
)


def refusal(path: Path) -> str:
    with pytest.raises(ImageReadError) as caught:
        read_image(path)
    assert caught.value.path == str(path)
    return caught.value.reason


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    assert refusal(path) == "empty file (0 bytes)"


def test_text_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("This is not a picture, it is a caption someone saved by mistake.\n")
    assert refusal(path) == "not an image: looks like text"


def test_text_headed_image_formats_are_read_not_called_text(tmp_path: Path) -> None:
    plain_ppm = tmp_path / "plain.ppm"
    plain_ppm.write_bytes(b"P3\n# a comment\n3 2\n255\n" + b"255 0 0 " * 6 + b"\n")
    xbm = tmp_path / "mask.xbm"
    Image.new("1", (16, 8)).save(xbm)
    for path, kind, size in ((plain_ppm, "PPM", (3, 2)), (xbm, "XBM", (16, 8))):
        info = read_image(path)
        assert (info.format, (info.width, info.height)) == (kind, size)
    broken = tmp_path / "broken.eps"
    broken.write_text("%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: (atend)\n%%EndComments\n")
    assert refusal(broken).startswith("damaged image in a text format (")


def test_truncated_header(tmp_path: Path) -> None:
    path = tmp_path / "cut.jpg"
    path.write_bytes(GOOD_JPEG[:300])
    assert "truncated JPEG" in refusal(path)


def test_jpeg_start_marker_then_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.jpg"
    path.write_bytes(b"\xff\xd8" + bytes(range(7, 250)) * 8)
    assert refusal(path) == "damaged JPEG file: no segment marker at byte 2, before the picture's size"


def _app1(payload: bytes) -> bytes:
    return b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload


def test_jpeg_of_metadata_only_says_it_holds_no_picture(tmp_path: Path) -> None:
    """libexif's test files: SOI, an EXIF segment, EOI, and no frame at all."""
    path = tmp_path / "exif_only.jpg"
    path.write_bytes(b"\xff\xd8" + _app1(b"Exif\x00\x00II*\x00" + bytes(40)) + b"\xff\xd8\xff\xd9")
    assert refusal(path).startswith("JPEG file with metadata but no picture")


def test_jpeg_cut_inside_a_header_segment_says_where(tmp_path: Path) -> None:
    path = tmp_path / "cut_in_app1.jpg"
    path.write_bytes((b"\xff\xd8" + _app1(b"Exif\x00\x00" + bytes(500)))[:200])
    assert refusal(path).startswith("truncated JPEG file: it ends inside a header segment at byte 200, "
                                    "before the picture's size")


def test_jpeg_with_scan_but_no_frame_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "no_frame.jpg"
    path.write_bytes(b"\xff\xd8" + _app1(b"Exif\x00\x00" + bytes(20)) + b"\xff\xda\x00\x08" + bytes(64))
    assert refusal(path).startswith("damaged JPEG file: its image data starts with no frame header")


def test_unknown_binary_format(tmp_path: Path) -> None:
    path = tmp_path / "blob.jpg"
    path.write_bytes(bytes(range(256)) * 4)
    assert refusal(path).startswith("unknown format (first bytes 00 01 02")


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.jpg") == "file not found"


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "album.jpg"
    folder.mkdir()
    assert refusal(folder) == "is a folder, not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.jpg"
    path.write_bytes(GOOD_JPEG)
    path.chmod(0)
    assert refusal(path) == "permission denied"


def test_permission_denied_for_another_user(tmp_path: Path) -> None:
    """Run as root, the refusal is checked in a real forked child that becomes user nobody."""
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to another user")
    path = tmp_path / "locked.jpg"
    path.write_bytes(GOOD_JPEG)
    path.chmod(0o600)
    tmp_path.chmod(0o755)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the child: drop to nobody, read, report the reason, exit at once
        os.close(reader)
        reason = "no error"
        try:
            os.setgid(65534)
            os.setuid(65534)
            read_image(path)
        except ImageReadError as error:
            reason = error.reason
        finally:
            os.write(writer, reason.encode())
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        reported = pipe.read()
    os.waitpid(child, 0)
    assert reported == "permission denied"


def _png_claiming(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose IHDR claims ``width`` x ``height`` pixels."""
    png = io.BytesIO()
    Image.new("L", (8, 8)).save(png, "PNG")
    data = bytearray(png.getvalue())
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(("width", "height"), [
    (100_000, 100_000),  # past twice the limit: Pillow's DecompressionBombError
    (20_000, 20_000),    # 400 MP, between the 268 MP limit and twice it: its warning
])
def test_decompression_bomb_dimensions(tmp_path: Path, width: int, height: int) -> None:
    """A PNG header claiming enormous dimensions is refused before any pixel is read."""
    path = _png_claiming(tmp_path / "huge.png", width, height)
    assert "decompression bomb" in refusal(path)


def test_camera_sized_pictures_past_pillows_limit_are_read(tmp_path: Path) -> None:
    """200 MP phone pictures (16320x12240) and 102 MP medium format ones are past Pillow's
    89 MP bomb guard; their headers are read, and only a whole-picture decode is refused."""
    limit_before = Image.MAX_IMAGE_PIXELS
    for width, height in ((16320, 12240), (11648, 8736)):
        path = _png_claiming(tmp_path / f"{width}.png", width, height)
        info = read_image(path)
        assert (info.format, info.width, info.height) == ("PNG", width, height)
        for decode in (make_thumbnail, dhash):
            with pytest.raises(ImageReadError) as caught:
                decode(path)
            assert "too large to decode for a thumbnail" in caught.value.reason
    assert limit_before == Image.MAX_IMAGE_PIXELS  # the raised limit is not left behind


def test_formats_cameras_do_not_write_keep_pillows_limit(tmp_path: Path) -> None:
    """A BMP header claiming 16320x12240 is refused as before: only camera formats get room."""
    bmp = io.BytesIO()
    Image.new("L", (8, 8)).save(bmp, "BMP")
    data = bytearray(bmp.getvalue())
    data[18:26] = struct.pack("<ii", 16320, 12240)
    path = tmp_path / "huge.bmp"
    path.write_bytes(bytes(data))
    assert "decompression bomb" in refusal(path)


def test_garbage_exif_offsets_cost_only_the_exif(tmp_path: Path) -> None:
    exif = bytearray(build_exif(make="Canon", model="EOS R5", iso=100))
    exif[10:14] = struct.pack("<I", 0x7FFFFFF0)  # IFD0 offset far past the end
    data = make_jpeg(NOISY, exif=bytes(exif), iptc=build_iptc_segment({"caption": "kept"}))
    path = tmp_path / "badexif.jpg"
    path.write_bytes(data)
    info = read_image(path)
    assert info.caption == "kept"
    assert (info.width, info.height) == (64, 48)
    assert info.make == ""


def test_iptc_resource_with_impossible_lengths(tmp_path: Path) -> None:
    payload = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\xff\xff\xff\xff\x1c\x02\x78\xff\xff\x00"
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    path = tmp_path / "badiptc.jpg"
    path.write_bytes(make_jpeg(NOISY, iptc=segment))
    info = read_image(path)
    assert info.iptc == {}
    assert info.format == "JPEG"


def _check_only_image_read_error(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    try:
        info = read_image(path)
    except ImageReadError as error:
        assert error.reason
    else:
        assert info.path == str(path)
        assert all(isinstance(warning, str) for warning in info.warnings)


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


SIGNATURES = [b"", b"\xff\xd8\xff\xe1", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*",
              b"RIFF\x00\x00\x00\x00WEBP", b"\x00\x00\x00\x18ftypheic",
              b"\x00\x00\x00\x18ftypcrx ", b"FUJIFILMCCD-RAW ", b"II+\x00\x08\x00\x00\x00",
              b"IIU\x00", b"IIRO", b"8BPS\x00\x01"]
SUFFIXES = [".jpg", ".png", ".tif", ".heic", ".nef", ".dng", ".raf", ".cr3", ".webp", ".txt",
            ".pef", ".rw2", ".cr2", ".psd"]


@SETTINGS
@given(start=st.sampled_from(SIGNATURES), data=st.binary(max_size=2048),
       suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_raise_only_image_read_error(
    tmp_path: Path, start: bytes, data: bytes, suffix: str
) -> None:
    """Random bytes, some behind a real format's signature, under any image file name."""
    _check_only_image_read_error(tmp_path / f"random{suffix}", start + data)


@SETTINGS
@given(
    cut=st.integers(min_value=0, max_value=len(GOOD_JPEG)),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(GOOD_JPEG) - 1),
                  st.integers(min_value=0, max_value=255)),
        max_size=12,
    ),
)
def test_mutated_jpegs_raise_only_image_read_error(tmp_path: Path, cut: int, flips) -> None:
    data = bytearray(GOOD_JPEG)
    for position, value in flips:
        data[position] = value
    _check_only_image_read_error(tmp_path / "mutated.jpg", bytes(data[: max(cut, 1)]))


def _png_with_comment(tmp_path: Path, size: int, xmp: bytes = b"") -> Path:
    chunks = PngImagePlugin.PngInfo()
    chunks.add_text("Comment", "a" * size, zip=True)
    if xmp:
        chunks.add_itxt("XML:com.adobe.xmp", xmp.decode())
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20)).save(buffer, "PNG", pnginfo=chunks)
    path = tmp_path / "bigtext.png"
    path.write_bytes(buffer.getvalue())
    return path


def test_valid_png_with_a_chunk_over_pillows_limit_is_read_in_full(tmp_path: Path) -> None:
    xmp = build_xmp_packet({"caption": "Read past the big chunk"})
    info = read_image(_png_with_comment(tmp_path, PngImagePlugin.MAX_TEXT_CHUNK + 10, xmp))
    assert (info.format, info.width, info.height) == ("PNG", 30, 20)
    assert info.caption == "Read past the big chunk"
    assert any("over Pillow's 1 MB limit" in warning for warning in info.warnings)


def test_png_chunk_past_the_large_limit_gives_the_header_alone(tmp_path: Path) -> None:
    info = read_image(_png_with_comment(tmp_path, LARGE_PNG_CHUNK + 10))
    assert (info.format, info.width, info.height) == ("PNG", 30, 20)
    assert any("metadata not read" in warning for warning in info.warnings)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=1, max_value=len(GOOD_JPEG)),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(GOOD_JPEG) - 1),
                  st.integers(min_value=0, max_value=255)),
        max_size=12,
    ),
)
def test_thumbnails_and_hashes_of_mutated_jpegs_raise_only_image_read_error(
    tmp_path: Path, cut: int, flips
) -> None:
    data = bytearray(GOOD_JPEG)
    for position, value in flips:
        data[position] = value
    path = tmp_path / "mutated.jpg"
    path.write_bytes(bytes(data[:cut]))
    for make in (make_thumbnail, dhash):
        try:
            make(path)
        except ImageReadError as error:
            assert error.reason


def test_symlink_loop_and_fifo(tmp_path: Path) -> None:
    loop = tmp_path / "loop.jpg"
    loop.symlink_to(tmp_path / "loop.jpg")
    assert refusal(loop).startswith("cannot read the file: Too many levels of symbolic links")
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    assert refusal(fifo) == "not a regular file (a pipe, socket or device)"  # never opened


def test_command_line_prints_json_lines_and_fails_on_a_refusal(tmp_path: Path) -> None:
    good = tmp_path / "good.jpg"
    good.write_bytes(GOOD_JPEG)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "catalog.images", str(good), str(empty)],
                          capture_output=True, text=True, timeout=60, check=False)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert (rows[0]["make"], rows[0]["caption_source"]) == ("Canon", "xmp")
    assert rows[1] == {"path": str(empty), "error": "empty file (0 bytes)"}


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_metadata_is_read_without_decoding_pixels(tmp_path: Path, fmt: str) -> None:
    """Pixel data that cannot be decoded costs read_image nothing: it never decodes it."""
    exif = Image.Exif()
    exif[0x010F] = "Sony"
    buffer = io.BytesIO()
    NOISY.resize((256, 192)).save(buffer, fmt, exif=exif)
    data = bytearray(buffer.getvalue())
    if fmt == "PNG":
        data[len(data) // 2:len(data) // 2 + 64] = bytes(64)  # breaks the zlib stream
    else:
        data = data[: len(data) * 3 // 5]  # the pixels stop part way
    with pytest.raises(OSError):  # proof that these pixels cannot be decoded
        Image.open(io.BytesIO(bytes(data))).load()
    path = tmp_path / f"pixels.{fmt.lower()}"
    path.write_bytes(bytes(data))
    info = read_image(path)
    assert (info.width, info.height, info.make) == (256, 192, "Sony")


@pytest.mark.parametrize(("head", "kind"), [
    (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1heic", "HEIF"),
    (b"\x00\x00\x00\x1cftypMiHE\x00\x00\x00\x00MiHEheix", "HEIF"),  # brand only compatible
    (b"\x00\x00\x00\x1cftypavis\x00\x00\x00\x00mif1avif", "AVIF"),  # an image sequence
    (b"\x00\x00\x00\x1cftypmif1\x00\x00\x00\x00mif1avif", "AVIF"),
    (b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00isomiso2mp41", "MP4/QuickTime"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "MP4/QuickTime"),
])
def test_iso_bmff_files_are_told_apart_by_their_brands(head: bytes, kind: str) -> None:
    from catalog.images.sniff import sniff_kind

    assert sniff_kind(head + b"\x00" * 32) == kind


def test_an_avif_image_sequence_is_read_not_refused_as_video(tmp_path: Path) -> None:
    from PIL import features

    if not features.check("avif"):
        pytest.skip("Pillow built without AVIF")
    frames = [Image.new("RGB", (32, 24), colour) for colour in ("red", "blue")]
    path = tmp_path / "star.avifs"
    frames[0].save(path, format="AVIF", save_all=True, append_images=frames[1:], speed=10)
    assert path.read_bytes()[8:12] == b"avis"
    info = read_image(path)
    assert (info.format, info.width, info.height) == ("AVIF", 32, 24)


@pytest.mark.parametrize(("name", "reason"), [
    ("P1000001.RAW", "not a readable RAW file: no EXIF found"),
    ("IMGP0001.PEF", "not a readable PEF RAW file: no EXIF found"),
])
def test_a_raw_named_file_without_exif_is_refused_plainly(
    tmp_path: Path, name: str, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(1, 200)) * 4)
    assert refusal(path) == reason


@pytest.mark.parametrize(("head", "reason"), [
    (b"8BPS\x00\x01\x00\x00", "damaged or truncated PSD file"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "damaged or truncated JPEG 2000 file"),
    (b"\xff\x4f\xff\x51\x00\x29", "damaged or truncated JPEG 2000 file"),
    (b"\xff\x0a\xfa\x7f", "no JPEG XL decoder"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound file (FlashPix, or an Office document)"),
    (b"FOVb", "Sigma X3F RAW files are not supported"),
])
def test_formats_with_a_known_signature_are_named_in_the_refusal(
    tmp_path: Path, head: bytes, reason: str
) -> None:
    path = tmp_path / "picture.bin"
    path.write_bytes(head + b"\x00" * 120)
    assert reason in refusal(path)


def test_an_unsupported_variant_is_not_called_truncated(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, format="BMP")
    data = bytearray(buffer.getvalue())
    data[28:30] = struct.pack("<H", 2)  # 2 bits per pixel: valid BMP, which Pillow does not read
    path = tmp_path / "pal2.bmp"
    path.write_bytes(bytes(data))
    info = read_image(path)  # kept, with the size its header gives (see test_images_bmp.py)
    assert (info.width, info.height) == (8, 8)
    assert [w for w in info.warnings if "BMP" in w] == [
        "Pillow cannot decode this BMP (Unsupported BMP pixel depth (2)); size read from its "
        "Windows header (2-bit, none)"]


def test_reader_warnings_are_listed_once_without_pillow_deprecations() -> None:
    import warnings

    from catalog.images.fields import warning_notes

    def raised(message: str, category: type[Warning] = UserWarning) -> warnings.WarningMessage:
        return warnings.WarningMessage(message, category, "x.py", 1)

    noisy = [raised("IM image format is deprecated", DeprecationWarning)] * 3
    noisy += [raised("Skipping tag 0")] * 18 + [raised("Skipping tag 16")]
    noisy += [raised(f"odd tag {n}") for n in range(9)]
    assert warning_notes("image header", noisy) == [
        "image header: Skipping tag 0 (18 times)", "image header: Skipping tag 16",
        "image header: odd tag 0", "image header: odd tag 1", "image header: odd tag 2",
        "image header: 6 more warnings",
    ]


@pytest.mark.parametrize(("head", "kind"), [(b"gimp xcf v011\x00", "GIMP XCF"), (b"v/1\x01\x02\x00\x00\x00", "OpenEXR")])
def test_formats_we_do_not_read_are_named(tmp_path: Path, head: bytes, kind: str) -> None:
    path = tmp_path / "work.bin"
    path.write_bytes(head + bytes(200))
    assert refusal(path).startswith(f"not read: a {kind} file")
