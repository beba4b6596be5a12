"""``stageverslag build``: the project's Markdown drafts (or, with ``--skeleton``, its guiding questions) as a
Word document a student can finish and hand in — title page, table of contents, header and footer with
page numbers, the parts in the handbook's order — in the company's house style or a clean default, and
optionally as PDF through LibreOffice.

:func:`build_report` is the API (the service layer calls it for both front ends). The pieces live
in :mod:`stageverslag.docxbuild`; every fixed text in ``templates/docx/``."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.oxml.ns import qn

from .dates import format_date
from .docxbuild import frame, wordml, texts, toc
from .docxbuild.base import open_base, style_id, text_width_emu
from .docxbuild.markdown import Writer
from .errors import UserError
from .libreoffice import INSTALL_HINT, convert, find_soffice
from .paths import expand_home
from .project import DRAFTS_DIR, Project, strip_comments
from .sanitize import sanitize_bytes
from .storage import atomic_write_bytes, backup

OUTPUT_DIR = "uit"
BACKUP_DIR = "backup"

_ROLES = {"h1": "heading 1", "h2": "heading 2", "h3": "heading 3", "title": "Title", "subtitle": "Subtitle",
          "list_bullet": "List Bullet", "list_number": "List Number", "quote": "Quote", "caption": "caption",
          "hyperlink": "Hyperlink", "table": "Table Grid", "header": "header", "footer": "footer",
          "toc_heading": "TOC Heading", "toc1": "toc 1", "toc2": "toc 2", "toc3": "toc 3"}


@dataclass
class BuildResult:
    docx: Path
    pdf: Path | None = None
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)
    #: backup of a PDF that was there before (``--pdf``)
    pdf_backup: Path | None = None
    #: (level, heading text, page) as rendered by LibreOffice (empty when it is not installed)
    pages: list[tuple[int, str, int]] = field(default_factory=list)


def default_output(project: Project, stage: str = "final", skeleton: bool = False) -> Path:
    return project.root / OUTPUT_DIR / f"stageverslag-{stage}{'-skelet' if skeleton else ''}.docx"


def build_report(project: Project, *, skeleton: bool = False, stage: str = "final",
                 house_style: str | os.PathLike | None = None, output: str | os.PathLike | None = None,
                 pdf: bool = False, force: bool = False, today: dt.date | None = None,
                 progress=None, goals_table: str | None = None) -> BuildResult:
    """Build the report of ``project``; see the module docstring. Raises UserError (Dutch) on bad input.
    ``progress(step, total, label)``, if given, hears each step as it starts (the TUI shows it)."""
    if stage not in ("midterm", "final"):
        raise UserError(texts.say("unknown_stage", stage=stage))
    style_path = Path(expand_home(house_style)).resolve() if house_style else project.house_style_path()
    out = Path(expand_home(output)).resolve() if output else default_output(project, stage, skeleton)
    if out.is_dir():
        raise UserError(texts.say("output_is_folder", path=out))
    if not output:  # the default output folder must not lead out of the project (a symlinked uit/)
        try:
            real, root = Path(os.path.realpath(out.parent)), project.root.resolve()
        except (OSError, RuntimeError):
            raise UserError(texts.say("output_outside", path=out.parent)) from None
        if real != root and root not in real.parents:
            raise UserError(texts.say("output_outside", path=out.parent))
        if os.path.lexists(out.parent) and not out.parent.is_dir():
            raise UserError(texts.say("output_dir_blocked", path=out.parent))
    if out.suffix.lower() != ".docx":
        raise UserError(texts.say("output_suffix", path=out))
    if style_path is not None and out == style_path.resolve():
        raise UserError(texts.say("output_is_input", path=out))
    soffice = find_soffice()
    steps = ["Je teksten samenzetten"]
    if soffice:
        steps.append("Paginanummers voor de inhoudsopgave (LibreOffice)")
    steps.append("Het Word-document bewaren")
    if pdf and soffice:
        steps.append("De pdf maken (LibreOffice, tot een minuut)")

    def step(label: str) -> None:
        if progress is not None and label in steps:
            progress(steps.index(label) + 1, len(steps), label)

    step(steps[0])
    doc, writer, part_notes = _compose(project, skeleton, stage, style_path, today or dt.date.today(),
                                       goals_table=goals_table)
    notes = list(part_notes)
    entries = _write_toc(doc, writer)
    removed = sanitize_bytes(_raw_bytes(doc))[1]
    if removed.total:
        notes.append(texts.say("links_left_out", what=removed.describe()))
    pages: dict[str, int] = {}
    if soffice and entries:
        step("Paginanummers voor de inhoudsopgave (LibreOffice)")
        try:
            with tempfile.TemporaryDirectory(prefix="stageverslag-build-") as tmp:
                draft = Path(tmp) / "verslag.docx"
                draft.write_bytes(_bytes(doc))
                pages = toc.heading_pages(draft, writer.headings, _first_page_number(doc))
        except UserError as exc:
            notes.append(texts.say("toc_pages_failed", reason=exc))
    elif entries:
        notes.append(texts.say("toc_without_pages"))
    toc.set_pages(entries, pages)

    result = BuildResult(docx=out, notes=notes,
                         pages=[(h.level, h.text, pages[h.bookmark]) for h in writer.headings if h.bookmark in pages])
    backups = project.root / OUTPUT_DIR / BACKUP_DIR
    step("Het Word-document bewaren")
    result.backup = None if force else _backup(out, backups)
    _write(out, _bytes(doc))
    if pdf and not soffice:  # the Word document is there all the same; say how to get the PDF
        notes.append(texts.say("pdf_skipped", reason=INSTALL_HINT))
    elif pdf:
        step("De pdf maken (LibreOffice, tot een minuut)")
        target = out.with_suffix(".pdf")
        try:
            with tempfile.TemporaryDirectory(prefix="stageverslag-pdf-") as tmp:
                made = convert(out, "pdf", outdir=tmp)
                result.pdf_backup = None if force else _backup(target, backups)
                _write(target, made.read_bytes())
            result.pdf = target
        except UserError as exc:
            notes.append(texts.say("pdf_skipped", reason=exc))
    return result


def report_bytes(project: Project, *, stage: str = "final", today: dt.date | None = None) -> bytes:
    """The report exactly as ``build`` composes it (table of contents without page numbers), in memory:
    what ``check`` measures to count the pages of a project's drafts."""
    doc, writer, _ = _compose(project, False, stage, project.house_style_path(), today or dt.date.today())
    _write_toc(doc, writer)
    return _bytes(doc)


