"""Spoken language and informal style.

``spreektaal``: Flemish tussentaal and spoken forms from ``templates/taal/spreektaal.tsv`` (one plain data
file: form, businesslike alternative, note, optional condition), plus the double perfect
("ik heb dat gedaan geweest"). ``style``: informal punctuation (!!, ?!), smileys and emoji, chat
abbreviations (lol, idd, mss, ...; "btw" only in the sense "by the way") and very long sentences (info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..paths import templates_dir
from .issues import Issue
from .tokens import Token

LONG_SENTENCE = 45  # words
_NO_ARTICLE_BEFORE = {"de", "het", "een", "ter", "aan", "en", "van", "met", "zijn", "haar", "mijn", "onze",
                      "hun", "deze", "die", "dat", "welke", "zijner", "uw", "jouw", "of", "andere", "kennis"}
_PRONOUNS_AFTER = {"ge", "gij", "gij", "mij", "me", "ons", "da", "dat", "het", "'t", "ne", "nen", "eens", "efkes",
                   "even", "wa", "hem", "haar", "ze", "gaan", "komen", "nog", "ook", "nie", "niet"}
CHAT = {
    "lol": ("(weglaten)", "Chattaal hoort niet in een verslag; laat het weg."),
    "idd": ("inderdaad", "Chatafkorting; schrijf 'inderdaad' voluit."),
    "mss": ("misschien", "Chatafkorting; schrijf 'misschien' voluit."),
    "ofzo": ("of iets dergelijks", "Spreektalige afsluiter; schrijf 'of iets dergelijks' of laat het weg."),
    "wss": ("waarschijnlijk", "Chatafkorting; schrijf 'waarschijnlijk' voluit."),
    "nvm": ("(weglaten)", "Chatafkorting; laat het weg."),
    "omg": ("(weglaten)", "Chatafkorting; laat het weg."),
    "thx": ("bedankt", "Chatafkorting; schrijf 'bedankt' of 'dank u'."),
    "tnx": ("bedankt", "Chatafkorting; schrijf 'bedankt' of 'dank u'."),
    "pls": ("graag", "Chatafkorting; schrijf 'graag' of 'alstublieft'."),
    "plz": ("graag", "Chatafkorting; schrijf 'graag' of 'alstublieft'."),
    "gwn": ("gewoon", "Chatafkorting; schrijf 'gewoon' voluit."),
    "sws": ("sowieso", "Chatafkorting; schrijf 'in elk geval'."),
    "jwz": ("(weglaten)", "Chatafkorting; laat het weg."),
    "imo": ("volgens mij", "Chatafkorting; schrijf 'volgens mij' of 'naar mijn mening'."),
}
_SMILEY = re.compile(r"(?<![\w:/'\"‘’(\[])(?:[:;=]-?[()DPp]|[xX]D|\^\^|<3)(?![\w/'\"‘’)\]])")
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\U00002600-\U000027BF\U0001F000-\U0001F2FF]")
_PUNCT = re.compile(r"[!?]*(?:!!|\?!|!\?|\?\?)[!?]*")


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]
    alternative: str
    note: str
    conditions: frozenset[str]
    prefix: bool = False  # "kei*"


def load_entries(path: Path | None = None) -> list[Entry]:
    path = path or templates_dir() / "taal" / "spreektaal.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        form = cols[0].strip().lower().replace("’", "'")
        conditions = frozenset(c.strip() for c in (cols[3] if len(cols) > 3 else "").split(",") if c.strip())
        prefix = form.endswith("*")
        out.append(Entry(tuple(form.rstrip("*").split()), cols[1].strip(), cols[2].strip(), conditions, prefix))
    return out


class Colloquial:
    def __init__(self, entries: list[Entry], adjectives: set[str]):
        self.by_first: dict[str, list[Entry]] = {}
        self.prefixes = [e for e in entries if e.prefix]
        for e in entries:
            if not e.prefix:
                self.by_first.setdefault(e.words[0], []).append(e)
        for lst in self.by_first.values():
            lst.sort(key=lambda e: -len(e.words))
        self.adjectives = adjectives

    def _fits(self, e: Entry, words: list[Token], i: int) -> bool:
        first = words[i]
        nxt = words[i + len(e.words)].lower if i + len(e.words) < len(words) else None
        prev = words[i - 1].lower if i else None
        for cond in e.conditions:
            if cond == "klein" and (any(c.isupper() for c in first.text[1:])
                                    or (first.text[0].isupper() and not first.sentence_start)):
                return False
            if cond == "voor-woord" and (nxt is None or not words[i + len(e.words)].text[:1].islower()):
                return False
            if cond == "geen-lidwoord" and prev in _NO_ARTICLE_BEFORE:
                return False
            if cond == "spreekvraag" and nxt not in _PRONOUNS_AFTER:
                return False
            if cond.startswith("niet-voor:") and nxt == cond.split(":", 1)[1]:
                return False
        return True

    def check(self, sentences: list[list[Token]]) -> list[Issue]:
        issues = []
        for sentence in sentences:
            words = [t for t in sentence if t.is_word]
            i = 0
            while i < len(words):
                tok = words[i]
                low = tok.lower.replace("’", "'")
                hit = None
                if tok.glued or tok.quoted:
                    i += 1
                    continue
                for e in self.by_first.get(low, ()):
                    n = len(e.words)
                    if [w.lower.replace("’", "'") for w in words[i:i + n]] == list(e.words) and self._fits(e, words, i):
                        hit = (e, n)
                        break
                if hit is None:
                    for e in self.prefixes:
                        p = e.words[0]
                        rest = low[len(p):].lstrip("-")
                        adjective = rest in self.adjectives or (rest.endswith("e") and (
                            rest[:-1] in self.adjectives or rest[:-2] in self.adjectives))
                        if low.startswith(p) and len(rest) > 2 and adjective and not (
                                p == "kei" and rest.startswith("hard")):
                            hit = (e, 1)
                            break
                if hit:
                    e, n = hit
                    end = words[i + n - 1].end
                    alt = e.alternative
                    issues.append(Issue("spreektaal", f"Spreektaal: '{' '.join(w.text for w in words[i:i + n])}'"
                                        + (f"; schrijf '{alt}'." if not alt.startswith("(") else f" {alt}."),
                                        tok.start, end, [] if alt.startswith("(") else [alt], e.note))
                    i += n
                    continue
                i += 1
            issues.extend(self._double_perfect(words))
        return issues

    @staticmethod
    def _double_perfect(words: list[Token]) -> list[Issue]:
        out = []
        lows = [w.lower for w in words]
        if "geweest" not in lows or not any(w in ("heb", "hebt", "heeft", "hebben", "had", "hadden") for w in lows):
            return out
        for i, w in enumerate(lows):
            if w == "geweest" and i and lows[i - 1].startswith("ge") and lows[i - 1] != "geweest" and (
                    lows[i - 1].endswith(("d", "t", "n"))):
                out.append(Issue("spreektaal", f"Dubbel voltooid deelwoord: schrijf '{words[i - 1].text}' zonder "
                                 "'geweest'.", words[i - 1].start, words[i].end, [words[i - 1].text],
                                 "'Ik heb het gedaan geweest' is spreektaal; in schrijftaal: 'ik heb het gedaan'."))
        return out


def style_issues(text: str, masked: str, sentences: list[list[Token]]) -> list[Issue]:
    issues = []
    for m in _PUNCT.finditer(masked):
        alt = "?" if "?" in m.group(0) else "."
        issues.append(Issue("style", f"Informele leestekens '{m.group(0)}'; schrijf één '{alt}'.",
                            m.start(), m.end(), [alt], "Herhaalde uitroep- of vraagtekens horen niet in een zakelijk "
                            "verslag."))
    for m in _SMILEY.finditer(masked):
        issues.append(Issue("style", f"Smiley '{m.group(0)}' in een verslag: laat hem weg.", m.start(), m.end(), [],
                            "Smileys en emoji horen in chatberichten, niet in een zakelijk verslag."))
    for m in _EMOJI.finditer(masked):
        issues.append(Issue("style", "Emoji in een verslag: laat hem weg.", m.start(), m.end(), [],
                            "Smileys en emoji horen in chatberichten, niet in een zakelijk verslag."))
    for sentence in sentences:
        words = [t for t in sentence if t.is_word]
        for i, tok in enumerate(words):
            low = tok.lower
            if low in CHAT and not tok.text.isupper():
                alt, note = CHAT[low]
                issues.append(Issue("style", f"Chattaal '{tok.text}'" + (f"; schrijf '{alt}'." if not
                                    alt.startswith("(") else f" {alt}."), tok.start, tok.end,
                                    [] if alt.startswith("(") else [alt], note))
            elif low == "btw" and not tok.text.isupper():
                after = text[tok.end:tok.end + 2]
                if after[:1] in (",", "-", ":") or after.startswith(" -"):
                    issues.append(Issue("style", "'btw' in de betekenis 'trouwens' is chattaal; schrijf 'trouwens'.",
                                        tok.start, tok.end, ["trouwens"],
                                        "'btw' als 'by the way' is chattaal. (De btw als belasting mag wel.)"))
        if len(words) > LONG_SENTENCE:
            issues.append(Issue("style", f"Lange zin ({len(words)} woorden): overweeg hem te splitsen.",
                                words[0].start, sentence[-1].end, [],
                                "Zinnen van meer dan 45 woorden zijn moeilijk te volgen; knip ze in twee.",
                                severity="info"))
    return issues
