"""Spelling: Hunspell (OpenTaal) plus the programme's vocabulary, the student's word list and the names in
the project. Skips what is not a Dutch word: codes, numbers, acronyms, brand-style capitals and names.
Suggestions (at most three) are computed only for wrong words, cached, and bounded by a *work* budget per
check: a count of dictionary look-ups, never a clock, so the same file gets the same suggestions on a fast
and on a loaded machine, with or without remembered answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .issues import SUGGESTION_BUDGET, Issue
from .tokens import ABBREVIATIONS, Token

#: look-ups more, past the budget, for the cheap typo search only
CHEAP_EXTRA = 2000
#: look-ups at most for the one-letter search of one word (enough for any word of up to 25 letters)
PER_WORD = 1500
#: what Hunspell's own suggestion search counts for (it costs about as much as 2,000 look-ups); it runs only
#: when the remaining budget covers it
HUNSPELL_COST = 2500
_NOT_JUDGED = re.compile(r"[0-9&.]|.[A-ZÀ-ÖØ-Þ]")
_VOWEL = re.compile(r"[aeiouyAEIOUYàáâäèéêëìíîïòóôöùúûü]")
#: a capital drops the accent in print: "Eén" stands for "één"
_ACCENTED_CAPS = {"Eén": "één", "Eénmaal": "éénmaal"}
_VOWEL_MARKS = {"e": "ëé", "i": "ï", "o": "ö", "u": "ü", "a": "ä"}
_CONFUSIONS = (("slaan", "slagen"),  # the Flemish participle: opgeslaan, geslaan
               ("c", "k"), ("k", "c"), ("s", "c"), ("c", "s"), ("s", "z"), ("z", "s"), ("ei", "ij"), ("ij", "ei"),
               ("au", "ou"), ("ou", "au"), ("f", "v"), ("v", "f"), ("g", "ch"), ("y", "ij"), ("t", "th"),
               ("dt", "d"), ("d", "dt"), ("t", "d"), ("d", "t"), ("ph", "f"), ("x", "ks"), ("ks", "x"))
_LETTERS = "eanrtioldsgkmvhubpwjczfëïéyxq"


class Speller:
    def __init__(self, dictionary, extra_words: set[str]):
        self.dictionary = dictionary
        self.extra = {w for w in extra_words if w}
        self.extra_lower = {w.lower() for w in self.extra}
        self._suggestions: dict[str, list[str]] = {}
        self._searches: dict[str, _Search] = {}
        self._compounds: dict[str, bool] = {}

    # -- word classes -------------------------------------------------------------------------------
    @staticmethod
    @lru_cache(maxsize=1 << 16)
    def skippable(word: str) -> bool:
        """Not something a Dutch dictionary should judge: too short or long, digits or '&' (codes), a leading
        apostrophe, capitals after the first letter (HR, KMO, LinkedIn, imgSize, eBay), a full stop (o.a,
        i.p.v) or no vowel (csv, sd, dns). (Remembered per word: a document asks about the same words often.)"""
        return (len(word) < 2 or len(word) > 40 or word[0] in "'’" or _NOT_JUDGED.search(word) is not None
                or _VOWEL.search(word) is None)

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
        if self.dictionary.known_english(word):
            return True  # an English term (header, footer, Business and Languages)
        if self.compound(word.lower()) or self.verb_form(word) or self.plural(word):
            return True
        for apo in ("'", "’"):
            if apo in word:  # auto's, CEO's, Peeters'
                base = word.split(apo)[0]
                return self.skippable(base) or self.accepts(base, True) or base[:1].isupper()
        return False

    def compound(self, word: str) -> bool:
        """A compound Hunspell misses: a known word (Dutch or English) plus a known Dutch noun, adjective or
        participle (also plural, diminutive or inflected), each of four letters or more (the tail three), with
        an optional linking s or e (weerstand+combinatie, transport+bakjes, cloud+gebaseerd, semester+lange).
        Not when the dictionary wants another linking letter, and not when a usual typo gives a known word
        (werkprocess: werkproces)."""
        if len(word) < 9 or not word.isalpha():
            return False
        if word not in self._compounds:
            self._compounds[word] = self._compound(word)
        return self._compounds[word]

    def _compound(self, word: str) -> bool:
        lex = self.dictionary.lexicon
        known, english = self.dictionary.known, self.dictionary.known_english
        strict = loose = False  # a split with a noun/adjective/participle tail, or only with another known tail
        for i in range(4, len(word) - 2):
            head, tail = word[:i], word[i:]
            fit = self._compound_tail(tail)
            if not fit:
                continue
            if known(head + "s" + tail) or known(head + "n" + tail):
                return False  # the dictionary wants a linking s or n: kwaliteitszorg
            for h in (head, head[:-1] if head.endswith(("s", "e")) else None):
                if h and len(h) >= 4 and h not in _NOT_A_HEAD and (
                        h in lex.nouns or h in lex.verbs or known(h) or english(h)):
                    if fit == "loose":
                        loose = True
                    else:
                        strict = True
                    break
        if not (strict or loose):
            # an English term written as one word: flipping+books, test+branch, screaming+frog
            if not any(english(word[:i]) and english(word[i:]) for i in range(4, len(word) - 3)):
                return False
            strict = True
        # but a typo one step away from a real word stays a typo (werkprocess, vergadring)
        candidates = cheap_corrections(word) if strict else near_typos(word)
        return not any(known(c, remember=False) for c in candidates if not _linking_variant(c, word))

    def _compound_tail(self, tail: str) -> bool:
        lex = self.dictionary.lexicon
        if tail in _NOT_A_TAIL:
            return False
        if tail in lex.nouns or tail in lex.adjectives or tail in lex.participles:
            return True
        if tail.endswith("en") and (tail[:-2] in lex.nouns or (len(tail) > 5 and tail[-3] == tail[-4]
                                                               and tail[:-3] in lex.nouns)):
            return True  # plural: sets, bakken
        stem = tail[:-2]
        if tail.endswith("en") and len(stem) > 3 and stem[-2] in "aeou" and stem[-3] not in "aeiou" and (
                stem[:-1] + stem[-2] + stem[-1] in lex.nouns or self.dictionary.known(stem[:-1] + stem[-2] + stem[-1])):
            return True  # plural with a long vowel: automaten (automaat)
        if tail.endswith("s") and not tail.endswith("ss") and tail[:-1] in lex.nouns:
            return True
        if tail.endswith("e") and (tail[:-1] in lex.adjectives or (len(tail) > 4 and tail[-2] == tail[-3]
                                                                     and tail[:-2] in lex.adjectives)):
            return True  # lange, grotte
        known = self.dictionary.known
        if tail.endswith(("je", "jes")) and known(tail):
            return True  # bakjes
        # any other known word of five letters or more that is not an infinitive (opdracht+geven is a typo),
        # told by compound() to check every one-letter change (verga+dring is vergadring, a typo)
        return len(tail) >= 5 and not tail.endswith("en") and known(tail) and "loose"

    def plural(self, word: str) -> bool:
        """The regular plural of a known noun that Hunspell lacks: topologie -> topologieën, recombinatie ->
        recombinaties (nouns in -ie, -e, -el, -er, -em, -en, -je take s)."""
        low = word.lower()
        if len(low) < 7 or not low.isalpha() and "ë" not in low:
            return False
        known = self.dictionary.known
        if low.endswith("ieën"):
            return known(low[:-2])
        if low.endswith("s") and low[:-1].endswith(("ie", "e", "el", "er", "em", "je")) and not low.endswith("ees"):
            base = low[:-1]
            return base in self.dictionary.lexicon.nouns or (base.endswith(("tie", "gie", "rie")) and known(base))
        return False

    def verb_form(self, word: str) -> bool:
        """A regular form the dictionary lacks of a verb it knows: a separable verb (vast+hangt, aan+linken),
        stem+t and ge+stem+d/t of a verb known only as an infinitive (connecteert, geconnecteerd), and an
        English verb with a Dutch ending (subscriben). Never a bare stem (inplaats stays wrong) nor a
        participle without ge- (genereerd stays wrong)."""
        if word[:1].isupper() and word[1:].islower():
            word = word.lower()  # Subscriben at the start of a sentence
        if len(word) < 6 or not word.isalpha() or not word.islower():
            return False
        known, lex = self.dictionary.known, self.dictionary.lexicon
        if word.endswith(("ioneel", "ionele")) and self.dictionary.known_english(word[:word.rindex("ion") + 3] + "al"):
            return True  # convolutionele: Dutch -ioneel of an English -ional (convolutional)
        for particle in _PARTICLES:
            if word.startswith(particle) and word[len(particle):] in _STRONG_PAST:
                return True  # samen+zat, op+stond, mee+kwamen: the past tense of a strong verb
            if word.startswith(particle) and len(word) - len(particle) >= 4:
                rest = word[len(particle):]
                if rest in lex.participles or (rest.endswith("en") and _stem_in(rest[:-2], lex.verbs)) or (
                        rest.endswith("t") and rest[:-1] in lex.verbs) or (
                        rest.endswith(("de", "te")) and (rest[:-2] in lex.past_de or rest[:-2] in lex.past_te)):
                    return True
        stem = None
        if word.endswith("t") and not word.startswith("ge"):
            stem = word[:-1]
        elif word.startswith("ge") and word.endswith(("d", "t")) and word[2:3] not in ("e", "i", "u"):
            stem = word[2:-1]  # not geinteresseerd: ge + i needs a diaeresis (geïnteresseerd)
        if stem and len(stem) >= 4 and stem not in lex.verbs and any(
                known(inf) and inf not in _STRONG_PAST for inf in _infinitives(stem)):
            return True  # not 'geloopt' (the dictionary knows lopen, and not this form) nor 'gekregt' (kregen)
        if word.endswith("n") and self.dictionary.known_english(word[:-1]) and word[-2] == "e" and len(word) > 7:
            return True  # subscriben, like updaten
        return False

    def suggest(self, word: str, deadline: "WorkBudget | None") -> list[str]:
        """Up to three corrections: the usual typos first (cheap), then every one-letter change, then
        Hunspell's own search, while the document's work budget (``deadline``, a :class:`WorkBudget`; None =
        no limit) lasts. Past the budget only the cheap search runs, for CHEAP_EXTRA look-ups more; after that
        words come without suggestions. What a search costs is charged even when its answer is remembered
        (from earlier in this process or from an earlier run), so the answers never depend on the cache, the
        clock or the machine's load."""
        budget = deadline if deadline is not None else WorkBudget(None)
        if budget.spent_out:
            return []
        search = self._search(word)
        thorough = budget.thorough
        budget.spend(search.cheap_cost)
        if search.cheap or not thorough:
            return list(search.cheap)
        self._run_one_letter(search)
        budget.spend(search.letter_cost)
        if search.letter:
            return list(search.letter)
        if not budget.covers(HUNSPELL_COST):
            return []
        budget.spend(HUNSPELL_COST)
        if search.hunspell is None:
            try:
                found = list(self.dictionary.hunspell.suggest(word))
            except UnicodeError:
                found = []
            search.hunspell = [x for x in found if " " not in x][:3]
            self._remember(word, search)
        return list(search.hunspell)

    def _search(self, word: str) -> "_Search":
        """The (remembered) search for ``word``; the cheap part is done at once (a few dozen look-ups)."""
        search = self._searches.get(word)
        if search is not None:
            return search
        stored = self.dictionary.stored["suggest"].get(_STORE_KEY + word)
        search = _Search.from_stored(stored) if stored is not None else None
        if search is not None:
            search.word = word
        else:
            search = _Search(word)
            out: list[str] = []
            for cand in cheap_corrections(word):
                search.cheap_cost += 1
                if cand != word and cand not in out and self._lookup(cand):
                    out.append(cand)
                    if len(out) == 3:
                        break
            search.cheap = out
            if out:
                self._remember(word, search)
        self._searches[word] = search
        return search

    def _run_one_letter(self, search: "_Search") -> None:
        if search.letter is not None:
            return
        found: list[tuple[float, int, str]] = []
        cost = 0
        for cand, weight in one_letter_edits(search.word):
            if cost >= PER_WORD:
                break
            cost += 1
            if cand != search.word and self._lookup(cand) and all(cand != f[2] for f in found):
                found.append((weight, len(found), cand))
        # the likeliest edits first: a vowel for a vowel (Motovatie: Motivatie, not Mostovatie), then in order
        search.letter, search.letter_cost = [c for _, _, c in sorted(found)[:3]], cost
        self._remember(search.word, search)

    def _lookup(self, candidate: str) -> bool:
        return self.dictionary.known(candidate, remember=False)

    def _remember(self, word: str, search: "_Search") -> None:
        self.dictionary.remember_suggestions(_STORE_KEY + word, search.to_stored())

    # -- checking -----------------------------------------------------------------------------------
    def check(self, tokens: list[Token], names: set[str], taken: set[int], deadline: float | None,
              deferred: list | None = None) -> list[Issue]:
        """Spelling issues among ``tokens``. ``names``: capitalised unknown words met mid-sentence in the
        same document (treated as names at a sentence start too); ``taken``: token starts that another check
        already reported. ``deferred``: a list that gets ``(start, end, word)`` of every unknown word instead
        of its issue, whose suggestions then depend on the budget an earlier part of the document leaves
        (:meth:`complete`, see :mod:`.split`); its search is run (and remembered) here as far as
        ``deadline`` allows."""
        issues = []
        words = [t for t in tokens if t.is_word]
        if len(words) == 1 and words[0].text.islower() and not any(t.text in ".!?" for t in tokens):
            return issues  # a paragraph of one lower-case word: a list of libraries or tools (numpy, sys)
        folded = {n.casefold() for n in names if any(c.isupper() for c in n[1:])}  # LabVIEW, MySQL
        for idx, tok in enumerate(tokens):
            if not tok.is_word or tok.start in taken:
                continue
            word = tok.text
            if self.skippable(word):
                continue
            if word[0].isupper() and (not tok.sentence_start or word in names):
                continue  # most likely a name (decided first: no dictionary needs to be asked about it)
            if tok.quoted or (tok.glued and self._glued_to_code(tokens, idx)):
                continue  # 'english', 'relu': a value or a name between quotes; y_pred, src/app
            if word.casefold() in folded or ("-" in word and self._parts_known(word, names)):
                continue
            if word in names and word.islower():
                continue  # a deliberate term of this document (terms_in): plesk, sass, scikit-learn  # labview for LabVIEW: a name written in other capitals; keras-bibliotheken (Keras)
            if self.accepts(word, tok.sentence_start):
                continue
            if tok.broken and (self.accepts(tok.broken, tok.sentence_start) or self._diaeresis(tok.broken)):
                continue
            if self._glued_in_brackets(tokens, idx) or self._truncated_compound(tokens, idx):
                continue
            if self._case_of_known(word) or self._surname_in_a_name_line(tokens, idx):
                continue  # photoshop for Photoshop, gui for GUI: capitals, not a spelling error
            if word[0].isupper() and self._before_a_name(tokens, idx, names):
                continue  # 'Burak Inan' at the start of a line: a first name and a surname
            suggestions = self.suggest(word, deadline)
            if deferred is not None:
                deferred.append((tok.start, tok.end, word))
                continue
            issue = self._issue(word, tok.start, tok.end, suggestions)
            if issue is not None:
                issues.append(issue)
        return issues

    def complete(self, deferred: list, deadline: "WorkBudget | None") -> list[Issue]:
        """The issues of words :meth:`check` deferred, with the suggestions ``deadline`` allows now (their
        searches are remembered, so this is quick; what they cost is charged as always)."""
        issues = []
        for start, end, word in deferred:
            issue = self._issue(word, start, end, self.suggest(word, deadline))
            if issue is not None:
                issues.append(issue)
        return issues

    @staticmethod
    def _issue(word: str, start: int, end: int, suggestions: list[str]) -> Issue | None:
        if suggestions and suggestions[0].lower() == word.lower():
            return None  # only a capital differs; Hunspell is unsure, we say nothing
        return Issue(
            "spelling", f"'{word}' staat niet in het woordenboek"
            + (f"; bedoel je '{suggestions[0]}'?" if suggestions else "."),
            start, end, suggestions,
            "Controleer de spelling. Is het een vakterm of naam die klopt? Zet hem dan in je woordenlijst.")


    def deliberate(self, word: str) -> bool:
        """Not a typo: no Dutch word of five letters or more is one edit away (a letter inserted, left out,
        replaced, or two letters swapped) or two usual typos away (desicion: decision), nor an English word of
        five letters or more that is as long or shorter (topci: topic, excercise: exercise; but sass is no typo
        of sassy). Remembered per word like a dictionary verdict."""
        if len(word) < 4 or not word.isalpha():
            return False
        return self.dictionary._verdict("\0term:" + word, word, self._no_word_near)

    def _no_word_near(self, word: str) -> bool:
        known, english = self.dictionary.known, self.dictionary.known_english
        seen = {word}
        cheap = list(dict.fromkeys(cheap_corrections(word)))
        edits = [c for c, _ in one_letter_edits(word)] + cheap + [c2 for c in cheap for c2 in cheap_corrections(c)]
        for c in edits:
            if len(c) < 5 or c in seen:
                continue
            seen.add(c)
            if known(c, remember=False) or (len(c) <= len(word) and english(c)):
                return False
        return True

    def _parts_known(self, word: str, names: set[str]) -> bool:
        """A hyphenated word whose parts are known words or names of the document in other capitals."""
        lowered = {n.casefold() for n in names}
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(self.skippable(p) or p.casefold() in lowered or self.accepts(p, True)
                                   for p in parts)

    def _case_of_known(self, word: str) -> bool:
        """A known name in other capitals: photoshop (Photoshop), gui (GUI), github or Javascript (GitHub,
        JavaScript: one inner capital tried at every place)."""
        known = self.dictionary.known
        if not word.isalpha() or not word[1:].islower():
            return False
        if word.islower() and (known(word.capitalize()) or (len(word) <= 5 and known(word.upper()))):
            return True
        if word.islower() and len(word) >= 6 and self.dictionary.known_english(word.capitalize()) and not any(
                known(c, remember=False) for c in near_typos(word)):
            return True  # delaware (Delaware): an English name in lower case, not a typo of a Dutch word
        if word[:1].isupper() and len(word) <= 6 and known(word.upper()):
            return True
        low = word.lower()
        return 6 <= len(low) <= 12 and any(known(low[0].upper() + low[1:i] + low[i].upper() + low[i + 1:])
                                           for i in range(2, len(low) - 2))

    @staticmethod
    def _surname_in_a_name_line(tokens: list[Token], i: int) -> bool:
        """'Lars boesenach' on a line of its own (a team list, a title page): a surname typed in lower case."""
        words = [t for t in tokens if t.is_word]
        prev = tokens[i - 1] if i else None
        return len(words) <= 3 and prev is not None and prev.is_word and prev.text[:1].isupper() \
            and prev.text[1:].islower() and all(t.kind != "punct" or t.text in "-" for t in tokens)

    @staticmethod
    def _before_a_name(tokens: list[Token], i: int, names: set[str]) -> bool:
        """'Burak Inan', 'Hyejung Veenstra': a first name at the start, followed by a surname."""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        return bool(nxt is not None and nxt.is_word and nxt.text[:1].isupper() and nxt.text[1:].islower()
                    and (nxt.text in names or not nxt.sentence_start) and nxt.text.isalpha())

    @staticmethod
    def _glued_to_code(tokens: list[Token], i: int) -> bool:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i else None
        return bool((nxt is not None and nxt.start == tok.end and nxt.text[:1] in "_/\\=")
                    or (prev is not None and prev.end == tok.start and prev.text[-1:] in "_/\\="))

    def _truncated_compound(self, tokens: list[Token], i: int) -> bool:
        """'herkennings-/verzamelpunt', 'trainings- en testsets': a first part with a hyphen, completed by a
        later compound (herkennings + punt)."""
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or nxt.text != "-" or nxt.start != tok.end:
            return False
        later = [t for t in tokens[i + 2:i + 6] if t.is_word and len(t.text) >= 4]
        known = self.dictionary.known
        word = tok.text.lower()
        for t in later:
            for k in range(3, len(t.text) - 2):
                if known(word + t.text[k:].lower()):
                    return True
        return bool(word.endswith("s") and len(word) > 5 and known(word[:-1]))

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