# --------------------------------------------------------------------------------------- composing


def _write_toc(doc, writer):
    return toc.write_toc(doc, style_id(doc, "TOC Heading"), {lvl: style_id(doc, f"toc {lvl}") for lvl in (1, 2, 3)},
                         writer.toc_anchor, writer.headings)



def _compose(project: Project, skeleton: bool, stage: str, style_path: Path | None, today: dt.date,
             goals_table: str | None = None):
    notes: list[str] = []
    doc = open_base(style_path, notes)
    styles = {role: style_id(doc, name) for role, name in _ROLES.items()}
    styles["placeholder"] = style_id(doc, texts.say("placeholder_style"))
    root = project.root
    writer = Writer(doc, styles, [root, root / DRAFTS_DIR], text_width_emu(doc))
    cfg, profile = project.config, project.profile
    track = profile.tracks.get(cfg.track)
    context = dict(student=cfg.student, company=cfg.company, mentor=cfg.mentor, coach=cfg.coach,
                   academic_year=cfg.academic_year, programme=profile.programme, institution=profile.institution,
                   track=track.name if track else cfg.track, date=format_date(today, weekday=False),
                   version=texts.say("stage_label", stage=stage),
                   skeleton=texts.say("skeleton_label") if skeleton else "")
    writer.toc_anchor = frame.title_page(writer, styles, context)
    schedule = project.schedule() if skeleton else None
    for part in profile.parts_for(stage):
        writer.heading(part.title, 1, page_break=part.page_break_before)
        if skeleton:
            _skeleton_part(writer, schedule, part)
        else:
            notes.extend(_draft_part(writer, project, part))
            notes.extend(_goals_table(writer, project, part, goals_table))
    notes.extend(writer.notes)
    frame.header_footer(doc, styles, context, house_style=style_path is not None)
    wordml.set_update_fields(doc.settings.element)
    props = doc.core_properties
    props.title = f"Stageverslag {cfg.company}".strip()
    props.author = cfg.student
    props.last_modified_by = cfg.student
    props.subject = context["version"]
    props.revision = 1
    props.created = props.modified = dt.datetime.now()
    return doc, writer, notes


