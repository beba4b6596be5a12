"""What ``stageverslag build`` makes, checked like any .docx (issue 11): a skeleton is template text in every
part (SV107), the midterm upload is recognised as midterm without ``--stage`` and passes, and the example
project's report has no template text."""

from __future__ import annotations

import shutil

import pytest

from lintkit import EXAMPLES
from stageverslag.builder import build_report
from stageverslag.document.reader import read_docx
from stageverslag.linter import check_document
from stageverslag.profile import load_profile
from stageverslag.project import load_project
from stageverslag.rules import CheckOptions, load_rules


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")  # no LibreOffice: the builder writes the .docx only
    shutil.copytree(EXAMPLES / "voorbeeldproject", tmp_path / "project",
                    ignore=shutil.ignore_patterns("uit", "build", ".stageverslag*"))
    return load_project(tmp_path / "project")


def _rules():
    """Every rule but the language ones (they do not depend on the stage, and are slow)."""
    return [r for r in load_rules() if not r.language and r.category not in ("deadline",)]


def _check(path, stage):
    return check_document(read_docx(path), load_profile(), CheckOptions(stage=stage, pages="estimate"),
                          rules=_rules(), file=str(path))


def test_skeleton_checked_as_final_has_template_text_in_every_part(project, tmp_path):
    path = build_report(project, skeleton=True, output=tmp_path / "skelet.docx").docx
    report = _check(path, "final")
    assert report.stage == "final"
    sv107 = {f.part for f in report.findings if f.code == "SV107"}
    assert sv107 == set(project.profile.part_ids)
    assert all(f.severity == "error" for f in report.findings if f.code == "SV107")
    # every part except the appendix (whose content is optional) is empty as well
    empty = {f.part for f in report.findings if f.code == "SV103"}
    assert empty == {p.id for p in project.profile.parts if not p.optional_content}


def test_midterm_upload_is_checked_as_midterm_and_passes(project, tmp_path):
    path = build_report(project, stage="midterm", output=tmp_path / "tussentijds.docx").docx
    report = _check(path, "auto")
    assert report.stage == "midterm"
    assert report.notes[0].startswith("Gecontroleerd als tussentijdse versie")
    assert report.errors == 0 and report.count("warning") == 0, [f.message for f in report.findings]
    assert load_profile().limits.length_note not in report.notes  # no 16-20 pages note for the midterm
    assert _check(path, "final").errors  # --stage final overrides: parts missing


def test_example_report_has_no_template_text(project, tmp_path):
    path = build_report(project, output=tmp_path / "verslag.docx").docx
    report = _check(path, "auto")
    assert report.stage == "final"
    assert not [f for f in report.findings if f.code in ("SV103", "SV107")]
