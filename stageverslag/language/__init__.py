"""The Dutch language engine: spelling (Hunspell + OpenTaal), dt-errors, spreektaal and informal style,
optionally merged with a LanguageTool server the user names.

Two entry points:

* :func:`check_text` — fast, text-level, for the part being edited in the TUI: raw Markdown in, a list of
  :class:`Issue` out (offsets into the given text; comments and markup ignored).
* :func:`check_document` — for ``stageverslag check``: a document model in, a list of
  :class:`~stageverslag.findings.Finding` out (rules SV501-SV504 pick their own category).

:func:`get_engine` returns an :class:`Engine`, cached per (word list, names); the dictionary itself is
loaded once per process and the dt knowledge only when first needed.
"""

from __future__ import annotations

from functools import cached_property

from ..document.outline import location_of
from ..paths import templates_dir
from .dictionary import get_dictionary
from .issues import CODES, Issue, merge
from .spelling import SUGGESTION_BUDGET, Speller, capitalised_in, deadline_from_now, names_in
from .tokens import looks_english, mask_markup, sentences, tokenize

__all__ = ["Engine", "Issue", "LanguageFindings", "check_text", "check_document", "get_engine"]


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


class Engine:
    """Everything the checks need, loaded lazily and reused between calls."""

    def __init__(self, wordlist=(), names=()):
        self.dictionary = get_dictionary()
        self.wordlist = tuple(wordlist)
        self.names = tuple(names)
        self.speller = Speller(self.dictionary, set(_vocabulary()) | set(self.wordlist) | set(_name_words(names)))

    @property
    def dictionary_label(self) -> str:
        """Which dictionary was used, for a note in the report."""
        return self.dictionary.label

    @cached_property
    def dt(self):
        from .dt import DtChecker
        return DtChecker(self.dictionary.lexicon, self.dictionary.known, self.dictionary.known_english)

    @cached_property
    def colloquial(self):
        from .colloquial import Colloquial, load_entries
        return Colloquial(load_entries(), self.dictionary.lexicon.adjectives)

    def analyse(self, text: str, *, markdown: bool = True, names: set[str] | None = None,
                deadline: float | None = None, tokens=None, english: bool = False,
                proper: set[str] | None = None) -> list[Issue]:
        """All our issues in ``text`` (no LanguageTool), sorted by position. ``english``: the text is
        known to be English (an English report), so only the style checks run."""
        from .colloquial import style_issues
        masked = mask_markup(text, markdown)
        tokens = tokens if tokens is not None else tokenize(text, masked, markdown)
        sents = sentences(tokens)
        if english or looks_english(tokens):
            return sorted(style_issues(text, masked, sents), key=lambda i: (i.start, i.end, i.category))
        if names is None:
            names = names_in(tokens, self.speller)
        if proper is None:
            proper = capitalised_in(tokens)
        issues = self.dt.check(sents, names | proper | set(_name_words(self.names)))
        issues += self.colloquial.check(sents)
        issues += style_issues(text, masked, sents)
        taken = {t.start for t in tokens if any(i.start <= t.start < i.end for i in issues
                                                 if i.category != "style" or i.end - i.start < 20)}
        issues += self.speller.check(tokens, names, taken, deadline)
        return sorted(issues, key=lambda i: (i.start, i.end, i.category))


_ENGINES: dict[tuple, Engine] = {}


def get_engine(project=None) -> Engine:
    """The engine for ``project`` (its word list and names), or a plain one; cached."""
    wordlist, names = (), ()
    if project is not None:
        wordlist = tuple(sorted(project.wordlist()))
        names = tuple(sorted(project.config.names()))
    key = (wordlist, names)
    if key not in _ENGINES:
        _ENGINES[key] = Engine(wordlist, names)
    return _ENGINES[key]


def check_text(text: str, *, engine: Engine | None = None, languagetool: str | None = None) -> list[Issue]:
    """Issues in raw Markdown ``text`` (offsets into ``text``)."""
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


