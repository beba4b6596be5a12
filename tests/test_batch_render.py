"""Rendering a coach's batch with LibreOffice: several LibreOffice processes at once (as many as the batch has
workers), each converting a batch of documents in one run, with the same page counts and heading pages as one
document at a time; a document that hangs or crashes LibreOffice costs only itself, the other process goes on.

The misbehaving LibreOffice is a small stand-in script in front of the real one: it reads the (sanitised,
numbered) copies it is given, converts them with the real LibreOffice and hangs or crashes when it reaches a
document with a marker paragraph, like a file that trips LibreOffice up."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from lintkit import handbook_parts, write_report
from stageverslag import libreoffice
from stageverslag.batch import check_paths
from stageverslag.document import pages
from stageverslag.document.pages import pdf_page_count, render_key, render_pages_many
from stageverslag.rules import CheckOptions, load_rules

HANG = "STAGEVERSLAG-TEST-HANGT"
CRASH = "STAGEVERSLAG-TEST-CRASHT"
HANG_IN_BATCH = "STAGEVERSLAG-TEST-PARTIJ-HANGT"  # hangs among others, converts alone

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Four reports of different lengths, and two that trip the stand-in LibreOffice up (the largest, so they
    come first in their batch: LibreOffice gets the largest documents first)."""
    folder = tmp_path_factory.mktemp("verslagen")
    good = [write_report(folder / "a.docx", parts=handbook_parts(scale=0.2), toc=False),
            write_report(folder / "b.docx", parts=handbook_parts(scale=0.5)),
            write_report(folder / "c.docx", flavor="libreoffice", parts=handbook_parts(scale=0.9)),
            write_report(folder / "d.docx", parts=handbook_parts(scale=0.35))]
    hangs = write_report(folder / "hangt.docx", parts=handbook_parts(scale=1.3) + [("Markering", [HANG], 1)])
    crashes = write_report(folder / "crasht.docx", parts=handbook_parts(scale=1.3) + [("Markering", [CRASH], 1)])
    hangs_in_batch = write_report(folder / "partij.docx", parts=handbook_parts(scale=0.6) + [
        ("Markering", [HANG_IN_BATCH], 1)])
    return {"good": good, "hangs": hangs, "crashes": crashes, "hangs_in_batch": hangs_in_batch}


@pytest.fixture
def fresh_caches(monkeypatch):
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        monkeypatch.setattr(pages, name, {})


def stand_in(tmp_path: Path, log: Path) -> Path:
    """A 'soffice' that logs each run (start, its documents, end) and hands the documents to the real
    LibreOffice up to a marked one, at which it hangs (HANG; HANG_IN_BATCH only when it has other documents
    too) or exits as if it crashed (CRASH)."""
    real = libreoffice.find_soffice()
    fake = tmp_path / "soffice"
    fake.write_text(f"""#!{sys.executable}
import os, subprocess, sys, time, zipfile
args = sys.argv[1:]
if "--terminate_after_init" in args:  # setting up the profile: not a conversion run
    os.execv({real!r}, [{real!r}] + args)
docs = [a for a in args if a.endswith(".docx")]
rest = [a for a in args if not a.endswith(".docx")]
def log(line):
    with open({str(log)!r}, "a") as fh:
        fh.write(f"{{os.getpid()}} {{line}}\\n")
def marker(doc):
    with zipfile.ZipFile(doc) as zf:
        xml = zf.read("word/document.xml")
    if {HANG_IN_BATCH.encode()!r} in xml and len(docs) > 1:
        return "hang"
    return "hang" if {HANG.encode()!r} in xml else "crash" if {CRASH.encode()!r} in xml else None
log("start " + " ".join(os.path.basename(d) for d in docs))
done = []
for doc in docs:
    what = marker(doc)
    if what is None:
        done.append(doc)
        continue
    if done:
        subprocess.run([{real!r}] + rest + done)
    log(what + " " + os.path.basename(doc))
    if what == "hang":
        time.sleep(600)
    sys.exit(134)
code = subprocess.run([{real!r}] + rest + done).returncode if done else 0
log("end")
sys.exit(code)
""")
    fake.chmod(0o755)
    return fake


