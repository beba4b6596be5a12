"""Spelling on what real reports contain besides prose: no finding inside e-mail addresses, web addresses, file
names and paths, code (monospace paragraphs, snake_case, dotted names, calls, assignments), quoted values,
citation authors and reference lists (under Bronvermelding, Bibliografie, Literatuurlijst, Referenties,
Bronnen, or in a Bibliography style); valid compounds and Belgian Dutch are accepted; real misspellings are
still found, each occurrence with its own span."""

from pathlib import Path

import docx
import pytest

from stageverslag.document.reader import read_docx
from stageverslag.language import check_document, check_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"


def spelling(text):
    return [text[i.start:i.end] for i in check_text(text) if i.category == "spelling"]


def doc_spelling(path, categories=("spelling",)):
    doc = read_docx(path)
    texts = {p.index: p.text for p in doc.paragraphs}
    out = []
    for f in check_document(doc, suggestion_budget=0):
        if f.category in categories:
            text = getattr(f, "text", None) or texts[f.paragraph]
            out.append(text[f.start:f.end])
    return out


@pytest.mark.parametrize("text", [
    "Je kunt me bereiken via pvandamme@hotmail.com of via mailto:lotte.vermeersch@student.thomasmore.be vandaag.",
    "Alle info staat op https://www.flippingbook.com/help en op kbc.be/zakelijk of dienstverlening.gent/loket.",
    "Ik bewaarde alles in IMDB_Dataset.csv, rapport_v3_final.docx en de map C:\\Users\\hakand\\Desktop\\rvws.",
    "De server leest .htaccess en de map /var/www/jhrisicobeheer/public/ bij elke aanvraag.",
    "Met data = pd.read_csv(pad) laad je de gegevens; y_pred = model.predict(X_test) voorspelt de labels.",
    "De parameter stop_words='english' en num_words zorgen voor minder ruis; zie ook sklearn.naive_bayes.",
    "Het script roept $mysqli->query($sql) op en geeft de waarde van fetch_assoc terug.",
    "De activatiefunctie is 'relu' en de optimizer heet 'adam'.",
    "Dit werkt goed volgens eerder onderzoek (Pascual, 2019) en volgens Choudhary (sd).",
    "Ik werkte met LabVIEW; met labview werken was soms moeilijk, net als met github en Javascript.",
    "We maken geen gebruik van een herkennings-/verzamelpunt maar van transportbakjes en een cloudgebaseerd systeem.",
    "De weerstand is geconnecteerd met de grond en de module connecteert elke minuut opnieuw.",
    "Na een semesterlange cursus over LabVIEW volgde een trainingsset met eindigetoestandsautomaten.",
    "Het model gebruikt drie convolutionele lagen en de klant kan zich subscriben op een topic.",
    "Het scherm bleef vasthangen, dus de klant moest opnieuw aanlinken.",
    "Ik maakte flippingbooks van de brochures en testte alles eerst op een testbranch.",
    "Ik zou graag delaware bedanken; een dropout-laag helpt tegen overfitting.",
])
def test_what_is_not_a_dutch_word_is_left_alone(text):
    assert spelling(text) == []


@pytest.mark.parametrize("text,wrong", [
    ("Dit ontwerp genereerd kabelplannen als eindproduct.", "genereerd"),
    ("Het bericht wordt apart bekeken en opgeslaan in een variabele.", "opgeslaan"),
    ("Werkprocess 2", "Werkprocess"),
    ("Elke week had ik voortgangsgespreken met mijn begeleider.", "voortgangsgespreken"),
    ("Ik denk dat deze trainign vlotter verliep.", "trainign"),
    ("Ik vond de vergadring erg lang.", "vergadring"),
    ("Ik heb samengewerkt met mijn opdrachtgeven en de klant.", "opdrachtgeven"),
    ("Ik krijg de tijd om voormezelf te werken.", "voormezelf"),
    ("De stagiair stond inplaats van de mentor aan de balie.", "inplaats"),
    ("Ik was erg geinteresseerd in de planning.", "geinteresseerd"),
    ("Het was een interesant project met veel projectmanagment.", "interesant"),
    ("Het was een interesant project met veel projectmanagment.", "projectmanagment"),
    ("De eerste weeke was druk.", "weeke"),
])
def test_real_misspellings_are_still_found(text, wrong):
    # found by the speller, or by the dt rules when the word is a wrong verb form (genereerd: genereert)
    assert wrong in [text[i.start:i.end] for i in check_text(text) if i.category in ("spelling", "dt")]


def test_each_occurrence_of_a_repeated_word_has_its_own_span():
    text = "De vergadring begon laat. Na de vergadring volgde nog een vergadring."
    issues = [i for i in check_text(text) if i.category == "spelling"]
    assert [text[i.start:i.end] for i in issues] == ["vergadring"] * 3
    first = text.index("vergadring")
    second = text.index("vergadring", first + 1)
    third = text.index("vergadring", second + 1)
    assert [(i.start, i.end) for i in issues] == [(k, k + len("vergadring")) for k in (first, second, third)]


def write(path, blocks):
    d = docx.Document()
    for kind, text in blocks:
        if kind == "h1":
            d.add_heading(text, level=1)
        elif kind == "h2":
            d.add_heading(text, level=2)
        elif kind == "bold":
            d.add_paragraph().add_run(text).bold = True
        elif kind == "mono":
            d.add_paragraph().add_run(text).font.name = "Consolas"
        else:
            d.add_paragraph(text)
    d.save(path)
    return path


@pytest.mark.parametrize("title", ["Bronvermelding", "Bibliografie", "Literatuurlijst", "Referenties", "Bronnen",
                                   "7. Geraadpleegde bronnen"])
