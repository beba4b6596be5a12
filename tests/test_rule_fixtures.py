"""Every rule's own cases, sqlfluff-style: ``tests/rules/SVxxx.toml`` next to this file, one per rule.

A file holds ``[[case]]`` tables, and optionally a ``[defaults]`` table every case starts from. Each case describes a document and the codes the rule must report on it
(only that rule runs, so ``expect`` is how many findings it gives: ``["SV502", "SV502"]`` is two):

* ``docx = {...}``: a Word file made by ``tests/fixtures/docx_factory.py`` with the handbook's parts:
  ``skip`` (part ids left out), ``scale`` (length), ``order`` (part ids), ``titles`` (part id -> title),
  ``level``, ``midterm = true`` (only the three midterm parts), ``empty``/``drop`` (titles whose text is
  left out / which are left out), ``chapters``/``chapters_first`` (extra chapter titles before the
  conclusion / at the start), ``body`` (the text of every part)
  and any keyword of ``make_report``
  (``toc``, ``title_page``, ``header_text``, ``page_numbers``, ``heading_style``, ``flavor`` ...);
  ``texts = {"Conclusie" = ["...", "..."]}``: the paragraphs of the parts (or subsections: "Het beroep") with
  these titles, instead of filler;
* ``text = "..."``: a paragraph added at the end of the Inleiding (with or without ``docx``);
* ``bytes = "..."``: a file with exactly these bytes (``name`` sets the file name) -- for unreadable input;
* ``project = "voorbeeldproject"``: the drafts of a project in ``examples/`` instead of a Word file;
  ``with_project = "voorbeeldproject"`` checks the Word file with that project's settings;
* ``stage`` (``final``), ``pages`` (``estimate``), ``today`` (``2027-06-30`` or ``final_deadline+2``);
* ``severity``, ``contains``: what the first finding's severity is and what its message contains.

A rule without its file, or without a case that makes it report something, fails here.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from fixtures.docx_factory import make_report
from lintkit import EXAMPLES, handbook_parts
from stageverslag.rules import CheckOptions, get_rule, load_rules

RULES_DIR = Path(__file__).resolve().parent / "rules"
MIDTERM_PARTS = ["inleiding", "uitgangspunten", "leerervaringen_1"]


def _cases() -> list:
    out = []
    for path in sorted(RULES_DIR.glob("SV*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        defaults = data.get("defaults", {})
        for i, case in enumerate(data.get("case", [])):
            out.append(pytest.param(path.stem, {**defaults, **case}, id=f"{path.stem}-{case.get('name', i)}"))
    return out


def _today(spec, project) -> dt.date:
    if spec is None:
        return dt.date(2027, 3, 1)
    m = re.fullmatch(r"(midterm_deadline|final_deadline)([+-]\d+)?", spec)
    if m:
        base = getattr(project.schedule(), m.group(1))
        return base + dt.timedelta(days=int(m.group(2) or 0))
    return dt.date.fromisoformat(spec)


def _write_docx(path: Path, spec: dict, text: str | None) -> Path:
    spec = dict(spec)
    skip = list(spec.pop("skip", []))
    if spec.pop("midterm", False):  # only the parts of the midterm upload, as the profile says
        from stageverslag.profile import load_profile
        profile = load_profile()
        wanted = {p.id for p in profile.parts_for("midterm")}
        skip += [p.id for p in profile.parts if p.id not in wanted]
    part_args = {k: spec.pop(k) for k in ("scale", "order", "titles", "level") if k in spec}
    parts = handbook_parts(skip=skip, **part_args)
    empty, drop, body = set(spec.pop("empty", [])), set(spec.pop("drop", [])), spec.pop("body", None)
    parts = [(title, [] if title in empty else ([body] if body is not None else content), *rest)
             for title, content, *rest in parts if title not in drop]
    texts = spec.pop("texts", {})  # own paragraphs for some parts, by title
    parts = [(title, list(texts[title]) if title in texts else content, *rest) for title, content, *rest in parts]
    for title in spec.pop("chapters", []):  # extra chapters, before the conclusion
        parts.insert(len(parts) - 2, (title, ["Dit hoofdstuk beschrijft de taken die ik elke week uitvoerde."], 1))
    for title in reversed(spec.pop("chapters_first", [])):  # extra chapters before the introduction
        parts.insert(0, (title, ["Dit hoofdstuk stelt het bedrijf voor waar ik stage liep."], 1))
    if text is not None:
        first = parts[0]
        parts[0] = (first[0], [*first[1], text], *first[2:])
    return make_report(path, parts, **spec)


def _run(code: str, case: dict, tmp_path: Path):
    from stageverslag.document.reader import read_docx
    from stageverslag.linter import check_document, check_file
    from stageverslag.project import load_project
    rule = get_rule(code)
    project = None
    if case.get("project") or case.get("with_project"):
        project = load_project(EXAMPLES / (case.get("project") or case["with_project"]))
    options = CheckOptions(stage=case.get("stage", "final"), pages=case.get("pages", "estimate"),
                           today=_today(case.get("today"), project))
    profile = project.profile if project is not None else None
    if case.get("project"):
        return check_document(project.document(), project.profile, options, project=project, rules=[rule])
    if "bytes" in case:
        path = tmp_path / case.get("name_of_file", "verslag.docx")
        path.write_bytes(case["bytes"].encode("latin-1"))
        return check_file(path, profile, options, project=project, rules=[rule])
    path = _write_docx(tmp_path / case.get("name_of_file", "verslag.docx"), case.get("docx", {}), case.get("text"))
    if path.name.startswith("~$"):
        return check_file(path, profile, options, project=project, rules=[rule])
    from stageverslag.profile import load_profile
    return check_document(read_docx(path), profile or load_profile(), options, project=project, rules=[rule],
                          file=str(path))


@pytest.mark.parametrize("code, case", _cases())
def test_rule_case(code, case, tmp_path):
    report = _run(code, case, tmp_path)
    got = sorted(f.code for f in report.findings)
    assert got == sorted(case["expect"]), [f.message for f in report.findings]
    if report.findings and "severity" in case:
        assert report.findings[0].severity == case["severity"]
    if report.findings and "contains" in case:
        assert case["contains"] in report.findings[0].message, report.findings[0].message


@pytest.mark.parametrize("code", [r.code for r in load_rules()])
def test_every_rule_has_its_fixture_file_with_a_case_that_fires(code):
    path = RULES_DIR / f"{code}.toml"
    assert path.is_file(), f"{code} has no fixture file {path.relative_to(RULES_DIR.parent.parent)}"
    cases = tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])
    assert any(code in c.get("expect", []) for c in cases), f"{path.name}: no case where {code} reports"
    assert any(c.get("expect") == [] for c in cases), f"{path.name}: no case where {code} stays silent"


def test_every_fixture_file_belongs_to_a_rule():
    codes = {r.code for r in load_rules()}
    assert {p.stem for p in RULES_DIR.glob("*.toml")} <= codes
