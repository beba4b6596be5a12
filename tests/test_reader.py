"""The .docx reader on files written by python-docx (via the fixture factory), raw-XML variants and corpus files."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION

from fixtures.docx_factory import (fake_heading, filler, list_item, make_body_docx, make_report,
                                   outline_paragraph, page_break, picture, remove_parts, set_app, styled, table)
from stageverslag.document.reader import read_docx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def sha256(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def by_text(doc, text):
    return next(p for p in doc.paragraphs if p.text == text)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("r") / "verslag.docx"
    make_report(path, parts=[
        ("Inleiding", [filler(40), fake_heading("Nep kop"), outline_paragraph("Direct niveau twee", 1),
                       outline_paragraph("Gewone tekst met niveau 9", 9), list_item("Genummerd punt"),
                       styled("In een eigen stijl", "Mijn Stijl"), page_break(), picture(),
                       table([["Cel A", "Cel B"], ["Cel C", "Cel D"]])]),
        ("Doelstelling", ["Korte tekst."], 2),
        ("Besluit", [filler(30, 2)]),
    ])
    return path


def test_body_paragraphs_match_python_docx(report):
    doc = read_docx(report)
    theirs = docx.Document(str(report)).paragraphs
    ours = doc.body_paragraphs
    assert [p.index for p in ours] == list(range(len(theirs)))
    assert [p.text for p in ours] == [p.text for p in theirs]
    assert [p.style_name.lower() for p in ours] == [p.style.name.lower() for p in theirs]


def test_headings_by_builtin_style_and_outline_level(report):
    doc = read_docx(report)
    assert [(p.text, p.heading_level) for p in doc.body_paragraphs if p.heading_level] == [
        ("Inleiding", 1), ("Direct niveau twee", 2), ("Doelstelling", 2), ("Besluit", 1)]
    title = by_text(doc, "Stageverslag")
    assert title.style_name == "Title" and title.heading_level is None
    assert by_text(doc, "Direct niveau twee").outline_level == 1
    body_level = by_text(doc, "Gewone tekst met niveau 9")
    assert body_level.outline_level == 9 and body_level.heading_level is None


def test_bold_size_numbering_breaks_images_tables(report):
    doc = read_docx(report)
    fake = by_text(doc, "Nep kop")
    assert (fake.bold, fake.font_size, fake.heading_level, fake.style_name) == (True, 16.0, None, "Normal")
    heading = by_text(doc, "Inleiding")
    assert heading.bold is True and heading.font_size == 14.0  # python-docx template: Heading 1 = 14 pt bold
    normal = by_text(doc, "Korte tekst.")
    assert normal.bold is False and normal.font_size == 11.0  # from docDefaults (sz 22 half-points)
    assert (normal.space_before_pt, normal.space_after_pt, normal.line_spacing) == (None, 10.0, 1.15)  # docDefaults
    assert (heading.space_before_pt, heading.space_after_pt) == (24.0, 0.0)  # Heading 1 overrides before/after
    assert by_text(doc, "Genummerd punt").numbered is True
    assert by_text(doc, "Organisatie en Management").numbered is False  # Subtitle: numPr with ilvl only
    assert by_text(doc, "In een eigen stijl").style_name == "Mijn Stijl"
    assert sum(p.page_break for p in doc.body_paragraphs) == 3  # title page, after TOC, page_break()
    assert [p.has_image for p in doc.paragraphs].count(True) == 1 and doc.images == 1
    cells = [p for p in doc.paragraphs if p.location == "table"]
    assert [p.text for p in cells] == ["Cel A", "Cel B", "Cel C", "Cel D"] and all(p.index is None for p in cells)
    assert doc.tables == 1


def test_toc_content_control_fields_and_headers(report):
    doc = read_docx(report)
    assert doc.toc_sdt is True and doc.cover_sdt is False
    toc = [f for f in doc.fields if f.name == "TOC"]
    assert len(toc) == 1 and toc[0].location == "sdt" and toc[0].instruction == 'TOC \\o "1-3" \\h \\z \\u'
    assert "Inleiding\t2\n" in toc[0].result_text and "Besluit" in toc[0].result_text
    sdt = [p for p in doc.paragraphs if p.location == "sdt"]
    assert sdt[0].text == "Inhoudsopgave" and all(p.index is None for p in sdt)
    assert sdt[1].fields == ['TOC \\o "1-3" \\h \\z \\u']
    (section,) = doc.sections
    assert (section.page_width_cm, section.page_height_cm, section.margins_cm) == (21.0, 29.7, (2.5,) * 4)
    assert section.different_first_page is True
    assert [(h.type, h.text) for h in section.headers] == [("default", "Stageverslag")]
    assert [(f.type, f.text, f.fields) for f in section.footers] == [("default", "Pagina 1", ["PAGE"])]
    assert [(f.name, f.location) for f in doc.fields if f.location == "footer"] == [("PAGE", "footer")]
    assert doc.title == "Stageverslag" and doc.author == "Sam Student"
    assert doc.app.application == "Microsoft Macintosh Word" and doc.app.pages == 1  # python-docx's stale template


def test_reading_never_changes_the_file(report):
    before = (sha256(report), report.stat().st_mtime_ns)
    read_docx(report)
    assert (sha256(report), report.stat().st_mtime_ns) == before


def test_dutch_word_style_ids(tmp_path):
    path = make_report(tmp_path / "nl.docx", flavor="word-nl", app_pages=7, numbered_titles=True,
                       parts=[("Uitgangspunten", ["Tekst."]), ("Context", ["Meer."], 2)])
    doc = read_docx(path)
    heads = [(p.style_id, p.style_name, p.heading_level, p.text) for p in doc.paragraphs if p.heading_level]
    assert heads == [("Kop1", "heading 1", 1, "1. Uitgangspunten"), ("Kop2", "heading 2", 2, "1.1 Context")]
    title = by_text(doc, "Stageverslag")
    assert (title.style_id, title.style_name, title.heading_level) == ("Titel", "Title", None)
    assert (doc.app.application, doc.app.pages) == ("Microsoft Office Word", 7)


def test_libreoffice_like_file(tmp_path):
    path = make_report(tmp_path / "lo.docx", flavor="libreoffice", parts=[("Inleiding", ["Tekst."])])
    doc = read_docx(path)
    head = by_text(doc, "Inleiding")
    assert (head.style_id, head.style_name, head.outline_level, head.heading_level) == ("Heading1", "Heading 1", 0, 1)
    assert doc.app.application.startswith("LibreOffice")


def test_custom_style_based_on_heading_and_fake_headings(tmp_path):
    doc = read_docx(make_report(tmp_path / "c.docx", heading_style="Hoofdstuk", parts=[("Inleiding", ["x"])]))
    head = by_text(doc, "Inleiding")
    assert (head.style_name, head.heading_level) == ("Hoofdstuk", 1)
    doc = read_docx(make_report(tmp_path / "f.docx", heading_style="fake", toc=False, parts=[("Inleiding", ["x"])]))
    head = by_text(doc, "Inleiding")
    assert (head.heading_level, head.bold, head.font_size) == (None, True, 16.0)


STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/><w:basedOn w:val="Standaard"/>
  <w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Eigen"><w:name w:val="Hoofdstuk"/><w:basedOn w:val="Kop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading0"><w:name w:val="Heading 0"/><w:basedOn w:val="Kop1"/>
  <w:pPr><w:outlineLvl w:val="7"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Lijst"><w:name w:val="Lijst"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Zwaar"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
"""


