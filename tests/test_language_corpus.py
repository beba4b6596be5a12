"""The language checks on real reports from the corpus: real dt-errors of students are found, English
reports are left alone, and every corpus file goes through without an error. The files are read, never
written."""

import csv
from pathlib import Path

import pytest

from stageverslag.language import check_document
from stageverslag.document.reader import read_docx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
pytestmark = pytest.mark.corpus


def findings(name, category):
    doc = read_docx(CORPUS / name)
    texts = {p.index: p.text for p in doc.paragraphs}
    return [(texts[f.paragraph][f.start:f.end], f.suggestion) for f in check_document(doc, suggestion_budget=0)
            if f.category == category and f.paragraph is not None]


def test_real_dt_errors_in_an_internship_evaluation():
    before = (CORPUS / "nl_stage_evaluatie_multimove.docx").read_bytes()
    found = findings("nl_stage_evaluatie_multimove.docx", "dt")
    # "Deze nieuwe werkmethodes leren vindt ik ook erg leuk", "Daarentegen vindt ik het wel leuk", ...
    assert found.count(("vindt", "vind")) == 4
    assert ("opgebouwt", "opgebouwd") in found  # "En alles is in tabellen opgebouwt."
    assert len(found) == 5
    assert (CORPUS / "nl_stage_evaluatie_multimove.docx").read_bytes() == before


def test_real_dt_errors_in_an_internship_report():
    found = findings("nl_stageverslag_rocketmayn.docx", "dt")
    # "dit word binnenkort geupgrade" (twice wrong: wordt ... geüpgraded), "Uiteindelijk word er ...",
    # "Voor de database word er ..."
    assert found and all(f in {("word", "wordt"), ("geupgrade", "geüpgraded")} for f in found)
    assert found.count(("word", "wordt")) >= 4 and ("geupgrade", "geüpgraded") in found


@pytest.mark.parametrize("name", ["en_internship_report_benjvdb9_draft.docx", "en_scriptie_containersrtes.docx"])
def test_english_reports_get_no_dutch_findings(name):
    found = check_document(read_docx(CORPUS / name), suggestion_budget=0)
    assert [f for f in found if f.category in ("dt", "spelling", "spreektaal")] == []
    assert any("Engels" in n for n in found.notes)


def test_a_sample_of_the_corpus_goes_through():
    """Every fourth corpus file (the whole corpus is measured by bench/bench_language.py's siblings and the
    linter's own corpus test), without suggestions to keep the test fast."""
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))[::4]
    checked = 0
    for row in rows:
        try:
            doc = read_docx(CORPUS / row["file"])
        except Exception:  # noqa: BLE001 - unreadable files are the reader's business (SV900)
            continue
        result = check_document(doc, suggestion_budget=0)
        assert all(f.suggestion is None for f in result if f.category == "spelling")
        texts = {p.index: p.text for p in doc.paragraphs}
        for f in result:
            assert f.category in ("spelling", "dt", "spreektaal", "style") and f.message
            if f.paragraph is not None:
                assert 0 <= f.start < f.end <= len(texts[f.paragraph])
        checked += 1
    assert checked >= 12
