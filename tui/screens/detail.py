"""One photo on its own screen: the detail pane and the actions on it."""

from __future__ import annotations

from dataclasses import dataclass
from time import perf_counter
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from catalog.archive import ArchiveError
from tui.readers import Superseded
from tui.screens.edit import EditScreen
from tui.screens.history import HistoryScreen
from tui.widgets.detail import DetailPane, PhotoDetail

if TYPE_CHECKING:
    from tui.app import CatalogApp


@dataclass
class DetailLoaded(Message):
    """A photo's row, thumbnail and history, read by the detail worker."""

    photo_id: int
    detail: PhotoDetail | None
    history: list[dict[str, Any]]
    error: str | None = None


@dataclass
class OtherUsesLoaded(Message):
    """Other uses of a photo (a slower query, so it arrives on its own)."""

    photo_id: int
    other_uses: list[dict[str, Any]]


class DetailScreen(Screen[str | None]):
    """Shows one photo; n/p walk through the search results it was opened from.

    Dismissed with where the keyboard goes next: "search", or None for the results.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # In the order the footer shows them: what fits at 80 columns first.
        Binding("escape", "back", "Back"),
        Binding("n", "step(1)", "Next"),
        Binding("p", "step(-1)", "Previous"),
        Binding("e", "edit", "Correct"),
        Binding("h", "history", "History"),
        Binding("y", "copy_caption", "Copy caption"),
        Binding("k", "copy_credit", "Copy credit"),
        Binding("o", "open_path", "Open file"),
    ]

    def __init__(self, photo_id: int, result_ids: list[int] | None = None) -> None:
        super().__init__()
        self.photo_id = photo_id
        self.result_ids = result_ids or []
        self.detail: PhotoDetail | None = None
        self.loaded_ms: float | None = None  # from asking for the photo to showing it
        self._asked_at = perf_counter()
        self.history: list[dict[str, Any]] = []

    @property
    def catalog(self) -> CatalogApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="detail-status")
        yield DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.load(self.photo_id, self.catalog.readers.ticket())

    def show_photo(self, photo_id: int) -> None:
        """Switch to another photo."""
        self.photo_id = photo_id
        self._asked_at = perf_counter()
        self.query_one("#detail-status", Static).update("Loading…")
        self.load(photo_id, self.catalog.readers.ticket())

    @work(thread=True, exclusive=True, group="detail")
    def load(self, photo_id: int, ticket: int) -> None:
        """Read the photo in a worker with its own connection."""
        try:
            with self.catalog.readers.reader("detail", ticket) as archive:
                row = archive.get(photo_id)
                if row is None:
                    self.post_message(DetailLoaded(photo_id, None, [], "no such photo"))
                    return
                detail = PhotoDetail(row=row, thumbnail=archive.thumbnail(photo_id))
                history = archive.history(photo_id)
                self.post_message(DetailLoaded(photo_id, detail, history))
                others = [other for other in archive.other_uses(photo_id)
                          if other.get("id") != photo_id]
                self.post_message(OtherUsesLoaded(photo_id, others))
        except Superseded:
            return
        except ArchiveError as exc:
            self.post_message(DetailLoaded(photo_id, None, [], str(exc)))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if message.photo_id != self.photo_id:
            return  # an answer for a photo the editor has already left
        status = self.query_one("#detail-status", Static)
        if message.detail is None:
            status.update(f"Photo {message.photo_id}: {message.error}")
            return
        self.detail, self.history = message.detail, message.history
        row = message.detail.row
        position = ""
        if message.photo_id in self.result_ids:
            index = self.result_ids.index(message.photo_id) + 1
            position = f"  ·  result {index} of {len(self.result_ids)} loaded"
        status.update(f"Photo {row['id']}  ·  {row.get('agency') or 'unknown agency'}"
                      f"  ·  {row.get('date') or 'undated'}{position}")
        self.query_one(DetailPane).show(message.detail)
        self.loaded_ms = (perf_counter() - self._asked_at) * 1000

    def on_other_uses_loaded(self, message: OtherUsesLoaded) -> None:
        if message.photo_id != self.photo_id or self.detail is None:
            return
        self.detail.other_uses = message.other_uses
        self.query_one(DetailPane).show(self.detail)

    def on_detail_pane_jump(self, message: DetailPane.Jump) -> None:
        self.show_photo(message.photo_id)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_step(self, delta: int) -> None:
        if self.photo_id not in self.result_ids:
            return
        index = self.result_ids.index(self.photo_id) + delta
        if 0 <= index < len(self.result_ids):
            self.show_photo(self.result_ids[index])
        elif index < 0:
            self.notify("This is the first result.", severity="warning", timeout=3)
        elif self.catalog.has_more:
            self.notify(f"Result {len(self.result_ids)} is the last one loaded: esc, then move "
                        "down the results to load more.", severity="warning", timeout=5)
        else:
            self.notify(f"This is the last result ({len(self.result_ids)}).",
                        severity="warning", timeout=3)

    def action_edit(self) -> None:
        if self.detail is None:
            return
        photo_id = self.photo_id

        def saved(changes: dict[str, Any] | None) -> None:
            if changes and self.catalog.save_corrections(photo_id, changes):
                self.show_photo(photo_id)

        self.app.push_screen(EditScreen(self.detail.row, self.history), saved)

    def action_history(self) -> None:
        photo_id = self.photo_id

        def chosen(correction_id: int | None) -> None:
            item = next((item for item in self.history if item.get("id") == correction_id),
                        None)
            if correction_id is not None and self.catalog.undo_correction(correction_id, item):
                self.show_photo(photo_id)

        self.app.push_screen(HistoryScreen(photo_id, self.history), chosen)

    def action_copy_caption(self) -> None:
        if self.detail is not None:
            self.catalog.copy_text(self.detail.row.get("caption") or "", "caption")

    def action_copy_credit(self) -> None:
        if self.detail is not None:
            self.catalog.copy_text(self.detail.row.get("credit") or "", "credit")

    def action_open_path(self) -> None:
        if self.detail is not None:
            self.catalog.open_path(self.detail.row.get("path") or "")