def runs(log: Path) -> list[tuple[str, str, list[str]]]:
    return [(pid, what, rest.split()) for pid, what, *r in (line.split(" ", 2) + [""] for line in
                                                             log.read_text().splitlines())
            for rest in [r[0] if r else ""]]


def test_two_processes_give_the_counts_and_heading_pages_of_one(reports, fresh_caches):
    docs = reports["good"]
    two = render_pages_many(docs, processes=2)
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        getattr(pages, name).clear()
    one = render_pages_many(docs, processes=1)
    assert two == one
    assert all(isinstance(v, tuple) for v in one.values()), one
    counts = [one[render_key(d)][0] for d in docs]
    assert len(set(counts)) == 4  # four lengths, four counts
    # the same numbers as LibreOffice one document at a time (check's single-file render)
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        getattr(pages, name).clear()
    assert [pages.render_pages(d) for d in docs] == counts
    assert [pages.rendered_outline(d) for d in docs] == [one[render_key(d)][1] for d in docs]
    assert any(one[render_key(d)][1] for d in docs)  # the heading pages came along


def test_the_batches_are_balanced_largest_first():
    sizes = {"a": 90, "b": 10, "c": 50, "d": 40, "e": 30}

    class P(type(Path())):
        def stat(self):
            class S:
                st_size = sizes[self.stem]
            return S()

    parts = libreoffice._balanced([P(f"/x/{k}.docx") for k in sizes], 2, 50)
    assert [[p.stem for p in part] for part in parts] == [["a", "e"], ["c", "d", "b"]]  # 120 and 100
    assert len(libreoffice._balanced([P(f"/x/{k}.docx") for k in sizes], 2, 2)) == 3  # at most 2 per batch


def test_a_hanging_document_costs_only_itself(reports, tmp_path, monkeypatch, fresh_caches):
    """Two processes; the one that gets the hanging document is stopped after the per-document timeout, the
    documents after it go on in a new process and the hanging one is tried once more alone. The other
    process is not held up: all its documents are counted before the hanging one is given up."""
    log = tmp_path / "runs.txt"
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(stand_in(tmp_path, log)))
    monkeypatch.setattr(libreoffice, "BATCH_STARTUP", 5)
    docs = reports["good"] + [reports["hangs"]]
    batches = libreoffice._balanced(docs, 2, libreoffice.BATCH_CHUNK)
    with_hang = next(b for b in batches if reports["hangs"] in b)
    other = next(b for b in batches if reports["hangs"] not in b)
    assert other and with_hang.index(reports["hangs"]) < len(with_hang) - 1  # something after it, to go on with
    heard: list = []
    result = render_pages_many(docs, processes=2, timeout=8, on_count=lambda k, v: heard.append((k, v)))
    order = [k for k, _ in heard]
    hung = render_key(reports["hangs"])
    assert "langer dan 8 s" in result[hung]
    assert all(order.index(render_key(d)) < order.index(hung) for d in other)
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        getattr(pages, name).clear()
    monkeypatch.delenv("STAGEVERSLAG_SOFFICE")
    expected = render_pages_many(reports["good"], processes=1)  # the real LibreOffice, undisturbed
    assert {k: result[k] for k in expected} == expected
    lines = runs(log)
    hang_runs = [r for r in lines if r[1] == "hang"]
    assert len(hang_runs) == 2  # in its batch, then alone (in a new process)
    starts = [r[2] for r in lines if r[1] == "start"]
    assert len(starts) == 4  # two batches, the rest of the hung one, the hung document alone
    assert len(starts[-1]) == 1


