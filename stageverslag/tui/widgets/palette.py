"""The command palette in Dutch: Textual's palette with Dutch key descriptions, placeholder and
"nothing found" line (the search itself, fuzzy matching and the commands are Textual's and ours)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
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


class DutchCommands(Provider):
    """The app's commands (``App.get_system_commands``), found by their name or their description: "schrijf"
    finds "Schrijven: Inleiding" (described "Schrijf aan onderdeel 1"), "pdf" finds the build commands."""

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            by_name = matcher.match(name)
            by_help = matcher.match(help_text or "") * 0.9
            if by_name > 0:
                yield Hit(by_name, matcher.highlight(name), callback, text=name, help=help_text)
            elif by_help > 0:
                yield Hit(by_help, name, callback, text=name, help=help_text)
