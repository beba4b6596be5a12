"""Reports as templates make them: chapter styles listed by the TOC's \\t switch, front and back matter,
covers built from text boxes, bold list items, TOCs that end right before the first part, template text
left in a part, and the stage read from the document itself (issue 11).

Every .docx here is built by ``tests/fixtures/docx_factory.py`` (plus raw XML where a template needs it);
the corpus documents the issue names are in ``test_outline_corpus.py``."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fixtures.docx_factory import filler, list_item, make_report, patch_parts, styled
from lintkit import handbook_parts
from stageverslag.document.outline import (analyse, decide_stage, is_question_paragraph, location_of,
                                           placeholder_kind, toc_styles)
from stageverslag.document.reader import read_docx
from stageverslag.linter import check_document
from stageverslag.profile import load_profile
from stageverslag.rules import CheckOptions, load_rules

STRUCTURE = ("SV101", "SV102", "SV103", "SV104", "SV105", "SV106", "SV107", "SV301", "SV302", "SV305")


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def check(path, profile, stage="final", codes=STRUCTURE):
    rules = [r for r in load_rules() if r.code in codes]
    return check_document(read_docx(path), profile, CheckOptions(stage=stage, pages="estimate",
                                                                 today=dt.date(2027, 3, 1)), rules=rules)


def codes(report, severities=("error", "warning")):
    return sorted(f.code for f in report.findings if f.severity in severities)


# ------------------------------------------------------------------------------------------ the TOC's \t


def test_toc_styles_parses_both_list_separators_and_localised_names():
    assert toc_styles(['TOC \\h \\z \\t "Heading 1;3;Heading 2;4;Tussenpagina_titel;1;Bibliography;6"']) == {
        "heading 1": 3, "heading 2": 4, "tussenpagina_titel": 1, "bibliography": 6}
    assert toc_styles(['TOC \\o "1-6" \\t "Heading 0,8,Heading 7,1,"']) == {"heading 0": 8, "heading 7": 1}
    # a Dutch Word writes display names: "Kop 1" is the built-in "heading 1"; a name without level is level 1
    assert toc_styles(['TOC \\t "Kop 1;2;Hoofdstuktitel"']) == {"kop 1": 2, "heading 1": 2, "hoofdstuktitel": 1}
    assert toc_styles(['TOC \\o "1-3" \\h \\z \\u']) == {}


def _template_report(path, separator=";", chapter_style="Tussenpagina_titel", name_in_toc=None, **kw):
    """A report whose chapters use a template's own style (based on Normal: no outline level), listed in the
    TOC by \\t, while Heading 1 is used for sections inside the chapters (level 3 in that TOC)."""
    parts = handbook_parts(scale=0.3)
    parts = [(title, [*items, styled("Een technische sectie", "Heading 1"), filler(40, 7)], level)
             if level == 1 else (title, items, level) for title, items, level in parts]
    name = name_in_toc or chapter_style
    sep = separator
    instruction = f'TOC \\h \\z \\t "Heading 1{sep}3{sep}Heading 2{sep}4{sep}{name}{sep}1"'
    return make_report(path, parts, heading_style=chapter_style, chapter_base="Normal",
                       toc_instruction=instruction, **kw)


@pytest.mark.parametrize("separator", [";", ","])
def test_template_chapter_style_named_in_toc_is_the_chapter_level(tmp_path, profile, separator):
    """Was: the custom chapter style was not seen, Heading 1 (level 3 in the TOC) became the chapters: 'unexpected
    chapter' for every section and a false 'Bijlage hoort op het einde'."""
    path = _template_report(tmp_path / "sjabloon.docx", separator)
    o = analyse(read_docx(path), profile)
    assert o.order == profile.part_ids
    assert not o.unexpected and not o.fake_headings
    sections = [h for h in o.headings if h.text == "Een technische sectie"]
    assert sections and all(h.level == 3 and not h.chapter for h in sections)
    assert codes(check(path, profile), ("error", "warning", "info")) == []


def test_template_chapter_style_by_localised_and_id_names(tmp_path, profile):
    """A Dutch Word names the chapter style as the student sees it; the style id works too."""
    path = _template_report(tmp_path / "sjabloon.docx", chapter_style="Hoofdstuk titel",
                            name_in_toc="HoofdstukTitel", flavor="word-nl")
    assert analyse(read_docx(path), profile).order == profile.part_ids


