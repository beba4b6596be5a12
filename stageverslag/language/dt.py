"""dt-errors: a small rule engine over clauses, not a list of wrong words.

Each sentence is cut into clauses (at punctuation, subordinating and coordinating conjunctions). Within a
clause we look at where a verb form stands: right after a subject at the start (``hij vindt``), before a
subject pronoun (inversion: ``vind je``, ``vindt u``), at the end of a subordinate clause (``omdat hij het
goed vindt``), or in the slot of a past participle near a form of hebben/zijn/worden (``is gebeurd``).
The verb knowledge (stems, participles, weak past tenses, nouns) comes from the OpenTaal dictionary flags.

Precision first: every rule bails out when the context is not clear (a noun could follow, an auxiliary
could make it a participle, an imperative is possible, ...). When unsure, we say nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .issues import Issue
from .tokens import Token

AUX_HEBBEN = {"heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad"}
AUX_ZIJN = {"ben", "bent", "is", "zijn", "was", "waren", "geweest"}
AUX_WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
PERFECT_AUX = AUX_HEBBEN | AUX_ZIJN | AUX_WORDEN
MODALS = {"kan", "kun", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "moesten", "zal", "zult",
          "zullen", "zou", "zouden", "wil", "wilt", "willen", "wou", "wilde", "wilden", "mag", "mogen", "mocht",
          "mochten", "hoeft", "hoeven", "hoefde", "lijkt", "leek", "blijkt", "bleek", "blijft", "bleef", "raakt",
          "raakte", "gaat", "ging", "laat", "liet", "krijgt", "kreeg", "komt", "kwam", "staat", "stond"}
STRONG_PAST = {
    "vond", "vonden", "werd", "werden", "stond", "stonden", "hield", "hielden", "ging", "gingen", "kwam",
    "kwamen", "zag", "zagen", "gaf", "gaven", "nam", "namen", "las", "lazen", "zat", "zaten", "lag", "lagen",
    "kreeg", "kregen", "bleef", "bleven", "schreef", "schreven", "liep", "liepen", "sprak", "spraken", "wist",
    "wisten", "dacht", "dachten", "bracht", "brachten", "kocht", "kochten", "zocht", "zochten", "deed", "deden",
    "zei", "zeiden", "at", "aten", "begon", "begonnen", "vroeg", "vroegen", "koos", "kozen", "trok", "trokken",
    "bood", "boden", "reed", "reden", "sneed", "verloor", "verliet", "ontving", "ontstond", "begreep",
    "besloot", "bezocht", "hielp", "hielpen", "droeg", "verliep", "viel", "vielen", "hing", "ving", "riep",
    "sliep", "won", "vergat", "verscheen", "stierf", "bond", "leed", "streed", "gleed", "verbond", "verstond",
    "onderging", "ondernam", "schoot", "sloot", "loog", "bedroeg", "vertrok", "vond", "ontdekte", "had", "was",
    "waren", "hadden", "deed", "zond", "verzond", "wond", "verdween", "keek", "keken", "dronk", "zong", "zweeg",
}
SUBJ_T = {"jij", "je", "u", "hij", "zij", "ze", "het", "men", "wie", "die", "dat", "dit", "er", "wat", "iedereen",
          "niemand", "niets", "alles", "iets"}
SUBJ_PRONOUNS = {"ik", "jij", "je", "u", "hij", "zij", "ze", "het", "men", "we", "wij", "jullie"}
#: words that may be an article/demonstrative/possessive as well as a subject: the next word must not be a noun
DET_LIKE = {"het", "die", "dat", "dit", "je", "wie", "wat"}
DETERMINERS = {"de", "het", "een", "mijn", "jouw", "zijn", "haar", "ons", "onze", "hun", "uw", "deze", "dit",
               "die", "dat", "elke", "ieder", "iedere", "geen", "welk", "welke", "ons", "dat"}
SUBORDINATORS = {"dat", "omdat", "als", "wanneer", "terwijl", "nadat", "voordat", "zodat", "zodra", "hoewel",
                 "doordat", "indien", "tenzij", "totdat", "sinds", "die", "wat", "wie", "waar", "waarin",
                 "waarop", "waardoor", "waarmee", "waarvan", "waarover", "waaraan", "waarbij", "waarvoor",
                 "welke", "hoe", "waarom", "toen", "of", "zoals", "opdat", "ofschoon", "aangezien", "mits",
                 "naarmate", "zolang", "alsof"}
COORDINATORS = {"en", "maar", "want", "of", "dus", "noch"}
#: words that start a main clause and are followed by the finite verb (inversion)
FRONT = {
    "daarom", "daarna", "dan", "nu", "toen", "vandaag", "morgen", "gisteren", "soms", "vaak", "meestal",
    "altijd", "nooit", "hierdoor", "daardoor", "hier", "daar", "zo", "bovendien", "verder", "eerst",
    "vervolgens", "tenslotte", "ten slotte", "uiteindelijk", "gelukkig", "helaas", "waarschijnlijk",
    "misschien", "natuurlijk", "daarnaast", "hiervoor", "daarvoor", "hierbij", "daarbij", "hiermee", "daarmee",
    "binnenkort", "straks", "ook", "echter", "wel", "zeker", "dikwijls", "regelmatig", "opnieuw", "later",
    "vroeger", "intussen", "ondertussen", "tijdens", "hierin", "daarin", "hierna", "nadien", "voordien",
    "waar", "wanneer", "hoe", "waarom", "wat", "welke", "dus", "toch", "anders", "tot", "sindsdien",
    "plots", "plotseling", "dagelijks", "wekelijks", "zelden", "graag", "alleen", "samen", "wellicht",
    "dit", "dat", "die", "het",
}
#: verbs that hardly ever take "je" as an indirect object ("Dat vindt je" is wrong, "Dat bezorgt je" is not)
NO_DATIVE = {"vind", "denk", "weet", "zie", "hoor", "merk", "lees", "begrijp", "verwacht", "beantwoord",
             "antwoord", "houd", "meld"}
#: words after "je" that show "je" is the subject, not a possessive
AFTER_SUBJECT_JE = {
    "ook", "dan", "nog", "niet", "wel", "er", "vaak", "al", "nu", "altijd", "soms", "zelf", "het", "dat", "die",
    "dit", "deze", "hem", "ze", "hen", "mij", "me", "aan", "in", "op", "door", "bij", "met", "van", "voor",
    "naar", "uit", "over", "zo", "echt", "eigenlijk", "meteen", "graag", "misschien", "toch", "immers",
    "hier", "daar", "waarschijnlijk", "best", "zeker", "snel", "ooit", "nooit", "pas", "daarna", "hiervan",
    "daarvan", "ervan", "erover", "erin", "erop", "ermee", "iets", "niets", "alles", "veel", "weinig", "te",
    "geen", "tijdens", "na", "om", "tot", "zodra", "als", "of", "dat", "morgen", "vandaag", "straks", "later",
    "gisteren", "binnenkort", "opnieuw", "dikwijls", "regelmatig", "gewoon", "wellicht", "de", "een",
}
FRONT_PREPOSITIONS = {"volgens", "tijdens", "na", "voor", "in", "op", "bij", "met", "door", "sinds", "vanaf", "om",
                      "tegen", "ondanks", "dankzij", "wegens", "zonder", "binnen", "buiten", "onder", "naast",
                      "achter", "tussen", "aan", "via"}
PP_PREPOSITIONS = {"van", "naar", "uit", "in", "op", "met", "voor", "bij", "aan", "over", "tegen", "zonder"}
TIME_NOUNS = {"dag", "week", "maand", "jaar", "ochtend", "morgen", "voormiddag", "middag", "namiddag", "avond",
              "keer", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "kwartaal"}
SEPARABLE = ("aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over", "toe", "uit", "vast",
             "voor", "weg", "terug", "samen", "rond", "na", "tegen", "ver", "be", "ont", "her", "ge")
#: words right after a finite verb that show it is one ("De klant antwoord niet ...")
POST_VERB = {"niet", "ook", "altijd", "nooit", "snel", "meteen", "vaak", "zelden", "steeds", "nog", "al", "dan",
             "toch", "wel", "graag", "op", "aan", "mij", "me", "hem", "haar", "ons", "hen", "u", "je", "jou", "zich",
             "dat", "het", "er", "hier", "daar", "nu", "zelf", "eerst", "de", "een", "mijn", "zijn", "onze", "hun",
             "deze", "dit", "elke", "alle"}
#: d-ending words that are (also) prepositions or adverbs
FUNCTION_WORDS = {"rond", "rondom", "omtrent", "goed", "bijna", "half", "land", "eind", "einde", "rand", "kind"}
DEGREE = {"zeer", "heel", "erg", "echt", "best", "vrij", "nogal", "te", "zo"}
QUANTIFIERS = {"veel", "weinig", "niets", "iets", "alles", "meer", "minder", "genoeg", "wat"}
#: words in -de/-te after a subject that are no past tense ("dat je beide talen ...")
NOT_PAST = {"beide", "andere", "eigen", "zelfde", "hele", "halve", "vele", "enkele", "sommige", "verschillende",
            "diverse", "elke", "iedere", "welke", "deze", "alle", "meeste", "volgende", "vorige", "laatste",
            "eerste", "tweede", "derde", "beste", "grootste", "juiste", "nodige", "goede", "echte", "vaste"}
INSEPARABLE = ("be", "ver", "ont", "her", "er", "ge")
MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"}
NP_DETERMINERS = {"de", "het", "een", "mijn", "zijn", "haar", "onze", "ons", "deze", "dit", "die", "dat", "elke",
                  "iedere", "ieder", "uw", "jouw", "elk"}
#: subordinators that can open a sentence ("Omdat hij het goed vindt, ...")
INITIAL_SUBORDINATORS = {"omdat", "als", "terwijl", "nadat", "voordat", "zodra", "hoewel", "doordat", "indien",
                         "tenzij", "totdat", "aangezien", "ofschoon", "mits", "zolang", "naarmate", "opdat"}


@dataclass
class Clause:
    words: list[Token]
    opener: str | None  # the subordinator or coordinator that opens it, else None
    sentence_start: bool  # the first clause of the sentence
    after_comma: bool
    end_punct: str | None  # punctuation that ends it (None: another clause follows via a conjunction)
    question: bool = False  # the sentence ends with a question mark


def split_clauses(sentence: list[Token]) -> list[Clause]:
    clauses: list[Clause] = []
    cur: list[Token] = []
    opener = None
    first = True
    after_comma = False

    def close(end_punct):
        nonlocal cur, first
        if cur or opener:
            clauses.append(Clause(cur, opener, first, after_comma, end_punct))
            first = False
        cur = []

    for tok in sentence:
        if tok.kind != "word":
            if tok.text in ("'", "’", "&", "/", "-"):
                continue
            close(tok.text)
            opener, after_comma = None, tok.text == ","
            continue
        low = tok.lower
        if cur and (low in SUBORDINATORS or low in COORDINATORS) and not _part_of_np(cur, low):
            close(None)
            opener, after_comma = low, False
            continue
        if not cur and opener is None and low in COORDINATORS and low != "dus":
            opener = low  # "En toen ...", ", want anders ..."
            continue
        if not cur and opener is None and (low in INITIAL_SUBORDINATORS or (low == "wat" and after_comma)):
            opener = low  # "Omdat ..." at the start of a sentence or after a comma; ", wat ..."
            continue
        cur.append(tok)
    close(None)
    if sentence and "?" in sentence[-1].text:
        for c in clauses:
            c.question = True
    return clauses


def _part_of_np(cur: list[Token], low: str) -> bool:
    """'dat'/'die'/'wat' right after a preposition is a determiner/pronoun, not a new clause."""
    return low in ("dat", "die", "wat", "voor", "na", "tot") and cur[-1].lower in (
        "van", "met", "voor", "op", "aan", "in", "door", "over", "bij", "naar", "uit", "om", "zonder", "tot",
        "na", "sinds", "tijdens", "ondanks", "volgens", "per", "zo'n", "al")


class DtChecker:
    def __init__(self, lexicon, known, english=None):
        self.lex = lexicon
        self.known = known  # word -> bool (Hunspell)
        self.english = english  # word -> bool, English terms are left alone
        self.names: set[str] = set()
        self._clauses: list[Clause] = []

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
                c in lex.nouns for c in (w[:-1], w[:-2], w[:-3], w[:-3] + w[-4] + w[-3])):
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
    def check(self, sentences: list[list[Token]], names: set[str] | None = None) -> list[Issue]:
        self.names = names or set()
        issues: list[Issue] = []
        for sentence in sentences:
            seen: set[int] = set()
            clauses = split_clauses(sentence)
            self._clauses = clauses
            aux_before = False
            for clause in clauses:
                for issue in self._clause(clause, clauses, aux_before):
                    if issue.start not in seen:
                        seen.add(issue.start)
                        issues.append(issue)
                lows = [t.lower for t in clause.words]
                if any(self.is_aux(lows, i) for i in range(len(lows))):
                    aux_before = True
            for tok in sentence:
                if tok.is_word and tok.start not in seen:
                    issue = self._nonword(tok)
                    if issue:
                        seen.add(tok.start)
                        issues.append(issue)
        return issues

    def _clause(self, clause: Clause, clauses: list[Clause], aux_before: bool):
        words = clause.words
        low = [t.lower for t in words]
        if not words:
            return
        aux_in_clause = any(self.is_aux(low, i) for i in range(len(low)))
        for k, tok in enumerate(words):
            w = low[k]
            nxt = low[k + 1] if k + 1 < len(low) else None
            nxt2 = low[k + 2] if k + 2 < len(low) else None
            prev = low[k - 1] if k else None
            if w.endswith("e"):
                found = self._after_subject(tok, w, k, low, clause, aux_in_clause, aux_before, prev, nxt)
                if found:
                    yield found
                continue
            if not (w.endswith("d") or w.endswith("t")):
                continue
            found = (self._participle_slot(tok, w, k, low, clause)
                     or self._after_subject(tok, w, k, low, clause, aux_in_clause, aux_before, prev, nxt)
                     or self._inversion(tok, w, k, low, clause, prev, nxt, nxt2)
                     or self._clause_final(tok, w, k, low, clause, aux_in_clause, aux_before))
            if found:
                yield found

    # R4: a present form where a participle belongs
    def _participle_slot(self, tok, w, k, low, clause):
        part = self.participle_of_finite(w)
        if not part:
            return None
        before = [x for i, x in enumerate(low[:k]) if self.is_aux(low, i)]
        after_aux = k + 1 < len(low) and low[k + 1] in PERFECT_AUX and (
            all(x in PERFECT_AUX or x in MODALS for x in low[k + 1:]) and clause.end_punct is not None)
        if before and k > 0:
            last = max(i for i in range(k) if self.is_aux(low, i))
            before_aux = low[last - 1] if last > 0 else ""
            if before_aux != w and not self.is_noun(before_aux) and (self.is_participle(before_aux) or (
                    before_aux.startswith("ge") and before_aux.endswith(("d", "t")) and len(before_aux) > 5)):
                return None  # "waarin de tekst gerenderd wordt beïnvloedt": the auxiliary has its participle
            aux = before[-1]
        elif after_aux:
            aux = low[k + 1]
        else:
            return None
        return _issue(tok, _case(tok.text, part),
                      f"'{tok.text}' is hier een voltooid deelwoord (bij '{aux}'): schrijf '{_case(tok.text, part)}'.",
                      f"Bij '{aux}' hoort hier een voltooid deelwoord; dat eindigt op d of t volgens 't kofschip: "
                      f"{part}.")

    # R1: subject at the start of the clause, verb right after it
    def _after_subject(self, tok, w, k, low, clause, aux_in_clause, aux_before, prev, nxt):
        if k == 0:
            return self._after_shared_subject(tok, w, low, clause, aux_before, nxt)
        subj = self._subject_before(k, low, clause) or self._name_subject(k, clause)
        if subj is None:
            return None
        if nxt in SUBJ_PRONOUNS and subj not in ("ik", "hij", "jij", "u", "zij", "men"):
            return None  # "Dat vind ik", "Deze fiche vind je": inversion, handled there
        if subj == "ik":
            if self.is_dt_form(w):
                fix = w[:-1]
                return _issue(tok, _case(tok.text, fix), f"Na 'ik' geen t: schrijf 'ik {fix}'.",
                              f"Bij 'ik' schrijf je alleen de stam, zonder t: ik {fix}.")
            return None
        if subj in ("we", "wij", "jullie"):
            return None
        if subj in DET_LIKE and (self.is_noun(w) or (nxt and self.is_noun(nxt) and w in self.lex.adjectives)):
            return None
        if subj == "je" and w in self.lex.adjectives:
            return None
        pronoun_subject = subj in SUBJ_T and subj not in DET_LIKE
        if self.is_noun(w) and not pronoun_subject and nxt not in POST_VERB:
            return None  # "een hoop geld kosten": probably part of the noun phrase
        if w in FUNCTION_WORDS:
            return None
        coordinated = clause.opener in COORDINATORS and aux_before
        if w.endswith("e"):
            past = self._past_in_finite_slot(w, subj, nxt)
            if past:
                return _issue(tok, _case(tok.text, past), f"'{tok.text}' is hier de verleden tijd: schrijf '{past}'.",
                              f"Verleden tijd van een zwak werkwoord: stam + {past[-2:]} ('t kofschip): {past}.")
            return None
        if self.is_d_stem(w) and self.known(w + "t"):
            if self.other_finite(low, k):
                return None  # another finite verb in the clause: w is something else here
            if w in self.lex.participles and (aux_in_clause or coordinated):
                return None
            if w in self.lex.participles and nxt and self.is_noun(nxt):
                return None
            fix = w + "t"
            return _issue(tok, _case(tok.text, fix), f"Schrijf '{subj} {fix}': na '{subj}' krijgt de stam een t.",
                          f"Staat '{subj}' vóór het werkwoord, dan is het stam + t: {subj} {fix}.")
        fin = self.finite_of_participle(w)
        if fin and not aux_in_clause and not coordinated and not (nxt and self.is_noun(nxt) and nxt not in QUANTIFIERS):
            if any(self.finite_like(x) for i, x in enumerate(low) if i != k):
                return None
            return _issue(tok, _case(tok.text, fin),
                          f"'{tok.text}' is hier de persoonsvorm (tegenwoordige tijd): schrijf '{fin}'.",
                          f"Er staat geen hebben, zijn of worden bij, dus dit is geen voltooid deelwoord: "
                          f"{subj} {fin} (stam + t).")
        return None

    def _past_in_finite_slot(self, w: str, subj: str, nxt: str | None) -> str | None:
        """'Zij beantwoorde', 'het congres starte', 'de vergadering duurte': a wrong weak past tense."""
        lex = self.lex
        if self.english and self.english(w):
            return None  # "Random state"
        if not w.endswith("e") or len(w) < 5 or w in NOT_PAST or w[:-1] in lex.adjectives or (
                subj in DET_LIKE and (self.is_noun(w) or (nxt and self.is_noun(nxt)))):
            return None
        s = w[:-1]
        if s.endswith("d") and s in lex.past_de and not s.endswith("dd"):
            return s + "de"
        if s.endswith("t") and s in lex.past_te and not s.endswith("tt"):
            return s + "te"
        stem = w[:-2]
        if w.endswith("te") and stem in lex.past_de and stem not in lex.past_te and not stem.endswith(("t", "d")):
            return stem + "de"
        if w.endswith("de") and stem in lex.past_te and stem not in lex.past_de and not stem.endswith(("t", "d")):
            return stem + "te"
        return None

    def _after_shared_subject(self, tok, w, low, clause, aux_before, nxt):
        subj = self._shared_subject(self._clauses, clause)
        if subj is None or (nxt in SUBJ_PRONOUNS and nxt != "ze"):
            return None
        if subj == "ik":
            if self.is_dt_form(w):
                return _issue(tok, _case(tok.text, w[:-1]), f"Na 'ik' geen t: schrijf '{w[:-1]}'.",
                              f"Het onderwerp is 'ik' (vooraan in de zin): ik {w[:-1]}, zonder t.")
            return None
        if self.is_noun(w) or w in FUNCTION_WORDS or self.other_finite(low, 0):
            return None
        if self.is_d_stem(w) and w not in self.lex.participles and self.known(w + "t"):
            fix = w + "t"
        elif not aux_before and (fix := self.finite_of_participle(w)) and not any(
                self.is_aux(low, i) for i in range(len(low))):
            pass
        else:
            return None
        return _issue(tok, _case(tok.text, fix), f"Schrijf '{fix}': het onderwerp '{subj}' staat vooraan in de zin.",
                      f"Het onderwerp '{subj}' hoort ook bij dit werkwoord: stam + t = {fix}.")

    def _name_subject(self, k: int, clause: Clause) -> str | None:
        """'Koen houdt ...', 'Ilse Goossens leidt ...': one or two names open the clause."""
        if not 1 <= k <= 2 or clause.opener in SUBORDINATORS:
            return None
        names = clause.words[:k]
        if all(t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha()
               and (t.text in self.names or not self.known(t.lower)) for t in names):
            return " ".join(t.text for t in names)
        return None

    def _subject_before(self, k, low, clause) -> str | None:
        """The subject right before position k when it opens the clause: a pronoun or 'de/het ... noun'."""
        if k == 1 and low[0] in SUBJ_T | {"ik", "we", "wij", "jullie"}:
            if low[0] in ("die", "dat", "wie") and clause.opener in SUBORDINATORS:
                return None  # "omdat die ..." is odd; stay safe
            return low[0]
        if 2 <= k <= 4 and low[0] in NP_DETERMINERS:
            head = low[k - 1]
            if self.is_noun_head(head) and not self.finite_like(head) and not self.is_d_stem(head) \
                    and head not in DEGREE:
                middle = low[1:k - 1]
                if all(self.np_start(m) or m in ("heel", "zeer", "erg") for m in middle):
                    return " ".join(low[:k])
        if k == 2 and low[0] in ("de", "het", "deze", "dit") and low[1].endswith("e") and (
                low[1][:-1] in self.lex.adjectives or low[1][:-2] in self.lex.adjectives):
            return " ".join(low[:2])  # "het oude wordt afgebroken"
        if 4 <= k <= 7 and low[0] in NP_DETERMINERS:
            return self._np_with_pp(k, low, clause)
        return None

    def _np_with_pp(self, k, low, clause) -> str | None:
        """'De trein naar Brussel', 'de huur van het kantoor': a noun phrase with one prepositional phrase."""
        for j in (1, 2):
            if not (self.is_noun_head(low[j]) and all(self.np_start(m) for m in low[1:j])):
                continue
            if low[j + 1] not in PP_PREPOSITIONS:
                return None
            rest = list(range(j + 2, k))
            if rest and low[rest[0]] in NP_DETERMINERS:
                rest = rest[1:]
            if not rest or len(rest) > 2:
                return None
            words = clause.words
            if all(self.np_start(low[i]) or self.is_noun_head(low[i]) or words[i].text[:1].isupper()
                   for i in rest) and not any(self.finite_like(low[i]) for i in rest):
                return " ".join(low[:k])
            return None
        return None

    def _shared_subject(self, clauses: list[Clause], clause: Clause) -> str | None:
        """'Het concert is uitverkocht en wordt ...': the subject of the main clause before 'en'/'maar'."""
        i = next((n for n, c in enumerate(clauses) if c is clause), 0)
        if i == 0 or clause.opener not in ("en", "maar", "of"):
            return None
        prev = clauses[i - 1]
        low = [t.lower for t in prev.words]
        if prev.opener not in (None, "en", "maar") or len(low) < 2:
            return None
        if low[0] in ("ik", "hij", "jij", "u", "men") and self.finite_like(low[1]):
            return low[0]
        if low[0] in NP_DETERMINERS:
            for j in (1, 2, 3):
                if j + 1 < len(low) and self.is_noun_head(low[j]) and all(self.np_start(m) for m in low[1:j]):
                    verb = low[j + 1]
                    if self.finite_like(verb) and not verb.endswith("en") and verb not in ("waren", "hadden"):
                        return " ".join(low[:j + 1])
        return None

    # R2: verb before its subject (inversion)
    def _front_position(self, low) -> int | None:
        """Where the finite verb stands after a fronted adverb ('Daarna word ...', 'Elke week word ...')."""
        if low and low[0] in FRONT:
            return 1
        if len(low) > 2 and low[0] in ("elke", "iedere", "vorige", "volgende", "deze", "die") and low[1] in TIME_NOUNS:
            return 2
        if len(low) > 3 and low[0] in FRONT_PREPOSITIONS and low[1] in NP_DETERMINERS:
            end = self._np_end(low, 2)  # "Volgens de politie gebeurt ...", "Na de middag wordt ..."
            if end is not None and end + 2 < len(low) and low[end] in PP_PREPOSITIONS and low[end + 1] in NP_DETERMINERS:
                return self._np_end(low, end + 2)  # "Op het einde van de week wordt ..."
            return end
        return None

    def _np_end(self, low, start) -> int | None:
        """The position after 'adjective* noun' starting at ``start`` (at most three words)."""
        for j in range(start, min(start + 3, len(low) - 1)):
            if self.is_noun_head(low[j]) and not self.finite_like(low[j]):
                return j + 1 if all(self.np_start(m) for m in low[start:j]) else None
        return None

    def _inversion(self, tok, w, k, low, clause, prev, nxt, nxt2):
        if nxt is None:
            return None
        if nxt in ("ik", "jij") and k > 0 and self.is_dt_form(w) and prev not in SUBJ_PRONOUNS:
            fix = w[:-1]  # a t-form right before 'ik'/'jij' is always wrong ("Elke vrijdag vindt ik")
            return _issue(tok, _case(tok.text, fix), f"Schrijf '{fix} {nxt}': na het werkwoord valt de t weg bij '{nxt}'.",
                          f"Staat '{nxt}' ná het werkwoord, dan schrijf je alleen de stam: {fix} {nxt}.")
        if k == 0:
            if clause.opener in SUBORDINATORS and clause.opener not in COORDINATORS:
                return None
            sentence_initial = clause.sentence_start and not clause.after_comma
            imperative_possible = sentence_initial and not clause.question
            first = None
        elif k == self._front_position(low):
            sentence_initial = imperative_possible = False
            first = low[0]
        else:
            return None
        if nxt in ("ik", "jij", "je"):
            if not self.is_dt_form(w):
                return None
            if nxt == "je":
                if nxt2 is not None and nxt2 not in AFTER_SUBJECT_JE and self._possessive_follows(nxt2):
                    return None  # "Wordt je verslag ...": 'je' is 'your', the t stays
                if first in ("dat", "dit", "die", "het", "wat", "wie") and w[:-1] not in NO_DATIVE:
                    return None  # "Dat bezorgt je ...": 'je' may be an object
            fix = w[:-1]
            return _issue(tok, _case(tok.text, fix), f"Schrijf '{fix} {nxt}': na het werkwoord valt de t weg bij '{nxt}'.",
                          f"Staat '{nxt}' ná het werkwoord, dan schrijf je alleen de stam: {fix} {nxt}.")
        pronoun = nxt in ("u", "hij", "zij", "ze", "het", "men")
        article = nxt in DETERMINERS and nxt not in ("die", "dat") and not sentence_initial
        there = nxt == "er" and not sentence_initial
        if not (pronoun or article or there):
            return None
        if imperative_possible and nxt in ("het", "ze"):
            return None
        if self.is_d_stem(w) and not self.is_noun(w) and self.known(w + "t"):
            if w in self.lex.participles and not pronoun:
                return None  # "Daarna verbrand de ...": could be a participle in a list
            fix = w + "t"
        elif k > 0 and (fin := self.finite_of_participle(w)) and not any(
                self.is_aux(low, i) for i in range(len(low)) if i != k):
            fix = fin  # "Daarna verstuurd de boekhouding ..."
        else:
            return None
        who = nxt if pronoun else ("het onderwerp dat volgt" if not there else "het onderwerp na 'er'")
        why = ("Bij 'u' krijgt de stam altijd een t, ook na het werkwoord" if nxt == "u"
               else f"Bij '{who}' krijgt de stam een t, ook als het onderwerp na het werkwoord staat")
        return _issue(tok, _case(tok.text, fix), f"Schrijf '{fix}': de stam krijgt hier een t.", f"{why}: {fix}.")

    def _possessive_follows(self, w: str) -> bool:
        """After 'je': does ``w`` make 'je' a possessive ('je verslag', 'je eigen', 'je nieuwe')?"""
        lex = self.lex
        if w in lex.nouns or w in ("eigen", "eerste", "tweede", "laatste", "volgende", "vorige"):
            return True
        if w.endswith("e") and (w[:-1] in lex.adjectives or w[:-2] in lex.adjectives):
            return True
        if w in lex.adjectives or w in lex.participles:
            return False  # uninflected: an adverb or participle, so 'je' is the subject
        return not self.known(w) or not w.isalpha() or w[0].isupper()

    # R3: finite verb at the end of a subordinate clause
    def _clause_final(self, tok, w, k, low, clause, aux_in_clause, aux_before):
        if clause.opener not in SUBORDINATORS or clause.opener in ("en", "maar", "want", "dus", "noch") or k < 1:
            return None
        if any(self.is_aux(low, i) for i in range(len(low)) if i != k) or any(
                self.finite_like(x) for i, x in enumerate(low[:k]) if not self._possessive_zijn(low, i)):
            return None
        subj = low[0]
        if subj not in ("ik", "jij", "je", "u", "hij", "zij", "het", "men", "er"):
            subj = self._np_subject(low[:k])
            if not subj and clause.opener in ("wat", "die", "dat", "wie") and self.is_d_stem(w) \
                    and w not in self.lex.participles and not any(
                        x in SUBJ_PRONOUNS or x in NP_DETERMINERS or x in SUBJ_T or words_upper
                        for x, words_upper in zip(low[:k], [t.text[:1].isupper() for t in clause.words[:k]])):
                subj = clause.opener  # "..., wat niet altijd makkelijk wordt": the relative pronoun is the subject
            if not subj:
                return None
        elif k == 1:
            return None  # subject right before the verb: handled by R1
        final = k == len(low) - 1 and clause.end_punct is not None
        if subj == "ik":
            if self.is_dt_form(w):
                fix = w[:-1]
                return _issue(tok, _case(tok.text, fix), f"Na 'ik' geen t: schrijf '{fix}'.",
                              f"Bij 'ik' schrijf je alleen de stam, zonder t: ik {fix}.")
            return None
        if self.is_noun(w) or w in self.lex.adjectives:
            return None
        if final is False and self.other_finite(low, k, after_only=True):
            return None
        if w in FUNCTION_WORDS:
            return None
        if self.is_d_stem(w) and self.known(w + "t") and (final or w not in self.lex.participles):
            fix = w + "t"
        elif final:
            fix = self.finite_of_participle(w)
            if not fix:
                return None
        else:
            return None
        return _issue(tok, _case(tok.text, fix),
                      f"'{tok.text}' is hier de persoonsvorm bij '{subj}': schrijf '{fix}'.",
                      f"In de bijzin hoort '{tok.text}' bij '{subj}' en er staat geen hulpwerkwoord bij: "
                      f"stam + t = {fix}.")

    def _np_subject(self, words: list[str]) -> str | None:
        if len(words) >= 2 and words[0] in NP_DETERMINERS:
            for j in (1, 2):
                if j < len(words) and self.is_noun_head(words[j]) and words[j] not in DEGREE and all(
                        self.np_start(m) for m in words[1:j]):
                    return " ".join(words[:j + 1])
        return None

    # R5: forms that do not exist but are one d/t away from a verb form
    def _nonword(self, tok: Token):
        w = tok.lower
        if len(w) < 4 or not w.isalpha() or self.known(tok.text) or self.known(w):
            return None
        if (tok.text[0].isupper() and not tok.sentence_start) or (self.english and self.english(w)):
            return None  # a name, or an English word (based, build, told)
        if getattr(tok, "quoted", False):
            return None  # 'pushd': a quoted command or name
        lex = self.lex
        fix = why = None
        for wrong, right, group in (("ten", "den", lex.past_de), ("te", "de", lex.past_de),
                                    ("den", "ten", lex.past_te), ("de", "te", lex.past_te)):
            stem = w[:-len(wrong)]
            if w.endswith(wrong) and stem in group and stem not in (lex.past_te if right == "den" or right == "de"
                                                                   else lex.past_de):
                fix = stem + right
                why = (f"Verleden tijd van een zwak werkwoord: stam '{stem}' + {right} "
                       f"('t kofschip beslist: {'te' if right.startswith('t') else 'de'}).")
                break
        if not fix:
            for suf in ("e", "en"):
                stem = w[:-len(suf)]
                if w.endswith(suf) and stem.endswith("d") and stem in lex.past_de:
                    fix = stem + "d" + suf
                    why = f"Verleden tijd: stam '{stem}' + de, dus twee keer d: {fix}."
                    break
        if not fix and (w.endswith("d") or w.endswith("t")):
            for cand in (w[:-1] + "t", w[:-1] + "d", w[:-2] + "d" if w.endswith("dt") else None):
                if cand and self.is_participle(cand):
                    fix = cand
                    why = f"Voltooid deelwoord volgens 't kofschip: {cand}."
                    break
        if not fix and w.endswith("d") and not w.endswith("dd") and self.known(w[:-1]) and self.known(w[:-1] + "t"):
            stem = w[:-1]
            if stem in lex.verbs or any(stem.startswith(p) and stem[len(p):] in lex.verbs for p in SEPARABLE):
                fix = stem + "t"
                why = f"De persoonsvorm is stam + t: {fix} (met d bestaat dit woord niet)."
        if not fix or not self.known(fix):
            return None
        fix = _case(tok.text, fix)
        return _issue(tok, fix, f"'{tok.text}' bestaat niet: schrijf '{fix}'.", why)


def _case(original: str, fix: str) -> str:
    return fix[:1].upper() + fix[1:] if original[:1].isupper() else fix


def _issue(tok: Token, fix: str, message: str, explanation: str) -> Issue:
    """A dt issue: the message names the correction, the explanation the rule behind it."""
    return Issue("dt", message, tok.start, tok.end, [fix], explanation)
