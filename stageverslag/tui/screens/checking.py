"""Checking and building: check the whole report (first part or final version), build the Word document
(full or as a skeleton) and the PDF, or check any other .docx by its path. The work runs in a worker
thread through the same core functions as the CLI; the results land on this screen."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...errors import UserError
from ...findings import SEVERITY_LABELS
from ...paths import expand_home
from ...profile import LENGTH_UNITS

INTRO = ("Controleer je verslag zoals je coach het leest, of maak het Word-document.\n"
         "m  eerste deel controleren        b  Word-document bouwen\n"
         "f  volledig verslag controleren   g  geraamte met hulpvragen\n"
         "o  ander .docx-bestand            p  Word-document en pdf\n"
         "a  kopie met opmerkingen in Word (van het laatst gecontroleerde .docx, of van je verslag)")
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "dim"}
VERDICT_STYLE = {"unreadable": "bold red", "errors": "bold red", "warnings": "bold yellow", "ok": "bold green"}
STAGE_LABELS = {"midterm": "eerste deel", "final": "volledig verslag"}


def render_report(title: str, report, profile=None) -> tuple[Text, list]:
    """The verdict and summary (length, notes), then one line per finding: the same view model as the text
    report (:func:`stageverslag.reporters.view.finding_lines`): same words, same order, same verdict."""
    from ...reporters import verdict
    from ...reporters.view import finding_lines
    if profile is None:
        from ...profile import load_profile
        profile = load_profile()
    text = Text()
    text.append(f"{title}\n", style="bold")
    key, sentence = verdict(report)
    text.append(f"Oordeel: {sentence}", style=VERDICT_STYLE[key])
    stats = getattr(report, "stats", None) or {}
    if stats.get("length_value") is not None:
        unit = LENGTH_UNITS.get(stats.get("length_unit") or "words", "woorden")
        text.append(f"\nLengte: {stats['length_value']} {unit}")
        if stats.get("pages") is not None:
            text.append(f" · {stats['pages']} pagina's")
    for note in getattr(report, "notes", None) or []:
        text.append(f"\nLet op: {note}", style="dim")
    items = [(finding_text(line), line.finding) for line in finding_lines(report, profile)]
    return text, items


def finding_text(line) -> Text:
    """One finding as the text report words it (``check --verbose``), its severity in colour."""
    text = Text()
    text.append(f"{SEVERITY_LABELS.get(line.severity, line.severity):<12} ", style=SEVERITY_STYLE.get(line.severity))
    text.append(line.text())
    return text


def render_build(title: str, result) -> Text:
    text = Text()
    text.append(f"{title}\n", style="bold")
    text.append(f"Word-document: {result.docx}\n")
    if getattr(result, "pdf", None):
        text.append(f"Pdf: {result.pdf}\n")
    if getattr(result, "backup", None):
        text.append(f"De vorige versie staat veilig in {result.backup}\n")
    for note in getattr(result, "notes", None) or []:
        text.append(f" • {note}\n")
    return text


class CheckScreen(Screen):
    BINDINGS = [
        Binding("m", "check('midterm')", "Deel 1"),
        Binding("f", "check('final')", "Volledig"),
        Binding("o", "other", ".docx"),
        Binding("b", "build('full')", "Word"),
        Binding("g", "build('skeleton')", "Geraamte"),
        Binding("p", "build('pdf')", "Pdf"),
        Binding("a", "annotate", "Opmerkingen"),
        Binding("k", "rubric", "Criteria"),
        Binding("escape", "back", "Terug"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(INTRO, id="check-intro")
        yield Input(placeholder="Pad naar een .docx-bestand, dan Enter (Esc = annuleren)", id="docx-path")
        with VerticalScroll(id="results-box"):
            yield Static("Kies wat je wilt doen. De resultaten komen hier; je kunt intussen verder werken.", id="results")
        yield OptionList(id="check-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Controleren en bouwen"
        self.query_one("#results-box").border_title = "Resultaat"
        self.query_one("#docx-path").display = False
        self.query_one("#check-list").border_title = "Bevindingen (Enter = naar de plaats in je tekst)"
        self.query_one("#check-list").display = False
        self.query_one("#results-box").focus()
        self.findings: list = []
        self.last_result = ""
        #: the .docx checked last with "o" (a commented copy is made of it), else None
        self.last_docx: Path | None = None
        self._progress: tuple[str, int, int, str] | None = None  # (title, step, steps, label)
        self._started = 0.0
        self._ticker = None

    # -- actions --------------------------------------------------------------------------------------
    def action_check(self, stage: str) -> None:
        from ...rules import CheckOptions
        state = self.app.state
        self.app.save_all_drafts()
        title = f"Controle van je project ({STAGE_LABELS[stage]})"

        def job():
            from ...service import check_project
            return render_report(title, check_project(state.project, CheckOptions(
                stage=stage, pages="estimate", today=state.today)), state.project.profile) + (True,)
        self.run_job(title, job)

    def action_build(self, kind: str) -> None:
        state = self.app.state
        self.app.save_all_drafts()
        title = {"full": "Word-document gebouwd", "skeleton": "Geraamte gebouwd",
                 "pdf": "Word-document en pdf gebouwd"}[kind]

        doing = {"full": "Word-document bouwen", "skeleton": "Geraamte bouwen", "pdf": "Word-document en pdf bouwen"}[kind]

        def job():
            from ...service import build
            return render_build(title, build(state.project, skeleton=kind == "skeleton", stage="final",
                                             pdf=kind == "pdf", today=state.today,
                                             progress=lambda n, total, label: self.progress(doing, n, total, label)))
        self.run_job(doing, job)

    def action_annotate(self) -> None:
        """A copy of a .docx with the findings as Word comments at their words: the .docx checked last, or
        else the report built from the drafts now. Written in the project's uit/nagekeken/ folder."""
        state = self.app.state
        self.app.save_all_drafts()
        docx = self.last_docx
        title = "Kopie met opmerkingen maken" + (f" van {docx.name}" if docx else " van je verslag")
        out_dir = state.project.root / "uit" / "nagekeken"

        def job():
            from ...annotate import write_annotated
            from ...rules import CheckOptions
            from ...service import build, check_file
            steps = 2 if docx else 3
            src = docx
            if src is None:
                self.progress(title, 1, steps, "Het Word-document bouwen")
                src = build(state.project, stage="final", today=state.today).docx
            self.progress(title, steps - 1, steps, f"{src.name} controleren")
            report = check_file(src, state.project.profile, CheckOptions(stage="final", pages="estimate",
                                                                         today=state.today))
            self.progress(title, steps, steps, "De opmerkingen in de kopie zetten")
            made = write_annotated(src, report, out_dir)
            text = Text()
            text.append("Kopie met opmerkingen gemaakt\n", style="bold")
            text.append(f"{made.path}\n")
            where = [f"{n} {label}" for n, label in ((made.at_words, "bij de woorden zelf"),
                                                      (made.on_paragraph, "bij een alinea"),
                                                      (made.on_title, "over het hele verslag, bij de titel")) if n]
            text.append(f"{made.comments} opmerkingen in Word" + (f": {', '.join(where)}" if where else "") + ".\n")
            if made.not_placed:
                text.append(f"{len(made.not_placed)} bevindingen konden niet in de tekst geplaatst worden; ze "
                            "staan in de eerste opmerking.\n")
            text.append("Open de kopie in Word: de opmerkingen staan in de marge. Het origineel is niet veranderd.")
            return text
        self.run_job(title, job)

    def action_rubric(self) -> None:
        """The handbook's criteria (VORM EN TAAL 1-4, INHOUD 1-9) for the whole report: what was checked, what
        was found, what only a person can judge. No grade."""
        from ...rules import CheckOptions
        state = self.app.state
        self.app.save_all_drafts()
        title = "Criteria van de handleiding (volledig verslag)"

        def job():
            from ...rubric import render_text
            from ...service import check_project, rubric
            report = check_project(state.project, CheckOptions(stage="final", pages="estimate", today=state.today))
            summary, items = render_report(title, report, state.project.profile)
            summary.append("\n\n")
            summary.append(render_text(rubric(report, state.project.profile), width=90))
            return summary, items, True
        self.run_job(title, job)

    def action_other(self) -> None:
        field = self.query_one("#docx-path", Input)
        field.display = True
        field.focus()

    @on(Input.Submitted, "#docx-path")
    def _path_given(self, event: Input.Submitted) -> None:
        self.check_other(event.value)

    def check_other(self, raw: str) -> None:
        from ...rules import CheckOptions
        state = self.app.state
        path = Path(expand_home(raw.strip().strip("'\"")))
        if not raw.strip():
            self.show_text(Text("Geef het pad van een .docx-bestand."))
            return
        if not path.is_file():
            self.show_text(Text(f"Het bestand {path} bestaat niet."))
            return
        if path.suffix.lower() != ".docx":
            self.show_text(Text(f"{path.name} is geen .docx-bestand; bewaar het eerst als Word-document (.docx)."))
            return
        self.query_one("#docx-path").display = False
        title = f"Controle van {path.name}"

        def job():
            from ...service import check_file
            return render_report(title, check_file(path, state.project.profile, CheckOptions(
                stage="final", pages="estimate", today=state.today)), state.project.profile) + (False,)
        self.last_docx = path.resolve()
        self.run_job(title, job)

    def action_back(self) -> None:
        field = self.query_one("#docx-path", Input)
        if field.display:
            field.display = False
            self.query_one("#results-box").focus()
            return
        self.app.pop_screen()

    # -- running --------------------------------------------------------------------------------------
    def run_job(self, title: str, job) -> None:
        import time
        self._progress = (title, 0, 0, "")
        self._started = time.monotonic()
        self.show_text(self._progress_text())
        self._progress = (title, 0, 0, "")  # show_text clears it for results; a job keeps it
        if self._ticker is None:
            self._ticker = self.set_interval(1.0, self._tick)
        self.query_one("#results-box").focus()
        self._run(title, job)

    def progress(self, title: str, step: int, steps: int, label: str) -> None:
        """From the worker thread: step ``step`` of ``steps`` starts (shown with the seconds so far)."""
        def show():
            if self._progress is not None:
                self._progress = (title, step, steps, label)
                self._tick()
        try:
            self.app.call_from_thread(show)
        except RuntimeError:  # called on the app's own thread (tests calling the job directly)
            show()

    def _progress_text(self) -> Text:
        import time
        title, step, steps, label = self._progress
        seconds = int(time.monotonic() - self._started)
        text = Text()
        text.append(f"{title}: bezig… {seconds} s\n", style="bold")
        if steps:
            done = "█" * step + "░" * (steps - step)
            text.append(f"{done}  stap {step} van {steps}: {label}\n")
        return text

    def _tick(self) -> None:
        if self._progress is not None and self.is_mounted:
            self.query_one("#results", Static).update(self._progress_text())

    @work(thread=True, exclusive=True, group="controle", name="controle")
    def _run(self, title: str, job) -> None:
        worker = get_current_worker()
        try:
            result = job()
        except ImportError:
            result = Text(f"{title}: dit onderdeel is nog niet beschikbaar in deze versie.")
        except UserError as exc:
            result = Text(f"{title} lukte niet: {exc}")
        except OSError as exc:
            result = Text(f"{title} lukte niet: {exc.strerror or exc}.")
        except Exception as exc:  # noqa: BLE001 - show it instead of crashing the app
            result = Text(f"{title} lukte niet door een onverwachte fout: {exc}")
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_text, result)

    def show_text(self, result) -> None:
        """A Text (status, build result, error) or (summary, findings, in_project) from a check."""
        if not self.is_mounted:
            return  # the student left this screen while the job ran
        summary, items, in_project = result if isinstance(result, tuple) else (result, [], False)
        self._progress = None  # a result (or a message) replaces the progress line
        self.query_one("#results", Static).update(summary)
        findings = self.query_one("#check-list", OptionList)
        findings.clear_options()
        findings.add_options([Option(line, id=str(i)) for i, (line, _) in enumerate(items)])
        findings.display = bool(items)
        self.set_class(bool(items), "-has-list")
        self.findings = [f for _, f in items]
        self.in_project = in_project
        self.last_result = "\n".join([summary.plain] + [line.plain for line, _ in items])
        if items:
            findings.focus()
            findings.highlighted = 0

    @on(OptionList.OptionSelected, "#check-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        finding = self.findings[int(event.option_id)]
        ids = self.app.state.project.profile.part_ids
        if not self.in_project:
            self.app.notify("Deze bevinding gaat over een ander bestand: open het in Word.", timeout=4)
        elif finding.part in ids:
            self.app.open_part(finding.part, line=finding.line)
        else:
            self.app.notify("Deze bevinding gaat over het hele verslag, niet over één plaats.", timeout=4)