#: past tenses of strong and irregular verbs (separable verbs with them: samenzat, opstond, meekwamen)
_STRONG_PAST = {"zat", "zaten", "kwam", "kwamen", "nam", "namen", "gaf", "gaven", "stond", "stonden", "ging", "gingen",
                "zag", "zagen", "bleef", "bleven", "liep", "liepen", "hield", "hielden", "viel", "vielen", "trok",
                "trokken", "sprak", "spraken", "bracht", "brachten", "dacht", "dachten", "kreeg", "kregen", "wees",
                "schreef", "schreven", "droeg", "droegen", "sloot", "sloten", "bood", "boden", "hing", "hingen",
                "vond", "vonden", "deed", "deden", "liet", "lieten", "zocht", "zochten", "riep", "riepen", "las",
                "lazen", "sloeg", "sloegen", "trad", "traden", "won", "wonnen", "begon", "begonnen", "lag", "lagen",
                "keek", "keken", "reed", "reden", "stak", "staken", "brak", "braken", "zond", "zonden", "wierp",
                "wierpen", "greep", "grepen", "sneed", "sneden", "dreef", "dreven", "schoof", "schoven", "hief",
                "hieven", "woog", "wogen", "zweeg", "zwegen", "vloog", "vlogen", "trof", "troffen", "haalde",
                "kocht", "kochten", "moest", "kon", "wist", "wisten", "wilde", "mocht", "zou", "zouden"}
