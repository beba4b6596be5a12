"""dt findings from the trained slot model (:mod:`.tagger`): which spelling fits the slot, who the subject is,
and a Dutch message that names both. Precision first: the model speaks only above the margin chosen at
training time, and a few guards keep it quiet where a noun or a fixed word is far more likely."""

from __future__ import annotations

import threading
from dataclasses import replace

from .dtwords import FUNCTION_WORDS, MODALS, MONTHS, NO_DATIVE, OWNED, STRONG_PAST, SUBJ_PRONOUNS, TIME_NOUNS
from .issues import Issue
from .tagger import AUX, CLAUSE_BREAK, PARTICLES, SUBORD, Forms, Model, Verdict, _open_syllable, predict
from .tokens import Token

_LOCK = threading.Lock()
_MODELS: dict[str, Model] = {}

#: words before a noun that make the word after them a noun, not a verb ('meer geld', 'het gebruik')
NOUN_BEFORE = {"de", "het", "een", "meer", "veel", "weinig", "geen", "onvoldoende", "voldoende", "zijn", "haar",
               "hun", "mijn", "onze", "ons", "jouw", "uw", "deze", "dit", "elk", "elke", "ieder", "iedere", "welk",
               "welke", "zoveel", "genoeg", "minder", "extra", "wat", "enig", "enige", "geen", "zulk", "zulke",
               "zo'n", "hoeveel", "al", "alle", "beide", "zoveel", "evenveel", "eigen", "die", "dat", "hoop", "paar",
               "boel", "heleboel", "beetje", "stuk", "aantal", "soort", "vorm", "type"}
PRONOUN_SUBJECTS = {"ik", "jij", "je", "u", "hij", "zij", "ze", "het", "men", "wij", "we", "jullie", "dat", "dit",
                    "die", "wie", "wat", "iedereen", "niemand", "niets", "alles", "iets", "er"}
FIXED = STRONG_PAST | {"wil", "kan", "zal", "mag", "kun", "kunt", "wilt", "zult", "moet", "jij", "zij", "wij",
                       "was", "wist", "reed", "las", "leed", "bood", "jouw", "jou", "mijn", "uw", "hun", "onze"} | (MODALS - {"krijgt", "raakt", "blijkt", "lijkt"})
#: a particle before a fixed word: separable modals and the like ('aankan', 'meekan')
PARTICLE_FIXED = {p + f for p in PARTICLES for f in FIXED}
DETS = {"de", "het", "een", "mijn", "jouw", "zijn", "haar", "onze", "ons", "hun", "uw", "deze", "dit", "die",
        "dat", "elke", "ieder", "iedere", "elk", "geen", "welke"}


def _as_written(phrase: str | None, words: list[str], sentence: list[Token]) -> str | None:
    """The subject as the student wrote it ('de dienst IT'), the first word lower-cased at a sentence start."""
    if not phrase:
        return phrase
    parts = phrase.split()
    for k in range(len(words) - len(parts) + 1):
        if words[k:k + len(parts)] == parts:
            texts = [t.text for t in sentence[k:k + len(parts)]]
            if (sentence[k].sentence_start or k == 0) and (
                    parts[0] in DETS or parts[0] in PRONOUN_SUBJECTS or parts[0] in ("iemand", "niemand", "elkeen")):
                texts[0] = texts[0][:1].lower() + texts[0][1:] if not texts[0][1:2].isupper() else texts[0]
            return " ".join(texts)
    return phrase


def get_model() -> Model:
    with _LOCK:
        if "" not in _MODELS:
            _MODELS[""] = Model.load()
        return _MODELS[""]


def _case(model: str, w: str) -> str:
    if model.isupper() and len(model) > 1:
        return w.upper()
    return w[:1].upper() + w[1:] if model[:1].isupper() else w


#: word classes (from the treebank) that are never a verb form, whatever the lexicon says (jou, indien, eigen)
CLOSED = ("VNW", "VG", "VZ", "BW", "LID", "TW", "ADJ", "TSW", "LET")
IMPERATIVE_OPENERS = {",", ";", ":", "(", "en", "of", "maar", "dus", "<s>"}


#: English function words and keywords: two of them in a sentence make it English or code, not Dutch
ENGLISH_CODE = {"for", "if", "not", "the", "return", "else", "while", "import", "def", "and", "or", "to", "with",
                "from", "this", "that"}
#: time words that put a sentence in the past
PAST_WORDS = {"vroeger", "gisteren", "eergisteren", "destijds", "vorige", "vorig", "toen", "vroeger", "ooit"}
PRESENT_WORDS = {"sinds", "sindsdien", "nu", "vandaag", "tegenwoordig", "momenteel", "voortaan", "nog", "steeds"}
#: words after 'noun en noun' that keep both nouns ('een huis en werk in Gent')
PREPOSITION_LIKE = {"in", "op", "aan", "uit", "af", "na", "mee", "bij", "voor", "met", "van", "over", "naar", "om"}
#: nouns that stand without an article ('een huis en werk in Gent'): after 'noun en' they stay nouns
MASS_NOUNS = {"werk", "geld", "tijd", "eten", "drinken", "informatie", "kennis", "ervaring", "hulp", "advies",
              "onderzoek", "onderwijs", "les", "vervoer", "verblijf", "onderdak", "plezier", "gebruik", "beheer",
              "onderhoud", "toezicht", "zorg", "steun", "begeleiding", "overleg", "werkgelegenheid", "studie"}
COMMAND = "<bevel>"  # the message marker for a command (no subject)
#: subordinators after which a clause hardly takes a command ('Omdat ..., beantwoord een collega' is 'beantwoordt')
CAUSAL = {"omdat", "doordat", "aangezien", "hoewel", "toen", "terwijl", "sinds", "ofschoon", "nu"}
#: words right after a finite verb (a noun-like stem before them is the verb: 'en antwoord op ...')
POST_VERB_WORDS = {"op", "de", "het", "een", "niet", "ook", "ze", "hem", "haar", "mij", "me", "ons", "hen", "alle",
                   "altijd", "vaak", "snel", "meteen", "nu", "dan", "zelf", "mee", "aan", "uit", "af", "in", "na",
                   "deze", "dit", "die", "dat", "zijn", "elke", "veel", "geen"}
DEFINITE = {"de", "het", "deze", "dit", "die", "dat"}
#: words after a sentence-initial noun/adjective that make it a command ('Open het bestand', 'Wacht niet')
COMMAND_NEXT = {"het", "de", "een", "niet", "jouw", "uw", "deze", "dit", "die", "alle", "eerst", "nooit", "ze", "hem",
                "haar", "altijd", "even", "goed", "zelf", "steeds", "mij", "me", "ons"}
#: plural finite verbs that take a participle or infinitive ('staan ... vermeld'): the clause has its verb
PLURAL_FINITE = {"staan", "stonden", "liggen", "lagen", "zitten", "zaten", "blijven", "bleven", "lijken", "leken",
                 "blijken", "bleken", "gaan", "gingen", "komen", "kwamen"}
#: nouns of quantity: the word after them (without an article before) is what is counted, a noun
QUANTITY_NOUNS = {"aantal", "paar", "reeks", "soort", "stuk", "boel", "hoop", "lijst", "type"}
#: more words that open a clause (for the guards only; the model's features keep tagger.SUBORD)
MORE_SUBORD = {"hoeveel", "waarna", "waarbij", "waarmee", "waarin", "welk", "wiens"}


def clause_span(words: list[str], i: int) -> tuple[int, int]:
    """First and last index of the clause around ``i`` (cut at punctuation, conjunctions, subordinators)."""
    start = i
    while start > 0 and words[start - 1] not in CLAUSE_BREAK and words[start - 1] not in MORE_SUBORD and (
            words[start - 1] not in SUBORD or (start == 1 and words[0] in ("dat", "die", "dit"))):
        start -= 1  # a sentence-initial 'dat'/'die' is a pronoun subject ('Dat gebeurt niet vaak')
    end = i
    while end + 1 < len(words) and words[end + 1] not in CLAUSE_BREAK and words[end + 1] not in SUBORD \
            and words[end + 1] not in MORE_SUBORD:
        end += 1
    return start, end


