"""Spoken language and informal style.

``spreektaal``: Flemish tussentaal and spoken forms. Two sources, both with a businesslike alternative and a
one-line Dutch explanation:

* ``templates/taal/spreektaal.tsv`` (plain data: form, alternative, note, optional context conditions such as
  "only before an adjective" or "only as an interjection"), for fixed words and word groups;
* patterns in this module for what a word list cannot catch: *content* as an adjective after a copula
  ("ik was heel content") but not as a noun ("content marketing"), *tegen dat* / *van als* before a clause,
  *den* as an article ("den baas", not "Den Haag" or "op den duur"), *u/uw* next to *je/ge* (tussentaal)
  but not formal *u*, diminutives in *-ke/-ske* ("kopke" for "kopje", checked against the dictionary),
  a doubled conjunction ("waar dat ik", "of dat we"), conditional *moest* ("Moest je vragen hebben")
  and the double perfect ("ik heb dat gedaan geweest").

Words between quotes (a title, a quoted remark) are left alone, and so are names (a capital in the middle of
a sentence) and parts of compounds or code ("nice-to-have", "ge- en verbodsborden").

``style``: informal punctuation (!!, ?!), smileys and emoji, chat abbreviations (lol, idd, mss, ...; "btw"
only in the sense "by the way") and very long sentences (info).
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
#: personal pronouns that can be a subject
_SUBJECT_PRONOUNS = {"ik", "je", "jij", "ge", "gij", "hij", "ze", "zij", "we", "wij", "jullie", "men", "u", "'k"}
#: words that can open a clause right after a conjunction ("tegen dat de klant ...")
_CLAUSE_START = _SUBJECT_PRONOUNS | {"de", "het", "een", "mijn", "zijn", "haar", "onze", "ons", "hun", "jouw",
                                     "uw", "er", "alles", "iedereen", "niemand", "iemand", "dit", "die", "deze",
                                     "elke", "iedere", "alle", "'t", "ne", "nen", "den"}
_COPULA = {"ben", "bent", "is", "was", "waren", "zijn", "zijt", "wezen", "geweest", "bleek", "bleken", "blijkt",
           "blijken", "lijkt", "lijken", "leek", "leken", "bleef", "bleven", "blijft", "blijf", "blijven", "word",
           "wordt", "werd", "werden", "worden", "voel", "voelt", "voelde", "voelden", "raakte", "raakt"}
#: degree words that make a following word an adjective ("heel content")
_INTENSIFIERS = {"heel", "zeer", "erg", "echt", "zo", "nogal", "bijzonder", "enorm", "wreed", "super", "best",
                 "redelijk", "vrij", "tamelijk", "ontzettend", "uiterst", "helemaal", "zeker", "absoluut", "heus",
                 "meer", "minder", "niet", "zo'n"}
#: words that may stand between a copula and its adjective ("was toen allemaal niet zo content")
_BETWEEN = _INTENSIFIERS | {"wel", "ook", "allemaal", "al", "toch", "eerder", "even", "nog", "dus", "daar", "er",
                            "toen", "altijd", "steeds", "meteen", "direct", "nu", "uiteindelijk", "zelf", "best"}
#: what may follow an adjective "content" (a noun "content" is followed by anything)
_AFTER_ADJECTIVE = {"met", "over", "dat", "om", "omdat", "want", "maar", "en", "toen", "als", "wanneer", "ben",
                    "was", "is", "waren", "geweest", "zijn", "te", "hoe", "nu", "toch", "genoeg", "mee", "over"}
#: words that are spreektaal only as an adjective after a copula or a degree word (the noun is fine)
_COPULA_ADJECTIVES = {
    "content": ("tevreden", "'Content' in de betekenis 'tevreden' is Vlaamse spreektaal; schrijf 'tevreden'. "
                            "(Content als 'inhoud', zoals in content marketing, mag wel.)"),
    "straf": ("indrukwekkend", "'Straf' in de betekenis 'indrukwekkend' is Vlaamse spreektaal; schrijf "
                               "'indrukwekkend' of 'opmerkelijk'. (Een straf als sanctie mag wel.)"),
}
#: nouns of time and events: "achter de middag", "achter een tijdje" means "na" (not a place)
_TIME_NOUNS = {"tijdje", "tijd", "uitleg", "les", "lessen", "middag", "namiddag", "voormiddag", "pauze", "week",
               "dag", "uur", "uurtje", "gesprek", "meeting", "vergadering", "training", "opleiding", "briefing",
               "presentatie", "stage", "lunch", "middagpauze", "vakantie", "examens", "examen", "kerstvakantie",
               "paasvakantie", "feestdagen", "weekend", "maand", "periode", "afspraak", "bespreking", "rondleiding",
               "voorstelling", "demo", "evaluatie", "introductie", "kennismaking", "sessie", "workshop"}
#: words after which "terug" means "weer" (terug verder gewerkt, terug zeer interessant), not "back"
_AGAIN_AFTER = {"verder", "zeer", "heel", "erg", "eens", "opnieuw", "begonnen", "gestart", "beginnen", "starten",
                "actief", "ziek", "beter", "normaal", "online", "mogelijk", "bezig", "open", "interessant", "druk",
                "gewerkt", "gedaan", "hetzelfde", "vlot", "ingepland", "gebruikt"}
#: verbs whose particle "voor" can stand before an object and a te-infinitive (stelde voor de planning te wijzigen)
_VOOR_VERBS = {"stel", "stelt", "stelde", "stelden", "stellen", "neem", "neemt", "nam", "namen", "nemen", "doe",
               "doet", "deed", "deden", "zich", "me", "mij", "hem", "haar", "ons", "hen"}
_PARTICLES = {"op", "aan", "af", "in", "uit", "mee", "door", "na", "toe", "bij", "terug", "weg", "vast", "samen",
              "binnen", "buiten", "over", "voor", "werkend", "klaar", "online"}
#: words that end the search for "te" after "voor" (another clause, another infinitive construction)
_VOOR_STOP = {"om", "te", "voor", "dat", "die", "en", "of", "maar", "want", "omdat", "als", "wanneer", "is", "was",
              "zijn", "waren", "heb", "heeft", "had", "wordt", "werd", "kan", "kon", "moet", "moest", "zal", "zou"}


def _lexicon():
    from .dictionary import get_dictionary
    return get_dictionary().lexicon


def _infinitive(word: str) -> bool:
    """An infinitive of a verb the dictionary knows: werken, zetten (zet), maken (maak), geven (geef)."""
    if not word.endswith("en") or len(word) < 4:
        return False
    verbs = _lexicon().verbs
    stem = word[:-2]
    if stem in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs):
        return True
    if len(stem) > 2 and stem[-2] in "aeou" and stem[-3] not in "aeiou":
        last = {"v": "f", "z": "s"}.get(stem[-1], stem[-1])
        return stem[:-1] + stem[-2] + last in verbs
    return False


#: where the search for the verb of "terug" stops: a direction, an infinitive clause, another clause
_CLAUSE_BREAK = {"naar", "om", "te", "en", "of", "maar", "want", "dat", "die", "omdat", "toen", "als", "wanneer",
                 "van", "uit", "in", "op", "bij", "tot", "door", "over"}
_SHORT_VERBS = {"doen", "gaan", "zien", "staan", "slaan", "gedaan", "gegaan", "gezien", "gestaan", "geslagen"}
_MODALS = {"kon", "kan", "kunnen", "konden", "moest", "moet", "moeten", "moesten", "mocht", "mag", "mogen",
           "mochten", "zal", "zou", "zullen", "zouden", "wil", "wou", "wilde", "willen", "ging", "gaan", "ga", "gaat"}
#: adverbs that "wreed" can intensify besides the adjectives of the dictionary
_ADVERBS = {"veel", "weinig", "vaak", "lang", "graag", "snel", "hard", "goed", "slecht", "druk", "lastig", "mooi"}
#: fixed expressions where "den" is standard Dutch
_DEN_IDIOMS = {"duur", "beginne", "lande", "vreemde", "brode", "blinde", "lijve", "volke", "hoofde", "boze",
               "treure", "dele", "hoge", "huize", "dienste", "wille", "tijde", "lijfe"}
#: conjunctions and question words that a spoken "dat" gets doubled after ("waar dat ik")
_DOUBLED = {"waar", "hoe", "wanneer", "wie", "wat", "of", "waarom", "hoeveel", "waarmee", "waarover", "waarvoor",
            "waarop", "welke", "als", "zodra", "terwijl", "omdat"}
#: articles and possessives ("gans de dag", "gans mijn stage")
_DETERMINERS = {"de", "het", "'t", "die", "dat", "deze", "dit", "mijn", "zijn", "haar", "onze", "ons", "hun", "jouw",
                "uw", "heel", "hele"}
#: what "een hoop", "een pak", "zat" count when they mean "veel" (een hoop werk; not: een hoop zand, een pak melk)
_AMOUNT_WORDS = {"werk", "tijd", "mensen", "geld", "vragen", "problemen", "dingen", "info", "informatie", "stress",
                 "fouten", "taken", "klanten", "mails", "e-mails", "tickets", "meldingen", "opdrachten", "ervaring",
                 "kennis", "extra", "meer", "minder", "beter", "sneller", "moeilijker", "makkelijker", "papierwerk",
                 "dossiers", "facturen", "documenten", "bestanden", "collega's", "studenten", "ideeën", "kansen",
                 "mogelijkheden", "feedback", "uitleg", "tips", "verantwoordelijkheid", "werkdruk", "oproepen",
                 "overuren", "bijgeleerd", "geleerd", "gedaan", "gezien", "nieuwe", "andere", "verschillende",
                 "zaken", "leuke", "interessante", "plezier", "zin", "werkervaring", "vergaderingen", "telefoontjes"}
#: words handled by a pattern method of Colloquial
_WORD_PATTERNS = {"me": "_me_possessive", "hun": "_hun_subject", "als": "_comparative_als", "rot": "_reflexive_idiom",
                  "kapot": "_reflexive_idiom", "suf": "_reflexive_idiom", "dood": "_reflexive_idiom",
                  "scheel": "_reflexive_idiom", "lam": "_reflexive_idiom", "beetje": "_bare_beetje",
                  "gelijk": "_gelijk_zoals", "gast": "_gast", "gasten": "_gast", "schoon": "_schoon",
                  "schone": "_schoon", "top": "_top"}
#: every word at which a pattern of Colloquial._pattern can start (besides words ending in -ke/-kes)
_PATTERN_WORDS = frozenset(_COPULA_ADJECTIVES) | frozenset(_DOUBLED) | frozenset(_WORD_PATTERNS) | {
    "achter", "voor", "terug", "den", "moest"}
_PREPOSITIONS = {"met", "van", "aan", "op", "in", "voor", "bij", "naar", "uit", "over", "tijdens", "zonder", "door",
                 "onder", "achter", "naast", "tegen", "rond", "na"}
#: verbs after which "me" + noun is "mijn" + noun (ik heb me laptop vergeten); not verbs with two objects
#: (hij gaf me werk, het heeft me tijd gekost)
_ME_POSSESSIVE_AFTER = {"heb", "hebt", "ben", "zag", "vond", "miste", "verloor", "vergat", "vergeten", "nam", "pakte",
                        "gebruikte"}
_ME_NOT_NOUN = {"mee", "toe", "aan", "op", "uit", "af", "in", "bij", "zelf", "eens", "even", "ook", "nog", "al", "wel",
                "zorgen", "best", "niet", "altijd", "daar", "hier", "er", "dat", "wat", "iets", "alles", "erg",
                "snel", "echt", "erover", "erbij", "thuis", "weer", "terug", "maandag", "dinsdag", "woensdag",
                "donderdag", "vrijdag", "zaterdag", "zondag", "vandaag", "morgen", "gisteren", "week", "dag", "jaar",
                "keer", "tijd", "moeite", "geld", "energie", "werk", "hoofdbrekens", "plezier", "voldoening", "kopzorgen",
                "uur", "uren", "minuten", "maanden", "weken", "dagen", "jaren", "opnieuw", "meteen", "toen", "nu"}
_PLURAL_FINITE = {"hebben", "hadden", "zijn", "waren", "gaan", "gingen", "moeten", "moesten", "kunnen", "konden",
                  "willen", "wilden", "zullen", "zouden", "mogen", "mochten", "deden", "zeggen", "zeiden",
                  "vinden", "vonden", "weten", "wisten", "krijgen", "kregen", "komen", "kwamen", "maakten", "staan",
                  "stonden", "zitten", "zaten", "denken", "dachten", "werkten", "gebruiken", "gebruikten", "hielpen",
                  "helpen", "vroegen", "lieten", "kenden", "zagen"}
_AFTER_COMPARATIVE_ALS = {"de", "het", "'t", "ik", "je", "jij", "hij", "zij", "ze", "we", "wij", "u", "jullie", "die",
                          "dat", "dit", "deze", "verwacht", "gepland", "voorzien", "vorig", "vroeger", "gewoonlijk",
                          "normaal", "gisteren", "mijn", "zijn", "haar", "hun", "onze", "iemand", "iedereen", "ooit",
                          "gedacht", "nodig", "andere", "anderen", "bij", "in", "op"}
_NOT_COMPARATIVE = {"echter", "ander", "anders", "verder", "over", "onder", "achter", "immer", "zomer", "winter",
                    "nummer", "kamer", "lager", "weder", "meester", "vader", "moeder", "zuster", "helder"}
_GELIJK_VERBS = {"heb", "hebt", "heeft", "had", "hadden", "hebben", "kreeg", "kregen", "krijgt", "krijg", "krijgen",
                 "gaf", "gaven", "geeft", "geven", "geef", "haalde", "halen", "haalt", "gekregen", "gegeven", "gehad",
                 "ik", "je", "hij", "zij", "ze", "we", "wij", "jullie", "u", "men"}
_DEPARTMENTS = {"boekhouding", "it", "ict", "helpdesk", "afdeling", "dienst", "verkoop", "marketing", "logistiek",
                "productie", "aankoop", "hr", "personeelsdienst", "klantendienst", "magazijn", "development",
                "support", "team", "technische", "werkvloer", "zaak", "firma", "ploeg", "andere"}
#: nouns that "schoon" (mooi) qualifies: an experience, a view, a result (schoon water stays clean)
_BEAUTY_NOUNS = {"ervaring", "resultaat", "uitzicht", "moment", "momenten", "herinnering", "herinneringen", "stage",
                 "project", "dag", "week", "tijd", "periode", "kans", "voorbeeld", "presentatie", "afsluiter",
                 "cadeau", "geschenk", "gebaar", "verhaal", "ontwerp", "website", "logo", "eindresultaat", "zicht",
                 "avond", "feest", "compliment", "prestatie", "stageplaats", "afscheid", "tijden", "jaren"}
_QUOTE_CHARS = set("'\"‘’“”„«»`")
_INFORMAL_SECOND = {"je", "jij", "ge", "gij"}
CHAT = {
    "lol": ("(weglaten)", "Chattaal hoort niet in een verslag; laat het weg."),
    "idd": ("inderdaad", "Chatafkorting; schrijf 'inderdaad' voluit."),
    "mss": ("misschien", "Chatafkorting; schrijf 'misschien' voluit."),
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
_PUNCT = re.compile(r"[!?]{2,}")  # two or more in a row (any two of them is !!, ?!, !? or ??)


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


class _Sentence:
    """The words of one sentence with what surrounds each: the punctuation right after it, whether it stands
    between quotes, whether it is glued to a hyphen or slash (part of a compound or a code)."""

    def __init__(self, tokens: list[Token]):
        self.words: list[Token] = []
        self.after: list[str | None] = []  # punctuation right after the word, or None (a word or the end)
        self.before: list[str | None] = []
        self.glued: list[bool] = []
        self.quoted: list[bool] = []
        inside = False
        pending: list[int] = []  # words seen since an opening quote
        prev_tok: Token | None = None
        for k, tok in enumerate(tokens):
            if tok.is_word:
                i = len(self.words)
                self.words.append(tok)
                self.before.append(prev_tok.text if prev_tok is not None and not prev_tok.is_word else None)
                nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                self.after.append(nxt.text if nxt is not None and not nxt.is_word else None)
                self.glued.append(bool(
                    tok.glued or (nxt is not None and not nxt.is_word and nxt.start == tok.end and nxt.text in "-/")))
                self.quoted.append(bool(tok.quoted))
                if inside:
                    pending.append(i)
            elif tok.kind == "punct" and tok.text in _QUOTE_CHARS:
                if inside:  # a closing quote: everything since the opening one was quoted
                    for i in pending:
                        self.quoted[i] = True
                    pending = []
                inside = not inside
            prev_tok = tok
        self.lows = [w.lower.replace("’", "'") for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def capital_inside(self, i: int) -> bool:
        """A capital that does not come from the sentence start: a name (Den Haag, Nice, Merci)."""
        w = self.words[i]
        return any(c.isupper() for c in w.text[1:]) or (w.text[:1].isupper() and not w.sentence_start)

    def interjection(self, i: int) -> bool:
        """The word stands on its own: followed by a comma or the end of the sentence, or after a comma."""
        return (self.after[i] is None and i == len(self) - 1) or (self.after[i] or " ")[:1] in ",.!?;:…" or (
            self.before[i] or "")[-1:] in (",", ";", "–", "—")


class Colloquial:
    def __init__(self, entries: list[Entry], adjectives: set[str], known=None):
        self.by_first: dict[str, list[Entry]] = {}
        self.prefixes = [e for e in entries if e.prefix]
        for e in entries:
            if not e.prefix:
                self.by_first.setdefault(e.words[0], []).append(e)
        for lst in self.by_first.values():
            lst.sort(key=lambda e: -len(e.words))
        self.adjectives = adjectives
        self._known = known
        self.spoken = {e.words[0] for e in entries if len(e.words) == 1 and not e.prefix}
        self._prefix_starts = tuple(e.words[0] for e in self.prefixes)

    @property
    def nouns(self) -> set[str]:
        from .dictionary import get_dictionary
        return get_dictionary().lexicon.nouns

    def known(self, word: str) -> bool:
        if self._known is None:
            from .dictionary import get_dictionary
            self._known = get_dictionary().known
        return self._known(word)

    # -- conditions from the data file -------------------------------------------------------------------
    def _adjective(self, low: str) -> bool:
        return low in self.adjectives or low in _ADVERBS or (low.endswith("e") and (
            low[:-1] in self.adjectives or (len(low) > 3 and low[-2] == low[-3] and low[:-2] in self.adjectives)))

    def _fits(self, e: Entry, s: _Sentence, i: int) -> bool:
        first = s.words[i]
        last = i + len(e.words) - 1
        nxt_i = last + 1
        nxt = s.lows[nxt_i] if nxt_i < len(s) and s.after[last] is None else None
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        for cond in e.conditions:
            if cond == "klein" and s.capital_inside(i):
                return False
            if cond == "voor-woord" and (nxt is None or not s.words[nxt_i].text[:1].islower()):
                return False
            if cond == "geen-lidwoord" and prev in _NO_ARTICLE_BEFORE:
                return False
            if cond == "spreekvraag" and nxt not in _PRONOUNS_AFTER:
                return False
            if cond == "bijzin" and not (nxt in _CLAUSE_START or (
                    nxt is not None and s.words[nxt_i].text[:1].isupper() and not s.words[nxt_i].sentence_start)):
                return False
            if cond == "tussenwerpsel" and not s.interjection(last) and not (i == 0 and s.after[last]):
                return False
            if cond == "voor-bijvoeglijk" and (nxt is None or not self._adjective(nxt)):
                return False
            if cond == "bijwoord" and (prev in _NO_ARTICLE_BEFORE | {"naar", "over", "rond", "zoals"}
                                       or nxt in {"en", "of", "muziek"}):
                return False
            if cond == "zinseinde" and not ((s.after[last] or " ")[:1] in ".!?…" or (
                    s.after[last] is None and last == len(s) - 1)):
                return False
            if cond == "niet-zinsbegin" and first.sentence_start:
                return False
            if cond == "voor-lidwoord" and nxt not in _DETERMINERS:
                return False
            if cond == "voor-hoeveelheid" and nxt not in _AMOUNT_WORDS:
                return False
            if cond == "geen-naam" and nxt is not None and s.words[nxt_i].text[:1].isupper():
                return False
            if cond.startswith("niet-voor:") and nxt in cond.split(":", 1)[1].split("/"):
                return False
            if cond.startswith("niet-na:") and prev in cond.split(":", 1)[1].split("/"):
                return False
        return True

    def _prefixed(self, low: str) -> Entry | None:
        for e in self.prefixes:
            p = e.words[0]
            rest = low[len(p):].lstrip("-")
            if not low.startswith(p) or len(rest) <= 2:
                continue
            if p == "kei" and rest.startswith("hard"):
                continue
            if self._adjective(rest) or rest in self.spoken or rest.rstrip("e") in self.spoken:
                return e
        return None

    # -- checking ---------------------------------------------------------------------------------------------
    def check(self, sentences: list[list[Token]]) -> list[Issue]:
        issues = []
        for sentence in sentences:
            s = _Sentence(sentence)
            hits: list[tuple[int, int, str, str]] = []  # first word, last word, alternative, note
            i = 0
            while i < len(s):
                if s.glued[i] or s.quoted[i]:
                    i += 1
                    continue
                low = s.lows[i]
                hit = None
                for e in self.by_first.get(low, ()):
                    n = len(e.words)
                    if s.lows[i:i + n] == list(e.words) and all(s.after[k] is None for k in range(i, i + n - 1)) \
                            and not s.glued[i + n - 1] and self._fits(e, s, i):
                        hit = (i, i + n - 1, e.alternative, e.note)
                        break
                if hit is None and low.startswith(self._prefix_starts) and low.isalpha() and not s.capital_inside(i):
                    e = self._prefixed(low)
                    if e is not None:
                        hit = (i, i, e.alternative, e.note)
                if hit is None and (low in _PATTERN_WORDS or low.endswith(("ke", "kes"))):
                    hit = self._pattern(s, i)
                if hit:
                    hits.append(hit)
                    i = hit[1] + 1
                    continue
                i += 1
            hits += self._second_person_u(s, {k for h in hits for k in range(h[0], h[1] + 1)})
            for first, last, alt, note in sorted(hits):
                words = s.words
                shown = " ".join(w.text for w in words[first:last + 1])
                if words[first].sentence_start and shown[:1].isupper() and alt[:1].islower():
                    alt = alt[:1].upper() + alt[1:]  # 'Gaat ge mee?': 'Ga je mee?' at the start of a sentence
                issues.append(Issue("spreektaal", f"Spreektaal: '{shown}'"
                                    + (f"; schrijf '{alt}'." if not alt.startswith("(") else f" {alt}."),
                                    words[first].start, words[last].end, [] if alt.startswith("(") else [alt], note))
            issues.extend(self._double_perfect(s))
        return issues

    # -- patterns ----------------------------------------------------------------------------------------------
    def _pattern(self, s: _Sentence, i: int) -> tuple[int, int, str, str] | None:
        """The patterns that start at word ``i`` (only words in _PATTERN_WORDS, or ending in -ke/-kes, can)."""
        low = s.lows[i]
        if low in _COPULA_ADJECTIVES:
            return self._content(s, i)
        if low == "achter" and i + 2 < len(s) and s.after[i] is None and s.after[i + 1] is None \
                and s.lows[i + 1] in ("die", "dit", "de", "het", "een", "deze", "mijn", "zijn", "haar", "onze") \
                and (s.lows[i + 2] in _TIME_NOUNS or (s.words[i].sentence_start and s.after[i + 2] == ",")):
            return (i, i, "na", "'Achter' in de betekenis 'na' (achter de middag, achter een tijdje) is Vlaamse "
                               "tussentaal; schrijf 'na'. (Achter als plaats, achter het bureau, mag wel.)")
        if low == "voor" and self._voor_te(s, i):
            return (i, i, "om", "'Voor ... te' in de betekenis 'om ... te' (voor de site op te maken) is Vlaamse "
                                "tussentaal; schrijf 'om ... te'.")
        if low == "terug" and i + 1 < len(s) and s.after[i] is None and (
                s.lows[i + 1] in _AGAIN_AFTER or self._terug_with_other_verb(s, i)):
            return (i, i, "weer", "'Terug' in de betekenis 'weer, opnieuw' is Vlaamse tussentaal; schrijf 'weer' of "
                                  "'opnieuw'. (Terug als 'achteruit, naar het begin', terugbellen, mag wel.)")
        if low == "den":
            return self._den(s, i)
        if low in _DOUBLED and i + 2 < len(s) and s.lows[i + 1] == "dat" and s.lows[i + 2] in _SUBJECT_PRONOUNS \
                and s.after[i] is None and s.after[i + 1] is None and not s.quoted[i + 1]:
            word = s.words[i].text
            return (i, i + 1, word, f"Een dubbel voegwoord ('{low} dat {s.lows[i + 2]}') is spreektaal; schrijf "
                                    f"'{low} {s.lows[i + 2]}' zonder 'dat'.")
        if low == "moest" and s.words[i].sentence_start and i + 1 < len(s) \
                and s.lows[i + 1] in _CLAUSE_START and s.after[i] is None and "?" not in (s.after[-1] or "") \
                and any(a == "," for a in s.after[i + 1:]):
            return (i, i, "als", "'Moest' in de betekenis 'als, indien' is Vlaamse spreektaal; schrijf 'als' "
                                 "(Als je vragen hebt, ...).")
        if low in _WORD_PATTERNS and not s.capital_inside(i):
            return getattr(self, _WORD_PATTERNS[low])(s, i)
        if (low.endswith("ke") or low.endswith("kes")) and len(low) >= 5 and low.isalpha() \
                and not s.capital_inside(i):
            return self._diminutive(s, i)
        return None

    # -- patterns by word class (general Dutch spreektaal and tussentaal) -------------------------------------
    def _noun_like(self, w: str) -> bool:
        """A noun (also a plural) that is not also a verb form or an adjective: laptop, collega's, bureaus."""
        if not w.isalpha() and not w.endswith("'s"):
            return False
        lex = _lexicon()
        if w in lex.nouns:
            return w not in lex.verbs and w not in lex.adjectives
        for base in (w[:-2] if w.endswith("'s") else None, w[:-1] if w.endswith("s") else None,
                     w[:-2] if w.endswith("en") else None):
            if base and len(base) > 2 and base in lex.nouns and base not in lex.adjectives:
                return True
        return False

    def _me_possessive(self, s: _Sentence, i: int):
        """'me' for 'mijn' before a noun: 'met me collega's', 'ik heb me laptop vergeten' (not 'hij gaf me werk')."""
        if i + 1 >= len(s) or s.after[i] is not None or not s.words[i + 1].text[:1].islower():
            return None
        nxt = s.lows[i + 1]
        if nxt in _ME_NOT_NOUN or not (nxt == "eigen" or self._noun_like(nxt)):
            return None
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        if not (prev in _PREPOSITIONS or prev in _ME_POSSESSIVE_AFTER):
            return None
        return (i, i, "mijn", "'me' in de betekenis 'mijn' (me laptop, met me collega's) is spreektaal; schrijf 'mijn'.")

    def _hun_subject(self, s: _Sentence, i: int):
        """'hun' as a subject: 'hun hebben', 'hun zeiden' (zij); not 'hun laptops', 'ik gaf hun de cijfers'."""
        if i + 1 >= len(s) or s.after[i] is not None:
            return None
        nxt = s.lows[i + 1]
        if i and s.before[i] is None and s.lows[i - 1] in _PREPOSITIONS:
            return None  # op hun doen, naar hun vragen: possessive
        lex = _lexicon()
        verb = nxt in _PLURAL_FINITE or (_infinitive(nxt) and nxt[:-2] not in lex.nouns and nxt[:-1] not in lex.nouns
                                         and not self._noun_like(nxt))
        if not verb:
            return None
        return (i, i, "zij", "'hun' als onderwerp ('hun hebben') is spreektaal; schrijf 'zij' of 'ze'.")

    def _comparative_als(self, s: _Sentence, i: int):
        """'als' after a comparative: 'groter als de oude' (dan); not 'zo groot als', 'eerder als stagiair'."""
        if not i or s.before[i] is not None or i + 1 >= len(s) or s.after[i] is not None:
            return None
        comp = s.lows[i - 1]
        if not self._comparative(comp):
            return None
        if i >= 2 and s.before[i - 1] is None and s.lows[i - 2] in ("zo", "even", "net", "evenveel", "niet", "nog"):
            if s.lows[i - 2] in ("zo", "even", "net", "evenveel"):
                return None
        nxt = s.lows[i + 1]
        if nxt not in _AFTER_COMPARATIVE_ALS and not (nxt == "een" and comp not in ("meer", "eerder", "later", "liever")):
            return None
        return (i, i, "dan", f"Na een vergrotende trap ('{s.words[i - 1].text} als') schrijf je 'dan': "
                             f"'{s.words[i - 1].text} dan'.")

    def _comparative(self, w: str) -> bool:
        if w in ("meer", "minder", "beter", "liever", "eerder", "later", "vaker", "hoger", "lager"):
            return True
        if not w.endswith("er") or len(w) < 5 or not w.isalpha() or w in _NOT_COMPARATIVE:
            return False
        adjs = _lexicon().adjectives
        base = w[:-2]
        if base.endswith("d") and base[:-1] in adjs and base[-2:-1] == "r":
            base = base[:-1]  # duurder -> duur
        if base in adjs:
            return True
        if len(base) > 2 and base[-1] == base[-2] and base[:-1] in adjs:
            return True  # sneller -> snel
        if len(base) > 2 and base[-2] in "aeou" and base[-3] not in "aeiou":
            return base[:-1] + base[-2] + {"v": "f", "z": "s"}.get(base[-1], base[-1]) in adjs  # groter -> groot
        return False

    def _reflexive_idiom(self, s: _Sentence, i: int):
        """'ik heb me rot gezocht', 'me kapot gewerkt', 'ons suf gepiekerd': spoken intensifying idioms."""
        if not i or s.lows[i - 1] not in ("me", "mij", "mezelf", "zich", "ons", "je", "u") or s.before[i] is not None:
            return None
        if i + 1 >= len(s) or s.after[i] is not None:
            return None
        nxt = s.lows[i + 1]
        if not (nxt.startswith("ge") or nxt in _lexicon().participles or _infinitive(nxt)):
            return None
        return (i, i, "(anders formuleren)", f"'{s.words[i - 1].text} {s.words[i].text} {s.words[i + 1].text}' is een "
                                             "spreektalige uitdrukking; schrijf bijvoorbeeld 'hard gewerkt' of "
                                             "'lang gezocht'.")

    @staticmethod
    def _bare_beetje(s: _Sentence, i: int):
        """'beetje' without 'een': 'beetje saai eigenlijk' (een beetje / wat)."""
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        if prev in ("een", "'n", "het", "dat", "dit", "zo'n", "klein", "wat", "ietsje", "elk", "geen", "ieder", "bij") \
                or i + 1 >= len(s) or s.after[i] is not None or s.lows[i + 1] == "bij":
            return None
        return (i, i, "een beetje", "'beetje' zonder 'een' is spreektaal; schrijf 'een beetje', 'wat' of 'enigszins'.")

    @staticmethod
    def _gelijk_zoals(s: _Sentence, i: int):
        """'gelijk ik al zei' (zoals): Flemish tussentaal; not 'gelijk hebben, krijgen, geven'."""
        if i + 1 >= len(s) or s.after[i] is not None or s.lows[i + 1] not in _SUBJECT_PRONOUNS - {"u", "men"}:
            return None
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        if prev in _GELIJK_VERBS:
            return None
        return (i, i, "zoals", "'gelijk' in de betekenis 'zoals' is Vlaamse tussentaal; schrijf 'zoals'.")

    @staticmethod
    def _gast(s: _Sentence, i: int):
        """'gast' meaning 'man, kerel' (die gast, ne toffe gast, een gast van de boekhouding); a hotel guest stays."""
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        casual = prev in ("die", "ne", "nen", "zo'n", "toffe", "tof", "coole", "rare", "leuke", "wijze", "zotte")
        if not casual and prev == "een" and i + 3 < len(s) and s.lows[i + 1] == "van" and \
                s.lows[i + 2] in ("de", "het") and s.lows[i + 3] in _DEPARTMENTS:
            casual = True
        if not casual:
            return None
        alt = "collega" if s.lows[i] == "gast" else "collega's"
        return (i, i, alt, "'gast' in de betekenis 'man, kerel' is spreektaal; schrijf 'collega', 'medewerker' of "
                           "'man'. (Een gast als bezoeker mag wel.)")

    @staticmethod
    def _schoon(s: _Sentence, i: int):
        """'schoon' meaning 'mooi' (een schone ervaring, het uitzicht is echt schoon); 'schoon' as clean stays."""
        nxt = s.lows[i + 1] if i + 1 < len(s) and s.after[i] is None else None
        if nxt in _BEAUTY_NOUNS or nxt == "om":
            pass
        else:
            prev = s.lows[i - 1] if i and s.before[i] is None else None
            if not (prev in _INTENSIFIERS and nxt is None and any(w in _BEAUTY_NOUNS for w in s.lows)):
                return None
        alt = "mooie" if s.lows[i] == "schone" else "mooi"
        return (i, i, alt, f"'{s.lows[i]}' in de betekenis 'mooi' is Vlaamse spreektaal; schrijf '{alt}'. "
                           "(Schoon als 'rein, proper' mag wel.)")

    @staticmethod
    def _top(s: _Sentence, i: int):
        """'top' as an exclamation or predicate: 'zonder fouten, top!', 'het was top.'; 'de top' stays."""
        if (s.after[i] or " ")[:1] not in ",.!?;:…" and not (s.after[i] is None and i == len(s) - 1):
            return None
        prev = s.lows[i - 1] if i and s.before[i] is None else None
        if not (prev is None or prev in _COPULA or prev in ("verliep", "verloopt", "ging", "gaat", "gewoon", "echt",
                                                             "super", "helemaal", "vond", "vind", "vonden")):
            return None
        return (i, i, "uitstekend", "'top' als uitroep of oordeel is spreektaal; schrijf 'uitstekend' of laat het weg.")

    @staticmethod
    def _voor_te(s: _Sentence, i: int) -> bool:
        """'voor' + one to four words + 'te' + infinitive: 'voor dit op te maken' (om ... te). Not the particle of
        a verb: 'om alles voor te bereiden' (nothing between), 'hij stelde voor de planning te wijzigen'."""
        if i and s.lows[i - 1] in _VOOR_VERBS:
            return False
        for k in range(i - 1, -1, -1):  # 'om de Copa voor Colombia te redden': the te belongs to om (or door)
            if s.after[k] is not None:
                break
            if s.lows[k] in ("om", "door", "zonder", "is", "zijn", "was", "waren", "valt", "vallen", "viel", "blijft",
                             "bleek"):
                return False
        for k in range(i + 2, min(len(s) - 1, i + 5)):
            if s.after[k - 1] is not None:
                return False
            if s.lows[k - 1] in _VOOR_STOP:
                return False
            if s.lows[k] == "te" and s.after[k] is None:
                before = s.lows[k - 1]
                if before in ("al", "niet", "nog", "ook", "moeilijk", "makkelijk", "gemakkelijk", "zwaar") or (
                        before in _lexicon().adjectives and before not in _PARTICLES):
                    return False  # 'al te', 'moeilijk te begrijpen': not an om-te clause
                inf = s.lows[k + 1]
                return inf in _SHORT_VERBS or inf in ("zijn", "hebben", "worden") or _infinitive(inf)
        return False

    def _terug_with_other_verb(self, s: _Sentence, i: int) -> bool:
        """'terug' before a verb it does not form a verb with: 'terug kon beginnen', 'terug een template
        opstellen' (weer), unlike 'terug kon komen' (terugkomen) or 'terug naar huis gaan'."""
        from .dictionary import get_dictionary
        dictionary = get_dictionary()
        lex = dictionary.lexicon
        for k in range(i + 1, min(len(s), i + 6)):
            w = s.lows[k]
            if w in _CLAUSE_BREAK or not w.isalpha():
                return False
            verb = w in _SHORT_VERBS or w in lex.participles or (
                w.endswith("en") and (w[:-2] in lex.verbs or (len(w) > 5 and w[-3] == w[-4] and w[:-3] in lex.verbs)))
            if verb and k > i + 1 or (verb and w not in _MODALS):
                if w in _MODALS:
                    continue  # terug kon komen: look at the verb after the modal
                return not (dictionary.known("terug" + w) or dictionary.known("terug" + w.removeprefix("ge")))
            if s.after[k] is not None:
                return False
        return False

    def _content(self, s: _Sentence, i: int):
        """'content' (tevreden) or 'straf' (indrukwekkend) as an adjective after a copula or a degree word;
        the noun stays (content marketing, een straf)."""
        low = s.lows[i]
        alt, note = _COPULA_ADJECTIVES[low]
        nxt = s.lows[i + 1] if i + 1 < len(s) and s.after[i] is None else None
        if nxt is not None and nxt not in _AFTER_ADJECTIVE:
            return None
        k = i - 1
        degree = False
        while k >= 0 and s.lows[k] in _BETWEEN and s.after[k] is None:
            degree = degree or s.lows[k] in _INTENSIFIERS
            k -= 1
        if (k >= 0 and s.lows[k] in _COPULA and s.after[k] is None) or (degree and k < i - 1):
            return (i, i, alt, note)
        return None

    @staticmethod
    def _den(s: _Sentence, i: int):
        """'den' as an article (den baas); not a name (Den Haag, Van den Broeck) nor an old idiom (op den duur)."""
        if i + 1 >= len(s) or s.after[i] is not None:
            return None
        nxt = s.words[i + 1]
        if not nxt.text[:1].islower() or (s.words[i].text[:1].isupper() and not s.words[i].sentence_start):
            return None
        if s.lows[i + 1] in _DEN_IDIOMS or (i and s.lows[i - 1] == "voor" and s.lows[i + 1] == "dag"):
            return None  # op den duur, aan den lijve, voor den dag komen
        last = i + 1 if s.lows[i + 1].endswith("en") and s.lows[i + 1][:-1].endswith(("ste", "de")) else i
        return (i, last, "de" if last == i else f"de {s.lows[i + 1][:-1]}",
                "'den' als lidwoord is Vlaamse tussentaal; schrijf 'de'.")

    def _diminutive(self, s: _Sentence, i: int):
        """A Flemish diminutive in -ke/-ske (kopke, dagske, briefkes) of a word whose -je form exists."""
        word = s.lows[i]
        if self.known(word) or self.known(s.words[i].text):
            return None
        if any(self.known(word[:k] + word[k + 1:]) for k in range(len(word))):
            return None  # one letter too many: a typo (weeke for week), not a diminutive
        plural = word.endswith("kes")
        base = word[:-1] if plural else word
        stems = []
        if base.endswith("ske"):
            stems.append(base[:-3])  # dagske -> dag
        if base.endswith("eke") and len(base) > 5 and base[-4] == base[-5]:
            stems.append(base[:-4])  # manneke -> man, boterhammeke -> boterham
        stems.append(base[:-2])
        for stem in stems:
            if len(stem) < 3 or stem not in self.nouns:
                continue
            for suffix in ("je", "tje", "pje", "etje", stem[-1:] + "etje"):
                candidate = stem + suffix
                if self.known(candidate):
                    alt = candidate + ("s" if plural else "")
                    return (i, i, alt, f"'{s.words[i].text}' is een Vlaams verkleinwoord; schrijf '{alt}'.")
            if stem.endswith("ing") and self.known(stem):
                alt = stem[:-1] + "kje" + ("s" if plural else "")
                return (i, i, alt, f"'{s.words[i].text}' is een Vlaams verkleinwoord; schrijf '{alt}'.")
        return None

    @staticmethod
    def _second_person_u(s: _Sentence, taken: set[int]):
        """'u' and 'uw' next to 'je' or 'ge' in the same sentence: tussentaal ('je moet u aanmelden')."""
        informal = [k for k, w in enumerate(s.lows) if w in _INFORMAL_SECOND and not s.quoted[k] and not s.glued[k]]
        if not informal:
            return []
        out = []
        for k, w in enumerate(s.lows):
            if w in ("u", "uw") and k not in taken and not s.quoted[k] and not s.glued[k] \
                    and not s.capital_inside(k):
                alt = "je" if w == "u" else "je (jouw)"
                out.append((k, k, alt, f"'{w}' naast 'je' of 'ge' is Vlaamse tussentaal; schrijf '{alt}' "
                                       "(of spreek de lezer overal met 'u' aan)."))
        return out

    def _double_perfect(self, s: _Sentence) -> list[Issue]:
        out = []
        lows, words = s.lows, s.words
        if "geweest" not in lows or not any(w in ("heb", "hebt", "heeft", "hebben", "had", "hadden") for w in lows):
            return out
        for i, w in enumerate(lows):
            prev = lows[i - 1] if i else ""
            if w == "geweest" and prev and prev != "geweest" and prev.endswith(("d", "t", "n")) and (
                    prev.startswith(("ge", "ver", "be", "ont", "her", "er")) or prev in self._participles()):
                out.append(Issue("spreektaal", f"Dubbel voltooid deelwoord: schrijf '{words[i - 1].text}' zonder "
                                 "'geweest'.", words[i - 1].start, words[i].end, [words[i - 1].text],
                                 "'Ik heb het gedaan geweest' is spreektaal; in schrijftaal: 'ik heb het gedaan'."))
        return out

    def _participles(self) -> set[str]:
        try:
            from .dictionary import get_dictionary
            return get_dictionary().lexicon.participles
        except Exception:  # noqa: BLE001 - without word data the prefixes above still work
            return set()


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
