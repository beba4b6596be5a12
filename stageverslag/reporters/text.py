"""Text report for the terminal, short enough for one screen: per report a header, the errors (one line
each, with page, part › sub-heading and a quote), the warnings (language warnings folded per part and kind,
repeated words counted once), info collapsed to a count, the notes, and a one-line Dutch verdict.

``verbose`` shows every finding on its own line with its full explanation, the info findings and the words
per part. Colour only when asked (the caller decides: a TTY, no --no-color/NO_COLOR)."""

from __future__ import annotations

from ..findings import SEVERITY_LABELS
from . import PAGE_METHODS, plural, verdict
from .view import Group, finding_line, group, page_label, short_title, repeat_label, where

COLORS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "bold": "1", "dim": "2"}
#: language categories: their warnings are folded per part and kind in the short report
LANGUAGE = ("spelling", "dt", "spreektaal", "style")
KIND_LABELS = {"spelling": "spelling", "dt": "dt", "spreektaal": "spreektaal", "style": "stijl"}
#: from this many missing parts on, the parts are said to be "not recognised" once
UNRECOGNISED_FROM = 3
#: a short report fits on one screen
MAX_LINES = 40


def _paint(text: str, what: str, color: bool) -> str:
    return f"\033[{COLORS[what]}m{text}\033[0m" if color else text


def _sentences(message: str, n: int) -> str:
    """The first ``n`` sentences of a message (the instruction, without the longer explanation)."""
    cut = 0
    for _ in range(n):
        ends = [k for k in (message.find(stop, cut) for stop in (". ", "? ", "! ", ": ")) if k > 0]
        ends = [k for k in ends if message[k] != ":" or k + 2 >= len(message)]
        if not ends:
            return message
        cut = min(ends) + 1
    return message[:cut] if cut < len(message) - 1 else message


def _suggestion(f, always: bool = False) -> str:
    if (f.suggestion and f.match and (always or f"'{f.suggestion}'" not in f.message)
            and any(c.isalnum() for c in f.suggestion)):
        return f" → {f.suggestion}"
    return ""


def _finding_line(f, profile, color: bool, verbose: bool, count: int = 1) -> str:
    if verbose:  # the shared view model: the TUI's check screen shows exactly these words
        label = _paint(f"{SEVERITY_LABELS[f.severity]:<12} ", f.severity, color)
        return f"    {label}{finding_line(f, profile).text()}"
    place = where(f, profile, short=not verbose)
    bits = [place or ("in een tabel of tekstvak" if f.start is not None else "hele verslag")]
    titles = {profile.part(f.part).title if f.part in profile.part_ids else None, f.heading}
    if f.quote and f.quote not in titles:
        bits.append(f"\"{f.quote}\"")
    if verbose:
        message = f.message
    else:
        message = _sentences(f.message, 1 if f.match is not None else 2)
    if count > 1:
        message = f"{message} ({count}× in het verslag)"
    label = _paint(f"{SEVERITY_LABELS[f.severity]:<12} ", f.severity, color) if verbose else ""
    return f"    {label}{' · '.join(bits)}: {message}{_suggestion(f)} [{f.code}]"


def _fold_line(category: str, part: str | None, items: list, profile, color: bool, whole: bool = False) -> str:
    """One line for the language findings of one kind in one part: "'goesting' p. ±3, 'Amai' p. ±4"; with
    ``whole`` one line for the kind in the whole report, each item naming its part."""
    shown = []
    first = lambda i: i.first if isinstance(i, Group) else i  # noqa: E731
    items = sorted(items, key=lambda i: first(i).page if first(i).page is not None else 0)  # stable: same page
    for item in items:
        f = first(item)
        where = ""
        if whole:
            where = short_title(profile, f.part) if f.part in profile.part_ids else "buiten de onderdelen"
        if isinstance(item, Group):
            label = repeat_label(item) + _suggestion(f, True)
            shown.append(f"{label} {where}".rstrip() if whole else label)
        else:
            page = " ".join(x for x in (where, page_label(f)) if x)
            shown.append(f"'{f.match}'{_suggestion(f, True)}" + (f" ({page})" if whole and page else
                                                                 f" {page}" if page else ""))
    place = "" if whole else (f" in {part}" if part else " buiten de onderdelen")
    codes = sorted({(i.first if isinstance(i, Group) else i).code for i in items})
    return f"    {KIND_LABELS.get(category, category)}{place}: {', '.join(shown)} [{', '.join(codes)}]"


def _unrecognised(report, profile):
    """(missing-part findings, chapters found) when too many parts are missing to list them one by one."""
    missing = [f for f in report.findings if f.category == "section-missing" and f.paragraph is None]
    if len(missing) < UNRECOGNISED_FROM:
        return [], []
    chapters = [f for f in report.findings if f.code == "SV105"]
    return missing, chapters


