"""English words in Dutch reports, answered from a word list shipped in the package, not from Hunspell.

The spelling and dt checks ask whether a word is English ('deadline', 'update', "library's") only to leave
it alone. Loading the English Hunspell dictionary for that costs a first check 0.13-0.2 s of CPU, and while
it loads Hunspell may not be asked anything (see ``Dictionary._preloaded``). English has no compounds here
(its only compound rule makes ordinals such as '21st'), so Hunspell's answer for a word of letters and
apostrophes is a fixed list: every form its affix rules make, in the spellings Hunspell accepts (lower case,
capitalised, upper case). ``tools/build_english.py`` makes that list from ``en_GB.dic``/``.aff`` and keeps
only the forms Hunspell itself accepts; ``tests/test_english_words.py`` holds the list against Hunspell on
every word of the example reports and the corpus.

The list is used only for the dictionary file it was built from (name and size in its first line). A
question the list cannot answer (other characters, another dictionary file) goes to Hunspell as before.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "en_GB-words.txt"

#: the words the list answers: letters and apostrophes (Hunspell's ICONV makes ’ an apostrophe)
PLAIN = re.compile(r"(?:[^\W\d_]|')*[^\W\d_](?:[^\W\d_]|')*")


def header(dic: Path, aff: Path) -> str:
    """The first line of the list: the files it was built from, by name and size."""
    return f"# {dic.name} {dic.stat().st_size} {aff.name} {aff.stat().st_size}"


class WordList:
    """A sorted list of words (one per line, UTF-8), searched by bisection in memory: no set is built, so
    opening it costs a file read (about 1 ms) and a question a few microseconds."""

    def __init__(self, data: bytes):
        self._data = data if data.endswith(b"\n") or not data else data + b"\n"

    def __contains__(self, word: str) -> bool:
        data = self._data
        key = word.encode("utf-8")
        lo, hi = 0, len(data)  # both at the start of a line (the data ends with a newline)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", lo, mid) + 1 or lo  # the line that holds byte `mid`
            end = data.find(b"\n", start)
            line = data[start:end]
            if line == key:
                return True
            if line < key:
                lo = end + 1
            else:
                hi = start
        return False


def open_wordlist(dic: Path, aff: Path, path: Path = DATA) -> WordList | None:
    """The shipped list when it was built from these dictionary files, else None."""
    try:
        raw = path.read_bytes()
        first, _, rest = raw.partition(b"\n")
        if first.decode("utf-8") != header(dic, aff):
            return None
    except (OSError, UnicodeError):
        return None
    return WordList(rest)


def derived(word: str, words, self_too: bool = True) -> bool:
    """Hunspell's rule for capitals: a word is known as written (``self_too``), or in capitals ('APPLES',
    'LONDON') when its small or capitalised spelling is known, or capitalised ('Apples') when its small
    spelling is known. ``words``: anything with ``in``."""
    if self_too and word in words:
        return True
    lower = word.lower()
    if word == lower:
        return False
    if word == word.upper():
        return lower in words or lower[:1].upper() + lower[1:] in words
    if word[:1].isupper() and word[1:] == word[1:].lower():
        return lower in words
    return False


def answer(words: WordList, word: str) -> bool | None:
    """Hunspell's answer for ``word`` from the list, or None when the list cannot give it."""
    word = word.replace("\u2019", "'")
    if not PLAIN.fullmatch(word):
        return None
    return derived(word, words)