class LanguageFindings(list):
    """The findings of :func:`check_document`, with ``notes`` (Dutch) for the report: which dictionary was
    used, and whether LanguageTool was used or could not be reached."""

    def __init__(self, *args):
        super().__init__(*args)
        self.notes: list[str] = []
        #: the report as a whole is written in English (the Dutch checks were skipped)
        self.english = False


def check_document(doc, project=None, languagetool=None, outline=None, *,
                   suggestion_budget: float = SUGGESTION_BUDGET) -> LanguageFindings:
    """Language findings (categories spelling, dt, spreektaal, style) for a document model.
    ``suggestion_budget``: seconds of spelling-suggestion work allowed for the whole document."""
    from ..findings import Finding
    engine = get_engine(project)
    if languagetool is None and project is not None:
        languagetool = getattr(project.config, "languagetool", "") or None
    findings = LanguageFindings()
    findings.notes.append(f"Spellingcontrole met het woordenboek {engine.dictionary_label}.")
    toc = _toc_positions(outline)
    paragraphs = [(pos, p) for pos, p in enumerate(doc.paragraphs)
                  if p.text.strip() and not _skip_paragraph(p) and pos not in toc]
    prepared = []
    for pos, p in paragraphs:
        markdown = p.location == "markdown" or doc.source == "markdown"
        masked = mask_markup(p.text, markdown)
        prepared.append((pos, p, markdown, masked, tokenize(p.text, masked, markdown)))
    names: set[str] = set()
    proper: set[str] = set()
    for *_, tokens in prepared:
        names |= names_in(tokens, engine.speller)
        proper |= capitalised_in(tokens)
    deadline = deadline_from_now(suggestion_budget)
    english = looks_english([t for *_, tokens in prepared for t in tokens])
    findings.english = english
    if english:
        findings.notes.append("Dit verslag is in het Engels geschreven: de Nederlandse taalcontrole is overgeslagen.")
    per_paragraph = [engine.analyse(p.text, markdown=md, names=names, deadline=deadline, tokens=tokens,
                                    english=english, proper=proper)
                     for pos, p, md, masked, tokens in prepared]
    if languagetool:
        from .languagetool import LanguageToolError, check_texts
        try:
            theirs = check_texts(languagetool, [masked for *_, masked, _t in prepared])
        except LanguageToolError as exc:
            findings.notes.append(f"LanguageTool niet gebruikt: {exc}")
        else:
            per_paragraph = [merge(ours, other) for ours, other in zip(per_paragraph, theirs)]
            findings.notes.append(f"Ook gecontroleerd met LanguageTool op {languagetool}.")
    for (pos, p, *_), issues in zip(prepared, per_paragraph):
        part = _part_of(outline, p, pos)
        for issue in issues:
            code, _ = CODES[issue.category]
            if issue.category == "dt" and issue.suggestion and issue.source == "stageverslag":
                wrong = p.text[issue.start:issue.end]
                message = f"Schrijf '{issue.suggestion}' in plaats van '{wrong}'. {issue.explanation}"
            elif issue.source != "stageverslag":
                message = f"{issue.message} {issue.explanation}".strip()
            elif issue.category == "spelling" or not issue.explanation:
                message = issue.message
            elif issue.category == "spreektaal":
                message = f"Spreektaal: '{p.text[issue.start:issue.end]}'. {issue.explanation}"
            else:  # style: the short message, then why
                message = f"{issue.message.split(';')[0].rstrip('.')}. {issue.explanation}"
            line = None
            if p.source_line is not None:
                line = p.source_line + p.text.count("\n", 0, issue.start)
            findings.append(Finding(code=code, category=issue.category, severity=issue.severity, message=message,
                                    part=part, paragraph=p.index, start=issue.start, end=issue.end,
                                    suggestion=issue.suggestion, file=p.source_file, line=line,
                                    location=location_of(p)))
    return findings
