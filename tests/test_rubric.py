"""``check --rubric``: the handbook's 13 criteria (VORM EN TAAL 1-4, INHOUD 1-9) with what was verified, what
was found and what only a person can judge, in Dutch, without a grade."""

from __future__ import annotations

import json
import re
from pathlib import Path

from stageverslag.cli import main
from stageverslag.linter import check_file
from stageverslag.profile import load_profile
from stageverslag.rubric import STATES, rubric
from stageverslag.rules import CheckOptions, get_rule

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAULTY = EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx"
LABELS = [f"VORM EN TAAL {i}" for i in range(1, 5)] + [f"INHOUD {i}" for i in range(1, 10)]


def test_check_rubric_on_the_faulty_example_lists_all_13_criteria_in_dutch(capsys):
    code = main(["check", str(FAULTY), "--pages", "estimate", "--rubric"])
    out = capsys.readouterr().out
    assert code == 1  # the rubric changes nothing about the exit status
    rubric_text = out[out.index("Beoordelingscriteria van de handleiding (§9)"):]
    labels = re.findall(r"^((?:VORM EN TAAL|INHOUD) \d)  ", rubric_text, flags=re.M)
    assert labels == LABELS
    blocks = re.split(r"\n(?=(?:VORM EN TAAL|INHOUD) \d  )", rubric_text)[1:]
    for block in blocks:
        assert re.search(r"^  Toestand: +(.+)$", block, re.M).group(1) in STATES.values()
        assert "  Nagekeken: " in block and "  Gevonden: " in block and "  Alleen een mens: " in block
    by_label = dict(zip(LABELS, blocks))
    # the planted mistakes show up where they belong: language, order of the parts
    assert "met opmerkingen" in by_label["VORM EN TAAL 2"] and "SV502" in by_label["VORM EN TAAL 2"]
    assert "SV102" in by_label["VORM EN TAAL 4"]
    # criteria the tool cannot check are said to be a person's call, honestly
    for label in ("INHOUD 3", "INHOUD 4", "INHOUD 5", "INHOUD 6"):
        assert "alleen een mens kan dit beoordelen" in by_label[label]
        assert "de tool kan dit niet nakijken" in by_label[label]
    assert "Geen score" in rubric_text and not re.search(r"\b\d+ ?/ ?20\b|\bcijfer\b", rubric_text)


def test_rubric_in_json_is_an_added_key_per_report(capsys):
    main(["check", str(FAULTY), "--pages", "estimate", "--rubric", "--format", "json", "--select", "SV102,content"])
    [rep] = json.loads(capsys.readouterr().out)["reports"]
    assert [c["criterion"] for c in rep["rubric"]] == LABELS
    states = {c["criterion"]: c["state"] for c in rep["rubric"]}
    assert states["VORM EN TAAL 4"] == "findings"  # SV102 ran and found the misplaced conclusion
    assert states["VORM EN TAAL 2"] == "not_checked"  # the language rules were not selected
    assert states["INHOUD 1"] == "ok" and states["INHOUD 3"] == "person"
    assert states["VORM EN TAAL 1"] == "not_checked"


def test_rubric_states_follow_the_findings_and_the_rules_that_ran():
    profile = load_profile()
    options = CheckOptions(stage="final", pages="estimate")
    rules = [get_rule(c) for c in ("SV101", "SV103", "SV601", "SV602")]
    report = check_file(FAULTY, options=options, rules=rules)
    states = {s.label: s for s in rubric(report, profile, rules)}
    assert states["VORM EN TAAL 3"].state == "partial"  # SV104, SV107 and the length did not run
    assert states["INHOUD 2"].state == "partial"  # SV602 ran, SV603 did not
    assert states["INHOUD 1"].state == "ok" and states["INHOUD 1"].found == "niets"
    import dataclasses

    from stageverslag.profile import ContentSettings
    off = dataclasses.replace(profile, content=ContentSettings(enabled=False))
    states = {s.label: s for s in rubric(report, off, rules)}
    assert states["INHOUD 1"].state == "not_checked" and "staan uit in het profiel" in states["INHOUD 1"].found


def test_a_content_criterion_whose_part_is_empty_says_so(capsys):
    """The example project with mistakes has its conclusion in the wrong draft: 'Conclusie' is empty, so the
    look ahead could not be checked (not 'nothing found')."""
    main(["check", "--project", str(EXAMPLES / "project-met-fouten"), "--rubric", "--format", "json", "--pages",
          "estimate", "--select", "SV103,content", "--stage", "final"])
    [rep] = json.loads(capsys.readouterr().out)["reports"]
    states = {c["criterion"]: c for c in rep["rubric"]}
    assert states["INHOUD 9"]["state"] == "not_checked"
    assert "'Conclusie' ontbreekt of is leeg" in states["INHOUD 9"]["found"] and "SV103" in states["INHOUD 9"]["found"]
    assert states["INHOUD 1"]["state"] == "partial"  # Uitgangspunten and Tussentijdse evaluatie were read
    assert states["INHOUD 7"]["state"] == "ok"
