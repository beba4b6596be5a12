"""The README's set-up commands and CI agree."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_readme_starts_with_two_commands():
    main_job, tests = readme_commands()
    assert "stageverslag check" in main_job and "examples/" in main_job
    assert "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_commands()[1] in ci


def test_readme_documents_every_rule_and_category():
    """The README's rule table is exactly `stageverslag rules --markdown` (the registry), every rule names
    its handbook section and has a message."""
    from stageverslag.commands import rules_table
    from stageverslag.findings import CATEGORIES
    from stageverslag.rules import load_rules
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table() in text, "README's rule table is out of date: paste `stageverslag rules --markdown`"
    for rule in load_rules():
        assert rule.rationale and ("§" in rule.rationale or "hoofdstuk" in rule.rationale), rule.code
        assert rule.summary and rule.message, rule.code
    for category in CATEGORIES:
        assert f"`{category}`" in text


def test_every_rule_module_is_documented():
    for path in sorted((ROOT / "checks").glob("sv*.py")):
        source = path.read_text(encoding="utf-8")
        assert source.lstrip().startswith('"""'), path.name
