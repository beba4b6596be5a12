"""`stageverslag check` end to end: exit statuses, the JSON contract, --select/--ignore, --output, projects,
stages, colour, bad input, and that checking neither changes the file nor loads what it does not need."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import docx
import pytest

from fixtures.docx_factory import write_doctype_docx, write_empty, write_ole2, write_random_bytes, write_zip_bomb
from lintkit import CORPUS, EXAMPLES, REPO, handbook_parts, sha256, write_report
from stageverslag.cli import main
from stageverslag.findings import CATEGORIES
from stageverslag.rules import load_rules

ENV = {**os.environ, "PYTHONPATH": str(REPO)}
FAULTY = EXAMPLES / "project-met-fouten" / "stageverslag-met-fouten.docx"
LANGUAGE_CODES = ",".join(r.code for r in load_rules() if r.language)


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A complete report as a Dutch Word saved it, 18 pages by Word's own count."""
    return write_report(tmp_path_factory.mktemp("good") / "verslag.docx", flavor="word-nl", app_pages=18)


def run_json(capsys, *args) -> tuple[int, dict]:
    code = main(["check", *map(str, args), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "stageverslag", "check", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env or ENV, timeout=120)


def test_good_report_exit_0_and_json_contract(capsys, good):
    before = sha256(good)
    code, data = run_json(capsys, good, "--pages", "word")
    assert code == 0
    assert list(data) == ["reports"]
    [r] = data["reports"]
    assert set(r) == {"file", "stage", "stats", "findings", "notes"}
    assert r["file"] == str(good) and r["stage"] == "final"
    assert {"pages", "page_method", "words", "characters"} <= set(r["stats"])
    assert r["stats"]["pages"] == 18 and r["stats"]["page_method"] == "word"
    assert not [f for f in r["findings"] if f["severity"] == "error"]
    assert any("woorden" in n and "§8" in n for n in r["notes"])  # the words-vs-characters reading
    assert sha256(good) == before


def test_faulty_example_exit_1_with_paragraph_indexes(capsys):
    before = sha256(FAULTY)
    code, data = run_json(capsys, FAULTY, "--pages", "estimate")
    assert code == 1
    findings = data["reports"][0]["findings"]
    allowed = {"code", "category", "severity", "message", "part", "paragraph", "start", "end", "suggestion",
               "heading", "page", "page_method", "match", "quote", "location"}  # docs/json-format.md
    assert all(set(f) <= allowed and f["category"] in CATEGORIES for f in findings)
    assert all(f["severity"] in ("error", "warning", "info") for f in findings)
    order = [f for f in findings if f["code"] == "SV102"]
    assert order and order[0]["part"] == "leerervaringen_2"
    paragraphs = docx.Document(str(FAULTY)).paragraphs
    assert paragraphs[order[0]["paragraph"]].text == "Leerervaringen in het tweede deel van de stage"
    for f in findings:
        if "start" in f:  # a language finding points into the paragraph's text
            assert 0 <= f["start"] < f["end"] <= len(paragraphs[f["paragraph"]].text)
    assert {"toc", "header-footer", "page-numbers"} <= {f["category"] for f in findings}
    assert sha256(FAULTY) == before


def test_select_and_ignore(capsys):
    _, data = run_json(capsys, FAULTY, "--pages", "estimate", "--select", "SV102,toc")
    assert {f["code"] for f in data["reports"][0]["findings"]} == {"SV102", "SV302"}
    _, data = run_json(capsys, FAULTY, "--pages", "estimate", "--ignore", "section-order,toc,header-footer")
    cats = {f["category"] for f in data["reports"][0]["findings"]}
    assert not cats & {"section-order", "toc", "header-footer"} and "page-numbers" in cats


def test_midterm_stage(capsys, tmp_path):
    path = write_report(tmp_path / "mid.docx", parts=handbook_parts(skip=["inleiding", "leerervaringen_2",
                                                                          "conclusie", "bijlage"]))
    code, data = run_json(capsys, path, "--stage", "midterm", "--pages", "estimate")
    r = data["reports"][0]
    assert r["stage"] == "midterm"
    assert not [f for f in r["findings"] if f["category"] in ("section-missing", "pages", "length")]
    code, data = run_json(capsys, path, "--pages", "estimate")  # --stage auto: exactly the midterm parts
    assert data["reports"][0]["stage"] == "midterm" and "precies de onderdelen" in data["reports"][0]["notes"][0]
    code, data = run_json(capsys, path, "--stage", "final", "--pages", "estimate")
    assert code == 1 and {"section-missing", "length"} <= {f["category"] for f in data["reports"][0]["findings"]}


def test_output_file_and_refusing_to_overwrite_the_input(tmp_path, good, capsys):
    out = tmp_path / "rapport.html"
    assert main(["check", str(good), "--pages", "word", "--format", "html", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out == ""
    before = sha256(good)
    assert main(["check", str(good), "--pages", "word", "-o", str(good)]) == 2
    assert "ander uitvoerbestand" in capsys.readouterr().err
    assert sha256(good) == before


@pytest.mark.parametrize("args,text", [
    (["--select", "SV999"], "onbekende regel"),
    (["--today", "31/2/2027"], "bestaat niet als datum"),
    (["--jobs", "-1"], "--jobs"),
])
def test_command_errors_exit_2(good, capsys, args, text):
    assert main(["check", str(good), "--pages", "word", *args]) == 2
    assert text in capsys.readouterr().err


def test_missing_path_and_no_project(tmp_path):
    r = cli(tmp_path / "bestaat-niet.docx")
    assert r.returncode == 2 and "bestaat niet" in r.stderr and "Traceback" not in r.stderr
    r = cli(cwd=tmp_path)
    assert r.returncode == 2 and "project" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("writer", [write_empty, write_random_bytes, write_ole2,
                                    lambda p: write_ole2(p, encrypted=True),
                                    lambda p: write_doctype_docx(p, "laughs"), lambda p: write_doctype_docx(p, "xxe"),
                                    lambda p: write_zip_bomb(p, size=600 << 20)])
def test_bad_input_exit_2_with_a_dutch_message(tmp_path, writer):
    path = writer(tmp_path / "kapot.docx")
    before = sha256(path)
    r = cli(path, "--pages", "estimate")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "kapot.docx" in r.stdout and "Traceback" not in r.stdout + r.stderr
    assert "Onleesbaar" in r.stdout
    assert sha256(path) == before


def test_bad_input_in_json(capsys, tmp_path):
    path = write_random_bytes(tmp_path / "ruis.docx")
    code, data = run_json(capsys, path)
    assert code == 2
    [f] = data["reports"][0]["findings"]
    assert (f["code"], f["category"], f["severity"]) == ("SV900", "input", "error")
    assert data["reports"][0]["stats"]["pages"] is None
    assert any("woorden" in n for n in data["reports"][0]["notes"])  # every report states the length reading


@pytest.mark.libreoffice
def test_project_drafts_without_paths():
    r = cli("--format", "json", "--today", "2027-03-01", cwd=EXAMPLES / "voorbeeldproject")
    assert r.returncode in (0, 1), r.stderr
    [rep] = json.loads(r.stdout)["reports"]
    assert rep["file"] == str((EXAMPLES / "voorbeeldproject").resolve())
    # length and pages are those of the report as `build` would make it: rendered, with title page and TOC
    assert rep["stats"]["page_method"] == "render"
    assert 16 <= rep["stats"]["pages"] <= 20
    assert 5000 <= rep["stats"]["words"] <= 5500
    assert not [f for f in rep["findings"] if f["category"] in ("section-missing", "section-order", "toc",
                                                                 "pages", "length")]
    # findings in drafts point at the file and line, not at a .docx paragraph
    assert all("paragraph" not in f for f in rep["findings"])


def test_project_deadline_and_empty_part(capsys):
    project = EXAMPLES / "project-met-fouten"
    code, data = run_json(capsys, "--project", project, "--stage", "midterm", "--today", "2030-01-01")
    findings = data["reports"][0]["findings"]
    assert any(f["category"] == "deadline" and f["severity"] == "warning" for f in findings)
    code, data = run_json(capsys, "--project", project, "--today", "2027-03-01", "--select", "section-empty")
    [f] = data["reports"][0]["findings"]
    assert f["part"] == "conclusie" and code == 1


def test_text_report_has_parts_counts_and_verdict(capsys):
    assert main(["check", str(FAULTY), "--pages", "estimate", "--select", "SV102,SV302"]) == 1
    out = capsys.readouterr().out
    lines = out.rstrip().splitlines()
    assert lines[1].strip().startswith("14 pagina's (geschat)")
    # each finding says where a person finds it: the page, the part, or the whole report
    assert any(line.strip().startswith("p. ±10 · Leerervaringen deel 2: 'Leerervaringen in het tweede deel")
               and line.endswith("[SV102]") for line in lines)
    assert any(line.strip().startswith("hele verslag: Het verslag heeft geen inhoudsopgave") for line in lines)
    assert lines[-1].strip().startswith("Oordeel: Nog niet in orde: 2 fouten")
    assert "\033[" not in out  # not a terminal: no colour


def _run_in_pty(args, env):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "stageverslag", "check", *args], stdout=slave,
                            stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_not_with_no_color():
    args = [str(FAULTY), "--pages", "estimate", "--select", "SV102"]
    assert "\033[31m" in _run_in_pty(args, ENV)
    assert "\033[" not in _run_in_pty(args, {**ENV, "NO_COLOR": "1"})
    assert "\033[" not in _run_in_pty(args + ["--no-color"], ENV)


def test_check_does_not_import_textual_or_languagetool(good):
    code = ("import sys; from stageverslag.cli import main; rc = main(sys.argv[1:]); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in "
            "('textual', 'language_tool_python', 'rich')}); "
            "print('HEAVY', heavy, 'LANG', 'stageverslag.language' in sys.modules, file=sys.stderr)")
    r = subprocess.run([sys.executable, "-c", code, "check", str(good), "--pages", "estimate"], capture_output=True,
                       text=True, env=ENV, timeout=120)
    assert "HEAVY [] LANG True" in r.stderr, r.stderr
    r = subprocess.run([sys.executable, "-c", code, "check", str(good), "--pages", "estimate", "--ignore",
                        LANGUAGE_CODES], capture_output=True, text=True, env=ENV, timeout=120)
    assert "HEAVY [] LANG False" in r.stderr, r.stderr


@pytest.mark.libreoffice
def test_render_with_libreoffice(capsys, tmp_path):
    path = write_report(tmp_path / "r.docx")
    before = sha256(path)
    code, data = run_json(capsys, path, "--pages", "render", "--select", "pages")
    stats = data["reports"][0]["stats"]
    assert stats["page_method"] == "render" and 14 <= stats["pages"] <= 20
    assert sha256(path) == before
    assert list(tmp_path.iterdir()) == [path]  # no PDF or lock file left behind


@pytest.mark.corpus
def test_corpus_lock_file_and_encrypted_file(capsys):
    code, data = run_json(capsys, CORPUS / "edge_word_owner_lockfile.docx", CORPUS / "edge_poi_encrypted_agile.docx")
    assert code == 2
    assert [r["findings"][0]["category"] for r in data["reports"]] == ["input", "input"]
    assert "vergrendel" in data["reports"][0]["findings"][0]["message"]
    assert "wachtwoord" in data["reports"][1]["findings"][0]["message"]


def test_auto_pages_without_the_page_rule_does_not_render(good, monkeypatch):
    """With the page rule deselected, `auto` estimates instead of paying for a LibreOffice render."""
    from stageverslag import libreoffice
    from stageverslag.linter import check_file
    from stageverslag.rules import CheckOptions, load_rules, select_rules

    def no_render(*a, **k):
        raise AssertionError("LibreOffice must not run")

    monkeypatch.setattr(libreoffice, "convert", no_render)
    rules = select_rules(load_rules(), ignore=["pages"])
    report = check_file(good, options=CheckOptions(pages="auto"), rules=rules)
    assert report.stats["page_method"] == "estimate" and report.stats["pages"] > 0


def test_report_names_the_dictionary_and_refuses_a_bad_languagetool_url(capsys, tmp_path):
    code, data = run_json(capsys, FAULTY, "--pages", "estimate", "--select", "spelling")
    assert any("woordenboek" in n and "OpenTaal" in n for n in data["reports"][0]["notes"])
    assert main(["check", str(FAULTY), "--languagetool", "geen-adres"]) == 2
    assert "geen geldig adres" in capsys.readouterr().err


def test_project_midterm_check_looks_only_at_the_midterm_parts(capsys):
    code, data = run_json(capsys, "--project", EXAMPLES / "voorbeeldproject", "--stage", "midterm",
                          "--today", "2027-03-01", "--pages", "estimate")
    [rep] = data["reports"]
    assert code == 0 and rep["stage"] == "midterm"
    assert [f for f in rep["findings"] if f["category"].startswith("section")] == []
    assert 2000 < rep["stats"]["words"] < 3000  # the three midterm parts plus title page and TOC


def test_the_early_look_at_a_check_command_line_knows_every_option_of_check():
    from stageverslag import cli, early
    check = next(a for a in cli.build_parser()._subparsers._group_actions[0].choices.items() if a[0] == "check")[1]
    takes_value, flags = set(), set()
    for action in check._actions:
        (flags if action.nargs == 0 else takes_value).update(o for o in action.option_strings)
    flags -= {"-h", "--help"}
    assert takes_value == set(early.CHECK_VALUE_OPTIONS) and flags == set(early.CHECK_FLAGS)


def test_the_early_look_finds_the_paths_or_leaves_it_to_the_parser():
    from stageverslag.early import early_check_paths
    assert early_check_paths(["check", "verslag.docx", "--format", "json", "-o", "uit.json", "--verbose"]) == [
        "verslag.docx"]
    assert early_check_paths(["check", "--pages=estimate", "a.docx", "b.docx"]) == ["a.docx", "b.docx"]
    assert early_check_paths(["check", "--project", "mijnverslag"]) == []
    assert early_check_paths(["check", "--", "-raar.docx"]) == ["-raar.docx"]
    for unsure in (["check", "--select", "SV502", "a.docx"], ["check", "-h"], ["check", "-vj2", "a.docx"],
                   ["check", "--format"], ["build", "a.docx"], []):
        assert early_check_paths(unsure) is None, unsure


def test_check_leaves_quickly_but_keeps_its_output_exit_status_and_remembered_verdicts(tmp_path):
    cache = tmp_path / "cache"
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    out = tmp_path / "rapport.json"
    r = subprocess.run([sys.executable, "-m", "stageverslag", "check", str(FAULTY), "--pages", "estimate",
                        "--format", "json"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1 and json.loads(r.stdout)["reports"][0]["findings"]  # all of stdout came through
    assert list((cache / "stageverslag").glob("woorden-*.json"))  # the exit handler still ran
    r = subprocess.run([sys.executable, "-m", "stageverslag", "check", str(FAULTY), "--pages", "estimate",
                        "--format", "json", "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1 and json.loads(out.read_text(encoding="utf-8"))["reports"]
    # a reader that stops early (| head -1): no traceback
    p = subprocess.Popen([sys.executable, "-m", "stageverslag", "check", str(FAULTY), "--pages", "estimate",
                          "--verbose"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    p.wait(timeout=120)
    assert "Traceback" not in err, err
