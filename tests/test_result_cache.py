"""Language results remembered across runs (stageverslag.language.remembered): a document checked again gets
exactly the facts of its last check without running the engine; any change to what the result depends on
(a paragraph, the analyses, the budget, the word list, the engine's files) means a real check."""

import json
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from stageverslag.document.reader import read_docx
from stageverslag.language import Engine, check_document, remembered

REPO = Path(__file__).resolve().parents[1]
TEXT = ["Mijn stagementor vind dat de planning goed is.",
        "Tijdens de vergadring werd het budget besproken.",
        "Dat was echt een wreed goeie week."]


@pytest.fixture
def cache_on(tmp_path, monkeypatch):
    monkeypatch.delenv("STAGEVERSLAG_NO_RESULT_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "stageverslag" / "taal"


def _docx(path: Path, paragraphs) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(path)
    return path


def _facts(facts):
    return [(f.category, f.message, f.start, f.end, f.suggestions, f.explanation, f.paragraph, f.wrong)
            for f in facts]


def _count_analyse(monkeypatch) -> list:
    calls = []
    real = Engine.analyse

    def counting(self, text, **kw):
        calls.append(text)
        return real(self, text, **kw)
    monkeypatch.setattr(Engine, "analyse", counting)
    return calls


def test_a_document_checked_again_gets_the_same_facts_without_the_engine(cache_on, tmp_path, monkeypatch):
    doc = read_docx(_docx(tmp_path / "a.docx", TEXT))
    calls = _count_analyse(monkeypatch)
    first = check_document(doc)
    assert len(calls) == 3 and len(list(cache_on.glob("*.marshal"))) == 1
    assert {f.category for f in first} >= {"dt", "spelling", "spreektaal"}
    second = check_document(read_docx(tmp_path / "a.docx"))
    assert len(calls) == 3  # nothing analysed again
    assert _facts(second) == _facts(first) and second.notes == first.notes and second.english == first.english


def test_a_changed_paragraph_is_checked_again(cache_on, tmp_path, monkeypatch):
    check_document(read_docx(_docx(tmp_path / "a.docx", TEXT)))
    calls = _count_analyse(monkeypatch)
    changed = check_document(read_docx(_docx(tmp_path / "b.docx", TEXT[:2] + ["Hij word morgen verwacht."])))
    assert calls  # a real check
    assert ("dt", "word") in [(f.category, f.wrong) for f in changed]
    assert not any(f.category == "spreektaal" for f in changed)


def test_the_key_follows_everything_the_result_depends_on(cache_on):
    from stageverslag.language.dictionary import get_dictionary
    d = get_dictionary()
    base = dict(dictionary=d, paragraphs=[("Een zin.", False)], analyses={"dt", "spelling"}, budget=4000,
                wordlist=(), names=())
    k = remembered.key(**base)
    assert remembered.key(**base) == k
    for change in (dict(paragraphs=[("Een zin.", True)]), dict(paragraphs=[("Een zin!", False)]),
                   dict(analyses={"dt"}), dict(budget=0), dict(wordlist=("plesk",)), dict(names=("An Peeters",))):
        assert remembered.key(**{**base, **change}) != k, change


def test_a_damaged_entry_means_a_real_check(cache_on, tmp_path, monkeypatch):
    doc = read_docx(_docx(tmp_path / "a.docx", TEXT))
    first = check_document(doc)
    [entry] = cache_on.glob("*.marshal")
    entry.write_bytes(b"\x00kapot")
    calls = _count_analyse(monkeypatch)
    again = check_document(doc)
    assert len(calls) == 3 and _facts(again) == _facts(first)


def test_switched_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_NO_RESULT_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    check_document(read_docx(_docx(tmp_path / "a.docx", TEXT)))
    assert not list((tmp_path / "cache").rglob("*.marshal"))


def test_old_entries_are_pruned(tmp_path):
    from stageverslag.paths import prune_oldest
    folder = tmp_path / "taal"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.marshal").write_bytes(b"x")
        os.utime(folder / f"{i:02d}.marshal", ns=(i * 10**9, i * 10**9))
    (folder / "anders.json").write_bytes(b"{}")  # another kind of file in the folder: left alone
    os.utime(folder / "anders.json", ns=(0, 0))
    prune_oldest(folder, ".marshal", keep=10)
    left = sorted(p.name for p in folder.glob("*.marshal"))
    assert left == [f"{i:02d}.marshal" for i in range(5, 12)]  # the newest three quarters of 'keep'
    assert (folder / "anders.json").exists()


def test_the_check_command_prints_the_same_report_twice(cache_on, tmp_path):
    path = _docx(tmp_path / "verslag.docx", TEXT * 3)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "stageverslag", "check", str(path), "--format", "json", "--pages", "estimate"]
    runs = [subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=tmp_path) for _ in range(2)]
    assert [r.returncode for r in runs] == [runs[0].returncode] * 2 and runs[0].returncode in (0, 1)
    first, second = (json.loads(r.stdout) for r in runs)
    assert first == second
    categories = {f["category"] for f in first["reports"][0]["findings"]}
    assert {"dt", "spelling", "spreektaal"} <= categories  # the language findings, the same both times
    assert len(list(cache_on.glob("*.marshal"))) == 1
