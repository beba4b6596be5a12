"""The dashboard: this week on the timeline, what to write now and what is overdue, the next deadlines,
the action checklist, and per part its state and words, with the total length against the limits.

Length and pages are those of the report as ``stageverslag build`` would make it (title page and table of
contents included, as the handbook counts them). Measuring that takes a few tenths of a second, so a
worker thread does it after the first screen is up and again a moment after the drafts changed; until it
returns the drafts' own word count is shown. Results are remembered per drafts' content (see
:meth:`AppState.report_key`), and one that arrives after the drafts changed again is dropped.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, SelectionList, Static
from textual.worker import get_current_worker

from .. import state as st_mod

from ..widgets.checklist import ActionChecklist, short_date
from ..widgets.partlist import PartList
from ..widgets.timeline import Timeline


DEADLINE_LABELS = {"terugkommoment": "Terugkommoment", "midterm": "Eerste deel opladen",
                   "einde": "Laatste stagedag", "final": "Eindversie opladen"}


def _numbers(parts, all_parts) -> str:
    ids = [p.id for p in all_parts]
    nums = [str(ids.index(p.id) + 1) for p in parts]
    return nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " en " + nums[-1]


def render_planning(st, project, size=None) -> Text:
    """What to write now, what is overdue (by part number), the next deadlines, and the length: of the
    built report when ``size`` (a :class:`ReportSize`) is known, else the drafts' words while it is measured."""
    text = Text()
    if st.write_now:
        word = "onderdeel" if len(st.write_now) == 1 else "onderdelen"
        text.append("Nu schrijven: ", style="bold")
        text.append(f"{word} {_numbers(st.write_now, st.parts)}\n")
    elif st.phase == "stage":
        text.append("Nu schrijven: ", style="bold")
        text.append("werk bij wat je hebt\n")
    late = [p for p in st.overdue_parts if p.state == "laat"]
    behind = [p for p in st.overdue_parts if p.state != "laat"]
    if late:
        word = "onderdeel" if len(late) == 1 else "onderdelen"
        text.append(f"Te laat (eerste deel moest {short_date(late[0].due)} op Canvas): {word} "
                    f"{_numbers(late, st.parts)}\n", style="bold red")
    if behind:
        word = "onderdeel" if len(behind) == 1 else "onderdelen"
        text.append(f"Achterstand: {word} {_numbers(behind, st.parts)}\n", style="bold red")
    upcoming = [d for d in st.deadlines if d.days_left >= 0][:3] or st.deadlines[-1:]
    for d in upcoming:
        label = DEADLINE_LABELS.get(d.id, d.title)
        text.append(f"{label}: ", style="bold")
        text.append(f"{short_date(d.date)}, {d.countdown}\n")
    render_length(text, st, project.profile.limits, size)
    if st.penalty:
        text.append(f"\n{st.penalty}", style="bold red")
    return text


def render_length(text: Text, st, lim, size) -> None:
    """The length lines; a number outside the handbook's limits is shown in italics."""
    def outside(value, low, high):
        return None if low <= value <= high else "italic"
    if size is None or size.error:  # three lines too, so the boxes below do not jump when it arrives
        text.append("Je teksten: ", style="bold")
        text.append(f"{st.total_words} woorden")
        text.append("\nVerslag zoals gebouwd:", style="bold")
        text.append("\n  pagina's: berekenen…" if size is None else "\n  niet te meten (zie de melding)",
                    style="italic")
        return
    text.append("Verslag zoals gebouwd:", style="bold")
    text.append(f"\n  {size.length_value} {lim.unit_label} ",
                style=outside(size.length_value, lim.length_min, lim.length_max))
    text.append(f"({lim.length_min}–{lim.length_max})")
    if size.pages is not None:
        text.append(f"\n  ± {size.pages} blz. ", style=outside(size.pages, lim.pages_min, lim.pages_max))
        text.append(f"({lim.pages_min}–{lim.pages_max}), {size.method_label}")


