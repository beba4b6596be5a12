"""Bench: a coach's batch with rendered page counts, LibreOffice per file (as before) against LibreOffice in
batches, side by side in one run; then the spelling cache (a second batch over the same files); then the HTML
overview in headless Chromium (a screenshot at 1366x900).

Usage: python bench/bench_batch.py [--sizes 20,100] [--jobs 2] [--rounds 1] [--source corpus|built]
                                   [--screenshot FILE.png] [--skip-render] [--skip-cache] [--parts]

The reports (``--source corpus``) are the real Dutch reports of ``../shared/corpus/docx`` that LibreOffice lays
out on 4 to 40 pages (MANIFEST ``rendered_pages``; a stageverslag is 15-25 pages), or (``--source built``) the
18-page report ``stageverslag build`` makes of ``examples/project-met-fouten`` (as ``bench_check.py``), copied
under Canvas names (``student007_1007_5007_<original>``, every fifth one ``LATE``) until there are N of them.

* render: ``check_paths(folder, pages="render", jobs=J)`` in a fresh interpreter (no spelling suggestions, as
  ``check --format csv/html`` does), twice with ``batch_render=False`` (every file rendered by its own
  LibreOffice process inside the workers: what `check` did before, and still does for one file): "as before"
  with the profile settings of before (LibreOffice then ran its graphics self-tests at every start, about half
  a second of CPU each; see ``libreoffice.PRIVATE_SETTINGS``), and "now", with today's profile; and once as
  it is now (J LibreOffice processes started at once, each converting a batch of the documents in one run,
  each document checked by a worker as soon as its count is known). Before both, the same checks once without
  rendering ("checks only", also a line of the table): both sides start with the same warm caches (spelling
  verdicts, remembered language results), so what differs is the rendering. Wall time and CPU time (the
  interpreter and everything it started: workers, LibreOffice); whether every file got the same page count
  both ways, and whether the reports are identical (every finding with its page, every note; where not, the
  first difference per file: a language finding that differs comes from the language engine, e.g. its code
  changed during the run or Hunspell's compound check, which stops after a CPU-time limit, ran out under load).
* parts (``--parts``): LibreOffice alone, one process, on the N sanitised copies: starting it (one tiny
  document), the N documents as the per-file render exports them, with the batch's PDF settings, and with the
  batch's copies (blank pictures) through ``soffice.bin`` with its memory settings: where the CPU goes.
* floor: python-docx opening the same N files in a fresh interpreter.
* cache: ``stageverslag check FOLDER --format csv --pages estimate -j J`` twice with an empty cache folder
  (``XDG_CACHE_HOME``) before the first: the first batch writes the remembered word verdicts (the workers
  send theirs to the parent), the second reads them.
* screenshot: the HTML overview of a Canvas-style .zip of the 20 reports (plus a pdf and a broken file) in
  ``chromium --headless`` at 1366x900.

Prints figures; asserts nothing. The figures go in the README.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "docx"

RUN = """
import json, re, sys
from stageverslag import libreoffice
from stageverslag.batch import check_paths
from stageverslag.rules import CheckOptions
pages = "estimate" if sys.argv[3] == "estimate" else "render"
if sys.argv[3] == "0":  # as before: profiles without the setting that skips LibreOffice's graphics self-tests
    libreoffice.PRIVATE_SETTINGS = re.sub(r'<item oor:path="/org.openoffice.Setup/Product">.*?</item>\\n', "",
                                          libreoffice.PRIVATE_SETTINGS, flags=re.S)
reports = check_paths([sys.argv[1]], options=CheckOptions(pages=pages, suggestions=False), jobs=int(sys.argv[2]),
                      batch_render=sys.argv[3] == "1")
print(json.dumps({r.file.rsplit("/", 1)[-1]: [r.stats["pages"], r.stats["page_method"], r.to_dict()]
                  for r in reports}))
"""
FLOOR = "import docx, sys\nfor f in sys.argv[1:]: docx.Document(f)\n"


def reports_for_bench(low: int = 4, high: int = 40) -> list[Path]:
    rows = list(csv.DictReader(open(CORPUS / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    out = []
    for row in rows:
        pages = row.get("rendered_pages") or ""
        if row["kind"] == "nl-real" and pages.isdigit() and low <= int(pages) <= high:
            out.append(CORPUS / row["file"])
    return sorted(out)


def built_reports(folder: Path) -> list[Path]:
    """The builder's report of the example project with mistakes (18 pages), as bench_check.py makes it."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_check import make_report
    folder.mkdir(parents=True, exist_ok=True)
    return [make_report(folder)]


