"""Train the dt model (stageverslag/language/data/dt-model.bin.gz) on the TRAIN part of ../shared/data/ud-nl.

Run: python tools/train_dt.py [--check]
  --check  rebuild in memory and compare with the shipped model (exit 1 when it differs)

Averaged perceptron over the slots of a verb family (see stageverslag/language/tagger.py). The thresholds
(how sure the model must be before the engine speaks) are chosen on a tuning part of TRAIN (every fifth
sentence): a model trained on the other four fifths is run on verb-spelling errors injected there and on the
untouched sentences, and the margin with the best found-minus-5x-false-alarms score is kept. The final model is then trained on all of TRAIN.
The held-out part (tools/dt_treebank.py) is never seen here.
"""

from __future__ import annotations

import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from dt_treebank import SEED, files_digest, gold_label, slot_label, split  # noqa: E402

from stageverslag.language.dictionary import get_dictionary  # noqa: E402
from stageverslag.language.tagger import (FEATURE_VERSION, LABELS, MODEL_PATH, Forms, features,  # noqa: E402
                                          normalise, tag_class, written_features)

EPOCHS = 8
PRUNE = 0.05  # features whose weights all stay below this are dropped
SAMPLE_X = 1  # every how many non-verb words become an X example
TAGDICT_MIN = 2
#: how many found errors one false alarm or wrong suggestion costs when the margin is chosen
COST_OF_A_FALSE_ALARM = 5
MODEL_VERSION = 1


def get_forms() -> Forms:
    d = get_dictionary()
    return Forms(d.lexicon, d.known)


def build_tagdict(sents, forms: Forms) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for w, x in zip(s.words, s.xpos):
            counts[w.lower()][tag_class(x)] += 1
    out = {}
    for w, c in counts.items():
        if sum(c.values()) >= TAGDICT_MIN:
            out[w] = c.most_common(1)[0][0]
    return out


def examples(sents, forms: Forms, tagdict: dict):
    """(features, gold label, allowed labels) for every family word in ``sents``."""
    out = []
    for s in sents:
        words = [w.lower() for w in s.words]
        caps = [w[:1].isupper() for w in s.words]
        norm, cls, fams = normalise(words, forms, tagdict)
        for i, fam in enumerate(fams):
            if fam is None:
                label = slot_label(s.xpos[i])
                if label == "X" and (i % SAMPLE_X or not words[i][:1].isalpha()):
                    continue  # a sample of the other words is enough to learn what is no verb slot
                out.append((features(i, words, norm, cls, caps), label, LABELS))
                continue
            label = gold_label(words[i], s.xpos[i], s.upos[i], fam)
            if label is None:
                continue
            allowed = [lab for lab in LABELS if lab in fam.forms or lab == "X"]
            context = features(i, words, norm, cls, caps)
            # the correct spelling, and every confusable spelling injected in its place (same slot label)
            for spelling in sorted(set(fam.forms.values()) | {words[i]}):
                out.append((context + written_features(spelling, fam, forms.lex), label, allowed))
    return out


def train(data, epochs: int = EPOCHS) -> dict:
    """Averaged perceptron: returns feature -> [weight per label]."""
    idx = {label: k for k, label in enumerate(LABELS)}
    w: dict[str, list[float]] = {}
    totals: dict[str, list[float]] = {}
    stamps: dict[str, list[int]] = {}
    step = 0
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            feats, gold, allowed = data[n]
            step += 1
            scores = {lab: 0.0 for lab in allowed}
            for f in feats:
                row = w.get(f)
                if row:
                    for lab in allowed:
                        scores[lab] += row[idx[lab]]
            guess = max(allowed, key=lambda lab: (scores[lab], -LABELS.index(lab)))
            if guess == gold:
                continue
            for f in feats:
                row = w.setdefault(f, [0.0] * len(LABELS))
                tot = totals.setdefault(f, [0.0] * len(LABELS))
                st = stamps.setdefault(f, [0] * len(LABELS))
                for lab, delta in ((gold, 1.0), (guess, -1.0)):
                    k = idx[lab]
                    tot[k] += (step - st[k]) * row[k]
                    st[k] = step
                    row[k] += delta
    avg = {}
    for f, row in w.items():
        tot, st = totals[f], stamps[f]
        vals = [round((tot[k] + (step - st[k]) * row[k]) / step, 3) for k in range(len(LABELS))]
        if max(abs(v) for v in vals) >= PRUNE:
            avg[f] = vals
    return avg


