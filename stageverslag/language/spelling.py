"""Spelling: Hunspell (OpenTaal) plus the programme's vocabulary, the student's word list and the names in
the project. Skips what is not a Dutch word: codes, numbers, acronyms, brand-style capitals and names.
Suggestions (at most three) are computed only for wrong words, cached, and bounded in time per check.
"""

from __future__ import annotations

import time

from .issues import Issue
from .tokens import ABBREVIATIONS, Token

#: seconds of Hunspell suggestion work allowed per check (after that, findings come without suggestions)
SUGGESTION_BUDGET = 0.5
#: after the budget, seconds more for the cheap typo search only
CHEAP_EXTRA = 0.3
#: seconds spent at most on the typo search for one word
PER_WORD = 0.06
#: a capital drops the accent in print: "Eén" stands for "één"
_ACCENTED_CAPS = {"Eén": "één", "Eénmaal": "éénmaal"}
_VOWEL_MARKS = {"e": "ëé", "i": "ï", "o": "ö", "u": "ü", "a": "ä"}
_CONFUSIONS = (("c", "k"), ("k", "c"), ("s", "c"), ("c", "s"), ("s", "z"), ("z", "s"), ("ei", "ij"), ("ij", "ei"),
               ("au", "ou"), ("ou", "au"), ("f", "v"), ("v", "f"), ("g", "ch"), ("y", "ij"), ("t", "th"),
               ("dt", "d"), ("d", "dt"), ("t", "d"), ("d", "t"), ("ph", "f"), ("x", "ks"), ("ks", "x"))
_LETTERS = "eanrtioldsgkmvhubpwjczfëïéyxq"


