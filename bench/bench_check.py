"""Bench: how long a full `stageverslag check` of a 20-page report takes, as a whole command in a fresh
interpreter (pages estimated), compared with merely opening the file with python-docx in a fresh interpreter.

Usage: python bench/bench_check.py [REPORT.docx] [--runs N]

Without a file, a 20-page report with the handbook's seven parts is written to a temporary folder with the
test fixture factory. Prints the median of N runs (default 7) of each command and their ratio; the targets
are under 1 s and a ratio under 4. "Opnieuw gecontroleerd" is the usual case (a student checks a report
again, a coach checks reports of the same programme): Hunspell's verdicts are remembered in the cache, so the
dictionary is not loaded. It also times a first check (no remembered verdicts: Hunspell loads, 0.2-0.3 s)
and the check without the language rules, to show where the time goes. Prints figures; asserts nothing.
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
sys.path[:0] = [str(REPO), str(REPO / "tests")]


def make_twenty_pages(folder: Path) -> Path:
    from lintkit import handbook_parts
    from fixtures.docx_factory import make_report
    return make_report(folder / "verslag-20-paginas.docx", handbook_parts(scale=1.3), flavor="word-nl")


def median_seconds(cmd: list[str], runs: int, cache: str, before=None) -> float:
    # as installed: byte-code cached (in a temporary folder, not in the source tree), disk cache warm;
    # stageverslag's own cache (dictionary lexicon, remembered word verdicts) in a temporary folder too
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=cache, XDG_CACHE_HOME=str(Path(cache) / "xdg"))
    subprocess.run(cmd, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        if before:
            before(Path(cache) / "xdg")
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def forget_word_verdicts(xdg: Path) -> None:
    """A report never checked before: no remembered Hunspell verdicts (the lexicon cache stays)."""
    for f in (xdg / "stageverslag").glob("woorden-*.json"):
        f.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.report) if args.report else make_twenty_pages(Path(tmp))
        from stageverslag.document.reader import read_docx
        from stageverslag.document.pages import estimate_pages
        from stageverslag.rules import load_rules
        from stageverslag.text import count_words
        doc = read_docx(path)
        print(f"verslag: {path.name}, {estimate_pages(doc)} pagina's (geschat), "
              f"{sum(count_words(p.text) for p in doc.paragraphs)} woorden, {args.runs} runs per meting")
        language = ",".join(r.code for r in load_rules() if r.language)
        check = [sys.executable, "-m", "stageverslag", "check", str(path), "--pages", "estimate"]
        opened = median_seconds([sys.executable, "-c", f"import docx; docx.Document({str(path)!r})"], args.runs, tmp)
        full = median_seconds(check, args.runs, tmp)
        first = median_seconds(check, args.runs, tmp, before=forget_word_verdicts)
        structural = median_seconds(check + ["--ignore", language], args.runs, tmp) if language else full
        print(f"python-docx openen (vers proces):            {opened:6.3f} s")
        print(f"stageverslag check --pages estimate:         {full:6.3f} s   (doel: < 1 s; opnieuw gecontroleerd)")
        print(f"  eerste controle (geen onthouden woorden): {first:6.3f} s   (laadt Hunspell)")
        print(f"  idem zonder taalregels (--ignore {language or '-'}): {structural:6.3f} s")
        print(f"verhouding check / openen:                   {full / opened:6.2f}     (doel: < 4)")
        print(f"  eerste controle:                           {first / opened:6.2f}")
        print(f"  idem zonder taalregels:                    {structural / opened:6.2f}")


if __name__ == "__main__":
    main()
