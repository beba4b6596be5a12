"""Page counts: LibreOffice renders (real conversions), Word's stored count (trusted or not), the estimate."""

from __future__ import annotations

import hashlib
import statistics
from pathlib import Path

import pytest

from shared_data import Manifest
from fixtures.docx_factory import filler, make_report, picture, table
from stageverslag.document import pages
from stageverslag.document.model import Document, Paragraph
from stageverslag.document.reader import read_docx
from stageverslag.errors import InputError
from stageverslag.document.pages import BARE_LIBREOFFICE, count_pages, estimate_pages, font_metrics, render_pages, word_pages

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
MANIFEST = Manifest(CORPUS / "MANIFEST.tsv")  # read on first use: collecting never touches ../shared


def long_parts(chapters: int = 6) -> list[tuple]:
    parts = []
    for i in range(chapters):
        parts.append((f"Hoofdstuk {i + 1}", [filler(380, i), filler(220, 50 + i),
                                               table([["Aspect", "Score"], ["Planning", "7"], ["Inzet", "8"]])]))
        parts.append((f"Paragraaf {i + 1}.1", [filler(260, 100 + i), picture(8) if i % 2 == 0 else filler(60, i)], 2))
    return parts


@pytest.fixture(scope="module")
def twenty(tmp_path_factory) -> Path:
    """A python-docx report of about twenty pages; Word-NL flavour claiming 19 pages in app.xml."""
    return make_report(tmp_path_factory.mktemp("p") / "twintig.docx", parts=long_parts(), flavor="word-nl",
                       app_pages=19)


@pytest.mark.corpus
@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["edge_pydocx_first_page_hdrftr.docx", "edge_openxmlsdk_coverpage.docx",
                                  "nl_stage_onderzoeksrapport_regas.docx",
                                  "nl_eindverslag_programmingteamproject.docx"])
def test_render_matches_manifest(name):
    path = CORPUS / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert render_pages(path) == int(MANIFEST[name]["rendered_pages"])
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.libreoffice
def test_twenty_page_report_all_methods(twenty):
    doc = read_docx(twenty)
    count = count_pages(doc)  # auto: LibreOffice is installed here and in CI
    assert count.method == "render" and "LibreOffice" in count.label
    assert 17 <= count.pages <= 26
    assert count.others["word"] == 19
    assert abs(count.others["estimate"] - count.pages) <= 0.2 * count.pages
    assert (count.note is None) == (abs(19 - count.pages) <= 1)  # a note only when they differ by 2 or more
    word = count_pages(doc, "word")
    assert (word.pages, word.method, word.note) == (19, "word", None) and "Word" in word.label
    assert word.others["estimate"] == count.others["estimate"] and "render" not in word.others
    estimate = count_pages(doc, "estimate")
    assert estimate.method == "estimate" and estimate.pages == count.others["estimate"]
    doc.app.pages = 40  # as if Word had paginated very differently: render (cached) wins, with a note
    disagree = count_pages(doc)
    assert disagree.pages == count.pages and disagree.others["word"] == 40
    assert "Word telde bij de laatste bewaring 40 pagina's" in disagree.note


@pytest.mark.libreoffice
def test_render_is_cached_per_file_version(tmp_path):
    path = make_report(tmp_path / "kort.docx", parts=[("Inleiding", [filler(100)])])
    first = render_pages(path)
    key = (str(path.resolve()), path.stat().st_mtime_ns, path.stat().st_size)
    assert pages._RENDER_CACHE[key] == first
    assert render_pages(path) == first
    make_report(path, parts=long_parts(2))  # same path, new content: rendered again
    assert render_pages(path) > first


def test_word_count_distrusted(tmp_path):
    stale = read_docx(make_report(tmp_path / "pd.docx", parts=long_parts(2)))  # python-docx template: Pages=1
    assert stale.app.pages == 1 and stale.app.application == "Microsoft Macintosh Word"
    value, reason = word_pages(stale)
    assert value is None and "1 pagina" in reason
    result = count_pages(stale, "word")
    assert result.method == "estimate" and result.pages == estimate_pages(stale) >= 5
    assert "niet bruikbaar" in result.note
    short = read_docx(make_report(tmp_path / "kort.docx", parts=[("Inleiding", [filler(250)])], toc=False,
                                  title_page=False))
    assert short.app.words == 0 and estimate_pages(short) <= 2  # python-docx never updates app.xml
    value, reason = word_pages(short)
    assert value is None and "0 woorden" in reason
    libre = read_docx(make_report(tmp_path / "lo.docx", flavor="libreoffice", app_pages=3, parts=long_parts(1)))
    value, reason = word_pages(libre)
    assert value is None and "LibreOffice" in reason


