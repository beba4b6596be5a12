"""The dashboard: this week on the timeline, what to write now and what is overdue, the next deadlines,
the action checklist, and per part its state and words, with the total length against the limits."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, SelectionList, Static

from ..widgets.checklist import ActionChecklist, short_date
from ..widgets.partlist import PartList
from ..widgets.timeline import Timeline


DEADLINE_LABELS = {"terugkommoment": "Terugkommoment", "midterm": "Eerste deel opladen",
                   "einde": "Laatste stagedag", "final": "Eindversie opladen"}


def _numbers(parts, all_parts) -> str:
    ids = [p.id for p in all_parts]
    nums = [str(ids.index(p.id) + 1) for p in parts]
    return nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " en " + nums[-1]


def render_planning(st, project, pages: float | None) -> Text:
    """What to write now, what is overdue (by part number), the next deadlines, the length."""
    text = Text()
    if st.write_now:
        word = "onderdeel" if len(st.write_now) == 1 else "onderdelen"
        text.append("Nu schrijven: ", style="bold")
        text.append(f"{word} {_numbers(st.write_now, st.parts)}\n")
    elif st.phase == "stage":
        text.append("Nu schrijven: ", style="bold")
        text.append("werk bij wat je hebt\n")
    if st.overdue_parts:
        word = "onderdeel" if len(st.overdue_parts) == 1 else "onderdelen"
        text.append(f"Achterstand: {word} {_numbers(st.overdue_parts, st.parts)}\n", style="bold red")
    upcoming = [d for d in st.deadlines if d.days_left >= 0][:3] or st.deadlines[-1:]
    for d in upcoming:
        label = DEADLINE_LABELS.get(d.id, d.title)
        text.append(f"{label}: ", style="bold")
        text.append(f"{short_date(d.date)}, {d.countdown}\n")
    lim = project.profile.limits
    in_range = lim.length_min <= st.total_words <= lim.length_max
    text.append("Lengte: ", style="bold")
    text.append(f"{st.total_words} {lim.unit_label} ({lim.length_min}–{lim.length_max})",
                style=None if in_range else "italic")
    if pages is not None:
        text.append(f"\nPagina's: ± {pages:.0f} ({lim.pages_min}–{lim.pages_max})")
    if st.penalty:
        text.append(f"\n{st.penalty}", style="bold red")
    return text


class DashboardScreen(Screen):
    """Reads the status from the app state each time it is shown (after writing, after ticking)."""

    BINDINGS = [
        Binding("s", "write_now", "Schrijven"),
        Binding("c", "app.open_check", "Controleren"),
        Binding("r", "refresh_status", "Vernieuwen", show=False),
    ] + [Binding(str(n), f"open_part({n})", f"Onderdeel {n}", show=False) for n in range(1, 10)]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            yield Timeline(id="timeline")
            with Horizontal(id="dash-row"):
                yield Static(id="planning")
                with Vertical(id="actions-box"):
                    yield ActionChecklist(id="actions")
            yield PartList(id="parts")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#actions-box").border_title = "Acties (spatie = afvinken)"
        self.query_one("#planning").border_title = "Planning"
        self.query_one(PartList).border_title = "Onderdelen (Enter = schrijven)"
        self.refresh_status()
        self.query_one(PartList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        state = self.app.state
        st = state.status()
        cfg = state.project.config
        self.sub_title = f"{cfg.student} — {cfg.company}"
        self.query_one(Timeline).show(st)
        self.query_one("#planning", Static).update(render_planning(st, state.project, state.pages(st)))
        self.query_one(ActionChecklist).show(st.actions)
        self.query_one(PartList).show(st.parts)

    def action_refresh_status(self) -> None:
        self.refresh_status()

    @on(SelectionList.SelectionToggled, "#actions")
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        action_id = event.selection.value
        self.set_action(action_id, action_id in event.selection_list.selected)

    def toggle_action(self, action_id: str) -> None:
        """From the command palette: tick or untick one action."""
        self.set_action(action_id, action_id not in self.app.state.project.progress()["acties"])

    def set_action(self, action_id: str, done: bool) -> None:
        try:
            self.app.state.set_action(action_id, done)
        except OSError as exc:
            self.app.notify(f"Kon de voortgang niet bewaren: {exc.strerror or exc}.", severity="error",
                            title="Niet opgeslagen")
        self.refresh_status()

    @on(DataTable.RowSelected, "#parts")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_part(event.row_key.value)

    def action_open_part(self, n: int) -> None:
        ids = self.app.state.project.profile.part_ids
        if 1 <= n <= len(ids):
            self.app.open_part(ids[n - 1])

    def action_write_now(self) -> None:
        """The part to write this week, else the one under the cursor."""
        st = self.app.state.status()
        if st.write_now:
            self.app.open_part(st.write_now[0].id)
            return
        table = self.query_one(PartList)
        ids = self.app.state.project.profile.part_ids
        self.app.open_part(ids[max(0, min(table.cursor_row, len(ids) - 1))])
