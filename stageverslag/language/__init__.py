"""The Dutch language engine: spelling (Hunspell + OpenTaal), dt-errors, spreektaal and informal style,
optionally merged with a LanguageTool server the user names.

Two entry points:

* :func:`check_text` — fast, text-level, for the part being edited in the TUI: raw Markdown in, a list of
  :class:`Issue` out (offsets into the given text; comments and markup ignored).
* :func:`check_document` — for ``stageverslag check``: a document model in, :class:`LanguageFacts` out
  (each a :class:`Fact`: category, span, suggestion, explanation, where in the document).

The engine knows no rule codes, severities or final messages: the language rules in ``checks/`` turn
facts into findings. Callers say which ``analyses`` to run ("spelling", "dt", "spreektaal", "style",
"language" = only whether the text is English); nothing else is computed.

:func:`get_engine` returns an :class:`Engine`, cached per (word list, names) under a lock; the dictionary
itself is loaded once per process and the dt knowledge only when first needed.
"""

from __future__ import annotations

import threading
from functools import cached_property

from ..paths import templates_dir
from .dictionary import get_dictionary
from .issues import CATEGORIES, Fact, Issue, merge

# The spelling, token and outline modules are imported where they are used: importing this package must stay
# cheap, because ``stageverslag check`` imports it first, to start loading the dictionary in a thread.

__all__ = ["ALL", "Engine", "Fact", "Issue", "LanguageFacts", "check_text", "check_document", "get_engine"]

#: every analysis; "language" (is the text English?) is always done, it costs nothing extra
ALL = frozenset(CATEGORIES) | {"language"}


def _vocabulary() -> list[str]:
    try:
        lines = (templates_dir() / "taal" / "woorden.txt").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def _name_words(names) -> list[str]:
    out = []
    for name in names:
        for part in name.replace("&", " ").replace(",", " ").split():
            part = part.strip(".()'\"")
            if part:
                out.append(part)
                out.extend(p for p in part.split("-") if p)
    return out


def _ORDER(issue: Issue) -> tuple:
    """The order of a paragraph's issues."""
    return issue.start, issue.end, issue.category


