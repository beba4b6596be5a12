"""spreektaal and style: the forms in templates/taal/spreektaal.tsv with their alternatives, the context
conditions that keep standard Dutch quiet, informal punctuation, smileys, chat abbreviations, long sentences."""

import pytest

from stageverslag.language import check_text
from stageverslag.language.colloquial import load_entries
from stageverslag.paths import templates_dir


def found(text, category):
    return [(text[i.start:i.end], i.suggestion) for i in check_text(text) if i.category == category]


@pytest.mark.parametrize("text,form,alternative", [
    ("Ge moet dat zelf beslissen.", "Ge", "Je (of u)"),
    ("Gaat ge morgen mee naar de beurs?", "Gaat ge", "Ga je"),
    ("Da's voor mij geen probleem.", "Da's", "Dat is"),
    ("Dat weet 'k nog niet.", "'k", "ik"),
    ("Ik kreeg ne sleutel van het magazijn.", "ne", "een"),
    ("Ik sprak met nen heftruckchauffeur.", "nen", "een"),
    ("Ik heb de planning efkes nagekeken.", "efkes", "even"),
    ("Dat gaf me goesting om verder te werken.", "goesting", "zin"),
    ("Die klant was echt ambetant.", "ambetant", "vervelend"),
    ("Kun je ff kijken?", "ff", "even"),
    ("Het laatste deel ging keigoed.", "keigoed", "zeer goed"),
    ("Dat was een keileuke dag.", "keileuke", "zeer ..."),
    ("Wa denkt de klant daarvan?", "Wa", "Wat"),
    ("Ik vond da heel goed.", "da", "dat"),
    ("Er was gene koffie meer.", "gene", "geen"),
    ("Het was een zotte week.", "zotte", "gekke"),
    ("Mijn collega's zijn heel tof.", "tof", "leuk"),
    ("Kunde mij eens helpen met de planning?", "Kunde", "Kun je"),
    ("Op het einde van de dag was ik kapot.", "was ik kapot", "was ik uitgeput"),
    ("Na die week waren we kapot.", "waren we kapot", "waren we uitgeput"),
])
def test_spoken_forms_get_an_alternative(text, form, alternative):
    assert found(text, "spreektaal") == [(form, alternative)]
    issue = [i for i in check_text(text) if i.category == "spreektaal"][0]
    assert issue.category == "spreektaal" and issue.explanation


@pytest.mark.parametrize("text", [
    "Nu en dan help ik aan de balie.",
    "Kennis en kunde zijn allebei nodig.",
    "Aan de zijde van de klant zag het er anders uit.",
    "De WA-verzekering dekt de schade.",
    "Het DA-nummer staat op het formulier.",
    "Ze werkt in de afdeling Gene Therapy van het ziekenhuis.",
    "De regels van 't kofschip ken ik uit het hoofd.",
    "Ik werk keihard aan mijn verslag.",
    "De supermarkt opent om acht uur.",
    "Ik ben heel erg tevreden over de begeleiding.",
    "De printer was kapot, dus ik was de hele ochtend bezig.",
    "Toen ik de laptop terugkreeg, was hij kapot.",
])
def test_standard_dutch_stays_quiet(text):
    assert found(text, "spreektaal") == []


def test_the_double_perfect():
    assert found("Ik heb dat vorige week gedaan geweest.", "spreektaal") == [("gedaan geweest", "gedaan")]
    assert found("De winkel is een week gesloten geweest.", "spreektaal") == []


@pytest.mark.parametrize("text,expected", [
    ("Sarah stemde meteen in!!", [("!!", ".")]),
    ("Wat een dag?!", [("?!", "?")]),
    ("Het verslag is af :)", [(":)", None)]),
    ("Het verslag is af 🎉", [("🎉", None)]),
    ("Haar antwoord bevestigde idd dat beeld.", [("idd", "inderdaad")]),
    ("Dat lukt mss morgen.", [("mss", "misschien")]),
    ("Btw, de vergadering is verplaatst.", [("Btw", "trouwens")]),
    ("lol, dat had ik niet verwacht.", [("lol", None)]),
])
def test_informal_style(text, expected):
    assert found(text, "style") == expected


@pytest.mark.parametrize("text", [
    "De btw bedraagt 21 procent.",
    "Op de factuur staat het btw-nummer van de klant.",
    "Btw is een belasting op de toegevoegde waarde.",
    "Is dat echt zo? Ja.",
    "De klant vroeg: (zie bijlage 2) wat de prijs is.",
])
def test_business_text_is_not_informal(text):
    assert found(text, "style") == []


def test_a_very_long_sentence_is_info():
    text = " ".join(["het team"] * 25) + " werkt hard."
    issues = [i for i in check_text(text) if i.category == "style"]
    assert len(issues) == 1 and issues[0].severity == "info" and "woorden" in issues[0].message


def test_the_data_file_is_plain_and_complete():
    path = templates_dir() / "taal" / "spreektaal.tsv"
    entries = load_entries(path)
    assert len(entries) >= 40
    for e in entries:
        assert e.alternative and e.note
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert all(2 <= line.count("\t") <= 3 for line in lines)