_PARTICLES = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "samen", "terug", "toe", "uit",
              "vast", "voor", "weg", "neer", "los", "tegen", "achter", "binnen", "buiten", "dicht", "open", "thuis",
              "vrij", "klaar", "bekend", "stil", "bloot", "door", "rond", "heen", "mis", "teweeg", "tegemoet")
#: not the first part of a compound: prepositions, adverbs and pronouns (voor+mezelf is two words)
_NOT_A_HEAD = {"voor", "door", "over", "onder", "achter", "tegen", "naar", "zonder", "boven", "binnen", "buiten",
               "niet", "meer", "zeer", "heel", "veel", "alle", "deze", "welke", "zelf", "mijn", "zijn", "haar",
               "onze", "jouw", "ook", "nooit", "altijd", "want", "maar", "omdat", "toch", "even", "eens", "hier",
               "daar", "waar", "hoe", "wat", "iets", "alles", "beter", "minder"}
_NOT_A_TAIL = {"mezelf", "jezelf", "zichzelf", "hemzelf", "haarzelf", "onszelf", "elkaar", "iets", "niets", "alles",
               "iemand", "niemand", "zelf", "maar", "want", "omdat", "toch", "wel", "niet", "ook", "altijd"}


def _linking_variant(candidate: str, word: str) -> bool:
    """'trainingset' for 'trainingsset': the same compound with or without a linking s, not a typo."""
    k = word.find("ss")
    return 4 <= k <= len(word) - 5 and candidate == word[:k] + word[k + 1:]