def test_a_document_that_hangs_only_among_others_is_converted_alone(reports, tmp_path, monkeypatch):
    """LibreOffice converts the first document of the batch and then hangs: after the per-document timeout the
    process is stopped, the first pdf is kept, the rest of the batch goes on in a new process and the document
    it hung on is tried once more, alone, where it converts."""
    log = tmp_path / "runs.txt"
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(stand_in(tmp_path, log)))
    monkeypatch.setattr(libreoffice, "BATCH_STARTUP", 60)
    sources = [reports["good"][2], reports["hangs_in_batch"], reports["good"][0]]  # the largest first, as given
    results = libreoffice.convert_many(sources, "pdf", outdir=tmp_path / "pdf", timeout=20)
    assert all(isinstance(v, Path) and v.parent == tmp_path / "pdf" for v in results.values()), results
    lines = runs(log)
    starts = [r[2] for r in lines if r[1] == "start"]
    assert starts == [["0000.docx", "0001.docx", "0002.docx"], ["0002.docx"], ["0001.docx"]], lines  # copies
    assert [r[2] for r in lines if r[1] == "hang"] == [["0001.docx"]]
    monkeypatch.delenv("STAGEVERSLAG_SOFFICE")
    expected = render_pages_many(sources)  # the real LibreOffice, in one batch
    assert [pdf_page_count(results[s]) for s in sources] == [expected[render_key(s)][0] for s in sources]


def test_a_crashing_document_costs_only_itself(reports, tmp_path, monkeypatch, fresh_caches):
    log = tmp_path / "runs.txt"
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(stand_in(tmp_path, log)))
    docs = reports["good"] + [reports["crashes"]]
    result = render_pages_many(docs, processes=1, timeout=60)
    crashed = render_key(reports["crashes"])
    assert "kon crasht.docx niet omzetten" in result[crashed]
    assert all(isinstance(result[render_key(d)], tuple) for d in reports["good"])
    assert len([r for r in runs(log) if r[1] == "crash"]) == 2  # in the batch, then alone


def test_the_number_of_libreoffice_processes_follows_the_jobs(reports, tmp_path, monkeypatch, fresh_caches):
    """jobs=2: two LibreOffice processes, started together (the second starts before the first ends), two
    documents each; jobs=1: one process for all four. The same reports both ways."""
    log = tmp_path / "runs.txt"
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(stand_in(tmp_path, log)))
    folder = tmp_path / "inzendingen"
    folder.mkdir()
    for d in reports["good"]:
        (folder / d.name).write_bytes(d.read_bytes())
    rules = [r for r in load_rules() if r.category == "pages"]
    options = CheckOptions(pages="render", stage="final")
    two = check_paths([folder], options=options, rules=rules, jobs=2)
    events = runs(log)
    assert [len(r[2]) for r in events if r[1] == "start"] == [2, 2]
    assert [r[1] for r in events] == ["start", "start", "end", "end"]  # at the same time
    log.unlink()
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        getattr(pages, name).clear()
    one = check_paths([folder], options=options, rules=rules, jobs=1)
    assert [(r[1], len(r[2])) for r in runs(log)] == [("start", 4), ("end", 0)]
    assert [r.to_dict() for r in two] == [r.to_dict() for r in one]
    assert [r.stats["page_method"] for r in one] == ["render"] * 4


def test_the_copies_libreoffice_sees_are_sanitised_and_the_inputs_untouched(reports, tmp_path, monkeypatch,
                                                                           fresh_caches):
    """A report with a linked picture on a web server: the copy LibreOffice gets links to nothing."""
    src = reports["good"][0]
    linked = tmp_path / "gekoppeld.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(linked, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdWeb" Type="http://schemas.openxml'
                                    b'formats.org/officeDocument/2006/relationships/image" Target="http://example.'
                                    b'invalid/spion.png" TargetMode="External"/></Relationships>')
            zout.writestr(info, data)
    before = linked.read_bytes()
    seen = tmp_path / "gezien"
    real = libreoffice.find_soffice()
    fake = tmp_path / "soffice"
    fake.write_text(f"""#!{sys.executable}
import os, shutil, sys
os.makedirs({str(seen)!r}, exist_ok=True)
for a in sys.argv[1:]:
    if a.endswith(".docx"):
        shutil.copy(a, os.path.join({str(seen)!r}, f"{{os.getpid()}}-{{os.path.basename(a)}}"))
os.execv({real!r}, [{real!r}] + sys.argv[1:])
""")
    fake.chmod(0o755)
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(fake))
    result = render_pages_many([linked, reports["good"][1]], processes=2)
    assert all(isinstance(v, tuple) for v in result.values())
    copies = sorted(seen.iterdir())
    assert len(copies) == 2
    for copy in copies:
        with zipfile.ZipFile(copy) as zf:
            assert b"example.invalid" not in zf.read("word/_rels/document.xml.rels")
    assert linked.read_bytes() == before


