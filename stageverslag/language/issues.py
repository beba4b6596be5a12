"""What the language checks find, as facts: an :class:`Issue` with offsets into one text, and a :class:`Fact`
(an issue placed in a document: paragraph, part, draft file and line).

The engine knows no rule codes, severities or final wording: the language rules in ``checks/`` turn
facts into findings with their own code, severity and Dutch message (see ``stageverslag.rules``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: the kinds of issue the engine finds (each is one analysis a rule can ask for)
CATEGORIES = ("spelling", "dt", "spreektaal", "style")
#: dictionary look-ups allowed for spelling suggestions per check (one look-up = one candidate spelling tried);
#: after that, findings come with the cheap suggestions only, and after ``spelling.CHEAP_EXTRA`` more none at all
SUGGESTION_BUDGET = 4000


@dataclass
class Issue:
    category: str  # spelling | dt | spreektaal | style
    message: str  # Dutch, one line: what was found (the engine's description)
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    explanation: str = ""  # Dutch, one line a student understands
    #: set only by an outside checker (LanguageTool) that grades its own matches; ours leave it to the rule
    severity: str = ""
    source: str = "stageverslag"  # or "languagetool"

    @property
    def suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None


@dataclass
class Fact:
    """An issue placed in a document: which paragraph (and its text), which part, which draft file and line."""

    issue: Issue
    text: str  # the whole paragraph's text (the issue's offsets point into it)
    part: str | None = None
    paragraph: int | None = None
    file: str | None = None
    line: int | None = None
    #: where a paragraph outside the body is (table cell, text box ...), see document.outline.location_of
    location: dict | None = None

    category = property(lambda self: self.issue.category)
    message = property(lambda self: self.issue.message)
    explanation = property(lambda self: self.issue.explanation)
    suggestion = property(lambda self: self.issue.suggestion)
    suggestions = property(lambda self: self.issue.suggestions)
    severity = property(lambda self: self.issue.severity)
    source = property(lambda self: self.issue.source)
    start = property(lambda self: self.issue.start)
    end = property(lambda self: self.issue.end)

    @property
    def wrong(self) -> str:
        """The words the issue is about."""
        return self.text[self.issue.start:self.issue.end]

    def where(self) -> dict:
        """The location fields of a Finding for this fact."""
        from ..findings import Finding
        out = dict(part=self.part, paragraph=self.paragraph, start=self.start, end=self.end,
                   suggestion=self.suggestion, file=self.file, line=self.line)
        if self.location is not None and "location" in getattr(Finding, "__dataclass_fields__", {}):
            out["location"] = self.location
        return out


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
