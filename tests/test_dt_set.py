"""The dt rule engine on our own test set (precision/recall targets) and on the handbook (zero findings)."""

from pathlib import Path

import pytest

from stageverslag.language import check_text

DATA = Path(__file__).resolve().parent / "data" / "dt"
HANDBOOK = Path(__file__).resolve().parents[1].parent / "shared" / "handleiding" / "stagehandleiding-OM-2021-2022.txt"


def load_wrong(folder=DATA):
    rows = []
    for line in (folder / "fout.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, wrong, fix = line.split("\t")
            rows.append((sentence, wrong, fix))
    return rows


def load_right(folder=DATA):
    return [line for line in (folder / "goed.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def dt_issues(text):
    return [i for i in check_text(text) if i.category == "dt"]


def score():
    tp = fp = fn = right_fix = 0
    for sentence, wrong, fix in load_wrong():
        found = dt_issues(sentence)
        hits = [i for i in found if sentence[i.start:i.end] == wrong]
        tp += bool(hits)
        fn += not hits
        right_fix += bool(hits) and hits[0].suggestion == fix
        fp += sum(1 for i in found if sentence[i.start:i.end] != wrong)
    for sentence in load_right():
        fp += len(dt_issues(sentence))
    return tp, fp, fn, right_fix


def test_the_set_is_big_enough_and_well_formed():
    wrong, right = load_wrong(), load_right()
    assert len(wrong) >= 200 and len(right) >= 500
    for sentence, word, fix in wrong:
        assert word in sentence and word != fix, sentence
    assert not set(right) & {s for s, _, _ in wrong}


def test_precision_and_recall_meet_the_targets():
    tp, fp, fn, right_fix = score()
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95, (precision, fp)
    assert recall >= 0.85, (recall, fn)
    assert right_fix >= 0.95 * tp  # the correction offered is the one in the set


@pytest.mark.parametrize("sentence,word,fix", [
    ("Beantwoordt het bedrijf je vraag?", None, None),
    ("Beantwoord je de vraag?", None, None),
    ("Beantwoord jij de vraag?", None, None),
    ("Beantwoordt je de vraag?", "Beantwoordt", "Beantwoord"),
    ("Beantwoord het bericht van de klant meteen.", None, None),  # an imperative
    ("Beantwoord het bedrijf je vraag meteen?", "Beantwoord", "Beantwoordt"),  # a question
    ("Vindt u dat ook?", None, None),
    ("Vind u dat ook?", "Vind", "Vindt"),
    ("Word jij ook uitgenodigd?", None, None),
    ("Wordt hij ook uitgenodigd?", None, None),
    ("Wordt je verslag goedgekeurd?", None, None),
    ("Wordt je morgen opgehaald?", "Wordt", "Word"),
])
def test_inversion(sentence, word, fix):
    found = dt_issues(sentence)
    if word is None:
        assert found == []
    else:
        assert [(sentence[i.start:i.end], i.suggestion) for i in found] == [(word, fix)]


def test_every_finding_explains_itself_in_dutch():
    for sentence, wrong, fix in load_wrong()[:60]:
        for issue in dt_issues(sentence):
            assert issue.explanation and issue.message
            assert fix in issue.message or fix.lower() in issue.message.lower() or issue.suggestion != fix
            assert issue.category == "dt" and issue.suggestions


def test_the_fresh_held_out_set_is_well_formed():
    """tests/data/dt/heldout is only measured (bench/bench_dt.py), never tuned on: here only its shape."""
    wrong, right = load_wrong(DATA / "heldout"), load_right(DATA / "heldout")
    assert len(wrong) >= 130 and len(right) >= 150
    for sentence, word, fix in wrong:
        assert word in sentence and word != fix, sentence
    assert not set(right) & {s for s, _, _ in wrong}


@pytest.mark.shared("handleiding")
def test_the_handbook_gives_zero_dt_findings():
    text = HANDBOOK.read_text(encoding="utf-8")
    assert len(text) > 30_000
    found = [(text[i.start:i.end], i.message) for i in check_text(text) if i.category == "dt"]
    assert found == []
