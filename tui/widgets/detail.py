"""The detail pane: the picture, the highlighted caption, parsed fields, camera and IPTC
data, conflicts, and other uses of the same picture to jump to."""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field
from typing import Any

from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual_image.widget import BaseImage, HalfcellImage, UnicodeImage
from textual_image.widget import Image as AutoImage

from tui.query import place_of
from tui.widgets.caption_view import CaptionView

#: How pictures are drawn: "auto" (Kitty or Sixel graphics where the terminal has them,
#: else half blocks), or forced with CATALOG_TUI_IMAGES=halfcell|unicode (tests, tmux).
IMAGE_WIDGETS: dict[str, type[BaseImage]] = {
    "auto": AutoImage, "halfcell": HalfcellImage, "unicode": UnicodeImage,
}

_FLAGS = ("file_photo", "pool", "handout", "third_party", "topshot", "drone")


@dataclass
class PhotoDetail:
    """Everything the pane shows for one photo, read in one worker."""

    row: dict[str, Any]
    thumbnail: bytes | None = None
    other_uses: list[dict[str, Any]] = field(default_factory=list)


def _json_list(value: Any) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    try:
        loaded = json.loads(value)
    except ValueError:
        return [value]
    if isinstance(loaded, list):
        return [item if isinstance(item, str) else json.dumps(item) for item in loaded]
    return [str(loaded)]


