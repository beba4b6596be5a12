"""The action checklist (feedback conversation, interviews, uploads, paper copy): a selection list whose
ticks the dashboard stores with ``Project.set_action``."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection


def short_date(day) -> str:
    return f"{day.day}/{day.month}"


def action_label(action) -> str:
    if action.done:
        when = "gedaan"
    elif action.overdue:
        when = f"te laat, was {short_date(action.due)}"
    else:
        when = f"tegen {short_date(action.due)}"
    return f"{action.title} ({when})"


class ActionChecklist(SelectionList[str]):
    """Space or a click ticks an action; the screen hears ``SelectionList.SelectionToggled``.

    Textual draws the same "X" for ticked and open items and tells them apart by colour only; here an open
    item shows an empty box, so the list also reads right in a monochrome terminal or a screen reader."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset[1] + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if (selection.value not in self.selected and len(segments) > 1
                and segments[1].text == Checkbox.BUTTON_INNER):
            inner = segments[1]
            segments[1] = Segment(" " * len(inner.text), inner.style, inner.control)
            return Strip(segments, strip.cell_length)
        return strip

    def action_select(self) -> None:
        """Space works at once: before any arrow key it ticks the first action (Textual did nothing)."""
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
        super().action_select()

    def show(self, actions) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Selection(action_label(a), a.id, a.done) for a in actions])
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
