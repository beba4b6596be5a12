"""The content hints (category ``content``, SV601-SV606) on the example project, on a copy of it with gaps, and
on the same texts as Word files made by the builder: the issue's acceptance cases."""

from __future__ import annotations

import dataclasses

import pytest

from content_kit import CLEAN, gapped_copy
from stageverslag.builder import build_report
from stageverslag.linter import check_document, check_file, exit_status
from stageverslag.profile import ContentSettings
from stageverslag.project import load_project
from stageverslag.rules import CheckOptions, load_rules

#: what the gapped copy must get, nothing more: goal 4 in both later parts, and too few interviews
GAPS = [("SV601", "conclusie"), ("SV601", "tussentijdse_evaluatie"), ("SV602", "leerervaringen_2")]
OPTIONS = CheckOptions(stage="final", pages="estimate")


def content_rules():
    rules = [r for r in load_rules() if r.category == "content"]
    assert [r.code for r in rules] == ["SV601", "SV602", "SV603", "SV604", "SV605", "SV606"]
    return rules


def hints(report) -> list[tuple[str, str]]:
    assert all(f.severity == "info" and f.category == "content" for f in report.findings)
    return sorted((f.code, f.part) for f in report.findings)


def drafts_report(root, profile=None):
    project = load_project(root)
    return check_document(project.document(), profile or project.profile, OPTIONS, project=project,
                          rules=content_rules())


@pytest.fixture(scope="module")
def gapped(tmp_path_factory):
    return gapped_copy(tmp_path_factory.mktemp("gaten"))


@pytest.fixture(scope="module")
def built(tmp_path_factory, gapped):
    """The clean example and the gapped copy as .docx files, made by the builder (without LibreOffice: the
    table of contents' page numbers do not matter here)."""
    import os
    out = tmp_path_factory.mktemp("gebouwd")
    os.environ["STAGEVERSLAG_SOFFICE"], before = "", os.environ.get("STAGEVERSLAG_SOFFICE")
    try:
        return _build_both(out, gapped)
    finally:
        if before is None:
            del os.environ["STAGEVERSLAG_SOFFICE"]
        else:
            os.environ["STAGEVERSLAG_SOFFICE"] = before


def _build_both(out, gapped):
    clean = build_report(load_project(CLEAN), output=out / "schoon.docx", force=True).docx
    gaps = build_report(load_project(gapped), output=out / "gaten.docx", force=True).docx
    return clean, gaps


def test_example_project_declares_goals_and_gets_no_content_hint():
    project = load_project(CLEAN)
    from stageverslag.goals import project_goals
    goals = project_goals(project)
    assert len(goals) == 4 and all(g.competences for g in goals)
    assert hints(drafts_report(CLEAN)) == []


def test_gapped_copy_gets_exactly_the_hints_for_its_gaps(gapped):
    report = drafts_report(gapped)
    assert hints(report) == GAPS
    goal_hints = [f for f in report.findings if f.code == "SV601"]
    assert all("Leerdoel 4" in f.message and "Excel" in f.message for f in goal_hints)
    assert all(f.file and f.file.endswith(("04-tussentijdse_evaluatie.md", "06-conclusie.md")) for f in goal_hints)
    [interviews] = [f for f in report.findings if f.code == "SV602"]
    assert "één geïnterviewde" in interviews.message and interviews.file.endswith("05-leerervaringen_2.md")


def test_the_same_texts_as_docx_without_a_project_read_the_goals_from_uitgangspunten(built):
    clean, gaps = built
    assert hints(check_file(clean, options=OPTIONS, rules=content_rules())) == []
    report = check_file(gaps, options=OPTIONS, rules=content_rules())
    assert hints(report) == GAPS
    assert all("Leerdoel 4" in f.message for f in report.findings if f.code == "SV601")
    assert all(f.paragraph is not None for f in report.findings)  # they point into the Word file


def test_the_same_texts_as_docx_with_the_project_use_its_goals_file(built, gapped):
    clean, gaps = built
    assert hints(check_file(clean, options=OPTIONS, project=load_project(CLEAN), rules=content_rules())) == []
    report = check_file(gaps, options=OPTIONS, project=load_project(gapped), rules=content_rules())
    assert hints(report) == GAPS


def test_a_profile_switch_turns_the_whole_group_off(gapped):
    profile = load_project(gapped).profile
    off = dataclasses.replace(profile, content=ContentSettings(enabled=False))
    assert hints(drafts_report(gapped, off)) == []
    fewer = dataclasses.replace(profile, content=ContentSettings(interviews_min=1))
    assert ("SV602", "leerervaringen_2") not in hints(drafts_report(gapped, fewer))


