"""The registry decides what runs: a deselected language rule costs nothing, rules pickle for batch workers,
and `stageverslag rules` lists and explains every rule from the registry."""

from __future__ import annotations

import pickle

import pytest

from lintkit import EXAMPLES
from stageverslag.cli import main
from stageverslag.language import spelling
from stageverslag.rules import get_rule, load_rules

FAULTY = EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx"


@pytest.fixture
def speller_calls(monkeypatch):
    calls = {"check": 0, "suggest": 0}
    for name in calls:
        original = getattr(spelling.Speller, name)

        def counted(self, *a, _name=name, _original=original, **k):
            calls[_name] += 1
            return _original(self, *a, **k)
        monkeypatch.setattr(spelling.Speller, name, counted)
    return calls


def _check(capsys, *args) -> str:
    main(["check", str(FAULTY), "--pages", "estimate", "--format", "json", *args])
    return capsys.readouterr().out


def test_select_dt_runs_no_spelling_work(capsys, speller_calls):
    out = _check(capsys, "--select", "SV502")
    assert '"SV502"' in out and '"SV501"' not in out
    assert speller_calls == {"check": 0, "suggest": 0}


def test_select_spelling_runs_the_speller(capsys, speller_calls):
    out = _check(capsys, "--select", "SV501")
    assert '"SV501"' in out and '"SV502"' not in out
    assert speller_calls["check"] > 0


def test_a_selected_language_rule_finds_what_it_finds_in_a_full_run(capsys):
    import json
    full = json.loads(_check(capsys))["reports"][0]["findings"]
    alone = json.loads(_check(capsys, "--select", "SV502"))["reports"][0]["findings"]
    assert [f for f in full if f["code"] == "SV502"] == alone


def test_rules_pickle_by_reference():
    rules = load_rules()
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules and all(a.check is r.check for a, r in zip(again, rules))
    assert all(r.check.__module__.startswith("checks.") for r in rules)


def test_every_code_in_the_engine_comes_from_the_registry():
    """The language engine knows no codes: SV501-SV505 are defined only by their files in checks/."""
    from pathlib import Path
    language = Path(spelling.__file__).parent
    for path in language.glob("*.py"):
        assert "SV5" not in path.read_text(encoding="utf-8"), path.name
    assert {get_rule(c).analyses for c in ("SV501", "SV502", "SV503", "SV504", "SV505")} == {
        ("spelling",), ("dt",), ("spreektaal",), ("style",), ("language",)}


def test_rules_lists_every_code_and_explains_one(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert all(r.code in out for r in load_rules())
    assert main(["rules", "SV502"]) == 0
    out = capsys.readouterr().out
    rule = get_rule("SV502")
    assert out.startswith("SV502 dt-error") and rule.rationale in out and "Ernst:      fout" in out
    assert "hoofdstuk 9" in out and "--ignore SV502" in out


def test_rules_with_an_unknown_code_is_a_dutch_error(capsys):
    assert main(["rules", "SV999"]) == 2
    assert "onbekende regel" in capsys.readouterr().err


def test_rules_explains_every_message_template_in_words():
    from stageverslag.commands import explain_rule
    for rule in load_rules():
        text = explain_rule(rule)
        if rule.message:
            line = next(x for x in text.splitlines() if x.strip().startswith("Melding:"))
            assert "{" not in line and "‹…›" not in line, (rule.code, line)
    assert "‹bestand›: ‹reden›" in explain_rule(next(r for r in load_rules() if r.code == "SV900"))
