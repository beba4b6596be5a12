"""The builder with LibreOffice: the example project renders to 16-20 pages, the table of contents shows
the pages where LibreOffice puts each heading (in the .docx and in the PDF), and --pdf keeps a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from stageverslag.builder import build_report
from stageverslag.docxbuild.toc import outline_pages
from stageverslag.document.pages import pdf_page_count
from stageverslag.libreoffice import convert, find_soffice
from stageverslag.project import load_project

pytestmark = pytest.mark.libreoffice
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject"


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    """The example project (a copy: building writes uit/ into the project) built once, with a PDF."""
    assert find_soffice(), "LibreOffice is needed for these tests (it is installed in CI)"
    root = tmp_path_factory.mktemp("voorbeeld") / "voorbeeldproject"
    shutil.copytree(EXAMPLE, root)
    project = load_project(root)
    return project, build_report(project, pdf=True)


def toc_entries(d):
    out = []
    for p in d.paragraphs:
        if p.style.name.lower() in ("toc 1", "toc 2", "toc 3"):
            title, _, page = p.text.rpartition("\t")
            out.append((int(p.style.name[-1]), title, page))
    return out


def test_example_project_renders_to_16_to_20_pages(example_build):
    project, result = example_build
    words = sum(project.draft_words().values())
    # the drafts hold a little less than the handbook's 5000-5500 words: the built report adds the title page,
    # the table of contents and the headings (tests/test_examples.py checks the built count)
    assert 4900 <= words <= 5200
    pages = pdf_page_count(result.pdf)
    assert project.profile.limits.pages_min <= pages <= project.profile.limits.pages_max, pages


def test_toc_pages_match_where_libreoffice_puts_the_headings(example_build, tmp_path):
    project, result = example_build
    d = docx.Document(result.docx)
    entries = toc_entries(d)
    headings = [p.text for p in d.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]
    assert [title for _, title, _ in entries] == headings
    # an independent render of the finished file: every heading's page is the one its TOC line shows
    fresh = convert(result.docx, "pdf", outdir=tmp_path)
    outline = outline_pages(fresh.read_bytes())
    assert [t for _, t, _ in outline] == headings
    assert [page for _, _, page in entries] == [str(p) for _, _, p in outline]
    assert [p for _, _, p in result.pages] == [p for _, _, p in outline]
    # the parts start on their own pages, after the title page (1) and the table of contents (2, 3: the
    # example has 45 headings)
    part_pages = [p for level, _, p in result.pages if level == 1]
    assert part_pages[0] == 4 and part_pages == sorted(set(part_pages))
    # the exported PDF has the same pages, and LibreOffice shows the filled-in TOC as text
    assert outline_pages(result.pdf.read_bytes()) == outline
    text = convert(result.docx, "txt:Text (encoded):UTF8", outdir=tmp_path).read_text(encoding="utf-8-sig")
    first = project.profile.parts[0].title
    assert f"{first}\t4" in text
    assert result.notes == []


def test_pdf_export_keeps_a_backup_of_the_previous_pdf(tmp_path):
    from test_build import make_project
    project = make_project(tmp_path)
    first = build_report(project, skeleton=True, pdf=True)
    assert first.pdf == first.docx.with_suffix(".pdf") and first.pdf.read_bytes().startswith(b"%PDF")
    old = first.pdf.read_bytes()
    second = build_report(project, skeleton=True, pdf=True)
    assert second.pdf_backup is not None and second.pdf_backup.read_bytes() == old
    assert second.backup is not None
    # the skeleton's title page has no header or footer: LibreOffice agrees (page 1 is the title page)
    d = docx.Document(second.docx)
    assert d.sections[0]._sectPr.find(qn("w:titlePg")) is not None
    assert pdf_page_count(second.pdf) >= len(project.profile.parts) + 2


FRAME = ("section-missing", "section-order", "title-page", "toc", "header-footer", "page-numbers",
         "heading-style")


def test_linter_finds_no_frame_problems_in_the_built_example(example_build):
    from stageverslag.linter import check_file
    from stageverslag.rules import CheckOptions
    project, result = example_build
    report = check_file(result.docx, project.profile, CheckOptions(stage="final", pages="render"),
                        project=project)
    problems = [f"{f.code} {f.message}" for f in report.findings
                if f.category in FRAME or f.category.startswith("section-")]
    assert problems == []
