"""Per-field accuracy of ``parse_caption`` over the caption table (tests/captions/*.jsonl).

    .venv/bin/python bench/caption_accuracy.py [--by-file] [--misses FIELD]

Counts, for every expected field of every row (xfail rows included), whether the
parser got it right, and prints the share per field beside the issue's targets
(agency and file photo 98%, photographer and date 95%, country 93%, city 90%).
``--misses FIELD`` lists the rows that miss one field, with what came out.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_caption_table import check_field, load_rows  # noqa: E402

from catalog.captions import parse_caption  # noqa: E402

TARGETS = {"agency": 0.98, "file_photo": 0.98, "photographer": 0.95, "date": 0.95,
           "country": 0.93, "country_code": 0.93, "city": 0.90}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--by-file", action="store_true", help="also print accuracy per table file")
    parser.add_argument("--misses", metavar="FIELD", help="list the rows that miss FIELD")
    args = parser.parse_args()

    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for row_id, row in load_rows():
        stem = row_id.split(":")[0]
        cap = parse_caption(row["caption"], year_hint=row.get("year_hint"))
        for field, expected in row["expect"].items():
            problem = check_field(cap, field, expected)
            total[(stem, field)] += 1
            right[(stem, field)] += problem is None
            if problem and args.misses == field:
                print(f"{row_id:<14} {problem}")

    fields = sorted({f for _, f in total}, key=lambda f: (f not in TARGETS, f))
    print(f"{'field':<22}{'right':>7}{'rows':>7}{'share':>9}{'target':>9}")
    for field in fields:
        r = sum(v for (_, f), v in right.items() if f == field)
        n = sum(v for (_, f), v in total.items() if f == field)
        target = f"{TARGETS[field]:.0%}" if field in TARGETS else ""
        print(f"{field:<22}{r:>7}{n:>7}{r / n:>9.1%}{target:>9}")
    if args.by_file:
        print()
        for stem in sorted({s for s, _ in total}):
            r = sum(v for (s, _), v in right.items() if s == stem)
            n = sum(v for (s, _), v in total.items() if s == stem)
            print(f"{stem:<22}{r:>7}{n:>7}{r / n:>9.1%}")


if __name__ == "__main__":
    main()
