"""All 68 real corpus files: each is read into a Document or refused with an InputError, nothing else.

Where python-docx can open a file, the reader must agree with the MANIFEST (measured with python-docx and raw
XML): body paragraphs, sections, app.xml pages, TOC content controls, header/footer parts with a PAGE field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import Manifest
from stageverslag.errors import InputError
from stageverslag.document.model import Document
from stageverslag.document.reader import read_docx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
MANIFEST = Manifest(CORPUS / "MANIFEST.tsv")  # read on first use: collecting never touches ../shared
pytestmark = pytest.mark.corpus
UNREADABLE = {
    "edge_poi_clusterfuzz_5313.docx",  # corrupt zip from a fuzzer
    "edge_poi_encrypted_agile.docx",  # password protected (OLE2 container)
    "edge_poi_encrypted_password_pass.docx",
    "edge_poi_truncated.docx",  # no central directory
    "edge_word_owner_lockfile.docx",  # Word's ~$ owner file
    "edge_poi_external_entity.docx",  # DOCTYPE with an external entity
}
#: python-docx cannot open these, we can
READ_ANYWAY = {"edge_strict_ooxml_footer.docx", "edge_strict_ooxml_strict01.docx", "edge_poi_macro_45690.docm",
               "edge_openxmlsdk_invalid_docprops.docx"}


@pytest.fixture(scope="module")
def results() -> dict[str, Document | InputError]:
    out: dict[str, Document | InputError] = {}
    for name in sorted(MANIFEST):
        try:
            out[name] = read_docx(CORPUS / name)
        except InputError as err:  # anything else fails the test
            out[name] = err
    return out


def test_corpus_is_complete():
    assert len(MANIFEST) == 68 and all((CORPUS / name).is_file() for name in MANIFEST)


def test_exactly_the_broken_files_are_refused(results):
    refused = {name for name, r in results.items() if isinstance(r, InputError)}
    assert refused == UNREADABLE
    for name in refused:
        assert results[name].reason and results[name].path == str(CORPUS / name)


def test_files_python_docx_cannot_open_are_read(results):
    not_pydocx = {name for name, row in MANIFEST.items() if row["pydocx_open"] != "ok"}
    assert READ_ANYWAY == not_pydocx - UNREADABLE
    for name in READ_ANYWAY:
        assert isinstance(results[name], Document)
    strict = results["edge_strict_ooxml_strict01.docx"]
    assert len(strict.body_paragraphs) > 50 and strict.toc_sdt
    assert results["edge_pandoc_alternate_document_path.docx"].body_paragraphs
    assert results["edge_pandoc_ns0_prefixes.docx"].paragraphs[0].text == "ref"


def readable():
    return [n for n in sorted(MANIFEST) if n not in UNREADABLE and MANIFEST[n]["pydocx_open"] == "ok"]


@pytest.mark.parametrize("name", readable())
def test_agrees_with_manifest(results, name):
    row, doc = MANIFEST[name], results[name]
    assert len(doc.body_paragraphs) == int(row["paragraphs"])
    assert len(doc.sections) == int(row["sections"] or 0)
    if row["app_xml_pages"]:
        assert doc.app.pages == int(row["app_xml_pages"])
    assert doc.toc_sdt == (row["toc_sdt"] == "yes")
    assert doc.cover_sdt == (row["cover_sdt"] == "yes")
    assert any(f.name == "TOC" for f in doc.fields) == (row["toc_field"] == "yes")
    own = [h for s in doc.sections for h in s.headers + s.footers if not h.inherited]
    if doc.sections:  # multiple_body: the header parts hang off the bodies we do not read
        assert len(own) == int(row["hdr_ftr_parts"] or 0)
        assert sum(1 for h in own if "PAGE" in {f.split()[0].upper() for f in h.fields}) == int(
            row["hdr_ftr_with_PAGE_field"] or 0)
    if row["generator"]:
        assert doc.app.application.split("/")[0] in row["generator"]


def test_paragraph_indices_and_styles_agree_with_python_docx(results):
    """Paragraph.index is python-docx's index: the style of every body paragraph matches, file by file."""
    import docx
    checked = 0
    for name in readable():
        if name == "edge_pydocx_no_styles_part.docx":  # python-docx invents a default styles part
            continue
        theirs = docx.Document(str(CORPUS / name)).paragraphs
        ours = results[name].body_paragraphs
        assert [p.index for p in ours] == list(range(len(theirs)))
        names = [(q.style.name if q.style is not None else "").lower() for q in theirs]
        assert [(p.style_name or "").lower() for p in ours] == names, name
        checked += len(ours)
    assert checked > 8000