def rejected(i: int, words: list[str], lex, tagdict: dict) -> bool:
    """Checks that need no verdict (run before the model, to save its time): fixed words, infinitives and
    plurals, closed word classes, a sentence without end punctuation, and nouns after a determiner or an
    adjective ('meer geld', 'de zwakke aanpak', 'je aanvraag', 'een gestructureerd verhaal')."""
    w = words[i]
    if w in FIXED or w in FUNCTION_WORDS:
        return True
    if tagdict.get(w, "WW")[:3].rstrip("|") in CLOSED and not (
            tagdict.get(w) == "ADJ" and w in lex.verbs and i >= 2 and words[i - 2] in DETS - {"die", "dat"}
            and words[i - 1] in lex.nouns and (i == 2 or words[i - 3] in HARD_BREAK)):
        return True  # not 'De organisatie zoek nog ...': a verb right after a subject that opens the sentence
    if w in PARTICLE_FIXED:
        return True  # 'wat een computer aankan': a separable modal (aankunnen), no stem + t
    if w.endswith("en") and len(w) > 4 and (w[:-2] in lex.verbs or w[:-3] in lex.verbs or w in lex.nouns):
        return True  # an infinitive or a plural ('verzorgen'), not 'meen', 'teken', 'verdien'
    prev = words[i - 1] if i else "<s>"
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    if words[-1] not in (".", "?", "!", ":", ";", ")", "\"", "'", "”", "’") and (len(words) < 5 or words[i] != words[i].lower()):
        return True  # a heading or list item without end punctuation ('Chinese postbode probleem')
    if nxt == "</s>" or nxt in MONTHS or (nxt == ":" and w in lex.nouns):
        return True  # a sentence that stops without punctuation (a heading, a broken line); 'eind maart'
    if prev in QUANTITY_NOUNS and (i < 2 or words[i - 2] not in DETS):
        return True  # 'gemiddeld aantal mets per minuut': a quantity and what is counted
    if w in lex.nouns and i == 2 and len(words) == 4 and words[0] in DETS and words[3] in (".", "!"):
        return True  # 'Een opmaak taal.': a compound noun written apart, a fragment without a verb
    if w == "word":
        return prev in NOUN_BEFORE  # 'een word document'; no Dutch noun 'word' ('die te laat betaald word')
    if (w in lex.nouns or w in lex.adjectives) and nxt not in ("hij", "zij", "men", "u") and not (
            prev.isdigit() and len(prev) == 4 and i >= 2 and words[i - 2] in ("in", "sinds", "vanaf", "tot", "rond")) \
            and not (prev in QUANTITY_NOUNS | {"vorm", "stuk"} and i >= 2 and words[i - 2] in DEFINITE) \
            and not (prev in lex.adjectives and nxt in (".", ",", "!", "?") and _final_in_subclause(words, i, lex, tagdict)):
        # not 'Sinds 1987 zetel hij', 'In 1893 koop het prentenkabinet', 'de soort nestel ook ...'
        pronoun_before = prev in ("dat", "die", "dit") and not (nxt in lex.nouns or _plural(nxt, lex, tagdict)) \
            and not tagdict.get(nxt, "").startswith("WW") and not nxt.endswith(("t", "te", "de"))
        if (prev in NOUN_BEFORE and not pronoun_before) or prev in ("je", "er") or prev in lex.adjectives \
                or prev in lex.participles or (prev.endswith("er") and prev[:-2] in lex.adjectives) \
                or (prev.endswith("e") and not (
                    prev in lex.nouns or tagdict.get(prev, "").startswith("N")) and (
                    prev[:-1] in lex.adjectives or prev[:-2] in lex.adjectives or tagdict.get(prev, "").startswith("ADJ")
                    or (len(prev) > 4 and prev[:-3] + prev[-3] + prev[-3:-1] in lex.adjectives))) \
                or (tagdict.get(nxt, "").startswith("WW|pv") and w in lex.nouns) \
                or tagdict.get(prev, "").startswith(("ADJ", "TW")) or prev[:1].isdigit() \
                or (prev.endswith("ste") and (prev[:-3] in lex.adjectives or prev[:-2] in lex.adjectives)) \
                or (any(prev.startswith(p + "ge") for p in PARTICLES) and prev.endswith(("d", "t")) and len(prev) > 6
                    and prev not in lex.nouns) or (
                prev.startswith("ge") and prev.endswith(("d", "t")) and len(prev) > 5) or (
                prev.startswith("ge") and prev.endswith(("de", "te")) and len(prev) > 6 and prev not in lex.nouns
                and not tagdict.get(prev, "").startswith("N") and (prev[:-2] in lex.verbs or prev[2:-2] in lex.verbs)):
            return True  # 'meer geld', 'de zwakke aanpak', 'je aanvraag', 'een gestructureerd verhaal': a noun
    return False


def plausible(v, words: list[str], lex, tagdict: dict, names: frozenset = frozenset()) -> bool:
    """See :func:`_plausible`; a participle spelled like the stem + t ('gebruikt') may be either."""
    if v.label == "VD" and fam_form(v, "T") == v.fix:
        return _plausible(v, words, lex, tagdict, names) or _plausible(replace(v, label="T"), words, lex, tagdict, names)
    return _plausible(v, words, lex, tagdict, names)


