"""dt engine figures: treebank hold-out (injected errors + untouched sentences), the fresh held-out set,
our own regression set, the handbook, and the cost of loading the model.

Run: python bench/bench_dt.py [-v] [--no-treebank]
  -v            list misses and false alarms of our own set and of the treebank hold-out (never of the fresh
                held-out set: looking at those would turn it into a tuning set)
  --no-treebank skip the treebank part (it needs ../shared/data/ud-nl)
  --no-heldout  skip the fresh held-out set (while tuning: look at its totals only a few times)
  --dev         tuning figures instead: a model trained on 4/5 of the training part, measured on the other
                fifth (train[::5]); the held-out part is not touched

Treebank split (tools/dt_treebank.py): held out = nl_alpino-ud-test + half of nl_lassysmall-ud-test
(random.Random(9)); the model is trained on the rest by tools/train_dt.py. Every confusable spelling of each
verb in a verb slot of a held-out sentence is injected, one case at a time (stem <-> stem + t <-> participle
in d/t, -de <-> -te <-> -dde/-tte, word <-> wordt, the inflected participle); a case counts as found only when
the finding sits on the injected word and suggests the original spelling.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from stageverslag.language import check_text, get_engine  # noqa: E402
from stageverslag.language.tokens import sentences, tokenize  # noqa: E402

DATA = REPO / "tests" / "data" / "dt"
HANDBOOK = REPO.parent / "shared" / "handleiding" / "stagehandleiding-OM-2021-2022.txt"


def dt(text):
    return [i for i in check_text(text) if i.category == "dt"]


def load_set(folder: Path):
    wrong = [line.split("\t") for line in (folder / "fout.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    right = [line for line in (folder / "goed.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return wrong, right


def score_set(folder: Path, verbose: bool):
    wrong, right = load_set(folder)
    tp = fp = fn = bad_fix = 0
    for sentence, word, fix in wrong:
        found = dt(sentence)
        hits = [i for i in found if sentence[i.start:i.end] == word]
        if hits and hits[0].suggestion == fix:
            tp += 1
        else:
            fn += 1
            bad_fix += bool(hits)
            if verbose:
                print(f"   gemist      {sentence}  [{word} -> {fix}]" + (f" (gaf {hits[0].suggestion})" if hits else ""))
        for i in found:
            if sentence[i.start:i.end] != word:
                fp += 1
                if verbose:
                    print(f"   vals alarm  {sentence}  [{sentence[i.start:i.end]} -> {i.suggestion}]")
    for sentence in right:
        for i in dt(sentence):
            fp += 1
            if verbose:
                print(f"   vals alarm  {sentence}  [{sentence[i.start:i.end]} -> {i.suggestion}]")
    precision = tp / (tp + fp + bad_fix) if tp + fp + bad_fix else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return len(wrong), len(right), tp, fn, fp, bad_fix, precision, recall


def print_set(title, folder, verbose):
    n_wrong, n_right, tp, fn, fp, bad_fix, precision, recall = score_set(folder, verbose)
    print(f"{title}: {n_wrong} zinnen met een fout, {n_right} correcte zinnen")
    print(f"  gevonden met de juiste verbetering {tp}, gemist {fn} (waarvan {bad_fix} met een verkeerde "
          f"verbetering), vals alarm {fp}")
    print(f"  precisie {precision:.3f}   recall {recall:.3f}")
    return precision, recall


def treebank(verbose: bool, dev: bool = False) -> None:
    from dt_eval import injected_cases
    from dt_treebank import split
    from stageverslag.language.tagger import Forms
    engine = get_engine()
    checker = engine.dt
    forms = Forms(engine.dictionary.lexicon, engine.dictionary.known)
    train_sents, held = split()
    label = "treebank, apart gehouden deel"
    if dev:  # tune on a fold of the training part, never on the held-out part
        import train_dt
        from stageverslag.language.dtmodel import SlotChecker, get_model
        held = train_sents[::5]
        rest = [x for k, x in enumerate(train_sents) if k % 5]
        tagdict = train_dt.build_tagdict(rest, forms)
        dev_model = train_dt.make_model(train_dt.train(train_dt.examples(rest, forms, tagdict)), tagdict,
                                        get_model().thresholds)
        checker._slots = SlotChecker(forms, dev_model, checker)
        label = "DEV (train[::5], model op de rest)"

    def run(words):
        text = " ".join(words)
        offsets, pos = [], 0
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        toks = tokenize(text, markdown=False)
        return text, offsets, checker.check(sentences(toks))

    started = time.perf_counter()
    alarms = 0
    alarm_kinds = Counter()
    for s in held:
        text, offsets, found = run(s.words)
        alarms += len(found)
        for i in found:
            alarm_kinds[text[i.start:i.end].lower()] += 1
            if verbose:
                print(f"   vals alarm  {text[i.start:i.end]} -> {i.suggestion}: {text}")
    cases = injected_cases(held, forms)
    tp = bad = fn = other = 0
    by_kind = Counter()
    totals = Counter()
    for c in cases:
        words = c.words()
        text, offsets, found = run(words)
        at = [i for i in found if i.start == offsets[c.index]]
        kind = f"{c.right}->{c.wrong}"
        group = _group(c)
        totals[group] += 1
        if at and at[0].suggestion and at[0].suggestion.lower() == c.right:
            tp += 1
            by_kind[group] += 1
        elif at:
            bad += 1
            if verbose:
                print(f"   verkeerde verbetering {kind} ({at[0].suggestion}): {text}")
        else:
            fn += 1
            if verbose:
                print(f"   gemist {kind}: {text}")
        other += sum(1 for i in found if i.start != offsets[c.index])
    elapsed = time.perf_counter() - started
    words = sum(len(s.words) for s in held)
    print(f"{label}: {len(held)} zinnen ({words} woorden), {len(cases)} ingespoten fouten")
    print(f"  ingespoten: gevonden met de juiste verbetering {tp}, verkeerde verbetering {bad}, gemist {fn}")
    precision = tp / (tp + bad) if tp + bad else 0.0
    print(f"  recall {tp / len(cases):.3f}   precisie op de ingespoten plaats {precision:.3f}")
    for group in sorted(totals):
        print(f"    {group:<28} {by_kind[group]:>4}/{totals[group]:<4} = {by_kind[group] / totals[group]:.2f}")
    print(f"  valse alarmen op de ongewijzigde zinnen: {alarms} ({alarms / len(held) * 100:.1f} per 100 zinnen, "
          f"{alarms / words * 1000:.2f} per 1 000 woorden)   [{elapsed:.1f} s]")
    # a realistic mix: as many errors as false-alarm opportunities in one pass over the hold-out
    mixed = tp / (tp + bad + alarms) if tp + bad + alarms else 0.0
    print(f"  precisie als elke zin één fout had (gevonden / (gevonden + verkeerd + valse alarmen)): {mixed:.3f}")


def _group(case) -> str:
    r, w = case.right, case.wrong
    if r.endswith(("de", "te")) or w.endswith(("de", "te")):
        return "verleden tijd / -de -te -dde"
    if r in ("word", "wordt"):
        return "word / wordt"
    if r.endswith("dt") or w.endswith("dt") or (r + "t" == w) or (w + "t" == r):
        return "stam / stam + t"
    return "deelwoord / persoonsvorm"


def load_cost() -> None:
    """Model size and load time in a fresh interpreter (after the imports), and the time to tag ~5,000 words
    cold (first use: every word's verb family is looked up) and warm (families remembered)."""
    import subprocess
    code = ("import time; from stageverslag.language.tagger import Model, MODEL_PATH; t=time.perf_counter(); "
            "m=Model.load(); print(time.perf_counter()-t, MODEL_PATH.stat().st_size, len(m.index))")
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO).stdout.split()
        runs.append(float(out[0]))
    runs.sort()
    print(f"model: {int(out[1]) // 1024} kB, {out[2]} kenmerken; laden (vers proces, na de imports): mediaan "
          f"{runs[2] * 1000:.0f} ms, beste {runs[0] * 1000:.0f} ms, slechtste {runs[-1] * 1000:.0f} ms")
    engine = get_engine()
    engine.dictionary.known("huis")  # Hunspell (or its remembered verdicts) is there in a full check anyway
    text = (REPO / "tests" / "data" / "dt" / "goed.txt").read_text(encoding="utf-8")
    toks = tokenize(text, markdown=False)
    sents = sentences(toks)
    n = sum(1 for t in toks if t.kind == "word")
    slots = engine.dt.slots
    timings = []
    for _ in range(3):
        t = time.perf_counter()
        for s in sents:
            slots.issues(s)
        timings.append(time.perf_counter() - t)
    engine.dt.check(sents)  # the rules' first use of the English word list is not the model's cost
    t = time.perf_counter()
    engine.dt.check(sents)
    total = time.perf_counter() - t
    print(f"slotmodel op {n} woorden: {timings[0] * 1000:.0f} ms koud, {min(timings[1:]) * 1000:.0f} ms warm; "
          f"hele dt-controle (regels + model, warm): {total * 1000:.0f} ms")


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    started = time.perf_counter()
    load_cost()
    if "--dev" in argv:
        treebank(True, dev=True)
        return
    if "--no-treebank" not in argv:
        treebank(verbose)
    if "--no-heldout" not in argv:  # while tuning: its totals may be looked at only a few times per session
        print_set("aparte testset (tests/data/dt/heldout, nooit op afgestemd)", DATA / "heldout", False)
    print_set("eigen testset (tests/data/dt, regressie)", DATA, verbose)
    if HANDBOOK.is_file():
        text = HANDBOOK.read_text(encoding="utf-8")
        print(f"handleiding: {len(dt(text))} dt-meldingen (doel 0)")
    print(f"[{time.perf_counter() - started:.1f} s]")


if __name__ == "__main__":
    main(sys.argv[1:])
