"""The action checklist (feedback conversation, interviews, uploads, paper copy): a selection list whose
ticks the dashboard stores with ``Project.set_action``."""

from __future__ import annotations

from textual.widgets import SelectionList
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
    """Space or a click ticks an action; the screen hears ``SelectionList.SelectionToggled``."""

    def show(self, actions) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([Selection(action_label(a), a.id, a.done) for a in actions])
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
