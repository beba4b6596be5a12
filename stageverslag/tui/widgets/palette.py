"""The command palette in Dutch: Textual's palette with Dutch key descriptions, placeholder and
"nothing found" line (the search itself, fuzzy matching and the commands are Textual's and ours)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

NO_MATCHES = "Geen opdracht gevonden"


class DutchCommandPalette(CommandPalette):
    BINDINGS = [
        Binding("ctrl+end, shift+end", "command_list('last')", "Naar het einde", show=False),
        Binding("ctrl+home, shift+home", "command_list('first')", "Naar het begin", show=False),
        Binding("down", "cursor_down", "Volgende opdracht", show=False),
        Binding("escape", "escape", "Sluiten"),
        Binding("pagedown", "command_list('page_down')", "Volgende pagina", show=False),
        Binding("pageup", "command_list('page_up')", "Vorige pagina", show=False),
        Binding("up", "command_list('cursor_up')", "Vorige opdracht", show=False),
    ]

    def __init__(self, **kwargs):
        super().__init__(placeholder="Zoek een opdracht…", **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's (8.x), with a Dutch line when a search finds nothing."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
