"""HTML overview for coaches: one page that stands alone (inline CSS and a small inline script, no files or
network), with the rows of :mod:`.overview`: verdict and student first, a summary line on top, sortable by
clicking a column header, filterable by text, verdict and lateness, and each student's findings on a click
(``<details>``). It fits a 1366 px wide screen.

Everything that comes from a file is escaped. A Content-Security-Policy allows nothing but this page's own
style and script (by hash): no network, no other scripts, no forms, no frames."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from html import escape

from ..findings import SEVERITY_LABELS
from . import PAGE_METHODS, plural, verdict
from .overview import GROUPS, OTHER_GROUP, REASON_COLUMN, VERDICTS, build_rows, group_of, group_severity, summary_line
from .view import finding_line

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1rem 1.2rem;color:#1e1e1e;
font-size:14px}
h1{font-size:1.25rem;margin:0 0 .3rem}
.summary{font-size:1.1rem;font-weight:600;margin:.2rem 0}.meta{color:#555;margin:.2rem 0 .7rem}
.filters{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;margin:.5rem 0}
.filters input[type=search]{width:18rem;padding:.25rem .4rem}
.count{color:#555}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #d0d0d0;padding:.25rem .3rem;vertical-align:top;text-align:left;overflow:hidden;
text-overflow:ellipsis}
thead th{background:#eef0f3;font-weight:600;position:sticky;top:0;z-index:1;font-size:.84em}
th button{all:unset;cursor:pointer;display:block;width:100%;hyphens:manual}
th button:focus-visible{outline:2px solid #1b5e8a}
th[aria-sort=ascending] button::after{content:" \\25B2";font-size:.7em}
th[aria-sort=descending] button::after{content:" \\25BC";font-size:.7em}
td.n{text-align:right;white-space:nowrap}
td.g{white-space:nowrap;text-align:center;font-variant-numeric:tabular-nums}
td.g.ok{color:#2a6b2a;font-size:.85em}td.g.bad{background:#fdf0d2}td.g.err{background:#f8d0d0;font-weight:600}
td.v{font-weight:600;white-space:nowrap}
tr.v-ok td.v{background:#d8f0d8}tr.v-bad td.v{background:#f6c9c9}tr.v-unreadable td.v{background:#d9c2c2}
tr.v-stopped td.v{background:#e3e3e3}
td.s{overflow:visible}
td.f{font-size:.85em;color:#444;white-space:nowrap}
.file{font-size:.8em;color:#555;overflow-wrap:anywhere;margin-top:.1rem}
details>summary{cursor:pointer;font-weight:600;overflow-wrap:anywhere}
details[open]>summary{color:#1b5e8a}
.pop{position:absolute;left:1.2rem;right:1.2rem;z-index:3;background:#fff;border:1px solid #999;
box-shadow:0 4px 18px rgba(0,0,0,.25);padding:.6rem 1rem;max-height:70vh;overflow:auto;font-weight:normal;
white-space:normal;margin-top:.3rem}
.pop h3{margin:.3rem 0;font-size:1rem}.pop h4{margin:.5rem 0 .2rem;font-size:.9rem}
.pop ul{margin:.2rem 0 .4rem;padding-left:1.3rem}.pop li{margin:.1rem 0}
.sev-error{color:#a40000;font-weight:600}.sev-warning{color:#8a6100;font-weight:600}.sev-info{color:#1b5e8a}
.notes{color:#555;font-size:.9em}
.late{color:#a40000;font-weight:600}
col.c-v{width:6.6rem}col.c-student{width:12.5rem}col.c-fase{width:6.2rem}
col.c-late{width:2.9rem}col.c-num{width:4rem}col.c-wide{width:5.3rem}col.c-g{width:auto}col.c-ann{width:8rem}
.why{font-size:.8em;color:#7a0000;margin-top:.15rem}
"""

SCRIPT = """
(function () {
  var table = document.getElementById("overzicht");
  if (!table) { return; }
  var body = table.tBodies[0];
  var search = document.getElementById("zoek");
  var verdict = document.getElementById("oordeel");
  var late = document.getElementById("laat");
  var count = document.getElementById("aantal");
  function filter() {
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!text || row.textContent.toLowerCase().indexOf(text) >= 0) &&
        (!verdict.value || row.getAttribute("data-oordeel") === verdict.value) &&
        (!late.checked || row.getAttribute("data-laat") === "ja");
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " van " + body.rows.length + " getoond";
  }
  search.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  late.addEventListener("change", filter);
  function key(row, i) {
    var cell = row.cells[i];
    var v = cell.getAttribute("data-v");
    if (v !== null && v !== "" && !isNaN(Number(v))) { return Number(v); }
    return (v !== null ? v : cell.textContent).trim().toLowerCase();
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, i), y = key(b, i);
        if (typeof x !== typeof y) { x = String(x); y = String(y); }
        var c = x < y ? -1 : x > y ? 1 : 0;
        return up ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  filter();
})();
"""

