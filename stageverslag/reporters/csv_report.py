"""CSV report for coaches: one row per report, one column per check category, a verdict column.

A category cell is empty when the category has no findings, else the worst severity and the count, e.g.
"fout (2)". Opens in Excel and LibreOffice Calc (UTF-8 with a byte-order mark, comma-separated).
"""

from __future__ import annotations

import csv
import io

from ..findings import CATEGORIES, SEVERITY_LABELS
from . import short_verdict

BASE_COLUMNS = ["bestand", "fase", "paginas", "paginatelling", "woorden", "tekens"]


def category_cell(report, category: str) -> str:
    found = [f for f in report.findings if f.category == category]
    if not found:
        return ""
    worst = min(found, key=lambda f: ("error", "warning", "info").index(f.severity)).severity
    return f"{SEVERITY_LABELS[worst]} ({len(found)})"


def rows(reports) -> list[list]:
    out = [BASE_COLUMNS + list(CATEGORIES) + ["oordeel"]]
    for r in reports:
        s = r.stats
        out.append([r.file, r.stage, "" if s["pages"] is None else s["pages"], s["page_method"] or "",
                    "" if s["words"] is None else s["words"], "" if s["characters"] is None else s["characters"]]
                   + [category_cell(r, c) for c in CATEGORIES] + [short_verdict(r)])
    return out


def render_csv(reports) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows(reports))
    return "\ufeff" + buf.getvalue()
