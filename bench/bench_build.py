"""How fast ``stageverslag build`` is, and how many pages the example becomes.

Run: ``python bench/bench_build.py [--runs N]`` (prints figures; no pass/fail). It copies
``examples/voorbeeldproject`` to a temporary folder (nothing in the repo is touched) and measures

1. building the .docx in this process without LibreOffice (no TOC page numbers): mean of N runs;
2. building with LibreOffice (one render to find the TOC page numbers);
3. building with ``--pdf`` (a second render for the PDF), and the rendered page count;
4. the same for the skeleton and for the midterm version (pages).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stageverslag.builder import build_report  # noqa: E402
from stageverslag.document.pages import pdf_page_count  # noqa: E402
from stageverslag.libreoffice import find_soffice  # noqa: E402
from stageverslag.project import load_project  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject"


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        root = Path(tmp) / "voorbeeldproject"
        shutil.copytree(EXAMPLE, root)
        project = load_project(root)
        print(f"example: {sum(project.draft_words().values())} words of drafts")
        soffice = os.environ.get("STAGEVERSLAG_SOFFICE")
        os.environ["STAGEVERSLAG_SOFFICE"] = ""
        times = [timed(lambda: build_report(project, force=True))[1] for _ in range(args.runs)]
        print(f"build without LibreOffice: mean {statistics.mean(times):.3f} s, max {max(times):.3f} s "
              f"({args.runs} runs)")
        if soffice is None:
            del os.environ["STAGEVERSLAG_SOFFICE"]
        else:
            os.environ["STAGEVERSLAG_SOFFICE"] = soffice
        if not find_soffice():
            print("LibreOffice not installed: no render figures")
            return
        _, seconds = timed(lambda: build_report(project, force=True))
        print(f"build with TOC page numbers (1 render): {seconds:.2f} s")
        for label, kwargs in (("final", {}), ("skeleton", {"skeleton": True}), ("midterm", {"stage": "midterm"})):
            result, seconds = timed(lambda: build_report(project, force=True, pdf=True, **kwargs))
            print(f"build --pdf {label:<8}: {seconds:.2f} s, {pdf_page_count(result.pdf)} pages")


if __name__ == "__main__":
    main()
