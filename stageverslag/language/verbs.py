"""Verb and noun knowledge for the dt rules, from the OpenTaal lexicon: stems, participles (also the ones
built by 't kofschip), finite forms, nouns and the start of noun phrases."""

from __future__ import annotations

from .dtwords import INSEPARABLE, MODALS, MONTHS, PERFECT_AUX, SEPARABLE, STRONG_PAST


class Verbs:
    """Questions about single words, answered from the lexicon and Hunspell."""

    def __init__(self, lexicon, known, english=None):
        self.lex = lexicon
        self.known = known  # word -> bool (Hunspell)
        self.english = english  # word -> bool, English terms are left alone

    # -- verb knowledge -------------------------------------------------------------------------------
    def is_d_stem(self, w: str) -> bool:
        """A verb stem ending in d whose 3rd person adds a t: word, vind, antwoord."""
        return w.endswith("d") and w in self.lex.verbs and w not in STRONG_PAST

    def is_dt_form(self, w: str) -> bool:
        return w.endswith("dt") and w[:-1] in self.lex.verbs

    def is_participle(self, w: str) -> bool:
        """A weak past participle: listed in the dictionary, or built by the rules (ge- + stem + d/t)."""
        parts = self.lex.participles
        if w in parts or any(w.startswith(p) and w[len(p):] in parts for p in SEPARABLE if len(w) > len(p) + 3):
            return True
        if len(w) < 5 or w[-1] not in "dt":
            return False
        for prefix in ("",) + SEPARABLE:
            if not w.startswith(prefix):
                continue
            rest = w[len(prefix):]
            for core in ((rest[2:],) if rest.startswith("ge") else ()) + (rest,):
                for stem in (core[:-1], core):
                    if stem in self.lex.verbs and self._participle(prefix, stem) == w:
                        return True
        return False

    def _participle(self, prefix: str, stem: str) -> str | None:
        """'t kofschip: the weak participle of ``prefix`` + ``stem`` (werk -> gewerkt, beoordeel -> beoordeeld)."""
        if stem.endswith(("d", "t")):
            suffix = ""
        elif stem in self.lex.past_te:
            suffix = "t"
        elif stem in self.lex.past_de:
            suffix = "d"
        else:
            return None
        ge = "" if stem.startswith(INSEPARABLE) and len(stem) > 5 else "ge"
        return prefix + ge + stem + suffix

    def is_verb_stem(self, w: str) -> bool:
        verbs = self.lex.verbs
        return w in verbs or any(w.startswith(p) and w[len(p):] in verbs for p in SEPARABLE if len(w) > len(p) + 2)

    def finite_of_participle(self, w: str) -> str | None:
        """gebeurd -> gebeurt, verhuisd -> verhuist (a participle that sounds like a present form)."""
        if w.endswith("d") and w in self.lex.participles and w[:-1] in self.lex.verbs:
            return w[:-1] + "t"
        return None

    def participle_of_finite(self, w: str) -> str | None:
        """gebeurt -> gebeurd, beantwoordt -> beantwoord, verhuist -> verhuisd."""
        if not w.endswith("t"):
            return None
        if w.endswith("dt") and self.is_participle(w[:-1]) and self.is_verb_stem(w[:-1]):
            return w[:-1]
        if self.is_verb_stem(w[:-1]) and self.is_participle(w[:-1] + "d"):
            return w[:-1] + "d"
        return None

    def is_noun(self, w: str) -> bool:
        return w in self.lex.nouns

    def is_noun_head(self, w: str) -> bool:
        """A singular noun, also a compound one (stagementor: ends in the noun 'mentor')."""
        nouns = self.lex.nouns
        if w in nouns:
            return True
        if len(w) > 6 and w.isalpha() and self.known(w):
            return any(w[i:] in nouns for i in range(2, len(w) - 2))
        return False

    def np_start(self, w: str) -> bool:
        """Could ``w`` begin a noun phrase (noun or adjective, possibly inflected)?"""
        lex = self.lex
        if w.endswith(("en", "s")) and len(w) > 4 and any(
                c in lex.nouns for c in (w[:-1], w[:-2], w[:-3], w[:-3] + w[-4] + w[-3],
                                         w[:-3] + {"v": "f", "z": "s"}.get(w[-3], w[-3]))):
            return True  # a plural: excuses, collega's, taken (taak)
        return (w in lex.nouns or w in lex.adjectives or (w.endswith("e") and (w[:-1] in lex.adjectives
                or w[:-2] in lex.adjectives)) or w in ("eigen", "eerste", "tweede", "laatste", "volgende"))

    def _possessive_zijn(self, low: list[str], i: int) -> bool:
        """'zijn' before a noun or adjective is 'his' ('zijn tijd'), not a form of 'zijn'."""
        if low[i] != "zijn" or i + 1 >= len(low):
            return False
        if i and low[i - 1] in ("we", "wij", "jullie", "zij", "ze", "er", "die", "dat", "ook", "niet", "nog"):
            return False  # "We zijn vorig jaar verhuisd": the verb
        nxt = low[i + 1]
        return self.np_start(nxt) and not self.is_participle(nxt) and not self.participle_of_finite(nxt)

    def is_aux(self, low: list[str], i: int) -> bool:
        """Is ``low[i]`` a form of hebben, zijn or worden?"""
        return low[i] in PERFECT_AUX and not self._possessive_zijn(low, i)

    def other_finite(self, low: list[str], k: int, after_only: bool = False) -> bool:
        """Is there a finite verb in the clause besides position k? Participles and the possessive 'zijn'
        ('zijn eigen ritme') do not count."""
        for i in range(k + 1 if after_only else 0, len(low)):
            x = low[i]
            if i == k or not self.finite_like(x):
                continue
            if self._possessive_zijn(low, i):
                continue
            if x.endswith("t") and x not in PERFECT_AUX and x not in MODALS and self.is_participle(x):
                continue
            return True
        return False

    def finite_like(self, w: str) -> bool:
        lex = self.lex
        if w in MONTHS:
            return False
        if w in PERFECT_AUX or w in MODALS or w in STRONG_PAST:
            return True
        if w.endswith("t") and w[:-1] in lex.verbs and w not in lex.adjectives:
            return True
        for suf, group in (("de", lex.past_de), ("den", lex.past_de), ("te", lex.past_te), ("ten", lex.past_te)):
            if w.endswith(suf) and w[:-len(suf)] in group:
                return True
        return False

    # -- the check ------------------------------------------------------------------------------------