def _stem_in(stem: str, stems: set[str]) -> bool:
    return stem in stems or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in stems) or (
        stem.endswith("v") and stem[:-1] + "f" in stems) or (stem.endswith("z") and stem[:-1] + "s" in stems)


def _infinitives(stem: str):
    """Possible infinitives of a stem: connecteer -> connecteren, zet -> zetten, leef -> leven."""
    yield stem + "en"
    if len(stem) > 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
        base = stem[:-2] + stem[-1]
        yield base + "en"
        if base.endswith("f"):
            yield base[:-1] + "ven"
        if base.endswith("s"):
            yield base[:-1] + "zen"
    elif len(stem) > 2 and stem[-1] not in "aeiou" and stem[-2] in "aeiou":
        yield stem + stem[-1] + "en"


_VOWELS = set("aeiouyëïéöüäèáó")


def one_letter_edits(word: str):
    """Every insertion, deletion and replacement of one letter (what the usual typos did not find), with a weight:
    a vowel written for another vowel weighs less than any other edit."""
    w = word
    n = len(w)
    for i in range(n + 1):
        for c in _LETTERS:
            yield w[:i] + c + w[i:], 1.0
    for i in range(n):
        yield w[:i] + w[i + 1:], 1.0
    for i in range(n):
        for c in _LETTERS:
            if c != w[i]:
                yield w[:i] + c + w[i + 1:], 0.8 if (c in _VOWELS and w[i].lower() in _VOWELS) else 1.0