def test_style_chains_and_run_properties(tmp_path):
    path = make_body_docx(tmp_path / "s.docx", """
      <w:p><w:pPr><w:pStyle w:val="Eigen"/></w:pPr><w:r><w:t>Via basedOn</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Heading0"/></w:pPr><w:r><w:t>Niveau acht</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:rStyle w:val="Zwaar"/><w:sz w:val="28"/></w:rPr><w:t>Vet via tekenstijl</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:rStyle w:val="Zwaar"/><w:b w:val="false"/></w:rPr><w:t>Niet vet</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Half</w:t></w:r><w:r><w:t xml:space="preserve"> vet</w:t></w:r>
           <w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve">   </w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Lijst"/></w:pPr><w:r><w:t>Lijst via stijl</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Lijst"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Nummer weg</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Bestaatniet"/></w:pPr><w:r><w:t>Onbekende stijl</w:t></w:r></w:p>
      <w:p><w:pPr><w:spacing w:line="300" w:lineRule="exact" w:after="120"/></w:pPr><w:r><w:t>Exact</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>Titel met niveau</w:t></w:r></w:p>
    """, styles_xml=STYLES)
    doc = read_docx(path)
    looks = {p.text: (p.style_name, p.heading_level, p.bold, p.font_size, p.numbered) for p in doc.paragraphs}
    assert looks == {
        "Via basedOn": ("Hoofdstuk", 1, True, 16.0, False),
        "Niveau acht": ("Heading 0", 8, True, 16.0, False),
        "Vet via tekenstijl": ("Normal", None, True, 14.0, False),
        "Niet vet": ("Normal", None, False, 10.0, False),
        "Half vet   ": ("Normal", None, False, 10.0, False),
        "Lijst via stijl": ("Lijst", None, False, 10.0, True),
        "Nummer weg": ("Lijst", None, False, 10.0, False),
        "Onbekende stijl": ("Normal", None, False, 10.0, False),
        "Exact": ("Normal", None, False, 10.0, False),
        "Titel met niveau": ("Title", None, False, 10.0, False),
    }
    exact = by_text(doc, "Exact")
    assert (exact.line_height_pt, exact.line_spacing, exact.space_after_pt) == (15.0, None, 6.0)
    assert by_text(doc, "Onbekende stijl").style_id == "Bestaatniet"


