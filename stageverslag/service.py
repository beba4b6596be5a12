"""The service layer: what a front end can ask of stageverslag. The CLI (:mod:`stageverslag.commands`) and the
TUI (:mod:`stageverslag.tui`) both call these functions and only translate input and show results.

- :func:`check_options` and :func:`select` turn a front end's choices into checking options and rules
  (the configuration is validated here, once);
- :func:`check` checks files and folders (a batch, :mod:`stageverslag.batch`) or a project's drafts;
- :func:`check_file`, :func:`check_project` check one .docx or one project;
- :func:`measure_built_report` measures the report as ``build`` would make it now;
- :func:`project_status`, :func:`init`, :func:`open_project`, :func:`build` for the project.

Heavy modules (the builder, Jinja, the language engine) are imported only by the functions that need them,
so ``stageverslag check`` on a .docx starts fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .errors import UserError
from .linter import Report, check_document, check_file, exit_status, input_report  # noqa: F401 - re-exported
from .linter import resolve_stage
from .profile import Profile, load_profile
from .rules import CheckOptions, Rule, load_rules, select_rules

PROJECT_CONFIG = "stageverslag.toml"  # = project.CONFIG_NAME, without importing project (and Jinja) for nothing


# ------------------------------------------------------------------------------------------------ options


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """The rules to run for ``--select``/``--ignore`` (codes, names or categories); UserError when unknown."""
    return select_rules(load_rules(), select, ignore)


def check_options(project=None, stage: str | None = None, pages: str = "auto", languagetool: str | None = None,
                  today: dt.date | None = None) -> CheckOptions:
    """Checking options from a front end's choices and the project's settings. A LanguageTool server is
    used only when the student named one (here or in the project); its address is validated."""
    server = languagetool or (project.config.languagetool if project is not None else None) or None
    if server:
        from .language.languagetool import LanguageToolError, validate_url
        try:
            server = validate_url(server)
        except LanguageToolError as exc:
            raise UserError(str(exc)) from None
    return CheckOptions(stage=stage or "auto", pages=pages, languagetool=server, today=today or dt.date.today())


# ------------------------------------------------------------------------------------------------ projects


def find_project(folder: str | Path | None = None):
    """The project in ``folder`` (given) or in the current folder (if it has a stageverslag.toml), else None."""
    if folder or Path(PROJECT_CONFIG).is_file():
        from .project import load_project
        return load_project(folder or ".")
    return None


def open_project(folder: str | Path | None = None):
    """The project in ``folder`` (default: here); UserError when there is none."""
    from .project import load_project
    return load_project(folder)


#: the dates of a new project: form/option key -> how the field is named in a message
DATE_FIELDS = {"start": "eerste stagedag", "terugkommoment": "terugkommoment", "einde": "laatste stagedag",
               "tweede_start": "eerste dag op de tweede stageplaats"}


def check_track(value: str, profile: Profile | None = None) -> str:
    """The track in capitals; UserError (Dutch) when the profile does not know it."""
    profile = profile or load_profile()
    if value.strip().upper() not in profile.tracks:
        raise UserError(f"kies {', '.join(profile.tracks)}")
    return value.strip().upper()


def new_config(values: dict[str, str], profile: Profile | None = None):
    """A new project's settings from what a front end asked (keys: student, traject, bedrijf, mentor, coach,
    start, terugkommoment, einde, academiejaar, huisstijl, tweede_bedrijf, tweede_mentor, tweede_start; empty
    or missing = not given). Checks the track and every date, once, for the CLI's ``init`` and the TUI's form;
    a front end says in its own words which required field is empty."""
    from .dates import parse_date
    from .project import ProjectConfig
    v = {k: (str(x).strip() if x is not None else "") for k, x in values.items()}
    day = {k: (parse_date(v[k], label) if v.get(k) else None) for k, label in DATE_FIELDS.items()}
    return ProjectConfig(
        student=v.get("student", ""), track=check_track(v.get("traject", ""), profile), company=v.get("bedrijf", ""),
        mentor=v.get("mentor", ""), coach=v.get("coach", ""), academic_year=v.get("academiejaar", ""),
        start=day["start"], terugkommoment=day["terugkommoment"], end=day["einde"],
        house_style=v.get("huisstijl", ""), second_company=v.get("tweede_bedrijf", ""),
        second_mentor=v.get("tweede_mentor", ""), second_start=day["tweede_start"])


def init(folder: str | Path | None, config, profile: Profile | None = None):
    """Make a new project (config, one draft per part, personal word list) and return it."""
    from .project import init_project
    return init_project(folder or ".", config, profile or load_profile())


def project_status(project, today: dt.date):
    """Where the student stands: week, what to write, deadlines, actions (:class:`schedule.Status`)."""
    from .schedule import status
    progress = project.progress()
    return status(project.schedule(), today, project.draft_words(), progress["klaar"], progress["acties"])


def build(project, **kwargs):
    """Build the Word document (and PDF) from the drafts: :func:`stageverslag.builder.build_report`."""
    from .builder import build_report
    return build_report(project, **kwargs)


# ------------------------------------------------------------------------------------------------ checking


def measure_built_report(project, stage: str = "final", pages_method: str | None = "estimate"):
    """Measure the report that ``stageverslag build`` would make from the drafts right now: the builder
    composes it in memory (title page, table of contents, page breaks, the house style), and the same
    statistics and page counter as for any .docx measure it, so ``check``, ``build`` and the TUI agree.
    Returns ``(stats, page_count)``; ``page_count`` is None when ``pages_method`` is None."""
    import tempfile

    from .builder import report_bytes
    from .document.outline import statistics
    from .document.pages import count_pages
    from .document.reader import read_docx
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
    options, stage_note = resolve_stage(doc, project.profile, options)  # auto: midterm when only its parts exist
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
    if stage_note:
        report.notes.insert(0, stage_note)
    report.notes.append("Dit zijn je teksten in het project (nog geen Word-document). Lengte en pagina's zijn die "
                        "van het verslag zoals 'stageverslag build' het nu zou maken, met titelpagina en "
                        "inhoudsopgave erbij.")
    return report


def check(paths: list[str | Path] | None = None, project=None, options: CheckOptions | None = None,
          rules: list[Rule] | None = None, jobs: int = 0, progress: bool | None = None,
          annotate: str | Path | None = None) -> list[Report]:
    """Check .docx files, folders and Canvas .zip downloads (``paths``), or else the project's drafts. One
    report per file. ``annotate``: a folder for commented copies of the checked files (batch only)."""
    options = options or CheckOptions()
    profile = project.profile if project is not None else load_profile()
    if jobs < 0:
        raise UserError("--jobs moet 0 (automatisch) of een positief getal zijn.")
    if paths:
        from .batch import check_paths
        return check_paths(paths, profile, options, project=project, rules=rules, jobs=jobs, progress=progress,
                           annotate=annotate)
    if project is not None:
        return [check_project(project, options, rules=rules)]
    raise UserError("geef een .docx-bestand of een map om te controleren, of start de opdracht in de map "
                    "van je project (of geef --project MAP).")


# ------------------------------------------------------------------------------------------------ goals, rubric


def rubric(report: Report, profile: Profile | None = None, rules: list[Rule] | None = None):
    """The handbook's criteria next to a checked report (:func:`stageverslag.rubric.rubric`): per criterion
    what was verified, what was found and what only a person can judge. No grade."""
    from .rubric import rubric as make
    return make(report, profile or load_profile(), rules)


def goals(project):
    """The project's goals file (:class:`stageverslag.goals.Goal` list; [] when it has none)."""
    from .goals import project_goals
    return project_goals(project) or []


def save_goals(project, goals_list) -> Path:
    """Write the project's goals file."""
    from .goals import save_goals as write
    return write(project.root, goals_list)


def goals_overview(project, stage: str = "final"):
    """The goals as the dashboard shows them: the goals, the competences they cover, and for each goal where the
    drafts come back to it (:class:`stageverslag.goals.Overview`)."""
    from .goals import overview
    return overview(project, stage)

