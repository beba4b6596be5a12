"""A student's own files are hostile too (issue 18): each set-up below is built in the test, then ``status``,
``check`` and ``build`` run on it in a fresh process. Every run must end (generous timeout) with a Dutch
message, the documented exit status (0 fine, 1 findings, 2 a problem with the input, never 3 or a traceback),
bounded memory, and no file outside the project changed."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest

from robust_kit import assert_clean, run_cli, snapshot
from stageverslag.errors import ConfigError
from stageverslag.project import ProjectConfig, decode_text, init_project, load_project

TEXT = "Ik liep stage bij Rupelhaven Logistics in Antwerpen. Het was een leerrijke periode.\n"


@pytest.fixture
def world(tmp_path):
    """A project in ``tmp_path/verslag`` and a folder beside it that must never change."""
    project = init_project(tmp_path / "verslag", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10)))
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text("Niet van het project.\n", encoding="utf-8")
    (outside / "andere.docx").write_bytes(b"PK\x03\x04 niet aanraken")
    return project, outside


def draft(project, part_id: str = "inleiding") -> Path:
    return project.draft_path(part_id)


def runs(project, outside, *commands, status=(0, 1), dutch=()):
    """Run each command on the project; all must be clean and leave ``outside`` (and the project's
    neighbours) unchanged. Returns the runs."""
    before = snapshot(project.root.parent, skip=project.root)
    out = []
    for command in commands:
        run = run_cli(*command, "--project", str(project.root), cwd=project.root.parent)
        assert_clean(run, status, *dutch)
        out.append(run)
    assert snapshot(project.root.parent, skip=project.root) == before
    return out


ALL = (("status",), ("check", "--pages", "estimate"), ("build",))


# ---------------------------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding,label", [("cp1252", "Windows-1252"), ("utf-16", "UTF-16"),
                                            ("utf-8-sig", None)])
def test_draft_saved_by_notepad_or_word_is_read_with_a_note(world, encoding, label):
    project, outside = world
    text = "# Inleiding\n\nIk leerde veel over logistiek, één week in het magazijn en de café-cultuur.\n"
    draft(project).write_bytes(text.encode(encoding))
    status, check, build = runs(project, outside, *ALL)
    assert "magazijn" in project.document().text()
    assert "één week" in load_project(project.root).read_draft("inleiding")
    if label:
        assert label in check.output
    built = (project.root / "uit" / "stageverslag-final.docx").read_bytes()
    with zipfile.ZipFile(__import__("io").BytesIO(built)) as z:
        assert "één week in het magazijn" in z.read("word/document.xml").decode("utf-8")


def test_control_characters_from_word_or_pdf_are_replaced_with_a_note(world):
    project, outside = world
    draft(project).write_text("# Inleiding\n\nGeplakt\x0buit Word\x0cen een pdf\x1b[0m met stuurtekens.\n",
                              encoding="utf-8")
    _status, check, _build = runs(project, outside, *ALL)
    assert "stuurteken" in check.output
    text, notes = decode_text("a\x0bb\x00c\x1bd".encode())
    assert text == "a b c d" and len(notes) == 1


def test_undefined_cp1252_bytes_do_not_crash():
    text, notes = decode_text(b"caf\xe9 \x81\x8d\x8f\x90\x9d \xff")
    assert text.startswith("café") and "Windows-1252" in notes[0]


# ---------------------------------------------------------------------------------------------- layout

def test_drafts_folder_is_a_file(world):
    project, outside = world
    folder = project.root / "hoofdstukken"
    for f in folder.iterdir():
        f.unlink()
    folder.rmdir()
    folder.write_text("oeps", encoding="utf-8")
    runs(project, outside, *ALL, status=2, dutch=("hoofdstukken", "geen map" if False else "bestand"))


def test_draft_is_a_folder(world):
    project, outside = world
    path = draft(project)
    path.unlink()
    path.mkdir()
    runs(project, outside, ("check", "--pages", "estimate"), ("build",), status=2, dutch=("is een map",))


def test_symlink_loop(world):
    project, outside = world
    path = draft(project)
    path.unlink()
    os.symlink(path.name, path)  # points to itself
    runs(project, outside, ("check", "--pages", "estimate"), ("build",), status=2, dutch=("naar zichzelf",))


def test_draft_linked_to_a_file_outside_the_project(world):
    project, outside = world
    path = draft(project)
    path.unlink()
    os.symlink(outside / "geheim.md", path)
    runs(project, outside, ("check", "--pages", "estimate"), ("build",), status=2, dutch=("buiten je projectmap",))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_as_draft_does_not_hang(world):
    project, outside = world
    path = draft(project)
    path.unlink()
    os.mkfifo(path)
    runs(project, outside, ("check", "--pages", "estimate"), ("build",), status=2, dutch=("geen gewoon bestand",))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_draft_linked_to_dev_zero(world):
    project, outside = world
    path = draft(project)
    path.unlink()
    os.symlink("/dev/zero", path)
    runs(project, outside, *ALL, status=2, dutch=("buiten je projectmap",))


def test_100_mb_draft_is_refused_quickly(world):
    project, outside = world
    with open(draft(project), "wb") as f:
        f.truncate(100 * 2**20)  # sparse: 100 MB without writing them
    runs(project, outside, *ALL, status=2, dutch=("MB",))


def test_tui_state_shows_a_refused_draft_and_never_overwrites_it(world):
    from stageverslag.tui.state import AppState
    project, _outside = world
    with open(draft(project), "wb") as f:
        f.truncate(6 * 2**20)
    state = AppState(load_project(project.root), dt.date(2027, 3, 3))
    buf = state.buffer("inleiding")
    assert buf.text == "" and "MB" in (buf.error or "")
    state.edit("inleiding", "nieuw")
    assert not state.save("inleiding")
    assert draft(project).stat().st_size == 6 * 2**20


# ---------------------------------------------------------------------------------------------- config values

def _config(project) -> Path:
    return project.root / "stageverslag.toml"


@pytest.mark.parametrize("old,new,words", [
    ('naam = "Nina Peeters"', "naam = [1, 2]", ("student.naam",)),
    ('start = "2027-02-08"', "start = 42", ("stage.start",)),
    ('start = "2027-02-08"', "start = 9999-12-31", ("stage.start", "2100")),
    ('start = "2027-02-08"', 'start = "31/12/9999"', ("stage.start",)),
])
def test_config_values_with_wrong_types_or_dates(world, old, new, words):
    project, outside = world
    text = _config(project).read_text(encoding="utf-8")
    assert old in text, text
    _config(project).write_text(text.replace(old, new), encoding="utf-8")
    runs(project, outside, *ALL, status=2, dutch=("stageverslag.toml", *words))


def test_deeply_nested_config(world):
    project, outside = world
    _config(project).write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    runs(project, outside, *ALL, status=2, dutch=("geen geldig configuratiebestand",))


@pytest.mark.parametrize("content", ["acties = 5\n", 'klaar = [1, {a = 1}]\n', "acties = " + "[" * 3000 + "]" * 3000,
                                     "\xff\xfe kapot"])
def test_progress_file_with_wrong_types(world, content):
    project, outside = world
    (project.root / ".stageverslag").mkdir(exist_ok=True)
    (project.root / ".stageverslag" / "voortgang.toml").write_text(content, encoding="latin-1")
    runs(project, outside, ("status",), status=2, dutch=("voortgangsbestand",))


def test_profile_path_and_house_style_outside_the_project_are_refused(world):
    project, outside = world
    text = _config(project).read_text(encoding="utf-8")
    _config(project).write_text(text.replace('huisstijl = ""', 'huisstijl = "../buiten/andere.docx"'),
                                encoding="utf-8")
    runs(project, outside, ("build",), status=2, dutch=("huisstijl", "buiten je projectmap"))
    _config(project).write_text(text + '\n[profiel]\npad = "../buiten/geheim.md"\n', encoding="utf-8")
    runs(project, outside, ("status",), status=2, dutch=("profiel", "buiten je projectmap"))


def test_profile_part_ids_cannot_leave_the_project(tmp_path):
    from stageverslag.errors import ProfileError
    from stageverslag.paths import default_profile_path
    from stageverslag.profile import parse_profile
    import tomllib
    data = tomllib.loads(default_profile_path().read_text(encoding="utf-8"))
    data["parts"][0]["id"] = "../../buiten/kwaad"
    with pytest.raises(ProfileError, match="parts\\[0\\].id"):
        parse_profile(data)


def test_config_is_a_fifo_or_a_folder(world):
    project, outside = world
    _config(project).unlink()
    _config(project).mkdir()
    runs(project, outside, ("status",), status=2, dutch=("is een map",))
    _config(project).rmdir()
    if hasattr(os, "mkfifo"):
        os.mkfifo(_config(project))
        runs(project, outside, ("status",), status=2, dutch=("geen gewoon bestand",))


def test_load_project_errors_are_config_errors(world):
    project, _outside = world
    _config(project).write_text("[student\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_project(project.root)


# ---------------------------------------------------------------------------------------------- ~$ names

def test_lock_file_by_relative_name(tmp_path):
    (tmp_path / "~$verslag.docx").write_bytes(b"\x05Nina \x00" + b"\x00" * 155)
    run = run_cli("check", "--format", "json", "~$verslag.docx", cwd=tmp_path)
    assert_clean(run, 2, "vergrendelingsbestand")
    assert "home directory" not in run.output


def test_house_style_lock_file_by_relative_name(world):
    project, outside = world
    (project.root / "~$lock.docx").write_bytes(b"\x05Nina \x00" + b"\x00" * 155)
    before = snapshot(project.root.parent, skip=project.root)
    run = run_cli("build", "--huisstijl", "~$lock.docx", "--project", str(project.root), cwd=project.root)
    assert_clean(run, 2, "huisstijl")
    assert "home directory" not in run.output
    assert snapshot(project.root.parent, skip=project.root) == before


# ---------------------------------------------------------------------------------------------- pictures

def test_markdown_pictures_from_outside_or_the_web_are_not_read(world):
    project, outside = world
    from fixtures.docx_factory import png_bytes
    (outside / "logo.png").write_bytes(png_bytes(40, 20))
    (project.root / "figuren").mkdir()
    os.symlink(outside / "logo.png", project.root / "figuren" / "link.png")
    draft(project).write_text("# Inleiding\n\n" + TEXT + f"\n![a]({outside / 'logo.png'})\n\n![b](../../buiten/logo.png)"
                              "\n\n![c](figuren/link.png)\n\n![d](https://example.invalid/x.png)\n\n"
                              "![e](file:///etc/passwd)\n", encoding="utf-8")
    [build] = runs(project, outside, ("build",))
    assert build.output.count("buiten je projectmap") >= 3
    assert "internet" in build.output
    with zipfile.ZipFile(project.root / "uit" / "stageverslag-final.docx") as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]


def test_control_characters_in_the_config_do_not_reach_the_document(world):
    project, outside = world
    text = _config(project).read_text(encoding="utf-8")
    _config(project).write_text(text.replace('naam = "Nina Peeters"', 'naam = "Nina\\u001b Peeters\\u000b"'),
                                encoding="utf-8")
    runs(project, outside, ("build",))
    assert load_project(project.root).config.student == "Nina  Peeters"
