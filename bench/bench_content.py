"""Bench: what the content hints (SV601-SV606, category content) cost in a check.

Usage: python bench/bench_content.py [REPORT.docx ...] [--runs N]

For each report it runs ``stageverslag check REPORT --pages estimate --select SV101`` and the same with
``--select SV101,content`` in a fresh interpreter (a first check: the Snowball stemmer is imported and every
word stemmed), interleaved with the floor (python-docx opening the same file in a fresh interpreter), N rounds
(default 5), and prints min and median wall time and the median difference the content hints make. Without a
file: the example with mistakes (examples/project-met-fouten, it states four goals). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO / "examples" / "project-met-fouten" / "stageverslag-met-fouten.docx"


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=False, capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for report in args.reports or [DEFAULT]:
        runs = {"python-docx (vloer)": ["-c", f"import docx; docx.Document({str(report)!r})"],
                "check --select SV101": ["-m", "stageverslag", "check", str(report), "--pages", "estimate",
                                         "--select", "SV101"],
                "check --select SV101,content": ["-m", "stageverslag", "check", str(report), "--pages", "estimate",
                                                 "--select", "SV101,content"]}
        times: dict[str, list[float]] = {k: [] for k in runs}
        for _ in range(args.runs):
            for name, cmd in runs.items():
                times[name].append(timed(cmd))
        print(report.name)
        for name, values in times.items():
            print(f"  {name:<30} min {min(values):.3f} s  mediaan {statistics.median(values):.3f} s")
        extra = statistics.median(times["check --select SV101,content"]) - statistics.median(times["check --select SV101"])
        print(f"  de inhoudelijke vragen kosten (mediaan): {extra * 1000:.0f} ms")


if __name__ == "__main__":
    main()
