"""Structure analysis on real files: parts, order, subsections, title page, TOC, fake headings, statistics."""

from __future__ import annotations

import docx
import docx.enum.text
import pytest

from fixtures.docx_factory import fake_heading, filler, make_report, outline_paragraph, page_break, table
from lintkit import CORPUS, EXAMPLES, TITLES, handbook_parts, write_report
from stageverslag.document.reader import read_docx
from stageverslag.profile import load_profile
from stageverslag.project import load_project
from stageverslag.document.outline import analyse, match_score, normalise, statistics
from stageverslag.text import count_words

ALL = list(TITLES)


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def outline_of(path, profile):
    return analyse(read_docx(path), profile)


@pytest.mark.parametrize("flavor", ["python-docx", "word-nl", "libreoffice"])
def test_complete_report_in_three_flavours(tmp_path, profile, flavor):
    path = write_report(tmp_path / "verslag.docx", flavor=flavor)
    o = outline_of(path, profile)
    assert o.order == ALL
    assert o.misplaced(profile.part_ids) == []
    assert o.top_level == 1
    assert set(o.parts["leerervaringen_2"].subsections) == {"beroep", "leerervaringen"}
    assert o.title_page is not None and o.title_page_break
    assert o.toc.field and o.toc.sdt and not o.toc.typed and o.toc.entries == 9
    assert o.unexpected == [] and o.duplicates == []
    assert not [h for h in o.chapters if h.fake]
    # the TOC entries repeat every title, but none of them counts as a heading
    assert [h.text for h in o.chapters if h.part] == list(TITLES.values())
    assert o.parts["inleiding"].words == 350
    assert o.parts["leerervaringen_2"].words == 150 + 850 + 850


def test_dutch_word_heading_style_ids_are_headings(tmp_path, profile):
    path = write_report(tmp_path / "nl.docx", flavor="word-nl")
    d = docx.Document(str(path))
    assert "Kop1" in {p.style.style_id for p in d.paragraphs}
    assert all(h.detected == "style" for h in outline_of(path, profile).chapters if h.extra is None)


def test_fake_bold_numbered_headings_are_recognised_and_marked(tmp_path, profile):
    path = write_report(tmp_path / "fake.docx", heading_style="fake", numbered_titles=True)
    o = outline_of(path, profile)
    assert o.order == ALL
    fakes = [h for h in o.chapters if h.fake]
    assert len(fakes) == 7 and {h.detected for h in fakes} == {"bold"}
    assert fakes[0].text == "1. Inleiding"
    assert set(o.parts["leerervaringen_2"].subsections) == {"beroep", "leerervaringen"}


def test_plain_numbered_titles_without_formatting(tmp_path, profile):
    path = write_report(tmp_path / "plain.docx", heading_style="Normal", numbered_titles=True, toc=False)
    o = outline_of(path, profile)
    assert o.order == ALL
    assert {h.detected for h in o.chapters} == {"numbered"}


def test_heading_2_as_top_level(tmp_path, profile):
    parts = [("Stageverslag Nina Peeters", ["Een woord vooraf."], 1)] + handbook_parts(level=2)
    path = make_report(tmp_path / "h2.docx", parts, toc=False)
    o = outline_of(path, profile)
    assert o.top_level == 2
    assert o.order == ALL
    assert set(o.parts["leerervaringen_2"].subsections) == {"beroep", "leerervaringen"}


def test_custom_style_based_on_heading_1(tmp_path, profile):
    path = write_report(tmp_path / "custom.docx", heading_style="Hoofdstuktitel")
    o = outline_of(path, profile)
    assert o.order == ALL
    assert all(not h.fake for h in o.chapters)


def test_outline_level_on_normal_paragraphs(tmp_path, profile):
    parts = [(t, [filler(60, i)]) for i, t in enumerate(TITLES.values())]
    items = []
    for title, body in parts:
        items += [outline_paragraph(title, 0), body[0]]
    path = make_report(tmp_path / "outline.docx", [("Voorwoord", items)], toc=False)
    o = outline_of(path, profile)
    assert o.order == ALL
    assert all(h.detected == "outline" for h in o.chapters if h.part)