# ------------------------------------------------------------------------------------------------ blank pictures

PICTURED = ["nl_eindverslag_sentimentanalysis.docx", "nl_masterproef_scriptie_ethienpont.docx",
            "nl_afstudeerscriptie_ducky035.docx"]  # 64, 53 and 46 pictures, PNG and JPEG


@pytest.mark.corpus
def test_a_blank_picture_has_the_size_and_resolution_of_the_picture():
    import struct
    import zlib

    from lintkit import CORPUS
    from stageverslag.sanitize import _jpeg_size, _png_size, blank_picture
    kinds = set()
    for name in PICTURED:
        with zipfile.ZipFile(CORPUS / name) as zf:
            for member in zf.namelist():
                if not member.startswith("word/media/"):
                    continue
                data = zf.read(member)
                size = _png_size(data) or _jpeg_size(data)
                blank = blank_picture(data)
                if size is None:
                    assert blank is None
                    continue
                kinds.add("png" if data[:4] == b"\x89PNG" else "jpeg")
                width, height, phys = size
                assert blank[:8] == b"\x89PNG\r\n\x1a\n"
                assert struct.unpack(">II", blank[16:24]) == (width, height)
                assert _png_size(blank)[2] == phys
                idat = blank.index(b"IDAT")
                length = struct.unpack(">I", blank[idat - 4:idat])[0]
                assert len(zlib.decompress(blank[idat + 4:idat + 4 + length])) == height * (1 + (width + 7) // 8)
                assert len(blank) < len(data) or width * height < 64
    assert kinds == {"png", "jpeg"}


@pytest.mark.corpus
def test_blank_pictures_give_the_same_pages_and_heading_pages_on_real_reports(fresh_caches):
    """The copies with blank pictures (what a batch renders for page counts) against the reports with their
    pictures, both through LibreOffice: every count and every heading's page the same."""
    from lintkit import CORPUS
    docs = [CORPUS / name for name in PICTURED]
    blank = _same_pages_as_the_reports_themselves(docs)
    assert all(v[0] >= 40 for v in blank.values()) and sum(len(v[1]) for v in blank.values()) > 200


CHARTED = ["nl_eindverslag_engexp3.docx", "nl_richtlijnen_scriptie_vanlooveren.docx",
           "nl_eindverslag_programmingteamproject.docx"]  # two charts; a 2.4 MB and a 1.1 MB EMF picture


@pytest.mark.corpus
def test_blank_charts_and_metafiles_give_the_same_pages_and_heading_pages_on_real_reports(fresh_caches):
    """Charts without series and EMF pictures without drawing records (the header, with the picture's bounds
    and frame, kept): the same page counts and heading pages as the reports themselves."""
    import struct

    from lintkit import CORPUS
    from stageverslag.sanitize import blank_chart, blank_metafile
    docs = [CORPUS / name for name in CHARTED]
    blanked = {"chart": 0, "emf": 0}
    for doc in docs:
        with zipfile.ZipFile(doc) as zf:
            for member in zf.namelist():
                data = zf.read(member)
                if member.lower().endswith(".emf"):
                    blank = blank_metafile(data)
                    assert blank[8:40] == data[8:40] and blank[40:44] == b" EMF"  # bounds, frame, signature
                    assert struct.unpack("<II", blank[48:56]) == (len(blank), 2) and len(blank) < len(data)
                    blanked["emf"] += 1
                elif member.startswith("word/charts/chart") and member.endswith(".xml"):
                    assert blank_chart(data) is not None and blank_chart(data) != data
                    blanked["chart"] += 1
                elif member.startswith("word/charts/"):
                    assert blank_chart(data) is None  # the chart's style and colours stay
    assert blanked == {"chart": 2, "emf": 2}
    blank = _same_pages_as_the_reports_themselves(docs)
    assert sorted(v[0] for v in blank.values()) == [4, 11, 25] and sum(len(v[1]) for v in blank.values()) > 100


def test_a_soffice_bin_that_does_not_start_alone_falls_back_to_the_start_script(reports, tmp_path, monkeypatch,
                                                                               fresh_caches):
    """On Linux a batch starts the soffice.bin next to the soffice start script; where that does not work
    (it exits at once, converting nothing), the batch goes on with the script and says nothing."""
    real = libreoffice.find_soffice()
    folder = tmp_path / "program"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\nexec {real} \"$@\"\n")
    script.chmod(0o755)
    binary = folder / "soffice.bin"
    binary.write_text("#!/bin/sh\nexit 1\n")
    binary.chmod(0o755)
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(script))
    monkeypatch.setattr(libreoffice, "_BIN_FAILED", [])
    assert libreoffice.batch_command(str(script)) == [str(binary)]
    result = render_pages_many(reports["good"][:2], processes=1)
    assert all(isinstance(v, tuple) for v in result.values()), result
    assert libreoffice.batch_command(str(script)) == [str(script)]


