"""Coaches' batch: a folder of good and broken reports checked in parallel, one report per file, broken files
as `input` findings that never stop the batch; a progress bar; and the whole corpus without an exception."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

import pytest

from fixtures.docx_factory import (write_empty, write_ole2, write_random_bytes, write_truncated,
                                   write_zip_without_document)
from lintkit import CORPUS, handbook_parts, sha256, write_report
from stageverslag.cli import main
from stageverslag.batch import KILL_HOOK, STOPPED, Progress, check_paths, collect_files
from stageverslag.linter import exit_status
from stageverslag.reporters.overview import build_rows
from stageverslag.rules import CheckOptions, load_rules

BROKEN_CORPUS = ["edge_poi_encrypted_agile.docx", "edge_poi_truncated.docx", "edge_word_owner_lockfile.docx"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """22 good reports (four kinds, copied) in subfolders, and six broken files next to them."""
    root = tmp_path_factory.mktemp("inzendingen")
    src = tmp_path_factory.mktemp("bron")
    kinds = [write_report(src / "a.docx", flavor="word-nl", app_pages=18),
             write_report(src / "b.docx", flavor="libreoffice", heading_style="fake"),
             write_report(src / "c.docx", parts=handbook_parts(skip=["bijlage"], scale=0.5), toc=False),
             write_report(src / "d.docx", parts=handbook_parts(skip=["inleiding", "leerervaringen_2", "conclusie",
                                                                     "bijlage"]))]
    for i in range(22):
        sub = root / f"groep{i % 3}"
        sub.mkdir(exist_ok=True)
        shutil.copy(kinds[i % 4], sub / f"student{i:02d}.docx")
    write_empty(root / "leeg.docx")
    write_random_bytes(root / "ruis.docx")
    write_ole2(root / "oud.docx")
    write_zip_without_document(root / "zonder-document.docx")
    write_truncated(root / "afgebroken.docx", kinds[0])
    shutil.copy(kinds[0], root / "~$student00.docx")
    (root / "notities.txt").write_text("geen verslag")
    return root


def test_collect_files_recursive_sorted_and_keeps_lock_files(folder):
    files = collect_files([folder])
    assert len(files) == 28 and files == sorted(files)
    assert folder / "~$student00.docx" in files and not any(f.suffix == ".txt" for f in files)


@pytest.mark.corpus
def test_batch_csv_one_row_per_file_broken_ones_as_input(folder, capsys):
    hashes = {f: sha256(f) for f in collect_files([folder])}
    extra = [CORPUS / name for name in BROKEN_CORPUS]
    code = main(["check", str(folder), *map(str, extra), "--format", "csv", "--pages", "estimate", "--jobs", "2",
                 "--ignore", "spelling,dt,spreektaal,style"])
    assert code == 2
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out.lstrip("\ufeff")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:9] == ["student", "bestand", "fase", "laat", "oordeel", "fouten", "waarschuwingen", "pagina's",
                          "woorden"]
    assert len(body) == 28 + 3  # every file its own student: none of these names is a Canvas name
    by_file = {r[1]: dict(zip(header, r)) for r in body}
    broken = {"leeg.docx", "ruis.docx", "oud.docx", "zonder-document.docx", "afgebroken.docx", "~$student00.docx",
              *BROKEN_CORPUS}
    assert set(by_file) == broken | {f"student{i:02d}.docx" for i in range(22)}
    for name, row in by_file.items():
        assert row["student"] == name.rsplit(".", 1)[0] and row["laat"] == ""
        assert row["fase"] in ("eindversie", "tussentijdse versie")
        if name in broken:
            assert row["oordeel"] == "onleesbaar" and row["woorden"] == "" and row["onderdelen"] == "", name
        else:
            assert row["oordeel"] != "onleesbaar" and int(row["woorden"]) > 1000, name
            assert row["spelling"] == "" and row["onderdelen"] != ""  # ignored: not checked, so no verdict
    assert {f: sha256(f) for f in hashes} == hashes
    # the batch ends on the terminal with the summary and where the output went; stdout is only the csv
    assert captured.err.strip().endswith("Het rapport staat op de standaarduitvoer.")
    assert "31 verslagen: " in captured.err and "9 onleesbaar" in captured.err


def test_batch_json_in_file_order_same_as_serial(folder):
    options = CheckOptions(pages="estimate")
    parallel = check_paths([folder], options=options, jobs=2)
    serial = check_paths([folder], options=options, jobs=1)
    assert [r.file for r in parallel] == [str(f) for f in collect_files([folder])]
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]
    inputs = [r for r in parallel if r.error]
    assert len(inputs) == 6 and all(len(r.findings) == 1 and r.findings[0].code == "SV900" for r in inputs)
    midterm_like = [r for r in parallel if r.file.endswith(("student03.docx", "student07.docx"))]
    assert all(any(f.part == "inleiding" for f in r.findings) for r in midterm_like)


def test_progress_bar_only_on_a_terminal():
    out = io.StringIO()
    bar = Progress(20, stream=out, enabled=True)
    for i in range(20):
        bar.step(f"student{i:02d}.docx")
    bar.close()
    text = out.getvalue()
    assert "\r[" in text and "20/20 student19.docx" in text and "1/20" in text
    quiet = io.StringIO()
    Progress(20, stream=quiet).step("x")  # StringIO is no terminal
    assert quiet.getvalue() == ""


@pytest.mark.corpus
def test_whole_corpus_every_file_a_report():
    files = collect_files([CORPUS])
    reports = check_paths([CORPUS], options=CheckOptions(pages="estimate"), jobs=2)
    assert len(reports) == len(files) >= 68
    for r in reports:
        json.dumps(r.to_dict(), ensure_ascii=False)
        assert not [n for n in r.notes if "liep vast" in n or "interne fout" in n], (r.file, r.notes)
        if r.error:
            assert [f.category for f in r.findings] == ["input"]
        else:
            assert r.stats["words"] is not None and r.stats["pages"] >= 1
    readable = {r.file.rsplit("/", 1)[-1] for r in reports if not r.error}
    assert "nl_stageverslag_multimove.docx" in readable and "edge_poi_encrypted_agile.docx" not in readable


# ------------------------------------------------------------------------------------------------ Canvas, isolation, cache

OVERVIEW_HEADER = ["student", "bestand", "fase", "laat", "oordeel", "fouten", "waarschuwingen", "pagina's", "woorden",
                   "onderdelen", "inhoud", "omvang", "titelpagina", "inhoudsopgave", "kop- en voettekst", "koppen",
                   "spelling", "dt-fouten", "spreektaal en stijl", "termijn", "toelichting"]


@pytest.fixture(scope="module")
def canvas_zip(tmp_path_factory):
    """A Canvas download: on time, late, two files of one student, a pdf, a broken .docx, a '../' name and a
    file name that looks like a spreadsheet formula."""
    src = tmp_path_factory.mktemp("canvas-bron")
    good = write_report(src / "goed.docx", flavor="word-nl", app_pages=18)
    short = write_report(src / "kort.docx", parts=handbook_parts(skip=["conclusie", "bijlage"], scale=0.3))
    broken = write_truncated(src / "kapot.docx", good)
    download = tmp_path_factory.mktemp("canvas") / "submissions.zip"
    with zipfile.ZipFile(download, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(good, "peetersjan_101_201_Stageverslag Jan Peeters.docx")
        zf.write(good, "janssensan_LATE_102_202_verslag.docx")
        zf.write(good, "maesbert_103_203_eindverslag.docx")
        zf.write(short, "maesbert_103_203_bijlagen-1.docx")
        zf.writestr("claesina_104_204_verslag.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n")
        zf.write(broken, "wuytskees_105_205_verslag.docx")
        zf.write(good, "../../ontsnapt_106_206_verslag.docx")
        zf.write(short, '=HYPERLINK("x","klik").docx')
    return download


def test_canvas_zip_csv_row_by_row(canvas_zip, capsys):
    code = main(["check", str(canvas_zip), "--format", "csv", "--pages", "word", "--jobs", "2", "--stage", "final",
                 "--ignore", "dt,spreektaal,style"])
    captured = capsys.readouterr()
    assert code == 2  # unreadable files among them
    assert captured.out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(captured.out[1:]), delimiter=";"))
    assert rows[0] == OVERVIEW_HEADER
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert [r["student"] for r in body] == ["peetersjan", "janssensan", "maesbert", "claesina", "wuytskees",
                                            "ontsnapt", "'=HYPERLINK(\"x\",\"klik\")"]
    on_time, late, two, pdf, broken, escaped, formula = body
    assert on_time == {**on_time, "bestand": "peetersjan_101_201_Stageverslag Jan Peeters.docx", "fase": "eindversie",
                       "laat": "nee", "oordeel": "in orde", "fouten": "0", "pagina's": "18", "onderdelen": "ok",
                       "omvang": "ok", "titelpagina": "ok", "inhoudsopgave": "ok", "kop- en voettekst": "ok",
                       "koppen": "ok", "spelling": "ok", "termijn": "ok", "toelichting": ""}
    assert int(on_time["woorden"]) > 5000
    assert on_time["dt-fouten"] == on_time["spreektaal en stijl"] == ""  # ignored: not checked, so no verdict
    assert late["laat"] == "ja" and late["oordeel"] == "in orde" and late["woorden"] == on_time["woorden"]
    # two files of one student: one row, the full report judged, the other named
    assert two["bestand"] == "maesbert_103_203_eindverslag.docx (ook: maesbert_103_203_bijlagen-1.docx)"
    assert two["oordeel"] == "in orde" and two["woorden"] == on_time["woorden"]
    assert pdf["oordeel"] == "onleesbaar" and pdf["laat"] == "nee" and "pdf" in pdf["toelichting"]
    assert pdf["fouten"] == pdf["woorden"] == pdf["onderdelen"] == ""
    assert broken["oordeel"] == "onleesbaar" and "beschadigd" in broken["toelichting"]
    assert escaped["oordeel"] == "onleesbaar" and "../" in escaped["toelichting"]
    assert not (canvas_zip.parent.parent / "ontsnapt_106_206_verslag.docx").exists()
    # a name that Excel would run as a formula is text in the csv (OWASP: a leading quote)
    assert formula["bestand"].startswith("'=HYPERLINK") and formula["laat"] == ""
    assert formula["oordeel"] == "niet in orde" and formula["onderdelen"].startswith("2: ")
    for row in body:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values()), row
    assert captured.err.strip().splitlines()[-1] == (
        "7 verslagen: 3 in orde, 1 niet in orde, 3 onleesbaar; 1 laat. Het rapport staat op de standaarduitvoer.")


def test_canvas_zip_html_same_facts_escaped(canvas_zip, tmp_path, capsys):
    out = tmp_path / "overzicht.html"
    main(["check", str(canvas_zip), "--format", "html", "--pages", "word", "--jobs", "1", "--stage", "final",
          "--ignore", "dt,spreektaal,style", "-o", str(out)])
    err = capsys.readouterr().err
    assert f"Het rapport staat in {out.resolve()}." in err
    page = out.read_text(encoding="utf-8")
    assert '<p class="summary" id="samenvatting">7 verslagen: 3 in orde, 1 niet in orde, 3 onleesbaar; 1 laat</p>' \
        in page
    assert "Content-Security-Policy" in page and "default-src &#x27;none&#x27;" in page
    assert '=HYPERLINK("' not in page and "=HYPERLINK(&quot;x&quot;" in page
    assert page.count("<details>") == 7 and page.count('<tr class="v-') == 7
    assert "maesbert_103_203_bijlagen-1.docx" in page and "eindverslag.docx (ook: bijlagen-1.docx)" in page


def test_a_first_batch_from_the_command_line_ends_with_its_output_captured(canvas_zip, tmp_path):
    """The command as a script or a coach's shell runs it: a first run (no remembered words), all rules, two
    workers, output captured. The dictionaries were once preloaded in a thread before the workers forked:
    the workers then waited for threads they did not have, for ever."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    out = tmp_path / "overzicht.csv"
    done = subprocess.run([sys.executable, "-m", "stageverslag", "check", str(canvas_zip), "--format", "csv",
                           "--pages", "word", "--jobs", "2", "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)  # a bound, not a measurement
    assert done.returncode == 2, done.stderr  # unreadable files among them
    assert done.stderr.strip().splitlines()[-1].startswith("7 verslagen: ")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert len(rows) == 8 and rows[1][0] == "peetersjan"


def test_a_worker_that_dies_costs_only_its_own_file(folder, monkeypatch, tmp_path):
    """One file kills its worker every time, one only the first time: the pool is rebuilt, the first file
    is reported as stopped, the second is retried and checked, and every other file gets its report."""
    options = CheckOptions(pages="estimate", stage="final")
    rules = [r for r in load_rules() if not r.language]
    files = collect_files([folder])
    marker = tmp_path / "al-eens-gestorven"
    monkeypatch.setenv(KILL_HOOK, f"student05.docx,student10.docx@{marker}")
    reports = check_paths([folder], options=options, rules=rules, jobs=2)
    assert marker.exists()  # student10 did kill its worker once
    monkeypatch.delenv(KILL_HOOK)
    serial = check_paths([folder], options=options, rules=rules, jobs=1)
    assert [r.file for r in reports] == [str(f) for f in files]
    for r, expected in zip(reports, serial):
        if r.file.endswith("student05.docx"):
            assert r.stopped and not r.error and r.internal_errors and not r.findings
            assert any(STOPPED in n for n in r.notes)
        else:
            assert not r.stopped and r.to_dict() == expected.to_dict(), r.file
    cols, rows = build_rows(reports)
    by_student = {row.student: row.columns for row in rows}
    assert by_student["student05"]["oordeel"] == "niet nagekeken" and by_student["student05"]["fouten"] == ""
    assert by_student["student10"]["oordeel"] != "niet nagekeken"
    assert exit_status(reports) == 3


def test_a_multi_worker_batch_writes_the_spelling_cache_once(tmp_path, monkeypatch):
    from stageverslag.language import dictionary
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionary, "_DICTIONARIES", {})
    words = ["zwarbelkoek", "grontivaal", "flamboterig"]
    src = write_report(tmp_path / "bron.docx", parts=[("Inleiding", [f"Dit verslag gaat over {w} en meer." for w in
                                                                       words], 1)])
    folder = tmp_path / "map"
    folder.mkdir()
    for i in range(4):
        shutil.copy(src, folder / f"s{i}.docx")
    rules = [r for r in load_rules() if r.category == "spelling"]
    options = CheckOptions(pages="estimate", stage="final", suggestions=False)
    reports = check_paths([folder], options=options, rules=rules, jobs=2)
    assert all({w for w in words if any(w in f.message for f in r.findings)} == set(words) for r in reports)
    files = list((tmp_path / "cache" / "stageverslag").glob("woorden-*.json"))
    assert len(files) == 1, "the parent writes the verdicts the workers learned"
    known = json.loads(files[0].read_text(encoding="utf-8"))["known"]
    assert {w: known.get(w) for w in words} == {w: 0 for w in words} and known.get("verslag") == 1
    stamp = files[0].stat().st_mtime_ns
    monkeypatch.setattr(dictionary, "_DICTIONARIES", {})  # a new run: the verdicts come from the file
    again = check_paths([folder], options=options, rules=rules, jobs=2)
    assert [r.to_dict() for r in again] == [r.to_dict() for r in reports]
    assert files[0].stat().st_mtime_ns == stamp  # nothing new to learn: every verdict came from the cache


# ------------------------------------------------------------------------------------------------ rendering in batches


@pytest.fixture(scope="module")
def three_lengths(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lengtes")
    write_report(folder / "a.docx", parts=handbook_parts(scale=0.2), toc=False)
    write_report(folder / "b.docx", parts=handbook_parts(scale=0.6))
    write_report(folder / "c.docx", flavor="libreoffice", parts=handbook_parts(scale=1.0))
    return folder


@pytest.mark.libreoffice
def test_batch_render_same_page_counts_as_one_file_at_a_time(three_lengths, monkeypatch):
    from stageverslag import libreoffice
    from stageverslag.document import pages
    calls = {"one": 0, "many": []}
    convert, convert_batches = libreoffice.convert, libreoffice.convert_batches

    def one(*args, **kwargs):
        calls["one"] += 1
        return convert(*args, **kwargs)

    def many(sources, *args, **kwargs):
        calls["many"].append(len(sources))
        return convert_batches(sources, *args, **kwargs)

    monkeypatch.setattr(libreoffice, "convert", one)
    monkeypatch.setattr(libreoffice, "convert_batches", many)
    rules = [r for r in load_rules() if r.category == "pages"]
    options = CheckOptions(pages="render", stage="final")
    monkeypatch.setattr(pages, "_RENDER_CACHE", {})
    monkeypatch.setattr(pages, "_RENDER_OUTLINE", {})
    batch = check_paths([three_lengths], options=options, rules=rules, jobs=1)
    assert calls == {"one": 0, "many": [3]}  # one LibreOffice process for the three
    monkeypatch.setattr(pages, "_RENDER_CACHE", {})
    monkeypatch.setattr(pages, "_RENDER_FAILED", {})
    monkeypatch.setattr(pages, "_RENDER_OUTLINE", {})
    single = check_paths([three_lengths], options=options, rules=rules, jobs=1, batch_render=False)
    assert calls == {"one": 3, "many": [3]}
    assert [r.stats["page_method"] for r in batch] == ["render"] * 3
    assert [r.stats["pages"] for r in batch] == [r.stats["pages"] for r in single]
    assert len({r.stats["pages"] for r in batch}) == 3  # three different lengths, each its own count
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in single]
