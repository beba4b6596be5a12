"""The report builder without LibreOffice (STAGEVERSLAG_SOFFICE=""): structure, Markdown, skeleton, midterm,
backups. Every test builds a real .docx from a real project and opens it again with python-docx."""

from __future__ import annotations

import datetime as dt
import hashlib

import docx
import pytest

from fixtures.docx_factory import png_bytes
from stageverslag.builder import build_report, default_output
from stageverslag.cli import main
from stageverslag.errors import UserError
from stageverslag.project import ProjectConfig, init_project

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

RICH = """<!-- Hulpvraag die niet in het verslag mag: Waarom deze stageplaats? -->
# Uitgangspunten en eerste indrukken

Ik koos **Acme** omdat ik *graag* met mensen werk. Meer op [de website](https://acme.example/over).

- eerste punt
- tweede punt
  - genest punt

1. stap een
2. stap twee

Tussenin een gewone alinea.

3. derde lijst, begint bij drie
4. vier

> Een citaat van mijn mentor.

### Mijn *eerste* week

| Taak | Uren |
|------|-----:|
| Rekrutering | 12 |
| Opleiding | 8 |

![Organigram van Acme](org.png)

![Dit bestand bestaat niet](weg.png)
"""


def make_project(tmp_path, **extra):
    cfg = ProjectConfig(student="Lotte Peeters", track="HR", company="Acme NV", mentor="Jan Janssens",
                        coach="Els De Smet", start=dt.date(2027, 2, 8), terugkommoment=dt.date(2027, 3, 10),
                        **extra)
    project = init_project(tmp_path / "project", cfg)
    (project.root / "org.png").write_bytes(png_bytes(400, 200))
    project.save_draft("uitgangspunten", project.read_draft("uitgangspunten") + RICH)
    for part in project.profile.parts:
        if part.id not in ("uitgangspunten", "leerervaringen_2"):
            project.save_draft(part.id, project.read_draft(part.id) + f"\nTekst over {part.title.lower()}.\n")
    l2 = project.read_draft("leerervaringen_2")
    l2 = l2.replace("## Het beroep\n", "## Het beroep\n\nIk sprak drie collega's.\n")
    project.save_draft("leerervaringen_2", l2 + "\nWat ik leerde van mijn collega's.\n")
    return project


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def headings(d, level):
    return [p.text for p in d.paragraphs if p.style.name == f"Heading {level}"]


def body_text(d):
    return "\n".join(p.text for p in d.paragraphs)


def field_instructions(element):
    return [" ".join((t.text or "").split()) for t in element.iter(f"{W}instrText")]