def test_a_reference_list_is_left_alone_up_to_the_next_chapter(tmp_path, title):
    path = write(tmp_path / "verslag.docx", [
        ("h1", "Besluit"), ("p", "Ik heb veel geleerd tijdens mijn stage."),
        ("h1", title),
        ("p", "Kwantikel, P. Grondbeginselen van de zorgplanning. Uitgeverij Sprookjeswoud."),
        ("p", "Dijkstra shortest path. Opgehaald van sznurgraaf: http://sznur.com/dijkstra"),
        ("h2", "Websites"), ("p", "ictresearchmethods, geeksforgeeks en mathworld"),
        ("h1", "Bijlagen"), ("p", "Een vergadring met de klant staat in bijlage 1."),
    ])
    assert doc_spelling(path) == ["vergadring"]


def test_a_reference_title_typed_in_bold_and_reference_entries_anywhere(tmp_path):
    path = write(tmp_path / "verslag.docx", [
        ("h1", "Inleiding"), ("p", "Dit verslag beschrijft mijn stage."),
        ("bold", "Bronnen"), ("p", "Plofbroek, K. Handboek stockbeheer. Brugge: Die Keure."),
        ("h1", "Reflectie"),
        ("p", "Zwirbelaar, Q. (2020). Werken in teams. Geraadpleegd op 3 maart 2021, van https://x.be/teams"),
        ("p", "Dat was een leerijke week."),
    ])
    assert doc_spelling(path) == ["leerijke"]


def test_code_in_a_monospace_font_is_left_alone(tmp_path):
    path = write(tmp_path / "verslag.docx", [
        ("h1", "Werkwijze"), ("p", "Het script hieronder leest de gegevens in."),
        ("mono", "import numpy als np; gegevens = leesbestand(pad) ; toonresultaat gegevens"),
        ("p", "Daarna controleerde ik de uitvoer van het sript."),
    ])
    assert doc_spelling(path) == ["sript"]


@pytest.mark.corpus
def test_the_real_misspellings_of_the_corpus_are_found_and_names_and_references_are_not():
    found = set(doc_spelling(CORPUS / "nl_stageverslag_astron_lofar.docx", ("spelling", "dt")))
    assert "genereerd" in found and not found & {"ictresearchmethods", "geeksforgeeks", "mathworld", "numpy"}
    assert "trainign" in doc_spelling(CORPUS / "nl_stagedagboek_brentgees.docx")
    lyva = doc_spelling(CORPUS / "nl_stageverslag_lyvavandamme.docx")
    assert "opgeslaan" in lyva and "geconnecteerd" not in lyva and "subscriben" not in lyva
    assert "voortgangsgespreken" in doc_spelling(CORPUS / "nl_stageverslag_dylan0344.docx")
    assert "genereerd" in doc_spelling(CORPUS / "nl_stageverslag_dylan0344.docx", ("spelling", "dt"))
    assert "Werkprocess" in doc_spelling(CORPUS / "nl_stageverslag_rocketmayn.docx")
    sentiment = set(doc_spelling(CORPUS / "nl_eindverslag_sentimentanalysis.docx"))
    assert not sentiment & {"pred", "english", "relu", "inplace", "hakand", "Pascual", "Choudhary", "Morioh"}


def test_a_reference_list_in_a_markdown_draft_is_left_alone():
    text = ("# Besluit\n\nIk heb veel geleerd.\n\n# Bronnen\n\nPlofbroek, K. Handboek stockbeheer. Brugge: Die Keure.\n\n"
            "Zwirbelaar, Q. (2020). Werken in teams. Geraadpleegd op 3 maart 2021, van https://x.be/teams\n\n"
            "# Bijlagen\n\nEen vergadring met de klant.\n")
    assert spelling(text) == ["vergadring"]
    prose = "Janssens (2019) stelt dat een vergadring in het tijdschrift beschikbaar is."
    assert spelling(prose) == ["vergadring"]  # a citation in prose is no reference entry


def test_a_lower_case_product_name_used_as_a_term_is_accepted_and_a_repeated_typo_is_not(tmp_path):
    """Document-level terms (issue 9): a product name before a technical noun (de frobnik server), a name used
    three times, a hyphenated name with an English part; a typo repeated as often stays a typo."""
    path = write(tmp_path / "termen.docx", [
        ("p", "De website draait op een frobnik server van de hostingfirma."),
        ("p", "In frobnik kan je elke site apart beheren."),
        ("p", "Voor de modellen gebruikte ik zorbax-learn en de klasse van zorbax-learn voor de evaluatie."),
        ("p", "De berichten worden opgeslaan in een wachtrij. Elk antwoord wordt ook opgeslaan."),
        ("p", "Het resultaat wordt opgeslaan in een variabele."),
        ("p", "De desicion van het model hangt af van de drempel. Die desicion is niet altijd juist."),
        ("p", "Een tweede desicion volgt later."),
        ("p", "Subscribers in een topci-based systeem ontvangen alle berichten."),
    ])
    found = doc_spelling(path)
    assert "frobnik" not in found and "zorbax-learn" not in found
    assert found.count("opgeslaan") == 3 and found.count("desicion") == 3 and "topci-based" in found


@pytest.mark.parametrize("text,ok,wrong", [
    ("Na ik samenzat met iemand van het team, begon ik toch te begrijpen hoe het werkte.", "samenzat", None),
    ("Toen de klant meekwam, begon de demonstratie.", "meekwam", None),
    ("Het is opzich geen probleem.", None, "opzich"),
])
def test_a_separable_verb_with_a_strong_past_tense(text, ok, wrong):
    found = spelling(text)
    assert ok not in found and (wrong is None or wrong in found)
