"""Rules SV101-SV106 (parts present, order, empty parts, subsections, unexpected chapters, frame) on .docx
files written by python-docx in several flavours, the example faulty report and the example drafts."""

from __future__ import annotations

import docx
import pytest

from fixtures.docx_factory import filler, make_report
from lintkit import EXAMPLES, handbook_parts, run_rule, write_report
from stageverslag.project import load_project

MIDTERM = ["uitgangspunten", "leerervaringen_1", "tussentijdse_evaluatie"]


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    return write_report(tmp_path_factory.mktemp("ok") / "verslag.docx", flavor="word-nl")


@pytest.mark.parametrize("code", ["SV101", "SV102", "SV103", "SV104", "SV105", "SV106"])
def test_complete_report_passes(complete, code):
    assert run_rule(code, complete) == []


@pytest.mark.parametrize("flavor", ["python-docx", "libreoffice"])
def test_complete_report_passes_in_other_flavours(tmp_path, flavor):
    path = write_report(tmp_path / "v.docx", flavor=flavor)
    assert [f for code in ("SV101", "SV102", "SV103", "SV104") for f in run_rule(code, path)] == []


def test_sv101_missing_part(tmp_path):
    path = make_report(tmp_path / "m.docx", handbook_parts(skip=["tussentijdse_evaluatie"], scale=0.2))
    [f] = run_rule("SV101", path)
    assert (f.code, f.category, f.severity, f.part) == ("SV101", "section-missing", "error", "tussentijdse_evaluatie")
    assert "Tussentijdse evaluatie" in f.message


def test_sv101_part_only_as_subheading(tmp_path):
    parts = handbook_parts(skip=["conclusie"], scale=0.1)
    parts.insert(6, ("Conclusie", [filler(40, 5)], 2))
    path = make_report(tmp_path / "n.docx", parts)
    [f] = run_rule("SV101", path)
    assert f.part == "conclusie" and "tussentitel" in f.message
    assert docx.Document(str(path)).paragraphs[f.paragraph].text == "Conclusie"


def test_sv101_midterm_upload(tmp_path):
    path = make_report(tmp_path / "mid.docx", handbook_parts(skip=["inleiding", "leerervaringen_2", "conclusie",
                                                                     "bijlage"], scale=0.2))
    assert run_rule("SV101", path, stage="midterm") == []
    assert {f.part for f in run_rule("SV101", path)} == {"inleiding", "leerervaringen_2", "conclusie", "bijlage"}


def test_sv101_midterm_with_final_parts_and_one_missing(tmp_path, complete):
    found = run_rule("SV101", complete, stage="midterm")
    assert {f.part for f in found} == {"inleiding", "leerervaringen_2", "conclusie", "bijlage"}
    assert {f.severity for f in found} == {"warning"}
    path = make_report(tmp_path / "mid.docx", handbook_parts(skip=["inleiding", "leerervaringen_1",
                                                                     "leerervaringen_2", "conclusie", "bijlage"]))
    [f] = run_rule("SV101", path, stage="midterm")
    assert f.part == "leerervaringen_1" and f.severity == "error"


def test_sv102_order(tmp_path):
    order = ["inleiding", "uitgangspunten", "leerervaringen_1", "conclusie", "tussentijdse_evaluatie",
             "leerervaringen_2", "bijlage"]
    path = make_report(tmp_path / "o.docx", handbook_parts(order=order, scale=0.1))
    [f] = run_rule("SV102", path)
    assert (f.category, f.severity, f.part) == ("section-order", "error", "conclusie")
    assert docx.Document(str(path)).paragraphs[f.paragraph].text == "Conclusie"


def test_sv102_duplicate_chapter(tmp_path):
    parts = handbook_parts(scale=0.1)
    parts.insert(3, ("Inleiding", [filler(30, 8)], 1))
    [f] = run_rule("SV102", make_report(tmp_path / "d.docx", parts))
    assert f.severity == "warning" and f.part == "inleiding" and "twee keer" in f.message