def _skeleton_part(writer: Writer, schedule, part) -> None:
    first, last = schedule.window(part)
    window = f"week {first}" if first == last else f"week {first} tot {last}"
    start = schedule.week_monday(first)
    end = schedule.week_monday(last) + dt.timedelta(days=4)
    dates = f"{format_date(start, weekday=False)} – {format_date(end, weekday=False)}"
    for line in texts.lines("skelet.j2", part=part, window=window, dates=dates):
        if line.strip():
            writer.placeholder(line.strip())
    for sub in part.subsections:
        writer.heading(sub.title, 2)
        for line in texts.lines("skelet-sub.j2", section=sub):
            if line.strip():
                writer.placeholder(line.strip())


def _draft_part(writer: Writer, project: Project, part) -> list[str]:
    notes = []
    source = project.read_draft(part.id)
    prose = "\n".join(line for line in strip_comments(source).splitlines() if not line.lstrip().startswith("#"))
    if not prose.strip():
        writer.placeholder(texts.say("empty_part", title=part.title))
        notes.append(texts.say("part_empty", title=part.title))
    subheads = writer.markdown(source, part.title, part.aliases)
    found = {" ".join(s.split()).casefold() for s in subheads}
    for sub in part.subsections:
        if not found & {sub.title.casefold(), *sub.aliases}:
            writer.heading(sub.title, 2)
            writer.placeholder(texts.say("missing_subsection", title=sub.title))
            notes.append(texts.say("subsection_added", part=part.title, title=sub.title))
    return notes


def _goals_table(writer: Writer, project: Project, part, place: str | None) -> list[str]:
    """The table of the goals with their competences at the end of ``part``, when the goals file (``tabel =
    "bijlage"``) or ``build --leerdoelen`` puts it there ("geen": never)."""
    from .goals import _table_place, goals_table_markdown, goals_table_place, project_goals
    place = goals_table_place(project.root) if place is None else _table_place(place, "--leerdoelen")
    if place != part.id:
        return []
    goals = project_goals(project)
    if not goals:
        return [f"Er staan geen leerdoelen in leerdoelen.toml; de tabel met leerdoelen in '{part.title}' is "
                "weggelaten."]
    writer.markdown(goals_table_markdown(goals, project.profile), part.title, part.aliases)
    return []


def _first_page_number(doc) -> int:
    sect = doc.element.body.find(qn("w:sectPr"))
    pg = sect.find(qn("w:pgNumType")) if sect is not None else None
    start = pg.get(qn("w:start")) if pg is not None else None
    return int(start) if start and start.isdigit() else 1


def _raw_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _bytes(doc) -> bytes:
    """The document as it is written: never with a link that is fetched when it is opened (a house style's
    linked logo, an include-field), see ``stageverslag.sanitize``."""
    return sanitize_bytes(_raw_bytes(doc))[0]


def _backup(path: Path, folder: Path) -> Path | None:
    """Back up what is at ``path`` before it is overwritten, or stop the build (UserError, Dutch) with the old
    file untouched. The backup folder must lie inside the project (no symlink out)."""
    if not path.is_file():
        return None
    if os.path.lexists(folder) and not folder.is_dir():
        raise UserError(texts.say("backup_dir_blocked", path=folder))
    try:
        real = Path(os.path.realpath(folder))
        root = Path(os.path.realpath(folder.parent.parent))  # the project (folder is <project>/uit/backup)
        if real != root and root not in real.parents:
            raise UserError(texts.say("output_outside", path=folder))
        return backup(path, folder)
    except (OSError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        if getattr(exc, "errno", None) == errno.ENOSPC:
            reason = "de schijf is vol"
        elif isinstance(exc, PermissionError) or getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM,
                                                                                   errno.EROFS):
            reason = "geen schrijfrechten in die map, of de schijf is alleen-lezen"
        raise UserError(texts.say("backup_failed", path=path, reason=reason)) from None


def _write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise UserError(texts.say("output_locked", path=path, reason=exc.strerror or exc)) from None
