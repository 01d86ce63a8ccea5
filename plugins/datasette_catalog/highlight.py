"""Mark the parsed fields inside the caption text, from the parser's spans."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape


def valid_spans(spans: Any, length: int) -> dict[str, tuple[int, int]]:
    """The usable ``{field: (start, end)}`` pairs: integers with 0 <= start < end <= length."""
    if isinstance(spans, str):
        try:
            spans = json.loads(spans)
        except ValueError:
            return {}
    if not isinstance(spans, dict):
        return {}
    out = {}
    for field, span in spans.items():
        if (isinstance(span, list | tuple) and len(span) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in span)
                and 0 <= span[0] < span[1] <= length):
            out[str(field)] = (span[0], span[1])
    return out


def segments(text: str, spans: dict[str, tuple[int, int]]) -> list[tuple[str, list[str]]]:
    """Cut ``text`` into runs; each run lists the fields covering it, innermost first.

    Spans may nest (a photographer's name inside the credit line) or overlap.
    """
    cuts = sorted({0, len(text), *(i for span in spans.values() for i in span)})
    runs = []
    for start, end in pairwise(cuts):
        covering = [f for f, (s, e) in spans.items() if s <= start and end <= e]
        covering.sort(key=lambda f: spans[f][1] - spans[f][0])
        runs.append((text[start:end], covering))
    return runs


def highlight(text: str, spans: Any) -> Markup:
    """HTML of ``text`` with each field's run wrapped in ``<mark class="hl hl-FIELD">``."""
    parts = []
    for run, fields in segments(text, valid_spans(spans, len(text))):
        if not fields:
            parts.append(escape(run))
            continue
        inner = fields[0]
        label = " / ".join(fields)
        parts.append(Markup('<mark class="hl hl-{0}" data-field="{0}" title="{1}">{2}</mark>')
                     .format(inner, label, run))
    return Markup("").join(parts)