@pytest.mark.parametrize("text,form,alternative", [
    ("Ik was heel content met het resultaat.", "content", "tevreden"),
    ("De klant bleek niet content over de levering.", "content", "tevreden"),
    ("Tegen dat de klant belde, was alles klaar.", "Tegen dat", "Tegen de tijd dat"),
    ("Het was zeker en vast leerrijk.", "zeker en vast", "zeker"),
    ("Merci voor de hulp.", "Merci", "Bedankt"),
    ("Bon, dan de resultaten.", "Bon", None),
    ("De opdracht was wreed interessant.", "wreed", "heel"),
    ("Ik kreeg goeie raad.", "goeie", "goede"),
    ("Ik sprak met den boekhouder.", "den", "de"),
    ("Je moet u eerst aanmelden.", "u", "je"),
    ("Ik dronk een kopke koffie.", "kopke", "kopje"),
    ("Ik schreef twee briefkes.", "briefkes", "briefjes"),
    ("Ik wist niet waar dat ik moest zijn.", "waar dat", "waar"),
    ("Moest je vragen hebben, bel me dan.", "Moest", "Als"),
    ("Amai, wat een week.", "Amai", None),
    ("Voilà, dat was het.", "Voilà", None),
    ("Dat was nice om te zien.", "nice", "fijn"),
    ("Ik was het kotsbeu.", "kotsbeu", "moe"),
    ("Ik vond de opleiding supernice.", "supernice", "zeer ..."),
])
def test_patterns_with_a_businesslike_alternative(text, form, alternative):
    assert found(text, "spreektaal") == [(form, alternative)]


@pytest.mark.parametrize("text", [
    "We werkten aan content marketing voor de webshop.",
    "De content van de website werd vernieuwd.",
    "Ik had een gesprek met de schepen van economie.",
    "De vestiging in Den Haag opende in maart.",
    "Op den duur kende ik elke klant.",
    "De heer Van den Broeck leidde de vergadering.",
    "Jouw taak en de mijne overlappen.",
    "Wij danken u voor uw medewerking.",
    "Kunt u mij uw gegevens bezorgen?",
    "Ik had niets tegen dat voorstel.",
    "Ik kreeg een bon voor de kantine.",
    "Ik wist niet waar dat bestand stond.",
    "Ik vroeg of dat de juiste versie was.",
    "Een wrede straf is niet de bedoeling.",
    "Het sterke punt van het team is de communicatie.",
    "Ik maakte een lijstje met taken.",
    "Het congres vond plaats in Nice.",
    "De 'nice-to-have'-functies kwamen later.",
    "Ik las het boek 'Allez, Allez' over wielrennen.",
    "Ge- en verbodsborden hangen aan de ingang.",
    "Wanneer dat in orde was, moest ik de filter testen.",
    "De mutaties van genen werden onderzocht.",
    "Een interface is geen must have maar een nice to have.",
    "Talen leer je aan den lijve.",
])
def test_formal_look_alikes_stay_quiet(text):
    assert found(text, "spreektaal") == []


@pytest.mark.parametrize("text,form,alternative", [
    ("Dat resultaat was echt straf.", "straf", "indrukwekkend"),
    ("Het was een straffe prestatie.", "straffe", "indrukwekkende"),
    ("Gade mee naar de klant?", "Gade", "Ga je"),
    ("Het werd een bangelijke dag.", "bangelijke", "geweldige"),
])
def test_more_flemish_forms(text, form, alternative):
    assert found(text, "spreektaal") == [(form, alternative)]


@pytest.mark.parametrize("text", ["De straf was zwaar.", "Hij kwam met zijn gade naar de receptie.",
                                  "Volgens Van 't Hof is de markt gesloten."])
def test_their_look_alikes_stay_quiet(text):
    assert found(text, "spreektaal") == []


@pytest.mark.parametrize("text,form,alternative", [
    ("Achter die uitleg moest ik mijn laptop instellen.", "Achter", "Na"),
    ("Achter een tijdje lukte het.", "Achter", "Na"),
    ("Vandaag heb ik terug verder gewerkt aan de website.", "terug", "weer"),
    ("De winkel is terug open.", "terug", "weer"),
    ("Daarna kon ik terug beginnen met de configuratie.", "terug", "weer"),
    ("Daarna zal de motor terug aangestuurd worden.", "terug", "weer"),
])
def test_achter_and_terug_in_their_flemish_sense(text, form, alternative):
    assert found(text, "spreektaal") == [(form, alternative)]


@pytest.mark.parametrize("text", [
    "Achter het gebouw ligt de parking.", "Ik zat de hele dag achter de computer.", "Ik ging terug naar huis.",
    "Ik belde de klant terug.", "Hij gaf het boek terug aan de klant.", "Ik hoop dat ik ooit terug kan komen.",
    "De klant wil zijn geld terug krijgen.", "Ik kijk terug op een leerrijke stage.",
])
def test_achter_and_terug_as_place_or_back_stay_quiet(text):
    assert found(text, "spreektaal") == []