class Engine:
    """Everything the checks need, loaded lazily (once, also when threads ask at the same time) and reused
    between calls. What one call finds lives in that call, not here."""

    def __init__(self, wordlist=(), names=(), dictionary=None):
        self._lock = threading.Lock()
        self.dictionary = dictionary or get_dictionary()
        self.wordlist = tuple(wordlist)
        self.names = tuple(names)

    @cached_property
    def speller(self):
        with self._lock:
            if "speller" not in self.__dict__:
                from .spelling import Speller
                self.__dict__["speller"] = Speller(self.dictionary, set(_vocabulary()) | set(self.wordlist)
                                                   | set(_name_words(self.names)))
            return self.__dict__["speller"]

    @property
    def dictionary_label(self) -> str:
        """Which dictionary was used, for a note in the report."""
        return self.dictionary.label

    @cached_property
    def dt(self):
        with self._lock:  # cached_property itself does not lock: build it once
            if "dt" not in self.__dict__:
                from .dt import DtChecker
                self.__dict__["dt"] = DtChecker(self.dictionary.lexicon, self.dictionary.known,
                                                self.dictionary.known_english)
            return self.__dict__["dt"]

    @cached_property
    def colloquial(self):
        with self._lock:
            if "colloquial" not in self.__dict__:
                from .colloquial import Colloquial, load_entries
                self.__dict__["colloquial"] = Colloquial(load_entries(), self.dictionary.lexicon.adjectives)
            return self.__dict__["colloquial"]

    def analyse(self, text: str, *, markdown: bool = True, names: set[str] | None = None,
                deadline: float | None = None, tokens=None, english: bool = False,
                proper: set[str] | None = None, analyses=ALL, masked: str | None = None,
                early: tuple[list[Issue], list[Issue]] | None = None, deferred: list | None = None
                ) -> list[Issue]:
        """Our issues in ``text`` (no LanguageTool) of the categories in ``analyses``, sorted by position.
        ``english``: the text is known to be English (an English report), so only the style checks run.
        ``early``: the spreektaal and style issues of this text, found already (see :meth:`early`).
        ``deferred``: unknown words are noted there instead of becoming issues (see ``Speller.check``).

        Spelling leaves words alone that another check already explains, so it needs the others' issues:
        asking for spelling runs everything. Without spelling, the speller never runs."""
        from .colloquial import style_issues
        from .spelling import capitalised_in, names_in
        from .tokens import looks_english, mask_markup, sentences, tokenize
        wanted = set(analyses) & set(CATEGORIES)
        if not wanted:
            return []
        run = set(CATEGORIES) if "spelling" in wanted else wanted
        masked = masked if masked is not None else mask_markup(text, markdown)  # given: the caller masked it
        tokens = tokens if tokens is not None else tokenize(text, masked, markdown)
        sents = sentences(tokens)
        if english or looks_english(tokens):
            if "style" not in wanted:
                return []
            style = early[1] if early is not None else style_issues(text, masked, sents)
            return sorted(style, key=_ORDER)
        issues: list[Issue] = []
        if "dt" in run:
            if names is None:
                names = names_in(tokens, self.speller)
            if proper is None:
                proper = capitalised_in(tokens)
            issues += self.dt.check(sents, names | proper | set(_name_words(self.names)))
        if "spreektaal" in run:
            issues += early[0] if early is not None else self.colloquial.check(sents)
        if "style" in run:
            issues += early[1] if early is not None else style_issues(text, masked, sents)
        if "spelling" in run:
            if names is None:
                names = names_in(tokens, self.speller)
            taken = {t.start for t in tokens if any(i.start <= t.start < i.end for i in issues
                                                     if i.category != "style" or i.end - i.start < 20)}
            issues += self.speller.check(tokens, names, taken, deadline, deferred)
        return sorted((i for i in issues if i.category in wanted), key=_ORDER)

    def early(self, text: str, masked: str, tokens, analyses=ALL) -> tuple[list[Issue], list[Issue]]:
        """The spreektaal and style issues :meth:`analyse` would find in ``text`` (they need the word classes,
        hardly Hunspell): found first, while Hunspell may still be loading."""
        from .colloquial import style_issues
        from .tokens import looks_english, sentences
        wanted = set(analyses) & set(CATEGORIES)
        run = set(CATEGORIES) if "spelling" in wanted else wanted
        sents = sentences(tokens)
        spoken = self.colloquial.check(sents) if "spreektaal" in run and not looks_english(tokens) else []
        return spoken, (style_issues(text, masked, sents) if "style" in run else [])


