"""House style: a company's .dotx/.docx is the base of the built report. Its styles (a Dutch Word's ``Kop1``
with its own font and colour), page setup, header with logo and footer stay; its body text goes; the
template itself is never touched. Missing styles are copied in from the default."""

from __future__ import annotations

import hashlib

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from fixtures.docx_factory import patch_parts, png_bytes, rename_styles
from stageverslag.builder import build_report
from stageverslag.docxbuild.base import style_by_name
from stageverslag.libreoffice import convert
from test_build import RICH, make_project

DOTX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def company_template(path, *, dotx=True, drop_styles=(), logo=True, footer_page=False):
    """A company template as a Dutch Word saves it: styleIds Kop1/Kop2, Georgia headings in dark red,
    narrow margins, a logo and the company name in the header, and some sample body text."""
    d = docx.Document()
    for name, size in (("Heading 1", 20), ("Heading 2", 14)):
        st = d.styles[name]
        rpr = st.element.get_or_add_rPr()
        rpr.remove(rpr.find(qn("w:rFonts")))
        st.font.name = "Georgia"
        st.font.size = Pt(size)
        rpr.remove(rpr.find(qn("w:color")))
        st.font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3), Cm(2), Cm(2.2), Cm(1.8)
    header = sec.header.paragraphs[0]
    if logo:
        header.add_run().add_picture(__import__("io").BytesIO(png_bytes(120, 40)), width=Cm(3))
    header.add_run("  Acme NV — Human Resources")
    if footer_page:
        from fixtures.docx_factory import add_field
        p = sec.footer.paragraphs[0]
        p.add_run("Acme p. ")
        add_field(p, "PAGE")
    d.add_paragraph("Voorbeeldtekst uit het sjabloon die niet in het verslag hoort.")
    d.add_heading("Sjabloonkop die weg moet", 1)
    for name in drop_styles:
        el = style_by_name(d, name)
        el.getparent().remove(el)
    path = path.with_suffix(".docx")
    d.save(path)
    rename_styles(path, {"Heading1": "Kop1", "Heading2": "Kop2", "Title": "Titel"})
    if dotx:
        patch_parts(path, {"[Content_Types].xml": lambda b: b.replace(DOCX_CT.encode(), DOTX_CT.encode())})
        path = path.rename(path.with_suffix(".dotx"))
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")


def test_dotx_house_style_keeps_styles_margins_header_and_logo(tmp_path, no_soffice):
    template = company_template(tmp_path / "huisstijl")
    before = digest(template)
    with pytest.raises(ValueError):
        docx.Document(template)  # python-docx alone cannot open a .dotx: the builder must handle it
    project = make_project(tmp_path)
    result = build_report(project, house_style=template)
    assert digest(template) == before
    d = docx.Document(result.docx)
    parts = [p for p in d.paragraphs if p.style.style_id == "Kop1"]
    assert [p.text for p in parts] == [p.title for p in project.profile.parts]
    assert {p.text for p in d.paragraphs if p.style.style_id == "Kop2"} >= {"Het beroep", "De leerervaringen"}
    kop1 = d.styles.get_by_id("Kop1", 1)
    assert kop1.name == "Heading 1"
    assert kop1.font.name == "Georgia" and kop1.font.size == Pt(20)
    assert kop1.font.color.rgb == RGBColor(0x80, 0x00, 0x20)
    sec = d.sections[0]
    assert [round(x.cm, 1) for x in (sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin)] \
        == [3.0, 1.8, 2.0, 2.2]
    header = sec.header
    assert any(rel.reltype == RT.IMAGE for rel in header.part.rels.values())
    assert header._element.findall(".//" + qn("a:blip"))
    assert "Acme NV — Human Resources" in "".join(p.text for p in header.paragraphs)
    assert "Lotte Peeters" in "".join(p.text for p in header.paragraphs)  # added beside the logo
    footer_fields = [" ".join(t.text.split()) for t in sec.footer._element.iter(qn("w:instrText"))]
    assert "PAGE" in footer_fields
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Voorbeeldtekst uit het sjabloon" not in text and "Sjabloonkop" not in text
    # the styles the template lacked came from the default
    for name in ("Plaatshouder", "toc 1", "Hyperlink"):
        assert style_by_name(d, name) is not None
    # the title page uses the template's own Title style (styleId Titel)
    assert d.paragraphs[0].style.style_id == "Titel"


def test_house_style_footer_with_page_number_is_left_alone(tmp_path, no_soffice):
    template = company_template(tmp_path / "huisstijl", dotx=False, footer_page=True)
    project = make_project(tmp_path)
    d = docx.Document(build_report(project, house_style=template).docx)
    footer = d.sections[0].footer
    assert [" ".join(t.text.split()) for t in footer._element.iter(qn("w:instrText"))] == ["PAGE"]
    assert "Acme p." in footer.paragraphs[0].text


def test_template_without_list_quote_and_link_styles_gets_them(tmp_path, no_soffice):
    template = company_template(tmp_path / "kaal", drop_styles=("List Bullet", "List Number", "Quote",
                                                                 "TOC Heading", "Table Grid"))
    project = make_project(tmp_path)
    d = docx.Document(build_report(project, house_style=template).docx)
    paras = d.paragraphs
    bullet = next(p for p in paras if p.text == "eerste punt")
    assert bullet.style.name == "List Bullet" and bullet._p.pPr.numPr is not None
    number = next(p for p in paras if p.text == "stap een")
    assert number.style.name == "List Number"
    num_id = number._p.pPr.numPr.numId.val
    numbering = d.part.numbering_part.element
    num = numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")
    abstract = numbering.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}="
                              f"'{num.find(qn('w:abstractNumId')).get(qn('w:val'))}']")
    assert abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "decimal"
    assert next(p for p in paras if p.text == "Een citaat van mijn mentor.").style.name == "Quote"
    assert d.tables[0].style.name == "Table Grid"
    assert any(p.style.name == "TOC Heading" for p in paras)


@pytest.mark.libreoffice
def test_house_style_report_opens_in_libreoffice(tmp_path):
    template = company_template(tmp_path / "huisstijl")
    project = make_project(tmp_path)
    project.save_draft("uitgangspunten", project.read_draft("uitgangspunten") + RICH)
    result = build_report(project, house_style=template, pdf=True)
    assert result.pdf.read_bytes().startswith(b"%PDF")
    # LibreOffice reads it back as a Word document too (a second, independent round trip)
    again = convert(result.docx, "odt", outdir=tmp_path / "odt")
    assert again.stat().st_size > 0
