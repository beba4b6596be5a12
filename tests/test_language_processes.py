"""The language checks of one long document in two processes (``stageverslag check`` of one report): the same
facts, the same suggestions (the budget is spent in document order afterwards), the verdicts the child learned
kept, and a child that fails or hangs never changes the result."""

import os

import docx
import pytest

import stageverslag.language as language
from stageverslag.document.reader import read_docx
from stageverslag.language import check_document, get_engine
from stageverslag.language.spelling import DEFER

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (Linux)")

SENTENCES = [
    "Mijn stagementor vind dat de planning goed is.",
    "Tijdens de vergadring werd het budget besproken met de klant.",
    "Dat was echt een wreed goeie week op de afdeling.",
    "De klant bepaald de prioriteiten van het projekt.",
    "Ik heb de offerte naar de leverancier gestuurd en de factuur nagekeken.",
    "Op vrijdag word het weekverslag verstuurd naar de coördinator.",
]
# more misspelled words than the suggestion budget covers: which ones get suggestions depends on the order
TYPOS = ["komunikatie", "verslagg", "afsprakken", "documentatei", "klantenservies", "beslising",
         "procedurre", "overlegd", "evaluatei", "rapportering", "stagebegeleidr", "organisatei"]


def _long_docx(path, repeat=12):
    d = docx.Document()
    for k in range(repeat):
        for s in SENTENCES:
            d.add_paragraph(s)
        d.add_paragraph(f"In week {k + 1} schreef ik over {TYPOS[k % len(TYPOS)]} en {TYPOS[(k + 5) % len(TYPOS)]}.")
    d.save(path)
    return read_docx(path)


def _facts(facts):
    return [(f.category, f.message, f.start, f.end, f.suggestions, f.paragraph) for f in facts]


@pytest.fixture
def two_processes(monkeypatch):
    monkeypatch.setitem(language._FORK, "allowed", True)
    monkeypatch.setitem(language._FORK, "min_chars", 1000)
    monkeypatch.setattr(language, "_no_other_threads", lambda: True)
    forks = []
    real = language._in_two_processes

    def counting(engine, analyse, first, second):
        forks.append((len(first), len(second)))
        return real(engine, analyse, first, second)
    monkeypatch.setattr(language, "_in_two_processes", counting)
    return forks


def test_two_processes_find_exactly_what_one_finds(tmp_path, two_processes, monkeypatch):
    doc = _long_docx(tmp_path / "lang.docx")
    together = check_document(doc, suggestion_budget=3000)
    assert two_processes and all(a > 0 and b > 0 for a, b in two_processes)
    monkeypatch.setitem(language._FORK, "allowed", False)
    alone = check_document(doc, suggestion_budget=3000)
    assert _facts(together) == _facts(alone)
    categories = {f.category for f in alone}
    assert {"dt", "spelling", "spreektaal"} <= categories
    with_suggestion = [f for f in alone if f.category == "spelling" and f.suggestions]
    without = [f for f in alone if f.category == "spelling" and not f.suggestions]
    assert with_suggestion and without  # the budget ran out on the way: the order mattered, and was kept


def test_a_failing_child_changes_nothing(tmp_path, two_processes, monkeypatch):
    doc = _long_docx(tmp_path / "lang.docx", repeat=6)
    parent = os.getpid()
    real = language.Engine.analyse

    def broken_in_the_child(self, text, **kw):
        if os.getpid() != parent:
            raise RuntimeError("child breaks")
        return real(self, text, **kw)
    monkeypatch.setattr(language.Engine, "analyse", broken_in_the_child)
    together = check_document(doc)
    assert two_processes
    monkeypatch.setitem(language._FORK, "allowed", False)
    assert _facts(together) == _facts(check_document(doc))


def test_a_hanging_child_is_stopped_and_its_half_done_here(tmp_path, two_processes, monkeypatch):
    doc = _long_docx(tmp_path / "lang.docx", repeat=4)
    parent = os.getpid()
    real = language.Engine.analyse

    def hangs_in_the_child(self, text, **kw):
        if os.getpid() != parent:
            import time
            time.sleep(3600)
        return real(self, text, **kw)
    monkeypatch.setattr(language.Engine, "analyse", hangs_in_the_child)
    monkeypatch.setitem(language._FORK, "wait", 0.5)  # a bound, not a measurement
    together = check_document(doc)
    assert two_processes
    monkeypatch.setitem(language._FORK, "allowed", False)
    assert _facts(together) == _facts(check_document(doc))


def test_the_childs_verdicts_come_back(tmp_path, two_processes, monkeypatch):
    doc = _long_docx(tmp_path / "lang.docx", repeat=6)
    last = "zeldzaamheidsonderzoeker"
    d = docx.Document(tmp_path / "lang.docx")
    d.add_paragraph(f"Tot slot sprak ik met een {last} van de afdeling.")
    d.save(tmp_path / "lang.docx")
    doc = read_docx(tmp_path / "lang.docx")
    dictionary = get_engine().dictionary
    dictionary.stored["known"].pop(last, None)
    dictionary._spell_cache.pop(last, None)
    merged = []
    real_merge = type(dictionary).merge_learned
    monkeypatch.setattr(type(dictionary), "merge_learned",
                        lambda self, learned: merged.append(learned) or real_merge(self, learned))
    check_document(doc)
    assert two_processes and merged
    assert last in merged[0]["known"]  # asked in the child (the second half) ...
    assert last in dictionary.stored["known"]  # ... and remembered here


def test_deferred_spelling_issues_are_finished_in_order():
    engine = get_engine()
    issues = engine.analyse("Tijdens de vergadring was de komunikatie goed.", deadline=DEFER)
    deferred = [i for i in issues if i.category == "spelling"]
    assert [i.message for i in deferred] == ["vergadring", "komunikatie"] and all(i.suggestions is None
                                                                                 for i in deferred)
    from stageverslag.language.spelling import WorkBudget
    done = [engine.speller.finish(i, WorkBudget(None)) for i in deferred]
    assert done[0].suggestions[0] == "vergadering" and "bedoel je 'vergadering'" in done[0].message
