"""The raw caption with each parsed field highlighted where the parser found it."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual.widgets import Static

#: Highlight style per field; fields not listed share the last style.
FIELD_STYLES: dict[str, str] = {
    "subject": "underline",
    "city": "bold black on #8fd18f",
    "region": "bold black on #b5e0b5",
    "country": "bold black on #5fb85f",
    "date": "bold black on #f0c060",
    "sent_date": "black on #f6dca0",
    "photographer": "bold black on #80b8f0",
    "credit": "black on #a8cdf5",
    "agency": "bold black on #c0a0f0",
    "restrictions": "black on #f0a0a0",
    "notes": "black on #d8d8d8",
}
_OTHER_STYLE = "black on #e0e0e0"


def caption_text_and_spans(row: dict[str, Any]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The cleaned caption the spans index into, and the spans that fit inside it.

    The parser's own text (parsed_json "text") is used when present, else the raw
    caption; malformed JSON or out-of-range spans are ignored, never fatal.
    """
    text = row.get("caption") or ""
    parsed = _json_object(row.get("parsed_json"))
    if isinstance(parsed.get("text"), str) and parsed["text"]:
        text = parsed["text"]
    spans: dict[str, tuple[int, int]] = {}
    for field, span in _json_object(row.get("spans")).items():
        if (
            isinstance(span, list | tuple)
            and len(span) == 2
            and all(isinstance(edge, int) for edge in span)
            and 0 <= span[0] < span[1] <= len(text)
        ):
            spans[field] = (span[0], span[1])
    return text, spans


def highlight_caption(row: dict[str, Any]) -> Text:
    """A rich Text of the caption with every field's span styled (narrowest on top)."""
    text, spans = caption_text_and_spans(row)
    result = Text(text)
    # Widest first, so narrower fields inside others (a photographer inside the credit,
    # a city inside the subject) paint over them.
    for field in sorted(spans, key=lambda name: (spans[name][0] - spans[name][1], name)):
        start, end = spans[field]
        result.stylize(FIELD_STYLES.get(field, _OTHER_STYLE), start, end)
    return result


def legend(fields: list[str]) -> Text:
    """One line naming each highlighted field in its own style."""
    result = Text()
    for field in fields:
        result.append(f" {field} ", style=FIELD_STYLES.get(field, _OTHER_STYLE))
        result.append(" ")
    return result


def _json_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, str) or not value:
        return {}
    try:
        loaded = json.loads(value)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


class CaptionView(Static):
    """Shows one photo's caption, highlighted, with a legend of the fields found."""

    DEFAULT_CSS = """
    CaptionView {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, row: dict[str, Any]) -> None:
        """Render ``row``'s caption."""
        _, spans = caption_text_and_spans(row)
        body = highlight_caption(row)
        if spans:
            ordered = sorted(spans, key=lambda name: spans[name][0])
            body = Text.assemble(body, "\n\n", legend(ordered))
        elif not body.plain:
            body = Text("(no caption)", style="italic")
        self.update(body)