class DashboardScreen(Screen):
    """Reads the status from the app state each time it is shown (after writing, after ticking)."""

    BINDINGS = [
        Binding("s", "write_now", "Schrijven"),
        Binding("c", "app.open_check", "Controleren"),
        Binding("l", "app.open_goals", "Leerdoelen"),
        Binding("r", "refresh_status(True)", "Vernieuwen", show=False),
    ] + [Binding(str(n), f"open_part({n})", f"Onderdeel {n}", show=False) for n in range(1, 10)]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._status = None
        self._measure_timer: Timer | None = None
        self._measuring = False  # one measurement at a time; a newer request waits for it

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
        self.refresh_status(plan=False)
        self.query_one(PartList).focus()
        # after the first screen is drawn and a short pause: a student who opens a part at once types while
        # it would build the report in a thread of this process (it waits until the dashboard is back)
        self._measure_timer = self.set_timer(st_mod.MEASURE_DELAY, self._start_measure)

    def on_screen_resume(self) -> None:
        self.refresh_status()

    def refresh_status(self, remeasure: bool = False, plan: bool = True) -> None:
        """Read the status again; measure the report again when its drafts changed (or ``remeasure``)."""
        state = self.app.state
        if remeasure:
            state.forget_report_size()
        st = self._status = state.status()
        cfg = state.project.config
        self.sub_title = f"{cfg.student} — {cfg.company}"
        self.query_one(Timeline).show(st)
        self.show_length(plan)
        self.query_one(ActionChecklist).show(st.actions)
        self.query_one(PartList).show(st.parts)
        self.show_goals()

    # -- learning goals (worker: reading the drafts and matching the goals takes a moment) --------------------
    def show_goals(self) -> None:
        self.goals_line()

    @work(thread=True, exclusive=True, group="leerdoelen", name="leerdoelen")
    def goals_line(self) -> None:
        from ... import service
        from ...errors import UserError
        from .goals import dashboard_line
        worker = get_current_worker()
        try:
            line = dashboard_line(service.goals_overview(self.app.state.project))
        except UserError as exc:
            line = f"Leerdoelen: {exc}"
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_goals_line, line)

    def _show_goals_line(self, line: str) -> None:
        """Under the parts, on the border (no extra line: the dashboard fits 80x24)."""
        if self.is_mounted:
            self.query_one(PartList).border_subtitle = line

    def action_refresh_status(self, remeasure: bool = False) -> None:
        self.refresh_status(remeasure)

    # -- length and pages of the built report (worker) -----------------------------------------------------
    def show_length(self, plan: bool = True) -> bool:
        """Show the remembered measurement of the drafts as they are now; without one, show the drafts'
        words and (with ``plan``) plan a measurement after a short pause. True when the numbers are shown."""
        state = self.app.state
        size = state.report_size(state.report_key())
        self.query_one("#planning", Static).update(render_planning(self._status, state.project, size))
        if size is None and plan:
            if self._measure_timer is not None:
                self._measure_timer.stop()
            self._measure_timer = self.set_timer(st_mod.MEASURE_DELAY, self._start_measure)
        return size is not None

    @property
    def measuring(self) -> bool:
        """True while the numbers shown are not yet those of the drafts on disk (tests wait on this)."""
        state = self.app.state
        return self._measuring or state.report_size(state.report_key()) is None

    def _start_measure(self) -> None:
        state = self.app.state
        if self._measuring or state.report_size(state.report_key()) is not None:
            return  # one runs already (its return checks for news) or nothing changed
        if not self.is_current:
            return  # another screen is in front: measured when the dashboard is back (refresh_status)
        self._measuring = True
        self.measure_report()

    @work(thread=True, group="lengte", name="lengte van het verslag")
    def measure_report(self) -> None:
        worker = get_current_worker()
        state = self.app.state
        key = state.report_key()
        size = state.measure_report()
        if state.report_key() != key:
            size = None  # the drafts changed while it was measured: stale
        if not worker.is_cancelled:  # a message, not call_from_thread: never blocks a closing app
            self.post_message(self.Measured(key, size))

    class Measured(Message):
        """The worker's result: ``size`` is None when the drafts changed while it measured."""

        def __init__(self, key: str, size) -> None:
            super().__init__()
            self.key, self.size = key, size

    def on_dashboard_screen_measured(self, message: Measured) -> None:
        self._measuring = False
        if message.size is not None:
            self.app.state.remember_report_size(message.key, message.size)
            if message.size.error:
                self.app.notify(f"Lengte en pagina's van je verslag konden niet gemeten worden: "
                                f"{message.size.error}", title="Niet gemeten", severity="warning", timeout=10)
        if self.is_mounted and self._status is not None:
            self.show_length()  # when the drafts changed meanwhile, this plans the next measurement

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