def test_inline_content_tracked_changes_fields(tmp_path):
    path = make_body_docx(tmp_path / "i.docx", """
      <w:p><w:r><w:t>Een</w:t><w:tab/><w:t>twee</w:t><w:br/><w:t>drie</w:t></w:r></w:p>
      <w:p><w:r><w:t xml:space="preserve">Zie </w:t></w:r><w:hyperlink r:id="rIdX"><w:r><w:t>de site</w:t></w:r></w:hyperlink>
           <w:smartTag w:uri="x" w:element="place"><w:r><w:t xml:space="preserve"> in Geel</w:t></w:r></w:smartTag></w:p>
      <w:p><w:ins w:id="1" w:author="a"><w:r><w:t>nieuw</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>oud</w:delText></w:r></w:del>
           <w:moveFrom w:id="3" w:author="a"><w:r><w:t>weg</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> hier</w:t></w:r></w:moveTo></w:p>
      <w:p><w:r><w:t xml:space="preserve">Bestand: </w:t></w:r><w:fldSimple w:instr=" FILENAME  \\* MERGEFORMAT "><w:r><w:t>verslag.docx</w:t></w:r></w:fldSimple></w:p>
      <w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PA</w:instrText></w:r>
           <w:r><w:instrText>GE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r>
           <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br w:type="page"/></w:r></w:p>
    """)
    doc = read_docx(path)
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["Een\ttwee\ndrie", "Zie de site in Geel", "nieuw hier", "Bestand: verslag.docx", "Pagina 4"]
    assert doc.paragraphs[3].fields == ["FILENAME \\* MERGEFORMAT"]
    assert doc.paragraphs[4].fields == ["PAGE"] and doc.paragraphs[4].page_break
    assert [(f.name, f.result_text) for f in doc.fields] == [("FILENAME", "verslag.docx"), ("PAGE", "4")]
    assert any("bijgehouden wijzigingen" in n for n in doc.notes)