class Speller:
    def __init__(self, dictionary, extra_words: set[str]):
        self.dictionary = dictionary
        self.extra = {w for w in extra_words if w}
        self.extra_lower = {w.lower() for w in self.extra}
        self._suggestions: dict[str, list[str]] = {}

    # -- word classes -------------------------------------------------------------------------------
    @staticmethod
    def skippable(word: str) -> bool:
        """Not something a Dutch dictionary should judge."""
        if len(word) < 2 or len(word) > 40 or any(ch.isdigit() for ch in word) or "&" in word:
            return True
        if word[0] in "'’":
            return True
        letters = [c for c in word if c.isalpha()]
        if sum(1 for c in letters if c.isupper()) >= 2:  # acronyms (HR, KMO), codes (LR), brands (LinkedIn)
            return True
        if "." in word:  # abbreviations such as o.a, i.p.v, m.b.t.
            return True
        if any(c.isupper() for c in word[1:]):  # imgSize, iClicks, eBay: code and brands
            return True
        if not any(c in "aeiouyAEIOUYàáâäèéêëìíîïòóôöùúûü" for c in word):  # csv, sd, dns
            return True
        return False

    def accepts(self, word: str, sentence_start: bool = False) -> bool:
        if word in self.extra or word.lower() in self.extra_lower:
            return True
        known = self.dictionary.known
        if known(word):
            return True
        if sentence_start and word[:1].isupper() and (known(word.lower()) or word in _ACCENTED_CAPS):
            return True
        if word.lower() in ABBREVIATIONS:
            return True
        if "-" in word:
            parts = [p for p in word.split("-") if p]
            return bool(parts) and all(self.skippable(p) or self.accepts(p, True) for p in parts)
        if len(word) > 2 and self.dictionary.known_english(word):
            return True  # an English term (header, footer, Business and Languages)
        if self.compound(word.lower()):
            return True
        for apo in ("'", "’"):
            if apo in word:  # auto's, CEO's, Peeters'
                base = word.split(apo)[0]
                return self.skippable(base) or self.accepts(base, True) or base[:1].isupper()
        return False

    def compound(self, word: str) -> bool:
        """A compound Hunspell misses: a known word (Dutch or English) plus a known noun, each of four
        letters or more, with an optional linking s or e (weerstand+combinatie, voorbeeld+app)."""
        if len(word) < 9 or not word.isalpha():
            return False
        lex = self.dictionary.lexicon
        known, english = self.dictionary.known, self.dictionary.known_english
        for i in range(4, len(word) - 3):
            head, tail = word[:i], word[i:]
            if not (tail in lex.nouns or (tail.endswith(("en", "s")) and (tail[:-2] in lex.nouns
                                                                         or tail[:-1] in lex.nouns))):
                continue
            if known(head + "s" + tail) or known(head + "n" + tail):
                return False  # the dictionary wants a linking s or n: kwaliteitszorg
            for h in (head, head[:-1] if head.endswith(("s", "e")) else None):
                if h and len(h) >= 4 and (h in lex.nouns or h in lex.verbs or known(h) or english(h)):
                    # but a typo one step away from a real word stays a typo
                    return not any(known(c) for c in cheap_corrections(word))
        return False

    def suggest(self, word: str, deadline: float | None) -> list[str]:
        """Up to three corrections: the usual typos first (cheap), then any one-letter change and Hunspell's
        own search while the document's time budget lasts. Past the budget only the cheap search runs,
        for at most CHEAP_EXTRA seconds more; after that words come without suggestions."""
        if word in self._suggestions:
            return self._suggestions[word]
        now = time.perf_counter()
        if deadline is not None and now > deadline + CHEAP_EXTRA:
            return []
        stored = self.dictionary.stored["suggest"].get(word)
        if stored is not None:  # remembered from an earlier run, within the same time budget
            self._suggestions[word] = list(stored)
            return self._suggestions[word]
        thorough = deadline is None or now < deadline
        def known(candidate: str) -> bool:
            return self.dictionary.known(candidate, remember=False)
        out: list[str] = []
        self.dictionary.hunspell  # load it before the per-word clock starts (0.2-0.3 s the first time)
        stop = time.perf_counter() + PER_WORD
        for cand in cheap_corrections(word):
            if cand != word and cand not in out and known(cand):
                out.append(cand)
                if len(out) == 3:
                    break
        cut = False  # the one-letter search ran out of time: the answer depends on the machine's load
        if not out and thorough:  # nothing among the usual typos: try every one-letter change
            for cand in likely_corrections(word):
                if cand != word and cand not in out and known(cand):
                    out.append(cand)
                    if len(out) == 3:
                        break
                if time.perf_counter() > stop:
                    cut = True
                    break
        if not out and thorough and (deadline is None or time.perf_counter() < deadline):
            try:
                found = list(self.dictionary.hunspell.suggest(word))
            except UnicodeError:
                found = []
            out = [x for x in found if " " not in x][:3]
        if out or thorough:
            self._suggestions[word] = out
            if thorough and not cut:  # remember only answers that do not depend on timing
                self.dictionary.remember_suggestions(word, out)
        return out

    # -- checking -----------------------------------------------------------------------------------
    def check(self, tokens: list[Token], names: set[str], taken: set[int], deadline: float | None
              ) -> list[Issue]:
        """Spelling issues among ``tokens``. ``names``: capitalised unknown words met mid-sentence in the
        same document (treated as names at a sentence start too); ``taken``: token starts that another check
        already reported."""
        issues = []
        for idx, tok in enumerate(tokens):
            if not tok.is_word or tok.start in taken:
                continue
            word = tok.text
            if self.skippable(word):
                continue
            if word[0].isupper() and (not tok.sentence_start or word in names):
                continue  # most likely a name (decided first: no dictionary needs to be asked about it)
            if self.accepts(word, tok.sentence_start):
                continue
            if tok.broken and (self.accepts(tok.broken, tok.sentence_start) or self._diaeresis(tok.broken)):
                continue
            if self._glued_in_brackets(tokens, idx):
                continue
            suggestions = self.suggest(word, deadline)
            if suggestions and suggestions[0].lower() == word.lower():
                continue  # only a capital differs; Hunspell is unsure, we say nothing
            issues.append(Issue(
                "spelling", f"'{word}' staat niet in het woordenboek"
                + (f"; bedoel je '{suggestions[0]}'?" if suggestions else "."),
                tok.start, tok.end, suggestions,
                "Controleer de spelling. Is het een vakterm of naam die klopt? Zet hem dan in je woordenlijst."))
        return issues


    def _diaeresis(self, broken: str) -> bool:
        """'stageco-ordinator' broken at a line end stands for 'stagecoördinator'."""
        head, _, tail = broken.partition("-")
        marks = {"a": "ä", "e": "ë", "i": "ï", "o": "ö", "u": "ü"}
        return bool(head and tail and tail[0] in marks and self.dictionary.known(head + marks[tail[0]] + tail[1:]))

    def _glued_in_brackets(self, tokens: list[Token], i: int) -> bool:
        """'(bedrijfs)ethische': a bracketed first part of a compound."""
        if i + 2 < len(tokens) and tokens[i + 1].text == ")" and tokens[i + 1].start == tokens[i].end \
                and tokens[i + 2].is_word and tokens[i + 2].start == tokens[i + 1].end:
            head, tail = tokens[i].text, tokens[i + 2].text
            known = self.dictionary.known
            return known(head + tail) or (known(head.rstrip("s")) and known(tail))
        return False


