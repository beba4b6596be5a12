"""The coach's overview: one row per student, the same facts for the CSV and the HTML report.

A row holds the student (Canvas's name, or the file name), the file, the stage, whether it came late (from
Canvas's ``LATE`` mark; empty when unknown), a verdict (``in orde``, ``niet in orde``, ``onleesbaar``, or
``niet nagekeken`` when the check itself stopped), the counts, pages and words, and one short Dutch verdict
per check group: ``ok``, or the number of problems and the first one. Several files of one student are one
row: the readable report with the most words is the one judged, the others are named in ``bestand``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..canvas import student_of
from . import plural

#: check groups, in the order a coach reads a report: Dutch header -> categories
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("onderdelen", ("section-missing", "section-order", "section-empty")),
    ("inhoud", ("content",)),
    ("omvang", ("pages", "length")),
    ("titelpagina", ("title-page",)),
    ("inhoudsopgave", ("toc",)),
    ("kop- en voettekst", ("header-footer", "page-numbers")),
    ("koppen", ("heading-style",)),
    ("spelling", ("spelling",)),
    ("dt-fouten", ("dt",)),
    ("spreektaal en stijl", ("spreektaal", "style")),
    ("termijn", ("deadline",)),
)
OTHER_GROUP = "overige"
_GROUPED = {c for _, cats in GROUPS for c in cats} | {"input"}

BASE_COLUMNS = ["student", "bestand", "fase", "laat", "oordeel", "fouten", "waarschuwingen", "pagina's", "woorden"]
ANNOTATED_COLUMN = "kopie met opmerkingen"
#: why a file could not be judged (unreadable, not checkable, or the check stopped); only when a row needs it
REASON_COLUMN = "toelichting"
STAGES = {"final": "eindversie", "midterm": "tussentijdse versie"}
VERDICTS = ("niet in orde", "onleesbaar", "niet nagekeken", "in orde")
FIRST_PROBLEM_CHARS = 90


def group_of(category: str) -> str:
    for name, cats in GROUPS:
        if category in cats:
            return name
    return OTHER_GROUP


def stopped(report) -> bool:
    """The check itself stopped (a dead worker, a bug in stageverslag): nothing to judge, not the file's fault."""
    return bool(getattr(report, "stopped", False)) or (
        bool(getattr(report, "internal_errors", None)) and not report.error and report.stats.get("words") is None)


def oordeel(report) -> str:
    if stopped(report):
        return "niet nagekeken"
    if report.error:
        return "onleesbaar"
    return "niet in orde" if report.count("error") else "in orde"