def test_fake_heading_advice_names_the_documents_chapter_style(tmp_path, profile):
    """SV305 for a bold Normal 'Conclusie' in a template report names the template's chapter style; without
    one it says 'Kop 1', never the level of some other heading."""
    parts = [(t, items, lvl) for t, items, lvl in handbook_parts(scale=0.3) if t != "Conclusie"]
    from fixtures.docx_factory import fake_heading
    parts[-3] = (parts[-3][0], [*parts[-3][1], fake_heading("Conclusie"), filler(120, 3)], parts[-3][2])
    instruction = 'TOC \\h \\z \\t "Tussenpagina_titel;1"'
    path = make_report(tmp_path / "a.docx", parts, heading_style="Tussenpagina_titel", chapter_base="Normal",
                       toc_instruction=instruction)
    found = [f for f in check(path, profile).findings if f.code == "SV305"]
    assert len(found) == 1 and "'Tussenpagina_titel' (de stijl van een hoofdstuktitel)" in found[0].message
    path = make_report(tmp_path / "b.docx", parts)
    found = [f for f in check(path, profile).findings if f.code == "SV305"]
    assert len(found) == 1 and "'Kop 1'" in found[0].message


def test_toc_that_ends_right_before_the_first_part(tmp_path, profile):
    """No page break between the TOC and the introduction, whose template style the TOC lists: the
    introduction is a chapter, not the TOC's last entry."""
    path = _template_report(tmp_path / "toc.docx", toc_page_break=False)
    doc = read_docx(path)
    o = analyse(doc, profile)
    assert o.order == profile.part_ids
    assert doc.paragraphs[o.toc.end].text == "Inleiding" and o.parts["inleiding"].start == o.toc.end
    path = make_report(tmp_path / "plain.docx", handbook_parts(scale=0.3), toc_page_break=False)
    assert analyse(read_docx(path), profile).order == profile.part_ids


def test_bold_list_items_are_not_titles(tmp_path, profile):
    items = [list_item(x) for x in ("Planning", "Communicatie met klanten", "Besluitvorming")]

    def bold_list(d):
        for item in items:
            item(d)
            d.paragraphs[-1].runs[0].bold = True
    parts = handbook_parts(scale=0.3)
    parts[1] = (parts[1][0], [*parts[1][1], bold_list, filler(60, 9)], 1)
    path = make_report(tmp_path / "lijst.docx", parts)
    o = analyse(read_docx(path), profile)
    assert not o.fake_headings and o.order == profile.part_ids
    assert codes(check(path, profile)) == []


# ------------------------------------------------------------------------------------------ front and back matter


def test_front_and_back_matter_are_accepted(tmp_path, profile):
    """Was: 'Inleiding moet het eerste hoofdstuk zijn' for a Voorwoord, 'Conclusie hoort op het laatste
    hoofdstuk' for a Bronvermelding."""
    front = [(t, [filler(60, i)], 1) for i, t in enumerate(
        ["Voorwoord", "Managementsamenvatting", "Lijst met afkortingen", "Figurenlijst", "Codefragmentenlijst"])]
    parts = handbook_parts(scale=0.3)
    back_before = [("Bronvermelding", ["Auteur, A. (2021). Titel. Uitgever."], 1)]
    back_after = [("Literatuurlijst", ["Auteur, B. (2020). Boek. Uitgever."], 1)]
    path = make_report(tmp_path / "matter.docx", front + parts[:-1] + back_before + parts[-1:] + back_after)
    o = analyse(read_docx(path), profile)
    assert o.order == profile.part_ids and not o.unexpected
    assert {h.matter for h in o.extras if h.detected != "toc"} <= {"front", "back", "both", "any"}
    assert codes(check(path, profile), ("error", "warning", "info")) == []


def test_other_extra_chapters_keep_their_info(tmp_path, profile):
    parts = handbook_parts(scale=0.3)
    parts.insert(0, ("Werkprocessen", [filler(80, 4)], 1))
    report = check(make_report(tmp_path / "x.docx", parts), profile)
    assert ("SV105", "info") in {(f.code, f.severity) for f in report.findings}
    assert "SV106" in codes(report)  # a chapter before the introduction that is no front matter


