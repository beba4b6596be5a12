"""The CLI's commands (``check``, ``init``, ``status``, ``build``): each translates the parsed arguments into a
call of :mod:`stageverslag.service`, prints the result and returns the exit status. No checking, building or
scheduling logic lives here."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import service
from .dates import format_date, parse_date
from .errors import UserError
from .linter import Report, exit_status
from .profile import Profile, load_profile

if TYPE_CHECKING:  # the schedule is loaded by the commands that use it, not by every check
    from .schedule import Status

project_status = service.project_status  # old name, kept for callers


def _split(codes: str | None) -> list[str]:
    return [c.strip() for c in (codes or "").split(",") if c.strip()]


def render(reports: list[Report], fmt: str, profile: Profile, color: bool = False, verbose: bool = False) -> str:
    if fmt == "json":
        from .reporters.json_report import render_json
        return render_json(reports)
    if fmt == "csv":
        from .reporters.csv_report import render_csv
        return render_csv(reports)
    if fmt == "html":
        from .reporters.html import render_html
        return render_html(reports, profile)
    from .reporters.text import render_text
    return render_text(reports, profile, color=color, verbose=verbose)


def cmd_check(args) -> int:
    """``stageverslag check``: see ``stageverslag check --help``."""
    project = service.find_project(getattr(args, "project", None))
    today = parse_date(args.today, "--today") if args.today else None
    options = service.check_options(project, stage=args.stage, pages=args.pages, languagetool=args.languagetool,
                                    today=today)
    rules = service.select(_split(args.select), _split(args.ignore))
    if args.paths and args.format in ("csv", "html"):
        options.suggestions = False  # the coach's overview shows no spelling suggestions: don't compute them
    if getattr(args, "annotate", None) and not args.paths:
        raise UserError("--annotate zet opmerkingen in een Word-document: geef het .docx mee (bv. "
                        "'stageverslag check uit/stageverslag-final.docx --annotate nagekeken'; maak het eerst met "
                        "'stageverslag build').")
    annotate = getattr(args, "annotate", None) if args.paths else None
    reports = service.check(args.paths, project=project, options=options, rules=rules, jobs=args.jobs,
                            **({"annotate": annotate} if annotate else {}))
    profile = project.profile if project is not None else load_profile()
    color = (not args.output and not args.no_color and not os.environ.get("NO_COLOR")
             and sys.stdout.isatty())
    out = render(reports, args.format, profile, color=color, verbose=getattr(args, "verbose", False))
    if getattr(args, "rubric", False):
        out = with_rubric(out, reports, args.format, profile, rules)
    if args.output:
        from .storage import atomic_write_text
        target = Path(args.output)
        if any(target.resolve() == Path(r.file).resolve() for r in reports if r.file):
            raise UserError(f"{target}: dat is een van de gecontroleerde bestanden; kies een ander uitvoerbestand.")
        atomic_write_text(target, out)
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    if args.paths and _is_batch(args.paths, reports):
        _batch_summary(reports, args.output, annotate)
    return exit_status(reports)


def with_rubric(out: str, reports: list[Report], fmt: str, profile: Profile, rules) -> str:
    """``check --rubric``: the handbook's criteria per report after the text report, or as a ``rubric`` list in
    each JSON report (an added key). csv/html overviews stay as they are."""
    if fmt == "json":
        import json
        data = json.loads(out)
        for rep, report in zip(data["reports"], reports):
            rep["rubric"] = [c.to_dict() for c in service.rubric(report, profile, rules)]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt != "text":
        return out
    from .rubric import render_text
    blocks = [out.rstrip("\n")]
    for report in reports:
        head = f"\n{report.file}\n" if len(reports) > 1 else "\n"
        blocks.append(head + render_text(service.rubric(report, profile, rules)))
    return "\n".join(blocks) + "\n"


def _is_batch(paths, reports) -> bool:
    return len(reports) > 1 or any(Path(p).is_dir() or Path(p).suffix.lower() == ".zip" for p in paths)


def _batch_summary(reports, output, annotate) -> None:
    """A batch always ends on the terminal (stderr, so piped json/csv stays clean) with the summary line
    and where the output went."""
    from .reporters.overview import summary
    where = (f"Het rapport staat in {Path(output).resolve()}." if output
             else "Het rapport staat op de standaarduitvoer.")
    if annotate:
        made = sum(1 for r in reports if getattr(r, "annotated", None))
        where += f" Kopieën met opmerkingen ({made}) staan in {Path(annotate).resolve()}."
    print(f"{summary(reports)}. {where}", file=sys.stderr)


def _ask(label: str, required: bool = True, check=None) -> str:
    while True:
        try:
            value = input(f"{label}: ").strip()
        except EOFError:
            raise UserError(f"'{label}' ontbreekt; geef het mee als optie.") from None
        if not value and not required:
            return ""
        if value:
            if check:
                try:
                    check(value)
                except UserError as exc:
                    print(f"  {exc}", file=sys.stderr)
                    continue
            return value


def cmd_init(args) -> int:
    profile = load_profile()
    interactive = sys.stdin.isatty()
    fields = {
        "student": (args.student, "Je naam", True, None),
        "traject": (args.traject, "Traject (E4B, HR of IRM)", True, lambda v: service.check_track(v, profile)),
        "bedrijf": (args.bedrijf, "Stagebedrijf", True, None),
        "mentor": (args.mentor, "Stagementor", False, None),
        "coach": (args.coach, "Stagecoach", False, None),
        "start": (args.start, "Eerste stagedag (bv. 8/2/2027)", True, lambda v: parse_date(v, "start")),
        "terugkommoment": (args.terugkommoment, "Datum terugkommoment (leeg als je die nog niet kent)", False,
                           lambda v: parse_date(v, "terugkommoment")),
    }
    values = {}
    for key, (given, label, required, check) in fields.items():
        if given is None and interactive and (required or key in ("mentor", "coach", "terugkommoment")):
            given = _ask(label, required, check)
        if required and not given:
            raise UserError(f"'{key}' ontbreekt: geef --{key} mee (of start init in een terminal).")
        values[key] = given or ""
    cfg = service.new_config({**values, "einde": args.einde, "academiejaar": args.academiejaar,
                              "huisstijl": args.huisstijl, "tweede_bedrijf": args.tweede_bedrijf,
                              "tweede_mentor": args.tweede_mentor, "tweede_start": args.tweede_start}, profile)
    goal_texts = [g for g in (getattr(args, "leerdoel", None) or []) if g.strip()]
    if not goal_texts and interactive and getattr(args, "leerdoel", None) is None:
        print("Je leerdoelen (één korte zin per doel; laat leeg om te stoppen, later kan het met 'stageverslag "
              "doelen'):")
        while len(goal_texts) < 12:
            text = _ask(f"Leerdoel {len(goal_texts) + 1}", required=False)
            if not text:
                break
            goal_texts.append(text)
    project = service.init(args.map, cfg, profile)
    if goal_texts:
        from .goals import Goal
        service.save_goals(project, [Goal(text=" ".join(t.split())) for t in goal_texts])
    print(f"Project aangemaakt in {project.root}")
    if goal_texts:
        print(f"  leerdoelen.toml: je {len(goal_texts)} leerdoel(en); voeg competenties toe met 'stageverslag "
              "doelen --doel N --competenties LR6,LR9'")
    print(f"  {project.config_path.name}: je gegevens en datums")
    print("  hoofdstukken/: één tekstbestand per onderdeel, met hulpvragen")
    print(f"  {project.wordlist_path.name}: je eigen woorden voor de spellingcontrole")
    print("Volgende stappen (typ deze opdrachten):")
    for line in next_commands(project.root):
        print(f"  {line}")
    print("'stageverslag status' toont je planning: wat je nu schrijft, deadlines en acties; 'stageverslag' "
          "zonder meer opent de schrijfhulp.")
    return 0


def next_commands(root, cwd=None) -> list[str]:
    """What to type after ``init``: go into the project folder (unless already there), then status or the app."""
    from pathlib import Path
    root, cwd = Path(root).resolve(), Path(cwd or Path.cwd()).resolve()
    out = []
    if root != cwd:
        where = root.relative_to(cwd) if root.is_relative_to(cwd) else root
        shown = str(where)
        out.append(f"cd \"{shown}\"" if any(c in shown for c in " '&()") else f"cd {shown}")
    out.append("stageverslag status")
    out.append("stageverslag")
    return out


def format_status(st: Status, project) -> str:
    sch, out = st.schedule, []
    cfg = project.config
    out.append(f"Stageverslag van {cfg.student} — {cfg.company} ({cfg.track})")
    if st.phase == "voor":
        out.append(f"Je stage begint {format_date(sch.start)} (nog {(sch.start - st.today).days} dagen).")
    elif st.phase == "na":
        out.append(f"Je stage is voorbij (laatste dag: {format_date(sch.end)}).")
    elif st.phase == "tussen":
        out.append(f"Je zit tussen je twee stageplaatsen; je tweede stage begint "
                   f"{format_date(sch.placements[-1].start)}.")
    else:
        out.append(f"Vandaag ({format_date(st.today)}) zit je in week {st.week} van {st.weeks}.")
    for note in st.notes:
        out.append(f"  ! {note}")
    if st.penalty:
        out.append(f"  !! {st.penalty}")
    out.append("")
    if st.write_now:
        out.append("Nu schrijven:")
        for p in st.write_now:
            hint = project.profile.part(p.id).hint
            out.append(f"  - {p.title} (week {p.first_week}–{p.last_week}, {p.words} woorden)"
                       + (f" — {hint}" if hint else ""))
    elif st.phase == "stage":
        out.append("Nu schrijven: geen nieuw onderdeel deze week; werk bij wat je al hebt.")
    late = [p for p in st.overdue_parts if p.state == "laat"]
    if late:
        out.append(f"Te laat (het eerste deel moest op {format_date(late[0].due)} op Canvas staan):")
        for p in late:
            out.append(f"  - {p.title} ({p.words} woorden)")
    behind = [p for p in st.overdue_parts if p.state != "laat"]
    if behind:
        out.append("Achterstand (het schrijfvenster is voorbij en er staat nog niets):")
        for p in behind:
            out.append(f"  - {p.title} (week {p.first_week}–{p.last_week})")
    out.append("")
    out.append("Deadlines:")
    for d in st.deadlines:
        out.append(f"  - {d.title}: {format_date(d.date)} ({d.countdown})")
    out.append("")
    out.append("Acties:")
    for a in st.actions:
        mark = "[x]" if a.done else ("[!]" if a.overdue else "[ ]")
        when = "gedaan" if a.done else f"tegen {format_date(a.due, weekday=False)}, {_due_word(a.days_left)}"
        out.append(f"  {mark} {a.title} ({when})")
    out.append("")
    limits = project.profile.limits
    out.append(f"Onderdelen (samen {st.total_words} woorden; doel {limits.length_min}–{limits.length_max} "
               f"{limits.unit_label}):")
    for p in st.parts:
        label = {"nu": "nu schrijven", "later": "later", "achter": "achterstand", "klaar": "klaar",
                 "voorbij": "venster voorbij", "laat": "te laat"}.get(p.state, p.state)
        out.append(f"  {p.title:<48} {p.words:>5} woorden  week {p.first_week:>2}–{p.last_week:<2}  {label}")
    out.append("")
    out.append(f"Let op: {limits.length_note}")
    return "\n".join(out)


def _due_word(days: int) -> str:
    from .schedule import countdown, lateness
    return lateness(days) if days < 0 else countdown(days)


def cmd_status(args) -> int:
    project = service.open_project(args.project)
    today = parse_date(args.today, "--today") if args.today else dt.date.today()
    print(format_status(service.project_status(project, today), project))
    return 0


def cmd_build(args) -> int:
    """``stageverslag build``: see ``stageverslag build --help``."""
    from .docxbuild import texts
    project = service.open_project(args.project)
    result = service.build(project, skeleton=args.skeleton, stage=args.stage, house_style=args.huisstijl,
                           output=args.output, pdf=args.pdf, force=args.force,
                           **({"goals_table": args.leerdoelen} if getattr(args, "leerdoelen", None) else {}))
    print(texts.say("built", path=result.docx))
    if result.pdf:
        print(texts.say("built_pdf", path=result.pdf))
    for saved in (result.backup, result.pdf_backup):
        if saved:
            print(texts.say("backed_up", path=saved))
    for note in result.notes:
        print(texts.say("note", text=note))
    print(texts.say("next_steps", skeleton=args.skeleton))
    return 0


# ------------------------------------------------------------------------------------------------ goals


def format_goals(ov, profile) -> str:
    """The goals overview in Dutch (``stageverslag doelen``)."""
    from .goals import GOALS_FILE, MOMENTS
    if not ov.goals:
        return ("Je hebt nog geen leerdoelen genoteerd. Voeg er een toe met\n"
                "  stageverslag doelen --nieuw \"Ik ...\" --competenties LR6,LR9\n"
                f"of schrijf ze in {GOALS_FILE} in je project.")
    where = {"project": f" (uit {GOALS_FILE})", "tekst": f", gelezen uit je uitgangspunten (nog geen {GOALS_FILE}; "
             "'--doel N --competenties ...' bewaart ze daar)"}.get(ov.source, "")
    titles = {p.id: p.title for p in profile.parts}
    out = [f"Je leerdoelen{where}:"]
    for i, (goal, trace) in enumerate(zip(ov.goals, ov.traces), 1):
        comp = f" [{', '.join(goal.competences)}]" if goal.competences else " [nog geen competenties]"
        out.append(f"  {i}. {goal.text}{comp}")
        for key, label in MOMENTS.items():
            standing = getattr(goal, key)
            if not standing.empty():
                out.append(f"     {label}: {standing.stand}" + (f" — {standing.bewijs}" if standing.bewijs else ""))
        missing = [titles[p] for p in trace.missing]
        if ov.source == "project" and trace.stated is None and "uitgangspunten" in ov.parts:
            missing.insert(0, titles["uitgangspunten"])
        if missing:
            out.append(f"     komt nog niet terug in: {', '.join(missing)}")
    out.append("")
    out.append(f"Competenties in je doelen: {', '.join(ov.covered) or 'geen'}")
    if ov.uncovered:
        out.append(f"Nog niet in een doel: {', '.join(ov.uncovered)}")
    return "\n".join(out)


def cmd_goals(args) -> int:
    """``stageverslag doelen``: list, add or update the project's learning goals."""
    from .goals import Goal, Standing, _competence_list
    project = service.open_project(args.project)
    goals = service.goals(project)
    known = project.profile.competences or None
    changed = False
    wants_change = any(v is not None for v in (args.nieuw, args.verwijder, args.doel))
    if not goals and wants_change:  # no goals file yet: start from the goals the Uitgangspunten state
        from .goals import GOALS_FILE
        if not (project.root / GOALS_FILE).exists():
            goals = [g for g in service.goals_overview(project).goals]
    if args.nieuw:
        comps = _competence_list(args.competenties or [], "--competenties", known)
        goals.append(Goal(text=" ".join(args.nieuw.split()), competences=comps))
        changed = True
    if args.verwijder is not None:
        if not 1 <= args.verwijder <= len(goals):
            raise UserError(f"er is geen leerdoel {args.verwijder}; je hebt er {len(goals)}.")
        goals.pop(args.verwijder - 1)
        changed = True
    if args.doel is not None:
        if not 1 <= args.doel <= len(goals):
            raise UserError(f"er is geen leerdoel {args.doel}; je hebt er {len(goals)}.")
        goal = goals[args.doel - 1]
        if args.tekst:
            goal.text = " ".join(args.tekst.split())
        if args.competenties is not None:
            goal.competences = _competence_list(args.competenties, "--competenties", known)
        for key in ("halverwege", "einde"):
            stand = getattr(args, key)
            if stand is not None:
                setattr(goal, key, Standing(stand.strip(), (args.bewijs or "").strip()))
        changed = True
    elif any(v is not None for v in (args.tekst, args.halverwege, args.einde, args.bewijs)) or (
            args.competenties and not args.nieuw):
        raise UserError("zeg met --doel N welk leerdoel je bijwerkt.")
    if changed:
        path = service.save_goals(project, goals)
        print(f"Bewaard in {path}.")
    print(format_goals(service.goals_overview(project), project.profile))
    return 0


