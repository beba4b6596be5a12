"""Hunspell's verdicts are remembered across runs, so a report checked again needs no dictionary load."""

import pytest

from stageverslag.language import dictionary as dmod
from stageverslag.language import check_text


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "stageverslag"


def test_second_run_uses_remembered_verdicts_without_loading_hunspell(cache_home, monkeypatch):
    first = dmod.Dictionary(dmod.choose_dictionary())
    assert first.known("stagebedrijf") and not first.known("stagebedrijff")
    first.save_verdicts()
    [saved] = cache_home.glob("woorden-*.json")

    def no_hunspell(files):
        raise AssertionError("Hunspell must not be loaded for remembered words")

    monkeypatch.setattr(dmod, "load_hunspell", no_hunspell)
    second = dmod.Dictionary(dmod.choose_dictionary())
    assert second.known("stagebedrijf") and not second.known("stagebedrijff")
    with pytest.raises(AssertionError):
        second.known("onbekendwoordxyz")  # a new word does need Hunspell
    assert saved.exists()


def test_suggestions_are_remembered_but_candidates_are_not(cache_home):
    d = dmod.Dictionary(dmod.choose_dictionary())
    from stageverslag.language.spelling import _STORE_KEY, Speller
    speller = Speller(d, set())
    out = speller.suggest("vergadring", None)
    assert "vergadering" in out
    cheap, cheap_cost, letter, letter_cost, _ = d.stored["suggest"][_STORE_KEY + "vergadring"]
    assert cheap == [] and letter == out and cheap_cost > 0 and letter_cost > 0  # the answer and its cost
    # candidate lookups made while searching suggestions are not written to the cache file
    assert len(d.stored["known"]) < 5


def test_unwritable_cache_is_harmless(tmp_path, monkeypatch):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the cache folder should be
    d = dmod.Dictionary(dmod.choose_dictionary())
    assert d.known("verslag")
    d.save_verdicts()
    issues = check_text("Hij vind dat goed.")
    assert [i.suggestion for i in issues] == ["vindt"]