@pytest.mark.parametrize("text,expected", [
    ("Ik gebruikte een bibliotheek voor dit op te maken.", [("voor", "om")]),
    ("Voor de gebruikerservaring te testen, hield ik een enquête.", [("Voor", "Om")]),
    ("Ik had tijd nodig om alles voor te bereiden.", []),
    ("Hij stelde voor de planning te wijzigen.", []),
    ("Ik kreeg de opdracht voor de klant een offerte te maken.", []),
    ("We wilden de Copa voor Colombia te redden.", [("voor", "om")]),
    ("Er ontstond een plan om de beker voor het land te redden.", []),
    ("Door een deel van de gegevens voor het testen te gebruiken, meet je beter.", []),
    ("Dat is voor veel lezers moeilijk te begrijpen.", []),
])
def test_voor_te_meaning_om_te(text, expected):
    assert found(text, "spreektaal") == expected


# -- categories added for issue 9 (sentences written apart from the held-out sets) ---------------------------------
@pytest.mark.parametrize("text,form,alternative", [
    ("We kregen ene nieuwe opdracht van de klant.", "ene", "een"),
    ("Ik zette mijne handtekening onder het contract.", "mijne", "mijn"),
    ("Jullie moogt de sleutel meenemen.", "moogt", "mag"),
    ("Kben om acht uur begonnen.", "Kben", "Ik ben"),
    ("Twas een lange vergadering.", "Twas", "Het was"),
    ("De leverancier belde subiet terug.", "subiet", "meteen"),
    ("Het was vree druk op de afdeling.", "vree", "heel"),
    ("Er was ambras over de facturen.", "ambras", "onenigheid"),
    ("Ik heb gans de voormiddag offertes gemaakt.", "gans", "hele"),
    ("Die software is best wel traag.", "best wel", "vrij"),
    ("Er zijn tig manieren om dat op te lossen.", "tig", "talrijke"),
    ("Ik had zat tijd voor de documentatie.", "zat", "veel"),
    ("De collega's waren hartstikke behulpzaam.", "hartstikke", "heel"),
    ("Het nieuwe dashboard is megahandig.", "megahandig", "zeer ..."),
    ("Ik heb met me collega's de planning besproken.", "me", "mijn"),
    ("Hun zeiden dat de server offline was.", "Hun", "Zij"),
    ("De kosten waren hoger als gepland.", "als", "dan"),
    ("Gelijk ik al schreef, liep de levering vertraging op.", "Gelijk", "Zoals"),
    ("Die gast van de helpdesk loste het meteen op.", "gast", "collega"),
    ("Het was een schone ervaring.", "schone", "mooie"),
    ("De test liep goed, top!", "top", "uitstekend"),
    ("Het antwoord was beetje vaag.", "beetje", "een beetje"),
    ("Ik heb m'n planning bijgewerkt.", "m'n", "mijn"),
    ("Dees week ging over de audit.", "Dees", "Deze"),
    ("De oude printers werden naar het containerpark gesmeten.", "gesmeten", "gegooid"),
    ("Ik las het in de gazet.", "gazet", "krant"),
])
def test_categories_of_issue_9(text, form, alternative):
    assert found(text, "spreektaal") == [(form, alternative)]


@pytest.mark.parametrize("text", [
    "Aan de ene kant was het druk, aan de andere kant leerrijk.",
    "Welke planning is de mijne?",
    "Mijne heren, dank voor uw aandacht.",
    "Ik gaf hun de sleutels van het magazijn.",
    "Ik werkte met hun gegevens.",
    "Het resultaat was even goed als vorig jaar.",
    "Hij werkte eerder als stagiair bij een bank.",
    "De vraag was echter als verwacht.",
    "De klant kreeg gelijk.",
    "Elke gast krijgt een badge aan de receptie.",
    "Het magazijn moet schoon blijven.",
    "Het glaswerk was schoon.",
    "De top van het bedrijf keurde het plan goed.",
    "Hij bereikte de top.",
    "Er lag een hoop zand op de werf.",
    "Ik kreeg een pak met werkkleding.",
    "Hij zat te wachten op de bus.",
    "Het project groeide beetje bij beetje.",
    "De supermarkt opent om acht uur.",
    "Het bestand is twee megabyte groot.",
    "Hij belde me maandag terug.",
    "Het heeft me tijd gekost.",
    "Hij stuurde me de cijfers door.",
    "Ik heb me goed voorbereid.",
    "De titels staan vet gedrukt.",
    "De directie nam de klacht serieus.",
    "Een Ier leidde de workshop.",
    "Zie je, hoor je dingen die je niet verwacht.",
    "Het is echt waar dat de klant belde.",
    "Gazet van Antwerpen schreef over het bedrijf.",
])
def test_look_alikes_of_issue_9_stay_quiet(text):
    assert found(text, "spreektaal") == []