@pytest.mark.corpus
def test_word_count_from_real_word_files():
    trusted = read_docx(CORPUS / "nl_afstudeerscriptie_ducky035.docx")
    assert word_pages(trusted) == (89, "")
    for name in ("nl_masterproef_scriptie_ethienpont.docx", "nl_stageverslag_lyvavandamme.docx"):
        doc = read_docx(CORPUS / name)  # Word saved them, but app.xml says 1 page for 52 and 27 pages
        assert doc.app.pages == 1 and word_pages(doc)[0] is None


def test_auto_without_libreoffice(monkeypatch, twenty):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")  # the documented switch: no LibreOffice
    doc = read_docx(twenty)
    assert count_pages(doc).method == "word"
    forced = count_pages(doc, "render")
    assert forced.method == "word" and "niet geïnstalleerd" in forced.note
    doc.app = None
    assert count_pages(doc).method == "estimate"


@pytest.mark.corpus
def test_estimate_on_corpus_reports():
    """The MANIFEST was rendered by a LibreOffice without Calibri, Cambria or their stand-ins (it drew DejaVu):
    estimated with those substitutes, the estimate must match its page counts."""
    errors = []
    for name, row in MANIFEST.items():
        if row["kind"] == "edge" or not row["rendered_pages"].isdigit():
            continue
        errors.append(abs(estimate_pages(read_docx(CORPUS / name), BARE_LIBREOFFICE) - int(row["rendered_pages"])))
    assert len(errors) == 34
    assert statistics.mean(errors) < 1.1  # 0.94 when calibrated (bench/bench_pages.py); 1.38 before fonts
    assert sorted(errors)[len(errors) // 2] <= 1 and sum(e == 0 for e in errors) >= 14
    assert max(errors) <= 4
    for name, tolerance in (("nl_afstudeerscriptie_ducky035.docx", 4), ("nl_stageverslag_astron_lofar.docx", 2),
                            ("nl_stage_planvanaanpak_astron_lofar.docx", 1), ("nl_eindverslag_engexp3.docx", 1),
                            ("nl_gip_verslag_smartfrigobox_odisee.docx", 1)):
        real = int(MANIFEST[name]["rendered_pages"])
        assert abs(estimate_pages(read_docx(CORPUS / name), BARE_LIBREOFFICE) - real) <= tolerance, name


@pytest.mark.corpus
def test_estimate_with_named_fonts_follows_words_own_count():
    """With the fonts the document names (what Word draws), the estimate follows Word's own trusted count."""
    errors = {}
    for name in MANIFEST:
        try:
            doc = read_docx(CORPUS / name)
        except InputError:
            continue
        word, _why = word_pages(doc)
        if word is not None and word > 1:
            errors[name] = abs(estimate_pages(doc) - word)
    assert len(errors) >= 25
    assert statistics.mean(errors.values()) < 1.3  # 1.13 when calibrated
    assert sorted(errors.values())[len(errors) // 2] <= 1
    calibri = read_docx(CORPUS / "en_bachelor_thesis_vu_jappaaa.docx")  # Calibri: narrower than DejaVu Sans
    assert estimate_pages(calibri) < estimate_pages(calibri, BARE_LIBREOFFICE)


@pytest.mark.libreoffice
def test_estimate_of_our_own_builder_output_matches_the_render(tmp_path):
    from stageverslag.builder import build_report
    from stageverslag.project import load_project
    example = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject"
    path = tmp_path / "x.docx"
    build_report(load_project(example), output=path, force=True)
    doc = read_docx(path)
    assert {p.font_name for p in doc.paragraphs if p.text.strip()} == {"Arial"}
    rendered = count_pages(doc, method="render")
    assert rendered.method == "render" and 16 <= rendered.pages <= 20
    assert abs(estimate_pages(doc) - rendered.pages) <= 1
    assert estimate_pages(doc, BARE_LIBREOFFICE) == estimate_pages(doc)  # Arial is there as Liberation Sans
    drafts = load_project(example).document()  # the Markdown drafts, estimated as the builder lays them out
    assert drafts.source == "markdown" and abs(estimate_pages(drafts) - rendered.pages) <= 1


def test_font_metrics_by_family():
    calibri, arial, times, verdana = (font_metrics(n) for n in ("Calibri", "Arial", "Times New Roman", "Verdana"))
    assert calibri[0] < arial[0] < verdana[0] and times[0] < arial[0]
    assert font_metrics("Calibri Light") == calibri and font_metrics("TimesNewRomanPSMT") == times
    assert font_metrics("Georgia Pro Light") == font_metrics("Georgia")
    assert font_metrics(None) == times  # Word's default when a document names no font
    assert font_metrics("Calibri", BARE_LIBREOFFICE) == font_metrics("DejaVu Sans")
    assert font_metrics("Arial", BARE_LIBREOFFICE) == arial
    assert font_metrics("Een Onbekend Lettertype") == pages.UNKNOWN_FONT


def test_estimate_follows_fonts_tables_pictures_and_spacing(tmp_path):
    doc = read_docx(make_report(tmp_path / "f.docx", parts=long_parts(3), toc=False, title_page=False))
    body = [p for p in doc.paragraphs if p.location == "body" and len(p.text) > 200]
    base = estimate_pages(doc)
    for p in body:
        p.font_name = "Verdana"
    wide = estimate_pages(doc)
    for p in body:
        p.font_name = "Calibri"
    assert estimate_pages(doc) <= base < wide
    short = Document(path=None, source="docx", paragraphs=[Paragraph(filler(60, i), index=i, font_name="Arial",
                                                                     space_after_pt=12.0) for i in range(30)])
    spaced = estimate_pages(short)
    for p in short.paragraphs:
        p.contextual_spacing, p.style_id = True, "Lijst"
    assert estimate_pages(short) < spaced  # no space between paragraphs of one style
    pictures = Document(path=None, source="docx", paragraphs=[
        Paragraph("", index=i, has_image=True, image_height_cm=12.0) for i in range(4)])
    assert estimate_pages(pictures) == 2  # two 12 cm pictures per 24.7 cm page (A4, 2.5 cm margins)
    for p in pictures.paragraphs:
        p.image_height_cm = 13.0
    assert estimate_pages(pictures) == 4  # a picture is never split
    cells = [Paragraph(f"Score {i}", index=None, location="table", table_cell=(1, i // 4, i % 4)) for i in range(240)]
    side_by_side = Document(path=None, source="docx", paragraphs=cells)
    stacked = Document(path=None, source="docx", paragraphs=[
        Paragraph(c.text, index=None, location="table", table_cell=(1, i, 0)) for i, c in enumerate(cells)])
    flat = estimate_pages(side_by_side)
    assert flat * 2 < estimate_pages(stacked)  # a row is as high as one cell
    cells[5].text = filler(500)  # one full cell makes its row high
    assert estimate_pages(side_by_side) > flat


def test_estimate_follows_page_setup_and_breaks(tmp_path):
    doc = read_docx(make_report(tmp_path / "a.docx", parts=long_parts(2), toc=False))
    base = estimate_pages(doc)
    doc.sections[0].margins_cm = (5.0, 5.0, 5.0, 5.0)
    assert estimate_pages(doc) > base
    short = Document(path=None, source="docx", paragraphs=[Paragraph("kort", index=i) for i in range(3)])
    assert estimate_pages(short) == 1
    short.paragraphs[0].page_break = True
    short.paragraphs[1].page_break = True
    assert estimate_pages(short) == 3


def test_markdown_documents_are_estimated():
    doc = Document(path=Path("project"), source="markdown",
                   paragraphs=[Paragraph(filler(400, i), index=None, location="markdown") for i in range(10)])
    result = count_pages(doc, "render")
    assert result.method == "estimate" and result.pages == estimate_pages(doc) >= 6 and result.others == {}


def test_pdf_page_count_reads_the_page_tree(tmp_path):
    from stageverslag.document.pages import pdf_page_count
    kids = " ".join(f"{i} 0 R" for i in (3, 4, 5))
    pages_obj = "<< /Type /Pages /Kids [" + kids + "] /Count 3 >>"
    body = ["<< /Type /Catalog /Pages 2 0 R >>", pages_obj] + ["<< /Type /Page /Parent 2 0 R >>"] * 3
    pdf = tmp_path / "drie.pdf"
    pdf.write_bytes(("%PDF-1.4\n" + "".join(f"{i} 0 obj\n{o}\nendobj\n" for i, o in enumerate(body, 1))
                     + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").encode())
    assert pdf_page_count(pdf) == 3
    pdf.write_bytes(pdf.read_bytes().replace(b" /Count 3", b""))  # no count: the leaves are counted
    assert pdf_page_count(pdf) == 3


@pytest.mark.libreoffice
def test_render_of_a_file_that_went_away_falls_back(tmp_path):
    path = make_report(tmp_path / "weg.docx", parts=[("Inleiding", [filler(100)])], flavor="word-nl", app_pages=2)
    doc = read_docx(path)
    path.unlink()
    result = count_pages(doc)
    assert result.method == "word" and result.pages == 2 and "lukte niet" in result.note