def test_content_controls_and_text_boxes_keep_python_docx_indices(tmp_path):
    path = make_body_docx(tmp_path / "t.docx", """
      <w:p><w:r><w:t>Eerste</w:t></w:r></w:p>
      <w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Cover Pages"/></w:docPartObj></w:sdtPr>
        <w:sdtContent><w:p><w:r><w:t>Op het voorblad</w:t></w:r></w:p></w:sdtContent></w:sdt>
      <w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>
        <w:txbxContent><w:p><w:r><w:t>In een tekstvak</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>
        <w:r><w:t>Tweede</w:t></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cel</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><w:t>Derde</w:t></w:r></w:p>
    """)
    doc = read_docx(path)
    assert [(p.text, p.index, p.location) for p in doc.paragraphs] == [
        ("Eerste", 0, "body"), ("Op het voorblad", None, "sdt"), ("Tweede", 1, "body"),
        ("In een tekstvak", None, "textbox"), ("Cel", None, "table"), ("Derde", 2, "body")]
    assert [p.text for p in docx.Document(str(path)).paragraphs] == ["Eerste", "Tweede", "Derde"]
    assert doc.cover_sdt and not doc.toc_sdt and doc.images == 0


def test_sections_inherit_headers(tmp_path):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Kop A"
    d.sections[0].footer.paragraphs[0].text = "Voet A"
    d.add_paragraph("Deel een")
    new = d.add_section(WD_SECTION.NEW_PAGE)
    new.footer.is_linked_to_previous = False
    new.footer.paragraphs[0].text = "Voet B"
    d.add_paragraph("Deel twee")
    d.save(tmp_path / "s.docx")
    doc = read_docx(tmp_path / "s.docx")
    first, second = doc.sections
    assert [(h.text, h.inherited) for h in first.headers] == [("Kop A", False)]
    assert [(h.text, h.inherited) for h in second.headers] == [("Kop A", True)]
    assert [(f.text, f.inherited) for f in second.footers] == [("Voet B", False)]
    assert sum(p.page_break for p in doc.paragraphs) == 1  # the section break


def test_missing_docprops_and_styles(tmp_path):
    path = make_report(tmp_path / "x.docx", toc=False, parts=[("Inleiding", ["x"])])
    remove_parts(path, ["docProps/app.xml", "word/styles.xml"])
    doc = read_docx(path)
    assert doc.app is None
    assert by_text(doc, "Inleiding").heading_level is None  # no styles: the name is unknown
    assert any("styles.xml" in n for n in doc.notes)
    set_app(make_report(tmp_path / "y.docx", parts=[]), application="Microsoft Office Word", pages=12, words=3456)
    app = read_docx(tmp_path / "y.docx").app
    assert (app.application, app.pages, app.words) == ("Microsoft Office Word", 12, 3456)


# ------------------------------------------------------------------ real files from the corpus

def corpus(name: str) -> Path:
    return CORPUS / name


@pytest.mark.corpus
def test_dutch_thesis_from_word_template():
    doc = read_docx(corpus("nl_afstudeerscriptie_ducky035.docx"))
    assert len(doc.body_paragraphs) == 1118
    by_style = Counter(p.style_id for p in doc.body_paragraphs if p.style_name and p.style_name.startswith("heading"))
    assert by_style == {"Kop1": 16, "Kop2": 28, "Kop3": 27, "Kop4": 8}
    direct = [p for p in doc.body_paragraphs if p.style_name == "Normal" and p.heading_level]
    assert len(direct) == 43 and by_text(doc, "Inleiding").heading_level == 1  # typed with an outline level
    assert (doc.app.application, doc.app.pages) == ("Microsoft Office Word", 89)
    assert doc.toc_sdt and any(f.name == "TOC" and f.location == "sdt" for f in doc.fields)
    footers = [f for s in doc.sections for f in s.footers]
    assert any("PAGE" in f.fields for f in footers)
    assert doc.tables == 21