def test_chapters_after_the_appendix_title_belong_to_the_appendix(tmp_path, profile):
    """An appendix holding a whole document (its own 'Inleiding', its chapters): no duplicate, no 'Bijlage
    hoort op het einde'."""
    parts = handbook_parts(scale=0.3) + [("Inleiding", [filler(50, 1)], 1), ("Plan van aanpak", [filler(50, 2)], 1)]
    path = make_report(tmp_path / "bijlage.docx", parts)
    o = analyse(read_docx(path), profile)
    assert not o.duplicates and not o.unexpected
    assert codes(check(path, profile), ("error", "warning", "info")) == []


# ------------------------------------------------------------------------------------------ text-box covers

_NS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')


def _box_paragraphs(lines):
    return "".join(f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:rPr><w:sz w:val="56"/></w:rPr><w:t>{t}</w:t>'
                   f"</w:r></w:p>" if i == 0 else f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for i, t in enumerate(lines))


def _cover(lines, vml_only=False):
    """A body paragraph anchoring a text box with ``lines``: DrawingML with its VML fallback (as Word saves
    it), or VML only (as older Word did), followed by a page break."""
    inner = f"<w:txbxContent>{_box_paragraphs(lines)}</w:txbxContent>"
    vml = f'<w:pict><v:shape style="width:400pt;height:300pt"><v:textbox>{inner}</v:textbox></v:shape></w:pict>'
    if vml_only:
        run = f"<w:r>{vml}</w:r>"
    else:
        drawing = ('<w:drawing><wp:anchor behindDoc="0"><wp:extent cx="5000000" cy="3000000"/><wp:wrapNone/>'
                   '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                   f"<wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
                   "</w:drawing>")
        run = (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
               f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")
    return f'<w:p>{run}</w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _with_cover(path, cover_xml):
    def edit(data: bytes) -> bytes:
        text = data.decode("utf-8")
        head = text[:text.index(">", text.index("<w:document"))]
        missing = " ".join(d for d in _NS.split(" ") if d.split("=")[0] not in head)
        text = text.replace("<w:document ", f"<w:document {missing} ", 1)
        return re.sub(r"(<w:body>)", r"\1" + cover_xml, text, count=1).encode("utf-8")
    return patch_parts(path, {"word/document.xml": edit})


@pytest.mark.parametrize("vml_only", [False, True])
def test_cover_built_from_a_text_box(tmp_path, profile, vml_only):
    """Was: 'Het verslag heeft geen titelpagina' for a cover whose text is all in text boxes; the DrawingML
    box and its VML copy are one text box, read once."""
    lines = ["Stageverslag", "Sam Student", "Stagebedrijf: Rupelhaven", "Academiejaar 2026-2027"]
    path = _with_cover(make_report(tmp_path / "cover.docx", handbook_parts(scale=0.3), title_page=False),
                       _cover(lines, vml_only))
    doc = read_docx(path)
    assert [p.text for p in doc.paragraphs if p.location == "textbox"] == lines
    assert location_of(doc.paragraphs[1]) == {"in": "textbox", "textbox": 1, "after_paragraph": 0}
    o = analyse(doc, profile)
    assert o.title_page == (0, 6) and o.title_page_break
    assert codes(check(path, profile)) == []


def test_a_document_that_is_only_a_cover_has_a_title_page(tmp_path, profile):
    path = _with_cover(make_report(tmp_path / "voorblad.docx", [], title_page=False, toc=False),
                       _cover(["Stageverslag", "Sam Student"]))
    report = check(path, profile, codes=("SV301",))
    assert report.findings == []


def test_title_block_sharing_its_page_is_one_warning(tmp_path, profile):
    """A title (Title style) with the introduction's text right under it on the same page: one SV301
    warning, not 'no title page'."""
    path = make_report(tmp_path / "samen.docx", handbook_parts(scale=0.3), toc=False)

    def drop_break(data: bytes) -> bytes:
        return data.replace(b'<w:br w:type="page"/>', b"", 1)
    patch_parts(path, {"word/document.xml": drop_break})
    found = check(path, profile, codes=("SV301",)).findings
    assert [(f.code, f.severity) for f in found] == [("SV301", "warning")]
    assert "eigen pagina" in found[0].message


# ------------------------------------------------------------------------------------------ locations


def test_findings_in_tables_carry_a_location(tmp_path, profile):
    from fixtures.docx_factory import table
    parts = handbook_parts(scale=0.3)
    parts[0] = (parts[0][0], [*parts[0][1], table([["Wie", "Wat"], ["Ik", "[Vul hier je taak in]"]])], 1)
    path = make_report(tmp_path / "tabel.docx", parts)
    found = [f for f in check(path, profile, codes=("SV107",)).findings]
    assert len(found) == 1 and found[0].paragraph is None
    assert found[0].location == {"in": "table", "table": 1, "row": 2, "cell": 2,
                                 "after_paragraph": found[0].location["after_paragraph"]}
    assert found[0].to_dict()["location"]["in"] == "table"


# ------------------------------------------------------------------------------------------ template text


@pytest.mark.parametrize("text, kind", [
    ("[Vul hier je naam in]", "instructie"),
    ("Naam: [Naam student]", "instructie"),
    ("Typ hier je tekst.", "sjabloon"),
    ("Dit onderdeel is nog leeg: schrijf hier je tekst over 'Inleiding'.", "sjabloon"),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "lorem"),
    ("Klik of tik om tekst in te voeren.", "sjabloon"),
])
def test_placeholder_kinds(text, kind, profile):
    from stageverslag.document.model import Paragraph
    assert placeholder_kind(Paragraph(text=text, index=0), profile.placeholder_texts)[0] == kind


