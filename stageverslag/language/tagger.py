"""Which form of a verb fits here? A small classifier trained on the Dutch UD treebanks (CGN tags).

The dt question is always the same: a word belongs to a *family* of spellings of one verb that sound (almost)
alike — ``vind``/``vindt``, ``gebeurt``/``gebeurd``, ``beantwoordde``/``beantwoorde``, ``word``/``wordt`` —
and only the place in the sentence decides which spelling is right. :class:`Forms` builds these families for
every verb of the OpenTaal lexicon (stem, stem + t, the participle without ge-, the weak past tense -de/-te,
the inflected participle), and :class:`Model` scores the slots of a family from the context:

* ``EV``   finite, present, bare stem (``ik vind``, ``vind je``, an imperative)
* ``T``    finite, present, stem + t (``hij vindt``, ``vindt u``)
* ``VD``   past participle (``is gebeurd``, ``werd ontwikkeld``, ``een bepaald punt``)
* ``VERL`` past tense, singular (``hij beantwoordde``)
* ``VDE``  inflected participle (``de verwachte cijfers``)
* ``X``    anything else (a noun or adjective spelled like a verb form: ``het antwoord``)

Training also sees every other verb of the treebank (plural ``MV``/``VERLMV``, infinitive ``INF``, strong
participles...), so the context weights learn from all verb slots, not only from the confusable ones.

The features never look at the word's own ending, nor at the ending of any other family word in the
sentence: every spelling of a family is replaced by the family key before features are built. Training on
correct sentences is therefore the same as training on those sentences with every confusable form injected,
and an error elsewhere in the sentence does not change the verdict.

The model is an averaged perceptron (pure Python, a small gzipped JSON file in ``data/``), trained by
``tools/train_dt.py`` on the train part of ``../shared/data/ud-nl`` (CC BY-SA 4.0, see ``data/README.md``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from array import array
from dataclasses import dataclass
from pathlib import Path

from .dtwords import STRONG_PAST

MODEL_PATH = Path(__file__).resolve().parent / "data" / "dt-model.bin.gz"
LABELS = ("EV", "T", "VD", "VERL", "VDE", "X", "MV", "VERLMV", "INF")
FEATURE_VERSION = 3  # bump when features() changes (the model records it)

VOWELS = set("aeiouyéëèïöü")
#: particles of separable verbs (the participle gets ge- after the particle: opgevolgd, teruggestuurd)
PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "toe", "uit", "vast", "voor",
             "weg", "terug", "samen", "rond", "tegen", "goed", "vrij", "binnen", "buiten", "neer", "weer", "mis",
             "tegemoet", "teweeg", "voorbij", "achter", "open", "dicht", "klaar", "stil", "thuis", "los", "vol")
#: PARTICLES by their first letter, each list in PARTICLES order
_PARTICLES_BY_FIRST: dict[str, tuple[str, ...]] = {
    c: tuple(p for p in PARTICLES if p[0] == c) for c in {p[0] for p in PARTICLES}}
INSEPARABLE = ("be", "ver", "ont", "her", "er", "ge")
#: prefixes that are separable in some verbs and not in others (overschatten, voorspellen, ondersteunen)
LOOSE = ("over", "onder", "door", "achter", "voor", "om", "mis", "vol", "weer", "aan", "mee", "vrij")
AUX = {"heb", "hebt", "heeft", "hebben", "had", "hadden", "ben", "bent", "is", "zijn", "was", "waren",
       "word", "wordt", "worden", "werd", "werden", "geweest", "geworden", "gehad"}
SUBORD = {"dat", "omdat", "als", "wanneer", "terwijl", "nadat", "voordat", "zodat", "zodra", "hoewel", "doordat",
          "indien", "tenzij", "totdat", "sinds", "die", "wat", "wie", "waar", "waarin", "waarop", "waardoor",
          "waarmee", "waarvan", "waarover", "waaraan", "waarbij", "waarvoor", "welke", "hoe", "waarom", "toen",
          "of", "zoals", "opdat", "aangezien", "zolang", "alsof", "voor"}
#: CGN classes that are never a verb form (words the treebank saw only so are no family members)
CLOSED_CLASSES = {"VNW", "VG", "VZ", "LID", "BW", "TW", "TSW", "LET"}
CLAUSE_BREAK = {",", ";", ":", "(", ")", "en", "maar", "want", "of", "dus", "-", "–", "—"}


@dataclass(frozen=True)
class Family:
    key: str  # the same for every spelling in the family: "~vind", "~beantwoord~e"
    forms: dict  # label -> spelling (lower case)
    kind: str  # "present" | "past" | "participle"

    def labels_of(self, w: str) -> list[str]:
        return [label for label, form in self.forms.items() if form == w]


def _open_syllable(part: str) -> str:
    """besteed -> bested (before an -e), beantwoord -> beantwoord."""
    if len(part) > 3 and part[-2] == part[-3] and part[-2] in "aeou" and part[-1] not in VOWELS:
        return part[:-2] + part[-1]
    return part


class Forms:
    """Families of verb spellings from the OpenTaal lexicon; ``known`` (Hunspell) validates built forms."""

    def __init__(self, lexicon, known):
        self.lex = lexicon
        self.known = known
        self._cache: dict[str, Family | None] = {}
        self._splits: dict[str, tuple[str, str]] = {}

    # -- building forms -------------------------------------------------------------------------------
    def past_of(self, s: str) -> str | None:
        de, te = s in self.lex.past_de, s in self.lex.past_te
        if de == te:
            return None  # a strong verb, or the lexicon allows both
        return s + ("de" if de else "te")

    def participle_of(self, s: str, particle: str = "") -> str | None:
        """The weak participle ('t kofschip); without ge- after an inseparable prefix."""
        lex = self.lex
        if s in lex.participles and not particle:
            return s  # beantwoord, verwacht (the lexicon lists it)
        for end in ("d", "t"):
            if s + end in lex.participles and not particle:
                return s + end
        if s.endswith(("d", "t")):
            if s not in lex.past_de and s not in lex.past_te and not s.startswith(LOOSE):
                return None  # a strong verb: vind -> gevonden, bevind -> bevonden
            suffix = ""
        elif s in lex.past_te and s not in lex.past_de:
            suffix = "t"
        elif s in lex.past_de and s not in lex.past_te:
            suffix = "d"
        else:
            return None
        if s.startswith(INSEPARABLE) and len(s) > 5:
            return particle + s + suffix
        if not particle and s.startswith(LOOSE) and self.known(s + suffix):
            return s + suffix  # overschat, voorspeld: a prefix that is not split off here
        if s[:1] in ("e", "i", "u"):  # geëvalueerd, geïnventariseerd, geüpdatet
            return particle + "ge" + {"e": "ë", "i": "ï", "u": "ü"}[s[0]] + s[1:] + suffix
        return particle + "ge" + s + suffix

    def _split(self, w: str) -> tuple[str, str]:
        """('op', 'volg') for 'opvolg' when 'volg' is a verb; ('', w) otherwise. (Only the particles with the
        word's first letter are tried, in PARTICLES order; remembered per word.)"""
        found = self._splits.get(w)
        if found is None:
            found = "", w
            verbs = self.lex.verbs
            for p in _PARTICLES_BY_FIRST.get(w[:1], ()):
                if w.startswith(p) and len(w) > len(p) + 2 and w[len(p):] in verbs:
                    found = p, w[len(p):]
                    break
            self._splits[w] = found
        return found

    def _prefixed_verb(self, s: str) -> bool:
        """A verb with an inseparable prefix that the lexicon lists only as a noun ('bezoek': be + zoek, and
        Hunspell knows 'bezoekt')."""
        return s not in self.lex.verbs and any(
            s.startswith(p) and len(s) > len(p) + 2 and s[len(p):] in self.lex.verbs for p in ("be", "ver", "ont")) \
            and not s.endswith("t") and self.known(s + "t") and self.known(_open_syllable(s) + "en")

    def _present(self, s: str, particle: str = "") -> Family | None:
        forms = {"EV": particle + s, "T": particle + (s if s.endswith("t") else s + "t")}
        part = self.participle_of(s, particle)
        if particle:
            whole = particle + s + ("" if s.endswith(("d", "t")) else "d" if s in self.lex.past_de else "t")
            if whole != particle + s and whole != forms["T"] and self.known(whole):
                part = whole  # voorspeld, overschat: the prefix is not split off (no 'voorgespeld')
        if part and (particle or part in (s, s + "d", s + "t")):
            if particle and not self.known(part):
                part = None
            if part:
                forms["VD"] = part
        return Family("~" + particle + s, forms, "present")

    def _past(self, s: str) -> Family | None:
        past = self.past_of(s)
        if not past:
            return None
        forms = {"VERL": past}
        part = self.participle_of(s)
        if part and part in (s, s + "d", s + "t"):
            vde = _open_syllable(part) + "e"
            if vde == past or self.known(vde):
                forms["VDE"] = vde
        return Family("~" + s + "~e", forms, "past")

    def family(self, w: str) -> Family | None:
        """The family of lower-case ``w``, or None when ``w`` is no (mis)spelling of a confusable verb form."""
        if w in self._cache:
            return self._cache[w]
        fam = self._family(w)
        if fam is not None and len(set(fam.forms.values())) < 2 and fam.labels_of(w):
            fam = None  # only one spelling: nothing to confuse
        self._cache[w] = fam
        return fam

    def _family(self, w: str) -> Family | None:
        if len(w) < 3 or not w.isalpha():
            return None
        verbs = self.lex.verbs
        found: list[Family] = []
        # present forms and participles without ge-: vind(t), gebeur(t/d), ontwikkel(t/d), beantwoord(t)
        stems = [w]
        if w[-1] in "dt":
            stems.append(w[:-1])
        for s in stems:
            if s in STRONG_PAST or self._split(s)[1] in STRONG_PAST:
                continue  # 'was', 'las', 'nalas': a strong past tense, not a stem of wassen or lassen
            if s in verbs or self._prefixed_verb(s):
                fam = self._present(s)
                if w in fam.forms.values() or s == w[:-1] and w[-1] in "dt":
                    found.append(fam)
            particle, rest = self._split(s)
            if particle and s not in verbs and not (w[-1] in "dt" and w[:-1] in verbs):
                fam = self._present(rest, particle)  # not when the word is a form of a whole stem (voorspeld)
                if w in fam.forms.values() or s == w[:-1]:
                    found.append(fam)
        # the past tense and the inflected participle: beantwoordde / beantwoorde, verwachtte / verwachte
        if w.endswith("e") and len(w) > 4:
            cands = []
            if w.endswith(("dde", "tte", "de", "te")):
                cands.append(w[:-2])
            cands.append(w[:-1])
            if w[-2] not in VOWELS and w[-3] in VOWELS and w[-4] not in VOWELS:
                cands.append(w[:-2] + w[-3] + w[-2])  # bestede -> besteed
            for s in cands:
                if s in verbs:
                    fam = self._past(s)
                    if fam:
                        found.append(fam)
        # a participle with ge- spelled with the wrong end: gecontroleert, opgevolgt, geüpdate
        if not found and w.startswith(("ge", *PARTICLES)) and not self.known(w):
            fam = self._ge_participle(w)
            if fam:
                found.append(fam)
        if not found:
            return None
        for fam in found:
            if fam.labels_of(w):
                return fam
        if self.known(w):
            return None  # a real word that is no form we built (an inseparable verb we do not know): stay silent
        return found[0]

    def _ge_participle(self, w: str) -> Family | None:
        bases = {w, w.replace("geu", "geü", 1), w.replace("gee", "geë", 1), w.replace("gei", "geï", 1)}
        options = set()
        for b in bases:
            for cand in (b[:-1] + "d", b[:-1] + "t", b + "t", b + "d") if b[-1] in "dte" else (b + "d", b + "t"):
                if cand != w and (cand[-1] != w[-1] or len(cand) > len(w)) and self._is_ge_participle(cand):
                    options.add(cand)
        if len(options) == 1:
            (part,) = options
            return Family("~" + part[:-1], {"VD": part}, "participle")
        return None

    def _is_ge_participle(self, cand: str) -> bool:
        lex = self.lex
        if cand in lex.participles:
            return True
        for particle in ("",) + PARTICLES:
            if not cand.startswith(particle + "ge"):
                continue
            core = cand[len(particle) + 2:]
            if core[:1] in "ëïü":
                core = {"ë": "e", "ï": "i", "ü": "u"}[core[0]] + core[1:]
            for s in (core[:-1], core):
                if s in lex.verbs and self.participle_of(s, particle) == cand:
                    return True
        return False


# -- features --------------------------------------------------------------------------------------------
def normalise(words: list[str], forms: Forms, tagdict: dict, cache: dict | None = None
              ) -> tuple[list[str], list[str], list]:
    """Per word: the form the features see (family key for family words), its class and its family.
    ``cache``: a dict kept by the caller (one per tag dictionary) that remembers each word's triple."""
    norm, cls, fams = [], [], []
    for w in words:
        hit = cache.get(w) if cache is not None else None
        if hit is None:
            hit = _normal(w, forms, tagdict)
            if cache is not None:
                cache[w] = hit
        norm.append(hit[0])
        cls.append(hit[1])
        fams.append(hit[2])
    return norm, cls, fams


def _normal(w: str, forms: Forms, tagdict: dict) -> tuple:
    lex = forms.lex
    fam = forms.family(w) if w[:1].isalpha() else None
    if fam is not None and tagdict.get(w, "WW").split("|", 1)[0] in CLOSED_CLASSES:
        fam = None  # 'maar', 'meer', 'men', 'jou': the lexicon knows a verb, the treebank never saw one
    if fam is not None:
        return fam.key, "FAM", fam
    c = tagdict.get(w)
    if c is None:
        if not w[:1].isalnum():
            c = "LET"
        elif w[:1].isdigit():
            c = "TW"
        elif w in lex.nouns or (len(w) > 4 and w.endswith(("en", "s")) and (w[:-2] in lex.nouns or w[:-1] in lex.nouns)):
            c = "N?"
        elif w in lex.adjectives or w[:-1] in lex.adjectives:
            c = "ADJ?"
        elif w.endswith("en") and (w[:-2] in lex.verbs or w[:-3] in lex.verbs):
            c = "WWen?"
        else:
            c = "UNK"
    return w, c, None


def padded(norm: list[str], cls: list[str]) -> tuple[list[str], list[str]]:
    """``norm`` and ``cls`` with three sentence-boundary marks on each side (once per sentence)."""
    return (["<s>"] * 3 + norm + ["</s>"] * 3, ["<s>"] * 3 + cls + ["</s>"] * 3)


def features(i: int, words: list[str], norm: list[str], cls: list[str], caps: list[bool], pad=None) -> list[str]:
    n = len(words)
    pn, pc = pad if pad is not None else padded(norm, cls)
    k = i + 3  # i in the padded lists
    key = norm[i]
    wm3, wm2, wm1, w1, w2, w3 = pn[k - 3], pn[k - 2], pn[k - 1], pn[k + 1], pn[k + 2], pn[k + 3]
    cm3, cm2, cm1, c1, c2, c3 = pc[k - 3], pc[k - 2], pc[k - 1], pc[k + 1], pc[k + 2], pc[k + 3]
    f = ["b", "k=" + key, "self=" + cls[i],
         "w-3=" + wm3, "c-3=" + cm3, "w-2=" + wm2, "c-2=" + cm2, "w-1=" + wm1, "c-1=" + cm1,
         "w1=" + w1, "c1=" + c1, "w2=" + w2, "c2=" + c2, "w3=" + w3, "c3=" + c3,
         f"c-1c1={cm1}|{c1}", f"c-2c-1={cm2}|{cm1}", f"c1c2={c1}|{c2}",
         f"w-1w1={wm1}|{w1}", f"w1c2={w1}|{c2}", f"w-1c-2={wm1}|{cm2}",
         f"k|w1={key}|{w1}", f"k|w-1={key}|{wm1}"]
    # the clause around i
    start = i
    while start > 0 and words[start - 1] not in CLAUSE_BREAK and not (
            words[start - 1] in SUBORD and start - 1 > 0 and words[start - 2] not in CLAUSE_BREAK):
        start -= 1
    end = i
    while end + 1 < n and words[end + 1] not in CLAUSE_BREAK and words[end + 1] not in SUBORD:
        end += 1
    opener = words[start - 1] if start > 0 else "<s>"
    f.append("open=" + opener)
    f.append("pos=" + str(min(i - start, 4)))
    f.append("toend=" + str(min(end - i, 3)))
    f.append("sent0=" + ("1" if i == 0 else "0"))
    f.append("q=" + ("1" if words[-1] == "?" else "0"))
    f.append("cap=" + ("1" if caps[i] else "0"))
    first = norm[start] if start < n else ""
    f.append("first=" + (first if start != i else "SELF"))
    f.append("firstc=" + (cls[start] if start != i else "SELF"))
    for j in range(start, end + 1):
        if j == i:
            continue
        side = "<" if j < i else ">"
        w = words[j]
        key = norm[j]
        if w in AUX or key in ("~word", "~heb", "~ben"):
            f.append(f"aux{side}{key if key.startswith('~') else w}")
            f.append(f"anyaux{side}")
        c = cls[j]
        if c.startswith("WW|pv"):
            f.append(f"pv{side}")
        elif c.startswith("WW|vd"):
            f.append(f"vd{side}")
        elif c.startswith("WW|inf"):
            f.append(f"inf{side}")
        elif c == "FAM":
            f.append(f"fam{side}")
        elif c.startswith("VNW|pers") or c.startswith("VNW|pr"):
            f.append(f"pron{side}={w}")
    # anything in the whole sentence before the clause (coordination, relative clauses)
    for j in range(0, start):
        if words[j] in AUX or norm[j] == "~word":
            f.append("auxS<")
            break
    return f


def tag_class(xpos: str) -> str:
    """The class a word gets in the tag dictionary: the CGN tag cut to what helps (WW|pv, VNW|pers, ...)."""
    parts = xpos.split("|")
    if parts[0] == "WW":
        return "WW|" + parts[1] + ("|" + parts[2] if parts[1] == "pv" else "")
    if parts[0] in ("VNW", "VG", "N", "VZ", "LID"):
        return "|".join(parts[:2])
    return parts[0]


def written_features(w: str, fam: Family, lex) -> list[str]:
    """What the written spelling itself says: which slot it spells, and whether it is also a noun or an
    adjective (``het gebruik``, ``een bepaald punt``). Trained on correct and on injected spellings alike."""
    f = ["wl=" + "+".join(fam.labels_of(w) or ["none"])]
    if w in lex.nouns:
        f.append("wn")
    if w in lex.adjectives:
        f.append("wa")
    return f


MAGIC = b"stageverslag-dt-model 1\n"
SCALE = 100  # weights are stored as 16-bit integers, weight * SCALE


class Model:
    """The trained weights: ``scores(features)`` -> one score per label.

    File format (gzip): a magic line, then four length-prefixed parts: the metadata (JSON), the feature
    names (joined by newlines), the tag dictionary (``word<TAB>class`` lines) and the weights (little-endian
    int16, ``len(labels)`` per feature, in feature order). Loading is a split and an ``array.frombytes``:
    no JSON parse of the weights."""

    def __init__(self, meta: dict, labels: list[str], feature_names: list[str], weights, tagdict: dict):
        self.meta = meta
        self.labels = labels
        self.index = {f: k for k, f in enumerate(feature_names)}
        self.weights = weights  # array('h')
        self.tagdict = tagdict
        self.thresholds = meta.get("thresholds", {})
        self._rows: dict = {}  # feature -> its weights as a tuple, filled on first use (a dict set is atomic)

    @classmethod
    def from_weights(cls, meta: dict, labels: list[str], weights: dict, tagdict: dict) -> "Model":
        """From a training result (feature -> list of float weights)."""
        names = sorted(weights)
        arr = array("h", (max(-32767, min(32767, round(v * SCALE))) for f in names for v in weights[f]))
        return cls(meta, labels, names, arr, tagdict)

    def to_bytes(self) -> bytes:
        names = sorted(self.index, key=self.index.get)
        parts = [json.dumps({**self.meta, "labels": self.labels}, ensure_ascii=False, sort_keys=True).encode(),
                 "\n".join(names).encode(), "\n".join(f"{w}\t{c}" for w, c in sorted(self.tagdict.items())).encode(),
                 _le(self.weights).tobytes()]
        return MAGIC + b"".join(len(p).to_bytes(4, "little") + p for p in parts)

    def payload_digest(self) -> str:
        """A digest of everything but the metadata (what training produces)."""
        data = self.to_bytes()
        first = len(MAGIC)
        skip = int.from_bytes(data[first:first + 4], "little")
        return hashlib.sha256(data[first + 4 + skip:]).hexdigest()[:16]

    @classmethod
    def from_bytes(cls, data: bytes) -> "Model":
        if not data.startswith(MAGIC):
            raise ValueError("geen dt-model")
        pos, parts = len(MAGIC), []
        for _ in range(4):
            n = int.from_bytes(data[pos:pos + 4], "little")
            parts.append(data[pos + 4:pos + 4 + n])
            pos += 4 + n
        meta = json.loads(parts[0])
        labels = meta.pop("labels")
        names = parts[1].decode().split("\n")
        tagdict = dict(line.split("\t") for line in parts[2].decode().split("\n") if line)
        weights = array("h")
        weights.frombytes(parts[3])
        return cls(meta, labels, names, _le(weights), tagdict)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "Model":
        with gzip.open(path, "rb") as fh:
            return cls.from_bytes(fh.read())

    def save(self, path: Path = MODEL_PATH) -> None:
        with gzip.GzipFile(path, "wb", mtime=0, compresslevel=9) as fh:
            fh.write(self.to_bytes())

    def scores(self, feats: list[str]) -> list[float]:
        rows = self._rows
        found = []
        for f in feats:
            row = rows.get(f)
            if row is None:
                k = self.index.get(f)
                n = len(self.labels)
                row = rows[f] = () if k is None else tuple(self.weights[k * n:k * n + n])
            if row:
                found.append(row)
        if not found:
            return [0.0] * len(self.labels)
        return [sum(col) / SCALE for col in zip(*found)]


def _le(arr):
    """``arr`` in little-endian order (the file's order) on any machine; a copy when swapped."""
    if sys.byteorder == "big":
        arr = array("h", arr)
        arr.byteswap()
    return arr


@dataclass(frozen=True)
class Verdict:
    index: int  # position in the word list
    label: str  # the slot the model chose
    fix: str  # the spelling of that slot (lower case)
    margin: float  # how much better the chosen slot scored than the written one
    kind: str  # "valid": the written word is a real spelling of another slot; "invalid": it is no spelling at all
    forms: dict  # the family's spellings (label -> spelling)


def predict(model: Model, forms: Forms, words: list[str], caps: list[bool], skip=None, cache=None) -> list[Verdict]:
    """The family words in ``words`` (lower case, punctuation included) whose written spelling is not the one
    the model prefers for their slot, with the margin (no threshold applied)."""
    norm, cls, fams = normalise(words, forms, model.tagdict, cache)
    pad = padded(norm, cls)
    out = []
    index = {label: k for k, label in enumerate(model.labels)}
    for i, fam in enumerate(fams):
        if fam is None or (skip is not None and skip(i, words)):
            continue
        allowed = [label for label in LABELS if label in fam.forms or label == "X"]
        totals = model.scores(features(i, words, norm, cls, caps, pad) + written_features(words[i], fam, forms.lex))
        scores = {label: totals[index[label]] for label in allowed}
        best = max(allowed, key=lambda label: (scores[label], -LABELS.index(label)))
        w = words[i]
        written = fam.labels_of(w)
        forced = best == "X" and not written and len(set(fam.forms.values())) == 1
        if forced:
            best = next(iter(fam.forms))  # no word at all, and the lexicon knows one form it can mean ('trachte')
        if best == "X" or fam.forms[best] == w:
            continue
        if forced:
            out.append(Verdict(i, best, fam.forms[best], 0.0, "invalid", fam.forms))
            continue
        if written:
            margin, kind = scores[best] - max(scores[label] for label in written), "valid"
        else:
            margin, kind = scores[best] - max(scores[label] for label in allowed if label != best), "invalid"
        out.append(Verdict(i, best, fam.forms[best], margin, kind, fam.forms))
    return out
