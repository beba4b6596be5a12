"""The TUI's learning goals: the dashboard line, the goals screen (table, form, saving through the service),
and the handbook's criteria on the check screen."""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import shutil
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from stageverslag.goals import load_goals
from stageverslag.project import load_project
from stageverslag.tui.app import StageverslagApp

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject"
TODAY = dt.date(2027, 5, 20)
WAIT = 60.0


def sync(test):
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))
    return wrapper


async def until(pilot, condition, what: str) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + WAIT
    while not condition():
        assert loop.time() < end, what
        await pilot.pause(0.05)


def copy_example(tmp_path) -> Path:
    root = tmp_path / "voorbeeld"
    shutil.copytree(EXAMPLE, root)
    return root


@sync
async def test_dashboard_line_and_goals_screen_edit_the_goals_file(tmp_path):
    root = copy_example(tmp_path)
    app = StageverslagApp(load_project(root), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        parts = app.screen.query_one("#parts")
        await until(pilot, lambda: parts.border_subtitle == "4 leerdoelen · 8 van 15 LR (l)",
                    "the goals line never appeared")
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#goals-table", DataTable)
        await until(pilot, lambda: table.row_count == 4, "the goals table never filled")
        assert "Elk doel komt terug in je tekst." in str(screen.query_one("#goals-summary", Static).render())
        # a new goal, through the form
        await pilot.press("ctrl+n")
        screen.query_one("#goal-doel", Input).value = "Ik leid zelf een vergadering van het hr-team."
        screen.query_one("#goal-competenties", Input).value = "lr12"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: table.row_count == 5, "the new goal never showed")
        goals = load_goals(root)
        assert goals[-1].text == "Ik leid zelf een vergadering van het hr-team." and goals[-1].competences == ("LR12",)
        summary = str(screen.query_one("#goals-summary", Static).render())
        assert "doel 5:" in summary  # the drafts do not come back to it yet
        # an unknown competence is refused with a message; the file stays as it was
        await pilot.press("ctrl+n")
        screen.query_one("#goal-doel", Input).value = "Nog een doel."
        screen.query_one("#goal-competenties", Input).value = "LR42"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(load_goals(root)) == 5
        # note where goal 5 stands halfway: select its row, fill the form, save
        table.focus()
        table.move_cursor(row=4)
        await pilot.press("enter")
        screen.query_one("#goal-halverwege_stand", Input).value = "nog niet gedaan"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: load_goals(root)[4].halverwege.stand == "nog niet gedaan", "never saved")
        await pilot.press("escape")
        await pilot.pause()
        parts = app.screen.query_one("#parts")
        await until(pilot, lambda: "doel 5 nog niet terug" in str(parts.border_subtitle),
                    "the dashboard never showed the new goal")
        assert "9 van 15 LR" not in str(parts.border_subtitle)  # LR12 was covered already


@sync
async def test_check_screen_shows_the_criteria(tmp_path):
    root = copy_example(tmp_path)
    app = StageverslagApp(load_project(root), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("k")
        results = app.screen.query_one("#results", Static)
        await until(pilot, lambda: "INHOUD 9" in str(results.render()), "the criteria never appeared")
        text = str(results.render())
        assert "VORM EN TAAL 1" in text and "alleen een mens kan dit beoordelen" in text and "Geen score" in text
