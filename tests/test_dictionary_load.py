"""Loading the dictionaries: Hunspell through its C interface (same answers as chunspell), preloaded in a
thread for a first check of one document, and verdicts remembered so a report checked again needs no load."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from stageverslag.language import dictionary as dmod


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "stageverslag"


WORDS = ["verslag", "vergadring", "stagebedrijf", "één", "coördinator", "ijs", "werkt", "vind", "entousiast",
         "HR-afdeling", "e-mail", "Rupelhaven", "kwaliteitszorg", "weerstandcombinatie"]


def test_the_c_interface_gives_chunspells_answers():
    import hunspell
    files = dmod.choose_dictionary()
    ours = dmod.load_hunspell(files)
    theirs = hunspell.Hunspell(files.name, hunspell_data_dir=str(files.directory))
    assert isinstance(ours, dmod.CHunspell)  # the library chunspell ships is there on Linux
    assert [ours.spell(w) for w in WORDS] == [theirs.spell(w) for w in WORDS]
    # Hunspell's own suggestion search stops after a time limit, so only ask that both find something right
    for found in (ours.suggest("vergadring"), theirs.suggest("vergadring")):
        assert isinstance(found, tuple) and {"vergadering", "vergaring"} & set(found)
    english = dmod.load_hunspell(dmod.english_files())
    assert english.spell("footer") and not english.spell("voettekst")


def test_preload_loads_the_dutch_dictionary_in_a_thread_while_python_runs_on(cache_home):
    d = dmod.Dictionary(dmod.choose_dictionary())
    assert d.english_words is not None  # the shipped English word list fits the installed dictionary
    assert d.preload()
    threads = d._loader[0]
    assert [t.name for t in threads] == ["stageverslag-dictionaries-0"]  # no English load: the list answers
    assert threading.current_thread() not in threads
    assert not d.preload()  # once
    assert d.known("stagebedrijf") and not d.known("stagebedrijff")
    assert all(event.is_set() for event in d._loader[2].values())
    assert d.known_english("footer") and d.known_english("Deadlines") and not d.known_english("voettekst")
    assert "english" not in vars(d)  # English Hunspell was never loaded
    assert "verbeter" in d.lexicon.verbs and "overleg" in d.lexicon.nouns
    for thread in threads:
        thread.join()
    assert isinstance(d.hunspell, dmod.CHunspell)


def test_without_a_fitting_word_list_english_hunspell_loads_in_a_second_thread(cache_home):
    d = dmod.Dictionary(dmod.choose_dictionary())
    d.english_words = None  # another English dictionary than the one the list was built from
    assert d.preload()
    assert [t.name for t in d._loader[0]] == ["stageverslag-dictionaries-0", "stageverslag-dictionaries-1"]
    # Hunspell is asked only when every load is done (its compound check stops after a time measured in the
    # CPU time of the whole process: a thread still loading would change answers)
    assert d.known("stagebedrijf")
    assert all(event.is_set() for event in d._loader[2].values())
    assert d.known_english("footer") and not d.known_english("voettekst")
    assert isinstance(d.english, dmod.CHunspell)


def test_preload_only_for_a_first_check_of_one_document(cache_home, tmp_path, monkeypatch):
    from stageverslag.early import start_loading
    started = []
    monkeypatch.setattr(dmod.Dictionary, "preload", lambda self: started.append(self) or True)
    monkeypatch.setattr(dmod, "_DICTIONARIES", {})
    report = tmp_path / "verslag.docx"
    report.write_bytes(b"")
    download = tmp_path / "inzendingen.zip"
    download.write_bytes(b"")
    assert not start_loading([str(report), str(report)])  # a batch: workers fork
    assert not start_loading([str(tmp_path)])  # a folder
    assert not start_loading([str(download)])  # a Canvas download
    assert not start_loading([str(report)], ignore="spelling")
    assert start_loading([str(report)])
    assert start_loading([])  # the project's drafts
    d = dmod.get_dictionary()
    d.stored["known"]["verslag"] = 1
    d._stored_new += 1
    d.save_verdicts()
    assert not start_loading([str(report)])  # checked before: the words are remembered
    assert len(started) == 2


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork: POSIX only")
def test_a_process_forked_while_the_dictionaries_load_loads_them_itself(cache_home, monkeypatch):
    release = threading.Event()
    real_load = dmod.load_hunspell

    def slow_load(files):
        release.wait(60)  # a bound, not a measurement: the test sets it below
        return real_load(files)
    monkeypatch.setattr(dmod, "load_hunspell", slow_load)
    monkeypatch.setattr(dmod, "_DICTIONARIES", {})
    d = dmod.get_dictionary()
    assert d.preload()
    pid = os.fork()
    if pid == 0:  # the child: the loading threads are not here; waiting for them would never end
        code = 1
        try:
            code = 0 if d._loader is None and d._preloaded("nl") is None else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    release.set()
    assert os.waitstatus_to_exitcode(status) == 0
    assert d._loader is not None and d.known("stagebedrijf")  # the parent keeps its loads


def test_a_word_first_met_as_a_suggestion_candidate_is_remembered_when_the_text_has_it(cache_home, monkeypatch):
    first = dmod.Dictionary(dmod.choose_dictionary())
    assert first.known("vergadering", remember=False)  # a candidate while searching suggestions
    assert first.known("vergadering")  # then a word of the text
    first.save_verdicts()

    def no_hunspell(files):
        raise AssertionError("Hunspell must not be loaded for a remembered word")
    monkeypatch.setattr(dmod, "load_hunspell", no_hunspell)
    second = dmod.Dictionary(dmod.choose_dictionary())
    assert second.known("vergadering")


def test_hunspell_is_asked_nothing_while_a_load_is_still_running(cache_home, monkeypatch):
    """The English load ends only when the test says so: until then a question waits (no clock decides
    the order: the test releases the load itself)."""
    order = []
    release = threading.Event()
    real_load, real_spell = dmod.load_hunspell, dmod.CHunspell.spell

    def load(files):
        handle = real_load(files)
        if files.name.startswith("en"):
            release.wait(60)  # a bound, not a measurement
        order.append(f"{files.name} geladen")
        return handle

    def spell(self, word):
        order.append("gevraagd")
        return real_spell(self, word)
    monkeypatch.setattr(dmod, "load_hunspell", load)
    monkeypatch.setattr(dmod.CHunspell, "spell", spell)
    d = dmod.Dictionary(dmod.choose_dictionary())
    d.english_words = None  # English Hunspell loads too (no fitting word list)
    assert d.preload()
    answer = []
    asker = threading.Thread(target=lambda: answer.append(d.known("stagebedrijf")))
    asker.start()
    asker.join(0.5)  # a bound, not a measurement: the English load is not released yet
    assert asker.is_alive() and "gevraagd" not in order and "en_GB geladen" not in order
    release.set()
    asker.join(60)
    assert answer == [True]
    assert order[-1] == "gevraagd" and sorted(order[:-1]) == ["en_GB geladen", "nl_NL geladen"]


def test_a_loader_thread_that_fails_never_leaves_the_check_waiting(cache_home, monkeypatch):
    def broken():
        raise RuntimeError("kapot")
    monkeypatch.setattr(dmod, "_yield_to_main_thread", broken)
    d = dmod.Dictionary(dmod.choose_dictionary())
    assert d.preload()
    for thread in d._loader[0]:
        thread.join(10)  # a bound, not a measurement
    assert all(event.is_set() for event in d._loader[2].values())
    assert d.known("stagebedrijf") and "verbeter" in d.lexicon.verbs  # loaded here instead


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities per thread: Linux only")
def test_the_loading_threads_take_the_lowest_priority_and_the_main_thread_keeps_its_own():
    seen = {}

    def loader():
        dmod._yield_to_main_thread()
        seen["loader"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=loader)
    thread.start()
    thread.join()
    assert seen["loader"] == 19
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