def canvas_folder(folder: Path, sources: list[Path], n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        late = "_LATE" if i % 5 == 4 else ""
        shutil.copy(src, folder / f"student{i:03d}{late}_{1000 + i}_{5000 + i}_{src.name}")
    return folder


def timed(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """Wall and CPU seconds of a command and everything it started (children that were waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1, 2):
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"failed: {' '.join(cmd[:4])}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def first_difference(a, b, where: str = "") -> str:
    """Where two reports (as dicts) first differ, and how: 'findings[3].page: 5 / 6' (per file / in batches)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{where}.{key}" if where else key)
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{where}[{i}]")
    if isinstance(a, list) and isinstance(b, list):
        only = [x for x in a if x not in b] + [y for y in b if y not in a]
        return f"{where}: {len(a)} / {len(b)} items, e.g. {str(only[0])[:160] if only else '?'}"
    return f"{where}: {str(a)[:80]} / {str(b)[:80]}"


def bench_render(tmp: Path, sizes: list[int], jobs: int, rounds: int, env: dict, source: str = "corpus") -> None:
    if source == "built":
        sources = built_reports(tmp / "gebouwd")
        what = "the builder's 18-page report of examples/project-met-fouten"
    else:
        sources = reports_for_bench()
        what = f"{len(sources)} real Dutch reports of the corpus with 4-40 rendered pages"
    print(f"Reports: {what}, copied under Canvas names; jobs={jobs}; {os.cpu_count()} cores; "
          f"load {os.getloadavg()[0]:.1f}")
    warm = canvas_folder(tmp / "warm", sources, len(sources))
    # the same checks once without rendering: both sides then start with the same warm caches (spelling
    # verdicts, remembered language results), so what differs is the rendering
    timed([sys.executable, "-c", RUN, str(warm), str(jobs), "estimate"], env)
    print(f"{'N':>4} {'rendering':<26} {'wall s':>8} {'CPU s':>8} {'floor s':>8} {'pages':>8}")
    for n in sizes:
        folder = canvas_folder(tmp / f"n{n}", sources, n)
        files = sorted(str(f) for f in folder.iterdir())
        floor_wall, _, _ = timed([sys.executable, "-c", FLOOR, *files], env)
        checks = timed([sys.executable, "-c", RUN, str(folder), str(jobs), "estimate"], env)
        print(f"{n:>4} {'none (checks only)':<26} {checks[0]:>8.1f} {checks[1]:>8.1f} {floor_wall:>8.2f}")
        for r in range(rounds):
            results = {}
            for mode in ("0", "0now", "1") if r % 2 == 0 else ("1", "0now", "0"):
                wall, cpu, out = timed([sys.executable, "-c", RUN, str(folder), str(jobs), mode], env)
                results[mode] = (wall, cpu, json.loads(out))
            per_file, per_file_now, batch = results["0"], results["0now"], results["1"]
            same = all(side[2][k][:2] == batch[2].get(k, [None, None])[:2] for side in (per_file, per_file_now)
                       for k in side[2]) and all(v[1] == "render" for v in batch[2].values())
            diffs = [k for k in per_file[2] if per_file[2][k][:2] != batch[2].get(k, [None, None])[:2]
                     or per_file_now[2][k][:2] != batch[2].get(k, [None, None])[:2]]
            # every finding, with its (rendered) page, and every note
            reports_same = per_file[2] == batch[2] and per_file_now[2] == batch[2]
            report_diffs = [f"{k}: {first_difference(per_file[2][k][2], batch[2].get(k, [0, 0, None])[2])}"
                            for k in per_file[2] if per_file[2][k] != batch[2].get(k)]
            total = sum(v[0] or 0 for v in batch[2].values())
            print(f"{n:>4} {'per file (as before)':<26} {per_file[0]:>8.1f} {per_file[1]:>8.1f} {floor_wall:>8.2f}")
            print(f"{n:>4} {'per file (now)':<26} {per_file_now[0]:>8.1f} {per_file_now[1]:>8.1f} {floor_wall:>8.2f}")
            print(f"{n:>4} {'in batches (now)':<26} {batch[0]:>8.1f} {batch[1]:>8.1f} {floor_wall:>8.2f} "
                  f"{total:>8}")
            print(f"     -> {per_file[0] / batch[0]:.1f}x faster wall, {per_file[1] / batch[1]:.1f}x less CPU than per "
                  f"file as before ({per_file_now[0] / batch[0]:.1f}x, {per_file_now[1] / batch[1]:.1f}x than per file "
                  f"now); "
                  f"page counts identical: {'yes' if same else 'NO ' + ', '.join(diffs[:5])}; reports identical: "
                  f"{'yes' if reports_same else f'NO ({len(report_diffs)})'}; rendering's own CPU "
                  f"(minus the checks): per file {per_file[1] - checks[1]:.1f} s (now "
                  f"{per_file_now[1] - checks[1]:.1f} s), in batches "
                  f"{batch[1] - checks[1]:.1f} s")
            for line in report_diffs[:5]:
                print(f"     report differs, {line}")
            sys.stdout.flush()


PARTS = """
import resource, subprocess, sys, tempfile
from pathlib import Path
from stageverslag import libreoffice as lo
files, variant, out = sys.argv[1:-2], sys.argv[-2], Path(sys.argv[-1])
layout_only = variant == "batch"
copies = [lo.private_copy(f, out / "in" / f"{n:04d}", layout_only=layout_only) for n, f in enumerate(files)]
soffice = lo.find_soffice()
cmd = lo.batch_command(soffice) if variant in ("batch", "start-batch") else [soffice]
fmt = "pdf" if variant in ("start", "per-file") else lo.COUNT_PDF
env = lo._batch_env() if variant in ("batch", "start-batch") else None
for attempt in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([*cmd, lo.private_profile(out / "profiel"), "--headless", "--norestore", "--nolockcheck",
                           "--convert-to", fmt, "--outdir", str(out / "out"), *map(str, copies)],
                          capture_output=True, env=env)
    if proc.returncode not in lo._RESTART:
        break
after = resource.getrusage(resource.RUSAGE_CHILDREN)
print((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
"""


def bench_parts(tmp: Path, n: int, env: dict) -> None:
    """LibreOffice's own CPU per part, one process: start, per-file export, batch settings, batch copies."""
    sources = reports_for_bench()
    folder = canvas_folder(tmp / f"parts{n}", sources, n)
    files = sorted(str(f) for f in folder.iterdir())
    tiny = tmp / "klein.docx"
    import docx
    d = docx.Document()
    d.add_paragraph("Hallo")
    d.save(tiny)
    print(f"LibreOffice alone, one process, {n} reports (CPU s, the process only):")
    results = {}
    for variant, what, args in (("start", "start + one tiny document", [str(tiny)]),
                                ("start-batch", "start + one tiny document, as a batch starts it (soffice.bin, "
                                                "memory settings)", [str(tiny)]),
                                ("per-file", f"{n} documents as the per-file render exports them", files),
                                ("settings", f"{n} documents, batch PDF settings (pictures not downscaled)", files),
                                ("batch", f"{n} documents as a batch renders them (blank pictures, soffice.bin, "
                                          "memory settings)", files)):
        out = tmp / f"parts-{variant}"
        proc = subprocess.run([sys.executable, "-c", PARTS, *args, variant, str(out)], env=env, cwd=REPO,
                              capture_output=True, text=True)
        cpu = float(proc.stdout.strip() or "nan")
        results[variant] = cpu
        shutil.rmtree(out, ignore_errors=True)
        print(f"  {what:<88} {cpu:6.1f}")
    for variant in ("per-file", "settings", "batch"):
        start = results["start-batch" if variant == "batch" else "start"]
        print(f"  -> {variant}: {(results[variant] - start) / n:.2f} s per document after the start")


def bench_cache(tmp: Path, jobs: int, env: dict) -> None:
    """The same 20 reports checked twice, with an empty cache folder before the first batch: with estimated
    pages (the word verdicts and language results are remembered) and, when LibreOffice is there, with
    rendered pages from a Canvas .zip (unpacked to a new temporary folder on each run; the page counts are
    remembered by the documents' bytes)."""
    sources = reports_for_bench()
    folder = canvas_folder(tmp / "cache-set", sources, 20)
    download = tmp / "cache-set.zip"
    with zipfile.ZipFile(download, "w") as zf:
        for f in sorted(folder.iterdir()):
            zf.write(f, f.name)
    sys.path.insert(0, str(REPO))
    from stageverslag.libreoffice import find_soffice  # the soffice the checks use (STAGEVERSLAG_SOFFICE too)
    modes = [("estimate", folder)] + ([("render", download)] if find_soffice() else [])
    for pages, target in modes:
        cache = tmp / f"cache-{pages}"
        cache.mkdir()
        run_env = {**env, "XDG_CACHE_HOME": str(cache)}
        cmd = [sys.executable, "-m", "stageverslag", "check", str(target), "--pages", pages, "--format", "csv",
               "-j", str(jobs)]
        first = timed(cmd, run_env)
        files = sorted((cache / "stageverslag").glob("woorden-*.json"))
        size = sum(f.stat().st_size for f in files)
        words = sum(len(json.loads(f.read_text(encoding="utf-8"))["known"]) for f in files)
        counted = len(list((cache / "stageverslag" / "pagina").glob("*.json")))
        second = timed(cmd, run_env)
        print(f"Cache, 20 reports ({target.name}), csv, --pages {pages}, -j {jobs}, empty cache folder before the "
              f"first:")
        print(f"  first batch  {first[0]:6.1f} s wall {first[1]:6.1f} s CPU; cache written: {len(files)} word file, "
              f"{size // 1024} KB, {words} word verdicts; {counted} rendered page counts")
        print(f"  second batch {second[0]:6.1f} s wall {second[1]:6.1f} s CPU -> {first[0] / second[0]:.1f}x faster; "
              f"same csv: {'yes' if first[2] == second[2] else 'no'}")


def screenshot(tmp: Path, target: Path, env: dict) -> None:
    sources = reports_for_bench()
    download = tmp / "inzendingen.zip"
    with zipfile.ZipFile(download, "w") as zf:
        for i, src in enumerate(sources[:18]):
            late = "LATE_" if i % 6 == 5 else ""
            zf.write(src, f"student{i:02d}_{late}{1000 + i}_{5000 + i}_{src.name}")
        zf.write(sources[0], f"student00_{1000}_{5100}_bijlage-1.docx")
        zf.writestr("claesina_1100_5200_verslag.pdf", b"%PDF-1.4\n%%EOF\n")
        zf.writestr("kapot_1101_5201_verslag.docx", sources[1].read_bytes()[:5000])
    html = tmp / "overzicht.html"
    timed([sys.executable, "-m", "stageverslag", "check", str(download), "--format", "html", "--pages", "estimate",
           "-o", str(html)], env)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("No chromium: install it (apt-get install chromium) for the screenshot.")
        return
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    f"--screenshot={target}", "--window-size=1366,900", html.as_uri()],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)  # no pipes: its helpers keep them open
    shutil.copy(html, target.with_suffix(".html"))
    print(f"Screenshot of the HTML overview at 1366x900: {target} (page: {target.with_suffix('.html')})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20,100")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--screenshot", type=Path, default=None)
    ap.add_argument("--skip-render", action="store_true")
    ap.add_argument("--skip-cache", action="store_true")
    ap.add_argument("--parts", action="store_true", help="LibreOffice's own CPU per part (one process)")
    ap.add_argument("--source", choices=["corpus", "built"], default="corpus",
                    help="corpus: real reports (4-40 pages); built: the builder's 18-page report, copied")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        tmp = Path(tmp)
        env["XDG_CACHE_HOME"] = str(tmp / "xdg")
        if args.parts:
            bench_parts(tmp, int(args.sizes.split(",")[0]), env)
        if not args.skip_render:
            bench_render(tmp, [int(x) for x in args.sizes.split(",")], args.jobs, args.rounds, env, args.source)
        if not args.skip_cache:
            bench_cache(tmp, args.jobs, env)
        if args.screenshot:
            screenshot(tmp, args.screenshot.resolve(), env)


if __name__ == "__main__":
    main()
