"""Learning goals: the project's goals (``leerdoelen.toml``) in a table, with the competences they cover and where
the drafts do not come back to them yet; a form to add a goal or note where one stands halfway and at the end.

Reading and writing go through the service layer (:func:`stageverslag.service.goals`, ``save_goals``,
``goals_overview``), the same functions as ``stageverslag doelen``.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

FIELDS = [("doel", "Doel (één zin)"), ("competenties", "Competenties (bv. LR6, LR9)"),
          ("halverwege_stand", "Halverwege: stand"), ("halverwege_bewijs", "Halverwege: bewijs"),
          ("einde_stand", "Op het einde: stand"), ("einde_bewijs", "Op het einde: bewijs")]


def render_summary(ov, profile) -> Text:
    """Competences covered and goals the drafts do not come back to (the dashboard shows the same line)."""
    text = Text()
    if not ov.goals:
        text.append("Nog geen leerdoelen. ", style="bold")
        text.append("Ctrl+N voegt er een toe; ze komen in leerdoelen.toml in je project.")
        return text
    text.append(f"{len(ov.goals)} leerdoelen", style="bold")
    if ov.source == "tekst":
        text.append(" (gelezen uit je uitgangspunten; bewaar ze hier om competenties en je stand te noteren)")
    text.append(f"\nCompetenties: {', '.join(ov.covered) or 'nog geen'}")
    if ov.uncovered:
        text.append(f"  ·  niet in een doel: {', '.join(ov.uncovered)}", style="dim")
    titles = {p.id: p.title for p in profile.parts}
    missing = []
    for trace in ov.traces:
        parts = [titles[p] for p in trace.missing]
        if ov.source == "project" and trace.stated is None and "uitgangspunten" in ov.parts:
            parts.insert(0, titles["uitgangspunten"])
        if parts:
            missing.append(f"doel {trace.number}: {', '.join(parts)}")
    if missing:
        text.append("\nKomt nog niet terug in je tekst: ", style="bold yellow")
        text.append("; ".join(missing))
    elif ov.parts:
        text.append("\nElk doel komt terug in je tekst.", style="green")
    return text


def dashboard_line(ov) -> str:
    """One short line for the dashboard (on the border under the parts): goals, competences, goals not yet back."""
    if not ov.goals:
        return "Leerdoelen: nog geen (l)"
    missing = [t.number for t in ov.not_revisited()]
    line = f"{len(ov.goals)} leerdoelen · {len(ov.covered)} van {len(ov.covered) + len(ov.uncovered)} LR"
    if missing:
        line += f" · doel {', '.join(map(str, missing))} nog niet terug"
    return line + " (l)"


class GoalsScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "save", "Bewaren"),
        Binding("ctrl+n", "new", "Nieuw doel"),
        Binding("ctrl+r", "delete", "Verwijderen"),
        Binding("escape", "back", "Terug"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.goals: list = []
        self.selected: int | None = None  # index of the goal in the form; None = a new goal

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="goals-screen"):
            yield Static(id="goals-summary")
            yield DataTable(id="goals-table", cursor_type="row", zebra_stripes=True)
            with Vertical(id="goals-form"):
                for key, label in FIELDS:
                    with Horizontal(classes="goal-field"):
                        yield Label(label, classes="goal-label")
                        yield Input(id=f"goal-{key}")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Leerdoelen"
        self.query_one("#goals-summary").border_title = "Leerdoelen"
        self.query_one("#goals-form").border_title = "Nieuw doel (Ctrl+S = bewaren)"
        table = self.query_one(DataTable)
        table.add_columns("Nr", "Doel", "Competenties", "Halverwege", "Einde", "Terug in je tekst")
        self.reload()
        table.focus()

    # -- data -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        from ... import service
        from ...errors import UserError
        project = self.app.state.project
        try:
            ov = service.goals_overview(project)
        except UserError as exc:
            self.query_one("#goals-summary", Static).update(Text(str(exc), style="bold red"))
            return
        self.goals = list(ov.goals)
        self.query_one("#goals-summary", Static).update(render_summary(ov, project.profile))
        table = self.query_one(DataTable)
        table.clear()
        titles = {p.id: p.title.split()[0] for p in project.profile.parts}
        for i, (goal, trace) in enumerate(zip(self.goals, ov.traces), 1):
            back = "ja" if not trace.missing else "niet in " + ", ".join(titles[p] for p in trace.missing)
            table.add_row(str(i), goal.text, ", ".join(goal.competences), goal.halverwege.stand,
                          goal.einde.stand, back, key=str(i - 1))
        self.fill_form(None)

    def fill_form(self, index: int | None) -> None:
        self.selected = index
        goal = self.goals[index] if index is not None else None
        values = {
            "doel": goal.text if goal else "", "competenties": ", ".join(goal.competences) if goal else "",
            "halverwege_stand": goal.halverwege.stand if goal else "",
            "halverwege_bewijs": goal.halverwege.bewijs if goal else "",
            "einde_stand": goal.einde.stand if goal else "", "einde_bewijs": goal.einde.bewijs if goal else ""}
        for key, value in values.items():
            self.query_one(f"#goal-{key}", Input).value = value
        self.query_one("#goals-form").border_title = (
            f"Leerdoel {index + 1} (Ctrl+S = bewaren)" if index is not None else "Nieuw doel (Ctrl+S = bewaren)")

    @on(DataTable.RowSelected, "#goals-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.fill_form(int(event.row_key.value))
        self.query_one("#goal-doel", Input).focus()

    # -- actions --------------------------------------------------------------------------------------
    def action_new(self) -> None:
        self.fill_form(None)
        self.query_one("#goal-doel", Input).focus()

    def action_save(self) -> None:
        from ... import service
        from ...errors import UserError
        from ...goals import Goal, Standing, _competence_list
        project = self.app.state.project
        value = {key: self.query_one(f"#goal-{key}", Input).value.strip() for key, _ in FIELDS}
        if not value["doel"]:
            self.app.notify("Schrijf eerst het doel in één zin.", title="Niet bewaard", severity="warning")
            return
        try:
            comps = _competence_list(value["competenties"], "Competenties", project.profile.competences or None)
        except UserError as exc:
            self.app.notify(str(exc), title="Niet bewaard", severity="warning", timeout=8)
            return
        goal = Goal(" ".join(value["doel"].split()), comps,
                    Standing(value["halverwege_stand"], value["halverwege_bewijs"]),
                    Standing(value["einde_stand"], value["einde_bewijs"]))
        goals = list(self.goals)
        if self.selected is None:
            goals.append(goal)
        else:
            goals[self.selected] = goal
        try:
            path = service.save_goals(project, goals)
        except (UserError, OSError) as exc:
            self.app.notify(f"Kon de leerdoelen niet bewaren: {getattr(exc, 'strerror', None) or exc}",
                            title="Niet bewaard", severity="error", timeout=8)
            return
        self.app.notify(f"Bewaard in {path.name}.", title="Leerdoelen")
        self.reload()

    def action_delete(self) -> None:
        from ... import service
        if self.selected is None:
            table = self.query_one(DataTable)
            if not self.goals or table.cursor_row is None:
                return
            self.selected = table.cursor_row
        goals = [g for i, g in enumerate(self.goals) if i != self.selected]
        service.save_goals(self.app.state.project, goals)
        self.app.notify(f"Leerdoel {self.selected + 1} verwijderd.", title="Leerdoelen")
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
