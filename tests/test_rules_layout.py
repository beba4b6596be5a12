"""Rules SV201-SV202 (pages, length) and SV301-SV305 (title page, TOC, header/footer, page numbers,
heading style) on .docx files written by python-docx, Dutch-Word-like and LibreOffice-like."""

from __future__ import annotations

import docx
import pytest
from docx.shared import Pt

from fixtures.docx_factory import add_field, filler, make_report
from lintkit import CORPUS, EXAMPLES, handbook_parts, run_rule, write_report
from stageverslag.profile import load_profile
from stageverslag.text import count_words
from stageverslag.project import load_project


@pytest.fixture(scope="module")
def complete(tmp_path_factory):
    return write_report(tmp_path_factory.mktemp("ok") / "verslag.docx", flavor="word-nl", app_pages=18)


@pytest.mark.parametrize("code", ["SV202", "SV301", "SV302", "SV303", "SV304", "SV305"])
def test_complete_report_passes(complete, code):
    assert run_rule(code, complete) == []


# ------------------------------------------------------------------------------------------------ pages

def test_sv201_word_count_within_limits(complete):
    assert run_rule("SV201", complete, pages="word") == []


def test_sv201_too_few_pages_names_the_method(tmp_path):
    path = write_report(tmp_path / "kort.docx", flavor="word-nl", app_pages=12)
    [f] = run_rule("SV201", path, pages="word")
    assert (f.category, f.severity) == ("pages", "error")
    assert "12 pagina's" in f.message and "te weinig" in f.message and "16 tot 20" in f.message


def test_sv201_too_many_pages(tmp_path):
    path = write_report(tmp_path / "lang.docx", flavor="word-nl", app_pages=24)
    [f] = run_rule("SV201", path, pages="word")
    assert "24 pagina's" in f.message and "te veel" in f.message


def test_sv201_midterm_has_no_page_limit(tmp_path):
    path = write_report(tmp_path / "kort.docx", flavor="word-nl", app_pages=5)
    assert run_rule("SV201", path, pages="word", stage="midterm") == []


# ------------------------------------------------------------------------------------------------ length

@pytest.mark.parametrize("scale,side", [(0.5, "te kort"), (1.2, "te lang")])
def test_sv202_length_outside_limits(tmp_path, scale, side):
    path = make_report(tmp_path / "l.docx", handbook_parts(scale=scale))
    [f] = run_rule("SV202", path)
    assert (f.category, f.severity) == ("length", "error") and side in f.message and "woorden" in f.message
    assert run_rule("SV202", path, stage="midterm") == []


def test_sv202_in_characters_when_the_profile_says_so(complete):
    profile = load_profile(length_unit="characters")
    [f] = run_rule("SV202", complete, profile=profile)
    assert "tekens" in f.message and "te lang" in f.message


def test_sv202_counts_the_whole_report(tmp_path):
    # title page, table of contents, introduction and conclusion all count
    parts = handbook_parts(scale=0.5)
    path = make_report(tmp_path / "a.docx", parts)
    d = docx.Document(str(path))
    body = sum(count_words(p.text) for p in d.paragraphs)
    toc_lines = sum(count_words(t) for t in ("Inhoudsopgave",) + tuple(p[0] for p in parts)) + len(parts)
    [f] = run_rule("SV202", path)
    assert f"telt {body + toc_lines} woorden" in f.message


# ------------------------------------------------------------------------------------------------ title page

def test_sv301_no_title_page(tmp_path):
    [f] = run_rule("SV301", write_report(tmp_path / "t.docx", title_page=False, toc=False))
    assert (f.category, f.severity) == ("title-page", "error")


def test_sv301_title_page_without_page_break(tmp_path):
    d = docx.Document()
    d.add_paragraph("Stageverslag", style="Title")
    d.add_paragraph("Nina Peeters")
    for title in ("Inleiding", "Conclusie"):
        d.add_heading(title, 1)
        d.add_paragraph(filler(40))
    d.save(tmp_path / "nb.docx")
    [f] = run_rule("SV301", tmp_path / "nb.docx")
    assert f.severity == "warning" and "pagina-einde" in f.message


def test_sv301_with_project(tmp_path):
    project = load_project(EXAMPLES / "voorbeeldproject")
    good = write_report(tmp_path / "g.docx", author=project.config.student,
                        subtitle=f"Stage bij {project.config.company}")
    assert run_rule("SV301", good, project=project) == []
    bad = write_report(tmp_path / "b.docx", author="Iemand Anders")
    [f] = run_rule("SV301", bad, project=project)
    assert f.severity == "warning" and "je naam" in f.message and "je stagebedrijf" in f.message


# ------------------------------------------------------------------------------------------------ TOC

