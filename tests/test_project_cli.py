"""`init` and `status` end to end through the CLI; bad dates, broken and missing configs; the profile."""

import subprocess
import sys
import tomllib

import pytest

from stageverslag.cli import main
from stageverslag.dates import parse_date
from stageverslag.errors import ProfileError, UserError
from stageverslag.profile import load_profile, parse_profile
from stageverslag.project import load_project, strip_comments

INIT = ["--student", "Lotte Peeters", "--traject", "hr", "--bedrijf", "Verhuizingen Vermeulen bv",
        "--mentor", "Jan Claes", "--coach", "Els Wouters", "--start", "8/2/2027", "--terugkommoment", "10-03-2027"]


def run(*args):
    """Run the real command in a subprocess: exit status, stdout, stderr."""
    p = subprocess.run([sys.executable, "-m", "stageverslag", *args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture
def project_dir(tmp_path):
    root = tmp_path / "verslag"
    assert main(["init", str(root), *INIT]) == 0
    return root


def test_init_creates_config_drafts_and_wordlist(project_dir):
    cfg = tomllib.loads((project_dir / "stageverslag.toml").read_text(encoding="utf-8"))
    assert cfg["student"]["naam"] == "Lotte Peeters"
    assert cfg["student"]["traject"] == "HR"
    assert cfg["student"]["academiejaar"] == "2026-2027"
    assert cfg["stage"]["terugkommoment"] == "2027-03-10"
    drafts = sorted(p.name for p in (project_dir / "hoofdstukken").iterdir())
    assert drafts == ["01-inleiding.md", "02-uitgangspunten.md", "03-leerervaringen_1.md",
                      "04-tussentijdse_evaluatie.md", "05-leerervaringen_2.md", "06-conclusie.md", "07-bijlage.md"]
    draft = (project_dir / "hoofdstukken" / "02-uitgangspunten.md").read_text(encoding="utf-8")
    assert "Waarom koos je voor juist deze stageplaats?" in draft
    assert strip_comments(draft).strip() == ""  # guiding questions are comments only
    part5 = (project_dir / "hoofdstukken" / "05-leerervaringen_2.md").read_text(encoding="utf-8")
    assert "## Het beroep" in part5 and "## De leerervaringen" in part5
    assert (project_dir / "woordenlijst.txt").exists()
    project = load_project(project_dir)
    assert set(project.draft_words().values()) == {0}
    assert project.config.names() == ["Lotte Peeters", "Verhuizingen Vermeulen bv", "Jan Claes", "Els Wouters"]


def test_init_refuses_to_overwrite(project_dir, capsys):
    before = (project_dir / "stageverslag.toml").read_bytes()
    assert main(["init", str(project_dir), *INIT]) == 2
    assert "overschrijf niets" in capsys.readouterr().err
    assert (project_dir / "stageverslag.toml").read_bytes() == before


def test_init_without_a_terminal_names_the_missing_field(tmp_path):
    code, out, err = run("init", str(tmp_path / "p"), "--student", "An")
    assert code == 2
    assert "traject" in err and "Traceback" not in err
    assert not (tmp_path / "p" / "stageverslag.toml").exists()


def test_status_end_to_end(project_dir):
    (project_dir / "hoofdstukken" / "02-uitgangspunten.md").write_text(
        "<!-- vragen -->\nIk koos deze stage omdat ik de personeelsdienst van dichtbij wil leren kennen.\n",
        encoding="utf-8")
    code, out, err = run("status", "--project", str(project_dir), "--today", "22/2/2027")
    assert code == 0, err
    assert "week 3 van 14" in out
    assert "Leerervaringen in het eerste deel van de stage" in out.split("Nu schrijven:")[1].split("\n")[1]
    assert "Eerste deel opladen op Canvas" in out and "zondag 7 maart 2027 (nog 13 dagen)" in out
    assert "maandag 17 mei 2027" in out  # final deadline: the Monday after the last day
    assert "Feedbackgesprek aanvragen" in out
    assert "Interviews over het beroep" in out
    assert "woorden" in out and "5000–5500" in out
    # words of the part written so far
    line = next(l for l in out.splitlines() if l.strip().startswith("Uitgangspunten en eerste indrukken"))
    assert " 13 woorden" in line


def test_status_after_the_deadline_states_the_penalty(project_dir):
    code, out, _ = run("status", "--project", str(project_dir), "--today", "2027-05-18")
    assert code == 0
    assert "gedeeld door 2" in out
    assert "voorbij" in out


def test_status_in_the_project_folder_by_default(project_dir):
    p = subprocess.run([sys.executable, "-m", "stageverslag", "status", "--today", "8/2/2027"],
                       capture_output=True, text=True, cwd=project_dir)
    assert p.returncode == 0 and "week 1 van 14" in p.stdout


@pytest.mark.parametrize("bad", ["31/2/2027", "2027-13-01", "morgen", "7/3/27"])
def test_bad_dates_give_a_dutch_error(tmp_path, bad):
    code, out, err = run("init", str(tmp_path / "p"), *INIT[:-4], "--start", bad)
    assert code == 2
    assert "Traceback" not in err and ("geen datum" in err or "bestaat niet" in err)
    code, out, err = run("status", "--project", str(tmp_path), "--today", bad)
    assert code == 2 and "Traceback" not in err


def test_terugkommoment_outside_internship_and_end_before_start(tmp_path):
    args = [a for a in INIT]
    args[args.index("10-03-2027")] = "1/9/2027"
    code, _, err = run("init", str(tmp_path / "a"), *args)
    assert code == 2 and "buiten je stage" in err
    code, _, err = run("init", str(tmp_path / "b"), *INIT, "--einde", "1/1/2027")
    assert code == 2 and "vóór de startdatum" in err


def test_missing_project(tmp_path):
    code, _, err = run("status", "--project", str(tmp_path))
    assert code == 2 and "geen project gevonden" in err and "stageverslag init" in err


@pytest.mark.parametrize("content, message", [
    ("[student\nnaam = 'x'", "geen geldig configuratiebestand"),
    ("[student]\nnaam = 'An'\ntraject = 'XYZ'\n[stage]\nstart = '8/2/2027'\n", "traject 'XYZ' bestaat niet"),
    ("[student]\nnaam = 'An'\ntraject = 'HR'\n[stage]\nstart = '30/2/2027'\n", "bestaat niet als datum"),
    ("[student]\nnaam = 'An'\ntraject = 'HR'\n[stage]\n", "startdatum"),
    ("[student]\nnaam = 'An'\ntraject = 'HR'\n[stage]\nstart = 2027-02-08\nterugkommoment = 2026-01-01\n",
     "buiten je stage"),
    ("[student]\nnaam = 'An'\ntraject = 'HR'\n[stage]\nstart = '8/2/2027'\n[tweede_stageplaats]\n"
     "start = '12/4/2027'\n", "twee delen"),
    ("student = 3\n", "tabel"),
])
def test_broken_configs(tmp_path, content, message):
    (tmp_path / "stageverslag.toml").write_text(content, encoding="utf-8")
    code, _, err = run("status", "--project", str(tmp_path))
    assert code == 2, err
    assert message in err and "Traceback" not in err


def test_e4b_split_project_status(tmp_path):
    root = tmp_path / "e4b"
    args = ["init", str(root), "--student", "Sam", "--traject", "E4B", "--bedrijf", "Eventbureau Zonnig",
            "--start", "8/2/2027", "--terugkommoment", "10/3/2027", "--tweede-bedrijf", "Beurshal Noord",
            "--tweede-start", "12/4/2027"]
    assert main(args) == 0
    project = load_project(root)
    assert [p.company for p in project.schedule().placements] == ["Eventbureau Zonnig", "Beurshal Noord"]
    code, out, _ = run("status", "--project", str(root), "--today", "6/4/2027")
    assert code == 0 and "tussen je twee stageplaatsen" in out
    code, out, _ = run("status", "--project", str(root), "--today", "13/4/2027")
    assert "week 8 van 14" in out


def test_belgian_date_forms():
    assert parse_date("7/3/2027") == parse_date("07-03-2027") == parse_date("2027-03-07") == parse_date("7.3.2027")
    with pytest.raises(UserError):
        parse_date("2027-02-29")


def test_version_and_dutch_help():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("stageverslag ")
    code, out, _ = run("status", "--help")
    assert code == 0 and "gebruik:" in out and "--project MAP" in out
    code, _, err = run("bestaatniet")
    assert code == 2 and "ongeldige keuze" in err


def test_profile_is_validated_with_the_field_named():
    import copy
    data = tomllib.loads(load_profile().path.read_text(encoding="utf-8"))
    broken = copy.deepcopy(data)
    del broken["limits"]["pages_max"]
    with pytest.raises(ProfileError, match="limits.pages_max"):
        parse_profile(broken)
    broken = copy.deepcopy(data)
    broken["parts"][2]["window"] = ["week drie", "week 4"]
    with pytest.raises(ProfileError, match=r"parts\[2\].window\[0\]"):
        parse_profile(broken)
    broken = copy.deepcopy(data)
    broken["limits"]["length_unit"] = "regels"
    with pytest.raises(ProfileError, match="length_unit"):
        parse_profile(broken)


def test_profile_facts():
    p = load_profile()
    assert p.part_ids == ["inleiding", "uitgangspunten", "leerervaringen_1", "tussentijdse_evaluatie",
                          "leerervaringen_2", "conclusie", "bijlage"]
    assert [x.id for x in p.parts_for("midterm")] == ["uitgangspunten", "leerervaringen_1", "tussentijdse_evaluatie"]
    assert [s.id for s in p.part("leerervaringen_2").subsections] == ["beroep", "leerervaringen"]
    assert (p.limits.pages_min, p.limits.pages_max, p.limits.length_min, p.limits.length_max) == (16, 20, 5000, 5500)
    assert p.limits.length_unit == "words" and "woorden" in p.limits.length_note
    assert sorted(p.tracks) == ["E4B", "HR", "IRM"] and p.tracks["E4B"].split_weeks == (7, 7)
    assert sorted(p.competences, key=lambda k: int(k[2:])) == [f"LR{i}" for i in range(1, 16)]
    assert p.calendar.working_days == 70 and p.calendar.weeks == 14
    assert load_profile(length_unit="characters").limits.unit_label == "tekens"


def init_in_terminal(root, args, answers: str) -> tuple[int, str]:
    """Run `init` with a pseudo-terminal on stdin, typing ``answers``; return (exit status, stderr)."""
    import os
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "stageverslag", "init", str(root), *args],
                            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, answers.encode())
    _, err = proc.communicate(timeout=30)
    os.close(master)
    return proc.returncode, err.decode()