def test_a_batch_render_makes_no_connection_and_its_profiles_stay_private(tmp_path):
    """Linked pictures on a listening server: a batch with two LibreOffice processes fetches nothing (copies
    without the links, profiles that block links, also after LibreOffice set them up), and counts the linked
    report as the same report with the picture embedded."""
    from fixtures.linked_docx import write_linked_docx
    from test_privacy import Listener
    listener = Listener()
    try:
        folder = tmp_path / "inzendingen"
        folder.mkdir()
        write_linked_docx(folder / "gekoppeld.docx", listener.url, paragraphs=60)
        write_linked_docx(folder / "gekoppeld2.docx", listener.url, paragraphs=30)
        write_linked_docx(folder / "ingesloten.docx", listener.url, embedded=True, paragraphs=60)
        rules = [r for r in load_rules() if r.category == "pages"]
        reports = check_paths([folder], options=CheckOptions(pages="render", stage="final"), rules=rules, jobs=2)
        assert listener.hits == []
    finally:
        listener.close()
    by_name = {Path(r.file).name: r.stats for r in reports}
    assert all(s["page_method"] == "render" for s in by_name.values())
    assert by_name["gekoppeld.docx"]["pages"] == by_name["ingesloten.docx"]["pages"] >= 2
    profile = libreoffice.private_profile(tmp_path / "profiel")
    libreoffice._wait_set_up(libreoffice._set_up(libreoffice.find_soffice(), profile))
    settings = (tmp_path / "profiel" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    for line in libreoffice.PRIVATE_SETTINGS.splitlines()[2:-1]:
        assert line.split("<value>")[0] in settings


def _same_pages_as_the_reports_themselves(docs) -> dict:
    """The page counts and heading pages of ``docs`` as a batch renders them (blanked copies), checked equal to
    those of the documents themselves converted by LibreOffice; returns the batch's."""
    from stageverslag.document.pages import _outline, pdf_bytes_page_count
    full: dict = {}

    def converted(src, result):
        data = Path(result).read_bytes()
        full[render_key(src)] = (pdf_bytes_page_count(data), _outline(data))

    libreoffice.convert_batches(docs, libreoffice.COUNT_PDF, converted, processes=1)
    blank = render_pages_many(docs, processes=1)
    assert blank == full
    return blank
