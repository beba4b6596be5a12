"""The internship weeks as one row of cells, this week highlighted, the terugkommoment and the
deadlines marked underneath."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

CELL = 4


class Timeline(Static):
    """Shows a :class:`~stageverslag.schedule.Status` as a week strip (attributes down: call :meth:`show`)."""

    DEFAULT_CSS = "Timeline { height: auto; }"

    def show(self, st) -> None:
        self.update(render_timeline(st))


def _headline(st) -> str:
    if st.phase == "voor":
        return f"Je stage begint over {(st.schedule.start - st.today).days} dagen."
    if st.phase == "na":
        return "Je stage is voorbij."
    if st.phase == "tussen":
        return "Je zit tussen je twee stageplaatsen."
    return f"Week {st.week} van {st.weeks}"


def render_timeline(st) -> Text:
    sch = st.schedule
    tkm = sch.terugkommoment_week
    mid = sch.week_of(sch.midterm_deadline)
    text = Text()
    text.append(_headline(st), style="bold")
    text.append("   ▲ nu   T terugkommoment" + (" (geschat)" if sch.terugkommoment_estimated else "")
                + ("   D eerste deel opladen" if mid and mid != tkm else ""), style="dim")
    text.append("\n")
    marks = []
    for week in range(1, st.weeks + 1):
        if st.week is not None and week == st.week:
            style = "bold reverse"
        elif st.week is not None and week < st.week or st.phase == "na":
            style = "dim"
        else:
            style = ""
        if week == tkm:
            style += " underline"
        text.append(f"{week:^{CELL}}", style=style.strip() or None)
        mark = "▲" if week == st.week else ("T" if week == tkm else ("D" if week == mid else ""))
        marks.append(f"{mark:^{CELL}}")
    text.append("\n" + "".join(marks).rstrip(), style="bold")
    return text
