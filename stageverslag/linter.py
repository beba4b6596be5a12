"""The linter core: run the rules of ``checks/`` on one document model and return a :class:`Report`.

:func:`check_document` is the core (document model in, :class:`Report` out); :func:`check_file` reads a
.docx first (an unreadable file becomes a report with one ``input`` finding, rule SV900). Pure: no front end,
no builder, no processes. Batches are :mod:`stageverslag.batch`; checking a project's drafts (which needs the
builder to measure the report as built) is :mod:`stageverslag.service`.

Nothing here writes to the files it reads. Heavy modules (the language engine, LanguageTool) are imported
only when a selected rule needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, UserError
from .findings import Finding
from .profile import Profile, load_profile
from .rules import CheckOptions, Context, Rule, load_rules

INPUT_CODE = "SV900"  # the rule checks/sv900_input.py, which makes these findings
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
    #: set by a batch (coaches' overview; not part of the JSON contract): the student and late mark from
    #: Canvas's file name, the name the coach knows (``inzendingen.zip/member``), the categories checked, the
    #: commented copy, and whether the check itself stopped (not the file's fault)
    student: str | None = None
    late: bool | None = None
    display: str | None = None
    checked: tuple = ()
    annotated: str | None = None
    stopped: bool = False
    #: unexpected exceptions met while reading or checking this file (bugs in stageverslag, not faults of the
    #: file); the report has what could be checked, a note per error, and the exit status is 3
    internal_errors: list[str] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    def to_dict(self) -> dict:
        """The stable JSON form (see docs/json-format.md)."""
        out = {"file": self.file, "stage": self.stage, "stats": dict(self.stats),
               "findings": [f.to_dict() for f in self.findings], "notes": list(self.notes)}
        if self.internal_errors:  # only present when something went wrong inside stageverslag
            out["internal_errors"] = list(self.internal_errors)
        return out


def _empty_stats() -> dict:
    return {"pages": None, "page_method": None, "words": None, "characters": None,
            "characters_no_spaces": None, "length_unit": None, "length_value": None}


def _severity_rank(f: Finding) -> int:
    return {"error": 0, "warning": 1, "info": 2}[f.severity]


def resolve_stage(doc, profile: Profile, options: CheckOptions, outline=None) -> tuple[CheckOptions, str | None]:
    """``--stage auto`` (the default): the stage the document itself says it is, and why, in Dutch
    (:func:`stageverslag.document.outline.decide_stage`); a stage given explicitly is kept (no note)."""
    if options.stage != "auto":
        return options, None
    from dataclasses import replace
    from .document.outline import decide_stage
    stage, why = decide_stage(doc, profile, outline)
    return replace(options, stage=stage), why


def check_document(doc, profile: Profile, options: CheckOptions | None = None, project=None,
                   rules: list[Rule] | None = None, file: str | None = None, seed: dict | None = None) -> Report:
    """Run ``rules`` (default: all, for the stage) on a document model and return its report.
    ``seed``: analyses measured elsewhere (``stats``, ``pages``: for drafts, on the report as built).
    The outline is computed once, here or on the Context, and passed to whatever needs it."""
    options, seed = options or CheckOptions(), dict(seed or {})
    if options.stage == "auto" and "outline" not in seed:  # deciding the stage needs the outline: share it
        from .document.outline import analyse
        seed["outline"] = analyse(doc, profile)
    options, stage_note = resolve_stage(doc, profile, options, seed.get("outline"))
    rules = load_rules() if rules is None else rules
    running = [r for r in rules if r.applies_to(doc, options.stage)]
    analyses = frozenset(a for r in running for a in r.analyses)  # only what the running rules need
    ctx = Context(doc=doc, profile=profile, options=options, project=project, analyses=analyses)
    ctx.__dict__.update(seed)  # seeds the cached properties
    findings: list[Finding] = []
    notes: list[str] = [stage_note] if stage_note else []  # --stage auto: which stage, and why (first line)
    if options.stage == "final" or profile.limits.midterm_has_page_limit:
        notes.append(profile.limits.length_note)
    notes.extend(doc.notes)
    internal: list[str] = list(getattr(doc, "internal_errors", []))
    for error in internal:
        notes.append(internal_note(f"{error}; wat gelezen kon worden is nagekeken"))
    # the rules that need the language engine run last: on a first run the dictionaries load in threads
    # meanwhile (findings are sorted below, so the order they are found in does not show)
    for rule in sorted(running, key=lambda r: bool(r.analyses)):
        try:
            findings.extend(rule.check(ctx))
        except UserError as exc:
            notes.append(f"{rule.code} ({rule.name}) kon niet uitgevoerd worden: {exc}")
        except Exception as exc:  # a bug in one rule must not hide the other findings
            internal.append(f"{rule.code} ({rule.name}): {type(exc).__name__}: {exc}")
            notes.append(internal_note(f"de controle {rule.code} ({rule.name}) liep vast ({type(exc).__name__}: "
                                       f"{exc}); de andere controles zijn wel uitgevoerd"))
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
    _locate(findings, doc, ctx, pages)
    return Report(
        file=file or (str(doc.path) if doc.path else ""), stage=options.stage,
        stats={"pages": pages.pages, "page_method": pages.method, "words": stats.words,
               "characters": stats.characters, "characters_no_spaces": stats.characters_no_spaces,
               "length_unit": stats.length_unit, "length_value": stats.length_value},
        findings=findings, notes=notes, part_words={pid: stats.part_words.get(pid, 0) for pid in ctx.outline.order},
        internal_errors=internal)


#: the start of every internal-error note (reporters and tests look for it)
INTERNAL_MARK = "INTERNE FOUT"


def internal_note(what: str) -> str:
    """A clearly marked note for a bug in stageverslag met on this file (never the file's fault)."""
    from .crash import HOW_TO_REPORT
    return f"{INTERNAL_MARK} in stageverslag (niet de schuld van het bestand): {what}. {HOW_TO_REPORT}"


def internal_report(path: str | Path, exc: BaseException, stage: str, notes: list[str] | None = None) -> Report:
    """The report of a file whose reading or checking hit a bug in stageverslag: no findings, no 'unreadable'
    verdict, a marked note and ``internal_errors`` (exit status 3)."""
    what = f"{type(exc).__name__}: {exc}"
    return Report(file=str(path), stage="final" if stage == "auto" else stage, stats=_empty_stats(),
                  notes=list(notes or []) + [internal_note(f"het nakijken van dit bestand stopte ({what})")],
                  internal_errors=[what])


def _locate(findings: list[Finding], doc, ctx, pages=None) -> None:
    """Where each finding is for a person (sub-heading, page, quote): see ``reporters.view.locate``. A page
    count rendered by LibreOffice or kept by Word keeps the estimated page of each finding within it."""
    from .reporters.view import locate
    trusted = pages.pages if pages is not None and pages.method in ("render", "word") else None
    rendered = None
    if pages is not None and pages.method == "render" and doc.path is not None:
        from .document.pages import rendered_outline
        rendered = rendered_outline(doc.path)
    try:
        locate(findings, doc, ctx.outline, total_pages=trusted, rendered=rendered)
    except Exception:  # noqa: BLE001 - showing where is a courtesy; it never costs the student the findings
        pass


def input_report(path: str | Path, message: str, stage: str, notes: list[str] | None = None) -> Report:
    """The report of a file that could not be read: one ``input`` finding (SV900)."""
    from checks.sv900_input import finding as input_finding
    finding = input_finding(message)
    return Report(file=str(path), stage="final" if stage == "auto" else stage, stats=_empty_stats(),
                  findings=[finding], notes=list(notes or []), error=True)


def check_file(path: str | Path, profile: Profile | None = None, options: CheckOptions | None = None,
               project=None, rules: list[Rule] | None = None) -> Report:
    """Read and check one .docx; an unreadable file gives a report with an ``input`` finding."""
    options = options or CheckOptions()
    profile = profile or (project.profile if project is not None else load_profile())
    path = Path(path)
    from checks.sv900_input import refusal
    lock = refusal(path)
    if lock:
        return input_report(path, lock, options.stage, [profile.limits.length_note])
    from .document.reader import read_docx
    try:
        doc = read_docx(path)
    except InputError as exc:
        return input_report(path, str(exc), options.stage, [profile.limits.length_note])
    except (MemoryError, RecursionError) as exc:
        return input_report(path, f"{path}: het bestand is te groot of te diep genest om te lezen "
                                  f"({type(exc).__name__}).", options.stage, [profile.limits.length_note])
    except Exception as exc:  # a bug in the reader: say so, never blame the file
        return internal_report(path, exc, options.stage, [profile.limits.length_note])
    try:
        return check_document(doc, profile, options, project=project, rules=rules, file=str(path))
    except UserError:
        raise
    except Exception as exc:  # a bug outside the rules (statistics, outline, page count): the same
        return internal_report(path, exc, options.stage, [profile.limits.length_note])


def exit_status(reports: list[Report]) -> int:
    """0 without errors, 1 with errors, 2 when a file could not be read, 3 when stageverslag itself hit an
    internal error on a file (its report is incomplete; not the file's fault)."""
    if any(r.internal_errors for r in reports):
        return 3
    if any(r.error for r in reports):
        return 2
    return 1 if any(r.errors for r in reports) else 0