def _plausible(v, words: list[str], lex, tagdict: dict, names: frozenset = frozenset()) -> bool:
    """Structural checks on a verdict of the model: each kind of correction needs the sign that makes it
    certain (an auxiliary for a participle, 'ik' or an inverted 'je/jij' or a sentence-initial command for a
    bare stem, no command possible for stem + t). Fixed words, closed word classes and nouns after a
    determiner are left alone. ``names``: the positions of words written with a capital inside the sentence."""
    i = v.index
    w = words[i]
    if rejected(i, words, lex, tagdict):
        return False
    prev = words[i - 1] if i else "<s>"
    nxt = words[i + 1] if i + 1 < len(words) else "</s>"
    if nxt == "ik" and v.label != "EV" and w == v.forms.get("EV"):
        return False  # 'Word gebruik ik voor het verslag': 'ik' right after it, so the stem is the finite verb
    if w in lex.nouns and prev in UNIT_NOUNS and i >= 2 and words[i - 2] in DETS and (
            _verb_like(nxt, lex, tagdict) or nxt in lex.verbs or (nxt[-1:] in ("d", "t") and nxt[:-1] in lex.verbs)):
        return False  # 'de afdeling verkoop verzorgt ...': the name of a department, and then its verb
    start, end = clause_span(words, i)
    opener = words[start - 1] if start > 0 else "<s>"
    question = words[-1] == "?"
    if w in lex.nouns or w in lex.adjectives:
        if v.label in ("T", "EV") and w in lex.adjectives and w not in lex.nouns and not (
                w in lex.participles and opener in ("en", "maar") and nxt in DETS - {"die", "dat"}):
            return False  # 'heel', 'beter', 'vlak'; not '... en verdeeld de taken': a finite verb before its object'
    aux_in_clause = any(_aux_at(words, j, lex, tagdict) for j in range(start, end + 1) if j != i)
    region = _region(words, i)
    other_finite = any(j != i and not _late(words, j) and (tagdict.get(words[j], "").startswith("WW|pv") or _aux_at(words, j, lex, tagdict)
                                   or words[j] in STRONG_PAST or _modal_at(words, j) or words[j] in PLURAL_FINITE)
                       for j in range(start, end + 1))
    if v.label == "T":
        relative = _relative_subject(words, i, lex, tagdict)
        if relative:  # the relative clause before the verb is no part of its own clause
            other_finite = any(not _late(words, j) and (tagdict.get(words[j], "").startswith("WW|pv") or _aux_at(words, j, lex, tagdict))
                               or words[j] in STRONG_PAST or _modal_at(words, j) for j in range(i + 1, end + 1))
        if prev == "ik" or nxt in ("ik", "jij") or "ik" in words[start:i] or other_finite:
            return False
        if (tagdict.get(prev, "").startswith("WW|pv") or prev in AUX or prev in MODALS) and not relative:
            return False  # 'staat vermeld', 'wordt gebruikt': after a finite verb comes no second one
        if w in lex.adjectives and nxt in COPULAS:
            return False  # 'woorden die niet nuttig zijn': an adjective before its copula
        if w == "zie" and (nxt in REFERENCES or nxt[:1].isdigit()):
            return False  # '(voor meer informatie zie hoofdstuk 2)': a reference, the command 'zie'
        if w == "word" and (nxt.endswith("en") and len(nxt) > 4 and (
                nxt[:-2] in lex.verbs or nxt[:-3] in lex.verbs or nxt[:-3] + nxt[-4] + nxt[-3] in lex.verbs
                or tagdict.get(nxt, "").startswith("WW|inf")) and not _plural(nxt, lex, tagdict)):
            return False  # 'naar word exporteren': Microsoft Word before an infinitive, not 'wordt'
        if i == start and opener in ("en", "of") and start >= 2 and nxt in END_MARKS and (
                words[start - 2] in lex.nouns or tagdict.get(words[start - 2], "").startswith("N")):
            return False  # 'gezien als uitval of afkeur.': two nouns joined by 'of', no verb
        if w in lex.nouns and any(j < i and words[j] in AUX for j in range(len(words))) and any(
                _participle_like(x, lex) for x in words[i + 1:end + 1]):
            return False  # 'heb ik een tijdje onderzoek gedaan': the object of a perfect tense
        if relative == "plural" and nxt not in ("hij", "men"):
            return False  # 'De klanten die we bedienen vind ...': the subject is plural, stem + t is no fix (but
            # 'De dieren die ... gehouden worden noem men vee': the subject comes after the verb)
        if w in lex.nouns and not relative and not _clear_subject(words, start, i, lex, tagdict, names) and not (
                i == start and opener == "en" and nxt in DETS - {"die", "dat"} and _subject_first(words, tagdict, i, lex)
                and any(_singular_finite(x, lex, tagdict) for x in words[:start])):
            return False  # 'beheer en sturing', 'zuurstof gebruik', 'de data driven regel module': a noun (not
            # '... bespreekt de cijfers en stuur de verslagen door': a verb that shares the subject before 'en')
        if w in lex.nouns and any(x in NOUN_VERBS for x in words[i + 1:end + 1]):
            return False  # 'gebruik maken van', 'deel nemen aan': a noun in a fixed expression
        if opener == ")" and "(" in words[:start]:
            k = len(words[:start]) - 1 - words[:start][::-1].index("(")
            if k > 0 and words[k - 1] in ("ik", "we", "wij", "jullie"):
                return False  # 'ik (de ontwikkelaar) het idee heb'

        if start > 0 and opener in ("en", "maar", "of", ",", "dus") and any(x in ("ik", "we", "wij", "jullie") for x in words[:start]) \
                and not any(x in DETS or x in PRONOUN_SUBJECTS for x in words[start:i]):
            return False  # '... dat ik geen deadline mis en op tijd aangeef': the subject 'ik' is shared
        if nxt == "je":  # 'Vindt je leidinggevende ...' (je = your), but 'deze fiche vind je ook op ...'
            after = words[i + 2] if i + 2 < len(words) else "</s>"
            if after in POST_JE or not (after in lex.nouns or (after.endswith("e") and after[:-1] in lex.adjectives)) \
                    or not tagdict.get(after, "N").startswith(("N", "ADJ")) or not _after_subject_np(words, i + 3, lex):
                return False
        if w == fam_form(v, "VD") and nxt in END_MARKS and i > start and opener == "," \
                and any(x in AUX for x in words[:start]) and not any(x in DETS or x in THIRD for x in words[start:i]):
            return False  # 'hoe de request gestuurd is, niet ondersteund.': the auxiliary of the clause before
        own_subject = opener in FINITE_OPENERS and any(x in DETS or x in THIRD for x in words[start:i])
        if w == fam_form(v, "VD") and (aux_in_clause or (nxt == "door" and not own_subject)):
            return False  # 'Er is die week veel gebeurd': the participle has its auxiliary
        if w == "word" and nxt in WORD_FILE_NOUNS:
            return False  # 'het word document', 'een word bestand': Microsoft Word, not the verb
        if w == fam_form(v, "VD") and start == 0 and i == 1 and words[0] in lex.nouns \
                and words[0] not in PRONOUN_SUBJECTS and words[0] not in DETS:
            return False  # 'Mail verstuurd nadat ...', 'Bestelling geplaatst.': a caption without its auxiliary
        singular_first = i - start >= 3 and opener in SUBORD and (
            words[start] in ("hij", "zij", "het") or (words[start] in ("de", "het", "een", "dit", "deze", "mijn", "zijn", "haar")
                                                   and words[start + 1] in lex.nouns and not _plural(words[start + 1], lex, tagdict)))
        if (i > start and _plural(words[i - 1], lex, tagdict) and not singular_first
                and not (relative and tagdict.get(words[i - 1], "").startswith("WW"))
                and not any(tagdict.get(x, "").startswith("VZ") for x in words[start:i - 1])) \
                or words[start] in ("alle", "beide", "sommige", "veel", "enkele"):
            return False  # 'Alle onderdelen behandeld': a plural subject takes no t
        if not relative and not _has_subject(words, start, i, lex, tagdict):
            return False  # 'Eenmaal verhuisd, begon ...': no subject, so no finite verb
        causal = opener == "," and (words[0] in CAUSAL and (nxt in THIRD or (nxt in DETS and nxt not in ("die", "dat")))
                                    or (words[0] in FRONT_PP and _name_word(nxt, lex, tagdict)))
        # 'word' right before a participle is a passive, never a command ('Alles wat de klant vraagt, word genoteerd')
        passive = w == "word" and (nxt in lex.participles or _participle_like(nxt, lex))
        if i == start and opener == "," and not question and not relative and not causal and nxt not in THIRD \
                and nxt not in DETS and not passive:
            return False  # 'Als je vragen hebt, aarzel dan niet': a command after the subordinate clause
        if i == start and not question and not relative and not causal and not passive and nxt not in ("hij", "men") \
                and not (opener in ("en", "maar", ",", "of", ")") and _subject_first(words, tagdict, i, lex)):
            return False  # a command is possible: 'Neem contact op', 'Beschrijf ze, analyseer ze en trek ...'
        if i == start and opener in ("(", ":") and nxt not in THIRD:
            return False  # '(houd dit kort)?': a command in parentheses, the question mark is not its own
        if i == start and question and nxt not in DETS and nxt not in ("u", "hij", "zij", "ze", "het", "men", "je"):
            return False
        if aux_in_clause and v.fix != w + "t" and not w.endswith("d"):
            return False
        return True
    if v.label == "EV":
        if nxt in AUX and (w == fam_form(v, "VD") or w in lex.participles):
            return False  # 'dat ik het ontdekt heb': a participle before its auxiliary
        if prev == "ik" and i == start + 1:
            return True
        comparison = nxt == "dan" and any(x in ("meer", "minder", "beter", "liever", "eerder") or (
            x.endswith("er") and len(x) > 4 and (x[:-2] in lex.adjectives or x[:-3] in lex.adjectives  # snel-l-er
                                                 or x[:-3] + x[-4] + x[-3] in lex.adjectives))  # groot: groter
            for x in words[start + 1:i])
        if words[start] == "ik" and i > start + 1 and opener in SUBORD and (nxt in END_MARKS or nxt in SUBORD
                                                                              or comparison) \
                and not any(x in ("hij", "zij", "u", "men", "jij", "je", "we", "wij", "jullie", "ze") or x in AUX
                            for x in words[start + 1:i]):
            return True  # '... dat ik het zelf ontdekt hebt': 'ik' opens the clause, the verb closes it (also
            # before a comparison: '... dat ik meer initiatief neemt dan vroeger')
        if i == start and opener in ("en", "maar", "of") and words[0] == "ik" and not any(
                x in PRONOUN_SUBJECTS - {"ik"} or x in DETS for x in words[1:start]):
            return True  # 'Ik lees de mails en beantwoord ze': 'ik' is the subject of both
        if nxt in ("ik", "jij") or (nxt == "je" and (i + 2 >= len(words) or words[i + 2] in POST_JE
                                                      or (v.fix, words[i + 2]) in BARE_OBJECTS)):
            if nxt == "je" and i > start and not (w in NO_DATIVE or w == "word") and any(
                    x in DETS or x in lex.nouns or tagdict.get(x, "").startswith("N")
                    or (x.isalpha() and x not in tagdict and x not in lex.verbs) for x in words[start:i]):
                return False  # 'de stageplaats lijkt je boeiend': 'je' is an object here
            return i > start or opener in IMPERATIVE_OPENERS
        if i == 0 and not question and nxt not in ("u", "hij", "zij", "ze", "het", "men"):
            return nxt in ("niet", "nooit", "altijd", "dan", "eerst", "zeker", "even", "zelf", "nu", "ook")
        return False
    if v.label == "VD":
        aux_in_clause = any(_aux_at(words, j, lex, tagdict) for j in list(range(start, i)) + [i + 1, i + 2]
                            if j <= end and j != i)
        if w == fam_form(v, "T") or "T" in v.forms and w == v.forms["T"]:
            if v.forms.get("EV") == "gebeur" and nxt in ("wordt", "worden", "werd", "werden"):
                return False  # 'zoals bij GA's gebeurt wordt ...': gebeuren has no passive
            if opener in FINITE_OPENERS and nxt in AUX and i + 2 < len(words) and (
                    (words[i + 2] in DETS and words[i + 2] not in SUBORD) or words[i + 2] in THIRD) and not any(
                    _aux_at(words, j, lex, tagdict) for j in range(start, i)):
                return False  # 'Als de gebruiker de pagina herlaadt worden de resultaten ...': a comma is missing
        if v.kind == "invalid" and fam_form(v, "VD") and len(v.forms) == 1:
            return True  # 'geopereert', 'genoemt': no word at all, one participle one letter away
        if w in lex.nouns and prev.isalpha() and prev not in tagdict and prev not in lex.nouns \
                and prev not in lex.adjectives and prev not in lex.verbs and any(
                    x in DETS for x in words[max(0, i - 4):i - 1]):
            return False  # 'een data driven aanpak': a noun after English words in a noun phrase
        if i == start and opener in ("en", "of") and start >= 2 and (nxt in END_MARKS or nxt == "door") and (
                _participle_like(words[start - 2], lex) or tagdict.get(words[start - 2], "").startswith("WW|vd")
                or words[start - 2].endswith(("d", "t", "en")) and words[start - 2][:-1] in lex.verbs
                or (words[start - 2].endswith("en") and words[start - 2].startswith(("be", "ver", "ont", "om", "over")))) \
                and any(_aux_at(words, j, lex, tagdict) for j in range(0, start - 2)):
            return True  # 'Mijn taken werden omschreven en verdeelt.': one auxiliary for both participles
        if i == start or (w in lex.nouns and any(x in NOUN_VERBS for x in words[i + 1:end + 1])):
            return False  # 'Verandert er iets, dan wordt ...'; 'er wordt gebruik gemaakt van'
        if w in lex.nouns and prev in DETS and not (nxt in lex.nouns or tagdict.get(nxt, "").startswith("N")):
            return False  # 'of dit voorstel aanvaard wordt': a noun after its article, not a participle
        if aux_in_clause or (opener in ("als", "zoals", "sinds", "voor", "tot") and any(
                _aux_at(words, j, lex, tagdict) and not any(x in SUBORD for x in words[j + 1:start - 1])
                for j in region if j < start - 1)):
            return True  # 'Een taak wordt als afgewerkt beschouwd': 'als' compares here, the clause goes on
        if opener in ("en", "of", "maar", ","):  # 'werd gemaakt en verstuurd': the auxiliary of the clause before
            p_start, _ = clause_span(words, start - 2) if start >= 2 else (0, 0)
            if any(words[j] in AUX for j in range(p_start, start - 1)):
                return True
        return prev in DETS and nxt != "</s>" and (nxt in lex.nouns or tagdict.get(nxt, "").startswith("N"))
    if v.label == "VDE":
        return (nxt in lex.nouns or _plural(nxt, lex, tagdict) or tagdict.get(nxt, "").startswith("N")
                or nxt in ("en", ",")) and prev not in PRONOUN_SUBJECTS - DETS
    return True  # VERL


#: nouns for a part of an organisation; the word after them names it ('de dienst onderhoud', 'de afdeling verkoop')
UNIT_NOUNS = {"afdeling", "dienst", "cel", "departement", "team", "sector", "divisie", "ploeg", "sectie",
              "werkgroep", "unit", "directie"}
#: verbs of fixed expressions with a noun that looks like a stem ('gebruik maken', 'deel nemen')
NOUN_VERBS = {"gemaakt", "maken", "maakt", "maak", "makend", "genomen", "nemen", "neemt", "neem", "nemend"}
THIRD = {"u", "hij", "zij", "ze", "het", "men", "er"}
#: after 'word': the program Microsoft Word ('het word document'), not a form of 'worden'
WORD_FILE_NOUNS = {"document", "documenten", "bestand", "bestanden", "file", "files", "formaat", "versie",
                   "sjabloon", "template", "add-in", "export"}