def test_sv302_no_toc(tmp_path):
    [f] = run_rule("SV302", write_report(tmp_path / "n.docx", toc=False))
    assert (f.category, f.severity) == ("toc", "error")


def test_sv302_typed_toc_is_a_warning(tmp_path):
    lines = [f"{t} {'.' * 20} {i + 2}" for i, t in enumerate(["Inleiding", "Uitgangspunten", "Conclusie"])]
    path = make_report(tmp_path / "t.docx", [("Inhoudsopgave", lines)] + handbook_parts(scale=0.1), toc=False)
    [f] = run_rule("SV302", path)
    assert f.severity == "warning" and "getypt" in f.message
    assert docx.Document(str(path)).paragraphs[f.paragraph].text == "Inhoudsopgave"


def test_sv302_title_without_toc(tmp_path):
    path = make_report(tmp_path / "t.docx", [("Inhoudsopgave", [])] + handbook_parts(scale=0.1), toc=False)
    [f] = run_rule("SV302", path)
    assert f.severity == "error" and "titel" in f.message


def test_sv302_toc_field_outside_a_content_control_and_empty(tmp_path):
    d = docx.Document()
    d.add_paragraph("Inhoudsopgave", style="Title")
    add_field(d.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', result="")
    d.add_heading("Inleiding", 1)
    d.add_paragraph(filler(50))
    d.save(tmp_path / "e.docx")
    [f] = run_rule("SV302", tmp_path / "e.docx")
    assert f.severity == "warning" and "leeg" in f.message


@pytest.mark.corpus
def test_sv302_corpus_word_toc_in_content_control_and_libreoffice_typed():
    assert run_rule("SV302", CORPUS / "nl_stageverslag_multimove.docx") == []
    [f] = run_rule("SV302", CORPUS / "nl_adviesrapport_prorail_libreoffice.docx")
    assert f.severity == "warning"


# ------------------------------------------------------------------------------------------------ header/footer

def test_sv303_no_header_no_footer(tmp_path):
    [f] = run_rule("SV303", write_report(tmp_path / "h.docx", header_text=None, page_numbers=False))
    assert (f.category, f.severity) == ("header-footer", "warning")


def test_sv303_footer_only_is_info(tmp_path):
    [f] = run_rule("SV303", write_report(tmp_path / "h.docx", header_text=None))
    assert f.severity == "info"


def test_sv304_no_page_numbers(tmp_path):
    path = write_report(tmp_path / "p.docx", page_numbers=False)
    d = docx.Document(str(path))
    d.sections[0].footer.paragraphs[0].text = "Pagina 1"  # typed, not a field: the same on every page
    d.save(path)
    [f] = run_rule("SV304", path)
    assert (f.category, f.severity) == ("page-numbers", "warning")


def test_sv304_page_field_in_header_counts(tmp_path):
    path = write_report(tmp_path / "p.docx", page_numbers=False)
    d = docx.Document(str(path))
    add_field(d.sections[0].header.paragraphs[0], "PAGE")
    d.save(path)
    assert run_rule("SV304", path) == []


# ------------------------------------------------------------------------------------------------ heading style

def test_sv305_fake_headings_are_reported_with_their_paragraph(tmp_path):
    path = write_report(tmp_path / "f.docx", heading_style="fake")
    found = run_rule("SV305", path)
    assert len(found) == 7 and {f.category for f in found} == {"heading-style"}
    paragraphs = docx.Document(str(path)).paragraphs
    assert [paragraphs[f.paragraph].text for f in found][:2] == ["Inleiding", "Uitgangspunten en eerste indrukken"]
    assert all(f.part for f in found) and "inhoudsopgave" in found[0].message


def test_sv305_one_heading_formatted_differently(tmp_path):
    path = write_report(tmp_path / "c.docx", flavor="libreoffice")
    d = docx.Document(str(path))
    odd = next(p for p in d.paragraphs if p.text == "Tussentijdse evaluatie")
    for run in odd.runs:
        run.font.size = Pt(22)
    d.save(path)
    [f] = run_rule("SV305", path)
    assert f.part == "tussentijdse_evaluatie" and "22 pt" in f.message
    assert d.paragraphs[f.paragraph].text == "Tussentijdse evaluatie"


def test_layout_rules_skip_markdown_drafts():
    project = load_project(EXAMPLES / "voorbeeldproject")
    doc = project.document()
    assert [f for code in ("SV301", "SV302", "SV303", "SV304", "SV305") for f in run_rule(code, doc)] == []


def test_sv201_an_estimate_gives_a_warning_that_says_so(tmp_path):
    path = make_report(tmp_path / "kort.docx", handbook_parts(scale=0.3))
    [f] = run_rule("SV201", path, pages="estimate")
    assert (f.category, f.severity) == ("pages", "warning")
    assert "te weinig" in f.message and "schatting" in f.message
