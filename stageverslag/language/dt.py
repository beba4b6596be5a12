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

import copy

from .clauses import Clause, split_clauses
from .dtwords import (AFTER_SUBJECT_JE, OWNED, COORDINATORS, DEGREE, DETERMINERS, DET_LIKE, FRONT,
    FRONT_PREPOSITIONS, FUNCTION_WORDS, MODALS, NOT_PAST, NO_DATIVE, NP_DETERMINERS, PERFECT_AUX, POST_VERB,
    PP_PREPOSITIONS, QUANTIFIERS, SEPARABLE, STRONG_PAST, SUBJ_PRONOUNS, SUBJ_T, SUBORDINATORS, TIME_NOUNS)
from .issues import Issue
from .tokens import Token
from .verbs import Verbs


class DtChecker(Verbs):
    """The dt rules (R1-R5) over the clauses of each sentence."""

    def __init__(self, lexicon, known, english=None, model=True):
        super().__init__(lexicon, known, english)
        self.names: set[str] = set()
        self._clauses: list[Clause] = []
        self.use_model = model
        self._slots = None

    @property
    def slots(self):
        """The trained slot model (loaded on first use, shared by every call)."""
        if self._slots is None:
            from .dtmodel import SlotChecker, get_model
            from .tagger import Forms
            self._slots = SlotChecker(Forms(self.lex, self.known), get_model(), self)
        return self._slots

    def check(self, sentences: list[list[Token]], names: set[str] | None = None) -> list[Issue]:
        """The dt issues in ``sentences``. Safe to call from several threads: the per-call state (names,
        clauses) lives on a shallow copy made for this call; the lexicon and the model are shared."""
        call = copy.copy(self)
        call.names = names or set()
        call._clauses = []
        slots = self.slots if self.use_model else None
        return call._check(sentences, slots)

    def _check(self, sentences: list[list[Token]], slots) -> list[Issue]:
        issues: list[Issue] = []
        for sentence in sentences:
            seen: set[int] = set()
            clauses = split_clauses(sentence)
            self._clauses = clauses
            aux_before = False
            for clause in clauses:
                for issue in self._clause(clause, clauses, aux_before):
                    if issue.start not in seen:
                        if slots is not None:
                            issue = self._in_the_past(issue, sentence, slots)
                        seen.add(issue.start)
                        issues.append(issue)
                lows = [t.lower for t in clause.words]
                if any(self.is_aux(lows, i) for i in range(len(lows))):
                    aux_before = True
            if slots is not None:
                for issue in slots.issues(sentence):
                    if issue.start not in seen and not self._name_like(sentence, issue.start):
                        seen.add(issue.start)
                        issues.append(issue)
            for tok in sentence:
                if tok.is_word and tok.start not in seen:
                    issue = self._nonword(tok)
                    if issue:
                        seen.add(tok.start)
                        issues.append(issue)
        return issues

    def _in_the_past(self, issue: Issue, sentence: list[Token], slots) -> Issue:
        """'Vorige week gebeurd er iets vreemds': a participle in the finite slot of a sentence told in the past
        is the past tense (gebeurde), not the present (gebeurt)."""
        words = [t.lower for t in sentence if t.kind != "break"]
        toks = [t for t in sentence if t.kind != "break"]
        k = next((n for n, t in enumerate(toks) if t.start == issue.start), None)
        if k is None or not issue.suggestions:
            return issue
        w, fix = words[k], issue.suggestions[0].lower()
        if not (w.endswith("d") and fix == w[:-1] + "t" and w in self.lex.participles) \
                or not slots._past_context(words, k):
            return issue
        past = slots.forms.past_of(w[:-1])
        if not past:
            return issue
        past = _case(toks[k].text, past)
        return _issue(toks[k], past, f"'{toks[k].text}' is hier de verleden tijd: schrijf '{past}'.",
                      f"De zin speelt zich af in het verleden; verleden tijd van een zwak werkwoord: stam + "
                      f"{past[-2:]} ('t kofschip): {past.lower()}.")

    def _name_like(self, sentence: list[Token], start: int) -> bool:
        """A word that is a name in this document ('De Wilde', 'Gebruik' as a heading word) is left alone."""
        for k, tok in enumerate(sentence):
            if tok.start == start:
                nxt = sentence[k + 1] if k + 1 < len(sentence) else None
                return tok.text in self.names or (nxt is not None and nxt.text in self.names
                                                  and tok.text[:1].isupper())
        return False

    def _clause(self, clause: Clause, clauses: list[Clause], aux_before: bool):
        words = clause.words
        low = [t.lower for t in words]
        if not words:
            return
        aux_in_clause = any(self.is_aux(low, i) for i in range(len(low)))
        for k, tok in enumerate(words):
            if tok.text[:1].isupper() and not tok.sentence_start and not (k == 0 and clause.start_punct in (":", "(")):
                continue  # a capital inside the sentence: a name ('Microsoft Word gebruik ik'), as for the model
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
        if nxt in PERFECT_AUX and self.is_participle(w):
            return None  # 'dat ik ontdekt heb': a participle before its auxiliary
        if nxt == "door" and w in self.lex.participles:
            return None  # '(een tijdschrift geleid door ...)': a participle with its agent
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
        if fin and aux_before and clause.after_comma and nxt is None:
            return None  # 'De knie is ingescheurd, het kraakbeen beschadigd.': the auxiliary is shared
        if fin and not aux_in_clause and not coordinated and nxt != "door" and not (
                nxt and self.is_noun(nxt) and nxt not in QUANTIFIERS):
            if any(self.finite_like(x) for i, x in enumerate(low) if i != k):
                return None
            return _issue(tok, _case(tok.text, fin),
                          f"'{tok.text}' is hier de persoonsvorm (tegenwoordige tijd): schrijf '{fin}'.",
                          f"Er staat geen hebben, zijn of worden bij, dus dit is geen voltooid deelwoord: "
                          f"{subj} {fin} (stam + t).")
        return None

    def _past_in_finite_slot(self, w: str, subj: str, nxt: str | None) -> str | None:
        """'Zij beantwoorde', 'het congres starte', 'de vergadering duurte': a wrong weak past tense."""
        past = self._weak_past_fix(w, subj, nxt)
        if past and self.english and self.english(w):
            return None  # "Random state" (the English dictionary is asked only when it can change a finding)
        return past

    def _weak_past_fix(self, w: str, subj: str, nxt: str | None) -> str | None:
        lex = self.lex
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
        if names[0].lower in NP_DETERMINERS or names[0].lower in ("van", "der", "den", "ter", "ten"):
            return None  # 'De vermelde bedragen' in a report about 'De Wilde': an article, not a name
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
            # a colon or an opening parenthesis starts a sentence-like unit: "Tip: houd het kort", "(houd dit kort)"
            fresh = clause.sentence_start or clause.start_punct in (":", "(")
            sentence_initial = fresh and not clause.after_comma
            # the sentence's question mark does not reach inside parentheses: "... takenpakket (houd dit kort)?"
            imperative_possible = sentence_initial and not (clause.question and clause.end_punct != ")")
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
        if nxt == "u":
            why = "Bij 'u' krijgt de stam altijd een t, ook na het werkwoord"
        elif pronoun:
            why = f"Bij '{nxt}' krijgt de stam een t, ook als het onderwerp na het werkwoord staat"
        elif there:
            why = ("Het onderwerp volgt hier pas na het werkwoord en 'er', en het is geen 'ik' of 'je'; dan "
                   "krijgt de stam een t")
        else:
            why = ("Het onderwerp volgt hier na het werkwoord en het is geen 'ik' of 'je'; dan krijgt de stam "
                   "een t")
        return _issue(tok, _case(tok.text, fix), f"Schrijf '{fix}': de stam krijgt hier een t.", f"{why}: {fix}.")

    def _possessive_follows(self, w: str) -> bool:
        """After 'je': does ``w`` make 'je' a possessive ('je verslag', 'je eigen', 'je nieuwe')?"""
        lex = self.lex
        if w in lex.nouns or w in ("eigen", "eerste", "tweede", "laatste", "volgende", "vorige") or w.endswith(OWNED):
            return True  # also a person the dictionary lists under another class ('je leidinggevende')
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
        if tok.text[0].isupper() and not tok.sentence_start:
            return None  # a name
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
                if w.endswith(suf) and stem.endswith("t") and stem in lex.past_te and stem not in lex.past_de:
                    fix = stem + "t" + suf  # 'teste' -> 'testte'
                    why = f"Verleden tijd: stam '{stem}' + te, dus twee keer t: {fix}."
                    break
        if not fix and w.endswith("e") and len(w) > 7:
            for k in range(len(w) - 6, len(w) - 3):
                cand = w[:k] + w[k + 1:]
                if w[k] == w[k + 1] and w[k] not in "aeiou" and self.is_participle(cand[:-1]) and self.known(cand):
                    fix = cand  # 'aangepasste' -> 'aangepaste': the inflected participle keeps one s
                    why = f"Voltooid deelwoord + e (als bijvoeglijk naamwoord): {cand[:-1]} + e = {cand}."
                    break
        if not fix and w.endswith("dt") and w[:-1] in STRONG_PAST:
            fix = w[:-1]  # 'werdt', 'vondt': a strong past tense never takes a t
            why = f"'{fix}' is de verleden tijd van een sterk werkwoord: die krijgt nooit een t erbij."
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
        if self.english and self.english(w):
            return None  # an English word (based, build, told): asked last, only when it changes the finding
        fix = _case(tok.text, fix)
        return _issue(tok, fix, f"'{tok.text}' bestaat niet: schrijf '{fix}'.", why)


def _case(original: str, fix: str) -> str:
    return fix[:1].upper() + fix[1:] if original[:1].isupper() else fix


def _issue(tok: Token, fix: str, message: str, explanation: str) -> Issue:
    """A dt issue: the message names the correction, the explanation the rule behind it."""
    return Issue("dt", message, tok.start, tok.end, [fix], explanation)