@pytest.mark.corpus
def test_libreoffice_report_without_heading_styles():
    doc = read_docx(corpus("nl_adviesrapport_prorail_libreoffice.docx"))
    assert len(doc.body_paragraphs) == 112
    assert not any(p.heading_level for p in doc.paragraphs)
    assert doc.app.application.startswith("LibreOffice/24.8") and doc.app.pages == 9
    intro = by_text(doc, "Inleiding")
    assert intro.bold is False and intro.font_size >= 14  # a large Normal line, not bold (w:b=false over Strong)


@pytest.mark.corpus
@pytest.mark.parametrize("name, counts", [
    ("nl_stageverslag_lyvavandamme.docx", {1: 21, 2: 29}),
    ("en_scriptie_containersrtes.docx", {1: 19, 2: 21, 3: 32, 4: 11}),
    ("edge_poi_heading123.docx", {1: 1, 2: 1, 3: 1}),
    ("edge_pandoc_alternate_document_path.docx", {1: 1}),  # main part word/document2.xml
])
def test_corpus_heading_counts(name, counts):
    doc = read_docx(corpus(name))
    assert Counter(p.heading_level for p in doc.body_paragraphs if p.heading_level) == counts


@pytest.mark.corpus
def test_corpus_outline_level_and_custom_heading_styles():
    doc = read_docx(corpus("edge_openxmlsdk_outline_level.docx"))
    first = doc.paragraphs[0]
    assert (first.style_name, first.outline_level, first.heading_level) == ("Normal", 2, 3)
    doc = read_docx(corpus("edge_pandoc_0_level_headers.docx"))
    zero = [p for p in doc.body_paragraphs if p.style_name == "Heading 0"]
    assert len(zero) == 2 and {p.heading_level for p in zero} == {8}  # its own outline level 7
    assert len(doc.sections) == 5
    numbered = read_docx(corpus("edge_pandoc_numbered_header.docx")).paragraphs[0]
    assert numbered.heading_level == 1 and numbered.numbered


@pytest.mark.corpus
def test_corpus_strict_ns0_and_content_controls():
    footer = read_docx(corpus("edge_strict_ooxml_footer.docx"))
    parts = footer.sections[0].headers + footer.sections[0].footers
    assert sorted((h.kind, h.type) for h in parts) == sorted(
        (k, t) for k in ("header", "footer") for t in ("default", "first", "even"))
    assert any("Strikt" in n for n in footer.notes)
    strict = read_docx(corpus("edge_strict_ooxml_strict01.docx"))
    assert strict.toc_sdt and strict.cover_sdt and any(f.name == "TOC" for f in strict.fields)
    assert sum(1 for p in strict.body_paragraphs if p.heading_level) == 10
    ns0 = read_docx(corpus("edge_pandoc_ns0_prefixes.docx"))
    assert [(p.text, p.index) for p in ns0.paragraphs] == [("ref", 0)]
    sdt = read_docx(corpus("edge_pandoc_sdt_content_controls.docx"))  # python-docx sees one empty paragraph
    assert [(p.text, p.index) for p in sdt.body_paragraphs] == [("", 0)]
    assert [p.text for p in sdt.paragraphs if p.location == "table"] == [
        "col1Header", "col2Header", "col3Header", "col1 content", "Body copy", "col3 content"]


