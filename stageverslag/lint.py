"""The linter: run the rules of ``checks/`` on one document, a file, a project's drafts or whole folders.

:func:`check_document` is the core (document model in, :class:`Report` out); :func:`check_file` reads a
.docx first (an unreadable file becomes a report with one ``input`` finding, code SV900);
:func:`check_project` checks a project's Markdown drafts; :func:`check_paths` checks files and folders in
parallel processes with a progress bar. :func:`cmd_check` is the ``stageverslag check`` command.

Nothing here writes to the files it reads. Heavy modules (the language engine, LanguageTool, Textual) are
imported only when a selected rule needs them.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, UserError
from .findings import Finding
from .profile import Profile, load_profile
from .rules import CheckOptions, Context, Rule, load_rules, select_rules

INPUT_CODE = "SV900"
DOCX_SUFFIXES = (".docx", ".docm")


@dataclass
class Report:
    file: str
    stage: str
    stats: dict
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the file could not be read (its only finding is the ``input`` one)
    error: bool = False
    #: words per part id, in document order (for the text report; not part of the JSON contract)
    part_words: dict[str, int] = field(default_factory=dict)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    def to_dict(self) -> dict:
        """The stable JSON form (see docs/json-format.md)."""
        return {"file": self.file, "stage": self.stage, "stats": dict(self.stats),
                "findings": [f.to_dict() for f in self.findings], "notes": list(self.notes)}


def _empty_stats() -> dict:
    return {"pages": None, "page_method": None, "words": None, "characters": None,
            "characters_no_spaces": None, "length_unit": None, "length_value": None}


def _severity_rank(f: Finding) -> int:
    return {"error": 0, "warning": 1, "info": 2}[f.severity]


def check_document(doc, profile: Profile, options: CheckOptions | None = None, project=None,
                   rules: list[Rule] | None = None, file: str | None = None, seed: dict | None = None) -> Report:
    """Run ``rules`` (default: all, for the stage) on a document model and return its report.
    ``seed``: analyses measured elsewhere (``stats``, ``pages``: for drafts, on the report as built)."""
    options = options or CheckOptions()
    rules = load_rules() if rules is None else rules
    ctx = Context(doc=doc, profile=profile, options=options, project=project)
    ctx.__dict__.update(seed or {})  # seeds the cached properties
    findings: list[Finding] = []
    notes: list[str] = [profile.limits.length_note]
    notes.extend(doc.notes)
    for rule in rules:
        if options.stage not in rule.stages:
            continue
        try:
            findings.extend(rule.check(ctx))
        except UserError as exc:
            notes.append(f"{rule.code} ({rule.name}) kon niet uitgevoerd worden: {exc}")
        except Exception as exc:  # a bug in one rule must not hide the other findings
            notes.append(f"{rule.code} ({rule.name}) liep vast op dit bestand (interne fout: "
                         f"{type(exc).__name__}: {exc}). Meld dit aan de ontwikkelaars.")
    language = ctx.__dict__.get("language")  # the engine's notes: dictionary used, LanguageTool, ...
    notes.extend(n for n in getattr(language, "notes", []) if n not in notes)
    stats = ctx.stats
    ran_page_rule = any(r.category == "pages" and options.stage in r.stages for r in rules)
    if not ran_page_rule and options.pages == "auto" and "pages" not in ctx.__dict__:
        # no rule needs an exact count: don't pay for a LibreOffice render just for the statistics
        from .document.pages import count_pages
        pages = count_pages(doc, method="estimate")
    else:
        pages = ctx.pages
    if pages.note and pages.note not in notes:
        notes.append(pages.note)
    findings.sort(key=lambda f: (f.paragraph if f.paragraph is not None else -1, f.file or "", f.line or 0,
                                 _severity_rank(f), f.code))
    return Report(
        file=file or (str(doc.path) if doc.path else ""), stage=options.stage,
        stats={"pages": pages.pages, "page_method": pages.method, "words": stats.words,
               "characters": stats.characters, "characters_no_spaces": stats.characters_no_spaces,
               "length_unit": stats.length_unit, "length_value": stats.length_value},
        findings=findings, notes=notes, part_words={pid: stats.part_words.get(pid, 0) for pid in ctx.outline.order})


def input_report(path: str | Path, message: str, stage: str, notes: list[str] | None = None) -> Report:
    """The report of a file that could not be read: one ``input`` finding (SV900)."""
    finding = Finding(code=INPUT_CODE, category="input", severity="error", message=message)
    return Report(file=str(path), stage=stage, stats=_empty_stats(), findings=[finding], notes=list(notes or []),
                  error=True)


def _lock_file_message(path: Path) -> str | None:
    if path.name.startswith("~$"):
        return ("dit is een tijdelijk vergrendelingsbestand van Word (de naam begint met '~$'), geen verslag. "
                "Word maakt het terwijl het document open staat; je mag het verwijderen.")
    return None


def check_file(path: str | Path, profile: Profile | None = None, options: CheckOptions | None = None,
               project=None, rules: list[Rule] | None = None) -> Report:
    """Read and check one .docx; an unreadable file gives a report with an ``input`` finding."""
    options = options or CheckOptions()
    profile = profile or (project.profile if project is not None else load_profile())
    path = Path(path)
    lock = _lock_file_message(path)
    if lock:
        return input_report(path, f"{path}: {lock}", options.stage, [profile.limits.length_note])
    from .document.reader import read_docx
    try:
        doc = read_docx(path)
    except InputError as exc:
        return input_report(path, str(exc), options.stage, [profile.limits.length_note])
    return check_document(doc, profile, options, project=project, rules=rules, file=str(path))


def measure_built_report(project, stage: str = "final", pages_method: str | None = "estimate"):
    """Measure the report that ``stageverslag build`` would make from the drafts right now: the builder
    composes it in memory (title page, table of contents, page breaks, the house style), and the same
    statistics and page counter as for any .docx measure it, so ``check``, ``build`` and the TUI agree.
    Returns ``(stats, page_count)``; ``page_count`` is None when ``pages_method`` is None."""
    import tempfile

    from .builder import report_bytes
    from .document.reader import read_docx
    from .document.pages import count_pages
    from .document.outline import statistics
    with tempfile.TemporaryDirectory(prefix="stageverslag-meten-") as tmp:
        path = Path(tmp) / "verslag.docx"
        path.write_bytes(report_bytes(project, stage=stage))
        doc = read_docx(path)
        pages = count_pages(doc, method=pages_method) if pages_method else None
        return statistics(doc, project.profile), pages


def check_project(project, options: CheckOptions | None = None, rules: list[Rule] | None = None) -> Report:
    """Check a project's Markdown drafts. Findings point into the drafts (file, line); length and pages are
    those of the report as ``build`` would make it now (title page and table of contents included, as the
    handbook counts them; pages rendered with LibreOffice for ``auto``/``render`` when it is there)."""
    options = options or CheckOptions()
    rules = load_rules() if rules is None else rules
    doc = project.document()
    if options.stage == "midterm":  # the upload holds only the midterm parts, as `build --stage midterm` makes it
        wanted_parts = {p.id for p in project.profile.parts_for("midterm")}
        doc.paragraphs = [p for p in doc.paragraphs if p.part_hint in wanted_parts]
    seed = {}
    wanted = {r.category for r in rules if options.stage in r.stages}
    if wanted & {"pages", "length"}:
        method = ("estimate" if options.pages == "word" else options.pages) if "pages" in wanted else None
        try:
            stats, pages = measure_built_report(project, options.stage, method)
            seed["stats"] = stats
            if pages is not None:
                seed["pages"] = pages
        except UserError as exc:
            doc.notes.append(f"Het verslag kon niet in het geheugen opgebouwd worden om lengte en pagina's te "
                             f"meten ({exc}); ze zijn geschat uit je teksten.")
    report = check_document(doc, project.profile, options, project=project, rules=rules, file=str(project.root),
                            seed=seed)
    report.notes.append("Dit zijn je teksten in het project (nog geen Word-document). Lengte en pagina's zijn die "
                        "van het verslag zoals 'stageverslag build' het nu zou maken, met titelpagina en "
                        "inhoudsopgave erbij.")
    return report


# ------------------------------------------------------------------------------------------------ batch


def collect_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders (recursively) to their .docx/.docm files, sorted; files are kept as given.

    Word lock files (``~$...``) are kept: they are reported, a coach wants to know. A path that does not
    exist, or a folder without reports, is a command error (UserError).
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCX_SUFFIXES)
            if not found:
                raise UserError(f"in de map {p} staan geen .docx-bestanden.")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise UserError(f"{p} bestaat niet. Controleer de naam of het pad.")
    return list(dict.fromkeys(out))


def _worker(path: str, profile: Profile, options: CheckOptions, project, codes: list[str]) -> Report:
    rules = [r for r in load_rules() if r.code in set(codes)]
    return _safe_check(path, profile, options, project, rules)


def _safe_check(path, profile, options, project, rules) -> Report:
    try:
        return check_file(path, profile, options, project=project, rules=rules)
    except UserError as exc:
        return input_report(path, str(exc), options.stage)
    except (MemoryError, RecursionError) as exc:
        return input_report(path, f"{path}: het bestand is te groot of te diep genest om te lezen "
                                  f"({type(exc).__name__}).", options.stage)
    except Exception as exc:  # never stop a batch: the coach gets a report for every file
        return input_report(path, f"{path}: het bestand kon niet gelezen worden ({type(exc).__name__}: {exc}). "
                                  "Open het in Word en sla het opnieuw op als .docx.", options.stage)


class Progress:
    """A plain carriage-return progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() if enabled is None else enabled) and total > 1

    def step(self, name: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        label = (name[:30] + "…") if len(name) > 31 else name
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label:<32}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def check_paths(paths: list[str | Path], profile: Profile | None = None, options: CheckOptions | None = None,
                project=None, rules: list[Rule] | None = None, jobs: int = 0,
                progress: bool | None = None) -> list[Report]:
    """Check every .docx in ``paths`` (files or folders), in ``jobs`` processes (0: one per CPU core).

    Reports come back in the order of the files. A broken file gets its own report; the batch goes on.
    """
    options = options or CheckOptions()
    profile = profile or (project.profile if project is not None else load_profile())
    rules = load_rules() if rules is None else rules
    files = collect_files(paths)
    bar = Progress(len(files), enabled=progress)
    jobs = jobs or os.cpu_count() or 1
    reports: dict[Path, Report] = {}
    if jobs <= 1 or len(files) <= 1:
        for f in files:
            reports[f] = _safe_check(f, profile, options, project, rules)
            bar.step(f.name)
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed  # only for a batch: slow import
        codes = [r.code for r in rules]
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = {pool.submit(_worker, str(f), profile, options, project, codes): f for f in files}
            for fut in as_completed(futures):
                f = futures[fut]
                try:
                    reports[f] = fut.result()
                except Exception as exc:  # a worker that died (e.g. killed for memory)
                    reports[f] = input_report(f, f"{f}: het controleren van dit bestand is mislukt "
                                                 f"({type(exc).__name__}).", options.stage)
                bar.step(f.name)
    bar.close()
    for r in reports.values():  # every report states how the length limit is read
        if profile.limits.length_note not in r.notes:
            r.notes.insert(0, profile.limits.length_note)
    return [reports[f] for f in files]


