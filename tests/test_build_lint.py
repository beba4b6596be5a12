"""Round trip: what the builder makes, the linter accepts — no finding about parts, order, title page,
table of contents, header/footer, page numbers or headings — for the full report, the midterm version,
a skeleton and a report in a company's house style. (The LibreOffice-rendered example is checked in
test_build_render.py.)"""

from __future__ import annotations

import pytest

from stageverslag.builder import build_report
from stageverslag.linter import check_file
from stageverslag.rules import CheckOptions
from test_build import make_project
from test_build_housestyle import company_template

FRAME = ("title-page", "toc", "header-footer", "page-numbers", "heading-style")


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")


@pytest.mark.parametrize("stage,skeleton,house_style", [
    ("final", False, False), ("midterm", False, False), ("final", True, False), ("midterm", True, False),
    ("final", False, True)])
def test_built_report_passes_the_frame_checks(tmp_path, no_soffice, stage, skeleton, house_style):
    project = make_project(tmp_path)
    template = company_template(tmp_path / "huisstijl") if house_style else None
    result = build_report(project, stage=stage, skeleton=skeleton, house_style=template)
    report = check_file(result.docx, project.profile, CheckOptions(stage=stage, pages="estimate"),
                        project=project)
    problems = [f"{f.code} {f.category} {f.message}" for f in report.findings
                if f.category in FRAME or f.category in ("section-missing", "section-order")]
    assert problems == []
