"""How fast the TUI is: launch to first screen, and the language check of a 1,000-word part while typing.

Run: ``python bench/bench_tui.py`` (prints figures; no pass/fail). It copies ``examples/voorbeeldproject``
to a temporary folder (nothing in the repo is touched) and measures

1. launch to first screen, headless in this process (``App.run_test`` until the dashboard is mounted),
   and cold in a fresh ``python -c`` subprocess (interpreter start, imports, project, dashboard) — target < 1 s;
   and, in process, until the dashboard shows the length and pages of the built report (its worker);
2. the worker's time per language check of a 1,000-word part (mean and max);
3. keystroke latency in the editor (key sent -> the editor's change handled by the screen), with no check
   running and while a check runs in the worker thread — a check must never delay a keystroke noticeably.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.keys import _character_to_key  # noqa: E402

from stageverslag.project import load_project, strip_comments  # noqa: E402
from stageverslag.tui.app import StageverslagApp  # noqa: E402
from stageverslag.tui.screens.dashboard import DashboardScreen  # noqa: E402
from stageverslag.tui.screens.writing import WritingScreen  # noqa: E402
from stageverslag.tui.state import LanguageUnavailable  # noqa: E402

TODAY = dt.date(2027, 3, 3)
PART = "leerervaringen_1"
RUNS = 5

COLD = """
import time, asyncio, datetime as dt
t0 = time.perf_counter()
from stageverslag.project import load_project
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.screens.dashboard import DashboardScreen
async def main():
    app = StageverslagApp(load_project({root!r}), today=dt.date(2027, 3, 3))
    async with app.run_test(size=(80, 24)) as pilot:
        while not (isinstance(app.screen, DashboardScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        print("klaar", flush=True)
asyncio.run(main())
"""


def thousand_words(project) -> str:
    """1,000 words of real prose from the example drafts, with one dt mistake, as one part."""
    words = []
    for part in project.profile.parts:
        prose = strip_comments(project.read_draft(part.id))
        words.extend(w for line in prose.splitlines() if not line.lstrip().startswith("#") for w in line.split())
    words = words[:996]
    words[-1] = words[-1].rstrip(",;:") + ("" if words[-1].endswith((".", "!", "?")) else ".")
    words += ["Hij", "vind", "dat", "goed."]
    lines = [" ".join(words[i:i + 60]) for i in range(0, len(words), 60)]
    return "\n\n".join(lines) + "\n"


def fmt(values: list[float]) -> str:
    if not values:
        return "geen metingen"
    return (f"gemiddeld {statistics.mean(values) * 1000:7.1f} ms, max {max(values) * 1000:7.1f} ms "
            f"(n={len(values)})")


async def first_screen(root: Path) -> float:
    started = time.perf_counter()
    app = StageverslagApp(load_project(root), today=TODAY)
    async with app.run_test(size=(80, 24)):
        while not (isinstance(app.screen, DashboardScreen) and app.screen.is_mounted):
            await asyncio.sleep(0.001)
        return time.perf_counter() - started


async def measured_screen(root: Path) -> float:
    """Launch until the dashboard's worker has put the built report's length and pages on the screen."""
    started = time.perf_counter()
    app = StageverslagApp(load_project(root), today=TODAY)
    async with app.run_test(size=(80, 24)):
        while not (isinstance(app.screen, DashboardScreen) and app.screen.is_mounted
                   and not app.screen.measuring):
            await asyncio.sleep(0.005)
        return time.perf_counter() - started


def cold_start(root: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", COLD.format(root=str(root))], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - started
    proc.wait()
    if line.strip() != "klaar":
        raise SystemExit("de koude start gaf geen dashboard")
    return elapsed


async def keystrokes(app, screen: WritingScreen, text: str, during_check: bool) -> tuple[list[float], int]:
    """Latency of each key: sent to the driver -> the screen has handled the editor's change. With
    ``during_check`` a thread runs language checks of the whole part back to back the whole time (the
    worst case: a worker always busy), and the number of checks it finished is returned too."""
    handled: list[float] = []
    original = screen._update_status_line

    def record():  # the last step of the screen's TextArea.Changed handler
        original()
        handled.append(time.perf_counter())
    screen._update_status_line = record
    stop = threading.Event()
    checks = 0

    def busy():
        nonlocal checks
        snapshot = screen.editor.text
        while not stop.is_set():
            app.state.language_check(snapshot)
            checks += 1
    worker = threading.Thread(target=busy)
    if during_check:
        worker.start()
        await asyncio.sleep(0.01)
    latencies = []
    for ch in text:
        before = len(handled)
        sent = time.perf_counter()
        app._driver.send_message(events.Key(_character_to_key(ch), ch))
        while len(handled) == before:
            await asyncio.sleep(0)
        latencies.append(handled[-1] - sent)
        await asyncio.sleep(0.03)  # a fast typist: about 30 keys per second
    stop.set()
    if during_check:
        worker.join()
    screen._update_status_line = original
    return latencies, checks


async def writing_figures(root: Path) -> None:
    project = load_project(root)
    text = thousand_words(project)
    project.save_draft(PART, text)
    app = StageverslagApp(project, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_part(PART)
        await pilot.pause()
        screen = app.screen
        await app.workers.wait_for_complete()
        if screen.check_times:
            print(f"Eerste controle in de app (laadt ook het woordenboek): {screen.check_times[0] * 1000:.0f} ms")
        try:
            app.state.language_check(text)
            available = True
        except LanguageUnavailable as exc:
            available = False
            print(f"Taalcontrole: {exc}")
        if available:
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                issues = app.state.language_check(text)
                times.append(time.perf_counter() - started)
            print(f"Taalcontrole van {len(text.split())} woorden in de worker: {fmt(times)}; "
                  f"{len(issues)} bevindingen, waarvan dt: {sum(1 for i in issues if i.category == 'dt')}")
        screen.editor.move_cursor(screen.editor.document.end)
        idle, _ = await keystrokes(app, screen, "Ik schrijf verder zonder te wachten. ", during_check=False)
        print(f"Toetsaanslag zonder controle:  {fmt(idle)}")
        busy, checks = await keystrokes(app, screen, "En ook tijdens de taalcontrole gaat dit vlot. ",
                                        during_check=True)
        await app.workers.wait_for_complete()
        print(f"Toetsaanslag terwijl er onafgebroken gecontroleerd wordt ({checks} controles): {fmt(busy)}")
        print(f"Controles door de worker zelf tijdens deze sessie: {fmt(screen.check_times)}")
        app.state.save_all()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(ROOT / "examples" / "voorbeeldproject", root)
        print(f"stageverslag TUI-benchmark (python {sys.version.split()[0]}, {os.cpu_count()} kernen)")
        warm = [asyncio.run(first_screen(root)) for _ in range(RUNS)]
        print(f"Eerste scherm (headless, in proces): {fmt(warm)}   doel < 1000 ms")
        measured = [asyncio.run(measured_screen(root)) for _ in range(RUNS)]
        print(f"Lengte en pagina's van het gebouwde verslag op het dashboard (worker): {fmt(measured)} na de start")
        cold = [cold_start(root) for _ in range(3)]
        print(f"Eerste scherm (koude start, python -c): {fmt(cold)}   doel < 1000 ms")
        asyncio.run(writing_figures(root))


if __name__ == "__main__":
    main()