def _grid(pairs: list[tuple[str, Any]]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in pairs:
        if value not in (None, "", []):
            table.add_row(label, value if isinstance(value, Text) else str(value))
    return table


def parsed_pairs(row: dict[str, Any]) -> list[tuple[str, Any]]:
    """Label/value pairs of the parsed caption fields; corrected values are marked."""
    corrected = set(_json_list(row.get("corrected_fields")))

    def value(name: str) -> Any:
        shown = row.get(name)
        if name in corrected and shown not in (None, ""):
            return Text.assemble(str(shown), (" (corrected)", "italic"))
        if name in corrected:  # corrected to nothing: say so rather than drop the line
            return Text("∅ (cleared by a correction)", style="italic")
        return shown

    place = place_of(row)
    if row.get("region") and row.get("city"):
        place = f"{row['city']}, {row['region']}, {row.get('country') or ''}".rstrip(", ")
    if row.get("country_code"):
        place = f"{place} [{row['country_code']}]"
    flags = ", ".join(name.replace("_", " ") for name in _FLAGS if row.get(name))
    confidence = row.get("confidence")
    parser = row.get("caption_format") or ""
    if isinstance(confidence, int | float):
        parser = f"{parser} ({confidence:.2f})"
    return [
        ("Subject", value("subject")),
        ("City", value("city")), ("Region", value("region")), ("Country", value("country")),
        ("Place", place),
        ("Date", value("date")), ("Date text", row.get("date_text")),
        ("Sent", row.get("sent_date")),
        ("Agency", value("agency")), ("Photographer", value("photographer")),
        ("Credit", value("credit")),
        ("Via", ", ".join(_json_list(row.get("intermediaries")))),
        ("Flags", flags),
        ("Restrictions", ", ".join(_json_list(row.get("restrictions")))),
        ("Story codes", ", ".join(_json_list(row.get("story_codes")))),
        ("Notes", "; ".join(_json_list(row.get("notes")))),
        ("Parser", parser),
        ("Residue", row.get("residue")),
    ]


def camera_name(make: Any, model: Any) -> str:
    """Make and model, without the make twice ("Canon" + "Canon EOS R3")."""
    make, model = str(make or "").strip(), str(model or "").strip()
    if make and model.lower().startswith(make.lower()):
        return model
    return f"{make} {model}".strip()


def camera_pairs(row: dict[str, Any], paths: list[str]) -> list[tuple[str, Any]]:
    """Label/value pairs of the file, EXIF and IPTC facts."""
    taken = row.get("taken_at") or ""
    if taken and row.get("taken_offset"):
        taken = f"{taken} {row['taken_offset']}"
    exposure = " ".join(part for part in (
        row.get("exposure_time") and f"{row['exposure_time']} s",
        row.get("f_number") and f"f/{row['f_number']:g}",
        row.get("iso") and f"ISO {row['iso']}",
        row.get("focal_length") and f"{row['focal_length']:g} mm",
    ) if part)
    gps = ""
    if row.get("gps_lat") is not None and row.get("gps_lon") is not None:
        gps = f"{row['gps_lat']:.5f}, {row['gps_lon']:.5f}"
    size = ""
    if row.get("width") and row.get("height"):
        size = f"{row['width']}x{row['height']} {row.get('format') or ''}".strip()
    iptc_place = ", ".join(str(row[key]) for key in ("iptc_city", "iptc_region", "iptc_country")
                           if row.get(key))
    return [
        ("Camera", camera_name(row.get("make"), row.get("model"))),
        ("Lens", row.get("lens")), ("Taken", taken), ("Exposure", exposure), ("GPS", gps),
        ("Image", size),
        ("Headline", row.get("headline")), ("By-line", row.get("byline")),
        ("IPTC credit", row.get("iptc_credit")), ("IPTC source", row.get("iptc_source")),
        ("IPTC place", iptc_place), ("IPTC date", row.get("iptc_date")),
        ("Keywords", row.get("keywords")), ("Slug", row.get("object_name")),
        ("Instructions", row.get("instructions")),
        ("Caption from", row.get("caption_source")),
        ("Path" if len(paths) < 2 else "Paths", "\n".join(paths) or row.get("path")),
    ]


def conflict_lines(row: dict[str, Any]) -> list[str]:
    """Plain sentences for each disagreement between caption and camera."""
    lines = []
    days = row.get("date_conflict_days")
    if days:
        lines.append(f"Caption date {row.get('date')} is {days} days from the camera's "
                     f"{(row.get('taken_at') or '')[:10]}.")
    km = row.get("place_conflict_km")
    if km:
        lines.append(f"Caption place {place_of(row)} is {km:,.0f} km from the GPS position.")
    if row.get("has_conflict") and not lines:
        lines.append("The caption disagrees with the camera data.")
    return lines


class DetailPane(VerticalScroll):
    """One photo, in full; choosing an other use posts DetailPane.Jump."""

    DEFAULT_CSS = """
    DetailPane {
        height: 1fr;
    }
    DetailPane #detail-top {
        height: auto;
    }
    DetailPane #picture {
        width: 24;
        height: 8;
        margin-right: 1;
    }
    DetailPane #no-picture {
        width: 24;
        height: 3;
        content-align: center middle;
        color: $text-muted;
        margin-right: 1;
    }
    DetailPane #parsed {
        width: 1fr;
        height: auto;
    }
    DetailPane .section {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    DetailPane #other-uses {
        height: auto;
        max-height: 8;
    }
    """

    @dataclass
    class Jump(Message):
        """Show another photo (an other use of this picture)."""

        photo_id: int

    def compose(self) -> ComposeResult:
        with Horizontal(id="detail-top"):
            renderer = os.environ.get("CATALOG_TUI_IMAGES", "auto")
            yield IMAGE_WIDGETS.get(renderer, AutoImage)(id="picture")
            yield Static("no thumbnail", id="no-picture")
            yield Static(id="parsed")
        yield Label("Caption", classes="section")
        yield CaptionView(id="caption")
        yield Label("Camera and IPTC", classes="section")
        yield Static(id="camera")
        yield Label("Conflicts", classes="section", id="conflicts-label")
        yield Static(id="conflicts")
        yield Label("Other uses of this picture", classes="section")
        yield OptionList(id="other-uses")

    def show(self, detail: PhotoDetail) -> None:
        """Fill the pane with ``detail``."""
        row = detail.row
        self._show_picture(detail.thumbnail)
        self.query_one("#parsed", Static).update(_grid(parsed_pairs(row)))
        self.query_one("#caption", CaptionView).show(row)
        paths = [p if isinstance(p, str) else str(p.get("path", "")) for p in row.get("paths") or []]
        self.query_one("#camera", Static).update(_grid(camera_pairs(row, paths)))
        conflicts = conflict_lines(row)
        self.query_one("#conflicts", Static).update("\n".join(conflicts) or "None found.")
        uses = self.query_one("#other-uses", OptionList)
        uses.clear_options()
        for other in detail.other_uses:
            label = " · ".join(str(part) for part in (
                other.get("date") or "undated", other.get("agency"), other.get("photographer"),
                (other.get("subject") or "")[:50]) if part)
            uses.add_option(Option(label, id=str(other["id"])))
        if detail.other_uses:
            uses.highlighted = 0
        else:
            uses.add_option(Option("None found.", disabled=True))
        self.scroll_home(animate=False)

    def _show_picture(self, thumbnail: bytes | None) -> None:
        picture = self.query_one("#picture", BaseImage)
        placeholder = self.query_one("#no-picture", Static)
        image = None
        if thumbnail:
            try:
                image = PILImage.open(io.BytesIO(thumbnail))
                image.load()
            except (OSError, UnidentifiedImageError, ValueError):
                image = None
                placeholder.update("thumbnail unreadable")
        picture.image = image
        picture.display = image is not None
        placeholder.display = image is None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(int(event.option.id)))