_ENGINES: dict[tuple, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(project=None) -> Engine:
    """The engine for ``project`` (its word list and names), or a plain one; cached (one per key, also when
    several threads ask at once)."""
    wordlist, names = (), ()
    if project is not None:
        wordlist = tuple(sorted(project.wordlist()))
        names = tuple(sorted(project.config.names()))
    with _ENGINES_LOCK:
        dictionary = get_dictionary()  # a new one (another cache folder, a test) means new engines too
        key = (wordlist, names, id(dictionary))
        if key not in _ENGINES:
            _ENGINES[key] = Engine(wordlist, names, dictionary)
        return _ENGINES[key]


def check_text(text: str, *, engine: Engine | None = None, languagetool: str | None = None) -> list[Issue]:
    """Issues in raw Markdown ``text`` (offsets into ``text``)."""
    from .spelling import deadline_from_now
    from .tokens import mask_markup
    engine = engine or get_engine()
    issues = engine.analyse(text, markdown=True, deadline=deadline_from_now())
    if languagetool:
        from .languagetool import check_texts
        issues = merge(issues, check_texts(languagetool, [mask_markup(text)])[0])
    return issues


def _skip_paragraph(p) -> bool:
    style = (p.style_name or p.style_id or "").lower()
    return style.startswith("toc") or style.startswith("inhopg") or style.startswith("inhoudsopgave")


def _part_of(outline, paragraph, position: int) -> str | None:
    if paragraph.part_hint:
        return paragraph.part_hint
    fn = getattr(outline, "part_of", None)
    if callable(fn):
        try:
            return fn(position)
        except Exception:  # noqa: BLE001 - the outline is optional help, never a reason to fail
            return None
    return None


def _toc_positions(outline) -> range:
    toc = getattr(outline, "toc", None)
    start, end = getattr(toc, "start", None), getattr(toc, "end", None)
    if isinstance(start, int) and isinstance(end, int):
        return range(start + 1 if getattr(toc, "title", None) == start else start, end)
    return range(0)


class LanguageFacts(list):
    """The facts of :func:`check_document` (a list of :class:`Fact`), with ``notes`` (Dutch) for the report:
    which dictionary was used, and whether LanguageTool was used or could not be reached."""

    def __init__(self, *args):
        super().__init__(*args)
        self.notes: list[str] = []
        #: the report as a whole is written in English (the Dutch checks were skipped)
        self.english = False

    def of(self, category: str) -> list[Fact]:
        return [f for f in self if f.category == category]


def check_document(doc, project=None, languagetool=None, outline=None, *,
                   suggestion_budget: int | None = None, analyses=ALL) -> LanguageFacts:
    """Language facts (categories spelling, dt, spreektaal, style) for a document model, only for the
    ``analyses`` asked for. ``suggestion_budget``: dictionary look-ups of spelling-suggestion work allowed for
    the whole document (a count, not seconds: the same file gets the same suggestions on any machine)."""
    from .issues import SUGGESTION_BUDGET
    from .prose import not_prose
    suggestion_budget = SUGGESTION_BUDGET if suggestion_budget is None else suggestion_budget
    analyses = frozenset(analyses)
    engine = get_engine(project)
    if languagetool is None and project is not None:
        languagetool = getattr(project.config, "languagetool", "") or None
    findings = LanguageFacts()
    if "spelling" in analyses:
        findings.notes.append(f"Spellingcontrole met het woordenboek {engine.dictionary_label}.")
    toc = _toc_positions(outline)
    skipped = not_prose(doc.paragraphs, outline)  # reference lists and code
    paragraphs = [(pos, p) for pos, p in enumerate(doc.paragraphs)
                  if p.text.strip() and not _skip_paragraph(p) and pos not in toc and pos not in skipped]
    digest = None
    if not languagetool and _rememberable(engine):  # the same paragraphs as last time: the same facts
        from . import remembered
        digest = remembered.key(engine.dictionary, [(p.text, p.location == "markdown" or doc.source == "markdown")
                                                    for _, p in paragraphs],
                                analyses, suggestion_budget, engine.wordlist, engine.names)
        hit = remembered.load(digest, len(paragraphs))
        if hit is not None:
            findings.english, per_paragraph = hit
            if findings.english:
                findings.notes.append(ENGLISH_NOTE)
            return _placed(findings, paragraphs, per_paragraph, outline)
    from .spelling import capitalised_in, deadline_from_now, names_in, terms_in
    from .tokens import looks_english, mask_markup, tokenize
    prepared = []
    for pos, p in paragraphs:
        markdown = p.location == "markdown" or doc.source == "markdown"
        masked = mask_markup(p.text, markdown)
        prepared.append((pos, p, markdown, masked, tokenize(p.text, masked, markdown)))
    # what needs no Hunspell first (on a first run it is still loading in a thread): the dt model and the
    # spreektaal patterns need only the word classes
    if analyses & {"spelling", "dt"} and getattr(engine.dt, "use_model", False):
        getattr(engine.dt, "slots", None)  # loads the trained model
    if analyses & {"spelling", "spreektaal"}:
        engine.colloquial
    english = looks_english([t for *_, tokens in prepared for t in tokens])
    early = [engine.early(p.text, masked, tokens, analyses) if not english else None
             for pos, p, md, masked, tokens in prepared]
    names: set[str] = set()
    proper: set[str] = set()
    if analyses & {"spelling", "dt"}:  # names matter to these two only
        for *_, tokens in prepared:
            names |= names_in(tokens, engine.speller)
            proper |= capitalised_in(tokens)
    if "spelling" in analyses:  # lower-case product names used throughout the document (plesk, scikit-learn)
        names |= terms_in([tokens for *_, tokens in prepared], engine.speller)
    deadline = deadline_from_now(suggestion_budget)
    findings.english = english
    if english:
        findings.notes.append(ENGLISH_NOTE)
    items = list(zip(prepared, early))

    def analyse(part, budget, deferred=None):
        return [engine.analyse(p.text, markdown=md, names=names, deadline=budget, tokens=tokens, english=english,
                               proper=proper, analyses=analyses, masked=masked, early=e,
                               deferred=None if deferred is None else deferred[k])
                for k, ((pos, p, md, masked, tokens), e) in enumerate(part)]
    per_paragraph = _analyse_on_two_cores(engine, items, analyse, deadline, suggestion_budget)
    if digest is not None:
        remembered.store(digest, english, per_paragraph)
    if languagetool and analyses & set(CATEGORIES):
        from .languagetool import LanguageToolError, check_texts
        try:
            theirs = check_texts(languagetool, [masked for *_, masked, _t in prepared])
        except LanguageToolError as exc:
            findings.notes.append(f"LanguageTool niet gebruikt: {exc}")
        else:
            per_paragraph = [merge(ours, [i for i in other if i.category in analyses])
                             for ours, other in zip(per_paragraph, theirs)]
            findings.notes.append(f"Ook gecontroleerd met LanguageTool op {languagetool}.")
    return _placed(findings, [(pos, p) for pos, p, *_ in prepared], per_paragraph, outline)


def _analyse_on_two_cores(engine, items, analyse, budget, units) -> list:
    """``analyse(items, budget)``, with the second half of ``items`` in a forked process when :mod:`.split`
    allows it; the same result either way (see there)."""
    from . import split
    from .spelling import WorkBudget
    at = split.cut([len(tokens) for (*_, tokens), _e in items])
    if at is None:
        split.record("one process")
        return analyse(items, budget)

    def second_half():  # in the child
        engine.dictionary.take_learned()  # what the parent had learned is the parent's: send only what is new
        deferred = [[] for _ in items[at:]]
        # its own budget is the whole one: never less than the parent will have left at the same word, so
        # every search the parent may pay for is run (and remembered) here
        issues = analyse(items[at:], WorkBudget(units), deferred)
        return issues, deferred, engine.dictionary.take_learned()
    child = split.Child(second_half)
    first = analyse(items[:at], budget)
    answer = child.result()
    if answer is None:
        split.record("split, redone here")
        return first + analyse(items[at:], budget)
    issues, deferred, learned = answer
    engine.dictionary.merge_learned(learned)  # the child's searches: the suggestions below are look-ups
    split.record("split")
    # the unknown words of the child's half get their suggestions here, in document order, from the budget the
    # first half left: what one process would have given them
    return first + [sorted(mine + engine.speller.complete(words, budget), key=_ORDER)
                    for mine, words in zip(issues, deferred)]


ENGLISH_NOTE = "Dit verslag is in het Engels geschreven: de Nederlandse taalcontrole is overgeslagen."


def _rememberable(engine) -> bool:
    """Results are remembered across runs only for the real engine on the real dictionary (not for a test's
    stand-in) and only when the cache is not switched off."""
    from ..paths import results_remembered
    from .dictionary import Dictionary
    return results_remembered() and type(engine) is Engine and type(engine.dictionary) is Dictionary


def _placed(findings: LanguageFacts, paragraphs, per_paragraph, outline) -> LanguageFacts:
    """Each paragraph's issues as facts: where they are (paragraph, part, draft file and line)."""
    from ..document.outline import location_of
    for (pos, p), issues in zip(paragraphs, per_paragraph):
        part = _part_of(outline, p, pos)
        for issue in issues:
            line = None
            if p.source_line is not None:
                line = p.source_line + p.text.count("\n", 0, issue.start)
            findings.append(Fact(issue, p.text, part=part, paragraph=p.index, file=p.source_file, line=line,
                                 location=location_of(p)))
    return findings
