"""The TUI driven through ``App.run_test()``: a real project made by ``init_project`` in tmp_path, real
keystrokes, and the files on disk read back afterwards (drafts, voortgang.toml, woordenlijst.txt)."""

from __future__ import annotations

import asyncio
import datetime as dt
import errno
import functools
import json
import shutil
import threading
import time
import tomllib
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.keys import _character_to_key
from textual.widgets import Input, Select, TextArea

from stageverslag import cli
from stageverslag.project import ProjectConfig, init_project, load_project
from stageverslag.tui import state as tui_state
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.screens.checking import CheckScreen
from stageverslag.tui.screens.create import CreateProjectScreen
from stageverslag.tui.screens.dashboard import DashboardScreen
from stageverslag.tui.screens.writing import WritingScreen, first_prose_index, word_at
from stageverslag.tui.widgets.checklist import ActionChecklist
from stageverslag.tui.widgets.palette import NO_MATCHES
from stageverslag.tui.widgets.partlist import PartList
from stageverslag.tui.widgets.timeline import Timeline
from tuikit import settle

TODAY = dt.date(2027, 3, 3)  # week 4: parts 3 and 4 are due, part 2 ("uitgangspunten") is overdue when empty


def sync(test):
    """Run an async test with asyncio (no async pytest plugin needed); fixtures still arrive by name."""
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))
    return wrapper


def make_project(root, texts: dict[str, str] | None = None):
    project = init_project(root, ProjectConfig(student="Nina Peeters", track="HR", company="Rupelhaven Logistics",
                                               mentor="Sarah Claessens", coach="Dirk Vermeulen",
                                               start=dt.date(2027, 2, 8), terugkommoment=dt.date(2027, 3, 10)))
    for part_id, text in (texts or {}).items():
        project.save_draft(part_id, project.read_draft(part_id) + text)
    return load_project(root)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "verslag", {"leerervaringen_1": "In de derde week vroeg ik feedback.\n"})


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch):
    monkeypatch.setattr(tui_state, "AUTOSAVE_DELAY", 0.2)
    monkeypatch.setattr(tui_state, "RETRY_DELAY", 0.3)
    monkeypatch.setattr(tui_state, "CHECK_DELAY", 0.3)  # no check between two pilot keys
    monkeypatch.setattr(tui_state, "MEASURE_DELAY", 0.2)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[_character_to_key(ch) if ch != "\n" else "enter" for ch in text])


def dashboard_text(app) -> str:
    screen = app.screen
    return "\n".join(str(w.render()) for w in (screen.query_one(Timeline), screen.query_one("#planning")))


#: how long a test waits for something the app does in the background (a generous bound, not a budget: the
#: wait ends as soon as the condition holds, so a loaded machine only makes the test slower, never red)
WAIT = 60.0


