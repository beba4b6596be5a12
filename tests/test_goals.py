"""The goals model: the goals file (read, written, refused with a Dutch message), goals read from the text of
Uitgangspunten, and matching that survives rewording; ``stageverslag doelen`` and ``init --leerdoel``."""

from __future__ import annotations

import shutil
import tomllib

import pytest

from content_kit import CLEAN
from stageverslag.cli import main
from stageverslag.errors import ConfigError
from stageverslag.goals import (Goal, Standing, dump_goals, goals_in_text, load_goals, parse_goals, save_goals,
                                term_in, terms)
from stageverslag.profile import load_profile

LR = load_profile().competences


def test_example_goals_file_reads_back_the_same_after_writing(tmp_path):
    goals = load_goals(CLEAN, LR)
    assert [g.competences for g in goals] == [("LR6", "LR9"), ("LR10", "LR11"), ("LR12", "LR14"), ("LR2", "LR3")]
    assert goals[2].halverwege == Standing("nauwelijks vooruitgang", goals[2].halverwege.bewijs)
    assert goals[3].einde.stand == "bereikt" and "week elf" in goals[3].einde.bewijs
    assert dump_goals(goals) == (CLEAN / "leerdoelen.toml").read_text(encoding="utf-8")  # the file is ours, as written
    save_goals(tmp_path, goals)
    assert load_goals(tmp_path, LR) == goals


def test_file_is_readable_for_a_student():
    text = dump_goals([Goal('Ik zeg "nee" als het moet.', ("LR14",))])
    assert text.startswith("# Je leerdoelen.")
    assert '[[leerdoel]]\ndoel = "Ik zeg \\"nee\\" als het moet."\ncompetenties = ["LR14"]' in text
    assert "[leerdoel.halverwege]\nstand = \"\"\nbewijs = \"\"" in text and "[leerdoel.einde]" in text
    assert parse_goals(tomllib.loads(text)) == [Goal('Ik zeg "nee" als het moet.', ("LR14",))]


def test_no_goals_file_is_none(tmp_path):
    assert load_goals(tmp_path) is None


