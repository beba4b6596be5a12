"""Spelling findings per 1,000 words on the real Dutch internship and final reports of the corpus.

The eight reports: every Dutch (``nl`` / ``nl (BE)``) real report in ../shared/corpus/docx/MANIFEST.tsv whose
file name says stageverslag or eindverslag and that has running text (the title-page-only file has 0 words).
Words are counted as stageverslag counts them (stageverslag.text.count_words) over the paragraphs the language
checks read. Also checks that the known real misspellings are still found (by the speller, or by the dt rules
when the word is a wrong verb form: genereerd).

Two figures: every finding (each place of a word), and findings per distinct word per report (what the student
reads once the reporter groups a repeated word into one finding with all its places).

Held-out: ``--heldout`` measures the other real Dutch texts of the corpus that this bench does not use (theses,
plans, evaluations, ...; never looked at while tuning the rules of round two, only measured) and prints every
finding per document.

Run: python bench/bench_spelling_corpus.py [-v] [--heldout]   (-v lists every spelling finding with its paragraph)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stageverslag.document.reader import read_docx  # noqa: E402
from stageverslag.language import check_document  # noqa: E402
from stageverslag.text import count_words  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "docx"
#: real misspellings in these reports that must stay reported
MUST_FIND = ("genereerd", "trainign", "opgeslaan", "Werkprocess", "voortgangsgespreken")


def reports() -> list[str]:
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["file"] for r in rows if r["kind"] == "nl-real" and r["language"].startswith("nl")
            and ("stageverslag" in r["file"] or "eindverslag" in r["file"]) and int(r["words"] or 0) > 0]


#: other real internship texts (a diary, a weekly log): printed apart, not in the figure; "trainign" is here
EXTRA = ("nl_stagedagboek_brentgees.docx", "nl_stage_weekverslag1_lyvavandamme.docx")


def main(verbose: bool = False) -> None:
    total_words = total = grouped_total = 0
    seen = set()
    for name in reports():
        doc = read_docx(CORPUS / name)
        words = sum(count_words(p.text) for p in doc.paragraphs)
        facts = check_document(doc)
        found = [f for f in facts if f.category == "spelling"]
        texts = {p.index: p.text for p in doc.paragraphs}
        seen.update(getattr(f, "wrong", "") for f in facts if f.category == "dt")  # genereerd: a dt error now
        total_words += words
        total += len(found)
        words_found = []
        for f in found:
            text = getattr(f, "text", None) or (texts.get(f.paragraph, "") if f.paragraph is not None else "")
            words_found.append(text[f.start:f.end] if text else f.message.split("'")[1])
        grouped = len(set(words_found))  # what a student reads: one finding per word, with its places
        grouped_total += grouped
        print(f"{name:45s} {words:6d} woorden  {len(found):3d} spelling  {1000 * len(found) / max(1, words):5.2f}/1000"
              f"   {grouped:3d} verschillende woorden  {1000 * grouped / max(1, words):5.2f}/1000")
        for f, word in zip(found, words_found):
            text = getattr(f, "text", None) or (texts.get(f.paragraph, "") if f.paragraph is not None else "")
            seen.add(word)
            if verbose:
                context = text[max(0, f.start - 40):f.end + 40].replace("\n", " ")
                print(f"    {word!r:28s} -> {f.suggestion!s:20s} …{context}…")
    print(f"{'totaal':45s} {total_words:6d} woorden  {total:3d} spelling  {1000 * total / max(1, total_words):5.2f}"
          f"/1000   {grouped_total:3d} verschillende woorden  {1000 * grouped_total / max(1, total_words):5.2f}/1000"
          "   (doel ≤ 2)")
    for name in EXTRA:
        if not (CORPUS / name).is_file():
            continue
        doc = read_docx(CORPUS / name)
        words = sum(count_words(p.text) for p in doc.paragraphs)
        facts = check_document(doc)
        found = [getattr(f, "wrong", None) or f.message.split("'")[1] for f in facts if f.category == "spelling"]
        seen.update(found)
        seen.update(getattr(f, "wrong", "") for f in facts if f.category == "dt")
        print(f"(extra) {name:37s} {words:6d} woorden  {len(found):3d} spelling  {1000 * len(found) / max(1, words):5.2f}"
              f"/1000: {', '.join(found)}")
    missing = [w for w in MUST_FIND if w not in seen]
    print("echte fouten gevonden: " + ", ".join(w for w in MUST_FIND if w in seen)
          + (f"   NIET gevonden: {', '.join(missing)}" if missing else ""))


def heldout_reports() -> list[str]:
    """Every other real Dutch text with running text: not one of the 8 reports and not an EXTRA."""
    with open(CORPUS / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    used = set(reports()) | set(EXTRA)
    return [r["file"] for r in rows if r["kind"] == "nl-real" and r["language"].startswith("nl")
            and r["file"] not in used and int(r["words"] or 0) > 0]


def heldout() -> None:
    total_words = total = 0
    for name in heldout_reports():
        doc = read_docx(CORPUS / name)
        words = sum(count_words(p.text) for p in doc.paragraphs)
        if not words:
            continue
        texts = {p.index: p.text for p in doc.paragraphs}
        found = []
        for f in check_document(doc):
            if f.category == "spelling":
                text = getattr(f, "text", None) or texts.get(f.paragraph, "")
                found.append(text[f.start:f.end])
        total_words += words
        total += len(found)
        print(f"(held-out) {name:45s} {words:6d} woorden  {len(found):3d} spelling  "
              f"{1000 * len(found) / words:5.2f}/1000: {', '.join(found)}")
    print(f"(held-out) totaal {total_words} woorden, {total} spellingmeldingen, "
          f"{1000 * total / max(1, total_words):.2f} per 1000 woorden")


if __name__ == "__main__":
    if "--heldout" in sys.argv[1:]:
        heldout()
    else:
        main("-v" in sys.argv[1:])
