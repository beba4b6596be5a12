"""The word data the dt rules need ships pre-built in the package (tools/build_worddata.py); it must be what
parsing the dictionary it was built from gives, and any other dictionary is parsed as before."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from stageverslag.language import dictionary as dmod

SHIPPED = sorted(dmod.DATA_DIR.glob("words-*.bin"))


def test_the_package_ships_word_data_for_the_dictionary_it_uses():
    files = dmod.choose_dictionary()
    assert dmod.worddata_path(files.version) in SHIPPED, (
        f"no shipped word data for {files.label}: run tools/build_worddata.py")
    assert dmod.shipped_lexicon(files) is not None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_word_data_matches_the_dictionary_file_it_was_built_from(path):
    header, shipped = dmod.read_worddata(path)
    files = dmod.choose_dictionary()
    if header["version"] != ".".join(map(str, files.version)):
        pytest.fail(f"{path.name} is for OpenTaal {header['version']}, the installed one is {files.label}: "
                    "rebuild it with tools/build_worddata.py and remove the old file")
    assert header["dic_sha256"] == hashlib.sha256(files.dic.read_bytes()).hexdigest()
    assert header["aff_sha256"] == hashlib.sha256(files.aff.read_bytes()).hexdigest()
    assert header["lexicon_version"] == dmod.LEXICON_VERSION
    parsed = dmod.Lexicon.from_dic(files.dic)
    for name in ("verbs", "past_de", "past_te", "participles", "nouns", "adjectives"):
        assert getattr(shipped, name) == getattr(parsed, name), name
    assert "werk" in shipped.verbs and "verslag" in shipped.nouns


def _copy_dictionary(tmp_path, version_line: str | None = None, extra_line: str | None = None):
    files = dmod.choose_dictionary()
    folder = tmp_path / "dict"
    folder.mkdir()
    shutil.copy(files.dic, folder / "nl_NL.dic")
    aff = files.aff.read_text(encoding="utf-8")
    if version_line:
        aff = dmod._VERSION.sub(version_line, aff, count=1)
    (folder / "nl_NL.aff").write_text(aff, encoding="utf-8")
    if extra_line:
        with open(folder / "nl_NL.dic", "a", encoding="utf-8") as fh:
            fh.write(extra_line + "\n")
    version, date = dmod._read_version(folder / "nl_NL.aff")
    return dmod.DictionaryFiles(folder, "nl_NL", version, date, "systeem")


def test_a_newer_dictionary_is_parsed_and_cached_not_taken_from_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    newer = _copy_dictionary(tmp_path, "# Date and version: 2099-01-01 00:00:00 9.9.9",
                             extra_line="zwurbel/V3Vp")
    assert newer.version == (9, 9, 9)
    assert dmod.shipped_lexicon(newer) is None
    lex = dmod.load_lexicon(newer.dic, newer)
    assert "zwurbel" in lex.verbs and "zwurbel" in lex.past_de
    assert list((tmp_path / "cache" / "stageverslag").glob("lexicon-*.marshal"))  # cached as before


def test_same_version_but_another_file_is_not_taken_from_the_package(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    changed = _copy_dictionary(tmp_path, extra_line="zwurbel/V3Vp")
    assert changed.version == dmod.choose_dictionary().version
    assert dmod.shipped_lexicon(changed) is None
    assert "zwurbel" in dmod.load_lexicon(changed.dic, changed).verbs


def test_a_damaged_data_file_is_refused(tmp_path):
    bad = tmp_path / "words-1.0.bin"
    bad.write_bytes(b"not zlib")
    with pytest.raises(ValueError):
        dmod.read_worddata(bad)


def test_the_shipped_word_data_is_read_as_it_is_and_a_parsed_dictionary_from_its_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    files = dmod.choose_dictionary()
    shipped = dmod.load_lexicon(files.dic, files)
    assert shipped == dmod.shipped_lexicon(files)
    assert not list(tmp_path.rglob("lexicon-*.marshal"))  # reading the shipped data is cheaper than a cache
    newer = _copy_dictionary(tmp_path, "# Date and version: 2099-01-01 00:00:00 9.9.9", extra_line="zwurbel/V3Vp")
    first = dmod.load_lexicon(newer.dic, newer)  # parsed from the .dic, and written to the cache

    def no(*args):
        raise AssertionError("the cache file should have been used")
    monkeypatch.setattr(dmod.Lexicon, "from_dic", classmethod(lambda cls, path: no()))
    assert dmod.load_lexicon(newer.dic, newer) == first
    [cached] = (tmp_path / "cache" / "stageverslag").glob("lexicon-*.marshal")
    cached.write_bytes(b"kapot")  # a damaged cache file is read around (here: parsed again)
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert dmod.load_lexicon(newer.dic, newer) == first