def test_full_report_has_frame_and_parts_in_order(project, no_soffice):
    result = build_report(project, today=dt.date(2027, 5, 20))
    assert result.docx == default_output(project) == project.root / "uit" / "stageverslag-final.docx"
    d = docx.Document(result.docx)
    parts = project.profile.parts
    assert headings(d, 1) == [p.title for p in parts]
    assert headings(d, 2) == ["Het beroep", "De leerervaringen"]
    for p in d.paragraphs:
        if p.style.name == "Heading 1":
            want = project.profile.part(next(x.id for x in parts if x.title == p.text)).page_break_before
            assert p.paragraph_format.page_break_before is want
    # the title page: everything from the config, and the version with its date
    first_page = body_text(d).split("Inhoudsopgave")[0]
    for value in ("Lotte Peeters", "Acme NV", "Jan Janssens", "Els De Smet", "2026-2027", "Human Resources",
                  "Bachelor Organisatie en Management", "Eindversie", "20 mei 2027"):
        assert value in first_page
    # guiding questions never reach the report
    assert "Hulpvraag die niet" not in body_text(d)
    assert "Hulpvragen" not in body_text(d)
    # a dirty TOC field, and Word is asked to refresh fields on open
    toc = [i for i in field_instructions(d.element.body) if i.startswith("TOC")]
    assert toc == ['TOC \\o "1-3" \\h \\z \\u']
    begin = d.element.body.find(f".//{W}fldChar")
    assert begin.get(f"{W}fldCharType") == "begin" and begin.get(f"{W}dirty") == "true"
    assert d.settings.element.find(f"{W}updateFields").get(f"{W}val") == "true"
    # TOC entries: one per heading, hyperlinked to a bookmark on that heading; no page numbers without LO
    entries = [p for p in d.paragraphs if p.style.name.lower() in ("toc 1", "toc 2", "toc 3")]
    assert [p.text.rstrip("\t") for p in entries] == headings_in_order(d)
    marks = {b.get(f"{W}name") for b in d.element.body.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for p in entries for h in p._p.iter(f"{W}hyperlink")]
    assert anchors and set(anchors) <= marks
    assert any("paginanummers" in n for n in result.notes)
    # header and footer from the second page on, none on the title page
    sec = d.sections[0]
    assert sec.different_first_page_header_footer
    assert "Lotte Peeters" in sec.header.paragraphs[-1].text
    assert field_instructions(sec.footer._element) == ["PAGE", "NUMPAGES"]
    assert not "".join(p.text for p in sec.first_page_header.paragraphs).strip()
    assert not field_instructions(sec.first_page_footer._element)
    # the clean default: A4 with 2.5 cm margins
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7
    assert round(sec.left_margin.cm, 2) == 2.5 and round(sec.top_margin.cm, 2) == 2.5
    assert d.core_properties.author == "Lotte Peeters"


def headings_in_order(d):
    return [p.text for p in d.paragraphs if p.style.name in ("Heading 1", "Heading 2", "Heading 3")]


