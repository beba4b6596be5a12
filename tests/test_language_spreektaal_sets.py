"""Spreektaal and tussentaal measured on sentences in the register of an internship report
(tests/data/spreektaal): the held-out set was written before the rules were changed and is never tuned on.
Targets: recall >= 0.85 and no false alarm on the correct sentences with look-alikes (content marketing,
de schepen, Den Haag, de mijne, formal u, names)."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_spreektaal.py"


def bench():
    spec = importlib.util.spec_from_file_location("bench_spreektaal", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["heldout", "dev"])
def test_recall_and_no_false_alarm_on_look_alikes(name):
    b = bench()
    result = b.score(b.DATA / name)
    assert result["pieces"] >= 90 and result["correct_sentences"] >= 70
    assert result["recall"] >= 0.85, result["misses"]
    assert result["look_alike_alarms"] == 0, result["alarms"]
    assert result["precision"] >= 0.97, result["alarms"]


def test_the_second_held_out_set():
    """heldout2 (weekly logs, e-mails, reflections; written before the rules of round two): one known false
    alarm on a look-alike ('ne bis in idem', Latin), everything else as the README says."""
    b = bench()
    result = b.score(b.DATA / "heldout2")
    assert result["pieces"] >= 170 and result["correct_sentences"] >= 300
    assert result["recall"] >= 0.85, result["misses"]
    assert result["look_alike_alarms"] <= 1, result["alarms"]
    assert result["precision"] >= 0.97, result["alarms"]


def test_every_labelled_piece_is_in_its_sentence():
    b = bench()
    for name in ("heldout", "heldout2", "dev"):
        for line in (b.DATA / name / "fout.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                sentence, pieces, *_ = line.split("\t")
                assert b.labelled(sentence, pieces), sentence
