"""The English word list (``stageverslag/language/english.py``) gives Hunspell's answers without loading it:
held against Hunspell itself on every word of the example projects, the handbook and the corpus, in the
spellings a report uses (as written, small, capitalised, capitals)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from shared_data import CORPUS, SHARED

from stageverslag.language import dictionary as dmod
from stageverslag.language import english

REPO = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[\w’']+")


@pytest.fixture(scope="module")
def hunspell():
    return dmod.load_hunspell(dmod.english_files())


@pytest.fixture(scope="module")
def words():
    files = dmod.english_files()
    found = english.open_wordlist(files.dic, files.aff)
    assert found is not None, "bouw de lijst opnieuw: python tools/build_english.py"
    return found


def spellings(text: str) -> set[str]:
    out = set()
    for w in WORD.findall(text):
        out.update((w, w.lower(), w.capitalize(), w.upper()))
    return out


def compare(words, hunspell, candidates) -> tuple[int, list]:
    asked, wrong = 0, []
    for w in sorted(candidates):
        ours = english.answer(words, w)
        if ours is None:
            continue
        asked += 1
        if ours != bool(hunspell.spell(w)):
            wrong.append((w, ours))
    return asked, wrong


def test_the_bisection_finds_every_line_and_nothing_else():
    lines = sorted(["a", "ab", "abc", "b", "ba", "zz", "één", "überhaupt"], key=str.encode)
    found = english.WordList("".join(w + "\n" for w in lines).encode())
    assert all(w in found for w in lines)
    assert not any(w in found for w in ["", "aa", "abcd", "c", "z", "zzz", "ee", "a b"])
    assert "a" in english.WordList(b"a") and "b" not in english.WordList(b"")


def test_hunspells_tricky_cases(words, hunspell):
    cases = ["apples", "Apples", "APPLES", "ApPles", "iPhone", "IPHONE", "Iphone", "London", "london", "LONDON",
             "NASA", "nasa", "Nasa", "O'Brien", "o'brien", "O'BRIEN", "library’s", "library's", "café", "CAFÉ",
             "naïve", "McDonald", "Mcdonald", "MSc", "a", "A", "I", "i", "deadline", "voettekst", "'tis", "Anno"]
    asked, wrong = compare(words, hunspell, cases)
    assert asked == len(cases) and wrong == []


def test_what_the_list_cannot_answer_goes_to_hunspell():
    d = dmod.Dictionary(dmod.choose_dictionary())
    assert english.answer(d.english_words, "well-known") is None and english.answer(d.english_words, "21st") is None
    assert "english" not in vars(d)
    assert d.known_english("well-known") and d.known_english("21st") and not d.known_english("well-knwn")
    assert "english" in vars(d)  # loaded for these


def test_a_list_built_from_other_files_is_not_used(tmp_path):
    files = dmod.english_files()
    stale = tmp_path / "en_GB-words.txt"
    stale.write_text("# en_GB.dic 1 en_GB.aff 2\napples\n", encoding="utf-8")
    assert english.open_wordlist(files.dic, files.aff, stale) is None
    assert english.open_wordlist(files.dic, files.aff, tmp_path / "missing.txt") is None
    assert english.open_wordlist(files.dic, files.aff) is not None


def test_the_example_projects_words_get_hunspells_answer(words, hunspell):
    text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "examples").rglob("*.md"))
    asked, wrong = compare(words, hunspell, spellings(text))
    assert asked > 3000 and wrong == []


@pytest.mark.corpus
@pytest.mark.shared("handleiding")
def test_the_handbooks_and_the_corpus_words_get_hunspells_answer(words, hunspell):
    import docx
    candidates = spellings((SHARED / "handleiding" / "stagehandleiding-OM-2021-2022.txt").read_text(encoding="utf-8"))
    for path in sorted(CORPUS.glob("*.docx")):
        try:
            document = docx.Document(str(path))
        except Exception:  # noqa: BLE001 - the corpus holds broken and encrypted files on purpose
            continue
        candidates |= spellings("\n".join(p.text for p in document.paragraphs))
        for table in document.tables:
            candidates |= spellings("\n".join(cell.text for row in table.rows for cell in row.cells))
    asked, wrong = compare(words, hunspell, candidates)
    assert asked > 30_000 and wrong == []