def shorten(text: str, limit: int = FIRST_PROBLEM_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def group_cell(report, categories: tuple[str, ...] | None, checked) -> str:
    """``ok``, ``3: <first problem>`` or empty (not checked, or the file could not be read). Info findings
    do not count as problems."""
    if report.error or stopped(report):
        return ""
    if categories is None:  # the "overige" group: categories no named group holds
        found = [f for f in report.findings if f.category not in _GROUPED]
    else:
        if checked is not None and not set(categories) & set(checked):
            return ""
        found = [f for f in report.findings if f.category in categories]
    problems = [f for f in found if f.severity == "error"] + [f for f in found if f.severity == "warning"]
    if not problems:
        return "ok"
    return f"{len(problems)}: {shorten(problems[0].message)}"


def group_severity(report, categories: tuple[str, ...] | None) -> str | None:
    """"error" or "warning" when the group has such findings, else None (for colouring a cell)."""
    found = {f.severity for f in report.findings
             if (f.category not in _GROUPED if categories is None else f.category in categories)}
    return "error" if "error" in found else ("warning" if "warning" in found else None)


def reason(report) -> str:
    """Why the file was not judged: the reader's message (without the path), or that the check stopped."""
    if stopped(report):
        return "de controle stopte onverwacht (niet de schuld van het bestand)"
    if not report.error:
        return ""
    messages = [f.message for f in report.findings if f.category == "input"] or [f.message for f in report.findings]
    text = messages[0] if messages else ""
    for prefix in (getattr(report, "display", None) or "", report.file, file_name(report)):
        if prefix and text.startswith(prefix + ": "):
            text = text[len(prefix) + 2:]
            break
    return shorten(text, 200)


def display_name(report) -> str:
    return getattr(report, "display", None) or report.file


def file_name(report) -> str:
    """The file's own name (a backslash is part of a name on Linux and macOS, a folder separator on Windows)."""
    shown = display_name(report).replace(os.sep, "/") if os.sep != "/" else display_name(report)
    return shown.rstrip("/").rsplit("/", 1)[-1]


def student(report) -> str:
    given = getattr(report, "student", None)
    return given if given else student_of(file_name(report))[0]


def late(report) -> bool | None:
    given = getattr(report, "late", None)
    if given is not None:
        return given
    return student_of(file_name(report))[1]


@dataclass
class Row:
    student: str
    reports: list  # the student's reports; the first is the one judged
    columns: dict = field(default_factory=dict)  # header -> cell (str or int), in column order

    @property
    def main(self):
        return self.reports[0]

    @property
    def verdict(self) -> str:
        return self.columns["oordeel"]

    @property
    def late(self) -> bool:
        return self.columns["laat"] == "ja"


def _main_first(reports: list) -> list:
    """The report judged first: readable ones before the rest, then the most words, then the given order."""
    ranked = sorted(range(len(reports)), key=lambda i: (reports[i].error or stopped(reports[i]),
                                                        -(reports[i].stats.get("words") or 0), i))
    return [reports[i] for i in ranked]


def has_other_group(reports) -> bool:
    return any(f.category not in _GROUPED for r in reports for f in r.findings)


def columns_for(reports, annotated: bool | None = None) -> list[str]:
    cols = BASE_COLUMNS + [name for name, _ in GROUPS]
    if has_other_group(reports):
        cols.append(OTHER_GROUP)
    if any(r.error or stopped(r) for r in reports):
        cols.append(REASON_COLUMN)
    if annotated is None:
        annotated = any(getattr(r, "annotated", None) for r in reports)
    if annotated:
        cols.append(ANNOTATED_COLUMN)
    return cols


def build_rows(reports, annotated: bool | None = None) -> tuple[list[str], list[Row]]:
    """(column headers, one :class:`Row` per student in the order students first appear)."""
    cols = columns_for(reports, annotated)
    by_student: dict[str, list] = {}
    for r in reports:
        by_student.setdefault(student(r), []).append(r)
    rows = []
    for name, theirs in by_student.items():
        ordered = _main_first(theirs)
        main = ordered[0]
        lates = [late(r) for r in theirs]
        late_cell = "ja" if any(x is True for x in lates) else ("nee" if any(x is False for x in lates) else "")
        s = main.stats
        shown = file_name(main)
        others = [file_name(r) for r in ordered[1:]]
        if others:
            shown += f" (ook: {', '.join(others)})"
        checked = getattr(main, "checked", None) or None
        cells = {"student": name, "bestand": shown, "fase": STAGES.get(main.stage, main.stage), "laat": late_cell,
                 "oordeel": oordeel(main), "fouten": main.count("error"), "waarschuwingen": main.count("warning"),
                 "pagina's": "" if main.error or s.get("pages") is None else s["pages"],
                 "woorden": "" if main.error or s.get("words") is None else s["words"]}
        for group, cats in GROUPS:
            cells[group] = group_cell(main, cats, checked)
        if OTHER_GROUP in cols:
            cells[OTHER_GROUP] = group_cell(main, None, checked)
        if REASON_COLUMN in cols:
            cells[REASON_COLUMN] = reason(main)
        if ANNOTATED_COLUMN in cols:
            cells[ANNOTATED_COLUMN] = getattr(main, "annotated", None) or ""
        if main.error or stopped(main):
            cells["fouten"] = cells["waarschuwingen"] = ""
        rows.append(Row(name, ordered, {c: cells.get(c, "") for c in cols}))
    return cols, rows


def summary_line(rows: list[Row]) -> str:
    """``31 verslagen: 12 in orde, 17 niet in orde, 2 onleesbaar; 3 laat``."""
    verdicts = [r.verdict for r in rows]
    parts = [f"{verdicts.count('in orde')} in orde", f"{verdicts.count('niet in orde')} niet in orde",
             f"{verdicts.count('onleesbaar')} onleesbaar"]
    if verdicts.count("niet nagekeken"):
        parts.append(f"{verdicts.count('niet nagekeken')} niet nagekeken")
    line = f"{plural(len(rows), 'verslag', 'verslagen')}: {', '.join(parts)}"
    if any(r.columns["laat"] for r in rows):
        line += f"; {sum(1 for r in rows if r.late)} laat"
    return line


def summary(reports) -> str:
    return summary_line(build_rows(reports)[1])