def test_aliases_numbering_and_several_appendices(tmp_path, profile):
    titles = {"inleiding": "Hoofdstuk 1 – Inleiding", "uitgangspunten": "Deel 1: Uitgangspunten & eerste indrukken",
              "leerervaringen_1": "3. Leerervaringen in de specifieke stagecontext",
              "tussentijdse_evaluatie": "4 Tussentijdse evaluatie", "leerervaringen_2": "Leerervaringen II",
              "conclusie": "Besluit", "bijlage": "Bijlage 1: interviewvragen"}
    parts = handbook_parts(titles=titles, scale=0.1) + [("Bijlage 2: leerdoelen", [filler(40, 9)])]
    o = outline_of(make_report(tmp_path / "alias.docx", parts), profile)
    assert o.order == ALL
    assert o.duplicates == [] and o.unexpected == []
    assert o.parts["bijlage"].words == 5 + 40  # both appendices belong to the part


def test_wrong_order_and_unexpected_chapter(tmp_path, profile):
    order = ["inleiding", "uitgangspunten", "leerervaringen_1", "conclusie", "tussentijdse_evaluatie",
             "leerervaringen_2", "bijlage"]
    parts = handbook_parts(order=order, scale=0.1)
    parts.insert(1, ("Voorstelling van het bedrijf", [filler(50, 3)], 1))
    o = outline_of(make_report(tmp_path / "order.docx", parts), profile)
    assert o.order == order
    assert o.misplaced(profile.part_ids) == ["conclusie"]
    assert [h.text for h in o.unexpected] == ["Voorstelling van het bedrijf"]


def test_nested_part_title(tmp_path, profile):
    parts = handbook_parts(skip=["conclusie"], scale=0.1)
    parts.insert(6, ("Conclusie", [filler(40, 5)], 2))
    o = outline_of(make_report(tmp_path / "nested.docx", parts), profile)
    assert "conclusie" not in o.parts and o.nested["conclusie"].text == "Conclusie"


@pytest.mark.parametrize("with_break", [True, False])
def test_typed_table_of_contents(tmp_path, profile, with_break):
    lines = [f"{i}. {t} {'.' * 20} {i + 2}" for i, t in enumerate(TITLES.values(), 1)]
    parts = [("Inhoudsopgave", lines + ([page_break()] if with_break else []))] + handbook_parts(scale=0.1)
    path = make_report(tmp_path / "typed.docx", parts, toc=False, heading_style="fake")
    o = outline_of(path, profile)
    assert o.toc.typed and not o.toc.field and o.toc.entries == 7
    assert o.order == ALL and o.duplicates == []
    assert [h.detected for h in o.chapters if h.part] == ["bold"] * 7


def test_statistics_count_tables_and_parts(tmp_path, profile):
    parts = handbook_parts(scale=0.2)
    parts[1][1].append(table([["Afdeling", "Aantal medewerkers"], ["Logistiek", "12"]]))
    path = make_report(tmp_path / "stats.docx", parts)
    doc = read_docx(path)
    s = statistics(doc, profile)
    d = docx.Document(str(path))
    expected = sum(count_words(p.text) for p in d.paragraphs)
    expected += sum(count_words(c.text) for t in d.tables for row in t.rows for c in row.cells)
    # the TOC lives in a content control, which python-docx does not list: count its lines as well
    expected += sum(count_words(p.text) for p in doc.paragraphs if p.location == "sdt")
    assert s.words == expected
    assert s.part_words["uitgangspunten"] == int(750 * 0.2) + 5
    assert s.length_unit == "words" and s.length_value == s.words
    assert s.characters > s.characters_no_spaces > s.words


def test_statistics_in_characters(tmp_path):
    prof = load_profile(length_unit="characters_no_spaces")
    path = make_report(tmp_path / "c.docx", [("Inleiding", ["Twee woorden."])], title_page=False, toc=False)
    s = statistics(read_docx(path), prof)
    assert s.length_value == s.characters_no_spaces == len("Inleiding") + len("Tweewoorden.")