def near_typos(word: str):
    """The usual typos, a letter too many, and a vowel left out (vergadring: vergadering)."""
    yield from cheap_corrections(word)
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
    for i in range(1, len(word)):
        for v in "aeiou":
            yield word[:i] + v + word[i:]


def cheap_corrections(word: str):
    """The usual typos only (a few dozen candidates)."""
    w = word
    n = len(w)
    if n >= 6 and w.startswith("ge") and w[-1] in "dt":
        for inf in _infinitives(w[2:-1]):
            yield "ge" + inf  # a strong participle written as a weak one: gekregt -> gekregen, geloopt -> gelopen
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


#: nouns after which an unknown lower-case word is the name of a product or technology (de plesk server,
#: een sass compiler, een conv layer)
_TECH_HEADS = {"server", "servers", "compiler", "compilers", "layer", "layers", "editor", "editors", "plugin",
               "plugins", "library", "libraries", "bibliotheek", "bibliotheken", "framework", "frameworks", "module",
               "modules", "package", "packages", "pakket", "pakketten", "api", "database", "databases", "container",
               "containers", "bestand", "bestanden", "file", "files", "script", "scripts", "functie", "functies",
               "klasse", "class", "methode", "commando", "tool", "tools", "extensie", "extensies", "cluster", "panel",
               "paneel", "dashboard", "pipeline", "omgeving", "installatie", "versie", "syntax", "template",
               "templates", "theme", "component", "componenten", "service", "services", "repository", "repo",
               "branch", "image", "images", "engine", "driver", "drivers", "interface", "laag", "lagen", "plug-in",
               "plug-ins", "taal", "code", "project", "projecten", "account", "accounts", "instantie", "node",
               "nodes", "widget", "widgets", "module's", "api's", "console", "terminal", "cli", "sdk", "filter",
               "filters", "algoritme", "operator", "kernel", "model", "modellen", "board", "bord", "sensor"}
