"""Snapshots (SVG, under tests/__snapshots__/) of the main screens at 80x24, dark and light.

Everything shown is pinned: the project is made by ``init_project`` with fixed dates, "today" is passed to
the app, and the language worker and the dashboard's measurement of the built report have finished before
the picture is taken. The texts have no language
mistakes, so the pictures do not change with the wording of the language engine's messages (the findings
list itself is tested in test_tui.py). After a deliberate change of
the layout, look at the new pictures and accept them with ``pytest --snapshot-update``.
"""

from __future__ import annotations

import time

import datetime as dt

import pytest

from stageverslag.project import ProjectConfig, init_project, load_project
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.screens.dashboard import DashboardScreen
from tuikit import settle as settle_workers

TODAY = dt.date(2027, 3, 3)
TEXTS = {
    "uitgangspunten": "Ik koos voor Rupelhaven Logistics omdat ik wil leren plannen.\n",
    "leerervaringen_1": "## Wat het bedrijf van mij verwacht\n\nMijn mentor vindt dat ik zelfstandig werk. "
                        "Ik noteer elke dag wat ik leerde.\n",
}


@pytest.fixture
def project(tmp_path):
    project = init_project(tmp_path / "verslag", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", mentor="Sarah Claessens",
        coach="Dirk Vermeulen", start=dt.date(2027, 2, 8), terugkommoment=dt.date(2027, 3, 10)))
    for part_id, text in TEXTS.items():
        project.save_draft(part_id, project.read_draft(part_id) + text)
    project.set_action("terugkommoment_gepland", True)
    return load_project(project.root)


async def settle(pilot) -> None:
    app = pilot.app
    dashboard = next(s for s in app.screen_stack if isinstance(s, DashboardScreen))
    end = time.monotonic() + 60  # a generous bound: the length is measured in a worker after the first screen
    while dashboard.measuring and time.monotonic() < end:
        await pilot.pause(0.02)
    assert not dashboard.measuring
    await settle_workers(app)
    await pilot.pause()


def test_dashboard_dark(snap_compare, project):
    app = StageverslagApp(project, today=TODAY, theme="textual-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_dashboard_light(snap_compare, project):
    app = StageverslagApp(project, today=TODAY, theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_writing_screen(snap_compare, project):
    app = StageverslagApp(project, today=TODAY, theme="textual-dark")

    async def open_part(pilot):
        await pilot.press("3")
        await settle(pilot)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_part)


def test_check_screen(snap_compare, project):
    app = StageverslagApp(project, today=TODAY, theme="textual-dark")

    async def open_check(pilot):
        await pilot.press("c")
        await settle(pilot)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_check)


def test_writing_screen_light(snap_compare, project):
    app = StageverslagApp(project, today=TODAY, theme="textual-light")

    async def open_part(pilot):
        await pilot.press("2")
        await settle(pilot)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_part)


def test_writing_screen_with_a_marked_finding(snap_compare, project):
    """A finding marked in the text (red, underlined) and explained under the editor while the cursor is on
    it. The mark is given directly (fixed words and message), so the picture does not follow the engine's
    wording; that the engine's findings become marks is tested in test_tui_findings.py."""
    from stageverslag.language.issues import Issue
    from stageverslag.tui.widgets.editor import Mark
    app = StageverslagApp(project, today=TODAY, theme="textual-dark")

    async def mark_one(pilot):
        await pilot.press("3")
        await settle(pilot)
        screen = pilot.app.screen
        editor = screen.editor
        start = editor.text.index("vindt")
        issue = Issue("dt", "Voorbeeld: hier staat een dt-fout", start, start + 5, ["vind"],
                      "Een vaste uitleg voor deze schermafdruk.")
        editor.set_marks([Mark(start, start + 5, "error", issue)], editor.text)
        editor.move_cursor(editor.document.get_location_from_index(start + 2))
        await pilot.pause()
    assert snap_compare(app, terminal_size=(80, 24), run_before=mark_one)
