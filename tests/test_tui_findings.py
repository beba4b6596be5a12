"""The TUI where the student works (issue 12): findings marked in the editor text with the message at the
cursor, Enter as a paragraph in the .docx, Space in the action list, the palette answering "schrijf" and
offering build, pdf and the commented copy, build progress, and F4 asking once when errors are open.

Driven through ``App.run_test()`` on a real project made by ``init_project``; files read back from disk."""

from __future__ import annotations

import time

import tomllib

import docx
import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Static, TextArea

from stageverslag.builder import build_report
from stageverslag.project import load_project
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.screens.checking import CheckScreen
from stageverslag.tui.screens.writing import WritingScreen
from stageverslag.tui.widgets.checklist import ActionChecklist
from stageverslag.tui.widgets.editor import MARK_STYLES, MarkedTextArea
from test_tui import TODAY, make_project, quick_timers, sync, type_text  # noqa: F401 - fixture used by name
from tuikit import settle

pytestmark = pytest.mark.usefixtures("quick_timers")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "verslag", {"leerervaringen_1": "In de derde week vroeg ik feedback.\n"})


async def wait_for(pilot, condition, timeout: float = 60.0):
    """Let the app work until ``condition()`` holds: a generous bound, not a budget (a loaded machine only
    makes the test slower)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        await pilot.pause(0.05)
        await settle(pilot.app)
        if condition():
            return
    raise AssertionError("the condition never came true")


@sync
async def test_a_dt_error_is_marked_in_the_text_and_explained_at_the_cursor(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_part("tussentijdse_evaluatie")
        await pilot.pause()
        editor = app.screen.query_one("#editor", MarkedTextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "Hij vind dat goed.")
        await wait_for(pilot, lambda: any(m.severity == "error" for m in editor.marks))
        mark = next(m for m in editor.marks if m.severity == "error")
        assert editor.text[mark.start:mark.end] == "vind" and mark.issue.category == "dt"
        # the mark is drawn: the row of "vind" carries an underlined highlight exactly over the word
        row, col = editor.document.get_location_from_index(mark.start)
        line = editor.document.get_line(row)
        spans = [(a, b, name) for a, b, name in editor._highlights[row] if name == "sv-error"]
        assert [(line.encode()[:a].decode(), line.encode()[a:b].decode()) for a, b, _ in spans][-1][1] == "vind"
        assert MARK_STYLES["sv-error"].underline and editor._theme.syntax_styles["sv-error"].underline
        cursor_line = app.screen.query_one("#cursor-finding", Static)
        assert not cursor_line.display  # the cursor is after the full stop, on no finding
        editor.move_cursor((row, col + 2))  # inside "vind"
        await pilot.pause()
        assert cursor_line.display and "vindt" in str(cursor_line.render()) and cursor_line.has_class("error")
        # typing clears the marks until the next check: a mark never points at moved words
        await type_text(pilot, "x")
        assert editor.marks == [] and not cursor_line.display
        await pilot.press("backspace")
        await wait_for(pilot, lambda: any(m.severity == "error" for m in editor.marks))


@sync
async def test_enter_starts_a_new_paragraph_in_the_word_document(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_part("conclusie")
        await pilot.pause()
        assert "Enter = nieuwe alinea in Word" in str(app.screen.query_one("#save-status", Static).render())
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "Eerste alinea van het besluit.\nTweede alinea, na één Enter.")
        app.screen.save_now()
    result = build_report(load_project(project.root))
    texts = [p.text for p in docx.Document(str(result.docx)).paragraphs]
    assert "Eerste alinea van het besluit." in texts and "Tweede alinea, na één Enter." in texts


@sync
async def test_space_ticks_the_focused_action_without_pressing_down_first(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        checklist = app.screen.query_one(ActionChecklist)
        checklist.focus()
        await pilot.pause()
        assert checklist.highlighted is None  # nothing chosen yet: Textual's Space used to do nothing
        await pilot.press("space")
        await pilot.pause()
    data = tomllib.loads(project.progress_path.read_text(encoding="utf-8"))
    assert data["acties"] == ["feedbackgesprek"]


async def palette_search(pilot, query: str) -> list[str]:
    """Type ``query`` into the open command palette; the titles it offers."""
    from textual.widgets import Input
    pilot.app.screen.query_one("#--input").query_one(Input).value = ""
    await type_text(pilot, query)
    await pilot.pause(0.6)
    commands = pilot.app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


@sync
async def test_the_palette_answers_schrijf_and_offers_build_pdf_and_the_commented_copy(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Overzicht", "Controleren en bouwen", "Word-document bouwen", "Pdf maken",
                "Kopie met opmerkingen maken", "Volledig verslag controleren", "Hulp"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        found = await palette_search(pilot, "schrijf")
        assert any("Schrijven: Inleiding" in t for t in found), found
        found = await palette_search(pilot, "pdf")
        assert any("Pdf maken" in t for t in found), found
        found = await palette_search(pilot, "opmerkingen")
        assert any("Kopie met opmerkingen maken" in t for t in found), found
        await pilot.press("escape")
        await pilot.pause()
        # the commented copy from the dashboard: the check screen opens, builds, checks and annotates
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Kopie met opmerkingen maken")
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, CheckScreen)
        await wait_for(pilot, lambda: "opmerkingen in Word" in str(app.screen.query_one("#results").render()))
        shown = str(app.screen.query_one("#results").render())
    copies = list((project.root / "uit" / "nagekeken").glob("*-nagekeken.docx"))
    assert len(copies) == 1 and str(copies[0]) in shown
    assert len(docx.Document(str(copies[0])).comments) >= 2  # the summary and at least one finding


def test_build_reports_its_steps_in_order(project, monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")
    heard = []
    result = build_report(project, pdf=True, progress=lambda n, total, label: heard.append((n, total, label)))
    assert heard == [(1, 2, "Je teksten samenzetten"), (2, 2, "Het Word-document bewaren")]
    assert result.docx.is_file() and result.pdf is None


@sync
async def test_the_check_screen_shows_the_step_and_the_seconds(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_open_check()
        await pilot.pause()
        screen = app.screen
        screen._progress = ("Word-document en pdf gebouwd", 0, 0, "")
        screen._started = __import__("time").monotonic() - 12
        screen.progress("Word-document en pdf gebouwd", 2, 3, "De pdf maken (LibreOffice, tot een minuut)")
        await pilot.pause()
        shown = str(screen.query_one("#results", Static).render())
        assert "bezig… 12 s" in shown and "stap 2 van 3: De pdf maken" in shown and "██░" in shown


@sync
async def test_marking_a_part_with_errors_done_asks_once(project):
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_part("tussentijdse_evaluatie")
        await pilot.pause()
        editor = app.screen.query_one("#editor", MarkedTextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "Hij vind dat goed.")
        await wait_for(pilot, lambda: any(m.severity == "error" for m in editor.marks))
        await pilot.press("f4")
        await pilot.pause()
        assert not app.state.is_done("tussentijdse_evaluatie")  # asked, not done
        assert any("Druk nog eens F4" in n.message for n in app._notifications)
        await pilot.press("f4")
        await pilot.pause()
        assert app.state.is_done("tussentijdse_evaluatie")
        await pilot.press("f4")  # back to "bezig" needs no question
        await pilot.pause()
        assert not app.state.is_done("tussentijdse_evaluatie")
        assert isinstance(app.screen, WritingScreen)


@sync
async def test_long_messages_wrap_fully_in_the_narrow_language_panel(project):
    from stageverslag.tui.widgets.findings import FindingsList
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part("tussentijdse_evaluatie")
        await pilot.pause()
        editor = app.screen.query_one("#editor", MarkedTextArea)
        editor.move_cursor(editor.document.end)
        await type_text(pilot, "Een goede recruiter vind niet alleen kandidaten.")
        findings = app.screen.query_one(FindingsList)
        await wait_for(pilot, lambda: any(i.category == "dt" for i in findings.issues))
        await pilot.press("f2")
        findings.highlighted = len(findings.issues) - 1  # the last one: scrolled to the bottom of the panel
        await pilot.pause(0.3)
        shown = " ".join(findings.render_line(y).text.strip() for y in range(findings.size.height))
        last = findings.issues[-1]
        for word in last.message.split()[-3:]:  # the end of the message is on screen, not cut off
            assert word.strip("'.,:") in shown, (word, shown)


@sync
async def test_a_commented_copy_of_another_docx_from_the_check_screen(project, tmp_path):
    from lintkit import EXAMPLES, sha256
    src = tmp_path / "ingeleverd.docx"
    src.write_bytes((EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx").read_bytes())
    before = sha256(src)
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_open_check()
        await pilot.pause()
        screen = app.screen
        screen.check_other(str(src))
        await wait_for(pilot, lambda: bool(screen.findings))
        assert any(getattr(f, "quote", None) for f in screen.findings)  # the list shows where, with a quote
        await pilot.press("a")
        await wait_for(pilot, lambda: "Kopie met opmerkingen gemaakt" in str(screen.query_one("#results").render()))
    copy = project.root / "uit" / "nagekeken" / "ingeleverd-nagekeken.docx"
    assert copy.is_file() and sha256(src) == before
    assert len(docx.Document(str(copy)).comments) > 30
