"""The form shown when there is no project yet: name, track, company, mentor, coach and dates.
It calls the service's ``new_config`` and ``init`` (the same as ``stageverslag init``) and then opens the dashboard."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from ...errors import UserError
from ...project import ProjectConfig
from ...service import init

FIELDS = [
    ("student", "Je naam", "bv. Nina Peeters"),
    ("bedrijf", "Stagebedrijf", "bv. Rupelhaven Logistics"),
    ("mentor", "Stagementor", "mag leeg"),
    ("coach", "Stagecoach", "mag leeg"),
    ("start", "Eerste stagedag", "bv. 8/2/2027"),
    ("terugkommoment", "Terugkommoment", "bv. 10/3/2027; leeg als je het nog niet weet"),
]


def config_from_form(values: dict[str, str]) -> ProjectConfig:
    """Validate the form; UserError (Dutch) names the field that is wrong."""
    for key, label in (("student", "je naam"), ("traject", "je traject"), ("bedrijf", "je stagebedrijf"),
                       ("start", "je eerste stagedag")):
        if not values.get(key, "").strip():
            raise UserError(f"Vul {label} in.")
    from ...service import new_config
    return new_config(values)


class CreateProjectScreen(Screen):
    BINDINGS = [Binding("ctrl+s", "create", "Project maken")]

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def compose(self) -> ComposeResult:
        from ...profile import load_profile
        tracks = load_profile().tracks
        yield Header()
        with VerticalScroll(id="create-form"):
            yield Static(f"Er staat nog geen project in {self.root}. Vul je gegevens in; je kunt ze later "
                         "aanpassen in stageverslag.toml.", id="create-intro")
            for key, label, placeholder in FIELDS[:2]:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield Input(placeholder=placeholder, id=f"f-{key}", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Traject", classes="form-label")
                yield Select([(f"{t} — {v.name}", t) for t, v in tracks.items()], prompt="Kies je traject",
                             id="f-traject", compact=True)
            for key, label, placeholder in FIELDS[2:]:
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    yield Input(placeholder=placeholder, id=f"f-{key}", compact=True)
            yield Static(id="create-error")
            with Horizontal(id="create-buttons"):
                yield Button("Project maken", variant="primary", id="create")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Nieuw project"
        self.query_one("#f-student").focus()

    def values(self) -> dict[str, str]:
        out = {key: self.query_one(f"#f-{key}", Input).value for key, _, _ in FIELDS}
        track = self.query_one("#f-traject", Select).value
        out["traject"] = track if isinstance(track, str) else ""
        return out

    @on(Button.Pressed, "#create")
    def _pressed(self) -> None:
        self.action_create()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.focus_next()

    def action_create(self) -> None:
        error = self.query_one("#create-error", Static)
        try:
            project = init(self.root, config_from_form(self.values()))
        except UserError as exc:
            error.update(str(exc))
            return
        except OSError as exc:
            error.update(f"Kon het project niet aanmaken in {self.root}: {exc.strerror or exc}.")
            return
        self.app.project_created(project)