def test_sv102_example_faulty_report():
    [f] = run_rule("SV102", EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx")
    assert f.part in ("leerervaringen_2", "conclusie")


def test_sv103_empty_part_but_not_the_appendix(tmp_path):
    parts = handbook_parts(scale=0.2)
    parts[3] = ("Tussentijdse evaluatie", ["Nog te schrijven."], 1)
    parts[-1] = ("Bijlage", [], 1)
    [f] = run_rule("SV103", make_report(tmp_path / "e.docx", parts))
    assert (f.category, f.part) == ("section-empty", "tussentijdse_evaluatie")


def test_sv103_example_drafts_with_empty_conclusion():
    project = load_project(EXAMPLES / "project-met-fouten")
    [f] = run_rule("SV103", project.document(), project=project)
    assert f.part == "conclusie" and f.file.endswith("06-conclusie.md")


def test_sv104_missing_subsection(tmp_path):
    parts = [p for p in handbook_parts(scale=0.2) if p[0] != "Het beroep"]
    [f] = run_rule("SV104", make_report(tmp_path / "s.docx", parts))
    assert (f.category, f.part, f.suggestion) == ("section-missing", "leerervaringen_2", "Het beroep")


def test_sv105_unexpected_chapter_but_allowed_extras(tmp_path):
    parts = handbook_parts(scale=0.1)
    parts.insert(0, ("Voorwoord", [filler(40, 1)], 1))
    parts.insert(4, ("Voorstelling van het bedrijf", [filler(40, 2)], 1))
    parts.append(("Literatuurlijst", ["Auteur, A. (2021). Titel."], 1))
    [f] = run_rule("SV105", make_report(tmp_path / "u.docx", parts))
    assert (f.category, f.severity) == ("section-order", "info") and "Voorstelling van het bedrijf" in f.message


def test_sv106_frame(tmp_path):
    parts = handbook_parts(scale=0.1)
    parts.insert(0, ("Bedrijfsvoorstelling", [filler(40, 1)], 1))
    parts.insert(-1, ("Reflectie", [filler(40, 2)], 1))
    parts.append(("Bronnen", ["Auteur, A. (2021). Titel."], 1))
    found = run_rule("SV106", make_report(tmp_path / "f.docx", parts))
    assert {f.part for f in found} == {"inleiding", "conclusie"}
    assert all(f.category == "section-order" for f in found)


def test_builder_output_of_the_example_project_passes_structure_and_layout(tmp_path):
    """The report our builder writes from the example drafts: every part, title page, TOC, header, footer,
    page numbers and heading styles are in order."""
    import datetime as dt
    import shutil

    from stageverslag.builder import build_report
    from stageverslag.linter import check_file
    from stageverslag.rules import CheckOptions, load_rules

    shutil.copytree(EXAMPLES / "voorbeeldproject", tmp_path / "p")
    project = load_project(tmp_path / "p")
    out = build_report(project, output=tmp_path / "verslag.docx", today=dt.date(2027, 5, 20)).docx
    rules = [r for r in load_rules() if not r.language and r.category not in ("length", "pages", "deadline")]
    report = check_file(out, project=project, options=CheckOptions(pages="estimate"), rules=rules)
    assert report.findings == []
    assert list(report.part_words) == list(project.profile.part_ids)


def test_midterm_check_of_drafts_ignores_final_parts_not_yet_written(tmp_path):
    import shutil
    shutil.copytree(EXAMPLES / "voorbeeldproject", tmp_path / "p")
    for name in ("01-inleiding.md", "05-leerervaringen_2.md", "06-conclusie.md", "07-bijlage.md"):
        (tmp_path / "p" / "hoofdstukken" / name).write_text("<!-- nog te schrijven -->\n", encoding="utf-8")
    project = load_project(tmp_path / "p")
    doc = project.document()
    assert run_rule("SV101", doc, project=project, stage="midterm") == []
    assert run_rule("SV103", doc, project=project, stage="midterm") == []
    assert {f.part for f in run_rule("SV103", doc, project=project)} == {"inleiding", "leerervaringen_2",
                                                                         "conclusie"}
