"""What the language checks report on a piece of text: an :class:`Issue` with offsets into that text."""

from __future__ import annotations

from dataclasses import dataclass, field

#: language category -> (rule code, default severity)
CODES = {
    "spelling": ("SV501", "warning"),
    "dt": ("SV502", "error"),
    "spreektaal": ("SV503", "warning"),
    "style": ("SV504", "warning"),
}


@dataclass
class Issue:
    category: str  # spelling | dt | spreektaal | style
    message: str  # Dutch, one line
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    explanation: str = ""  # Dutch, one line a student understands
    severity: str = ""
    source: str = "stageverslag"  # or "languagetool"

    def __post_init__(self):
        if not self.severity:
            self.severity = CODES[self.category][1]

    @property
    def suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def code(self) -> str:
        return CODES[self.category][0]


def merge(ours: list[Issue], theirs: list[Issue]) -> list[Issue]:
    """Ours plus theirs without duplicates: a match with the same category and an overlapping span as one
    of ours is dropped (we keep our explanation)."""
    out = list(ours)
    for issue in theirs:
        if any(o.category == issue.category and o.start < issue.end and issue.start < o.end for o in ours):
            continue
        if any(o.start == issue.start and o.end == issue.end and o.category == issue.category for o in out):
            continue
        out.append(issue)
    return sorted(out, key=lambda i: (i.start, i.end, i.category))
