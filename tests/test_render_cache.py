"""Rendered page counts remembered across runs, keyed by the document's bytes and the renderer: the same file at
another path (a Canvas download unpacked again) needs no LibreOffice; changed bytes, another LibreOffice or the
switch STAGEVERSLAG_NO_RESULT_CACHE do. A stand-in converter writes a PDF with as many pages as the document
has paragraphs, so these tests need no LibreOffice (tests/test_batch_render.py renders for real)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lintkit import handbook_parts, write_report
from stageverslag import libreoffice
from stageverslag.document import pages, rendercache
from stageverslag.document.pages import render_key, render_pages, render_pages_many


def _pdf(pages_count: int) -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Pages /Count " + str(pages_count).encode() + b" >> endobj\n%%EOF\n"


def _pages_of(docx: Path) -> int:
    return 3 + docx.stat().st_size % 7  # differs between the documents, the same for the same bytes


@pytest.fixture
def renderer(tmp_path, monkeypatch):
    """A stand-in LibreOffice (a file, so it has a stamp) and converters that count their documents."""
    program = tmp_path / "lo" / "soffice"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", str(program))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("STAGEVERSLAG_NO_RESULT_CACHE", raising=False)
    monkeypatch.setattr(rendercache, "_STAMP", [])
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        monkeypatch.setattr(pages, name, {})
    seen: list[str] = []

    def convert(src, fmt="pdf", outdir=None, timeout=120):
        seen.append(Path(src).name)
        out = Path(outdir) / (Path(src).stem + ".pdf")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(_pdf(_pages_of(Path(src))))
        return out

    def convert_batches(sources, fmt, on_result, timeout=120, chunk=20, processes=1, layout_only=False):
        for src in sources:
            on_result(src, convert(src, outdir=tmp_path / "pdf"))

    monkeypatch.setattr(libreoffice, "convert", convert)
    monkeypatch.setattr(libreoffice, "convert_batches", convert_batches)
    return {"program": program, "seen": seen}


def _fresh_process():
    for name in ("_RENDER_CACHE", "_RENDER_FAILED", "_RENDER_OUTLINE"):
        getattr(pages, name).clear()


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verslagen")
    return [write_report(folder / "a.docx", parts=handbook_parts(scale=0.3), toc=False),
            write_report(folder / "b.docx", parts=handbook_parts(scale=0.6))]


def test_the_same_bytes_at_another_path_need_no_libreoffice(renderer, documents, tmp_path):
    first = render_pages(documents[0])
    assert first == _pages_of(documents[0]) and renderer["seen"] == ["document.docx"]
    unpacked_again = tmp_path / "opnieuw" / "inzending.docx"
    unpacked_again.parent.mkdir()
    shutil.copy(documents[0], unpacked_again)
    _fresh_process()
    assert render_pages(unpacked_again) == first
    assert renderer["seen"] == ["document.docx"]  # not converted again
    assert render_key(unpacked_again) in pages._RENDER_CACHE


def test_changed_bytes_another_libreoffice_or_the_switch_render_again(renderer, documents, tmp_path, monkeypatch):
    render_pages(documents[0])
    changed = tmp_path / "gewijzigd.docx"
    changed.write_bytes(documents[0].read_bytes() + b"\0")  # one byte more: another document
    _fresh_process()
    render_pages(changed)
    assert len(renderer["seen"]) == 2
    renderer["program"].write_text("#!/bin/sh\n# een nieuwere versie\nexit 0\n")  # LibreOffice updated
    monkeypatch.setattr(rendercache, "_STAMP", [])
    _fresh_process()
    render_pages(documents[0])
    assert len(renderer["seen"]) == 3
    monkeypatch.setenv("STAGEVERSLAG_NO_RESULT_CACHE", "1")
    _fresh_process()
    render_pages(documents[0])
    assert len(renderer["seen"]) == 4


def test_a_second_batch_over_the_same_download_renders_nothing(renderer, documents, tmp_path):
    first = render_pages_many(documents)
    assert sorted(renderer["seen"]) == ["a.docx", "b.docx"]
    again = []
    for doc in documents:
        copy = tmp_path / "tweede-keer" / doc.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copy(doc, copy)
        again.append(copy)
    _fresh_process()
    second = render_pages_many(again)
    assert sorted(renderer["seen"]) == ["a.docx", "b.docx"]  # nothing converted the second time
    assert [second[render_key(c)] for c in again] == [first[render_key(d)] for d in documents]


def test_a_failed_render_is_not_remembered(renderer, documents, monkeypatch):
    def broken(src, fmt="pdf", outdir=None, timeout=120):
        renderer["seen"].append("kapot")
        raise libreoffice.UserError("LibreOffice liep vast.")
    monkeypatch.setattr(libreoffice, "convert", broken)
    with pytest.raises(libreoffice.UserError):
        render_pages(documents[1])
    assert rendercache.load(rendercache.key_of(documents[1])) is None
