"""Spelling on real .docx files written with python-docx: mistakes found with suggestions, while names,
codes, acronyms, URLs, e-mail addresses, compounds, the programme's vocabulary, the student's word list and
the project's names pass; and the dictionary choice (bundled OpenTaal unless a system copy is newer)."""

import datetime as dt
from pathlib import Path

import docx
import pytest

from stageverslag.language import check_document, check_text, get_engine
from stageverslag.language.dictionary import DictionaryFiles, bundled_dictionary, choose_dictionary
from stageverslag.document.reader import read_docx
from stageverslag.project import ProjectConfig, init_project

HANDBOOK = Path(__file__).resolve().parents[1].parent / "shared" / "handleiding" / "stagehandleiding-OM-2021-2022.txt"

CLEAN = [
    "Tijdens mijn stage bij de HR-afdeling beantwoordde ik e-mails van sollicitanten.",
    "Mijn stagementor en mijn stagecoach bespraken het terugkommoment en de infofiche op Canvas.",
    "Het leerresultaat LR12 en het traject E4B staan op https://www.thomasmore.be/stage en in de KMO-gids.",
    "Vragen stuur je naar stage.om@thomasmore.be of naar 03/123.45.67, bv. voor 15 maart.",
    "Ik werkte met Excel, Outlook en LinkedIn en volgde een workshop over employer branding.",
    "Op vrijdag bezocht ik met Katrien Vandersmissen de vestiging van Kortrijkse Houthandel in Menen.",
]


def write(path, paragraphs, heading="Inleiding"):
    d = docx.Document()
    d.add_heading(heading, level=1)
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(path)
    return path


def spelling(findings, doc):
    texts = {p.index: p.text for p in doc.paragraphs}
    return [(texts[f.paragraph][f.start:f.end], f.suggestion) for f in findings if f.category == "spelling"]


def test_clean_prose_with_names_codes_and_links_gives_no_spelling_findings(tmp_path):
    path = write(tmp_path / "schoon.docx", CLEAN)
    before = path.read_bytes()
    doc = read_docx(path)
    assert spelling(check_document(doc), doc) == []
    assert path.read_bytes() == before


def test_mistakes_are_found_with_up_to_three_suggestions(tmp_path):
    path = write(tmp_path / "fouten.docx", [
        "Ik was heel entousiast over de vergadring met de klant.",
        "Het werkte verassend goed om te comuniceren via Teams.",
    ])
    doc = read_docx(path)
    found = dict(spelling(check_document(doc), doc))
    assert found == {"entousiast": "enthousiast", "vergadring": "vergadering", "verassend": "verrassend",
                     "comuniceren": "communiceren"}
    for issue in check_text("De vergadring was lang."):
        assert 1 <= len(issue.suggestions) <= 3 and issue.category == "spelling"


@pytest.mark.parametrize("text,wrong,fix", [
    ("De data werd opgeslaan in een Excel-bestand.", "opgeslaan", "opgeslagen"),  # was 'opgestaan'
    ("Het balletje wordt weggeslaan.", "weggeslaan", "weggeslagen"),
])
def test_the_flemish_participle_gets_the_written_one_first(text, wrong, fix):
    issues = [i for i in check_text(text) if i.category == "spelling"]
    assert [(text[i.start:i.end], i.suggestions[0]) for i in issues] == [(wrong, fix)]


def test_word_list_and_project_names_are_accepted(tmp_path):
    project = init_project(tmp_path / "verslag", ProjectConfig(
        student="Lotte Vermeersch", track="HR", company="Brouwerij Xyloteq nv", mentor="Joris Verplaetse",
        coach="Els Wouters", start=dt.date(2027, 2, 8)))
    text = "Xyloteq brouwt ook een tripel. Verplaetse toonde me de hopzak en de plofdrimsel."
    alone = [text[i.start:i.end] for i in check_text(text) if i.category == "spelling"]
    assert alone == ["Xyloteq", "Verplaetse", "hopzak", "plofdrimsel"]
    with_project = [text[i.start:i.end] for i in check_text(text, engine=get_engine(project))
                    if i.category == "spelling"]
    assert with_project == ["hopzak", "plofdrimsel"]
    short = "De hopzak en de plofdrimsel."
    assert [short[i.start:i.end] for i in check_text(short) if i.category == "spelling"] == ["hopzak", "plofdrimsel"]
    project.add_word("hopzak")
    project.add_word("plofdrimsel")
    engine = get_engine(project)
    assert [i for i in check_text("De hopzak en de plofdrimsel.", engine=engine) if i.category == "spelling"] == []


