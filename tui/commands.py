"""Our commands in Textual's command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

#: (palette name, what it does, app action to run)
COMMANDS = (
    ("Search", "Put the cursor in the search box", "focus_search"),
    ("Narrow results", "Show or hide the agency, photographer, country and date filters",
     "toggle_filters"),
    ("Sort by date / relevance", "Switch the order of the results", "toggle_order"),
    ("Clear search and filters", "Start again from every photo, newest first", "clear"),
    ("Open photo", "Show the highlighted photo in full", "open_selected"),
    ("Copy caption", "Copy the highlighted photo's caption", "copy_caption"),
    ("Copy credit", "Copy the highlighted photo's credit line", "copy_credit"),
    ("Export results", "Write the current results to CSV or JSON lines", "export"),
    ("Light / dark theme", "Switch between the light and the dark theme", "toggle_dark"),
    ("Help", "List every key binding", "help"),
)


class CatalogCommands(Provider):
    """Offers the picture desk's actions by name."""

    async def discover(self) -> Hits:
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action),
                          help=help_text)