# ------------------------------------------------------------------------------------------------ rules

SEVERITY_WORDS = {"error": "fout", "warning": "waarschuwing", "info": "info"}


def rules_table() -> str:
    """The rules as the README's Markdown table, straight from the registry (``stageverslag rules --markdown``)."""
    from .rules import load_rules
    out = ["| code | naam | categorie | ernst | wat |", "|---|---|---|---|---|"]
    for r in load_rules():
        out.append(f"| {r.code} | `{r.name}` | {r.category} | {SEVERITY_WORDS[r.severity]} | {r.summary} |")
    return "\n".join(out) + "\n"


def _applies(rule) -> str:
    from .rules import SOURCE_LABELS, STAGE_LABELS
    stages = " en ".join(STAGE_LABELS[s] for s in rule.stages)
    if not rule.sources:
        return f"{stages}; bij het lezen van elk bestand"
    return f"{stages}; {' en '.join(SOURCE_LABELS[s] for s in rule.sources)}"


#: what a rule's message template fills in, in words (``stageverslag rules CODE`` shows the template)
_PLACEHOLDERS = {
    "title": "titel", "what": "wat", "explanation": "uitleg", "unit": "eenheid", "side": "kant", "min": "minimum",
    "max": "maximum", "wrong": "fout", "word": "woord", "words": "woorden", "wanted": "verwacht", "value": "waarde",
    "suggestion": "verbetering", "style": "stijl", "reason": "reden", "quote": "citaat", "question": "hulpvraag",
    "place": "plaats", "part": "onderdeel", "pages": "pagina's", "order": "volgorde", "number": "aantal",
    "method": "telwijze", "how": "hoe", "goal": "leerdoel", "found": "gevonden", "file": "bestand", "date": "datum",
    "ago": "hoelang geleden",
}