@pytest.mark.parametrize("text, message", [
    ('[[leerdoel]]\ndoel = ""\n', "'doel' ontbreekt of is leeg"),
    ('[[leerdoel]]\ndoel = "Ik plan."\ncompetenties = ["LR99"]\n', "competentie 'LR99' bestaat niet"),
    ('[[leerdoel]]\ndoel = "Ik plan."\ncompetenties = 6\n', "'competenties' moet een lijst zijn"),
    ('[[leerdoel]]\ndoel = "Ik plan."\nhalverwege = "goed"\n', "'halverwege' moet een tabel zijn"),
    ('leerdoel = "Ik plan."\n', "[[leerdoel]]"),
    ('[[leerdoel]\ndoel = "x"\n', "geen geldig leerdoelenbestand"),
    ("".join(f'[[leerdoel]]\ndoel = "Doel {i}"\n' for i in range(13)), "te veel"),
])
def test_a_broken_goals_file_gets_a_dutch_message_naming_the_problem(tmp_path, text, message):
    (tmp_path / "leerdoelen.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_goals(tmp_path, LR)
    assert message in str(exc.value) and "leerdoelen.toml" in str(exc.value)


def test_competences_may_be_written_loosely():
    [goal] = parse_goals({"leerdoel": [{"doel": "Ik plan.", "competenties": "lr10, 11"}]}, competences=LR)
    assert goal.competences == ("LR10", "LR11")


@pytest.mark.parametrize("goal, text", [
    ("Ik voer telefonische gesprekken in het Frans.", "Het eerste Franstalige telefoongesprek liep stroef."),
    ("Ik plan mijn werk zodat ik geen deadline mis.", "Mijn planning klopte: ik heb geen enkele deadline gemist."),
    ("Ik geef mijn mening in het overleg.", "In het teamoverleg gaf ik twee keer een mening."),
    ("Ik wil leren offertes opstellen in het Engels.", "De Engelse offerte die ik opstelde, werd meteen verstuurd."),
])
def test_terms_match_across_inflection_and_compounds(goal, text):
    found = terms(text)
    assert sum(term_in(t, found) for t in terms(goal)) >= 2, (terms(goal), found)


def test_terms_leave_out_function_words_and_what_every_goal_says():
    assert [t.word for t in terms("Ik wil leren om beter te worden in het maken van een planning.")] == ["planning"]
    assert not any(term_in(t, terms("Ik plan de vergadering.")) for t in terms("Ik spreek Frans."))


def _goals_from(tmp_path, paragraphs):
    from fixtures.docx_factory import make_report
    from lintkit import handbook_parts
    from stageverslag.document.outline import analyse
    from stageverslag.document.reader import read_docx
    parts = [(t, paragraphs if t.startswith("Uitgangspunten") else c, *rest) for t, c, *rest in handbook_parts()]
    doc = read_docx(make_report(tmp_path / "v.docx", parts))
    return [g.text for g in goals_in_text(doc, analyse(doc, load_profile()))]


def test_goals_read_from_a_list_after_an_announcing_sentence(tmp_path):
    assert _goals_from(tmp_path, ["Ik koos voor dit bedrijf omdat het dicht bij huis ligt.",
                                  "Voor deze stage stelde ik de volgende leerdoelen op:",
                                  "Zelfstandig offertes opstellen in het Engels.",
                                  "Assertiever zijn in vergaderingen."]) == [
        "Zelfstandig offertes opstellen in het Engels.", "Assertiever zijn in vergaderingen."]


def test_goals_read_from_sentences(tmp_path):
    assert _goals_from(tmp_path, ["De eerste week was druk. Ik wil tijdens deze stage vooral mijn Frans "
                                  "verbeteren. Mijn tweede leerdoel is zelfstandig een project plannen."]) == [
        "zelfstandig een project plannen", "Ik wil tijdens deze stage vooral mijn Frans verbeteren."]


def test_no_goals_in_a_text_without_any(tmp_path):
    assert _goals_from(tmp_path, ["Het bedrijf telt veertig werknemers en verkoopt fietsen in heel Vlaanderen."]) == []


def test_doelen_command_lists_adds_and_updates(tmp_path, capsys):
    root = tmp_path / "p"
    shutil.copytree(CLEAN, root)
    (root / "leerdoelen.toml").unlink()
    assert main(["doelen", "--project", str(root)]) == 0
    out = capsys.readouterr().out
    assert "gelezen uit je uitgangspunten" in out and "4. Ik maak zelfstandig een analyse in Excel" in out
    # the first change keeps the goals the text states, and writes them to the file
    assert main(["doelen", "--project", str(root), "--doel", "2", "--competenties", "lr10,11"]) == 0
    assert main(["doelen", "--project", str(root), "--doel", "2", "--halverwege", "op schema",
                 "--bewijs", "geen deadline gemist"]) == 0
    assert main(["doelen", "--project", str(root), "--nieuw", "Ik leid een introductiedag.", "--competenties",
                 "LR6"]) == 0
    goals = load_goals(root, LR)
    assert len(goals) == 5 and goals[1].competences == ("LR10", "LR11")
    assert goals[1].halverwege == Standing("op schema", "geen deadline gemist")
    out = capsys.readouterr().out
    assert "5. Ik leid een introductiedag. [LR6]" in out
    # the Tussentijdse evaluatie does plan to lead part of the next introduction day: only two parts lack it
    assert "komt nog niet terug in: Uitgangspunten en eerste indrukken, Conclusie" in out
    assert main(["doelen", "--project", str(root), "--verwijder", "5"]) == 0
    assert len(load_goals(root, LR)) == 4
    assert main(["doelen", "--project", str(root), "--doel", "9", "--einde", "bereikt"]) == 2
    assert "er is geen leerdoel 9" in capsys.readouterr().err
    assert main(["doelen", "--project", str(root), "--halverwege", "goed"]) == 2
    assert "--doel N" in capsys.readouterr().err


def test_init_takes_goals(tmp_path, capsys, monkeypatch):
    import io
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["init", str(tmp_path / "p"), "--student", "Sam Student", "--traject", "HR", "--bedrijf", "X",
                 "--start", "8/2/2027", "--leerdoel", "Ik voer gesprekken in het Frans.", "--leerdoel",
                 "Ik plan mijn werk."]) == 0
    assert [g.text for g in load_goals(tmp_path / "p")] == ["Ik voer gesprekken in het Frans.", "Ik plan mijn werk."]
    assert "leerdoelen.toml" in capsys.readouterr().out


def _tables_under(path, title):
    """The tables between the level-1 heading ``title`` and the next level-1 heading of a built .docx."""
    from docx import Document
    doc = Document(str(path))
    inside, found = False, []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            style = block.pPr.pStyle.val if block.pPr is not None and block.pPr.pStyle is not None else ""
            text = "".join(t.text or "" for t in block.iter() if t.tag.endswith("}t"))
            if style.lower().replace(" ", "") in ("heading1", "kop1"):
                inside = text.strip() == title
        elif tag == "tbl" and inside:
            from docx.table import Table
            found.append(Table(block, doc))
    return found