def test_init_asks_missing_fields_in_a_terminal(tmp_path):
    root = tmp_path / "gevraagd"
    # a wrong date is asked again; then the real answers
    code, err = init_in_terminal(root, ["--traject", "HR", "--bedrijf", "Firma Peeters", "--start", "8/2/2027"],
                                 "Lotte Peeters\nJan Claes\nEls Wouters\n31/2/2027\n10/3/2027\n"
                                 "Ik voer gesprekken in het Frans.\n\n")  # one learning goal, then an empty line
    assert code == 0, err
    assert "bestaat niet als datum" in err
    cfg = load_project(root).config
    assert (cfg.student, cfg.mentor, cfg.coach) == ("Lotte Peeters", "Jan Claes", "Els Wouters")
    assert str(cfg.terugkommoment) == "2027-03-10"
    from stageverslag.goals import load_goals
    assert [g.text for g in load_goals(root)] == ["Ik voer gesprekken in het Frans."]


def test_init_asks_again_for_an_unknown_track(tmp_path):
    root = tmp_path / "traject"
    code, err = init_in_terminal(root, ["--student", "An", "--bedrijf", "Firma", "--start", "8/2/2027"],
                                 "marketing\nirm\n\n\n\n\n")  # the last empty line: no learning goals
    assert code == 0, err
    assert "kies E4B, HR, IRM" in err
    assert load_project(root).config.track == "IRM"
