"""The rule registry. Each rule lives in its own module under ``checks/`` and defines ``RULE = Rule(...)``.

A rule gets a :class:`Context` (the document model, the profile, the stage, the project if any) and yields
:class:`~stageverslag.findings.Finding` objects. Expensive analyses (outline, statistics, page count,
language findings) are computed once per document, lazily, on the context.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable

from .findings import CATEGORIES, SEVERITIES, Finding
from .document.model import Document
from .paths import checks_dir
from .profile import Profile


@dataclass(frozen=True)
class Rule:
    code: str  # stable, e.g. "SV101"
    name: str  # stable, kebab-case, e.g. "section-missing"
    category: str
    severity: str  # default severity of its findings
    summary: str  # Dutch, one line: what the rule checks
    rationale: str  # Dutch, why, naming the handbook section
    check: Callable[["Context"], Iterable[Finding]]
    stages: tuple[str, ...] = ("midterm", "final")
    #: rules that need the language engine (so `check` can skip loading it when they are deselected)
    language: bool = False

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.code}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.code}: unknown severity {self.severity!r}")

    def finding(self, message: str, *, severity: str | None = None, **where) -> Finding:
        return Finding(code=self.code, category=self.category, severity=severity or self.severity,
                       message=message, **where)


@dataclass
class CheckOptions:
    stage: str = "final"
    pages: str = "auto"  # auto | render | word | estimate
    languagetool: str | None = None
    today: dt.date = field(default_factory=dt.date.today)


@dataclass
class Context:
    doc: Document
    profile: Profile
    options: CheckOptions = field(default_factory=CheckOptions)
    project: object | None = None  # stageverslag.project.Project

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
        return statistics(self.doc, self.profile)

    @cached_property
    def pages(self):
        from .document.pages import count_pages
        return count_pages(self.doc, method=self.options.pages)

    @cached_property
    def language(self):
        from .language import check_document
        return check_document(self.doc, project=self.project, languagetool=self.options.languagetool,
                              outline=self.outline)


_RULES: list[Rule] | None = None


def load_rules() -> list[Rule]:
    """Import every ``checks/*.py`` module once and return their rules, sorted by code."""
    global _RULES
    if _RULES is None:
        rules: list[Rule] = []
        for path in sorted(checks_dir().glob("*.py")):
            if path.name.startswith("_"):
                continue
            name = f"stageverslag_checks.{path.stem}"
            module = sys.modules.get(name)
            if module is None:
                spec = importlib.util.spec_from_file_location(name, path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
            found = getattr(module, "RULES", None) or [getattr(module, "RULE")]
            rules.extend(found)
        codes = [r.code for r in rules]
        dupes = {c for c in codes if codes.count(c) > 1}
        if dupes:
            raise RuntimeError(f"duplicate rule codes: {sorted(dupes)}")
        _RULES = sorted(rules, key=lambda r: r.code)
    return list(_RULES)


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