#: a recurring lower-case word counts as a deliberate term from this many occurrences in one document
TERM_REPEATS = 3


def terms_in(paragraphs: list[list[Token]], speller: "Speller") -> set[str]:
    """Lower-case words of a document that are deliberate terms, not typos: the name of a product or technology
    written in lower case (plesk, sass, scikit-learn). A word counts when it is not a one-letter typo of a
    Dutch or English word of five letters or more (opgeslaan: opgestaan stays a typo) and
    - it stands right before a technical noun somewhere in the document (de plesk servers, een sass compiler),
    - or it is a hyphenated compound with an English part whose other parts are no typos (scikit-learn),
    - or it occurs TERM_REPEATS times or more with the same spelling.
    Every place of such a word is then accepted."""
    counts: dict[str, int] = {}
    tech: set[str] = set()
    for tokens in paragraphs:
        words = [t for t in tokens if t.is_word]
        for k, t in enumerate(words):
            w = t.text
            if not w.islower() or speller.skippable(w) or t.quoted:
                continue
            counts[w] = counts.get(w, 0) + 1
            if k + 1 < len(words) and words[k + 1].start - t.end == 1 and words[k + 1].text.lower() in _TECH_HEADS:
                tech.add(w)
    out = set()
    english = speller.dictionary.known_english
    for w, n in counts.items():
        hyphenated = "-" in w
        if n < TERM_REPEATS and w not in tech and not hyphenated:
            continue
        if hyphenated:
            parts = [p for p in w.split("-") if p]
            if len(parts) < 2 or not all(p.isalpha() for p in parts):
                continue
            unknown = [p for p in parts if not speller.accepts(p, True)]
            if unknown and any(english(p) for p in parts if p not in unknown) and all(
                    speller.deliberate(p) for p in unknown):
                out.add(w)
            continue
        if w.isalpha() and not speller.accepts(w) and speller.deliberate(w):
            out.add(w)
    return out


