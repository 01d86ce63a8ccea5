"""``python -m catalog.images FILE...``: print what read_image sees in each file, as JSON lines.

A refused file prints ``{"path": ..., "error": reason}``; the exit status is 1 when any was.
"""

from __future__ import annotations

import json
import sys

from catalog.images import ImageReadError, read_image


def main(paths: list[str]) -> int:
    """Print one JSON object per path; return the exit status."""
    refused = 0
    for path in paths:
        try:
            row = read_image(path).to_dict()
        except ImageReadError as error:
            row = {"path": error.path, "error": error.reason}
            refused += 1
        print(json.dumps(row, ensure_ascii=False))
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