def _header(report, profile, verbose: bool = False) -> str | None:
    if report.error:
        return None
    s = report.stats
    unit = profile.limits.unit_label
    pages = "?" if s["pages"] is None else s["pages"]
    line = f"  {pages} pagina's ({PAGE_METHODS.get(s['page_method'], s['page_method'])}) · {s['words']} woorden"
    if s.get("length_unit") != "words":
        line += f" · lengte {s['length_value']} {unit}"
    if verbose:
        line += f" · {s['characters']} tekens"
    if any(f.page is not None and f.page_method == "render" for f in report.findings):
        line += " · p. N: opgemaakt door LibreOffice"
    if any(f.page is not None and f.page_method != "render" for f in report.findings):
        line += " · p. ±N: geschatte pagina"
    return line


def _sections(findings, profile, color: bool, verbose: bool, fold: int = 0, others: bool = False) -> list[str]:
    """Errors, warnings, info. Language warnings are folded per part and kind (``fold`` 0); for a report that
    would not fit on one screen per kind only (1), and then language errors per part and kind too (2).
    ``others``: the missing parts were counted above, so these are the other errors."""
    out: list[str] = []
    for severity, title in (("error", "Andere fouten" if others else "Fouten"), ("warning", "Waarschuwingen"),
                            ("info", "Info")):
        mine = [f for f in findings if f.severity == severity]
        if not mine:
            continue
        if severity == "info" and not verbose:
            out.append(_paint(f"  {plural(len(mine), 'info-opmerking', 'info-opmerkingen')} "
                              "(toon ze met --verbose)", "dim", color))
            continue
        out.append(_paint(f"  {title} ({len(mine)})", severity, color))
        if verbose:
            out.extend(_finding_line(f, profile, color, True) for f in mine)
            continue
        folded: dict[tuple, list] = {}
        lines: list[tuple[object, str]] = []  # (key to put a fold line at its first place, line)
        for item in group(mine):
            f = item.first if isinstance(item, Group) else item
            if (severity == "warning" or fold >= 2) and f.category in LANGUAGE and f.match:
                whole = severity == "warning" and fold >= 1
                key = (f.category, None if whole else (short_title(profile, f.part) if f.part in profile.part_ids
                                                       else None), whole)
                if key not in folded:
                    folded[key] = []
                    lines.append((key, ""))
                folded[key].append(item)
            else:
                lines.append((None, _finding_line(f, profile, color, False,
                                                  item.count if isinstance(item, Group) else 1)))
        for key, line in lines:
            out.append(line if key is None else _fold_line(key[0], key[1], folded[key], profile, color, key[2]))
    return out


def render_report(report, profile, color: bool = False, verbose: bool = False) -> str:
    stage = "tussentijdse versie" if report.stage == "midterm" else "eindversie"
    out = [_paint(f"{report.file}", "bold", color) + f"  ({stage})"]
    header = _header(report, profile, verbose)
    if header:
        out.append(header)
    findings = list(report.findings)
    missing, chapters = _unrecognised(report, profile)
    if missing:
        names = ", ".join(profile.part(f.part).title if f.part in profile.part_ids else f.message for f in missing)
        found = ", ".join(f"'{f.quote or f.match}'" for f in chapters if f.quote or f.match)
        out.append(_paint(f"  De onderdelen van de handleiding zijn niet herkend: "
                          f"{plural(len(missing), 'fout', 'fouten')}, één per ontbrekend onderdeel ({names}).",
                          "error", color))
        counted = f" ({plural(len(chapters), 'info-opmerking', 'info-opmerkingen')})" if chapters else ""
        out.append("    " + (f"Gevonden hoofdstukken{counted}: {found}. " if found else "Er zijn geen "
                   "hoofdstuktitels gevonden. ") + "Geef elk onderdeel een kop (stijl Kop 1) met de titel uit de "
                   "handleiding.")
        findings = [f for f in findings if f not in missing and f not in chapters]
    for fold in (0, 1, 2):  # one screen: fold more only when the report would not fit
        sections = _sections(findings, profile, color, verbose, fold, others=bool(missing))
        if verbose or len(out) + len(sections) + len(report.notes) + 2 <= MAX_LINES:
            break
    out.extend(sections)
    if verbose and report.part_words:
        out.append(_paint("  Woorden per onderdeel", "dim", color))
        out.extend(f"    {profile.part(pid).title}: {n}" for pid, n in report.part_words.items()
                   if pid in profile.part_ids)
    out.extend(_paint(f"  Let op: {n}", "dim", color) for n in report.notes)
    key, sentence = verdict(report)
    tone = {"unreadable": "error", "errors": "error", "warnings": "warning", "ok": "ok"}[key]
    out.append("  " + _paint(f"Oordeel: {sentence}", tone, color))
    if getattr(report, "annotated", None):
        out.append(f"  Kopie met de opmerkingen in Word: {report.annotated}")
    return "\n".join(out)


def render_text(reports, profile, color: bool = False, verbose: bool = False) -> str:
    blocks = [render_report(r, profile, color, verbose) for r in reports]
    if len(reports) > 1:
        keys = [verdict(r)[0] for r in reports]
        blocks.append(f"{plural(len(reports), 'verslag', 'verslagen')}: {keys.count('ok')} in orde, "
                      f"{keys.count('warnings')} met waarschuwingen, {keys.count('errors')} met fouten, "
                      f"{keys.count('unreadable')} onleesbaar.")
    return "\n".join(blocks) + "\n" if len(blocks) == 1 else "\n\n".join(blocks) + "\n"
