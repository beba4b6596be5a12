"""Findings: what a rule reports. Codes, categories and severities are part of the stable JSON format."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "fout", "warning": "waarschuwing", "info": "info"}

#: The categories, exactly as documented in the README (JSON format); never rename one.
CATEGORIES = (
    "section-missing", "section-order", "section-empty", "pages", "length", "title-page", "toc",
    "header-footer", "page-numbers", "heading-style", "spelling", "dt", "spreektaal", "style",
    "deadline", "input", "content",
)


@dataclass
class Finding:
    code: str
    category: str
    severity: str
    message: str
    part: str | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None
    #: Markdown drafts: file and 1-based line, for editors and the TUI (not part of the JSON contract)
    file: str | None = None
    line: int | None = None
    #: where a person finds it (filled in after the rules ran, see ``reporters.view.locate``): the sub-heading
    #: above it within its part, the page it is on and how that page was found ("estimate" | "render"), the
    #: words it points at, and a short quote of the text around them
    heading: str | None = None
    page: int | None = None
    page_method: str | None = None
    match: str | None = None
    quote: str | None = None
    #: a place outside the body text that ``paragraph`` cannot name: a table cell, text box or content control,
    #: e.g. {"in": "table", "table": 3, "row": 2, "cell": 1, "after_paragraph": 40} (docs/json-format.md)
    location: dict | None = None

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")

    def to_dict(self) -> dict:
        """The stable JSON form: optional keys appear only where they apply."""
        d = asdict(self)
        return {k: v for k, v in d.items() if v is not None}