@pytest.mark.corpus
def test_corpus_fields_and_odd_packages():
    assert [f.instruction for f in read_docx(corpus("edge_poi_fldsimple.docx")).fields] == ["FILENAME \\* MERGEFORMAT"]
    codes = read_docx(corpus("edge_poi_fieldcodes.docx")).fields
    assert [f.name for f in codes] == ["AUTHOR", "CREATEDATE"]
    macro = read_docx(corpus("edge_poi_macro_45690.docm"))
    assert len(macro.body_paragraphs) == 15 and any("macro" in n for n in macro.notes)
    multi = read_docx(corpus("edge_poi_multiple_body.docx"))
    assert len(multi.paragraphs) == 1 and any("w:body" in n for n in multi.notes)
    invalid = read_docx(corpus("edge_openxmlsdk_invalid_docprops.docx"))
    assert invalid.app is None and any("core.xml" in n for n in invalid.notes)
    empty = read_docx(corpus("edge_openxmlsdk_empty.docx"))
    assert empty.paragraphs == [] and len(empty.sections) == 1
    odd_even = read_docx(corpus("edge_pydocx_odd_even_headers.docx"))
    assert {h.type for h in odd_even.sections[0].headers} == {"default", "first", "even"}
    first_page = read_docx(corpus("edge_pydocx_first_page_hdrftr.docx"))
    one, two = first_page.sections  # the same answers as python-docx's Section API
    assert (one.different_first_page, two.different_first_page) == (False, True)
    assert [(h.type, h.text, h.inherited) for h in two.headers] == [
        ("default", "Default (odd, primary) Header", True), ("first", "First Page Header (section 2)", True)]


def test_imported_chunks_are_noted(tmp_path):
    doc = read_docx(make_body_docx(tmp_path / "a.docx", '<w:p><w:r><w:t>Voor</w:t></w:r></w:p>'
                                                        '<w:altChunk r:id="rId99"/><w:altChunk r:id="rId98"/>'))
    assert [p.text for p in doc.paragraphs] == ["Voor"]
    assert sum("altChunk" in n for n in doc.notes) == 1


def test_continuous_section_break_is_no_page_break(tmp_path):
    d = docx.Document()
    d.add_paragraph("Een")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("Twee")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("Drie")
    d.save(tmp_path / "c.docx")
    doc = read_docx(tmp_path / "c.docx")
    assert [s.start for s in doc.sections] == ["nextPage", "continuous", "nextPage"]
    owners = [p for p in doc.paragraphs if p.text == ""]  # python-docx puts each sectPr in an empty paragraph
    assert [p.page_break for p in owners] == [False, True]


def test_font_family_through_runs_styles_defaults_and_theme(tmp_path):
    d = docx.Document()  # python-docx template: docDefaults point to the theme (minor Cambria, major Calibri)
    d.add_heading("Kop via het thema", 1)
    d.add_paragraph("Gewone tekst via het thema")
    p = d.add_paragraph()
    p.add_run("kort ")
    p.add_run("een veel langer stuk tekst in Arial").font.name = "Arial"
    d.add_paragraph("")
    d.save(tmp_path / "thema.docx")
    doc = read_docx(tmp_path / "thema.docx")
    fonts = [(p.text, p.font_name) for p in doc.paragraphs]
    assert fonts == [("Kop via het thema", "Calibri"), ("Gewone tekst via het thema", "Cambria"),
                     ("kort een veel langer stuk tekst in Arial", "Arial"), ("", "Cambria")]
    path = make_body_docx(tmp_path / "f.docx", """
      <w:p><w:r><w:t>Uit de standaard</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Code"/></w:pPr><w:r><w:t>Via basedOn</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:rStyle w:val="Mono"/></w:rPr><w:t>Via tekenstijl</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:rFonts w:eastAsia="SimSun"/></w:rPr><w:t>Alleen oosters</w:t></w:r></w:p>
      <w:p><w:r><w:rPr><w:rFonts w:ascii="Georgia" w:asciiTheme="majorHAnsi"/></w:rPr><w:t>Thema wint</w:t></w:r></w:p>
      <w:p><w:pPr><w:pStyle w:val="Code"/><w:rPr><w:rFonts w:ascii="Verdana"/></w:rPr></w:pPr></w:p>
    """, styles_xml="""
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>
        <w:rPr><w:rFonts w:eastAsia="Times New Roman"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Basis"><w:name w:val="Basis"/><w:basedOn w:val="Normal"/>
        <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Code"><w:name w:val="Code"/><w:basedOn w:val="Basis"/></w:style>
      <w:style w:type="character" w:styleId="Mono"><w:name w:val="Mono"/><w:rPr><w:rFonts w:ascii="Consolas"/></w:rPr></w:style>
    """)
    doc = read_docx(path)  # the template's theme part is still there: majorHAnsi is Calibri
    assert [p.font_name for p in doc.paragraphs] == ["Times New Roman", "Courier New", "Consolas",
                                                     "Times New Roman", "Calibri", "Verdana"]
    remove_parts(path, ["word/theme/theme1.xml"])
    assert read_docx(path).paragraphs[4].font_name == "Georgia"  # no theme: the named font


