"""Text report for the terminal: per report a header with counts, the findings grouped per part, the notes
and a one-line Dutch verdict; colour only when asked (the caller decides: a TTY, no --no-color/NO_COLOR)."""

from __future__ import annotations

from ..findings import SEVERITY_LABELS
from . import PAGE_METHODS, location, plural, verdict

COLORS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "bold": "1", "dim": "2"}


def _paint(text: str, what: str, color: bool) -> str:
    return f"\033[{COLORS[what]}m{text}\033[0m" if color else text


def _finding_line(f, color: bool) -> str:
    label = _paint(f"{SEVERITY_LABELS[f.severity]:<12}", f.severity, color)
    where = location(f)
    where = f"{where}: " if where else ""
    line = f"    {label} {f.code}  {where}{f.message}"
    if f.suggestion:
        line += f" (voorstel: {f.suggestion})"
    return line


def render_report(report, profile, color: bool = False) -> str:
    s = report.stats
    stage = "tussentijdse versie" if report.stage == "midterm" else "eindversie"
    out = [_paint(f"{report.file}", "bold", color) + f"  ({stage})"]
    if not report.error:
        unit = profile.limits.unit_label
        pages = "?" if s["pages"] is None else s["pages"]
        out.append(f"  {pages} pagina's ({PAGE_METHODS.get(s['page_method'], s['page_method'])}) · "
                   f"{s['words']} woorden · {s['characters']} tekens · lengte {s['length_value']} {unit}")
    general = [f for f in report.findings if not f.part or f.part not in profile.part_ids]
    if general:
        out.append(_paint("  Algemeen", "bold", color))
        out.extend(_finding_line(f, color) for f in general)
    for part in profile.parts:
        found = [f for f in report.findings if f.part == part.id]
        words = report.part_words.get(part.id)
        if words is None and not found:
            continue
        size = f"{words} woorden" if words is not None else "niet gevonden"
        tail = plural(len(found), "opmerking", "opmerkingen") if found else _paint("geen opmerkingen", "ok", color)
        out.append(_paint(f"  {part.title}", "bold", color) + f" · {size} · {tail}")
        out.extend(_finding_line(f, color) for f in found)
    if report.notes:
        out.append(_paint("  Opmerkingen", "dim", color))
        out.extend(f"    - {n}" for n in report.notes)
    key, sentence = verdict(report)
    tone = {"unreadable": "error", "errors": "error", "warnings": "warning", "ok": "ok"}[key]
    out.append("  " + _paint(f"Oordeel: {sentence}", tone, color))
    return "\n".join(out)


def render_text(reports, profile, color: bool = False) -> str:
    blocks = [render_report(r, profile, color) for r in reports]
    if len(reports) > 1:
        keys = [verdict(r)[0] for r in reports]
        blocks.append(f"{plural(len(reports), 'verslag', 'verslagen')}: {keys.count('ok')} in orde, "
                      f"{keys.count('warnings')} met waarschuwingen, {keys.count('errors')} met fouten, "
                      f"{keys.count('unreadable')} onleesbaar.")
    return "\n\n".join(blocks) + "\n"
