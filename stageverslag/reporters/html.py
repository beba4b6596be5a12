"""HTML report for coaches: one self-contained page (inline CSS, no scripts, no external assets) with a table
of one row per report, one column per check category, a verdict, and the findings of each report below.
Every piece of text is escaped."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..findings import CATEGORIES, SEVERITY_LABELS
from . import PAGE_METHODS, location, short_verdict, verdict
from .csv_report import category_cell

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}
th{background:#f0f0f0;writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
th.h{writing-mode:horizontal-tb;transform:none}td.error{background:#fbd5d5}td.warning{background:#fdf0c8}
td.info{background:#dcecf7}td.ok{background:#d8f0d8}td.unreadable{background:#e0b0b0}
.sev-error{color:#a40000;font-weight:bold}.sev-warning{color:#8a6100}.sev-info{color:#1b5e8a}
section{margin-top:2rem}li{margin:.2rem 0}.notes{color:#555;font-size:.85rem}
"""

_TONE = {"unreadable": "unreadable", "errors": "error", "warnings": "warning", "ok": "ok"}


def _cell_class(report, category: str) -> str:
    found = [f.severity for f in report.findings if f.category == category]
    for sev in ("error", "warning", "info"):
        if sev in found:
            return sev
    return ""


def render_html(reports, profile) -> str:
    e = escape
    out = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
           "<title>Controle stageverslagen</title>", f"<style>{CSS}</style></head><body>",
           "<h1>Controle stageverslagen</h1>",
           f"<p>{len(reports)} verslag(en), gecontroleerd op {e(dt.date.today().isoformat())} tegen "
           f"{e(profile.name)}.</p>", "<table><thead><tr>"]
    out += [f'<th class="h">{e(c)}</th>' for c in ("verslag", "fase", "pagina's", "woorden")]
    out += [f"<th>{e(c)}</th>" for c in CATEGORIES]
    out.append('<th class="h">oordeel</th></tr></thead><tbody>')
    for n, r in enumerate(reports):
        s = r.stats
        out.append(f'<tr><td><a href="#r{n}">{e(r.file)}</a></td><td>{e(r.stage)}</td>'
                   f"<td>{e('' if s['pages'] is None else str(s['pages']))}</td>"
                   f"<td>{e('' if s['words'] is None else str(s['words']))}</td>")
        out += [f'<td class="{_cell_class(r, c)}">{e(category_cell(r, c))}</td>' for c in CATEGORIES]
        out.append(f'<td class="{_TONE[verdict(r)[0]]}">{e(short_verdict(r))}</td></tr>')
    out.append("</tbody></table>")
    for n, r in enumerate(reports):
        s = r.stats
        out.append(f'<section id="r{n}"><h2>{e(r.file)}</h2>')
        if not r.error:
            out.append(f"<p>{e(str(s['pages']))} pagina's ({e(PAGE_METHODS.get(s['page_method'], ''))}), "
                       f"{e(str(s['words']))} woorden, {e(str(s['characters']))} tekens.</p>")
        out.append(f"<p><strong>{e(verdict(r)[1])}</strong></p><ul>")
        for f in r.findings:
            part = f" [{e(profile.part(f.part).title)}]" if f.part in profile.part_ids else ""
            where = location(f)
            out.append(f'<li><span class="sev-{e(f.severity)}">{e(SEVERITY_LABELS[f.severity])}</span> '
                       f"{e(f.code)}{part} {e(where + ': ' if where else '')}{e(f.message)}</li>")
        out.append("</ul>")
        if r.notes:
            out.append('<ul class="notes">' + "".join(f"<li>{e(x)}</li>" for x in r.notes) + "</ul>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
