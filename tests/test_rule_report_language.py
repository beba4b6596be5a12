"""SV505: a report in English is reported once; Dutch reports are not."""

from pathlib import Path

import pytest

from stageverslag.linter import check_file
from stageverslag.rules import CheckOptions, load_rules, select_rules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "docx"


def sv505(path):
    rules = select_rules(load_rules(), select=["SV505"])
    return check_file(path, options=CheckOptions(pages="estimate"), rules=rules).findings


@pytest.mark.corpus
def test_an_english_report_gets_one_finding():
    [f] = sv505(CORPUS / "en_internship_report_benjvdb9_draft.docx")
    assert (f.code, f.category, f.severity) == ("SV505", "style", "error")
    assert "Engels" in f.message and "Nederlands" in f.message


@pytest.mark.corpus
def test_dutch_reports_do_not(tmp_path):
    assert sv505(ROOT / "examples" / "project-met-fouten" / "stageverslag-met-fouten.docx") == []
    assert sv505(CORPUS / "nl_stageverslag_multimove.docx") == []
