"""How good the page counts are, and how fast reading is, on the real corpus.

Run: ``python bench/bench_pages.py [--fit] [--render N]`` (prints figures; no pass/fail). For every corpus
file that can be read it compares, with LibreOffice's rendered page count from the MANIFEST:

1. the estimate (``stageverslag.document.pages.estimate_pages``): mean absolute error, overall and on the real reports,
   both as the fonts are named (what Word would draw) and with ``BARE_LIBREOFFICE`` substitutes (what the
   LibreOffice that rendered the MANIFEST drew: no Calibri/Cambria or stand-ins, so DejaVu instead), and
   the named-font estimate against Word's own count where that is trusted;
2. Word's own count when it is trusted (``word_pages``), and how often it is refused;
3. the time to read each file with ``read_docx`` (max and total);
4. with ``--render N``: rendering N small files live with LibreOffice (pages and seconds each);
5. with ``--fit``: a small grid search over the estimate's constants (to recalibrate after changes);
6. with ``--synthetic``: reading a generated 200,000-word report, and refusing a 1 GB zip bomb (time, memory).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stageverslag.document import pages as P  # noqa: E402
from stageverslag.errors import InputError  # noqa: E402
from stageverslag.document.reader import read_docx  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"


def load():
    rows = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))
    docs, times = [], []
    for row in rows:
        t = time.perf_counter()
        try:
            doc = read_docx(CORPUS / row["file"])
        except InputError:
            continue
        finally:
            times.append((time.perf_counter() - t, row["file"]))
        if row["rendered_pages"].isdigit():
            docs.append((row, doc))
    return docs, times


def mae(docs, real_only=False, substitutes=P.BARE_LIBREOFFICE):
    errors = [abs(P.estimate_pages(doc, substitutes) - int(row["rendered_pages"])) for row, doc in docs
              if not real_only or row["kind"] != "edge"]
    return statistics.mean(errors), errors


def word_mae(docs):
    """The named-font estimate against Word's own count, where that count is trusted."""
    errors = []
    for _row, doc in docs:
        word, _why = P.word_pages(doc)
        if word is not None and word > 1:
            errors.append(abs(P.estimate_pages(doc) - word))
    return statistics.mean(errors), errors


def fit(docs):
    grid = {
        "BOLD_WIDTH": [1.0, 1.05, 1.1],
        "IMAGE_CM": [2.0, 3.0, 4.0],
        "TABLE_FACTOR": [0.5, 0.6, 0.7],
        "TAB_CHARS": [1, 2, 3],
    }
    best = None
    for values in itertools.product(*grid.values()):
        for name, value in zip(grid, values):
            setattr(P, name, value)
        score = mae(docs, real_only=True)[0] + 0.5 * mae(docs)[0] + 0.5 * word_mae(docs)[0]
        if best is None or score < best[0]:
            best = (score, dict(zip(grid, values)))
    print("best constants:", best[1], f"(score {best[0]:.3f})")
    for name, value in best[1].items():
        setattr(P, name, value)


def main_font(doc) -> str:
    chars = {}
    for p in doc.paragraphs:
        chars[p.font_name] = chars.get(p.font_name, 0) + len(p.text)
    return str(max(chars, key=chars.get)) if chars else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true")
    ap.add_argument("--render", type=int, default=0)
    ap.add_argument("--synthetic", action="store_true")
    args = ap.parse_args()
    docs, times = load()
    print(f"read {len(times)} files in {sum(t for t, _ in times):.2f} s; slowest "
          f"{max(times)[1]} {max(times)[0]:.3f} s")
    if args.fit:
        fit(docs)
    n_real = sum(1 for r, _ in docs if r["kind"] != "edge")
    for label, subst in (("fonts as a bare LibreOffice draws them", P.BARE_LIBREOFFICE),
                         ("fonts as named", None)):
        overall, _ = mae(docs, substitutes=subst)
        real, _ = mae(docs, real_only=True, substitutes=subst)
        print(f"estimate ({label}) vs LibreOffice render: MAE {overall:.2f} pages over {len(docs)} files; "
              f"{real:.2f} on the {n_real} real reports")
    against_word, errors = word_mae(docs)
    print(f"estimate (fonts as named) vs Word's own trusted count: MAE {against_word:.2f} pages over "
          f"{len(errors)} files of 2+ pages")
    trusted, refused = [], 0
    for row, doc in docs:
        word, _why = P.word_pages(doc)
        if word is None:
            refused += doc.app is not None and doc.app.pages is not None
        else:
            trusted.append(abs(word - int(row["rendered_pages"])))
    print(f"word count trusted for {len(trusted)} files (MAE vs render {statistics.mean(trusted):.2f}), "
          f"refused for {refused} files that have one")
    print(f"{'file':48s} {'render':>6s} {'estLO':>5s} {'est':>4s} {'word':>4s} {'app':>4s}  font")
    for row, doc in sorted(docs, key=lambda rd: rd[0]["file"]):
        word, _ = P.word_pages(doc)
        print(f"{row['file'][:48]:48s} {row['rendered_pages']:>6s} {P.estimate_pages(doc, P.BARE_LIBREOFFICE):5d} "
              f"{P.estimate_pages(doc):4d} {'' if word is None else word:>4} {row['app_xml_pages']:>4s}  "
              f"{main_font(doc)}")
    if args.render:
        small = sorted(docs, key=lambda rd: int(rd[0]["size_bytes"]))[: args.render]
        for row, doc in small:
            t = time.perf_counter()
            n = P.render_pages(doc.path)
            print(f"render {row['file']}: {n} pages (manifest {row['rendered_pages']}) in "
                  f"{time.perf_counter() - t:.1f} s")
    if args.synthetic:
        synthetic()


def synthetic():
    import resource
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from fixtures.docx_factory import filler, make_report, write_zip_bomb
    with tempfile.TemporaryDirectory() as tmp:
        big = make_report(Path(tmp) / "groot.docx", parts=[
            (f"Hoofdstuk {i}", [filler(200, i * 10 + j) for j in range(10)]) for i in range(100)])
        t = time.perf_counter()
        doc = read_docx(big)
        print(f"200,000-word report ({big.stat().st_size // 1024} KB): read in {time.perf_counter() - t:.2f} s, "
              f"{len(doc.paragraphs)} paragraphs, estimate {P.estimate_pages(doc)} pages")
        bomb = write_zip_bomb(Path(tmp) / "bom.docx", size=1 << 30, base=big)
        t = time.perf_counter()
        try:
            read_docx(bomb)
        except InputError:
            pass
        print(f"1 GB zip bomb ({bomb.stat().st_size // 2**20} MB on disk): refused in "
              f"{time.perf_counter() - t:.3f} s; peak memory of this process "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
