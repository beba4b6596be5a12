"""A list of language findings (spelling, dt, spreektaal, style) of the text being written; choosing
one tells the writing screen to select its place in the editor."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CATEGORY_LABELS = {"spelling": "spelling", "dt": "dt-fout", "spreektaal": "spreektaal", "style": "stijl"}


def issue_prompt(issue, text: str) -> Text:
    found = text[issue.start:issue.end] if issue.start is not None else ""
    out = Text()
    out.append(f"{CATEGORY_LABELS.get(issue.category, issue.category)}: ", style="bold")
    if found:
        out.append(f"“{found}” ")
    if getattr(issue, "suggestion", None):
        out.append(f"→ {issue.suggestion} ", style="bold")
    out.append(f"— {issue.message}", style="dim")
    return out


class FindingsList(OptionList):
    """Holds the current issues (attribute ``issues``); option ids are their indexes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.issues: list = []

    def show(self, issues, text: str) -> None:
        self.issues = list(issues)
        self.clear_options()
        self.add_options([Option(issue_prompt(i, text), id=str(n)) for n, i in enumerate(self.issues)])

    def show_message(self, message: str) -> None:
        self.issues = []
        self.clear_options()
        self.add_option(Option(message, disabled=True))

    def current_issue(self):
        if self.highlighted is None or not self.issues:
            return None
        return self.issues[self.highlighted] if self.highlighted < len(self.issues) else None
