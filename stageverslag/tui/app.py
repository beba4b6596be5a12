"""The companion app: owns the state, switches screens, saves on exit, offers every action in the
command palette (Ctrl+P) with Dutch names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from ..project import Project
from .screens.checking import CheckScreen
from .screens.create import CreateProjectScreen
from .screens.dashboard import DashboardScreen
from .screens.help import HelpScreen
from .screens.writing import WritingScreen
from .state import AppState
from .widgets.palette import DutchCommandPalette, DutchCommands

LIGHT, DARK = "textual-light", "textual-dark"


class StageverslagApp(App):
    """``project`` (loaded) or ``root`` (a folder without a project: the create form opens)."""

    CSS_PATH = "app.tcss"
    TITLE = "Stageverslag"
    COMMANDS = {DutchCommands}  # our commands only, found by name or description (Textual's are English)
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stoppen", priority=True),
        Binding("ctrl+p", "command_palette", "Menu", show=False, priority=True),
        Binding("f1", "help", "Hulp"),
        Binding("ctrl+t", "toggle_theme", "Thema"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, project: Project | None = None, *, root: str | Path | None = None,
                 today: dt.date | None = None, theme: str | None = None):
        super().__init__()
        self.state = AppState(project, today or dt.date.today())
        self.root = Path(root) if root else (project.root if project else Path.cwd())
        self._initial_theme = theme
        self._quit_warned = False

    def on_mount(self) -> None:
        if self._initial_theme:
            self.theme = self._initial_theme
        if self.state.project is None:
            self.push_screen(CreateProjectScreen(self.root))
        else:
            self.push_screen(DashboardScreen())
            self.state.start_language_worker()  # loads the dictionary in its own process meanwhile

    def on_unmount(self) -> None:
        self.state.stop_language_worker()

    # -- navigation (called by screens: messages up, attributes down) -----------------------------------
    def project_created(self, project: Project) -> None:
        self.state.project = project
        self.root = project.root
        self.state.start_language_worker()
        self.switch_screen(DashboardScreen())
        self.notify(f"Je project staat in {project.root}.", title="Project gemaakt")

    def open_part(self, part_id: str, line: int | None = None) -> None:
        """Open the writing screen of a part (at a 1-based line of its draft, if given)."""
        if isinstance(self.screen, WritingScreen):
            if self.screen.part_id == part_id:
                if line:
                    self.screen.go_to_line(line)
                return
            self.screen.save_now()
            self.pop_screen()
        elif not isinstance(self.screen, DashboardScreen):
            self._back_to_dashboard()
        self.push_screen(WritingScreen(part_id, line=line))

    def action_open_check(self) -> None:
        if isinstance(self.screen, CheckScreen):
            return
        self._back_to_dashboard()
        self.push_screen(CheckScreen())

    def run_on_check_screen(self, action: str, *args) -> None:
        """Open the check screen (from anywhere) and start one of its actions: build, pdf, check, annotate."""
        self.action_open_check()
        screen = self.screen
        if isinstance(screen, CheckScreen):
            self.call_after_refresh(getattr(screen, action), *args)

    def action_open_dashboard(self) -> None:
        self._back_to_dashboard()

    def action_open_goals(self) -> None:
        """The learning goals screen (from the dashboard with l, or the palette)."""
        from .screens.goals import GoalsScreen
        if isinstance(self.screen, GoalsScreen):
            return
        self._back_to_dashboard()
        self.push_screen(GoalsScreen())

    def _back_to_dashboard(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, DashboardScreen):
            if isinstance(self.screen, WritingScreen):
                self.screen.save_now()
            self.pop_screen()

    def save_all_drafts(self) -> list[str]:
        errors = self.state.save_all()
        for error in errors:
            self.notify(error, title="Niet opgeslagen", severity="error", timeout=8)
        return errors

    # -- app-wide actions ------------------------------------------------------------------------------
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = DARK if self.theme == LIGHT else LIGHT

    def action_help_quit(self) -> None:
        self.notify("Stoppen doe je met Ctrl+Q; je tekst wordt dan eerst bewaard.", title="Stoppen?")

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(DutchCommandPalette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Save everything first. If the disk refuses, keep running once and put a copy in the temp folder."""
        errors = self.state.save_all() if self.state.project is not None else []
        if errors and not self._quit_warned:
            self._quit_warned = True
            try:
                where = self.state.rescue()
                extra = f" Een reservekopie staat in {where}." if where else ""
            except OSError:
                extra = " Ook een reservekopie lukte niet: kopieer je tekst zelf."
            self.notify(errors[0].split(" Je tekst blijft")[0] + extra
                        + " Druk nog eens Ctrl+Q om toch te stoppen.",
                        title="Niet opgeslagen", severity="error", timeout=15)
            if hasattr(self.screen, "_update_status_line"):
                self.screen._update_status_line()
            return
        self.exit()

    # -- command palette -------------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.state.project is not None:
            yield SystemCommand("Overzicht", "Terug naar het overzicht van je stage: planning, acties, onderdelen",
                                self.action_open_dashboard)
            for n, part in enumerate(self.state.project.profile.parts, 1):
                yield SystemCommand(f"Schrijven: {part.title}", f"Schrijf aan onderdeel {n} in de editor",
                                    lambda pid=part.id: self.open_part(pid))
            yield SystemCommand("Controleren en bouwen", "Controleer je verslag of maak het Word-document",
                                self.action_open_check)
            yield SystemCommand("Leerdoelen", "Je leerdoelen, hun competenties en waar je tekst ze opvolgt",
                                self.action_open_goals)
            yield SystemCommand("Criteria van de handleiding", "Per beoordelingscriterium: wat nagekeken is, wat "
                                "gevonden is en wat alleen je coach kan beoordelen",
                                lambda: self.run_on_check_screen("action_rubric"))
            if not isinstance(screen, CheckScreen):  # the check screen lists its own, with its keys
                yield SystemCommand("Word-document bouwen", "Bouw het verslag als .docx (Word)",
                                    lambda: self.run_on_check_screen("action_build", "full"))
                yield SystemCommand("Pdf maken", "Bouw het verslag als Word-document en als pdf",
                                    lambda: self.run_on_check_screen("action_build", "pdf"))
                yield SystemCommand("Kopie met opmerkingen maken", "Bouw het verslag en zet de bevindingen als "
                                    "opmerkingen in een Word-kopie (nagekeken)",
                                    lambda: self.run_on_check_screen("action_annotate"))
                yield SystemCommand("Volledig verslag controleren", "Controleer de eindversie tegen de handleiding",
                                    lambda: self.run_on_check_screen("action_check", "final"))
        if isinstance(screen, WritingScreen):
            yield SystemCommand("Opslaan", "Bewaar de tekst nu", screen.action_save)
            yield SystemCommand("Taalfouten tonen", "Spring naar de lijst met taalfouten",
                                screen.action_toggle_focus)
            yield SystemCommand("Woord toevoegen aan woordenlijst", "Het woord onder de cursor of de gekozen fout",
                                screen.action_add_word)
            yield SystemCommand("Onderdeel klaar", "Zet dit onderdeel op klaar (of terug op bezig)",
                                screen.action_toggle_done)
        if isinstance(screen, CheckScreen):
            yield SystemCommand("Eerste deel controleren", "Controle voor de tussentijdse upload",
                                lambda: screen.action_check("midterm"))
            yield SystemCommand("Volledig verslag controleren", "Controle van de eindversie",
                                lambda: screen.action_check("final"))
            yield SystemCommand("Ander .docx-bestand controleren", "Geef het pad van een Word-document",
                                screen.action_other)
            yield SystemCommand("Word-document bouwen", "Het volledige verslag als .docx",
                                lambda: screen.action_build("full"))
            yield SystemCommand("Geraamte bouwen", "Een .docx met de hulpvragen als plaatshouders",
                                lambda: screen.action_build("skeleton"))
            yield SystemCommand("Word en pdf bouwen", "Het verslag als .docx en als pdf",
                                lambda: screen.action_build("pdf"))
            yield SystemCommand("Kopie met opmerkingen maken", "De bevindingen als opmerkingen in een Word-kopie "
                                "(nagekeken) van het laatst gecontroleerde .docx of van je verslag",
                                screen.action_annotate)
        if isinstance(screen, DashboardScreen):
            yield SystemCommand("Schrijven wat nu moet", "Open het onderdeel van deze week", screen.action_write_now)
            done = self.state.project.progress()["acties"]
            for action in self.state.project.profile.actions:
                verb = "Niet meer afgevinkt" if action.id in done else "Afvinken"
                yield SystemCommand(f"{verb}: {action.title}", action.detail or "Een actie uit je planning",
                                    lambda aid=action.id: screen.toggle_action(aid))
        yield SystemCommand("Licht of donker thema", "Wissel tussen een licht en een donker scherm",
                            self.action_toggle_theme)
        yield SystemCommand("Hulp", "Uitleg over de toetsen en de schermen", self.action_help)
        yield SystemCommand("Stoppen", "Bewaar alles en sluit de schrijfhulp", self.action_quit)