def test_a_name_at_the_start_of_a_sentence_is_known_from_elsewhere_in_the_document(tmp_path):
    path = write(tmp_path / "namen.docx", [
        "Mijn mentor heet Wouterlinde Moerdijck.",
        "Wouterlinde gaf me elke week feedback.",
        "Vergadring is geen woord.",
    ])
    doc = read_docx(path)
    assert [w for w, _ in spelling(check_document(doc), doc)] == ["Vergadring"]


def test_words_broken_at_a_line_end_and_bracketed_compound_parts():
    text = "Zij gaf een korte toe-\nlichting over de (bedrijfs)ethische regels en de stageco-\nordinator."
    assert [text[i.start:i.end] for i in check_text(text) if i.category == "spelling"] == []


def test_english_passages_are_left_alone():
    text = "The results are based on the feedback that was collected by the team during the project."
    assert check_text(text) == []


@pytest.mark.shared("handleiding")
def test_the_handbook_has_only_real_mistakes_left():
    text = HANDBOOK.read_text(encoding="utf-8")
    found = sorted({text[i.start:i.end] for i in check_text(text) if i.category == "spelling"})
    assert found == ["Comanager"]  # written "co-manager" in standard Dutch: a real mistake


def test_dictionary_choice_prefers_a_newer_system_copy(tmp_path):
    bundled = bundled_dictionary()
    assert bundled is not None and bundled.version >= (2, 20)
    newer = tmp_path / "new"
    older = tmp_path / "old"
    for folder, version in ((newer, "9.0.0"), (older, "1.0.0")):
        folder.mkdir()
        (folder / "nl.aff").write_text(f"# Date and version: 2030-01-01 00:00:00 {version}\nSET UTF-8\n",
                                       encoding="utf-8")
        (folder / "nl.dic").write_text("1\nwoord\n", encoding="utf-8")
    from stageverslag.language.dictionary import system_dictionaries
    chosen = choose_dictionary(bundled, system_dictionaries([str(older), str(newer)]))
    assert chosen.directory == newer and chosen.origin == "systeem" and "9.0.0" in chosen.label
    assert choose_dictionary(bundled, system_dictionaries([str(older)])) == bundled
    assert isinstance(chosen, DictionaryFiles)
    assert get_engine().dictionary_label == bundled.label or get_engine().dictionary.files.origin == "systeem"


@pytest.mark.parametrize("text,word,suggestion", [
    ("De stagiair heeft een vaste job gekregt.", "gekregt", "gekregen"),
    ("Hij heeft het hele parcours geloopt.", "geloopt", "gelopen"),
])
def test_a_strong_verb_written_as_a_weak_participle_is_a_spelling_error(text, word, suggestion):
    """'gekregt' looked like ge + stem + t of a verb the dictionary knows only as an infinitive ('kregen' is a
    past tense, 'lopen' a verb the dictionary knows with its own participle): now a spelling error with the
    strong participle as its first suggestion."""
    found = [(text[i.start:i.end], i.suggestion)
             for i in check_text(text) if i.category == "spelling"]
    assert found == [(word, suggestion)]


@pytest.mark.parametrize("text", ["Hij connecteert de printer met de laptop.", "De data werden geconnecteerd.",
                                  "Ik heb de klant gecontacteerd."])
def test_regular_forms_of_verbs_known_only_as_an_infinitive_stay_accepted(text):
    assert [i for i in check_text(text) if i.category == "spelling"] == []
