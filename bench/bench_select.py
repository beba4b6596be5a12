"""Bench: `--select`/`--ignore` decide what runs. `check --select SV502` (dt only) does no spelling work.

Usage: python bench/bench_select.py [REPORT.docx] [--runs N]

For each selection it runs ``stageverslag check REPORT --pages estimate`` in a fresh interpreter, with
Hunspell's word lookups (``Speller.check``) and suggestions (``Speller.suggest``) counted, interleaved with
the floor (python-docx opening the same file in a fresh interpreter), N rounds (default 5). Prints the calls
made and the wall time (min and median, and the median ratio to the floor). The cache folder is a fresh
empty one per run (a first check). Without a file the 20-page report of bench_check.py is built.
Asserts nothing; tests/test_registry.py asserts the call counts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SELECTIONS = {
    "alle regels": [],
    "--select SV502 (dt)": ["--select", "SV502"],
    "--select SV501 (spelling)": ["--select", "SV501"],
    "--select SV101 (structuur)": ["--select", "SV101"],
}

PROBE = """
import sys
from stageverslag.language import spelling
calls = {"check": 0, "suggest": 0}
def counted(name):
    original = getattr(spelling.Speller, name)
    def wrapper(self, *a, **k):
        calls[name] += 1
        return original(self, *a, **k)
    setattr(spelling.Speller, name, wrapper)
counted("check"); counted("suggest")
from stageverslag.cli import main
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print("CALLS", calls["check"], calls["suggest"], file=sys.stderr)
"""


def run(cmd: list[str], env: dict) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} faalde ({proc.returncode}): {proc.stderr[-2000:]}")
    return wall, proc.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="bench-select-") as tmp:
        tmp = Path(tmp)
        if args.report:
            report = Path(args.report).resolve()
        else:
            sys.path.insert(0, str(REPO / "bench"))
            from bench_check import make_report
            report = make_report(tmp)
        floor = [sys.executable, "-c", f"import docx; docx.Document({str(report)!r})"]
        run(floor, env)
        times: dict[str, list[float]] = {"vloer": []}
        calls: dict[str, str] = {}
        for i in range(max(1, args.runs)):
            times["vloer"].append(run(floor, env)[0])
            for name, extra in SELECTIONS.items():
                case_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="leeg-", dir=tmp)}
                wall, err = run([sys.executable, "-c", PROBE, "check", str(report), "--pages", "estimate", *extra],
                                case_env)
                times.setdefault(name, []).append(wall)
                calls[name] = next(line for line in err.splitlines() if line.startswith("CALLS"))
        print(f"verslag: {report.name}; python {sys.version.split()[0]}, {os.cpu_count()} kernen, "
              f"{args.runs} rondes (afwisselend), lege cache per run")
        print(f"  {'':28} {'Speller.check':>13} {'suggest':>8} {'wand min':>9} {'mediaan':>8} {'/ vloer':>8}")
        for name, walls in times.items():
            ratio = statistics.median(w / f for w, f in zip(walls, times["vloer"]))
            check_calls, suggest_calls = calls.get(name, "CALLS - -").split()[1:]
            print(f"  {name:28} {check_calls:>13} {suggest_calls:>8} {min(walls):8.3f}s "
                  f"{statistics.median(walls):7.3f}s {ratio:7.2f}x")


if __name__ == "__main__":
    main()
