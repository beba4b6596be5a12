"""The Dutch UD treebank for the dt model: reading, the fixed train / held-out split, gold labels.

Split (fixed, documented in the README): HELD-OUT = all of ``nl_alpino-ud-test`` + the half of
``nl_lassysmall-ud-test`` whose sentences come out of ``random.Random(9).shuffle`` in the first half;
TRAIN = everything else (``nl_alpino-ud-dev``, ``nl_lassysmall-ud-dev``, the other half of
``nl_lassysmall-ud-test``). The held-out part is never used to train or tune anything.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
UD = REPO.parent / "shared" / "data" / "ud-nl"
FILES = ("nl_alpino-ud-dev.conllu", "nl_alpino-ud-test.conllu", "nl_lassysmall-ud-dev.conllu",
         "nl_lassysmall-ud-test.conllu")
SEED = 9


@dataclass
class Sentence:
    sent_id: str
    words: list[str]  # as written
    xpos: list[str]
    upos: list[str]
    space_after: list[bool]

    @property
    def text(self) -> str:
        return "".join(w + (" " if sp else "") for w, sp in zip(self.words, self.space_after)).strip()


def read_conllu(path: Path) -> list[Sentence]:
    out: list[Sentence] = []
    sid, words, xpos, upos, spaces = "", [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            sid = line.split("=", 1)[1].strip()
        elif not line.strip():
            if words:
                out.append(Sentence(sid, words, xpos, upos, spaces))
            sid, words, xpos, upos, spaces = "", [], [], [], []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
            upos.append(cols[3])
            xpos.append(cols[4])
            spaces.append("SpaceAfter=No" not in cols[9])
    if words:
        out.append(Sentence(sid, words, xpos, upos, spaces))
    return out


def split(ud: Path = UD) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held_out) — see the module docstring."""
    train: list[Sentence] = []
    held: list[Sentence] = []
    for name in FILES:
        sents = read_conllu(ud / name)
        if name == "nl_alpino-ud-test.conllu":
            held += sents
        elif name == "nl_lassysmall-ud-test.conllu":
            order = list(range(len(sents)))
            random.Random(SEED).shuffle(order)
            half = set(order[: len(order) // 2])
            held += [s for k, s in enumerate(sents) if k in half]
            train += [s for k, s in enumerate(sents) if k not in half]
        else:
            train += sents
    return train, held


def files_digest(ud: Path = UD) -> str:
    h = hashlib.sha256()
    for name in FILES:
        h.update((ud / name).read_bytes())
    return h.hexdigest()[:16]


def gold_label(word: str, xpos: str, upos: str, fam) -> str | None:
    """The slot label of a treebank token in its family (None: the treebank's spelling is not ours)."""
    if xpos.startswith("WW|pv|tgw|ev"):
        label = "EV"
    elif xpos.startswith("WW|pv|tgw|met-t"):
        label = "T"
    elif xpos.startswith("WW|pv|verl|ev"):
        label = "VERL"
    elif xpos.startswith("WW|vd"):
        label = "VDE" if "met-e" in xpos else "VD"
    elif upos == "ADJ" and word in fam.forms.values():
        label = fam.labels_of(word)[0]
        label = label if label in ("VD", "VDE") else "X"
    else:
        label = "X"
    if label == "X":
        return "X"
    if label not in fam.forms:
        return "X"  # another verb's form ('was' of zijn, not of wassen): the spelling stays
    if fam.forms[label] != word:
        return None
    return label


def slot_label(xpos: str) -> str:
    """The slot of any treebank token (verbs by their CGN tag, everything else X)."""
    if not xpos.startswith("WW|"):
        return "X"
    for prefix, label in (("WW|pv|tgw|ev", "EV"), ("WW|pv|tgw|met-t", "T"), ("WW|pv|tgw|mv", "MV"),
                          ("WW|pv|verl|ev", "VERL"), ("WW|pv|verl|mv", "VERLMV"), ("WW|inf", "INF")):
        if xpos.startswith(prefix):
            return label
    if xpos.startswith("WW|vd"):
        return "VDE" if "met-e" in xpos else "VD"
    return "X"