def fam_form(v, label: str) -> str | None:
    return v.forms.get(label) if hasattr(v, "forms") else None


def _has_subject(words: list[str], start: int, i: int, lex, tagdict: dict) -> bool:
    """Is there something that can be the subject of a finite verb at ``i``: before it in the clause, right
    after it (inversion), or the sentence's subject shared through 'en'?"""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if nxt in THIRD or nxt in DETS or nxt in ("je", "jij", "ik") or (i > start and (
            nxt in lex.nouns or tagdict.get(nxt, "").startswith("N")
            or (nxt[:1].isalpha() and nxt not in tagdict and nxt not in lex.verbs))):
        return True  # 'Daarnaast speelt prostaglandine ...': the subject after the verb
    for x in words[start:i]:
        if x in PRONOUN_SUBJECTS or x in lex.nouns or tagdict.get(x, "").startswith(("N", "VNW")) or (
                x[:1].isalpha() and x not in tagdict and x not in lex.verbs):
            return True
    return start > 0 and words[start - 1] not in FINITE_OPENERS


#: subordinators whose clause has its own subject when it has a finite verb ('zoals eerder vermeld' has none)
FINITE_OPENERS = {"zoals", "als", "omdat", "wanneer", "nadat", "voordat", "zodra", "hoewel", "terwijl", "indien",
                  "tenzij", "toen", "sinds", "doordat", "zodat", "totdat", "aangezien", "dat", "opdat", "zolang"}
COPULAS = {"zijn", "is", "was", "waren", "wordt", "worden", "werd", "werden", "lijkt", "lijken", "blijkt", "blijken",
           "blijft", "blijven", "ben", "bent"}
#: after 'zie': a reference ('zie hoofdstuk 2', 'zie ook bijlage 3'), so the command, not 'ziet'
REFERENCES = {"hoofdstuk", "paragraaf", "bijlage", "figuur", "tabel", "sectie", "pagina", "p.", "blz.", "ook",
              "verder", "onder", "boven", "hierboven", "hieronder", "eerder", "later", "bronnenlijst", "bron",
              "deel", "punt", "kader", "afbeelding", "grafiek", "schema", "link", "website", "www", "bibliografie",
              "literatuurlijst", "(", ":", "fig.", "hfst.", "par."}
END_MARKS = {".", ",", ";", ")", ":", "?", "!", "</s>"}


def _participle_like(x: str, lex) -> bool:
    return x in lex.participles or (x.startswith("ge") and x.endswith(("d", "t", "n")) and len(x) > 5)


#: words that open a relative clause ('de server die ...', 'de manier waarop ...')
RELATIVES = {"die", "dat", "wat", "wie", "waar", "waarin", "waarop", "waardoor", "waarmee", "waarvan", "waarover",
             "waaraan", "waarbij", "waarvoor", "waaruit", "welke"}


#: prepositions that open a fronted phrase ('Op 1 maart, op zijn verjaardag, maakt Ron ...')
FRONT_PP = {"op", "in", "na", "tijdens", "volgens", "bij", "sinds", "vanaf", "wegens", "ondanks", "dankzij", "rond"}


def _name_word(x: str, lex, tagdict: dict) -> bool:
    """A name: unknown to the lexicon, or a name in the treebank."""
    return x.isalpha() and x not in lex.nouns and x not in lex.verbs and x not in lex.adjectives and (
        x not in tagdict or tagdict[x].startswith(("SPEC", "N|eigen")))


def _modal_at(words: list[str], j: int) -> bool:
    """A modal or semi-auxiliary at ``j``; not 'laat' in 'te laat', 'zo laat' (late)."""
    return words[j] in MODALS and not _late(words, j)


def _late(words: list[str], j: int) -> bool:
    """'te laat' (late), 'de wil' (the will): a word that looks like a finite verb but is none here."""
    return j > 0 and ((words[j] == "laat" and words[j - 1] in ("te", "zo", "erg", "nog", "veel", "hoe"))
                      or (words[j] in ("wil", "kan", "moet") and words[j - 1] in DETS))


SUBCLAUSE_OPENERS = {"dat", "omdat", "als", "wanneer", "zodat", "terwijl", "nadat", "voordat", "zodra", "hoewel",
                     "doordat", "indien", "tenzij", "aangezien"}


def _final_in_subclause(words: list[str], i: int, lex, tagdict: dict) -> bool:
    """'Ik vind dat de stage goed verloop.': the last word of a subordinate clause whose subject (article +
    noun) follows the conjunction, with no verb in between, so it is the clause's finite verb."""
    for k in range(i - 1, max(-1, i - 8), -1):
        x = words[k]
        if x in SUBCLAUSE_OPENERS:
            return k + 3 < i and words[k + 1] in DETS - {"die", "dat"} and (
                words[k + 2] in lex.nouns or tagdict.get(words[k + 2], "").startswith("N")) \
                and not _plural(words[k + 2], lex, tagdict) \
                and not any(_verb_like(y, lex, tagdict) for y in words[k + 3:i])
        if x in HARD_BREAK:
            return False
    return False


def _verb_like(x: str, lex, tagdict: dict) -> bool:
    """A verb form (also with a particle in front: 'omgaat', 'opstelt')?"""
    cores = [x]
    if x.startswith(PARTICLES):
        cores += [x[len(p):] for p in PARTICLES if x.startswith(p) and len(x) > len(p) + 2]
    for core in cores:
        if tagdict.get(core, "").startswith("WW") or core in AUX or core in MODALS or core in STRONG_PAST or (
                core.endswith("t") and core[:-1] in lex.verbs):
            return True
    return False


def _np_word(x: str, lex, tagdict: dict) -> bool:
    """Can ``x`` stand inside a noun phrase (noun, adjective, inflected form, a name)?"""
    return (x in lex.nouns or x in lex.adjectives or _plural(x, lex, tagdict) or x.endswith("e")
            or tagdict.get(x, "").startswith(("N", "ADJ", "SPEC")) or (x.isalpha() and x not in tagdict and x not in lex.verbs))


def _relative_subject(words: list[str], i: int, lex, tagdict: dict):
    """'De server die in de kelder staat draai ...', 'De collega die ... heeft opgevangen, vind ...', 'Mijn
    mentor, een ervaren ontwikkelaar, leid ...': the noun phrase that opens the sentence, followed by a relative
    clause (ending in a verb, or closed by a comma) or an apposition between commas, right before ``i``.
    Returns the phrase's words, "plural" when its head is plural, or None."""
    comma = i >= 1 and words[i - 1] == ","
    j = i - 2 if comma else i - 1
    if j < 2 or (not comma and not _verb_like(words[j], lex, tagdict)):
        return None  # the relative clause ends with its verb, or a comma closes it
    begin = 0
    for k in range(i):
        if words[k] in (":", ";"):
            begin = k + 1
    if begin + 2 >= len(words):
        return None
    if words[begin] in ("iemand", "iedereen", "niemand", "elkeen") and words[begin + 1] in ("die", "wie"):
        if any(x in HARD_BREAK or x in ("en", "maar", "want", "of") for x in words[begin + 2:j]):
            return None
        return words[begin:begin + 1]  # 'Iemand die graag met mensen werkt, vind ...'
    name = words[begin].isalpha() and (words[begin] not in tagdict or tagdict[words[begin]].startswith(
        ("SPEC", "N|eigen"))) and words[begin] not in lex.nouns and words[begin] not in lex.verbs \
        and words[begin] not in lex.adjectives
    if (words[begin] not in DETS or words[begin] in ("die", "dat")) and not name:
        return None
    rel = None
    for k in range(begin + 1, min(begin + 6, j)):
        if words[k] in RELATIVES or (words[k] == "," and comma):
            rel = k
            break
        if not _np_word(words[k], lex, tagdict):
            return None
    if rel is None or (rel == begin + 1 and not name):
        return None
    if words[rel] == ",":  # an apposition: 'Mijn stagebegeleider, mevrouw Peeters, bezoek ...'
        inner = words[rel + 1:i - 1]
        if not inner or len(inner) > 5 or not all(x in DETS or _np_word(x, lex, tagdict) for x in inner) \
                or any(_verb_like(x, lex, tagdict) for x in inner):
            return None
    else:
        body = words[rel + 1:j + 1]
        if any(x in HARD_BREAK or x in ("en", "maar", "want", "of") for x in body[:-1] if x != body[-1]) \
                or (comma and not any(_verb_like(x, lex, tagdict) for x in body)):
            return None  # one relative clause with its verb, nothing coordinated after it
    head = words[rel - 1]
    if _plural(head, lex, tagdict) or (words[rel] == "die" and words[begin] == "de" and head.endswith(("en", "s"))
                                       and head not in lex.nouns):
        return "plural"
    return words[begin:rel]


HARD_BREAK = {",", ";", ":", "(", ")", "-", "–", "—"}


def _region(words: list[str], i: int) -> range:
    """The stretch between the punctuation marks around ``i`` ('Een taak wordt als afgewerkt beschouwd')."""
    a = i
    while a > 0 and words[a - 1] not in HARD_BREAK:
        a -= 1
    b = i
    while b + 1 < len(words) and words[b + 1] not in HARD_BREAK:
        b += 1
    return range(a, b + 1)


def _aux_at(words: list[str], j: int, lex, tagdict: dict) -> bool:
    """A form of hebben/zijn/worden at ``j`` ('zijn' before a noun is 'his': 'zijn tarieven')."""
    w = words[j]
    if w not in AUX:
        return False
    if w == "zijn" and j + 1 < len(words):
        x = words[j + 1]
        if x in lex.nouns or x in lex.adjectives or _plural(x, lex, tagdict) or tagdict.get(x, "").startswith(("N", "ADJ")) \
                or (x.endswith("e") and x[:-1] in lex.adjectives) or x in ("eigen", "eerste", "nieuwe"):
            return False
    return True