def explain_rule(rule) -> str:
    """One rule in Dutch: what it checks and reports, why (the handbook), when, and how to switch it off."""
    lines = [f"{rule.code} {rule.name}: {rule.summary}", "",
             f"  Categorie:  {rule.category}",
             f"  Ernst:      {SEVERITY_WORDS[rule.severity]}",
             f"  Geldt voor: {_applies(rule)}"]
    if rule.message:  # the template, with "…" where the rule fills in the details
        shown = re.sub(r"[{]([a-z_]+)[}]", lambda m: f"‹{_PLACEHOLDERS.get(m.group(1), '…')}›", rule.message)
        lines.append(f"  Melding:    {shown}")
    lines += [f"  Waarom:     {rule.rationale}", "",
              f"Alleen deze regel: stageverslag check --select {rule.code} …; overslaan: --ignore {rule.code}."]
    return "\n".join(lines) + "\n"


def cmd_rules(args) -> int:
    """``stageverslag rules [CODE]``: the registry in Dutch."""
    from .rules import load_rules, select_rules
    if args.markdown:
        sys.stdout.write(rules_table())
        return 0
    rules = load_rules()
    if args.code:
        chosen = select_rules(rules, [args.code])  # a code, name or category; UserError when unknown
        sys.stdout.write("\n".join(explain_rule(r) for r in chosen))
        return 0
    width = max(len(r.name) for r in rules)
    for r in rules:
        sys.stdout.write(f"{r.code}  {r.name:<{width}}  {SEVERITY_WORDS[r.severity]:<12}  {r.summary}\n")
    sys.stdout.write("\nUitleg bij een regel: stageverslag rules CODE (bv. stageverslag rules SV502).\n")
    return 0