def test_builder_adds_a_table_of_goals_with_their_competences(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")  # no page numbers for the table of contents: no LibreOffice
    from stageverslag.builder import build_report
    from stageverslag.project import load_project
    root = tmp_path / "p"
    shutil.copytree(CLEAN, root)
    project = load_project(root)
    plain = build_report(project, output=tmp_path / "zonder.docx", force=True)
    assert [t.cell(0, 1).text for t in _tables_under(plain.docx, "Uitgangspunten en eerste indrukken")] == []
    made = build_report(project, output=tmp_path / "met.docx", force=True, goals_table="uitgangspunten")
    [table] = _tables_under(made.docx, "Uitgangspunten en eerste indrukken")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Leerdoel", "Competenties", "Halverwege", "Op het einde"]
    assert len(rows) == 5 and rows[1][0].startswith("Ik voer telefonische gesprekken")
    assert rows[1][1] == "LR6 (Meertalige communicator), LR9 (Meertalige communicator)"
    assert rows[4][3] == "bereikt"
    # the setting in the goals file, kept when the goals are saved again; the CLI option wins
    text = (root / "leerdoelen.toml").read_text(encoding="utf-8")
    (root / "leerdoelen.toml").write_text(text.replace("\n[[leerdoel]]", '\ntabel = "bijlage"\n\n[[leerdoel]]', 1),
                                          encoding="utf-8")
    save_goals(root, load_goals(root, LR))
    assert 'tabel = "bijlage"' in (root / "leerdoelen.toml").read_text(encoding="utf-8")
    made = build_report(load_project(root), output=tmp_path / "bijlage.docx", force=True)
    assert [t.cell(0, 1).text for t in _tables_under(made.docx, "Bijlage")] == ["Stand halverwege", "Competenties"]
    assert main(["build", "--project", str(root), "-o", str(tmp_path / "geen.docx"), "--leerdoelen", "geen"]) == 0
    assert [t.cell(0, 1).text for t in _tables_under(tmp_path / "geen.docx", "Bijlage")] == ["Stand halverwege"]
    (root / "leerdoelen.toml").write_text('tabel = "inleiding"\n', encoding="utf-8")
    assert main(["build", "--project", str(root), "-o", str(tmp_path / "fout.docx")]) == 2
    assert "'tabel' moet" in capsys.readouterr().err


def test_each_thread_stems_with_its_own_stemmer():
    """A Snowball stemmer keeps state while it stems: the TUI's dashboard worker and a check running at the
    same time must not share one (that crashed with an IndexError inside snowballstemmer)."""
    import threading

    from stageverslag import goals
    seen, results = [], []

    def work():
        seen.append(goals._stemmer())
        results.append([goals._stemmer()(w) for w in ("gesprekken", "vergaderingen", "gepland") * 200])

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(s.__self__) for s in seen}) == 3
    assert all(r == results[0] for r in results)


def test_the_dutch_stemmer_loaded_alone_stems_like_the_package():
    """goals loads only Snowball's Dutch module (time); it must be the stemmer the package itself gives."""
    import re

    import snowballstemmer

    from stageverslag.goals import _dutch_stemmer
    ours, package = _dutch_stemmer(), snowballstemmer.stemmer("dutch")
    from pathlib import Path
    drafts = Path(__file__).resolve().parents[1] / "examples" / "voorbeeldproject" / "hoofdstukken"
    text = " ".join(f.read_text(encoding="utf-8") for f in sorted(drafts.glob("*.md")))
    words = set(re.findall(r"\w+", text.lower()))
    assert len(words) > 20
    assert [ours.stemWord(w) for w in sorted(words)] == [package.stemWord(w) for w in sorted(words)]


def test_the_shipped_stop_stems_are_what_the_stemmer_gives():
    """The stems of the stop and goal words ship with goals.py (time); with the Snowball version they were made
    with, they must equal stemming the words now (a changed word list or stemmer: regenerate them)."""
    from stageverslag import goals
    goals._stemmer()
    shipped = goals._shipped_stop_stems()
    assert shipped is not None, "the shipped stop stems do not apply to the installed snowballstemmer or word list"
    assert shipped == frozenset(goals._stemmer()(w.lower()) for w in goals.STOP_WORDS | goals.GOAL_WORDS)
