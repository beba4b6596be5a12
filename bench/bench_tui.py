"""How fast the TUI is: launch to first screen, the language check of a 1,000-word part, and keystrokes
typed by an independent typist while the checks run (the first dictionary load included).

Run: ``python bench/bench_tui.py [--keys N]`` (prints figures; no pass/fail). It copies
``examples/voorbeeldproject`` to a temporary folder (nothing in the repo is touched) and measures

1. launch to first screen, headless in this process (``App.run_test`` until the dashboard is mounted),
   and cold in a fresh ``python -c`` subprocess (interpreter start, imports, project, dashboard) — target < 1 s;
   and, in process, until the dashboard shows the length and pages of the built report (its worker);
2. the time per language check of a 1,000-word part (``AppState.language_check``: in the helper process);
3. keystroke latency with an independent typist: the real app runs in its own process on a pseudo-terminal
   (as in a terminal or tmux), opened straight on the writing screen of a 1,000-word part, with an empty
   cache folder, so the first check loads the dictionary. This process is the typist: from the writing
   screen's first frame it writes a key every 100 ms (``--rate``) to the terminal, on its own clock, never waiting for
   the app. The app logs when its editor handled each key (``time.monotonic``, the same clock across
   processes). Latency = handled - sent. Reported: slowest key, median, share over 50 ms and over 100 ms,
   with the checks in the helper process (as shipped) and, for comparison, in a thread of the app's own
   process (``STAGEVERSLAG_TAAL_IN_PROCES=1``, as before).
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

from stageverslag.project import load_project, strip_comments  # noqa: E402
from stageverslag.tui.app import StageverslagApp  # noqa: E402
from stageverslag.tui.screens.dashboard import DashboardScreen  # noqa: E402
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
        while not screen.check_times:  # the first check (the helper loads the dictionary meanwhile)
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        where = "in een hulpproces" if app.state._worker is not None else "in de app zelf"
        print(f"Eerste controle in de app ({where}; het woordenboek laadt ook): {screen.check_times[0] * 1000:.0f} ms")
        try:
            await asyncio.to_thread(app.state.language_check, text)
            available = True
        except LanguageUnavailable as exc:
            available = False
            print(f"Taalcontrole: {exc}")
        if available:
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                issues = await asyncio.to_thread(app.state.language_check, text)
                times.append(time.perf_counter() - started)
            print(f"Taalcontrole van {len(text.split())} woorden ({where}): {fmt(times)}; "
                  f"{len(issues)} bevindingen, waarvan dt: {sum(1 for i in issues if i.category == 'dt')}")
        app.state.save_all()


# -- the independent typist -------------------------------------------------------------------------------
RUNNER = """
import sys, time, datetime as dt
sys.path.insert(0, {repo!r})
from stageverslag.project import load_project
from stageverslag.tui.app import StageverslagApp
from stageverslag.tui.screens.writing import WritingScreen
log = open({log!r}, "w", buffering=1)
original = WritingScreen._update_status_line
def handled(self):
    original(self)
    log.write(f"key {{time.monotonic():.6f}} {{len(self.editor.text)}}\\n")
WritingScreen._update_status_line = handled
shown = WritingScreen._show_issues
def show(self, text, issues, message):
    log.write(f"check {{time.monotonic():.6f}} {{len(issues)}}\\n")
    shown(self, text, issues, message)
WritingScreen._show_issues = show
if {no_check!r}:
    WritingScreen._start_check = lambda self: None
class App(StageverslagApp):
    CSS_PATH = {css!r}

    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self.open_part, {part!r})  # once the dashboard is on the screen
mounted = WritingScreen.on_mount
def on_mount(self):
    mounted(self)
    self.call_after_refresh(lambda: log.write(f"ready {{time.monotonic():.6f}} {{len(self.editor.text)}}\\n"))
