"""Coaches' batch: a folder of good and broken reports checked in parallel, one report per file, broken files
as `input` findings that never stop the batch; a progress bar; and the whole corpus without an exception."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from fixtures.docx_factory import (write_empty, write_ole2, write_random_bytes, write_truncated,
                                   write_zip_without_document)
from lintkit import CORPUS, handbook_parts, sha256, write_report
from stageverslag.cli import main
from stageverslag.batch import Progress, check_paths, collect_files
from stageverslag.rules import CheckOptions

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
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header[-1] == "oordeel" and "input" in header
    assert len(body) == 28 + 3
    by_file = {r[0]: dict(zip(header, r)) for r in body}
    broken = {"leeg.docx", "ruis.docx", "oud.docx", "zonder-document.docx", "afgebroken.docx", "~$student00.docx",
              *BROKEN_CORPUS}
    for name, row in by_file.items():
        short = name.rsplit("/", 1)[-1]
        if short in broken:
            assert row["input"] == "fout (1)" and row["oordeel"] == "onleesbaar", name
        else:
            assert row["input"] == "" and row["oordeel"] != "onleesbaar" and int(row["woorden"]) > 1000, name
    assert {f: sha256(f) for f in hashes} == hashes


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