def test_normalise_and_match():
    assert normalise("2. Uitgangspunten & eerste indrukken ....... 4") == "uitgangspunten en 1 indrukken"
    assert normalise("Hoofdstuk 3 – Leerervaringen in de specifieke stagecontext") == \
        "leerervaringen in de specifieke stagecontext"
    assert normalise("IV. Conclusie") == "conclusie"
    assert normalise("Inleiding\t3") == "inleiding"
    assert normalise("Inleiding 3", toc_entry=True) == "inleiding"
    assert match_score(normalise("Leerervaringen I"), normalise("leerervaringen ii")) == 0
    assert match_score("tussentijdse evalutie", "tussentijdse evaluatie") > 0.85
    assert match_score("indeling", "inleiding") == 0


def test_example_drafts_as_outline():
    project = load_project(EXAMPLES / "voorbeeldproject")
    o = analyse(project.document(), project.profile)
    assert o.order == ALL and o.title_page is None and not o.toc.present
    assert set(o.parts["leerervaringen_2"].subsections) == {"beroep", "leerervaringen"}


def test_example_faulty_docx(profile):
    o = outline_of(EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx", profile)
    assert o.misplaced(profile.part_ids) in (["leerervaringen_2"], ["conclusie"])
    assert not o.toc.present


@pytest.mark.corpus
def test_corpus_libreoffice_report_with_typed_toc_and_big_normal_headings(profile):
    o = outline_of(CORPUS / "nl_adviesrapport_prorail_libreoffice.docx", profile)
    assert o.toc.typed and o.title_page == (0, 9)
    assert [h.detected for h in o.chapters if h.part] == ["font", "font"]
    assert o.order == ["inleiding", "conclusie"]


@pytest.mark.corpus
def test_corpus_word_thesis_with_toc_content_control(profile):
    o = outline_of(CORPUS / "nl_afstudeerscriptie_ducky035.docx", profile)
    assert o.toc.field and o.toc.sdt and o.title_page is not None
    assert {"inleiding", "conclusie", "bijlage"} <= set(o.order)
    assert "voorwoord" in [h.extra for h in o.extras]


def test_bold_subheading_with_a_part_title_is_not_a_chapter(tmp_path, profile):
    parts = handbook_parts(scale=0.1)
    parts[2][1].extend([fake_heading("Conclusie", 11), filler(30, 4)])  # a bold sub-conclusion in part 3
    o = outline_of(make_report(tmp_path / "sub.docx", parts), profile)
    assert o.order == ALL and o.duplicates == []
    assert o.parts["conclusie"].heading.detected == "style"


@pytest.mark.libreoffice
def test_report_saved_by_libreoffice_itself(tmp_path, profile):
    """A real LibreOffice save (not an imitation): TOC in a content control with Normal entries, the page
    break after the title page moved into the TOC title."""
    from stageverslag.libreoffice import convert
    src = write_report(tmp_path / "bron.docx")
    saved = convert(src, "docx:MS Word 2007 XML", outdir=tmp_path / "lo")
    doc = read_docx(saved)
    assert "LibreOffice" in doc.app.application
    o = analyse(doc, profile)
    assert o.order == ALL and o.duplicates == [] and o.unexpected == []
    assert o.toc.field and o.title_page == (0, 4) and o.title_page_break
    assert set(o.parts["leerervaringen_2"].subsections) == {"beroep", "leerervaringen"}


def test_typed_chapter_words_in_normal_paragraphs(tmp_path, profile):
    d = docx.Document()
    d.add_paragraph("Stageverslag", style="Title")
    d.paragraphs[-1].add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
    for n, title in enumerate(TITLES.values(), 1):
        d.add_paragraph(f"Hoofdstuk {n} – {title}" if n % 2 else f"Deel {n}: {title}")
        d.add_paragraph(filler(40, n))
    d.save(tmp_path / "typed.docx")
    o = outline_of(tmp_path / "typed.docx", profile)
    assert o.order == ALL
    assert {h.detected for h in o.chapters} == {"numbered", "plain"}
    assert o.title_page == (0, 1)