def likely_corrections(word: str):
    """Candidate spellings, the most likely typos first: a doubled or undoubled letter, a missing accent,
    the usual confusions (c/k, ei/ij, ...), swapped letters, then any insertion, deletion or replacement."""
    yield from cheap_corrections(word)
    w = word
    n = len(w)
    for i in range(n + 1):
        for c in _LETTERS:
            yield w[:i] + c + w[i:]
    for i in range(n):
        yield w[:i] + w[i + 1:]
    for i in range(n):
        for c in _LETTERS:
            if c != w[i]:
                yield w[:i] + c + w[i + 1:]


def cheap_corrections(word: str):
    """The usual typos only (a few dozen candidates)."""
    w = word
    n = len(w)
    for i in range(n):
        if i + 1 < n and w[i] == w[i + 1]:
            yield w[:i] + w[i + 1:]
        if w[i].isalpha() and w[i] not in "aeiou":
            yield w[:i + 1] + w[i] + w[i + 1:]
    for i, ch in enumerate(w):
        for mark in _VOWEL_MARKS.get(ch, ""):
            yield w[:i] + mark + w[i + 1:]
    for old, new in _CONFUSIONS:
        start = w.find(old)
        while start >= 0:
            yield w[:start] + new + w[start + len(old):]
            start = w.find(old, start + 1)
    for i in range(n - 1):
        yield w[:i] + w[i + 1] + w[i] + w[i + 2:]


def capitalised_in(tokens: list[Token]) -> set[str]:
    """Title-case words met in the middle of a sentence (Koen, Canvas): names for the dt rules, even when
    the same word exists in lower case ("koen")."""
    return {t.text for t in tokens if t.is_word and not t.sentence_start and t.text[:1].isupper()
            and t.text[1:].islower() and t.text.isalpha()}


def names_in(tokens: list[Token], speller: Speller) -> set[str]:
    """Capitalised words not at a sentence start that the dictionary does not know: names."""
    return {t.text for t in tokens if t.is_word and not t.sentence_start and t.text[:1].isupper()
            and not speller.skippable(t.text) and not speller.dictionary.known(t.text)}


def deadline_from_now(budget: float = SUGGESTION_BUDGET) -> float:
    """The moment suggestions stop; a budget of 0 means no suggestions at all."""
    if budget <= 0:
        return time.perf_counter() - CHEAP_EXTRA - 1
    return time.perf_counter() + budget