_TONES = {"in orde": "ok", "niet in orde": "bad", "onleesbaar": "unreadable", "niet nagekeken": "stopped"}
_RANK = {v: n for n, v in enumerate(VERDICTS)}
_NUMERIC = {"fouten", "waarschuwingen", "pagina's", "woorden"}


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing but this page's own style and script; no network, frames, forms, images or plugins."""
    return (f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src 'none'; "
            "connect-src 'none'; font-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; "
            "form-action 'none'")


def _group_class(text: str) -> str:
    if not text:
        return "g"
    if text == "ok":
        return "g ok"
    return "g bad"


def _details(row, profile) -> str:
    """The findings of every file of one student."""
    e = escape
    out = ['<div class="pop">']
    for r in row.reports:
        name = getattr(r, "display", None) or r.file
        out.append(f"<h3>{e(name)}</h3>")
        s = r.stats
        if not r.error:
            out.append(f"<p>{e(str(s.get('pages')))} pagina's ({e(PAGE_METHODS.get(s.get('page_method'), ''))}), "
                       f"{e(str(s.get('words')))} woorden, {e(str(s.get('characters')))} tekens.</p>")
        out.append(f"<p><strong>{e(verdict(r)[1])}</strong></p>")
        annotated = getattr(r, "annotated", None)
        if annotated:
            out.append(f"<p>Kopie met opmerkingen: <code>{e(annotated)}</code></p>")
        by_group: dict[str, list] = {}
        for f in r.findings:
            by_group.setdefault(group_of(f.category), []).append(f)
        for group in [g for g, _ in GROUPS] + [OTHER_GROUP]:
            found = by_group.get(group)
            if not found:
                continue
            out.append(f"<h4>{e(group)} ({len(found)})</h4><ul>")
            for f in found:  # where a person finds it: page, part › sub-heading, a quote (reporters.view)
                line = finding_line(f, profile)
                where = line.where + (f' · "{line.quote}"' if line.quote else "")
                suggestion = f" (voorstel: {e(line.suggestion)})" if line.suggestion else ""
                out.append(f'<li><span class="sev-{e(f.severity)}">{e(SEVERITY_LABELS[f.severity])}</span> '
                           f"{e(f.code)} {e(where + ': ' if where else '')}{e(f.message)}{suggestion}</li>")
            out.append("</ul>")
        if r.notes:
            out.append('<h4>Opmerkingen bij de controle</h4><ul class="notes">'
                       + "".join(f"<li>{e(x)}</li>" for x in r.notes) + "</ul>")
    out.append("</div>")
    return "".join(out)


#: header words a narrow column may break (soft hyphens); the words themselves stay those of the CSV
_BREAKS = {"waarschuwingen": "waar\u00adschuwingen", "onderdelen": "onder\u00addelen",
           "titelpagina": "titel\u00adpagina", "inhoudsopgave": "inhouds\u00adopgave",
           "spreektaal en stijl": "spreek\u00adtaal en stijl", "kop- en voettekst": "kop- en voet\u00adtekst",
           "pagina's": "pagina's", "dt-fouten": "dt-fouten"}


_CANVAS_PREFIX = re.compile(r"(?<![^\s(,])[^_\s(),]+_(?:late_)?\d+_\d+_", re.IGNORECASE)


def _file_line(row) -> str:
    """The file(s) under the student's name, unless the name is just the file name."""
    shown = row.columns["bestand"]
    if shown.rsplit(".", 1)[0] == row.student:
        return ""
    short = _CANVAS_PREFIX.sub("", shown)  # the name the student gave the file; Canvas's full name on hover
    return f'<div class="file" title="{escape(shown)}">{escape(short)}</div>'


def _why_line(row) -> str:
    """Why an unreadable file (or a stopped check) has no verdict, under the name: visible without a click."""
    why = row.columns.get(REASON_COLUMN) or ""
    return f'<div class="why">{escape(why)}</div>' if why else ""


