"""The guiding questions of a part, its writing window and tip, shown beside the editor."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def render_questions(part, window: tuple[int, int], week: int | None) -> Text:
    first, last = window
    text = Text()
    text.append(part.title + "\n", style="bold")
    when = f"week {first}" if first == last else f"week {first} tot {last}"
    text.append(f"Schrijven in {when}")
    if week is not None:
        text.append(f" (nu week {week})")
    text.append("\n")
    if part.hint:
        text.append(f"Tip: {part.hint}\n", style="italic")
    groups = [("", part.questions)] + [(s.title, s.questions) for s in part.subsections]
    for title, questions in groups:
        if not questions:
            continue
        text.append("\n" + (f"{title}:" if title else "Hulpvragen:") + "\n", style="bold")
        for q in questions:
            text.append(f"• {q}\n")
    return text


class QuestionsPanel(Static):
    DEFAULT_CSS = "QuestionsPanel { height: auto; }"

    def show(self, part, window, week) -> None:
        self.update(render_questions(part, window, week))