#: words that follow an inverted subject ('Vindt je leidinggevende dat ...', 'Biedt je bedrijf een ...')
AFTER_SUBJECT = {"dat", "het", "je", "jou", "jouw", "u", "een", "de", "ook", "nog", "al", "niet", "wel", "altijd",
                 "vaak", "snel", "soms", "?", "dit", "deze", "die", "mij", "me", "hem", "haar", "ons", "zich", "er",
                 "genoeg", "voldoende", "echt", "eigenlijk", "zelf", "nooit", "regelmatig", "meestal"}


def _after_subject_np(words: list[str], j: int, lex) -> bool:
    """Does the word at ``j`` (after 'verb je noun') show that 'je noun' was the subject, not 'je' alone
    ('Houd je rekening met ...', 'Hoe word je lid van ...': a preposition, so no)?"""
    if j >= len(words):
        return False
    x = words[j]
    return x in AFTER_SUBJECT or x in lex.participles or (x.startswith("ge") and x.endswith(("d", "t")) and len(x) > 4)


#: the small words inside Dutch and Flemish surnames ('De Smet', 'Van den Broeck', 'Van 't Hof')
NAME_PARTICLES = {"de", "den", "der", "van", "von", "ten", "ter", "te", "'t", "le", "la", "du", "da", "di", "del", "in"}


def _name_before(words: list[str], sentence, i: int, lex, tagdict: dict) -> str | None:
    """A name written with capitals that opens the clause and ends right before the verb at ``i``, as written
    ('Lien De Smet bespreek', 'Meneer Peeters vind'), or None. One capitalised word that opens the sentence
    counts only when the treebank knows it as a name or nobody knows it ('Sarah', not 'Daarna')."""
    start, _ = clause_span(words, i)
    j = i - 1
    while j >= start and (sentence[j].text[:1].isupper() or (words[j] in NAME_PARTICLES and j < i - 1)):
        j -= 1
    first = j + 1
    if first != start or first >= i or not sentence[i - 1].text[:1].isupper() or (
            words[first] in DETS and (first + 1 >= i or not sentence[first + 1].text[:1].isupper())):
        return None  # not from the start of the clause, or 'De klant' (an article, then a noun; 'De Smet' is a name)
    w = words[first]
    if i - first == 1 and (first == 0 or sentence[first].sentence_start) and not (
            tagdict.get(w) in ("SPEC", "N|eigen")
            or (w not in tagdict and w not in lex.nouns and w not in lex.adjectives and w not in lex.verbs)):
        return None  # 'Daarna antwoord ...': a word that opens the sentence, no name
    return " ".join(t.text for t in sentence[first:i])


def _name_after(words: list[str], sentence, i: int) -> str | None:
    """A name written with capitals right after the verb at ``i`` (inversion: 'Op maandag bespreek Jan de
    planning'), as written, or None."""
    j = i + 1
    while j < len(words) and (sentence[j].text[:1].isupper() or (words[j] in NAME_PARTICLES and j + 1 < len(words)
                                                                  and sentence[j + 1].text[:1].isupper())):
        j += 1
    if j == i + 1 or words[i + 1] in DETS and not sentence[i + 1].text[:1].isupper():
        return None
    return " ".join(t.text for t in sentence[i + 1:j])


def _clear_subject(words: list[str], start: int, i: int, lex, tagdict: dict, names: frozenset = frozenset()) -> bool:
    """For a word that is also a noun: is there a subject the verb reading needs? A subject pronoun or a name
    right before it, a noun phrase with an article that opens the clause and ends right before it, or the
    inversion 'fronted word + verb + pronoun/article/name'. ``names``: positions of words with a capital
    inside the sentence ('Jan', 'Peter': also nouns in the dictionary)."""
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev in ("hij", "zij", "ze", "het", "men", "u", "jij", "je", "die", "dat", "wie", "er"):
        return True
    if nxt in lex.nouns and i + 2 < len(words) and _verb_like(words[i + 2], lex, tagdict):
        return False  # 'De data driven regel module genereert ...': the noun phrase goes on
    if i > start and words[start] in DETS and i - start <= 4 and not (
            start > 0 and tagdict.get(words[start - 1], "").startswith("VZ")):
        return all(x in lex.nouns or x in lex.adjectives or _plural(x, lex, tagdict) or x.endswith("e")
                   or (x.isalpha() and x not in tagdict and x not in lex.verbs) for x in words[start + 1:i])
    if start == 0 and i > 3 and words[0] in DETS - {"die", "dat"} and (
            words[1] in lex.nouns or tagdict.get(words[1], "").startswith("N")) and words[2] in PP_WORDS and all(
            x in lex.nouns or x in lex.adjectives or x in DETS or x in PP_WORDS or x.isdigit() or x.endswith("e")
            or _plural(x, lex, tagdict) or tagdict.get(x, "").startswith(("N", "ADJ", "TW", "LID", "VZ"))
            for x in words[3:i]) and not any(_verb_like(x, lex, tagdict) for x in words[1:i]):
        return True  # 'De populariteit van kaastaarten in de 16e eeuw blijkt ...': noun + prepositional phrases
    if prev[:1].isalpha() and not (i >= 2 and words[i - 2] in DETS) and (i - 1 in names or (
            tagdict.get(prev, "SPEC") == "SPEC" and prev not in lex.nouns and prev not in lex.adjectives
            and prev not in lex.verbs) or (i - 1 == start and tagdict.get(prev) in ("SPEC", "N|eigen"))):
        return True  # a name: 'Pieter van den Hoogenband krijgt', 'mijn mentor Jan werkt' (not 'de sobel filter'),
        # 'Jan werkt', 'Harry kiest': a word the treebank knows only as a name, opening the clause
    opener = words[start - 1] if start > 0 else "<s>"
    # without the lexicon, 'zij/ze' + a singular verb does not count here: the word after 'en' may be a noun
    # ('Zij zoekt een job en werk in de buurt')
    if i == start and opener in ("en", "maar") and _subject_first(words, tagdict, i):
        return True  # 'Elke boer kapt een stukje bos en steekt ...'
    inverted = nxt in ("hij", "zij", "ze", "het", "men", "u") or (nxt in DETS and nxt not in ("die", "dat")) or (
        nxt[:1].isalpha() and tagdict.get(nxt, "SPEC") == "SPEC" and nxt not in lex.nouns and nxt not in lex.verbs) or (
        i + 1 in names and nxt.isalpha()) or (
        tagdict.get(nxt, "").startswith("N|eigen"))
    if nxt in ("vs", "versus", "resp", "bv", "bijv", "enz", "etc", "vb"):
        inverted = False  # 'de kracht inhoud vs frequentie': an abbreviation, no subject
    return inverted and (i > start or opener == ",")


PP_WORDS = {"van", "in", "op", "uit", "met", "voor", "bij", "aan", "over", "naar", "tussen", "tegen", "zonder", "binnen",
            "om", "rond", "onder", "achter", "naast"}


def _plural(x: str, lex, tagdict: dict) -> bool:
    """A plural noun ('onderdelen', 'collega's', 'taken')?"""
    if x in lex.adjectives:
        return False  # 'mijn Engels', 'het nieuws'
    cls = tagdict.get(x, "")
    if cls.startswith("N|") and cls.count("|") == 2:
        return cls.endswith("|mv")  # the treebank knows the number
    if tagdict.get(x, "").startswith("N|soort") and x.endswith(("en", "s")) and x not in lex.nouns:
        return True
    if len(x) > 4 and x.endswith(("ven", "zen")) and (x[:-3] + ("f" if x[-3] == "v" else "s")) in lex.nouns:
        return True  # tarieven, reizen
    return len(x) > 3 and x not in lex.nouns and (
        (x.endswith("en") and (x[:-2] in lex.nouns or x[:-3] in lex.nouns or x[:-3] + x[-4] + x[-3] in lex.nouns))
        or (x.endswith("s") and x[:-1] in lex.nouns) or (x.endswith("'s") and x[:-2] in lex.nouns)
        or (x.endswith("ën") and (x[:-2] in lex.nouns or x[:-2] + "e" in lex.nouns)))
    # ('collega's', 'stagiairs', 'ideeën', 'bacteriën'; not 'Maes', whose 'ma' is a noun: a surname in -s is no
    # plural)


#: finite forms that say their subject is one person ('ze heeft', 'zij is'), besides stem + t
SINGULAR_FINITE = {"is", "heeft", "wordt", "kan", "wil", "zal", "mag", "moet", "was", "had", "werd", "kon", "wou",
                   "zou", "mocht", "moest"}


def _singular_finite(x: str, lex, tagdict: dict) -> bool:
    return x in SINGULAR_FINITE or (x.endswith("t") and len(x) > 3 and (
        tagdict.get(x, "").startswith("WW|pv") or x[:-1] in lex.verbs))


def _subject_first(words: list[str], tagdict: dict, i: int | None = None, lex=None) -> bool:
    """Does the sentence (or the part after a colon before ``i``) open with a subject (so a verb after 'en'
    shares it), not with a command ('Opdracht: vind de fout en verbeter ze')? With ``lex``, 'zij/ze' followed
    by a singular verb counts too ('Zij bespreekt ... en stuurt'); without it 'zij/ze' never does."""
    begin = 0
    for j in range(len(words) if i is None else i):
        if words[j] in (":", ";"):
            begin = j + 1
    first = words[begin] if begin < len(words) else ""
    second = words[begin + 1] if begin + 1 < len(words) else ""
    if first in ("zij", "ze") and lex is not None and _singular_finite(second, lex, tagdict):
        return True  # 'Zij bespreekt de cijfers en stuurt ...': the verb after it says she is one person
    if first in ("ik", "we", "wij", "jullie", "zij", "ze"):
        return False  # the shared subject takes no t (or is plural)
    if first in ("hij", "het", "men", "de", "een", "mijn", "zijn", "haar", "onze", "deze", "dit", "die", "dat", "elke"):
        return True
    return tagdict.get(first, "").startswith(("N", "LID", "VNW")) and not tagdict.get(first, "").startswith("WW")