def render_html(reports, profile, annotated: bool | None = None, today: dt.date | None = None) -> str:
    e = escape
    cols, rows = build_rows(reports, annotated)
    group_cats = dict(GROUPS)
    groups = [c for c in cols if c in group_cats or c == OTHER_GROUP]
    stages = sorted({r.columns["fase"] for r in rows})
    # verdict and student first (the file under the name), then the numbers and the check groups; the stage
    # is said once above the table unless it differs between rows
    order = ["oordeel", "student"] + (["fase"] if len(stages) > 1 else []) + \
        ["laat", "fouten", "waarschuwingen", "pagina's", "woorden", *groups] + \
        [c for c in cols if c not in groups and c not in BASE_ORDER and c != REASON_COLUMN]
    today = today or dt.date.today()
    colgroup = {"oordeel": "c-v", "student": "c-student", "fase": "c-fase", "laat": "c-late", "fouten": "c-num",
                "waarschuwingen": "c-wide", "pagina's": "c-num", "woorden": "c-wide"}
    out = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{e(content_security_policy())}">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           "<title>Overzicht stageverslagen</title>", f"<style>{CSS}</style></head><body>",
           "<h1>Overzicht stageverslagen</h1>",
           f'<p class="summary" id="samenvatting">{e(summary_line(rows))}</p>',
           f'<p class="meta">Gecontroleerd op {e(today.strftime("%d/%m/%Y"))} tegen {e(profile.name)}'
           + (f", {e(stages[0])}" if len(stages) == 1 else "") + ". Klik op een naam voor de details, "
           "op een kolomkop om te sorteren; een getal in een kolom is het aantal problemen (wijs het aan voor "
           "het eerste).</p>",
           '<div class="filters"><label>Zoeken <input type="search" id="zoek" '
           'placeholder="naam, bestand of opmerking"></label>',
           '<label>Oordeel <select id="oordeel"><option value="">alle</option>'
           + "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in VERDICTS) + "</select></label>",
           '<label><input type="checkbox" id="laat"> alleen laat ingediend</label>',
           f'<span class="count" id="aantal">{e(plural(len(rows), "student", "studenten"))}</span></div>',
           '<table id="overzicht"><colgroup>']
    out += [f'<col class="{colgroup.get(c, "c-g" if c in groups else "c-ann")}">' for c in order]
    out.append("</colgroup><thead><tr>")
    out += [f'<th scope="col" title="{e(c)}"><button type="button">{e(_BREAKS.get(c, c))}</button></th>'
            for c in order]
    out.append("</tr></thead><tbody>")
    for row in rows:
        v = row.columns["oordeel"]
        out.append(f'<tr class="v-{_TONES.get(v, "bad")}" data-oordeel="{e(v)}" data-laat="{e(row.columns["laat"])}">')
        for c in order:
            cell = row.columns[c]
            text = "" if cell is None else str(cell)
            if c == "oordeel":
                why = row.columns.get(REASON_COLUMN) or ""
                out.append(f'<td class="v" data-v="{_RANK.get(v, 9)}"' + (f' title="{e(why)}"' if why else "")
                           + f">{e(text)}</td>")
            elif c == "student":
                out.append(f'<td class="s" data-v="{e(text.lower())}"><details><summary>{e(text)}</summary>'
                           f"{_details(row, profile)}</details>" + _file_line(row) + _why_line(row) + "</td>")
            elif c in _NUMERIC:
                out.append(f'<td class="n" data-v="{e(text)}">{e(text)}</td>')
            elif c in groups:
                if not text:
                    out.append('<td class="g" data-v=""></td>')
                elif text == "ok":
                    out.append('<td class="g ok" data-v="0" title="ok">ok</td>')
                else:
                    count = text.split(":", 1)[0]
                    tone = "err" if group_severity(row.main, group_cats.get(c)) == "error" else "bad"
                    out.append(f'<td class="g {tone}" data-v="{e(count)}" title="{e(text)}">{e(count)}</td>')
            elif c == "laat":
                out.append(f'<td class="{"late" if text == "ja" else ""}">{e(text)}</td>')
            else:
                out.append(f'<td class="f" title="{e(text)}">{e(text)}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    out.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


BASE_ORDER = {"oordeel", "student", "bestand", "fase", "laat", "fouten", "waarschuwingen", "pagina's", "woorden"}
