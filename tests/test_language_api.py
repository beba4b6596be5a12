"""The public API: check_text on raw Markdown (offsets, markup ignored), get_engine caching, and
check_document on a project's drafts (file, line, part) and on a real .docx through the `check` command."""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import docx

from stageverslag.language import LanguageFacts, check_document, check_text, get_engine
from stageverslag.document.reader import read_docx
from stageverslag.project import ProjectConfig, init_project

REPO = Path(__file__).resolve().parents[1]


def test_check_text_ignores_markup_and_keeps_offsets():
    text = ("# Mijn eerste weeke\n\n"
            "<!-- Hulpvraag: wat vindt je van de vergadring? -->\n"
            "Hij vind het **belangrijk** dat ik `vergadring` leer.\n"
            "Zie [de vergadring](https://example.org/vergadring) of mail naar jan@vergadring.be.\n\n"
            "```\nik wordt hier niet gecontroleerd\n```\n"
            "- Da's een *lijst*!!\n")
    issues = check_text(text)
    got = [(i.category, text[i.start:i.end], i.suggestion) for i in issues]
    assert got == [
        ("spelling", "weeke", got[0][2]),
        ("dt", "vind", "vindt"),
        ("spelling", "vergadring", "vergadering"),
        ("spreektaal", "Da's", "Dat is"),
        ("style", "!!", "."),
    ]
    assert all(i.explanation for i in issues)
    heading = [i for i in issues if i.category == "spelling"][0]
    assert heading.suggestions and not hasattr(heading, "code")  # the engine knows no rule codes


def test_engines_are_cached_per_word_list_and_names(tmp_path):
    assert get_engine() is get_engine()
    project = init_project(tmp_path / "p", ProjectConfig(student="An Zeebroek", track="HR", company="Qwixo",
                                                         start=dt.date(2027, 2, 8)))
    first = get_engine(project)
    assert first is get_engine(project) and first is not get_engine()
    project.add_word("qwerplan")
    assert get_engine(project) is not first


def test_drafts_give_file_line_and_part(tmp_path):
    project = init_project(tmp_path / "p", ProjectConfig(student="An Zeebroek", track="HR", company="Qwixo",
                                                         start=dt.date(2027, 2, 8)))
    draft = project.draft_path("uitgangspunten")
    original = draft.read_text(encoding="utf-8")
    project.save_draft("uitgangspunten", original + "\nIk koos voor Qwixo.\nMijn mentor vind dat goed\nen ik ook.\n")
    before = draft.read_bytes()
    facts = check_document(project.document(), project=project)
    assert isinstance(facts, LanguageFacts) and any("OpenTaal" in n for n in facts.notes)
    assert [(f.category, f.part, Path(f.file).name, f.suggestion, f.wrong) for f in facts] == [
        ("dt", "uitgangspunten", draft.name, "vindt", "vind")]
    lines = draft.read_text(encoding="utf-8").splitlines()
    fact = facts[0]
    assert "Mijn mentor vind dat goed" in lines[fact.line - 1] and fact.paragraph is None
    # the rule (checks/sv502_dt.py) gives the fact its code, severity and message
    from stageverslag.linter import check_document as lint
    from stageverslag.rules import get_rule
    [f] = lint(project.document(), project.profile, project=project, rules=[get_rule("SV502")]).findings
    assert (f.code, f.severity, f.file, f.line, f.part) == ("SV502", "error", fact.file, fact.line, fact.part)
    assert "Schrijf 'vindt'" in f.message and "stam + t" in f.message
    assert draft.read_bytes() == before


def test_a_docx_through_the_check_command(tmp_path):
    path = tmp_path / "verslag.docx"
    d = docx.Document()
    d.add_heading("Inleiding", level=1)
    d.add_paragraph("Mijn stage liep bij een logistiek bedrijf in Willebroek.")
    d.add_heading("Uitgangspunten en eerste indrukken", level=1)
    d.add_paragraph("Het bedrijf verhuisd volgend jaar. Ge moet da weten!!")
    d.add_paragraph("De vergadring was lang.")
    d.save(path)
    before = path.read_bytes()
    out = subprocess.run([sys.executable, "-m", "stageverslag", "check", str(path), "--pages", "estimate",
                          "--format", "json", "--select", "spelling,dt,spreektaal,style"],
                         cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    report = json.loads(out.stdout)["reports"][0]
    texts = {p.index: p.text for p in read_docx(path).paragraphs}
    got = sorted((f["code"], texts[f["paragraph"]][f["start"]:f["end"]], f.get("suggestion"), f.get("part"))
                 for f in report["findings"])
    assert got == [("SV501", "vergadring", "vergadering", "uitgangspunten"),
                   ("SV502", "verhuisd", "verhuist", "uitgangspunten"),
                   ("SV503", "Ge", "Je (of u)", "uitgangspunten"),
                   ("SV503", "da", "dat", "uitgangspunten"),
                   ("SV504", "!!", ".", "uitgangspunten")]
    assert path.read_bytes() == before


def test_the_example_project_without_mistakes_is_clean_and_the_one_with_mistakes_is_not():
    from stageverslag.project import load_project
    clean = load_project(REPO / "examples" / "voorbeeldproject")
    assert list(check_document(clean.document(), project=clean)) == []
    faulty = load_project(REPO / "examples" / "project-met-fouten")
    expected = [line.split("\t") for line in
                (REPO / "examples" / "project-met-fouten" / "FOUTEN.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    findings = check_document(faulty.document(), project=faulty)
    for category in ("dt", "spreektaal", "spelling", "style"):
        wanted = sum(1 for row in expected if row[3] == category)
        got = sum(1 for f in findings if f.category == category)
        assert got >= wanted, (category, got, wanted)