#: nouns used without an article in fixed phrases: after 'verb je' they make 'je' the subject ('Houd je rekening
#: met ...', 'Neem je contact op?'), not 'your'
BARE_OBJECTS = {("houd", "rekening"), ("neem", "contact"), ("maak", "gebruik"), ("neem", "deel"), ("doe", "moeite"),
                ("heb", "zin"), ("heb", "tijd"), ("heb", "last"), ("heb", "nood"), ("heb", "baat"), ("heb", "recht"),
                ("heb", "toegang"), ("heb", "ervaring"), ("heb", "kennis"), ("neem", "kennis"), ("loop", "stage"),
                ("geef", "les"), ("geef", "feedback"), ("krijg", "feedback"), ("krijg", "les"), ("krijg", "toegang"),
                ("neem", "afscheid"), ("maak", "kans"), ("neem", "actie"), ("neem", "notities"), ("draag", "zorg"),
                ("vraag", "hulp"), ("bied", "hulp"), ("heb", "vertrouwen"), ("besteed", "aandacht"),
                ("houd", "toezicht"), ("voer", "overleg"), ("maak", "deel"), ("leg", "contact"), ("vind", "werk")}
#: words after 'je' that show 'je' is the subject ('Vind je het goed?', 'Word je ook betaald?')
POST_JE = {"het", "dat", "dit", "ook", "niet", "dan", "nog", "wel", "er", "zelf", "ze", "hem", "haar", "hen", "mij",
           "me", "ons", "u", "altijd", "vaak", "soms", "nooit", "graag", "best", "echt", "eigenlijk", "meteen",
           "al", "nu", "hier", "daar", "zo", "de", "een", "alles", "iets", "niets", "veel", "weinig", "?", ".",
           ",", "</s>", "morgen", "vandaag", "straks", "later", "op", "in", "aan", "bij", "met", "voor", "van",
           "naar", "over", "uit", "door", "tijdens", "na", "om", "te", "geen", "goed", "moeilijk", "makkelijk"}