def choose_thresholds(forms: Forms, train_sents) -> dict:
    """Margins chosen on every fifth TRAIN sentence (model trained on the other four fifths): the margin that
    maximises (errors found with the right form) - COST_OF_A_FALSE_ALARM x (wrong forms + false alarms on the
    untouched sentences)."""
    from dt_eval import false_alarms, injected_cases, run_model
    tune = train_sents[::5]
    rest = [s for k, s in enumerate(train_sents) if k % 5]
    tagdict = build_tagdict(rest, forms)
    model = make_model(train(examples(rest, forms, tagdict)), tagdict, {"valid": 0.0, "invalid": 0.0})
    cases = injected_cases(tune, forms)
    found = run_model(model, forms, cases)  # [(margin, correct fix?, kind)]
    alarms = false_alarms(model, forms, tune)  # [(margin, kind)]
    out = {}
    for kind in ("valid", "invalid"):
        total = sum(1 for c in cases if c.kind == kind)
        best = None
        for cut in [x / 2 for x in range(0, 120)]:
            kept = [ok for m, ok, k in found if k == kind and m >= cut]
            fa = sum(1 for m, k in alarms if k == kind and m >= cut)
            utility = sum(kept) - COST_OF_A_FALSE_ALARM * (len(kept) - sum(kept) + fa)
            if best is None or utility > best[0]:
                best = (utility, cut, sum(kept), len(kept) - sum(kept), fa)
        _, cut, good, bad, fa = best
        out[kind] = cut
        print(f"  {kind}: drempel {cut:.1f}: {good}/{total} gevonden met de juiste vorm, "
              f"{bad} met een andere, {fa} valse alarmen op {len(tune)} zinnen", file=sys.stderr)
    return out


def make_model(weights, tagdict, thresholds, extra_meta=None):
    from stageverslag.language.tagger import Model
    meta = {"thresholds": thresholds}
    meta.update(extra_meta or {})
    return Model.from_weights(meta, list(LABELS), weights, tagdict)


def build() -> dict:
    forms = get_forms()
    train_sents, held = split()
    print(f"treebank: {len(train_sents)} zinnen om te trainen, {len(held)} apart gehouden", file=sys.stderr)
    thresholds = choose_thresholds(forms, train_sents)
    tagdict = build_tagdict(train_sents, forms)
    data = examples(train_sents, forms, tagdict)
    weights = train(data)
    meta = {
        "model_version": MODEL_VERSION,
        "feature_version": FEATURE_VERSION,
        "treebank_sha256": files_digest(),
        "split": "held out: nl_alpino-ud-test + half of nl_lassysmall-ud-test (random.Random(9)); "
                 "trained on the rest",
        "seed": SEED,
        "epochs": EPOCHS,
        "examples": len(data),
        "thresholds": thresholds,
        "lexicon_verbs": len(forms.lex.verbs),
        "license": "CC BY-SA 4.0; derived from UD_Dutch-Alpino and UD_Dutch-LassySmall (see README.md here)",
    }
    model = make_model(weights, tagdict, thresholds, meta)
    model.meta["content_sha256"] = model.payload_digest()
    return model


def main(argv: list[str]) -> int:
    from stageverslag.language.tagger import Model
    model = build()
    if "--check" in argv:
        shipped = Model.load(MODEL_PATH)
        same = shipped.meta.get("content_sha256") == model.meta["content_sha256"] == shipped.payload_digest()
        print("het meegeleverde model is gelijk aan een nieuwe training" if same
              else "VERSCHIL met het meegeleverde model")
        return 0 if same else 1
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    model.save(MODEL_PATH)
    print(f"geschreven: {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} kB, {len(model.index)} kenmerken, "
          f"{model.meta['examples']} voorbeelden)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
