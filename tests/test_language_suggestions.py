"""Spelling suggestions are bounded by a work budget (dictionary look-ups), not by a clock: the same text gets
the same suggestions on a slow or loaded machine, with or without answers remembered from earlier runs, and
a budget that runs out cuts the same words every time."""

import itertools
import time

import pytest

from stageverslag.language import dictionary as dmod
from stageverslag.language import spelling
from stageverslag.language.spelling import Speller, WorkBudget, deadline_from_now

TYPOS = ["vergadring", "comuniceren", "verassend", "entousiast", "stagebegeleidr", "klantvriendelijkheit",
         "documentatei", "presentatiee", "afdelingshooft", "opleidng"]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def suggestions(budget_units, dictionary=None):
    speller = Speller(dictionary or dmod.Dictionary(dmod.choose_dictionary()), set())
    budget = deadline_from_now(budget_units)
    return [tuple(speller.suggest(w, budget)) for w in TYPOS], budget


def test_a_slow_clock_changes_nothing(cache_home, monkeypatch):
    normal, _ = suggestions(3000)
    # a machine under heavy load: every clock reading is ten seconds later than the previous one, and every
    # dictionary look-up takes long (simulated by the clock, not by sleeping)
    ticks = itertools.count(start=1_000_000, step=10)
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(ticks)))
    monkeypatch.setattr(time, "monotonic", lambda: float(next(ticks)))
    slow, _ = suggestions(3000)
    assert slow == normal
    assert normal[0] and "vergadering" in normal[0]


def test_remembered_answers_cost_the_same(cache_home):
    d = dmod.Dictionary(dmod.choose_dictionary())
    first, budget_first = suggestions(3000, d)
    d.save_verdicts()
    again = dmod.Dictionary(dmod.choose_dictionary())  # a new run that reads the remembered answers
    second, budget_second = suggestions(3000, again)
    assert second == first and budget_second.left == budget_first.left


def test_a_spent_budget_cuts_the_same_words_every_time(cache_home):
    small_a, _ = suggestions(700)
    small_b, _ = suggestions(700)
    assert small_a == small_b
    full, _ = suggestions(None)
    assert small_a != full  # the budget did cut: later typos got fewer suggestions
    assert small_a[0] == full[0]  # the first typo was still served in full
    nothing, _ = suggestions(0)
    assert nothing == [()] * len(TYPOS)


def test_the_budget_is_counted_in_lookups_not_seconds():
    budget = WorkBudget(10)
    assert budget.thorough and not budget.spent_out
    budget.spend(10)
    assert not budget.thorough and not budget.spent_out  # the cheap search still runs
    budget.spend(spelling.CHEAP_EXTRA)
    assert budget.spent_out
    assert WorkBudget(None).covers(10 ** 9)


def test_the_same_report_gets_the_same_suggestions_under_load(cache_home, monkeypatch, tmp_path):
    import docx

    from stageverslag.document.reader import read_docx
    from stageverslag.language import check_document
    path = tmp_path / "verslag.docx"
    d = docx.Document()
    d.add_heading("Inleiding", level=1)
    for sentence in ("De vergadring met de afdelingshooft was lang.", "Ik moest veel comuniceren met de klant.",
                     "De documentatei van het stagebegeleidr was verassend goed."):
        d.add_paragraph(sentence)
    d.save(path)

    def suggestions():
        dmod._DICTIONARIES.clear()  # a fresh process: nothing remembered in memory
        from stageverslag.language import _ENGINES
        _ENGINES.clear()
        return [(f.start, f.end, tuple(f.suggestions)) for f in check_document(read_docx(path), suggestion_budget=700)
                if f.category == "spelling"]

    quiet = suggestions()
    ticks = itertools.count(start=5_000_000, step=10)
    monkeypatch.setattr(time, "perf_counter", lambda: float(next(ticks)))
    loaded = suggestions()
    assert loaded == quiet and any(s for *_, s in quiet) and any(not s for *_, s in quiet)