WritingScreen.on_mount = on_mount
App(load_project({root!r}), today=dt.date(2027, 3, 3)).run()
log.write("exit\\n")
"""


def independent_typist(root: Path, text: str, in_process: bool, keys: int, tmp: Path, no_check: bool = False,
                       rate: float = 10.0) -> dict:
    """Run the app on a pseudo-terminal in its own process; type ``keys`` characters at 30 per second from
    the writing screen's first frame; return the latencies (seconds) and the checks the app showed."""
    import fcntl
    import pty
    import struct
    import termios
    log = tmp / f"typist-{'none' if no_check else 'thread' if in_process else 'helper'}.log"
    cache = tempfile.mkdtemp(prefix="leeg-", dir=tmp)  # no remembered verdicts: the dictionary must load
    env = {**os.environ, "XDG_CACHE_HOME": cache, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    env.pop("STAGEVERSLAG_TAAL_IN_PROCES", None)
    if in_process:
        env["STAGEVERSLAG_TAAL_IN_PROCES"] = "1"
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    code = RUNNER.format(repo=str(ROOT), log=str(log), part=PART, root=str(root), no_check=no_check,
                         css=str(ROOT / "stageverslag" / "tui" / "app.tcss"))
    script = tmp / "typist_app.py"  # a file, so Textual finds the app's stylesheet next to its class
    script.write_text(code, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdin=slave, stdout=slave, stderr=slave,
                            env=env, cwd=ROOT, start_new_session=True)
    os.close(slave)
    screen_bytes = bytearray()

    def drain():  # read the terminal, as a terminal does, so the app never blocks on its output
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            screen_bytes.extend(chunk)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()

    def lines():
        try:
            return log.read_text().splitlines()
        except FileNotFoundError:
            return []
    deadline = time.monotonic() + 60
    while not any(line.startswith("ready") for line in lines()):
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise SystemExit("de app kwam niet op het schrijfscherm: "
                             + screen_bytes.decode(errors="replace")[-3000:])
        time.sleep(0.002)
    typed = (text * (keys // max(1, len(text)) + 1))[:keys]
    sent = []
    next_at = time.monotonic()
    for ch in typed:  # on the typist's own clock: never waits for the app
        next_at += 1 / rate
        while time.monotonic() < next_at:
            time.sleep(0.001)
        sent.append(time.monotonic())
        os.write(master, ch.encode())
    settle = time.monotonic() + 30
    while sum(1 for line in lines() if line.startswith("key")) < len(typed) and time.monotonic() < settle:
        time.sleep(0.01)
    time.sleep(1.0)  # let the check after the last key finish
    os.write(master, b"\x11")  # Ctrl+Q: save and stop
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    os.close(master)
    log_lines = lines()
    start_length = int(next(line for line in log_lines if line.startswith("ready")).split()[2])
    changes = [(float(line.split()[1]), int(line.split()[2])) for line in log_lines if line.startswith("key")]
    handled = []  # key k is handled when the editor first holds start_length + k characters
    for k in range(1, len(sent) + 1):
        at = next((t for t, length in changes if length >= start_length + k), None)
        if at is None:
            break
        handled.append(at)
    checks = [line for line in log_lines if line.startswith("check")]
    latencies = [h - s for s, h in zip(sent, handled)]
    first_check = float(checks[0].split()[1]) - sent[0] if checks else None
    return {"latencies": latencies, "missing": len(sent) - len(handled), "checks": len(checks),
            "first_check": first_check}


def typist_figures(root: Path, keys: int, tmp: Path, rate: float = 10.0) -> None:
    text = "Ik schrijf verder zonder te wachten, ook terwijl het woordenboek laadt. "
    for in_process, no_check, label in (
            (False, True, "zonder taalcontrole (vloer: wat de machine en de editor zelf kosten)"),
            (False, False, "controles in een hulpproces (zoals geleverd)"),
            (True, False, "controles in een thread van de app (STAGEVERSLAG_TAAL_IN_PROCES=1)")):
        r = independent_typist(root, text, in_process, keys, tmp, no_check, rate)
        lat = sorted(r["latencies"])
        if not lat:
            print(f"Onafhankelijke typist, {label}: geen toetsen verwerkt")
            continue
        over50 = sum(1 for x in lat if x > 0.05) / len(lat)
        over100 = sum(1 for x in lat if x > 0.1) / len(lat)
        first = f"{r['first_check']:.2f} s na de eerste toets" if r["first_check"] is not None else "geen"
        print(f"Onafhankelijke typist, {label}: {len(lat)} toetsen ({rate:g}/s, lege cache), "
              f"traagste {max(lat) * 1000:.0f} ms, mediaan {statistics.median(lat) * 1000:.1f} ms, "
              f"> 50 ms: {over50:.0%}, > 100 ms: {over100:.0%}; {r['checks']} controles getoond "
              f"(eerste: {first})" + (f"; {r['missing']} toetsen niet verwerkt" if r["missing"] else ""))


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=90, help="toetsen voor de onafhankelijke typist")
    parser.add_argument("--rate", type=float, default=10.0, help="toetsen per seconde (10: een snelle typist)")
    parser.add_argument("--only-typist", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-tui-") as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(ROOT / "examples" / "voorbeeldproject", root)
        print(f"stageverslag TUI-benchmark (python {sys.version.split()[0]}, {os.cpu_count()} kernen)")
        project = load_project(root)
        project.save_draft(PART, thousand_words(project))
        typist_figures(root, args.keys, Path(tmp), args.rate)
        if args.only_typist:
            return
        warm = [asyncio.run(first_screen(root)) for _ in range(RUNS)]
        print(f"Eerste scherm (headless, in proces): {fmt(warm)}   doel < 1000 ms")
        measured = [asyncio.run(measured_screen(root)) for _ in range(RUNS)]
        print(f"Lengte en pagina's van het gebouwde verslag op het dashboard (worker): {fmt(measured)} na de start")
        cold = [cold_start(root) for _ in range(3)]
        print(f"Eerste scherm (koude start, python -c): {fmt(cold)}   doel < 1000 ms")
        asyncio.run(writing_figures(root))


if __name__ == "__main__":
    main()