async def until(pilot, condition, what: str, timeout: float = WAIT) -> None:
    """Let the app run until ``condition()`` holds (checked every 20 ms), at most ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"{what}: not within {timeout:.0f} s")
        await pilot.pause(0.02)


async def measured(app, pilot) -> str:
    """Wait until the dashboard shows the length of the report built from the drafts as they are now."""
    await until(pilot, lambda: not app.screen.measuring, "the dashboard never showed the measured length")
    await settle(app)
    await pilot.pause()
    return dashboard_text(app)


def check_json(capsys, root) -> dict:
    """``stageverslag check --project <root> --pages estimate --format json``: its stats."""
    capsys.readouterr()
    cli.main(["check", "--project", str(root), "--pages", "estimate", "--format", "json",
              "--today", TODAY.isoformat()])
    return json.loads(capsys.readouterr().out)["reports"][0]["stats"]


class Gate:
    """Holds the measurement worker at the door until the test opens it; counts the measurements."""

    def __init__(self, monkeypatch):
        self.open, self.calls = threading.Event(), 0
        real = tui_state.AppState.measure_report

        def measure_report(state):
            self.calls += 1
            assert self.open.wait(WAIT), "the test never opened the gate"
            return real(state)
        monkeypatch.setattr(tui_state.AppState, "measure_report", measure_report)


@sync
async def test_dashboard_shows_week_deadlines_and_parts(project, monkeypatch, capsys):
    stats = check_json(capsys, project.root)  # before the app: inside it Textual captures stdout
    gate = Gate(monkeypatch)
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = dashboard_text(app)
        assert "Week 4 van 14" in text
        assert "Nu schrijven: onderdelen 3 en 4" in text
        assert "Achterstand: onderdeel 2" in text
        assert "Terugkommoment: 10/3, nog 7 dagen" in text
        # the first screen does not wait for the built report: the drafts' words until it is measured
        assert "Je teksten: 7 woorden\nVerslag zoals gebouwd:\n  pagina's: berekenen…" in text
        gate.open.set()
        text = await measured(app, pilot)
        assert stats["words"] > 7  # title page, table of contents and headings count too
        assert (f"Verslag zoals gebouwd:\n  {stats['words']} woorden (5000–5500)\n"
                f"  ± {stats['pages']} blz. (16–20), geschat") in text
        assert gate.calls == 1
        table = app.screen.query_one(PartList)
        assert table.row_count == len(project.profile.parts)
        row = table.get_row("leerervaringen_1")
        assert row[1].strip() == "7" and row[2] == "bezig" and row[4] == "nu schrijven"
        assert table.get_row("inleiding")[2] == "leeg"


@sync
async def test_ticking_an_action_is_remembered(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(ActionChecklist)
        checklist.focus()
        checklist.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        data = tomllib.loads(project.progress_path.read_text(encoding="utf-8"))
        assert data["acties"] == ["feedbackgesprek"]
        assert load_project(project.root).progress()["acties"] == {"feedbackgesprek"}
        assert "gedaan" in str(app.screen.query_one(ActionChecklist).get_option_at_index(0).prompt)
        await pilot.press("space")
        await pilot.pause()
        assert load_project(project.root).progress()["acties"] == set()
    # a new app (a new day of writing) shows the tick again
    project.set_action("interviews_gepland", True)
    app = StageverslagApp(load_project(project.root), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(ActionChecklist)
        assert checklist.selected == ["interviews_gepland"]
        # ticked and open items differ in their glyph, not only in colour
        boxes = {checklist.get_option_at_index(i).value: checklist.render_line(i).text[:3]
                 for i in range(checklist.option_count)}
        assert boxes["interviews_gepland"] == "▐X▌"
        assert boxes["feedbackgesprek"] == "▐ ▌"


@sync
async def test_writing_autosaves_after_a_pause_and_on_leaving(project):
    app = StageverslagApp(project, today=TODAY)
    path = project.draft_path("leerervaringen_1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")  # part 3 by its number
        await pilot.pause()
        assert isinstance(app.screen, WritingScreen) and app.screen.part_id == "leerervaringen_1"
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.has_focus
        editor.move_cursor(editor.document.end)
        editor.insert("Mijn mentor gaf duidelijke ")
        tui_state.AUTOSAVE_DELAY = 2.0  # the real delay (the fixture restores it): typing never pauses that long
        await type_text(pilot, "opdrachten.")
        assert "duidelijke opdrachten" not in path.read_text(encoding="utf-8")  # not yet: still typing
        await until(pilot, lambda: path.read_text(encoding="utf-8").endswith("Mijn mentor gaf duidelijke opdrachten."),
                    "the autosave after a pause in typing")
        status = str(app.screen.query_one("#save-status").render())
        assert "opgeslagen om" in status and "12 woorden" in status
        await type_text(pilot, " Extra.")
        await pilot.press("escape")  # leaving saves at once, without waiting for the timer
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert path.read_text(encoding="utf-8").endswith("opdrachten. Extra.")
        # the dashboard counts the new words
        assert app.screen.query_one(PartList).get_row("leerervaringen_1")[1].strip() == "13"


@sync
async def test_ctrl_s_saves_and_quit_saves(project):
    app = StageverslagApp(project, today=TODAY)
    path = project.draft_path("tussentijdse_evaluatie")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("tussentijdse_evaluatie")
        await pilot.pause()
        app.screen.query_one("#editor", TextArea).insert("Het gesprek ")
        await type_text(pilot, "ging goed. ")
        await pilot.press("ctrl+s")
        assert "Het gesprek ging goed." in path.read_text(encoding="utf-8")
        await type_text(pilot, "Nog een zin.")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert "Het gesprek ging goed. Nog een zin." in path.read_text(encoding="utf-8")
    assert app.return_code == 0


@sync
async def test_failed_save_keeps_the_text_and_the_next_save_writes_it(project, monkeypatch):
    import stageverslag.project as project_module
    path = project.draft_path("leerervaringen_1")
    before = path.read_text(encoding="utf-8")
    real_write = project_module.atomic_write_text

    def disk_full(target, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("leerervaringen_1")
        await pilot.pause()
        monkeypatch.setattr(project_module, "atomic_write_text", disk_full)
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        editor.insert("Deze zin mag niet ")
        await type_text(pilot, "verloren gaan.")
        await pilot.press("ctrl+s")
        await pilot.pause(0.5)  # the autosave retry fails too
        assert path.read_text(encoding="utf-8") == before
        assert editor.text.endswith("Deze zin mag niet verloren gaan.")
        status = app.screen.query_one("#save-status")
        assert status.has_class("error")
        assert "Niet opgeslagen" in str(status.render()) and "de schijf is vol" in str(status.render())
        assert any("de schijf is vol" in n.message for n in app._notifications)
        # leaving the screen while the disk refuses: the text stays in the app and comes back
        await pilot.press("escape")
        await pilot.pause()
        app.open_part("leerervaringen_1")
        await pilot.pause()
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.text.endswith("Deze zin mag niet verloren gaan.")
        # the disk is back: the next save writes everything
        monkeypatch.setattr(project_module, "atomic_write_text", real_write)
        await until(pilot, lambda: path.read_text(encoding="utf-8").endswith("Deze zin mag niet verloren gaan."),
                    "the retry timer's save")
        assert not app.screen.query_one("#save-status").has_class("error")


@sync
async def test_quit_with_a_refusing_disk_keeps_running_once_and_leaves_a_copy(project, monkeypatch, tmp_path):
    import tempfile

    import stageverslag.project as project_module
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("conclusie")
        await pilot.pause()
        monkeypatch.setattr(project_module, "atomic_write_text",
                            lambda *a: (_ for _ in ()).throw(PermissionError(errno.EACCES, "Permission denied")))
        await type_text(pilot, "Mijn besluit.")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # not gone: the text is still unsaved
        copies = list((tmp_path / "tmp" / "stageverslag-redding").glob("*-06-conclusie.md"))
        assert len(copies) == 1 and copies[0].read_text(encoding="utf-8").endswith("Mijn besluit.")
        assert any("geen schrijfrechten" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


@sync
async def test_add_word_and_mark_part_done(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("uitgangspunten")
        await pilot.pause()
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        editor.insert("Ik werk elke dag met de ")
        await type_text(pilot, "kwirpel.")
        editor.move_cursor_relative(columns=-3)  # inside "kwirpel"
        findings = app.screen.query_one("#findings")

        async def flagged() -> bool:
            await pilot.pause(tui_state.CHECK_DELAY + 0.1)  # the check starts after a pause in typing
            await settle(app)
            await pilot.pause()
            return any(editor.text[i.start:i.end] == "kwirpel" for i in findings.issues
                       if i.category == "spelling")
        assert await flagged()  # unknown to the dictionary
        await pilot.press("f3")
        await pilot.pause()
        assert "kwirpel" in project.wordlist_path.read_text(encoding="utf-8").splitlines()
        assert not await flagged()  # the check runs again with the personal word list
        await pilot.press("f4")
        await pilot.pause()
        assert load_project(project.root).progress()["klaar"] == {"uitgangspunten"}
        assert "klaar" in str(app.screen.query_one("#save-status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(PartList).get_row("uitgangspunten")[2] == "klaar"


@sync
async def test_command_palette_offers_every_action_in_dutch(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Controleren en bouwen" in titles and "Schrijven: Conclusie" in titles
        assert not {"Quit", "Theme", "Keys", "Screenshot"} & set(titles)
        tick = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Afvinken: Ingebonden"))
        tick.callback()
        await pilot.pause()
        assert load_project(project.root).progress()["acties"] == {"papieren_versie"}
        assert any(c.title.startswith("Niet meer afgevinkt: Ingebonden") for c in app.get_system_commands(app.screen))
        app.open_part("conclusie")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Opslaan", "Onderdeel klaar", "Woord toevoegen aan woordenlijst", "Taalfouten tonen"} <= set(titles)
        # run one command the way the palette does: it switches to another part and saves the first
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Schrijven: Inleiding")
        command.callback()
        await pilot.pause()
        assert app.screen.part_id == "inleiding"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "xqzw")
        def no_match() -> bool:
            options = app.screen.query_one(CommandList)
            if not options.option_count:
                return False
            prompt = options.get_option_at_index(0).prompt
            return NO_MATCHES in str(getattr(prompt, "renderable", prompt))
        await until(pilot, no_match, "the palette's 'no match'")
        assert app.screen.query_one("#--input Input").placeholder == "Zoek een opdracht…"
        app.screen.query_one("#--input Input").value = ""
        await type_text(pilot, "controleren")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckScreen)


@sync
async def test_theme_toggle_and_help(project):
    app = StageverslagApp(project, today=TODAY, theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


@sync
async def test_check_screen_refuses_a_missing_or_wrong_file(project, tmp_path):
    other = tmp_path / "verslag.pdf"
    other.write_bytes(b"%PDF-1.4")
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckScreen)
        await pilot.press("o")
        field = app.screen.query_one("#docx-path", Input)
        assert field.has_focus
        await type_text(pilot, "nergens")
        field.value = str(tmp_path / "bestaat-niet.docx")
        await pilot.press("enter")
        assert "bestaat niet" in app.screen.last_result
        field.value = str(other)
        await pilot.press("enter")
        assert "geen .docx-bestand" in app.screen.last_result
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert other.read_bytes() == b"%PDF-1.4"  # never modify a file we read


@sync
async def test_create_project_form(tmp_path):
    root = tmp_path / "nieuw"
    app = StageverslagApp(None, root=root, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CreateProjectScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Vul je naam in" in str(app.screen.query_one("#create-error").render())
        assert not (root / "stageverslag.toml").exists()
        await type_text(pilot, "Jonas Maes")
        app.screen.query_one("#f-bedrijf", Input).value = "Havenbedrijf"
        app.screen.query_one("#f-start", Input).value = "31/2/2027"
        app.screen.query_one("#f-traject", Select).value = "IRM"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CreateProjectScreen)  # a wrong date is refused in Dutch
        assert "31/2/2027" in str(app.screen.query_one("#create-error").render())
        app.screen.query_one("#f-start", Input).value = "8/2/2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Week 4 van 14" in dashboard_text(app)
    created = load_project(root)
    assert created.config.student == "Jonas Maes" and created.config.track == "IRM"
    assert created.config.start == dt.date(2027, 2, 8)


def test_helpers():
    assert word_at("Ik werk bij Loodsplanner.", 15) == "Loodsplanner"
    assert word_at("Ik werk", 1) == "Ik"
    text = "<!--\nvragen\n-->\n\nHier begint het."
    assert text[first_prose_index(text):] == "Hier begint het."
    assert first_prose_index("Geen commentaar") == 0
    blanked = tui_state.blank_comments(text)
    assert len(blanked) == len(text) and blanked.index("Hier") == text.index("Hier")
    assert tui_state.prose_words("<!-- a b c -->\n# Titel\nEen twee drie.") == 3


def test_today_comes_from_the_environment(monkeypatch):
    from stageverslag.tui import today_from_env
    monkeypatch.setenv("STAGEVERSLAG_TODAY", "14/3/2027")
    assert today_from_env() == dt.date(2027, 3, 14)
    monkeypatch.setenv("STAGEVERSLAG_TODAY", "")
    assert today_from_env() is None


def test_cli_refuses_a_bad_today_and_a_broken_project(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path / "p")
    monkeypatch.setenv("STAGEVERSLAG_TODAY", "gisteren")
    assert cli.main(["tui", "--project", str(project.root)]) == 2
    assert "STAGEVERSLAG_TODAY" in capsys.readouterr().err
    monkeypatch.delenv("STAGEVERSLAG_TODAY")
    (project.root / "stageverslag.toml").write_text("[student\nnaam = ", encoding="utf-8")
    assert cli.main(["tui", "--project", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "geen geldig configuratiebestand" in err and "Traceback" not in err


async def wait_for_job(app, pilot) -> str:
    await settle(app)
    await pilot.pause()
    return app.screen.last_result


@sync
async def test_check_the_project_and_another_docx(project, tmp_path):
    from fixtures.docx_factory import filler, make_report
    other = make_report(tmp_path / "ander.docx", parts=[("Inleiding", [filler(80)]), ("Conclusie", [filler(60)])])
    before = other.read_bytes()
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("m")
        result = await wait_for_job(app, pilot)
        assert result.startswith("Controle van je project (eerste deel)")
        # only part 3 has text: the empty midterm part "Uitgangspunten" is reported, by the core's rule
        assert "SV103" in result and "Uitgangspunten" in result
        assert "fouten" in result.splitlines()[1]
        await pilot.press("o")
        app.screen.query_one("#docx-path", Input).value = str(other)
        await pilot.press("enter")
        result = await wait_for_job(app, pilot)
        assert result.startswith("Controle van ander.docx")
        assert "SV101" in result  # the parts it lacks
    assert other.read_bytes() == before


@sync
async def test_build_the_report_from_the_tui(tmp_path):
    from docx import Document
    project = make_project(tmp_path / "p", {"uitgangspunten": "Ik koos Rupelhaven om de haven.\n",
                                            "conclusie": "Deze stage leerde me veel.\n"})
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("conclusie")
        await pilot.pause()
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        editor.insert("Ik solliciteer graag opnieuw.")
        await pilot.pause()
        app.action_open_check()  # switching screens saves the draft first
        await pilot.pause()
        assert "Ik solliciteer graag opnieuw." in project.read_draft("conclusie")
        await pilot.press("b")
        result = await wait_for_job(app, pilot)
    assert result.startswith("Word-document gebouwd"), result
    docx_path = result.splitlines()[1].removeprefix("Word-document: ")
    text = "\n".join(p.text for p in Document(docx_path).paragraphs)
    assert "Ik koos Rupelhaven om de haven." in text and "Ik solliciteer graag opnieuw." in text
    assert "Uitgangspunten en eerste indrukken" in text


@sync
async def test_a_dt_mistake_appears_while_writing_and_jumps_to_its_place(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("tussentijdse_evaluatie")
        await pilot.pause()
        await settle(app)
        findings = app.screen.query_one("#findings")
        assert not any(i.category == "dt" for i in findings.issues)
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "Hij vind dat goed.")
        # the worker runs after a short pause in typing
        await until(pilot, lambda: any(i.category == "dt" for i in findings.issues), "no dt finding came back")
        await settle(app)
        dt_issues = [i for i in findings.issues if i.category == "dt"]
        assert len(dt_issues) == 1 and editor.text[dt_issues[0].start:dt_issues[0].end] == "vind"
        assert dt_issues[0].suggestion == "vindt"
        assert "vindt" in str(findings.get_option_at_index(findings.issues.index(dt_issues[0])).prompt)
        # F2 goes to the list, Enter on the finding selects "vind" in the editor
        await pilot.press("f2")
        assert findings.has_focus
        findings.highlighted = findings.issues.index(dt_issues[0])
        await pilot.press("enter")
        await pilot.pause()
        assert editor.has_focus and editor.selected_text == "vind"


@sync
async def test_the_mouse_works_too(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await measured(app, pilot)  # the dashboard has settled (its background measurement redraws the lists)
        checklist = app.screen.query_one(ActionChecklist)
        assert checklist.scroll_offset[1] == 0
        await pilot.click(checklist, offset=(5, 1))  # the second action
        await pilot.pause()
        assert load_project(project.root).progress()["acties"] == {"terugkommoment_gepland"}
        table = app.screen.query_one(PartList)
        await pilot.click(table, offset=(10, 5))  # border, header, then parts 1-4: the fourth part
        await pilot.pause()
        assert table.cursor_row == 3 and isinstance(app.screen, DashboardScreen)
        await pilot.click(table, offset=(10, 5))  # a click on the highlighted part opens it
        await pilot.pause()
        assert isinstance(app.screen, WritingScreen) and app.screen.part_id == "tussentijdse_evaluatie"


@sync
async def test_leaving_the_check_screen_while_a_check_runs(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c", "f", "escape")
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen) and app.is_running
        await pilot.press("c", "f")
        assert (await wait_for_job(app, pilot)).startswith("Controle van je project (volledig verslag)")


@sync
async def test_a_check_finding_opens_its_place_in_the_draft(tmp_path):
    project = make_project(tmp_path / "p", {"tussentijdse_evaluatie": "Het gesprek was nuttig.\n\n"
                                                                      "Mijn mentor vind dat ik goed werk.\n"})
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c", "m")
        await wait_for_job(app, pilot)
        screen = app.screen
        dt_index = next(i for i, f in enumerate(screen.findings) if f.code == "SV502")
        assert "vindt" in screen.last_result
        check_list = screen.query_one("#check-list")
        assert check_list.has_focus
        check_list.highlighted = dt_index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WritingScreen) and app.screen.part_id == "tussentijdse_evaluatie"
        editor = app.screen.query_one("#editor", TextArea)
        row, _ = editor.cursor_location
        assert editor.document.get_line(row) == "Mijn mentor vind dat ik goed werk."


@sync
async def test_dashboard_before_between_and_after_the_internship(tmp_path):
    from stageverslag.project import ProjectConfig, init_project
    split = init_project(tmp_path / "e4b", ProjectConfig(
        student="Lotte Janssens", track="E4B", company="Festivalbureau", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10), second_company="Congrescentrum", second_start=dt.date(2027, 4, 19)))
    cases = [(dt.date(2027, 1, 15), "Je stage begint over 24 dagen."),
             (dt.date(2027, 4, 14), "Je zit tussen je twee stageplaatsen."),
             (dt.date(2027, 7, 20), "Je stage is voorbij.")]
    for today, headline in cases:
        app = StageverslagApp(split, today=today)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = dashboard_text(app)
            assert headline in text
            if today.month == 7:  # long after the final deadline, without the upload ticked
                assert "gedeeld door 2" in text
                assert "te laat" in str(app.screen.query_one(ActionChecklist).get_option_at_index(0).prompt)


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject"


def planning_numbers(text: str) -> tuple[int, int]:
    """Words and pages of the built report as the dashboard shows them."""
    import re
    found = re.search(r"Verslag zoals gebouwd:\n  (\d+) woorden \(5000–5500\)\n  ± (\d+) blz\. \(16–20\), geschat",
                      text)
    assert found, text
    return int(found.group(1)), int(found.group(2))


@sync
async def test_the_dashboard_shows_what_check_counts_for_the_example_project(tmp_path, capsys):
    root = tmp_path / "voorbeeld"
    shutil.copytree(EXAMPLE, root)
    stats = check_json(capsys, root)
    project = load_project(root)
    drafts_only = sum(project.draft_words().values())
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await measured(app, pilot)
    assert planning_numbers(text) == (stats["words"], stats["pages"])
    assert stats["page_method"] == "estimate"
    # the whole report, as the handbook counts it: more than the drafts' prose alone
    assert stats["words"] > drafts_only
    assert f"{drafts_only} woorden" not in text


@sync
async def test_the_length_is_measured_again_only_when_the_drafts_change(project, monkeypatch, capsys):
    # room to see the "berekenen…" state even on a loaded machine (CI runs the whole suite at once)
    monkeypatch.setattr(tui_state, "MEASURE_DELAY", 1.0)
    gate = Gate(monkeypatch)
    gate.open.set()
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        words, pages = planning_numbers(await measured(app, pilot))
        assert gate.calls == 1
        # back from a part without a change: the numbers stay, nothing is measured again
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert planning_numbers(dashboard_text(app)) == (words, pages)
        await pilot.pause(tui_state.MEASURE_DELAY + 0.2)
        assert gate.calls == 1
        # five more words: the drafts' count at once, the built report a moment later (the gate holds the
        # measurement, so the in-between state is there to see however slow the machine is)
        gate.open.clear()
        await pilot.press("3")
        await pilot.pause()
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, " Mijn mentor gaf goede raad.")
        await pilot.press("escape")
        await pilot.pause()
        text = dashboard_text(app)
        assert "Je teksten: 12 woorden\nVerslag zoals gebouwd:\n  pagina's: berekenen…" in text
        gate.open.set()
        text = await measured(app, pilot)
        assert planning_numbers(text)[0] == words + 5
        assert gate.calls == 2
    stats = check_json(capsys, project.root)
    assert planning_numbers(text) == (stats["words"], stats["pages"])


@sync
async def test_a_measurement_overtaken_by_new_text_is_dropped(project, monkeypatch, capsys):
    monkeypatch.setattr(tui_state, "MEASURE_DELAY", 1.0)  # room to act before the next measurement starts
    gate = Gate(monkeypatch)
    before = project.read_draft("conclusie")
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: gate.calls, "the measuring worker starting")
        assert gate.calls == 1  # the worker has started and waits at the gate
        # meanwhile the student changes a draft in another editor, and the dashboard is refreshed often
        project.save_draft("conclusie", before + "Ik leerde hier heel veel bij.\n")
        for _ in range(3):
            await pilot.press("r")
        assert "pagina's: berekenen…" in dashboard_text(app)
        gate.open.set()
        await until(pilot, lambda: not app.screen._measuring, "the overtaken measurement ending")
        assert gate.calls == 1  # three refreshes did not start a second worker beside the first
        # its result (the new text, measured under the old fingerprint) is not shown and not remembered:
        # with the draft back as it was when the worker started, the dashboard measures again
        assert "pagina's: berekenen…" in dashboard_text(app)
        project.save_draft("conclusie", before)
        text = await measured(app, pilot)
        assert gate.calls == 2
    stats = check_json(capsys, project.root)
    assert planning_numbers(text) == (stats["words"], stats["pages"])


@sync
async def test_a_report_that_cannot_be_built_says_so(tmp_path):
    project = make_project(tmp_path / "p")
    config = project.config_path.read_text(encoding="utf-8")
    assert 'huisstijl = ""' in config
    project.config_path.write_text(config.replace('huisstijl = ""', 'huisstijl = "huisstijl.dotx"'),
                                   encoding="utf-8")
    project = load_project(project.root)
    assert project.house_style_path() == project.root / "huisstijl.dotx"
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        text = await measured(app, pilot)
        assert "Je teksten: 0 woorden\nVerslag zoals gebouwd:\n  niet te meten" in text
        assert any("huisstijl.dotx" in n.message and n.title == "Niet gemeten" for n in app._notifications)
