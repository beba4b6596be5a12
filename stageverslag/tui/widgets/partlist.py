"""Per part of the report: its writing window, state (leeg, bezig, klaar) and words; Enter opens it."""

from __future__ import annotations

from textual.widgets import DataTable

PLAN_LABELS = {"nu": "nu schrijven", "later": "later", "achter": "achterstand", "klaar": "",
               "voorbij": "voorbij", "laat": "te laat"}


def part_state(p) -> str:
    if p.done:
        return "klaar"
    return "bezig" if p.words else "leeg"


class PartList(DataTable):
    """Rows keyed by part id; ``DataTable.RowSelected`` tells the screen which part to open."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column("Onderdeel", key="title")
        self.add_column("Woorden", key="words")
        self.add_column("Stand", key="state")
        self.add_column("Weken", key="weeks")
        self.add_column("Planning", key="plan")

    def show(self, parts) -> None:
        row = self.cursor_row
        self.clear()
        for i, p in enumerate(parts, 1):
            weeks = f"{p.first_week}" if p.first_week == p.last_week else f"{p.first_week}–{p.last_week}"
            title = p.title if len(p.title) <= 30 else p.title[:29] + "…"
            self.add_row(f"{i} {title}", f"{p.words:>5}", part_state(p), weeks, PLAN_LABELS[p.state], key=p.id)
        if parts:
            self.move_cursor(row=min(row, len(parts) - 1))
