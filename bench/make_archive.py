"""Make a large, realistic archive for benchmarks and demos.

    python bench/make_archive.py OUT.db --rows 1000000 [--thumbnails] [--seed 7] [--force]

The archive is created with ``catalog.archive.schema.migrate`` (so it is the real
schema) and filled with synthetic wire pictures: eight agencies' caption formats
(written by us, never copied from wires), photographers, places, dates over twenty
years, EXIF/IPTC fields, perceptual hashes with re-sent file photos sharing a
near-identical hash, date and place conflicts, usage restrictions and a few
captions with no credit. FTS has common words ("protesters") and rare ones
(ship and mine names built from syllables).

Speed: rows go in with ``executemany`` in large transactions with the journal off,
the FTS triggers and secondary indexes dropped during the load and recreated after,
then the FTS index is rebuilt in one pass and ``ANALYZE`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from catalog.archive.columns import PHOTO_COLUMNS
from catalog.archive.schema import migrate

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July",
             "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (city, region, country, ISO code, lat, lon); US rows carry AP's state abbreviation.
PLACES = (
    ("Lyon", "", "France", "FR", 45.76, 4.84), ("Paris", "", "France", "FR", 48.86, 2.35),
    ("Marseille", "", "France", "FR", 43.30, 5.37), ("Berlin", "", "Germany", "DE", 52.52, 13.40),
    ("Hamburg", "", "Germany", "DE", 53.55, 9.99), ("Munich", "", "Germany", "DE", 48.14, 11.58),
    ("Madrid", "", "Spain", "ES", 40.42, -3.70), ("Valencia", "", "Spain", "ES", 39.47, -0.38),
    ("Rome", "", "Italy", "IT", 41.90, 12.50), ("Naples", "", "Italy", "IT", 40.85, 14.27),
    ("Kyiv", "", "Ukraine", "UA", 50.45, 30.52), ("Kharkiv", "", "Ukraine", "UA", 49.99, 36.23),
    ("Warsaw", "", "Poland", "PL", 52.23, 21.01), ("London", "", "Britain", "GB", 51.51, -0.13),
    ("Manchester", "", "Britain", "GB", 53.48, -2.24), ("Dublin", "", "Ireland", "IE", 53.35, -6.26),
    ("Athens", "", "Greece", "GR", 37.98, 23.73), ("Istanbul", "", "Turkey", "TR", 41.01, 28.98),
    ("Cairo", "", "Egypt", "EG", 30.04, 31.24), ("Lagos", "", "Nigeria", "NG", 6.52, 3.38),
    ("Nairobi", "", "Kenya", "KE", -1.29, 36.82), ("Johannesburg", "", "South Africa", "ZA", -26.20, 28.05),
    ("Beijing", "", "China", "CN", 39.90, 116.40), ("Shanghai", "", "China", "CN", 31.23, 121.47),
    ("Tokyo", "", "Japan", "JP", 35.68, 139.69), ("Osaka", "", "Japan", "JP", 34.69, 135.50),
    ("Seoul", "", "South Korea", "KR", 37.57, 126.98), ("New Delhi", "", "India", "IN", 28.61, 77.21),
    ("Mumbai", "", "India", "IN", 19.08, 72.88), ("Jakarta", "", "Indonesia", "ID", -6.21, 106.85),
    ("Sydney", "New South Wales", "Australia", "AU", -33.87, 151.21),
    ("Melbourne", "Victoria", "Australia", "AU", -37.81, 144.96),
    ("Sao Paulo", "", "Brazil", "BR", -23.55, -46.63), ("Rio de Janeiro", "", "Brazil", "BR", -22.91, -43.17),
    ("Buenos Aires", "", "Argentina", "AR", -34.60, -58.38), ("Mexico City", "", "Mexico", "MX", 19.43, -99.13),
    ("Bogota", "", "Colombia", "CO", 4.71, -74.07), ("Toronto", "Ontario", "Canada", "CA", 43.65, -79.38),
    ("Springfield", "Ill.", "United States", "US", 39.78, -89.65),
    ("Chicago", "Ill.", "United States", "US", 41.88, -87.63),
    ("Los Angeles", "Calif.", "United States", "US", 34.05, -118.24),
    ("New York", "N.Y.", "United States", "US", 40.71, -74.01),
    ("Houston", "Texas", "United States", "US", 29.76, -95.37),
    ("Miami", "Fla.", "United States", "US", 25.76, -80.19),
)
ACTORS = ("Firefighters", "Protesters", "Supporters of the opposition", "Farmers", "A vendor",
          "Rescue workers", "Children", "Fans", "Police officers", "Voters", "Pilgrims",
          "Workers", "Residents", "Soldiers", "Commuters", "Tourists", "Fishermen", "Students",
          "Nurses", "Athletes", "A woman", "A man", "Musicians", "Volunteers", "Miners")
VERBS = ("gather near", "walk past", "wait outside", "clear debris from", "carry flags through",
         "queue at", "stand in front of", "rest beside", "celebrate at", "inspect", "repair",
         "march towards", "watch smoke rise over", "pray at", "shelter under", "sweep")
OBJECTS = ("a flooded street", "the parliament building", "a polling station", "the harbour",
           "a damaged bridge", "a market", "the central station", "a burned warehouse",
           "the stadium", "a refugee camp", "the cathedral", "a field of sunflowers",
           "a border crossing", "a school", "a hospital", "the old town square")
CONTEXTS = ("", "", "", " after heavy rain", " during a general strike", " ahead of the election",
            " on the first day of the festival", " as temperatures soar", " following an earthquake",
            " during a visit by the prime minister", " as the ferry leaves at dawn",
            " on the anniversary of the flood", " before the final match")
DE_SUBJECTS = ("Feuerwehrleute löschen einen Brand", "Demonstranten ziehen durch die Innenstadt",
               "Besucher warten vor dem Museum", "Ein Zug fährt über die Brücke",
               "Kinder spielen im Schnee", "Landwirte protestieren vor dem Rathaus")
FIRST = ("Ana", "Sam", "Lena", "Tomas", "Yuki", "Omar", "Priya", "Jonas", "Marta", "Kofi",
         "Ines", "Pavel", "Mei", "Diego", "Sara", "Hugo", "Nadia", "Leo", "Aiko", "Ravi",
         "Elif", "Marco", "Zofia", "Ken", "Amara", "Felix", "Lucia", "Ivan", "Noor", "Pablo")
LAST = ("Costa", "Reyes", "Novak", "Berg", "Tanaka", "Haddad", "Sharma", "Lindqvist", "Moreau",
        "Mensah", "Ortega", "Kowalski", "Chen", "Silva", "Okafor", "Dubois", "Petrov", "Rossi",
        "Yilmaz", "Kim", "Fischer", "Alvarez", "Nakamura", "Osei", "Ferreira", "Varga", "Lund",
        "Horvat", "Baptiste", "Quinn")
SYLLABLES = ("ka", "lor", "mi", "zan", "tu", "rel", "ob", "qui", "sen", "dra", "vel", "no",
             "fa", "gri", "sho", "lum", "pe", "xa", "ber", "ti")
CAMERAS = (("Canon", "Canon EOS R3", "RF24-70mm F2.8 L IS USM"),
           ("Nikon", "NIKON Z 9", "NIKKOR Z 70-200mm f/2.8 VR S"),
           ("SONY", "ILCE-1", "FE 24-105mm F4 G OSS"),
           ("Canon", "Canon EOS-1D X Mark III", "EF16-35mm f/2.8L III USM"),
           ("DJI", "FC3411", ""))
RESTRICTIONS = ((["editorial_only", "mandatory_credit"], "EDITORIAL USE ONLY. MANDATORY CREDIT."),
                (["no_resales", "no_archives"], "NO RESALES. NO ARCHIVES."),
                (["territory_out:JP"], "JAPAN OUT."),
                (["editorial_only", "mandatory_credit", "no_marketing"],
                 'RESTRICTED TO EDITORIAL USE - MANDATORY CREDIT "AFP PHOTO / HANDOUT" - '
                 "NO MARKETING NO ADVERTISING CAMPAIGNS"))
AGENCY_WEIGHTS = (("Reuters", 30), ("AP", 22), ("AFP", 18), ("Getty Images", 10),
                  ("EPA-EFE", 8), ("Xinhua", 6), ("dpa", 3), ("Bloomberg", 3))
START = dt.date(2006, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days


class Caption:
    """A caption assembled from pieces, recording each field's character span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: dict[str, list[int]] = {}

    def add(self, *pieces: str | tuple[str, str]) -> None:
        """Append plain strings and ``(text, field)`` pairs, recording the pairs' spans."""
        for piece in pieces:
            text, field = (piece, None) if isinstance(piece, str) else piece
            if field and text:
                self.spans[field] = [self.length, self.length + len(text)]
            self.parts.append(text)
            self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def rare_name(rng: random.Random) -> str:
    """A made-up proper noun: rare FTS terms."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def subject_text(rng: random.Random) -> str:
    text = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(CONTEXTS)}"
    if rng.random() < 0.08:
        text += rng.choice((" aboard the MV ", " at the ", " near the ")) + rare_name(rng)
        text += rng.choice(("", " mine", " pass", " dam"))
    return text


def build_caption(rng: random.Random, agency: str, name: str, place: tuple, day: dt.date,
                  flags: dict) -> tuple[Caption, str]:
    """The caption in ``agency``'s format and the credit as printed."""
    city, region, country = place[0], place[1], place[2]
    c = Caption()
    long_date = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    subject = (subject_text(rng), "subject")
    where = [(city, "city"), ", ", (country, "country")]
    if agency == "Reuters":
        credit = "REUTERS/Stringer" if name == "Stringer" else f"REUTERS/{name}"
        if flags["pool"]:
            credit = f"{name}/Pool via REUTERS"
        if flags["file_photo"]:
            c.add("FILE PHOTO: ")
            credit += "/File Photo"
        c.add(subject, " in ", *where, " ", (long_date, "date_text"), ". ")
        if flags["drone"]:
            c.add("Picture taken with a drone. ")
        c.add((credit, "credit"))
        if flags["story"]:
            c.add('  SEARCH "' + subject[0].split()[0].upper() + '" FOR THIS STORY.')
    elif agency == "AP":
        ap_date = f"{WEEKDAYS[day.weekday()]}, {AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
        credit = f"AP Photo/{name}" + (", File" if flags["file_photo"] else "")
        if flags["file_photo"]:
            c.add("FILE - ")
        state = (region, "region") if region else (country, "country")
        c.add(subject, " in ", (city, "city"), ", ", state, ", ", (ap_date, "date_text"),
              ". (", (credit, "credit"), ")")
    elif agency == "AFP":
        first, last = name.split(" ", 1) if " " in name else (name, "")
        credit = f"Photo by {first} {last.upper()} / AFP"
        if flags["topshot"]:
            c.add("TOPSHOT - ")
        c.add(subject, " in ", *where, ", on ", (long_date, "date_text"), ". (",
              (credit, "credit"), ")")
    elif agency == "Getty Images":
        credit = f"Photo by {name}/Getty Images"
        c.add(f"{city.upper()}, {country.upper()} - {MONTHS[day.month - 1].upper()} {day.day}: ",
              subject, " on ", (long_date, "date_text"), " in ", *where, ". (",
              (credit, "credit"), ")")
    elif agency == "EPA-EFE":
        credit = f"EPA-EFE/{name.upper()}"
        c.add(f"epa{rng.randrange(10**7, 10**8)} ", subject, ", ", *where, ", ",
              (f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}", "date_text"), ". ",
              (credit, "credit"))
    elif agency == "Xinhua":
        short = f"{AP_MONTHS[day.month - 1]} {day.day}, {day.year}"
        credit = f"Xinhua/{name}"
        c.add(f"{country.upper()}-{city.upper().replace(' ', '')}-DAILY LIFE ({day:%y%m%d}) -- ",
              f"{city.upper()}, {short} (Xinhua) -- ", subject, " in ", *where, ", ",
              (short, "date_text"), ". (", (credit, "credit"), ")")
    elif agency == "dpa":
        credit = "picture alliance/dpa"
        c.add((rng.choice(DE_SUBJECTS), "subject"), " in ", (city, "city"), ". Foto: ",
              (f"{name}/dpa", "credit"), " +++ dpa-Bildfunk +++")
    else:  # Bloomberg
        credit = f"{name}/Bloomberg"
        c.add(subject, " in ", *where, ", on ", (long_date, "date_text"), ". Photographer: ",
              (credit, "credit"))
    if flags["restriction"]:
        c.add("  " + flags["restriction"][1])
    start = c.spans.get("credit", [0])[0]
    found = c.text.find(name, start) if name != "Stringer" and start else -1
    if found >= 0:  # the photographer's name sits inside the credit's span
        c.spans["photographer"] = [found, found + len(name)]
    return c, credit


