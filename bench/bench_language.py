"""Speed of the language checks.

Prints (targets from issue #4):
  1. the language checks of a 5,500-word report in-process: first run (engine loading) and warm (< 0.5 s);
  2. the whole `stageverslag check` command from a cold start (a new process) on a .docx (< 1.5 s),
     with an empty word-knowledge cache and with the cache in place;
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


def cold_cli(path: Path) -> None:
    cmd = [sys.executable, "-m", "stageverslag", "check", str(path), "--pages", "estimate"]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
            if len(times) == 1:
                empty = times[0]
    print(f"2. 'stageverslag check' vanaf een koude start ({path.name}, --pages estimate)")
    print(f"   lege cache: {empty:.2f} s; met cache: mediaan {statistics.median(times[1:]):.2f} s   (doel < 1.5 s)")
    t = time.perf_counter()
    subprocess.run(cmd[:-2], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"   ter info, met de standaard paginatelling (--pages auto): {time.perf_counter() - t:.2f} s")


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
