"""Speed of the language checks.

Prints (targets from issue #4):
  1. the language checks of a 5,500-word report in-process: first run (engine loading) and warm (< 0.5 s);
  2. the whole `stageverslag check` command from a cold start (a new process) on a .docx (< 1.5 s),
     with an empty word-knowledge cache and with the cache in place, each paired with the floor
     (python-docx opening the same file in a fresh interpreter, same run, interleaved);
  3. check_text on one part (what the TUI does while typing).

Run: python bench/bench_language.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DOCX = REPO / "examples" / "project-met-fouten" / "stageverslag-met-fouten.docx"
PROJECT = REPO / "examples" / "voorbeeldproject"


def _report_docx(tmp: Path) -> Path:
    if DOCX.is_file():
        return DOCX
    import docx  # the example is missing: build a report from the example drafts
    from stageverslag.project import load_project
    d = docx.Document()
    for p in load_project(PROJECT).document().paragraphs:
        d.add_paragraph(p.text)
    path = tmp / "verslag.docx"
    d.save(path)
    return path


def in_process(path: Path) -> None:
    from stageverslag.language import check_document
    from stageverslag.document.reader import read_docx
    from stageverslag.text import count_words
    doc = read_docx(path)
    t = time.perf_counter()
    first = check_document(doc)
    first_s = time.perf_counter() - t
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        check_document(doc)
        warm.append(time.perf_counter() - t)
    print(f"1. taalcontrole in het proces, {count_words(doc.text())} woorden, {len(first)} meldingen")
    print(f"   eerste keer (woordenboek laden): {first_s:.2f} s")
    print(f"   warm: mediaan {statistics.median(warm):.3f} s, max {max(warm):.3f} s   (doel < 0.5 s)")


def cold_cli(path: Path, runs: int = 5) -> None:
    """The whole command in a fresh interpreter, paired with the floor (python-docx opening the same file in
    a fresh interpreter), interleaved, byte code cached as after ``pip install``: with an empty cache folder
    per run (a first check) and with the cache of an earlier run."""
    check = [sys.executable, "-m", "stageverslag", "check", str(path), "--pages", "estimate"]
    floor = [sys.executable, "-c", f"import docx; docx.Document({str(path)!r})"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(Path(tmp) / "pyc"))
        warm_env = {**env, "XDG_CACHE_HOME": str(Path(tmp) / "warm")}

        def timed(cmd, e):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=REPO, env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - t
        timed(floor, env)
        timed(check, warm_env)
        rounds = []
        for _ in range(runs):
            empty = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=tmp)}
            rounds.append((timed(floor, env), timed(check, empty), timed(check, warm_env)))
    med = [statistics.median(r[i] for r in rounds) for i in range(3)]
    print(f"2. 'stageverslag check' in een nieuw proces ({path.name}, --pages estimate), {runs} rondes, mediaan")
    print(f"   vloer (python-docx opent het bestand): {med[0]:.2f} s")
    print(f"   lege cache: {med[1]:.2f} s ({statistics.median(r[1] / r[0] for r in rounds):.1f}x de vloer); "
          f"met cache: {med[2]:.2f} s ({statistics.median(r[2] / r[0] for r in rounds):.1f}x)")


def tui_part() -> None:
    from stageverslag.language import check_text, get_engine
    from stageverslag.project import load_project
    project = load_project(PROJECT)
    engine = get_engine(project)
    text = project.read_draft("leerervaringen_2")
    check_text(text, engine=engine)
    t = time.perf_counter()
    for _ in range(10):
        check_text(text, engine=engine)
    per = (time.perf_counter() - t) / 10
    print(f"3. check_text op één onderdeel ({len(text.split())} woorden): {per * 1000:.0f} ms per keer")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _report_docx(Path(tmp))
        in_process(path)
        cold_cli(path)
        tui_part()


if __name__ == "__main__":
    main()