def tiny_jpegs(count: int = 6) -> list[tuple[bytes, int, int]]:
    """A handful of small JPEG thumbnails (gradients), shared by all rows."""
    from PIL import Image, ImageDraw

    out = []
    for k in range(count):
        w, h = (96, 64) if k % 3 else (64, 96) if k % 2 else (96, 72)
        img = Image.new("RGB", (w, h), (40 + 30 * k, 90, 160 - 20 * k))
        draw = ImageDraw.Draw(img)
        for y in range(0, h, 8):
            draw.rectangle([0, y, w, y + 3], fill=(200 - 25 * k, 120 + 10 * k, 60 + y))
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=60)
        out.append((buf.getvalue(), w, h))
    return out


def photographer_pool(rng: random.Random) -> dict[str, list[str]]:
    """Per agency, a list with repeats so some photographers are prolific."""
    pools = {}
    for agency, _ in AGENCY_WEIGHTS:
        names = list({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(160)})
        weighted = [n for i, n in enumerate(names) for _ in range(max(1, 40 // (i + 1)))]
        pools[agency] = [*weighted, "Stringer"] if agency == "Reuters" else weighted
    return pools


def generate(rows: int, seed: int) -> Iterator[dict]:
    """Yield ``rows`` photos rows (dicts of PHOTO_COLUMNS) with ids 1..rows."""
    rng = random.Random(seed)
    agencies = [a for a, w in AGENCY_WEIGHTS for _ in range(w)]
    pools = photographer_pool(rng)
    recent_hashes: list[str] = []
    now = dt.datetime(2026, 1, 1).isoformat()
    for pid in range(1, rows + 1):
        agency = rng.choice(agencies)
        name = rng.choice(pools[agency])
        place = rng.choice(PLACES)
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        r = rng.random()
        flags = {"file_photo": r < 0.05 and bool(recent_hashes), "pool": 0.05 <= r < 0.07,
                 "handout": 0.07 <= r < 0.09, "topshot": agency == "AFP" and rng.random() < 0.05,
                 "drone": rng.random() < 0.01, "story": rng.random() < 0.1,
                 "restriction": rng.choice(RESTRICTIONS) if rng.random() < 0.05 else None}
        cap, credit = build_caption(rng, agency, name, place, day, flags)
        no_credit = rng.random() < 0.01
        if no_credit:  # a caption that lost its credit line
            start = cap.spans.pop("credit", [cap.length])[0]
            cap.parts, cap.length = [cap.text[:start].rstrip(" (")], start
        text = cap.text
        camera = rng.choice(CAMERAS)
        taken = dt.datetime.combine(day, dt.time(rng.randrange(24), rng.randrange(60)))
        conflict_days = None
        if rng.random() < 0.03:
            conflict_days = rng.choice((1, 3, 30, 365, 2400))
            taken -= dt.timedelta(days=conflict_days)
        gps = None
        conflict_km = None
        if rng.random() < 0.4:
            gps = (place[4] + rng.uniform(-0.05, 0.05), place[5] + rng.uniform(-0.05, 0.05))
            conflict_km = round(rng.uniform(0.1, 6.0), 1)
            if rng.random() < 0.05:
                gps, conflict_km = (place[4] + 12.0, place[5] - 20.0), 2400.0
        dhash = f"{rng.getrandbits(64):016x}"
        if flags["file_photo"]:  # the same picture re-sent: a near-identical hash
            dhash = f"{int(rng.choice(recent_hashes), 16) ^ (1 << rng.randrange(64)):016x}"
        elif pid % 50 == 0:
            recent_hashes.append(dhash)
            del recent_hashes[:-2000]
        has_conflict = int((conflict_days or 0) > 2 or (conflict_km or 0) > 50)
        photographer = "" if no_credit or (agency == "dpa" and rng.random() < 0.5) else name
        iptc = {"By-line": name, "Credit": credit, "City": place[0], "Country": place[2],
                "Date Created": day.strftime("%Y%m%d")}
        yield {
            "id": pid, "content_hash": f"{rng.getrandbits(256):064x}",
            "path": f"/archive/{day:%Y/%m/%d}/{agency[:3].upper()}{pid:08d}.jpg",
            "file_size": rng.randrange(300_000, 9_000_000), "format": "JPEG",
            "width": 5472, "height": 3648, "make": camera[0], "model": camera[1],
            "lens": camera[2], "taken_at": taken.isoformat(), "taken_offset": "+00:00",
            "gps_lat": gps[0] if gps else None, "gps_lon": gps[1] if gps else None,
            "exposure_time": rng.choice(("1/250", "1/500", "1/1000", "1/60")),
            "f_number": rng.choice((2.8, 4.0, 5.6, 8.0)), "iso": rng.choice((100, 400, 1600, 6400)),
            "focal_length": rng.choice((24.0, 35.0, 70.0, 200.0)), "orientation": 1,
            "headline": subject_text(rng) if rng.random() < 0.3 else None,
            "keywords": "; ".join(rng.sample(("news", "politics", "weather", "sport", "people",
                                              "disaster", "economy", "culture"), 2)),
            "byline": name, "iptc_credit": agency, "iptc_source": agency, "iptc_city": place[0],
            "iptc_region": place[1], "iptc_country": place[2], "iptc_date": day.isoformat(),
            "object_name": text.split()[0].upper()[:32], "iptc_json": json.dumps(iptc),
            "xmp_json": None, "exif_json": None, "caption": text, "caption_source": "iptc",
            "subject": text[slice(*cap.spans["subject"])],
            "city": place[0], "region": place[1], "country": place[2], "country_code": place[3],
            "place_lat": place[4], "place_lon": place[5], "date": day.isoformat(),
            "date_text": text[slice(*cap.spans["date_text"])] if "date_text" in cap.spans else "",
            "sent_date": None, "agency": "" if no_credit else agency, "photographer": photographer,
            "credit": "" if no_credit else credit,
            "intermediaries": "[]", "file_photo": int(flags["file_photo"]), "pool": int(flags["pool"]),
            "handout": int(flags["handout"]), "third_party": int(flags["handout"]),
            "topshot": int(flags["topshot"]), "drone": int(flags["drone"]),
            "restrictions": json.dumps(flags["restriction"][0] if flags["restriction"] else []),
            "restriction_text": flags["restriction"][1] if flags["restriction"] else "",
            "story_codes": "[]", "notes": "[]", "caption_format": agency.lower(),
            "confidence": 0.3 if no_credit else 0.9, "residue": "", "spans": json.dumps(cap.spans),
            "parsed_json": json.dumps({"text": text, "format": agency.lower()}),
            "parser_version": "bench", "corrected_fields": "[]",
            "date_conflict_days": conflict_days, "place_conflict_km": conflict_km,
            "has_conflict": has_conflict, "dhash": dhash, "first_import_id": 1,
            "imported_at": now, "updated_at": now,
        }


def _drop_triggers_and_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop FTS triggers and secondary indexes on the loaded tables; return their SQL."""
    rows = conn.execute(
        "select type, name, sql from sqlite_master where type in ('trigger', 'index') "
        "and tbl_name in ('photos', 'photo_paths', 'thumbnails') and sql is not null"
    ).fetchall()
    for kind, name, _ in rows:
        conn.execute(f'drop {kind} "{name}"')
    return [sql for _, _, sql in rows]


def make_archive(out: Path, rows: int, *, thumbnails: bool, seed: int = 7,
                 batch: int = 20_000) -> dict:
    """Create ``out`` with ``rows`` photos; return timings in seconds."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    db = Database(out)
    migrate(db)
    conn = db.conn
    columns = [c for c in PHOTO_COLUMNS if c in {col.name for col in db["photos"].columns}]
    saved_sql = _drop_triggers_and_indexes(conn)
    conn.execute("pragma journal_mode=off")
    conn.execute("pragma synchronous=off")
    conn.execute("pragma cache_size=-400000")
    conn.execute("insert into imports (id, started_at, finished_at, paths, status, seen, imported,"
                 " unchanged, failed) values (1, ?, ?, '[\"/archive\"]', 'done', ?, ?, 0, 0)",
                 ("2026-01-01T00:00:00", "2026-01-01T00:10:00", rows, rows))
    photo_sql = (f"insert into photos ({', '.join(columns)}) "
                 f"values ({', '.join('?' for _ in columns)})")
    blobs = tiny_jpegs() if thumbnails else []
    photo_rows, path_rows, thumb_rows = [], [], []

    def flush() -> None:
        conn.executemany(photo_sql, photo_rows)
        conn.executemany("insert into photo_paths (path, photo_id, size, mtime_ns, seen_at) "
                         "values (?, ?, ?, ?, ?)", path_rows)
        if thumb_rows:
            conn.executemany("insert into thumbnails (photo_id, jpeg, width, height, source) "
                             "values (?, ?, ?, ?, 'bench')", thumb_rows)
        conn.commit()
        for pending in (photo_rows, path_rows, thumb_rows):
            pending.clear()

    for row in generate(rows, seed):
        photo_rows.append(tuple(row.get(c) for c in columns))
        path_rows.append((row["path"], row["id"], row["file_size"], 1_700_000_000_000_000_000,
                          row["imported_at"]))
        if blobs:
            jpeg, w, h = blobs[row["id"] % len(blobs)]
            thumb_rows.append((row["id"], jpeg, w, h))
        if len(photo_rows) >= batch:
            flush()
    if photo_rows:
        flush()
    timings["load"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    for sql in saved_sql:
        conn.execute(sql)
    timings["indexes"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    conn.execute("insert into photos_fts(photos_fts) values('rebuild')")
    conn.commit()
    timings["fts"] = time.perf_counter() - t1
    t1 = time.perf_counter()
    conn.execute("analyze")
    conn.commit()
    conn.execute("pragma journal_mode=wal")
    db.close()
    timings["analyze"] = time.perf_counter() - t1
    timings["total"] = time.perf_counter() - t0
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="archive file to create")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--thumbnails", action="store_true", help="add a thumbnail per photo")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            parser.error(f"{args.out} exists (use --force to replace it)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.out}{suffix}").unlink(missing_ok=True)
    timings = make_archive(args.out, args.rows, thumbnails=args.thumbnails, seed=args.seed)
    size_mb = args.out.stat().st_size / 1e6
    print(f"{args.out}: {args.rows:,} photos, {size_mb:,.0f} MB; "
          + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