def capitalised_in(tokens: list[Token]) -> set[str]:
    """Title-case words met in the middle of a sentence (Koen, Canvas): names for the dt rules, even when
    the same word exists in lower case ("koen")."""
    return {t.text for t in tokens if t.is_word and not t.sentence_start and t.text[:1].isupper()
            and t.text[1:].islower() and t.text.isalpha()}


_YEAR = re.compile(r"(?:1[89]|20)\d\d[a-z]?$")
_NO_DATE = {"sd", "zd", "nd", "z.d", "s.d", "n.d", "z.j", "zj"}


def names_in(tokens: list[Token], speller: Speller) -> set[str]:
    """Capitalised words not at a sentence start that the dictionary does not know: names. Also authors of a
    citation, wherever they stand ("(Pascual, 2019)", "Sommerville (2021)", "Choudhary, sd", "Dijk et al."),
    and brand-style names with inner capitals (LabVIEW, MySQL), so that the same word in other capitals is
    known too."""
    out = {t.text for t in tokens if t.is_word and not t.sentence_start and t.text[:1].isupper()
           and not speller.skippable(t.text) and not speller.dictionary.known(t.text)}
    for i, t in enumerate(tokens):
        if not t.is_word or not t.text[:1].isupper():
            continue
        if any(c.isupper() for c in t.text[1:]) and any(c.islower() for c in t.text) and t.text.isalpha():
            out.add(t.text)
            continue
        texts = [x.text.lower() for x in tokens[i + 1:i + 3]]
        if len(texts) == 2 and texts[0] in (",", "(") and (_YEAR.match(texts[1]) or texts[1] in _NO_DATE):
            out.add(t.text)
        elif texts == ["et", "al"]:
            out.add(t.text)
    return out


