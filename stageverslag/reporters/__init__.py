"""Reporters: turn a list of :class:`~stageverslag.linter.Report` into text, JSON, CSV or HTML.

They never decide anything about the report's content (the rules do); they only present it. Shared helpers
here: the one-line verdict and the Dutch labels of the page-count methods.
"""

from __future__ import annotations

PAGE_METHODS = {"render": "geteld door LibreOffice", "word": "volgens Word (docProps)",
                "estimate": "geschat", None: "onbekend"}


def verdict(report) -> tuple[str, str]:
    """(key, Dutch sentence): key is "unreadable", "errors", "warnings" or "ok"."""
    if report.error:
        return "unreadable", "Onleesbaar: dit bestand kon niet gecontroleerd worden."
    e, w, i = report.count("error"), report.count("warning"), report.count("info")
    counts = f"{plural(e, 'fout', 'fouten')}, {plural(w, 'waarschuwing', 'waarschuwingen')}, {i} info"
    if e:
        return "errors", f"Nog niet in orde: {counts}."
    if w:
        return "warnings", f"In orde, maar bekijk de waarschuwingen: {counts}."
    return "ok", f"In orde volgens de handleiding ({counts})."


def short_verdict(report) -> str:
    return {"unreadable": "onleesbaar", "errors": "niet in orde", "warnings": "in orde, met opmerkingen",
            "ok": "in orde"}[verdict(report)[0]]


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def location(f) -> str:
    """Where a finding points, for people: "alinea 13" (1-based) or "bestand:regel" for drafts."""
    if f.file:
        name = f.file.replace("\\", "/").rsplit("/", 1)[-1]
        return f"{name}:{f.line}" if f.line else name
    if f.paragraph is not None:
        return f"alinea {f.paragraph + 1}"
    loc = getattr(f, "location", None) or {}
    if loc.get("in") == "table":
        return f"tabel {loc.get('table')}, rij {loc.get('row')}, cel {loc.get('cell')}"
    if loc.get("in") == "textbox":
        return f"tekstvak {loc.get('textbox')}"
    if loc.get("in") == "content-control":
        return f"inhoudsbesturingselement {loc.get('control')}"
    return ""
