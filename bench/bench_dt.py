"""Precision and recall of the dt rule engine on tests/data/dt (our own sentences), plus the handbook.

Run: python bench/bench_dt.py [-v]   (-v lists the misses and the false alarms)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stageverslag.language import check_text  # noqa: E402

DATA = REPO / "tests" / "data" / "dt"
HANDBOOK = REPO.parent / "shared" / "handleiding" / "stagehandleiding-OM-2021-2022.txt"


def dt(text):
    return [i for i in check_text(text) if i.category == "dt"]


def main(verbose: bool = False) -> None:
    started = time.perf_counter()
    tp = fp = fn = right_fix = 0
    wrong = [line.split("\t") for line in (DATA / "fout.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    right = [line for line in (DATA / "goed.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    for sentence, word, fix in wrong:
        found = dt(sentence)
        hits = [i for i in found if sentence[i.start:i.end] == word]
        if hits:
            tp += 1
            right_fix += hits[0].suggestion == fix
        else:
            fn += 1
            if verbose:
                print(f"gemist      {sentence}  [{word} -> {fix}]")
        for i in found:
            if sentence[i.start:i.end] != word:
                fp += 1
                if verbose:
                    print(f"vals alarm  {sentence}  [{sentence[i.start:i.end]}]")
    for sentence in right:
        for i in dt(sentence):
            fp += 1
            if verbose:
                print(f"vals alarm  {sentence}  [{sentence[i.start:i.end]} -> {i.suggestion}]")
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"dt-testset: {len(wrong)} zinnen met een fout, {len(right)} correcte zinnen")
    print(f"  gevonden {tp}, gemist {fn}, vals alarm {fp}, juiste verbetering {right_fix}/{tp}")
    print(f"  precisie {precision:.3f} (doel >= 0.95)   recall {recall:.3f} (doel >= 0.85)   [{elapsed:.2f} s]")
    if HANDBOOK.is_file():
        text = HANDBOOK.read_text(encoding="utf-8")
        print(f"handleiding: {len(dt(text))} dt-meldingen (doel 0)")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:])