def deadline_from_now(budget: int = SUGGESTION_BUDGET) -> "WorkBudget":
    """The work budget for the suggestions of one check (the name is kept from when it was a clock); a budget
    of 0 means no suggestions at all."""
    return WorkBudget(budget)


#: key prefix of a remembered search in the dictionary's verdict cache (its answers and what they cost)
_STORE_KEY = "\0zoek3:"  # 3: strong participles (gekregt) in the cheap search


class WorkBudget:
    """Look-ups left for suggestions in one check; shared by all its paragraphs, spent in document order."""

    def __init__(self, units: int | None):
        self.unlimited = units is None
        self.left = 0 if units is None else (units if units > 0 else -CHEAP_EXTRA - 1)

    @property
    def thorough(self) -> bool:
        return self.unlimited or self.left > 0

    @property
    def spent_out(self) -> bool:
        return not self.unlimited and self.left <= -CHEAP_EXTRA

    def covers(self, units: int) -> bool:
        return self.unlimited or self.left >= units

    def spend(self, units: int) -> None:
        if not self.unlimited:
            self.left -= units


@dataclass
class _Search:
    """The phases of the suggestion search for one word, with their answers and their cost in look-ups."""

    word: str
    cheap: list | None = None
    cheap_cost: int = 0
    letter: list | None = None  # None: not run yet
    letter_cost: int = 0
    hunspell: list | None = None

    def to_stored(self) -> list:
        return [self.cheap, self.cheap_cost, self.letter, self.letter_cost, self.hunspell]

    @classmethod
    def from_stored(cls, data) -> "_Search | None":
        try:
            cheap, cheap_cost, letter, letter_cost, hunspell = data
            ok = isinstance(cheap, list) and isinstance(cheap_cost, int) and (letter is None or isinstance(
                letter, list)) and isinstance(letter_cost, int) and (hunspell is None or isinstance(hunspell, list))
        except (TypeError, ValueError):
            return None
        return cls("", cheap, cheap_cost, letter, letter_cost, hunspell) if ok else None