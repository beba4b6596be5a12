"""Bench: a full `stageverslag check --pages estimate` of a 20-page report, paired with the floor.

Usage: python bench/bench_check.py [REPORT.docx] [--runs N] [--bytecode cached|env|both] [--no-render]

The floor is python-docx opening the same file in a fresh interpreter (``import docx; docx.Document(f)``).
Every figure is measured in the same run as its floor, interleaved (floor, first check, warm check, in a
rotating order), N times (default 7, at least 5); it prints min and median of the wall time and of the CPU
time of each command, and the ratios check / floor (median of the per-round ratios, and min / min).

* cold ("eerste controle"): an empty cache folder per run (``XDG_CACHE_HOME`` = a new temporary folder):
  a student's first check, or a coach on a fresh machine. Hunspell loads; no remembered word verdicts.
* warm ("opnieuw"): the cache folder of an earlier run: a report checked again.

Interpreter settings (``--bytecode``): ``cached`` is what a user has after ``pip install``: byte code
written and reused (``PYTHONDONTWRITEBYTECODE`` removed, ``PYTHONPYCACHEPREFIX`` = a temporary folder, warmed
before measuring); ``env`` keeps this shell's settings as they are (here ``PYTHONDONTWRITEBYTECODE=1`` with an
editable install: stageverslag's own modules are compiled on every start). Default: both.

Without a file, the report is made from the example projects (``project-met-fouten`` with the full
conclusion of ``voorbeeldproject``: 5,700 words with the usual student mistakes) with ``stageverslag build``,
and its pages are counted by LibreOffice when it is installed (20 pages; the line "verslag:" says it). Prints figures; asserts nothing. The README quotes the ratios of the last lines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def make_report(folder: Path) -> Path:
    """The 20-page report (see the module docstring), built by ``stageverslag build`` in a subprocess."""
    project = folder / "project"
    shutil.copytree(EXAMPLES / "project-met-fouten", project)
    drafts = project / "hoofdstukken"
    shutil.copy(EXAMPLES / "voorbeeldproject" / "hoofdstukken" / "06-conclusie.md", drafts / "06-conclusie.md")
    out = folder / "verslag-20-paginas.docx"
    subprocess.run([sys.executable, "-m", "stageverslag", "build", "--project", str(project), "-o", str(out)],
                   cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, check=True, capture_output=True)
    return out


def run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode not in (0, 1):  # 1: the report has errors, as expected
        raise SystemExit(f"{' '.join(cmd)} faalde ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def settings(kind: str, tmp: Path) -> tuple[dict, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    if kind == "cached":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        return env, "byte code geschreven en hergebruikt (zoals na pip install)"
    flag = env.get("PYTHONDONTWRITEBYTECODE")
    own = any((REPO / "stageverslag").glob("__pycache__/*.pyc"))
    return env, (f"instellingen van deze shell: PYTHONDONTWRITEBYTECODE={flag or '(niet gezet)'}, "
                 f"PYTHONPYCACHEPREFIX={env.get('PYTHONPYCACHEPREFIX') or '(niet gezet)'}, "
                 f"byte code van stageverslag zelf {'aanwezig' if own else 'afwezig'}")


def measure(report: Path, kind: str, runs: int, tmp: Path) -> dict:
    env, label = settings(kind, tmp)
    floor = [sys.executable, "-c", f"import docx; docx.Document({str(report)!r})"]
    check = [sys.executable, "-m", "stageverslag", "check", str(report), "--pages", "estimate"]
    warm_cache = tmp / f"warm-{kind}"
    run(floor, env)  # byte code and disk cache warm for both commands
    run(check, {**env, "XDG_CACHE_HOME": str(warm_cache)})
    cases = {"floor": [], "cold": [], "warm": []}
    order = list(cases)
    for i in range(runs):
        for case in order[i % 3:] + order[:i % 3]:
            case_env = env
            if case == "cold":
                case_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="leeg-", dir=tmp)}
            elif case == "warm":
                case_env = {**env, "XDG_CACHE_HOME": str(warm_cache)}
            cases[case].append(run(floor if case == "floor" else check, case_env))
    return {"label": label, **cases}


def report_figures(result: dict) -> None:
    names = {"floor": "python-docx openen (vloer)", "cold": "check, eerste keer (lege cache)",
             "warm": "check, opnieuw (warme cache)"}
    print(f"  {result['label']}")
    print(f"  {'':34} {'wand min':>9} {'mediaan':>8} {'cpu min':>8} {'mediaan':>8}")
    for case, label in names.items():
        walls = [w for w, _ in result[case]]
        cpus = [c for _, c in result[case]]
        print(f"  {label:34} {min(walls):8.3f}s {statistics.median(walls):7.3f}s "
              f"{min(cpus):7.3f}s {statistics.median(cpus):7.3f}s")
    for case, target in (("cold", 4.0), ("warm", 2.5)):
        per_round = [w / f for (w, _), (f, _) in zip(result[case], result["floor"])]
        cpu_round = [c / f for (_, c), (_, f) in zip(result[case], result["floor"])]
        mins = min(w for w, _ in result[case]) / min(f for f, _ in result["floor"])
        print(f"  verhouding {case:4} / vloer: {statistics.median(per_round):5.2f}x (mediaan per ronde), "
              f"{mins:5.2f}x (min/min), cpu {statistics.median(cpu_round):5.2f}x   doel <= {target}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bytecode", choices=("cached", "env", "both"), default="both")
    parser.add_argument("--no-render", action="store_true", help="pagina's niet door LibreOffice laten tellen")
    args = parser.parse_args()
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        tmp = Path(tmp)
        path = Path(args.report).resolve() if args.report else make_report(tmp)
        sys.path.insert(0, str(REPO))
        from stageverslag.document.pages import estimate_pages
        from stageverslag.document.reader import read_docx
        from stageverslag.text import count_words
        doc = read_docx(path)
        rendered = "niet geteld"
        if not args.no_render:
            from stageverslag.libreoffice import find_soffice
            if find_soffice():
                from stageverslag.document.pages import render_pages
                rendered = f"{render_pages(path)} volgens LibreOffice"
            else:
                rendered = "LibreOffice niet gevonden"
        print(f"verslag: {path.name}: {estimate_pages(doc)} pagina's geschat, {rendered}; "
              f"{sum(count_words(p.text) for p in doc.paragraphs)} woorden; python {sys.version.split()[0]}, "
              f"{os.cpu_count()} kernen, {runs} rondes per meting (afwisselend)")
        kinds = ("cached", "env") if args.bytecode == "both" else (args.bytecode,)
        for kind in kinds:
            report_figures(measure(path, kind, runs, tmp))


if __name__ == "__main__":
    main()