def test_profile_reads_the_content_table(tmp_path):
    import tomllib

    from stageverslag.profile import default_profile_path, parse_profile
    data = tomllib.loads(default_profile_path().read_text(encoding="utf-8"))
    assert parse_profile(data).content == ContentSettings(enabled=True, interviews_min=3, experience_min_words=80)
    data["content"] = {"enabled": False, "interviews_min": 2}
    assert parse_profile(data).content == ContentSettings(enabled=False, interviews_min=2)
    data["content"] = {"enabled": "nee"}
    from stageverslag.errors import ProfileError
    with pytest.raises(ProfileError, match="content.enabled"):
        parse_profile(data)


def test_content_hints_never_change_the_exit_status(gapped):
    report = drafts_report(gapped)
    assert report.findings and exit_status([report]) == 0


def test_midterm_check_asks_only_about_the_tussentijdse_evaluatie(gapped):
    project = load_project(gapped)
    from stageverslag.service import check_project
    report = check_project(project, CheckOptions(stage="midterm", pages="estimate"), rules=content_rules())
    assert hints(report) == [("SV601", "tussentijdse_evaluatie")]


def test_select_by_category_runs_only_the_content_hints(capsys, gapped):
    import json

    from stageverslag.cli import main
    code = main(["check", "--project", str(gapped), "--select", "content", "--format", "json", "--pages",
                 "estimate", "--stage", "final"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert sorted((f["code"], f["part"]) for f in data["reports"][0]["findings"]) == GAPS


def _conclusion_case(tmp_path, conclusion, after=()):
    from fixtures.docx_factory import make_report
    from lintkit import handbook_parts
    parts = [(t, conclusion if t == "Conclusie" else c, *rest) for t, c, *rest in handbook_parts()]
    at = [p[0] for p in parts].index("Conclusie") + 1
    parts[at:at] = list(after)
    path = make_report(tmp_path / "c.docx", parts)
    from stageverslag.rules import get_rule
    return [f.code for f in check_file(path, options=OPTIONS, rules=[get_rule("SV606")]).findings]


def test_a_look_ahead_in_its_own_chapter_after_the_conclusion_counts(tmp_path):
    backwards = ["Het project is geslaagd: de applicatie werkt en de klant is tevreden over het resultaat."]
    assert _conclusion_case(tmp_path, backwards) == ["SV606"]
    assert _conclusion_case(tmp_path, backwards, [("Aanbevelingen", ["Voeg meer testgegevens toe."], 1)]) == []
    assert _conclusion_case(tmp_path, backwards, [("Resultaten", ["De tabel toont de cijfers."], 1)]) == ["SV606"]


def test_an_empty_conclusion_is_left_to_the_empty_part_rule(tmp_path):
    assert _conclusion_case(tmp_path, ["Geen indexgegevens gevonden."]) == []


def test_a_broken_goals_file_is_a_note_not_a_crash(gapped, tmp_path):
    import shutil
    root = tmp_path / "kapot"
    shutil.copytree(gapped, root)
    (root / "leerdoelen.toml").write_text('[[leerdoel]]\ndoel = "Ik plan."\ncompetenties = ["LR99"]\n',
                                          encoding="utf-8")
    report = drafts_report(root)
    assert not report.internal_errors
    assert any("SV601" in n and "LR99" in n for n in report.notes)
    assert ("SV601", "conclusie") not in hints(report)  # the other content hints still run
    assert ("SV602", "leerervaringen_2") in hints(report)


#: the content hints each real Dutch report gets (31 reports: language nl and nl (BE), kind nl-real), judged by
#: reading the text (see the notes of issue 15): only these two conclusions lack any look ahead
CORPUS_HINTS = {"nl_verslag_computervision.docx": [("SV606", "conclusie")],
                "nl_eindverslag_engexp3.docx": [("SV606", "conclusie")]}


@pytest.mark.corpus
def test_content_hints_on_the_real_dutch_reports():
    from shared_data import CORPUS, MANIFEST
    names = sorted(name for name, row in MANIFEST.items()
                   if row["language"] in ("nl", "nl (BE)") and row["kind"] == "nl-real")
    assert len(names) == 31
    got = {}
    for name in names:
        report = check_file(CORPUS / name, options=OPTIONS, rules=content_rules())
        if report.findings:
            got[name] = hints(report)
    assert got == CORPUS_HINTS