def test_markdown_becomes_real_word_formatting(project, no_soffice):
    result = build_report(project)
    d = docx.Document(result.docx)
    paras = d.paragraphs
    intro = next(p for p in paras if p.text.startswith("Ik koos Acme"))
    runs = {r.text: r for r in intro.runs}
    assert runs["Acme"].bold and runs["graag"].italic and not runs["graag"].bold
    # a real external hyperlink
    link = intro._p.find(f"{W}hyperlink")
    rel = d.part.rels[link.get(R_ID)]
    assert rel.is_external and rel.target_ref == "https://acme.example/over"
    assert "de website" in intro.text
    # lists with real numbering: bullets share one list, each numbered list restarts where Markdown says
    bullets = [p for p in paras if p.text in ("eerste punt", "tweede punt", "genest punt")]
    assert [p.style.name for p in bullets] == ["List Bullet"] * 3
    levels = [p._p.pPr.numPr.ilvl.val for p in bullets]
    assert levels == [0, 0, 1]
    numbered = [p for p in paras if p.text in ("stap een", "stap twee", "derde lijst, begint bij drie", "vier")]
    assert all(p.style.name == "List Number" for p in numbered)
    nums = [p._p.pPr.numPr.numId.val for p in numbered]
    assert nums[0] == nums[1] != nums[2] == nums[3]
    numbering = d.part.numbering_part.element
    starts = []
    for n in (nums[0], nums[2]):
        num = numbering.find(f"{W}num[@{W}numId='{n}']")
        starts.append(int(num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val")))
    assert starts == [1, 3]
    # quote, table, image with a numbered caption, a missing image as a note and a visible placeholder
    assert next(p for p in paras if p.text == "Een citaat van mijn mentor.").style.name == "Quote"
    table = d.tables[0]
    assert table.style.name == "Table Grid"
    assert [[c.text for c in row.cells] for row in table.rows] == [["Taak", "Uren"], ["Rekrutering", "12"],
                                                                    ["Opleiding", "8"]]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # right-aligned column
    blips = d.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    assert len(blips) == 1
    image_part = d.part.related_parts[blips[0].get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")]
    assert image_part.blob == (project.root / "org.png").read_bytes()
    caption = next(p for p in paras if p.style.name == "Caption")
    assert caption.text == "Figuur 1: Organigram van Acme"
    assert field_instructions(caption._p) == ["SEQ Figuur \\* ARABIC"]
    assert "[Afbeelding ontbreekt: weg.png]" in body_text(d)
    assert any("weg.png" in n and "niet gevonden" in n for n in result.notes)
    # inline formatting in a heading gives plain heading text
    assert "Mijn eerste week" in headings(d, 3)
    # the '# Uitgangspunten ...' line repeats the part title: not a second heading
    assert headings(d, 1).count("Uitgangspunten en eerste indrukken") == 1


def test_images_large_remote_and_unreadable(project, no_soffice):
    (project.root / "groot.png").write_bytes(png_bytes(4000, 1000))
    (project.root / "kapot.png").write_bytes(b"geen afbeelding")
    project.save_draft("bijlage", "![Groot](groot.png)\n\n![Web](https://example.org/a.png)\n\n![Kapot](kapot.png)\n")
    result = build_report(project)
    d = docx.Document(result.docx)
    shapes = d.inline_shapes
    assert len(shapes) == 2
    big = max(shapes, key=lambda s: s.width)
    sec = d.sections[0]
    assert big.width <= sec.page_width - sec.left_margin - sec.right_margin
    assert abs(big.width / big.height - 4.0) < 0.01
    assert any("internet" in n for n in result.notes)
    assert any("kapot.png" in n for n in result.notes)


def test_skeleton_has_questions_as_placeholders_and_weeks(project, no_soffice):
    result = build_report(project, skeleton=True)
    assert result.docx.name == "stageverslag-final-skelet.docx"
    d = docx.Document(result.docx)
    style = d.styles["Plaatshouder"]
    assert style.font.color.rgb is not None and style.font.italic
    placeholders = [p.text for p in d.paragraphs if p.style.name == "Plaatshouder"]
    for part in project.profile.parts:
        for q in part.questions:
            assert any(q in t for t in placeholders), q
        for sub in part.subsections:
            for q in sub.questions:
                assert any(q in t for t in placeholders), q
    schedule = project.schedule()
    first, last = schedule.window(project.profile.part("leerervaringen_1"))
    assert f"Schrijf dit onderdeel in week {first} tot {last}" in "\n".join(placeholders)
    assert headings(d, 1) == [p.title for p in project.profile.parts]
    assert headings(d, 2) == ["Het beroep", "De leerervaringen"]
    assert "Ik koos" not in body_text(d)  # a skeleton has no draft text
    assert "Geraamte" in body_text(d).split("Inhoudsopgave")[0]


def test_midterm_builds_only_the_first_parts(project, no_soffice):
    result = build_report(project, stage="midterm", today=dt.date(2027, 3, 5))
    assert result.docx.name == "stageverslag-midterm.docx"
    d = docx.Document(result.docx)
    assert headings(d, 1) == [p.title for p in project.profile.parts if p.midterm]
    assert "Tussentijdse versie" in body_text(d).split("Inhoudsopgave")[0]
    assert "Eindversie" not in body_text(d)


def test_empty_part_and_missing_subsection_get_placeholders(project, no_soffice):
    project.save_draft("conclusie", "<!-- alleen hulpvragen -->\n")
    project.save_draft("leerervaringen_2", "## Het beroep\n\nDrie interviews.\n")
    result = build_report(project)
    d = docx.Document(result.docx)
    assert headings(d, 2) == ["Het beroep", "De leerervaringen"]
    placeholders = [p.text for p in d.paragraphs if p.style.name == "Plaatshouder"]
    assert any("Conclusie" in t for t in placeholders)
    assert any("De leerervaringen" in t for t in placeholders)
    assert any("'Conclusie' is nog leeg" in n for n in result.notes)
    assert any("De leerervaringen" in n for n in result.notes)


def test_existing_output_is_backed_up_unless_forced(project, no_soffice):
    first = build_report(project)
    assert first.backup is None
    before = first.docx.read_bytes()
    project.save_draft("conclusie", "Een nieuwe conclusie.\n")
    second = build_report(project)
    assert second.backup is not None and second.backup.parent == project.root / "uit" / "backup"
    assert second.backup.read_bytes() == before
    assert "Een nieuwe conclusie." in body_text(docx.Document(second.docx))
    third = build_report(project, force=True)
    assert third.backup is None
    assert len(list((project.root / "uit" / "backup").iterdir())) == 1


def test_output_option_and_bad_outputs(project, tmp_path, no_soffice):
    out = tmp_path / "elders" / "mijn verslag.docx"
    assert build_report(project, output=out).docx == out
    docx.Document(out)
    with pytest.raises(UserError, match=r"\.docx"):
        build_report(project, output=tmp_path / "verslag.pdf")
    (tmp_path / "map.docx").mkdir()
    with pytest.raises(UserError, match="is een map"):
        build_report(project, output=tmp_path / "map.docx")
    with pytest.raises(UserError, match="onbekende versie"):
        build_report(project, stage="eind")


def test_pdf_without_libreoffice_still_writes_the_docx_and_says_how_to_install_it(project, no_soffice, capsys):
    result = build_report(project, pdf=True)
    assert result.docx == default_output(project) and result.docx.is_file() and result.pdf is None
    assert any("Geen pdf gemaakt: LibreOffice is niet geïnstalleerd" in n for n in result.notes)
    code = main(["build", "--pdf", "--project", str(project.root)])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    assert "Verslag gemaakt:" in captured.out and "apt-get install" in captured.out
    assert not default_output(project).with_suffix(".pdf").exists()


def test_cli_build_prints_what_it_made(project, no_soffice, capsys):
    assert main(["build", "--project", str(project.root)]) == 0
    out = capsys.readouterr().out
    assert f"Verslag gemaakt: {default_output(project)}" in out
    assert main(["build", "--project", str(project.root)]) == 0
    assert "Het vorige bestand is bewaard als" in capsys.readouterr().out
    assert main(["build", "--skeleton", "--stage", "midterm", "--force", "--project", str(project.root)]) == 0
    assert (project.root / "uit" / "stageverslag-midterm-skelet.docx").is_file()


def test_cli_bad_house_style_exits_2(project, tmp_path, no_soffice, capsys):
    missing = tmp_path / "bestaat-niet.dotx"
    assert main(["build", "--huisstijl", str(missing), "--project", str(project.root)]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    garbage = tmp_path / "kapot.docx"
    garbage.write_bytes(b"dit is geen zip")
    digest = hashlib.sha256(garbage.read_bytes()).hexdigest()
    assert main(["build", "--huisstijl", str(garbage), "--project", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "kan niet gelezen worden" in err and "Traceback" not in err
    assert hashlib.sha256(garbage.read_bytes()).hexdigest() == digest
    sheet = tmp_path / "rekenblad.docx"  # a zip, but a spreadsheet inside
    import zipfile
    with zipfile.ZipFile(sheet, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert main(["build", "--huisstijl", str(sheet), "--project", str(project.root)]) == 2
    assert "kan niet gelezen worden" in capsys.readouterr().err
    text = tmp_path / "sjabloon.odt"
    text.write_bytes(b"x")
    assert main(["build", "--huisstijl", str(text), "--project", str(project.root)]) == 2
    assert ".dotx" in capsys.readouterr().err


def test_house_style_from_project_config(tmp_path, no_soffice):
    src = docx.Document()
    src.sections[0].left_margin = docx.shared.Cm(4)
    (tmp_path / "sjabloon.docx").parent.mkdir(parents=True, exist_ok=True)
    src.save(tmp_path / "sjabloon.docx")
    project = make_project(tmp_path, house_style=str(tmp_path / "sjabloon.docx"))
    d = docx.Document(build_report(project).docx)
    assert round(d.sections[0].left_margin.cm, 1) == 4.0
