"""Verb-spelling errors injected into correct treebank sentences, for tuning (train part) and measuring
(held-out part). Every confusable spelling of a verb in a verb slot is injected, one per case."""

from __future__ import annotations

from dataclasses import dataclass

from dt_treebank import gold_label

from stageverslag.language.dtmodel import FIXED, plausible
from stageverslag.language.tagger import predict


@dataclass
class Case:
    sentence: object  # dt_treebank.Sentence
    index: int
    wrong: str  # lower case
    right: str  # lower case
    kind: str  # valid | invalid (is the wrong spelling a real form of the family?)

    def words(self) -> list[str]:
        words = list(self.sentence.words)
        original = words[self.index]
        words[self.index] = _case_like(original, self.wrong)
        return words


def _case_like(model: str, w: str) -> str:
    return w[:1].upper() + w[1:] if model[:1].isupper() else w


def alternatives(w: str, label: str, fam) -> set[str]:
    alts = set(fam.forms.values())
    if label == "VERL" and w.endswith(("de", "te")):
        stem = w[:-2]
        alts |= {stem + "de", stem + "te"}
        if stem.endswith(("d", "t")):
            alts.add(stem + "e")
    if label == "VD" and w.endswith(("d", "t")):
        alts.add(w[:-1] + ("t" if w.endswith("d") else "d"))
    alts.discard(w)
    return alts


def injected_cases(sents, forms) -> list[Case]:
    cases = []
    for s in sents:
        for i, word in enumerate(s.words):
            w = word.lower()
            fam = forms.family(w)
            if fam is None and s.xpos[i].startswith("WW|pv|verl|ev") and w.endswith(("de", "te")) and len(w) > 4 \
                    and w not in FIXED:
                stem = w[:-2]  # werkte -> werkde, antwoordde -> antwoorde (a weak past tense)
                if stem in forms.lex.verbs:
                    for alt in sorted({stem + "de", stem + "te"} | ({stem + "e"} if stem.endswith(("d", "t")) else set())):
                        if alt != w:
                            fam_alt = forms.family(alt)
                            kind = "valid" if fam_alt is not None and fam_alt.labels_of(alt) else "invalid"
                            cases.append(Case(s, i, alt, w, kind))
                continue
            if fam is None and s.xpos[i].startswith("WW|vd") and w.endswith(("d", "t")):
                alt = w[:-1] + ("t" if w.endswith("d") else "d")  # gewerkt -> gewerkd
                fam2 = forms.family(alt)
                if fam2 is not None and w in fam2.forms.values():
                    cases.append(Case(s, i, alt, w, "invalid"))
                continue
            if fam is None or w in FIXED:
                continue  # modals and strong past tenses (kan/kant, was/wast) are no d/t confusion
            label = gold_label(w, s.xpos[i], s.upos[i], fam)
            if label in (None, "X"):
                continue
            for alt in sorted(alternatives(w, label, fam)):
                fam_alt = forms.family(alt)
                kind = "valid" if fam_alt is not None and fam_alt.labels_of(alt) else "invalid"
                cases.append(Case(s, i, alt, w, kind))
    return cases


def run_model(model, forms, cases):
    """[(margin, correct fix?, kind)] for the cases where the model (without thresholds) speaks at the spot."""
    out = []
    for c in cases:
        words = [w.lower() for w in c.words()]
        caps = [w[:1].isupper() for w in c.words()]
        for v in predict(model, forms, words, caps):
            if v.index == c.index and plausible(v, words, forms.lex, model.tagdict):
                out.append((v.margin, v.fix == c.right, c.kind))
    return out


def false_alarms(model, forms, sents):
    """[(margin, kind)] of what the model (without thresholds) flags in correct sentences."""
    out = []
    for s in sents:
        words = [w.lower() for w in s.words]
        for v in predict(model, forms, words, [w[:1].isupper() for w in s.words]):
            if plausible(v, words, forms.lex, model.tagdict):
                out.append((v.margin, v.kind))
    return out