@pytest.mark.corpus
def test_font_family_on_corpus_files():
    fonts = {name: Counter() for name in ("nl_stage_planvanaanpak_astron_lofar.docx", "nl_reflectieverslag_ducky035.docx",
                                          "nl_adviesrapport_prorail_libreoffice.docx")}
    for name, counts in fonts.items():
        for p in read_docx(CORPUS / name).paragraphs:
            counts[p.font_name] += len(p.text)
    assert fonts["nl_stage_planvanaanpak_astron_lofar.docx"].most_common(1)[0][0] == "Calibri"  # theme minor font
    assert fonts["nl_reflectieverslag_ducky035.docx"].most_common(1)[0][0] == "Verdana"
    assert fonts["nl_adviesrapport_prorail_libreoffice.docx"].most_common(1)[0][0] == "Montserrat Light"


def test_layout_facts_for_the_page_estimate(tmp_path):
    """Table cells, picture heights, empty-line sizes, contextual spacing and sections, as the estimate uses them."""
    anchor = ('<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
              ' behindDoc="{behind}"><wp:extent cx="1800000" cy="720000"/>{wrap}<a:graphic xmlns:a="http://schemas.'
              'openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/'
              'drawingml/2006/picture"/></a:graphic></wp:anchor></w:drawing></w:r>')
    path = make_body_docx(tmp_path / "l.docx", f"""
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B1</w:t></w:r></w:p>
        <w:p><w:r><w:t>B1 tweede</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>A2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:pPr><w:rPr><w:sz w:val="40"/></w:rPr><w:contextualSpacing/><w:sectPr/></w:pPr></w:p>
      <w:p>{anchor.format(behind="0", wrap='<wp:wrapTopAndBottom/>')}</w:p>
      <w:p>{anchor.format(behind="0", wrap='<wp:wrapNone/>')}</w:p>
      <w:p>{anchor.format(behind="1", wrap='<wp:wrapSquare wrapText="bothSides"/>')}</w:p>
      <w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:100pt;height:72pt">
        <v:imagedata r:id="rIdX"/></v:shape></w:pict></w:r></w:p>
      <w:p><w:r><w:t>Tekst</w:t></w:r></w:p>
    """)
    doc = read_docx(path)
    cells = [(p.text, p.table_cell) for p in doc.paragraphs if p.location == "table"]
    assert cells == [("A1", (1, 0, 0)), ("B1", (1, 0, 1)), ("B1 tweede", (1, 0, 1)), ("A2", (1, 1, 0))]
    empty = doc.body_paragraphs[0]
    assert (empty.mark_size, empty.font_size, empty.contextual_spacing, empty.section) == (20.0, None, True, 0)
    assert [round(p.image_height_cm, 2) for p in doc.body_paragraphs[1:5]] == [2.0, 0.0, 0.0, 2.54]
    assert all(p.has_image for p in doc.body_paragraphs[1:5])
    last = doc.body_paragraphs[-1]
    assert (last.section, last.mark_size, last.contextual_spacing) == (1, None, False) and len(doc.sections) == 2
    plain = read_docx(make_report(tmp_path / "p.docx", parts=[("Inleiding", [picture(6)])]))
    (pic,) = [p for p in plain.paragraphs if p.has_image]
    assert pic.image_height_cm == pytest.approx(6.0, abs=0.01)  # the fixture's picture is square
