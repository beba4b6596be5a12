"""The rule registry: the single source of truth for every code. Each rule lives in its own module of the
``checks`` package (``checks/sv101_section_missing.py`` ...) and defines ``RULE = Rule(...)``: code, name,
category, severity, Dutch summary and message template, rationale naming the handbook section, the stages
and sources it applies to and the language analyses it needs.

A rule gets a :class:`Context` (the document model, the profile, the stage, the project if any) and yields
:class:`~stageverslag.findings.Finding` objects. Expensive analyses (outline, statistics, page count,
language facts) are computed once per document, lazily, on the context; the context belongs to one check
of one document (no state is shared between documents or threads).

Rules are plain picklable values (their ``check`` is a module-level function of an importable module), so a
batch's worker processes receive them as they are.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable

from .findings import CATEGORIES, SEVERITIES, Finding
from .document.model import Document
from .profile import Profile

STAGES = ("midterm", "final")
#: what a rule can look at: a .docx (Word) file, or the Markdown drafts of a project
SOURCES = ("docx", "drafts")
#: the language engine's analyses a rule can ask for; "language" only decides whether a text is English
ANALYSES = ("spelling", "dt", "spreektaal", "style", "language")
#: Dutch names of the stages and sources, for `stageverslag rules`
STAGE_LABELS = {"midterm": "tussentijds", "final": "eindversie"}
SOURCE_LABELS = {"docx": "Word-bestand", "drafts": "teksten van je project"}


@dataclass(frozen=True)
class Rule:
    code: str  # stable, e.g. "SV101"
    name: str  # stable, kebab-case, e.g. "section-missing"
    category: str
    severity: str  # default severity of its findings
    summary: str  # Dutch, one line: what the rule checks
    rationale: str  # Dutch, why, naming the handbook section
    check: Callable[["Context"], Iterable[Finding]]
    #: Dutch template of the rule's (main) message; ``{names}`` are filled in by the rule (:meth:`say`)
    message: str = ""
    stages: tuple[str, ...] = STAGES
    #: what the rule applies to (see SOURCES); the linter does not run it on anything else
    sources: tuple[str, ...] = SOURCES
    #: the language analyses it needs (see ANALYSES): only these run when the rule is selected
    analyses: tuple[str, ...] = ()
    #: the rule needs the language engine (set from ``analyses``)
    language: bool = False

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: unknown severity {self.severity!r}")
        for value, known, what in ((self.stages, STAGES, "stage"), (self.sources, SOURCES, "source"),
                                   (self.analyses, ANALYSES, "analysis")):
            unknown = set(value) - set(known)
            if unknown:
                raise ValueError(f"{self.code}: unknown {what} {sorted(unknown)}")
        if self.analyses and not self.language:
            object.__setattr__(self, "language", True)

    def applies_to(self, doc: Document, stage: str) -> bool:
        """Whether the linter runs this rule on ``doc`` at ``stage``."""
        source = "drafts" if doc.source == "markdown" else "docx"
        return stage in self.stages and source in self.sources

    def say(self, **fields) -> str:
        """The message template filled in."""
        return self.message.format(**fields)

    def finding(self, message: str, *, severity: str | None = None, **where) -> Finding:
        return Finding(code=self.code, category=self.category, severity=severity or self.severity,
                       message=message, **where)

    def language_findings(self, ctx: "Context", category: str, compose: Callable) -> list[Finding]:
        """Findings for the language engine's facts of ``category``: ``compose(fact)`` gives the message of
        our own facts; a LanguageTool match keeps LanguageTool's words and severity."""
        out = []
        for fact in ctx.language.of(category):
            if fact.source != "stageverslag":
                message = f"{fact.message} {fact.explanation}".strip()
            else:
                message = compose(fact)
            out.append(self.finding(message, severity=fact.severity or None, **fact.where()))
        return out


@dataclass
class CheckOptions:
    stage: str = "final"
    pages: str = "auto"  # auto | render | word | estimate
    languagetool: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    #: spelling suggestions wanted (off for a coach's csv/html overview, which shows none: saves most of the time)
    suggestions: bool = True


@dataclass
class Context:
    """What the rules see of one check of one document. Made per call: nothing here is shared."""

    doc: Document
    profile: Profile
    options: CheckOptions = field(default_factory=CheckOptions)
    project: object | None = None  # stageverslag.project.Project
    #: the language analyses the running rules asked for (default: all)
    analyses: frozenset[str] = frozenset(ANALYSES)

    @property
    def stage(self) -> str:
        return self.options.stage

    @cached_property
    def outline(self):
        from .document.outline import analyse
        return analyse(self.doc, self.profile)

    @cached_property
    def stats(self):
        from .document.outline import statistics
        return statistics(self.doc, self.profile, self.outline)

    @cached_property
    def pages(self):
        from .document.pages import count_pages
        return count_pages(self.doc, method=self.options.pages)

    @cached_property
    def language(self):
        """The language engine's facts (:class:`stageverslag.language.LanguageFacts`), only for the analyses
        the running rules need."""
        from .language import check_document
        extra = {} if self.options.suggestions else {"suggestion_budget": 0}
        return check_document(self.doc, project=self.project, languagetool=self.options.languagetool,
                              outline=self.outline, analyses=self.analyses, **extra)


_RULES: tuple[Rule, ...] | None = None
_RULES_LOCK = threading.Lock()


def rule_modules() -> list[str]:
    """The names of the rule modules in the ``checks`` package (``checks.sv101_section_missing`` ...)."""
    import checks
    return sorted(f"checks.{m.name}" for m in pkgutil.iter_modules(checks.__path__) if not m.name.startswith("_"))


def load_rules() -> list[Rule]:
    """Import every module of the ``checks`` package once and return their rules, sorted by code."""
    global _RULES
    with _RULES_LOCK:
        if _RULES is None:
            rules: list[Rule] = []
            for name in rule_modules():
                module = importlib.import_module(name)
                found = getattr(module, "RULES", None) or [getattr(module, "RULE")]
                rules.extend(found)
            codes = [r.code for r in rules]
            dupes = {c for c in codes if codes.count(c) > 1}
            if dupes:
                raise RuntimeError(f"duplicate rule codes: {sorted(dupes)}")
            _RULES = tuple(sorted(rules, key=lambda r: r.code))
    return list(_RULES)


def get_rule(code: str) -> Rule:
    """The rule with ``code`` (KeyError when there is none)."""
    for rule in load_rules():
        if rule.code == code.strip().upper():
            return rule
    raise KeyError(code)


def _matches(rule: Rule, token: str) -> bool:
    t = token.strip().lower()
    return t in (rule.code.lower(), rule.name.lower(), rule.category.lower()) or (
        t.endswith("*") and rule.code.lower().startswith(t[:-1]))


def select_rules(rules: list[Rule], select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None) -> list[Rule]:
    """Filter by codes, names or categories (``--select`` / ``--ignore``)."""
    from .errors import UserError
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    for token in select + ignore:
        if not any(_matches(r, token) for r in rules):
            raise UserError(f"onbekende regel of categorie '{token}'. "
                            f"Bekend: {', '.join(sorted({r.category for r in rules}))} en de codes SVxxx.")
    out = [r for r in rules if not select or any(_matches(r, s) for s in select)]
    return [r for r in out if not any(_matches(r, s) for s in ignore)]
