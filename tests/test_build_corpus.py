"""Real .docx files from the corpus as house-style templates: every one either becomes the base of a report
that python-docx opens again and the linter accepts, or is refused with a Dutch message — never a crash.
The corpus is read-only and is never modified."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docx
import pytest

from stageverslag.builder import build_report
from stageverslag.docxbuild.base import style_by_name
from stageverslag.errors import UserError
from stageverslag.linter import check_file
from stageverslag.rules import CheckOptions
from test_build import make_project

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
pytestmark = pytest.mark.corpus
FRAME = ("section-missing", "section-order", "title-page", "toc", "header-footer", "page-numbers",
         "heading-style")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(autouse=True)
def no_soffice(monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")


@pytest.mark.filterwarnings("error::UserWarning")  # e.g. a duplicate zip member would be a broken .docx
def test_every_corpus_file_builds_or_is_refused_in_dutch(project, tmp_path):
    files = sorted(CORPUS.glob("*.docx"))
    assert len(files) >= 60
    built, refused = [], []
    for f in files:
        before = hashlib.sha256(f.read_bytes()).hexdigest()
        try:
            result = build_report(project, house_style=f, output=tmp_path / f"{f.stem}.docx")
        except UserError as exc:
            assert f.name in str(exc) and "Word" in str(exc)
            refused.append(f.name)
        else:
            d = docx.Document(result.docx)
            assert [p.text for p in d.paragraphs if p.style.name == "Heading 1"] == \
                [p.title for p in project.profile.parts], f.name
            built.append(f.name)
        assert hashlib.sha256(f.read_bytes()).hexdigest() == before
    # the encrypted, truncated, strict-OOXML and non-zip files are refused; real reports all build
    assert not any(name.startswith("nl_") for name in refused), refused
    assert len(built) >= 55, refused


@pytest.mark.parametrize("name", ["nl_afstudeerscriptie_ducky035.docx", "edge_pandoc_0_level_headers.docx",
                                  "nl_stagedagboek_brentgees.docx", "edge_pydocx_no_styles_part.docx"])
def test_real_templates_keep_their_heading_style_and_pass_the_frame_checks(project, tmp_path, name):
    template = CORPUS / name
    source = docx.Document(template)
    own = style_by_name(source, "heading 1")
    result = build_report(project, house_style=template, output=tmp_path / "verslag.docx")
    d = docx.Document(result.docx)
    first_part = next(p for p in d.paragraphs if p.text == project.profile.parts[0].title)
    if own is not None:  # the template's own Heading 1 (e.g. styleId Kop1) is the one used
        from docx.oxml.ns import qn
        assert first_part.style.style_id == own.get(qn("w:styleId"))
    report = check_file(result.docx, project.profile, CheckOptions(pages="estimate"), project=project)
    assert [f"{f.code} {f.message}" for f in report.findings if f.category in FRAME] == []
