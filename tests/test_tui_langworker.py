"""The TUI's language checks run in a helper process (stageverslag.tui.langworker), so loading the
dictionary never blocks typing; the findings come back and show in the writing screen."""

from __future__ import annotations

import time

import asyncio
import datetime as dt
import os
import sys

from textual.keys import _character_to_key
from textual.widgets import TextArea

from stageverslag.project import ProjectConfig, init_project, load_project
from stageverslag.tui import state as tui_state
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.langworker import LanguageWorker
from tuikit import settle

TODAY = dt.date(2027, 3, 3)


def make_project(root):
    init_project(root, ProjectConfig(student="Nina Peeters", track="HR", company="Rupelhaven Logistics",
                                     mentor="Sarah Claessens", coach="Dirk Vermeulen",
                                     start=dt.date(2027, 2, 8), terugkommoment=dt.date(2027, 3, 10)))
    return load_project(root)


def test_the_writing_screen_gets_its_findings_from_the_helper_process(tmp_path, monkeypatch):
    monkeypatch.setattr(tui_state, "CHECK_DELAY", 0.2)
    monkeypatch.delenv("STAGEVERSLAG_TAAL_IN_PROCES", raising=False)
    project = make_project(tmp_path / "verslag")
    loaded_here = []
    from stageverslag.language import dictionary
    monkeypatch.setattr(dictionary, "load_hunspell", lambda files: loaded_here.append(files))

    async def run():
        app = StageverslagApp(project, today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            worker = app.state._worker
            assert isinstance(worker, LanguageWorker) and worker.pid not in (None, os.getpid())
            app.open_part("tussentijdse_evaluatie")
            await pilot.pause()
            editor = app.screen.query_one("#editor", TextArea)
            editor.move_cursor(editor.document.end)
            await pilot.press(*[_character_to_key(ch) for ch in "Hij vind dat de Rupelhaven-app goed werkt. Een vergadring."])
            findings = app.screen.query_one("#findings")
            end = time.monotonic() + 60  # the check starts after a pause in typing; the helper answers
            while not any(i.category == "dt" for i in findings.issues) and time.monotonic() < end:
                await pilot.pause(0.05)
                await settle(app)
            got = {(i.category, editor.text[i.start:i.end], i.suggestion) for i in findings.issues}
            assert ("dt", "vind", "vindt") in got
            assert any(c == "spelling" and w == "vergadring" for c, w, _ in got)
            assert app.state._worker is worker and worker.started == [worker.pid]  # no restart, no fallback
        return worker

    worker = asyncio.run(run())
    assert loaded_here == []  # the app's own process never loaded Hunspell
    assert worker._proc is None  # stopped with the app


def test_issues_from_the_helper_equal_those_of_the_in_process_check(tmp_path):
    from stageverslag.language import check_text, get_engine
    text = "Hij vind dat goed. De stagiair antwoorde niet. Ik ga effe kijken!! Een vergadring met Koen."
    worker = LanguageWorker()
    try:
        remote = worker.check(text, ["Koen"], ["Rupelhaven Logistics"], None)
    finally:
        worker.close()
    from stageverslag.language import Engine
    local = check_text(text, engine=Engine(["Koen"], ["Rupelhaven Logistics"]))
    assert remote == local and {i.category for i in local} >= {"dt", "spelling", "spreektaal"}
    assert get_engine is not None


def test_a_helper_that_cannot_start_leaves_the_check_in_the_app(tmp_path, monkeypatch):
    project = make_project(tmp_path / "verslag")
    state = tui_state.AppState(project, TODAY)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "geen-python"))
    state.start_language_worker()
    assert state._worker is None
    issues = state.language_check("Hij vind dat goed.")
    assert [i.suggestion for i in issues if i.category == "dt"] == ["vindt"]


def test_a_helper_that_dies_is_started_again_or_else_the_app_checks_itself(tmp_path):
    project = make_project(tmp_path / "verslag")
    state = tui_state.AppState(project, TODAY)
    state.start_language_worker()
    worker = state._worker
    assert worker is not None
    first = worker.pid
    worker._proc.kill()
    worker._proc.wait()
    issues = state.language_check("Hij vind dat goed.")  # a new helper answers
    assert [i.suggestion for i in issues if i.category == "dt"] == ["vindt"]
    assert worker.started == [first, worker.pid] and worker.pid != first
    worker._proc.kill()
    worker._proc.wait()
    worker.python = str(tmp_path / "geen-python")  # and now it cannot be started again
    issues = state.language_check("Hij vind dat goed.")
    assert [i.suggestion for i in issues if i.category == "dt"] == ["vindt"] and state._worker is None
