"""Recall and precision of the spreektaal/tussentaal check on tests/data/spreektaal (dev and held-out).

Each set has ``fout.tsv`` (a sentence and the piece(s) that must be reported, " | " between pieces, in order)
and ``goed.txt`` (correct businesslike sentences with look-alikes: content marketing, de schepen, Den Haag,
de mijne, formal "u"; no finding expected). A piece counts as found when a spreektaal finding overlaps it;
a finding that overlaps no labelled piece is a false alarm. The held-out set was written before the rules
were changed and is never used to tune them.

Run: python bench/bench_spreektaal.py [-v]   (-v lists the misses and false alarms of the dev set only, so
the held-out set is not tuned on by accident; --heldout-details lists those of the held-out set)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stageverslag.language import check_text  # noqa: E402

DATA = REPO / "tests" / "data" / "spreektaal"


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def labelled(sentence: str, pieces: str) -> list[tuple[int, int]]:
    """Spans of the labelled pieces, each searched as whole words after the previous one."""
    spans, pos = [], 0
    for piece in (p.strip() for p in pieces.split("|")):
        if not piece:
            continue
        m = re.compile(rf"(?<![\w']){re.escape(piece)}(?!\w)").search(sentence, pos)
        if m is None:
            raise ValueError(f"'{piece}' staat niet in: {sentence}")
        spans.append((m.start(), m.end()))
        pos = m.end()
    return spans


def score(folder: Path, verbose: bool = False) -> dict:
    tp = fn = fp = 0
    misses, alarms = [], []
    for line in _lines(folder / "fout.tsv"):
        sentence, pieces, *rest = line.split("\t")
        spans = labelled(sentence, pieces)
        found = [i for i in check_text(sentence) if i.category == "spreektaal"]
        for s, e in spans:
            if any(i.start < e and s < i.end for i in found):
                tp += 1
            else:
                fn += 1
                misses.append(f"{sentence}  [{sentence[s:e]}]")
        for i in found:
            if not any(i.start < e and s < i.end for s, e in spans):
                fp += 1
                alarms.append(f"{sentence}  [{sentence[i.start:i.end]}]")
    right = _lines(folder / "goed.txt")
    # a third column holds a businesslike rewrite of the wrong sentence: it must give no finding either
    right += [cols[2] for cols in (line.split("\t") for line in _lines(folder / "fout.tsv")) if len(cols) > 2]
    look_alike_alarms = 0
    for sentence in right:
        for i in check_text(sentence):
            if i.category == "spreektaal":
                fp += 1
                look_alike_alarms += 1
                alarms.append(f"{sentence}  [{sentence[i.start:i.end]}]")
    found_total = tp + fp
    result = {"pieces": tp + fn, "found": tp, "recall": tp / max(1, tp + fn),
              "precision": tp / found_total if found_total else 1.0, "false_alarms": fp,
              "correct_sentences": len(right), "look_alike_alarms": look_alike_alarms,
              "misses": misses, "alarms": alarms}
    return result


def treebank(verbose: bool = False) -> dict | None:
    """Spreektaal findings on the sentences of the Dutch UD treebanks in ../shared/data/ud-nl (newspaper,
    Wikipedia and other formal written Dutch nobody here wrote): every finding there is a candidate false alarm."""
    folder = REPO.parent / "shared" / "data" / "ud-nl"
    files = sorted(folder.glob("*.conllu"))
    if not files:
        return None
    sentences, found = 0, []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                text = line[len("# text = "):]
                sentences += 1
                found += [(text[i.start:i.end], text) for i in check_text(text) if i.category == "spreektaal"]
    if verbose:
        for word, text in found:
            print(f"   melding    {text}  [{word}]")
    return {"sentences": sentences, "findings": len(found), "found": found}


def main(verbose: bool = False) -> None:
    for name in ("dev", "heldout", "heldout2"):
        r = score(DATA / name)
        print(f"{name:8s} recall {r['recall']:.3f} ({r['found']}/{r['pieces']} stukken)   "
              f"precisie {r['precision']:.3f}   vals alarm {r['false_alarms']} "
              f"(waarvan {r['look_alike_alarms']} in {r['correct_sentences']} correcte zinnen)")
        if verbose == "all" or (verbose and name == "dev") or (verbose == "h2" and name == "heldout2"):
            for m in r["misses"]:
                print(f"   gemist      {m}")
            for a in r["alarms"]:
                print(f"   vals alarm  {a}")
    t = treebank(bool(verbose))
    if t is not None:
        print(f"ud-nl    {t['findings']} meldingen in {t['sentences']} zinnen formeel geschreven Nederlands (kranten, "
              f"Wikipedia; niet door ons geschreven): {1000 * t['findings'] / t['sentences']:.2f} per 1000 zinnen")


if __name__ == "__main__":
    main("all" if "--heldout-details" in sys.argv[1:] else "h2" if "--heldout2-details" in sys.argv[1:]
         else "-v" in sys.argv[1:])