@pytest.mark.parametrize("text", [
    "Ik schrijf hier over mijn eerste week bij het bedrijf.",
    "Zie tabel [1] en de bron [Janssens, 2020].",
    "De array data[index] bevat de waarden.",
    "Ik typte het verslag in Word [zie bijlage 2].",
])
def test_own_text_is_no_placeholder(text, profile):
    from stageverslag.document.model import Paragraph
    assert placeholder_kind(Paragraph(text=text, index=0), profile.placeholder_texts) is None


def test_questions_are_recognised_with_prefixes():
    assert is_question_paragraph("Hulpvraag: Waarom koos je voor juist deze stageplaats?")
    assert is_question_paragraph("1. Wat leerde je? Welke vaardigheden werden scherper?")
    assert not is_question_paragraph("Waarom koos ik deze stage? Omdat het bedrijf me aansprak.")


def _part_with(tmp_path, name, paragraphs):
    parts = handbook_parts(scale=0.3)
    parts[1] = (parts[1][0], paragraphs, 1)
    return make_report(tmp_path / name, parts)


@pytest.mark.parametrize("paragraphs, guiding", [
    (["Waarom koos je voor juist deze stageplaats?",
      "Wat wil je concreet bereiken? Welke persoonlijke doelen stel je jezelf?",
      "Hoe beleefde je de eerste week? Wat viel je op?"], 3),
    (["Waarom heb ik precies voor deze stageplaats gekozen?",  # reworded
      "Welke persoonlijke doelen wil ik in deze stage bereiken?"], 2),
    (["Hoe ziet een werkdag op de afdeling eruit?", "Wie zijn mijn collega's?"], 0),
])
def test_a_part_of_questions_only_is_template_text(tmp_path, profile, paragraphs, guiding):
    path = _part_with(tmp_path, "vragen.docx", paragraphs)
    report = check(path, profile)
    found = [f for f in report.findings if f.part == "uitgangspunten"]
    assert sorted(f.code for f in found) == ["SV103", "SV107"]
    sv107 = next(f for f in found if f.code == "SV107")
    assert f"alleen vragen ({len(paragraphs)}" in sv107.message
    assert (f"waarvan {guiding} hulpvra" in sv107.message) == bool(guiding)


def test_answers_with_a_question_as_lead_are_written_text(tmp_path, profile):
    path = _part_with(tmp_path, "antwoord.docx", ["Waarom koos ik voor deze stageplaats?", filler(200, 5)])
    assert codes(check(path, profile)) == []