class SlotChecker:
    """The model's findings for one sentence at a time (no state kept between calls)."""

    def __init__(self, forms: Forms, model: Model, verbs):
        self.forms = forms
        self.model = model
        self.verbs = verbs  # the rule engine's word questions (is_noun_head, np_start)
        self._cache: dict = {}  # word -> (feature form, class, family), shared by all calls (dict sets are atomic)

    def issues(self, sentence: list[Token]) -> list[Issue]:
        sentence = [t for t in sentence if t.kind != "break"]
        words = [t.lower for t in sentence]
        caps = [t.text[:1].isupper() for t in sentence]
        thresholds = self.model.thresholds
        out = []
        taken = set()
        names = frozenset(k for k, t in enumerate(sentence) if caps[k] and k > 0 and not t.sentence_start
                          and t.text[1:].islower() and sentence[k - 1].text not in (":", "(", '"', "“", "'"))
        for v in predict(self.model, self.forms, words, caps, self._skip, self._cache):
            if v.label == "VD" and fam_form(v, "T") == v.fix and not _plausible(
                    v, words, self.forms.lex, self.model.tagdict):
                v = replace(v, label="T")  # 'wat Multimove gebruik': gebruikt is the finite verb here
            tok = sentence[v.index]
            if tok.kind != "word" or v.margin < thresholds.get(v.kind, 1e9) or not plausible(
                    v, words, self.forms.lex, self.model.tagdict, names):
                continue
            if v.index == 0 and v.label == "EV" and not caps[0]:
                continue
            if words[v.index] not in self.model.tagdict and words[v.index] not in AUX and self.verbs.english is not None \
                    and self.verbs.english(tok.text) and not self._english_verb(v, words):
                continue  # an English word ('de start date', 'delete queue', 'een word document')
            if caps[v.index] and v.index > 0 and not tok.sentence_start and sentence[v.index - 1].text not in (":", "("):
                continue  # a capital inside the sentence: a name ('De Wilde', 'Gebruik')
            if v.label == "T" and words[v.index] == v.forms.get("VD") and self._past_context(words, v.index):
                past = self.forms.past_of(v.forms["EV"]) if "EV" in v.forms else None
                if not past:
                    continue
                v = replace(v, label="VERL", fix=past)  # 'dat er vroeger veel meer gebeurd': gebeurde, not gebeurt
            out.append(self._issue(tok, v, words, sentence))
            taken.add(v.index)
        shared = {}
        for v in self.patterns(words):
            if v.label == "EV" and v.index > 0 and words[0] == "ik":
                shared[v.index] = "ik"
            elif v.label == "EV" and "ik" not in words[:v.index] and not any(
                    x in ("je", "jij") for x in words[max(0, v.index - 1):v.index + 2]):
                shared[v.index] = COMMAND  # 'Vergeet ... en stuurt', 'Zorgt ervoor dat je ...': a command
            elif v.label == "T" and v.index > 1 and words[v.index - 1] == "en":
                subj = self._shared_subject(words, v.index, False)
                if isinstance(subj, list):
                    shared[v.index] = _as_written(" ".join(subj), words, sentence)
            if v.index == 0 and v.label == "EV" and not caps[0]:
                continue  # a command needs a real sentence start ('Je \n\nleert ook bij': a broken line)
            if v.index not in taken and not (caps[v.index] and v.index > 0 and not sentence[v.index].sentence_start):
                out.append(self._issue(sentence[v.index], v, words, sentence, shared.get(v.index)))
        if out and self._foreign(words):
            return []  # 'Sed pretium faucibus ante vel facilisis': not Dutch
        return out

    def _foreign(self, words: list[str]) -> bool:
        """Is most of the sentence unknown to the treebank and the lexicon (Latin filler, English, code)?"""
        lex, tagdict = self.forms.lex, self.model.tagdict
        alpha = [w for w in words if w.isalpha()]
        if len(alpha) < 4:
            return False
        if sum(1 for w in words if w in ENGLISH_CODE) >= 2:
            return True  # code or English: "' '.join(word for word in tekst.split() if word not in stop_words)"
        unknown = [w for w in alpha if w not in tagdict and w not in lex.nouns and w not in lex.adjectives
                   and w not in lex.verbs]
        if len(unknown) * 2 < len(alpha):
            return False
        return sum(1 for w in unknown if not self.forms.known(w)) * 2 >= len(alpha)

    def _past_context(self, words: list[str], i: int) -> bool:
        """Is the sentence told in the past ('Mijn oma vertelde dat er vroeger ...'): a past-tense verb or a
        time word of the past elsewhere in it?"""
        start, end = clause_span(words, i)
        if any(x in PRESENT_WORDS for x in words[max(0, start - 1):end + 1]):
            return False  # 'sindsdien gebeurt er minder', 'sinds vorige maand verandert ...'
        for j in range(start, end + 1):
            x = words[j]
            if j == i:
                continue
            if x in PAST_WORDS or x in STRONG_PAST and x not in ("was", "waren", "had", "hadden"):
                return True
            fam = self.forms.family(x) if x.isalpha() and len(x) > 4 and x.endswith(("de", "te")) else None
            if fam is not None and fam.labels_of(x) == ["VERL"]:
                return True
        return False

    def _english_verb(self, v, words: list[str]) -> bool:
        """Is the English word at ``v.index`` used as a Dutch verb ('het programma update zichzelf')? Only
        when a pronoun or a noun phrase that opens the clause is right before it, and no noun follows."""
        if v.kind == "invalid":
            return False
        i, lex, known = v.index, self.forms.lex, self.forms.known
        nxt = words[i + 1] if i + 1 < len(words) else ""
        prev = words[i - 1] if i else ""
        if nxt in lex.nouns or _plural(nxt, lex, self.model.tagdict) or (
                nxt.isalpha() and self.verbs.english(nxt) and nxt not in DETS and nxt not in self.model.tagdict):
            return False  # 'een word document', 'de start date en ...'
        if prev.isalpha() and (not known(prev) or (self.verbs.english(prev) and prev not in self.model.tagdict)):
            return False  # 'delete queue', 'cooldrops fix': an English compound
        if i >= 2 and words[i - 2] in DETS and prev.isalpha() and self.verbs.english(prev):
            return False  # 'de start date het jaar': an English compound after an article, not a verb
        if prev in ("hij", "zij", "ze", "het", "men", "ik", "je", "jij", "u", "die", "dat"):
            return True
        if nxt in DETS or nxt in ("het", "er", "hij", "zij", "ze", "u", "je", "jij", "ik"):
            return True  # 'Op vrijdag word het weekverslag ...': the subject follows
        start, _ = clause_span(words, i)
        return i - start == 2 and words[start] in DETS and prev in lex.nouns

    def _skip(self, i: int, words: list[str]) -> bool:
        return rejected(i, words, self.forms.lex, self.model.tagdict)

    def patterns(self, words: list[str]) -> list[Verdict]:
        """Shapes the treebank (news, encyclopedia) hardly shows but reports do, checked by rule:
        'Vind je leidinggevende ...?' (je = your: stem + t), 'Ik lees ... en beantwoord ...' (ik shared through
        'en'), 'Word niet boos.' (a command), 'De manier waarop ..., bepaald ...' (the verb after a relative
        clause), 'Vergeet ... en stuurt ...' (a command shared through 'en') and 'de gevraagde en verwachte
        cijfers' (inflected participle)."""
        out = []
        lex, tagdict = self.forms.lex, self.model.tagdict
        n = len(words)
        first_relative = next((k for k, x in enumerate(words) if x in RELATIVES), n)
        for i, w in enumerate(words):
            fam = self.forms.family(w) if w[:1].isalpha() else None
            if fam is None or w in FIXED or w in FUNCTION_WORDS or tagdict.get(w, "WW")[:3].rstrip("|") in CLOSED:
                continue  # 'maar', 'welk', 'sterk': the treebank never saw them as a verb
            labels = fam.labels_of(w)
            nxt = words[i + 1] if i + 1 < n else ""
            prev = words[i - 1] if i else ""
            if not (i == 0 or nxt in ("ik", "je", "jouw", "uw") or prev in ("ik", "en", "maar", "of", ",")
                    or "VERL" in labels or (i > 2 and first_relative < i)):
                continue  # none of the shapes below can hold (saves the clause search)
            after = words[i + 2] if i + 2 < n else ""
            start, _ = clause_span(words, i)
            opener = words[start - 1] if start > 0 else "<s>"
            if "T" in labels and fam.forms.get("EV") not in (None, w) and (
                    nxt == "ik" or (prev == "ik" and i == start + 1)) and (i + 2 >= n or words[i + 2] not in ("en",)) \
                    and not (nxt in AUX and "VD" in labels):  # 'dat ik ontdekt heb': a participle
                out.append(Verdict(i, "EV", fam.forms["EV"], 99.0, "valid", fam.forms))  # 'werkt ik', 'ik werkt'
            elif ("EV" in labels or "VD" in labels) and "T" in fam.forms and fam.forms["T"] != w and nxt == "je" \
                    and i == start \
                    and opener in ("<s>", ":", "(", "hoe", "wat", "waarom", "wanneer", "waar", "welke", "sinds") \
                    and words[-1] == "?" and after not in POST_JE \
                    and self._possessed(after) and (_after_subject_np(words, i + 3, lex) or (
                        after.endswith(OWNED) and fam.forms["EV"] not in ("word", "ben", "blijf", "lijk", "heet")) or (
                        # 'Word je begeleider op de hoogte gehouden?': a passive, so the person is its subject
                        after.endswith(OWNED) and fam.forms["EV"] == "word" and len(words) > i + 4
                        and (words[-2] in lex.participles or _participle_like(words[-2], lex)))):
                out.append(Verdict(i, "T", fam.forms["T"], 99.0, "valid", fam.forms))
            elif "T" in labels and fam.forms.get("EV") not in (None, w) and i == start and opener in ("en", "maar", "of") \
                    and words[0] == "ik" and nxt not in ("hij", "zij", "u", "men", "je", "jij") and not any(
                        x in PRONOUN_SUBJECTS - {"ik"} or x in SUBORD or x in HARD_BREAK for x in words[1:start]):
                out.append(Verdict(i, "EV", fam.forms["EV"], 99.0, "valid", fam.forms))
            elif "T" in labels and fam.forms.get("EV") not in (None, w) and i == 0 and nxt in ("niet", "nooit") \
                    and words[-1] in (".", "!") and not any(
                        x in PRONOUN_SUBJECTS or x in DETS or x in lex.participles or x in AUX
                        or (x.startswith("ge") and x.endswith(("d", "t", "en"))) for x in words[1:]):
                out.append(Verdict(i, "EV", fam.forms["EV"], 99.0, "valid", fam.forms))
            elif ("EV" in labels or "VD" in labels) and fam.forms.get("T") not in (None, w) and nxt in ("jouw", "uw") \
                    and (i == 0 or words[i - 1] in HARD_BREAK or i == start) and after.isalpha() \
                    and after not in POST_JE:
                out.append(Verdict(i, "T", fam.forms["T"], 99.0, "valid", fam.forms))  # 'Vind jouw mentor ...?'
            elif ("EV" in labels or "VD" in labels) and fam.forms.get("T") not in (None, w) and i > 2 \
                    and words[-1] in (".", "!") and (words[i - 1] == "," or first_relative < i) \
                    and self._after_relative(words, i):
                out.append(Verdict(i, "T", fam.forms["T"], 99.0, "valid", fam.forms))  # 'De manier waarop ..., bepaald'
            elif "T" in labels and fam.forms.get("EV") not in (None, w) and i == start and opener == "en" \
                    and words[-1] in (".", "!") and nxt not in ("u", "hij", "zij", "men", "je", "jij", "ik") \
                    and self._imperative_start(words, start):
                out.append(Verdict(i, "EV", fam.forms["EV"], 99.0, "valid", fam.forms))  # 'Vergeet ... en stuurt'
            elif "T" in labels and fam.forms.get("EV") not in (None, w) and i == 0 and words[-1] in (".", "!") \
                    and nxt not in SUBJ_PRONOUNS and nxt not in THIRD and nxt not in DETS and nxt.isalpha() \
                    and any(x in ("je", "jij", "jouw", "jullie") for x in words[2:]) \
                    and not any(x in PRONOUN_SUBJECTS - {"je", "jij", "jullie", "dat", "die", "wat", "het", "er"}
                                for x in words[1:]) and self._imperative_start(
                        [fam.forms["EV"]] + words[1:], next((k for k in range(1, n) if words[k] in SUBORD
                                                             or words[k] in HARD_BREAK), n) + 1, True):
                out.append(Verdict(i, "EV", fam.forms["EV"], 99.0, "valid", fam.forms))  # 'Zorgt ervoor dat je ...'
            elif ("EV" in labels or "VD" in labels) and fam.forms.get("T") not in (None, w) and i == start \
                    and opener == "en" and words[-1] in (".", "!") and (nxt not in SUBJ_PRONOUNS or nxt in ("ze", "het")) \
                    and not (w in lex.nouns and nxt not in POST_VERB_WORDS and nxt not in DETS and not (
                        nxt.endswith("e") and (nxt[:-1] in lex.adjectives or nxt[:-2] in lex.verbs))) \
                    and not (w in MASS_NOUNS and nxt in PREPOSITION_LIKE and (
                        words[i - 2] in lex.nouns or tagdict.get(words[i - 2], "").startswith("N"))) \
                    and self._shared_subject(words, start, "VD" in labels):
                out.append(Verdict(i, "T", fam.forms["T"], 99.0, "valid", fam.forms))  # 'Lisa beheert ... en antwoord'
            elif "VERL" in labels and "VDE" in fam.forms and fam.forms["VDE"] != w and (
                    nxt in lex.nouns or _plural(nxt, lex, tagdict)) and (
                    words[i - 1] in DETS - {"die", "dat"} or (words[i - 1] == "en" and i > 1 and words[i - 2].endswith("e")
                                                             and words[i - 2] not in PRONOUN_SUBJECTS)):
                out.append(Verdict(i, "VDE", fam.forms["VDE"], 99.0, "valid", fam.forms))
        return out

    def _after_relative(self, words: list[str], i: int) -> bool:
        """'De manier waarop het team met feedback omgaat, bepaald het succes ...': the verb right after the
        relative clause of a singular subject, with no auxiliary or other finite verb after it."""
        lex, tagdict = self.forms.lex, self.model.tagdict
        rel = _relative_subject(words, i, lex, tagdict)
        if not isinstance(rel, list) or self.forms.family(words[i - 1] if words[i - 1] != "," else words[i - 2]) \
                is not None and words[i - 1] != ",":
            return False
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if nxt in END_MARKS or nxt in ("ik", "jij", "je", "we", "wij", "jullie", "zij", "ze", "door"):
            return False
        for x in words[i + 1:]:
            if x in HARD_BREAK or x in SUBORD or x in MORE_SUBORD:
                break
            if x in AUX or x in MODALS or x in STRONG_PAST or tagdict.get(x, "").startswith("WW|pv"):
                return False
        return True

    def _shared_subject(self, words: list[str], start: int, participle: bool):
        """'Lisa beheert de sociale media en antwoord ...', 'Een goede stagiair stelt vragen, neemt initiatief en
        leer ...': a singular subject opens the sentence, its verb (stem + t) follows, and the verb after 'en'
        shares it. A written participle needs no auxiliary anywhere before ('heeft ... gemaakt en verstuurd')."""
        lex, tagdict = self.forms.lex, self.model.tagdict
        b = 0
        for k in range(start):
            if words[k] in (":", ";"):
                b = k + 1
        if b + 2 >= start:
            return False
        if words[b] in ("hij", "zij", "men"):
            k = b + 1
        elif words[b] in DETS - {"die", "dat"} or (words[b].isalpha() and words[b] not in tagdict
                                                   and words[b] not in lex.verbs):
            k = b + 1
            while k < start and k < b + 5 and _np_word(words[k], lex, tagdict) and not self._finite_t(words[k]):
                k += 1
            if words[b] in DETS and (k == b + 1 or _plural(words[k - 1], lex, tagdict)):
                return False
        else:
            return False
        if k >= start or not self._finite_t(words[k]):
            return False
        if participle and any(x in AUX for x in words[b:start]):
            return False
        if any(x in SUBJ_PRONOUNS or x in SUBORD or x in MORE_SUBORD or x in (";", ":", "(", ")", "-")
               or x in ("maar", "want", "of", "dus", "en") for x in words[k + 1:start - 1]):
            return False
        return words[b:k]  # the shared subject ('lisa', 'een goede stagiair')

    def _finite_t(self, x: str) -> bool:
        """A finite singular present form: stem + t, or a singular auxiliary/modal ('heeft', 'is', 'kan')."""
        if x in ("heeft", "is", "wordt", "kan", "moet", "wil", "zal", "mag", "gaat", "staat", "doet", "komt",
                 "ziet", "slaat", "blijft", "krijgt", "neemt", "geeft", "zet"):
            return True
        fam = self.forms.family(x) if x.isalpha() else None
        return fam is not None and fam.labels_of(x) == ["T"]

    def _imperative_start(self, words: list[str], start: int, written_verb: bool = False) -> bool:
        """Does the sentence open with a command ('Vergeet niet om ... en stuurt ...')? A bare stem first, no
        subject after it, and no subject pronoun before the coordinated verb at ``start``."""
        lex, tagdict = self.forms.lex, self.model.tagdict
        first = words[0]
        noun_like = (first in lex.nouns or first in lex.adjectives) and not written_verb
        if noun_like and words[1] not in COMMAND_NEXT:
            return False
        if len(words) < 3 or first in FIXED or first in AUX or not (
                first in lex.verbs or tagdict.get(first + "en", "").startswith("WW")
                or (first not in tagdict and first not in lex.adjectives and any(
                    self.forms.known(x + "en") for x in (first, _open_syllable(first), first + first[-1])))):
            return False
        fam = self.forms.family(first)
        if fam is not None and "EV" not in fam.labels_of(first):
            return False
        if not (written_verb or noun_like or tagdict.get(first, "WW|pv").startswith("WW|pv")) \
                or (words[1] in SUBJ_PRONOUNS and words[1] not in ("het", "ze")) or words[1] in ("er", "men"):
            return False
        return not any(x in ("ik", "hij", "zij", "we", "wij", "u", "men", "jullie", "ze") or x in SUBORD
                       or x in HARD_BREAK or tagdict.get(x, "").startswith("WW|pv") or x in AUX or x in MODALS
                       or (self.forms.family(x) is not None and "T" in self.forms.family(x).labels_of(x))
                       for x in words[1:start - 1])  # 'Hybrid filtering gebruikt ... en geeft': a finite verb

    def _possessed(self, x: str) -> bool:
        """After 'je': a noun (or an inflected adjective) that makes 'je' mean 'your' ('je leidinggevende')."""
        lex, tagdict = self.forms.lex, self.model.tagdict
        if x in POST_JE or not x.isalpha():
            return False
        if x.endswith(OWNED) and (x in lex.nouns or self.verbs.is_noun_head(x)):
            return True  # 'je bedrijf', 'je stagebegeleider' (also a verb stem: bedrijven)
        if self.forms.family(x) is not None:
            return False
        cls = tagdict.get(x)
        if cls is not None and not cls.startswith(("N", "ADJ")):
            return False
        return (x in lex.nouns or _plural(x, lex, tagdict) or self.verbs.is_noun_head(x)
                or (x.endswith("e") and len(x) > 4 and (x[:-1] in lex.adjectives or x.endswith("nde"))))

    # -- messages --------------------------------------------------------------------------------------
    def _issue(self, tok: Token, v, words: list[str], sentence: list[Token], subj: str | None = None) -> Issue:
        fix = _case(tok.text, v.fix)
        wrong = tok.text
        i = v.index
        if v.label in ("T", "EV"):
            subj = subj or _name_before(words, sentence, i, self.forms.lex, self.model.tagdict) or _as_written(self.subject(words, i), words, sentence) \
                or _name_after(words, sentence, i)
            if v.label == "T":
                if subj:
                    msg = f"'{wrong}' hoort bij '{subj}': schrijf '{fix}' (stam + t)."
                else:
                    msg = f"'{wrong}' is hier de persoonsvorm bij een onderwerp in het enkelvoud: schrijf '{fix}'."
                why = ("Bij hij, zij, het, u, een naam of een zelfstandig naamwoord in het enkelvoud is de "
                       f"persoonsvorm stam + t, ook als het onderwerp achter het werkwoord staat: {v.fix}.")
            else:
                after = words[i + 1] if i + 1 < len(words) else ""
                if subj == COMMAND:
                    subj = None
                if subj == "ik":
                    msg = f"Na 'ik' geen t: schrijf '{fix}'."
                    why = f"Bij 'ik' is de persoonsvorm alleen de stam: ik {v.fix}."
                elif subj in ("jij", "je") and after == subj:
                    msg = f"Schrijf '{fix} {subj}': staat '{subj}' ná het werkwoord, dan valt de t weg."
                    why = f"Jij/je achter de persoonsvorm: alleen de stam ({v.fix} {subj})."
                elif subj:
                    msg = f"'{wrong}' hoort bij '{subj}': schrijf '{fix}' (alleen de stam)."
                    why = f"Bij '{subj}' is de persoonsvorm hier alleen de stam: {v.fix}."
                else:
                    msg = f"'{wrong}' is hier een gebiedende wijs: schrijf '{fix}' (alleen de stam)."
                    why = f"Een bevel of raad ('{v.fix} ...!') is alleen de stam, zonder t."
        elif v.label == "VD":
            aux = self._aux(words, i)
            if aux:
                msg = f"'{wrong}' is hier een voltooid deelwoord (bij '{aux}'): schrijf '{fix}'."
            else:
                msg = f"'{wrong}' is hier een voltooid deelwoord: schrijf '{fix}'."
            why = (f"Een voltooid deelwoord eindigt op d of t volgens 't kofschip (hoor je 'ge-...' of "
                   f"'be-/ver-/ont-...' met hebben, zijn of worden): {v.fix}.")
        elif v.label == "VERL":
            end = "de" if v.fix.endswith("de") else "te"
            msg = f"'{wrong}' is hier de verleden tijd: schrijf '{fix}'."
            why = f"Verleden tijd van een zwak werkwoord: stam + {end} ('t kofschip): {v.fix}."
        else:  # VDE
            msg = f"'{wrong}' is hier een voltooid deelwoord als bijvoeglijk naamwoord: schrijf '{fix}'."
            why = (f"Vóór een zelfstandig naamwoord staat het voltooid deelwoord met een -e, niet de verleden "
                   f"tijd: {v.fix}.")
        return Issue("dt", msg, tok.start, tok.end, [fix], why)

    @staticmethod
    def _aux(words: list[str], i: int) -> str | None:
        best = None
        for j, w in enumerate(words):
            if j != i and w in AUX and (best is None or abs(j - i) < abs(best - i)):
                best = j
        return words[best] if best is not None else None

    def subject(self, words: list[str], i: int) -> str | None:
        """The subject of the finite verb at ``i``, as written (lower case), or None when unclear."""
        n = len(words)
        after = words[i + 1] if i + 1 < n else ""
        before = words[i - 1] if i else ""
        start, _ = clause_span(words, i)
        if before in PRONOUN_SUBJECTS and before not in ("het", "er", "dat", "die") and i - 1 == start:
            return before
        lex, tagdict = self.forms.lex, self.model.tagdict
        rel = _relative_subject(words, i, lex, tagdict)
        if isinstance(rel, list):
            return " ".join(rel)  # 'de server (die in de kelder staat) draai', 'mijn mentor, mevrouw X, bezoek'
        if i > start and words[start] in DETS and words[start + 1:start + 2] != ["week"]:
            np = self._np_from(words, start)
            if np and len(np.split()) == i - start and np.split()[-1] not in TIME_NOUNS:
                return np  # 'mijn stagementor vind', 'de dienst it besteed'
            if np and words[start + len(np.split())] in PP_WORDS and all(
                    x in DETS or x in PP_WORDS or x.isdigit() or _np_word(x, lex, tagdict)
                    for x in words[start + len(np.split()):i]) \
                    and not any(_verb_like(x, lex, tagdict) for x in words[start:i]):
                return " ".join(words[start:i])  # 'het spinsel om de pop word'
        if i > start and words[start] in PRONOUN_SUBJECTS and i - 1 == start:
            return words[start]
        if 0 < i - start <= 3 and all(x[:1].isalpha() and tagdict.get(x, "SPEC") == "SPEC" and x not in lex.nouns
                                      and x not in lex.adjectives and x not in lex.verbs for x in words[start:i]):
            return " ".join(words[start:i])  # a name opens the clause: 'Els Maes bespreek de planning'
        if after in SUBJ_PRONOUNS or after in DETS:  # inversion: 'Op vrijdag word het weekverslag ...'
            if after in DETS and after not in ("die", "dat"):
                np = self._np_from(words, i + 1)
                if np:
                    return np
            if after == "je" and i + 2 < n and self._possessed(words[i + 2]):
                return "je " + words[i + 2]
            if after in SUBJ_PRONOUNS:
                return after
        np = self._np_before(words, i)
        if np:
            return np
        if before == ",":  # 'De collega die mij ... heeft opgevangen, vind dat ...': the sentence opens with it
            np = self._np_from(words, 0)
            if np:
                return np
        return None

    def _fronted(self, words: list[str], i: int) -> bool:
        """Is the verb at ``i`` the second element of a main clause (something before it, not a subject)?"""
        start = i
        while start > 0 and words[start - 1] not in CLAUSE_BREAK:
            start -= 1
        return i > start and words[start] not in SUBORD and words[start] not in PRONOUN_SUBJECTS

    def _np_before(self, words: list[str], i: int) -> str | None:
        """'de dienstverlener vindt': the noun phrase that ends right before ``i`` and starts with a determiner."""
        j = i - 1
        if j < 0 or not words[j][:1].isalpha():
            return None
        if not (self.verbs.is_noun_head(words[j]) or words[j] not in self.forms.lex.verbs):
            return None
        k = j
        while k >= 0 and k >= i - 5:
            if words[k] in DETS:
                return " ".join(words[k:i])
            if not words[k][:1].isalpha() or words[k] in ("en", "of", "maar") or (
                    k < j and _verb_like(words[k], self.forms.lex, self.model.tagdict)):
                return None  # 'de kelder staat', 'de sociale media en': no noun phrase
            k -= 1
        return None

    def _np_from(self, words: list[str], start: int) -> str | None:
        if start >= len(words) or words[start] not in DETS:
            return None
        for j in range(start + 1, min(start + 5, len(words))):
            if self.verbs.is_noun_head(words[j]):
                if words[j] in UNIT_NOUNS and j + 1 < len(words) and words[j + 1] in self.forms.lex.nouns:
                    j += 1  # 'de dienst onderhoud': the department's name belongs to it
                return " ".join(words[start:j + 1])
            if not self.verbs.np_start(words[j]):
                return None
        return None