# ------------------------------------------------------------------------------------------------ command


def _split(codes: str | None) -> list[str]:
    return [c.strip() for c in (codes or "").split(",") if c.strip()]


PROJECT_CONFIG = "stageverslag.toml"  # = project.CONFIG_NAME, without importing project (and Jinja) for nothing


def _project_for(args):
    if getattr(args, "project", None) or Path(PROJECT_CONFIG).is_file():
        from .project import load_project
        return load_project(args.project or ".")
    return None


def exit_status(reports: list[Report]) -> int:
    """0 without errors, 1 with errors, 2 when a file could not be read."""
    if any(r.error for r in reports):
        return 2
    return 1 if any(r.errors for r in reports) else 0


def render(reports: list[Report], fmt: str, profile: Profile, color: bool = False) -> str:
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
    return render_text(reports, profile, color=color)


def cmd_check(args) -> int:
    """``stageverslag check``: see ``stageverslag check --help``."""
    from .dates import parse_date
    project = _project_for(args)
    today = parse_date(args.today, "--today") if args.today else dt.date.today()
    if args.jobs < 0:
        raise UserError("--jobs moet 0 (automatisch) of een positief getal zijn.")
    languagetool = args.languagetool or (project.config.languagetool if project is not None else None) or None
    if languagetool:
        from .language.languagetool import LanguageToolError, validate_url
        try:
            languagetool = validate_url(languagetool)
        except LanguageToolError as exc:
            raise UserError(str(exc)) from None
    options = CheckOptions(stage=args.stage or "final", pages=args.pages, languagetool=languagetool, today=today)
    profile = project.profile if project is not None else load_profile()
    rules = select_rules(load_rules(), _split(args.select), _split(args.ignore))
    if args.paths:
        reports = check_paths(args.paths, profile, options, project=project, rules=rules, jobs=args.jobs)
    elif project is not None:
        reports = [check_project(project, options, rules=rules)]
    else:
        raise UserError("geef een .docx-bestand of een map om te controleren, of start de opdracht in de map "
                        "van je project (of geef --project MAP).")
    color = (not args.output and not args.no_color and not os.environ.get("NO_COLOR")
             and sys.stdout.isatty())
    out = render(reports, args.format, profile, color=color)
    if args.output:
        from .storage import atomic_write_text
        target = Path(args.output)
        if any(target.resolve() == Path(r.file).resolve() for r in reports if r.file):
            raise UserError(f"{target}: dat is een van de gecontroleerde bestanden; kies een ander uitvoerbestand.")
        atomic_write_text(target, out)
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    return exit_status(reports)