@pytest.mark.parametrize("text", ["Typ hier je tekst over je eerste indrukken.",
                                  "Dit onderdeel is nog leeg: schrijf hier je tekst over 'Uitgangspunten'.",
                                  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod."])
def test_placeholder_only_part_is_empty(tmp_path, profile, text):
    path = _part_with(tmp_path, "leeg.docx", [text])
    found = sorted(f.code for f in check(path, profile).findings if f.part == "uitgangspunten")
    assert found == ["SV103", "SV107"]


def test_placeholder_next_to_own_text_is_reported_but_part_not_empty(tmp_path, profile):
    path = _part_with(tmp_path, "half.docx", [filler(200, 6), "[Vul hier de naam van je mentor in]"])
    found = [f for f in check(path, profile).findings if f.part == "uitgangspunten"]
    assert [f.code for f in found] == ["SV107"] and "invulaanwijzing" in found[0].message


# ------------------------------------------------------------------------------------------ stage auto


def test_stage_from_the_title_page(tmp_path, profile):
    path = make_report(tmp_path / "t.docx", handbook_parts(scale=0.3), subtitle="Tussentijdse versie")
    stage, why = decide_stage(read_docx(path), profile)
    assert stage == "midterm" and "Tussentijdse versie" in why


def test_stage_from_the_parts(tmp_path, profile):
    mid = make_report(tmp_path / "m.docx", handbook_parts(
        scale=0.3, skip=["inleiding", "leerervaringen_2", "conclusie", "bijlage"]))
    full = make_report(tmp_path / "f.docx", handbook_parts(scale=0.3))
    assert decide_stage(read_docx(mid), profile)[0] == "midterm"
    assert decide_stage(read_docx(full), profile)[0] == "final"


def test_auto_stage_is_said_first_and_explicit_stage_wins(tmp_path, profile):
    path = make_report(tmp_path / "t.docx", handbook_parts(scale=0.3, skip=["inleiding", "leerervaringen_2",
                                                                            "conclusie", "bijlage"]),
                       subtitle="Tussentijdse versie")
    rules = [r for r in load_rules() if r.code in STRUCTURE]
    auto = check_document(read_docx(path), profile, CheckOptions(stage="auto", pages="estimate"), rules=rules)
    assert auto.stage == "midterm" and auto.notes[0].startswith("Gecontroleerd als tussentijdse versie")
    assert profile.limits.length_note not in auto.notes  # the 16-20 pages note is for the final report
    final = check_document(read_docx(path), profile, CheckOptions(stage="final", pages="estimate"), rules=rules)
    assert final.stage == "final" and profile.limits.length_note in final.notes and final.errors


def test_stage_from_a_text_box_cover_anchored_in_the_page_break_paragraph(tmp_path, profile):
    """The boxes come after their anchor paragraph in reading order; when that paragraph holds the page
    break, they still belong to the title page (its text, the stage it names)."""
    cover = _cover(["Stageverslag", "Tussentijdse versie"]).replace(
        "</w:p><w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>", "<w:r><w:br w:type=\"page\"/></w:r></w:p>")
    path = _with_cover(make_report(tmp_path / "c.docx", handbook_parts(scale=0.3), title_page=False), cover)
    doc = read_docx(path)
    o = analyse(doc, profile)
    assert o.title_page == (0, 3) and o.title_page_break
    assert decide_stage(doc, profile) == ("midterm", decide_stage(doc, profile)[1])
    assert "Tussentijdse versie" in decide_stage(doc, profile)[1]


def test_reader_numbers_content_controls_and_anchors(tmp_path):
    """The TOC content control is control 1; its paragraphs point back at the last body paragraph before it."""
    path = make_report(tmp_path / "r.docx", handbook_parts(scale=0.2))
    doc = read_docx(path)
    toc = [p for p in doc.paragraphs if p.location == "sdt"]
    assert toc and all(p.control == 1 for p in toc)
    last_body_before = max(p.index for p in doc.paragraphs[:doc.paragraphs.index(toc[0])] if p.index is not None)
    assert location_of(toc[0]) == {"in": "content-control", "control": 1, "after_paragraph": last_body_before}
    assert location_of(doc.paragraphs[0]) is None  # body text keeps 'paragraph'


def test_reader_keeps_words_rendered_page_breaks(tmp_path):
    path = make_report(tmp_path / "w.docx", handbook_parts(scale=0.2), title_page=False, toc=False)
    patch_parts(path, {"word/document.xml": lambda data: data.replace(
        b"<w:t>Uitgangspunten", b"<w:lastRenderedPageBreak/><w:t>Uitgangspunten", 1)})
    doc = read_docx(path)
    assert [p.text for p in doc.paragraphs if p.rendered_page_break] == ["Uitgangspunten en eerste indrukken"]
