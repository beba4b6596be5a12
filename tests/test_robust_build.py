"""``build`` with hostile surroundings (issue 18): a house style from outside is opened with the safe package
reader and only its styles, numbering, theme, page setup and headers/footers are taken over; backups are
made safely or the build stops, with a Dutch message, before the old output is touched."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from fixtures.docx_factory import patch_parts, png_bytes, write_zip_bomb
from robust_kit import assert_clean, run_cli, snapshot
from stageverslag import storage
from stageverslag.builder import build_report
from stageverslag.errors import UserError
from stageverslag.project import ProjectConfig, init_project


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("STAGEVERSLAG_SOFFICE", "")


@pytest.fixture
def project(tmp_path):
    p = init_project(tmp_path / "verslag", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10)))
    p.save_draft("inleiding", "# Inleiding\n\nIk liep stage in de haven van Antwerpen.\n")
    return p


def template(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].left_margin = Cm(3.3)
    d.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png_bytes(60, 20)), width=Cm(3))
    d.sections[0].header.paragraphs[0].add_run("Rupelhaven Logistics")
    d.add_paragraph("Voorbeeldtekst uit het sjabloon.")
    d.save(path)
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------------------------- house styles

def test_house_style_keeps_layout_and_logo(project, tmp_path, no_soffice):
    style = template(project.root / "huisstijl.docx")
    before = sha(style)
    result = build_report(project, house_style=style)
    assert sha(style) == before
    out = docx.Document(result.docx)
    assert round(out.sections[0].left_margin.cm, 1) == 3.3
    with zipfile.ZipFile(result.docx) as z:
        names = z.namelist()
        assert any(n.startswith("word/media/") for n in names)  # the logo
        assert "Voorbeeldtekst" not in z.read("word/document.xml").decode()


def test_house_style_with_a_disguised_macro_project_custom_xml_and_external_template(project, no_soffice):
    style = template(project.root / "huisstijl.docx")

    def add(data: bytes) -> bytes:
        rels = (b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                b'Target="vbaProject.bin"/>'
                b'<Relationship Id="rIdTpl" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                b'attachedTemplate" Target="http://example.invalid/sjabloon.dotm" TargetMode="External"/>')
        return data.replace(b"</Relationships>", rels + b"</Relationships>")
    patch_parts(style, {"word/_rels/document.xml.rels": add,
                        "[Content_Types].xml": lambda b: b.replace(b"</Types>", b'<Override PartName="/word/vbaProject.bin" '
                                                                   b'ContentType="application/xml"/></Types>')})
    with zipfile.ZipFile(style, "a") as z:
        z.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro's " * 100)
        z.writestr("customXml/item9.xml", "<geheim>klantgegevens</geheim>")
    result = build_report(project, house_style=style)
    with zipfile.ZipFile(result.docx) as z:
        names = [n.lower() for n in z.namelist()]
        assert not [n for n in names if "vba" in n or n.startswith("customxml")]
        everything = b"".join(z.read(n) for n in z.namelist())
        assert b"vbaProject" not in everything and b"example.invalid" not in everything
        assert b"klantgegevens" not in everything
    note = " ".join(result.notes)
    assert "macro's" in note and "aangepaste XML" in note and "gekoppelde sjabloon op een server" in note


def test_house_style_with_doctype_entities_is_refused(project, no_soffice):
    style = template(project.root / "huisstijl.docx")
    patch_parts(style, {"word/styles.xml": lambda b: b.replace(
        b"?>", b'?><!DOCTYPE w:styles [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', 1)})
    with pytest.raises(UserError, match="DOCTYPE"):
        build_report(project, house_style=style)
    assert not (project.root / "uit" / "stageverslag-final.docx").exists()


def test_house_style_with_a_2_gib_member_is_refused_quickly(project, tmp_path):
    base = template(tmp_path / "basis.docx")
    bomb = write_zip_bomb(project.root / "huisstijl.dotx", size=64 * 2**20, member="word/media/image9.png", base=base)
    raw = bytearray(bomb.read_bytes())  # then make the member claim 2 GiB, as in the report of issue 18
    i = raw.rfind(b"word/media/image9.png")
    j = raw.rfind(b"PK\x01\x02", 0, i)
    raw[j + 24:j + 28] = (2**31).to_bytes(4, "little")
    bomb.write_bytes(bytes(raw))
    before = snapshot(project.root.parent, skip=project.root)
    run = run_cli("build", "--huisstijl", str(bomb), "--project", str(project.root), cwd=project.root,
                  env={"STAGEVERSLAG_SOFFICE": ""})
    assert_clean(run, 2, "huisstijl", "zip-bom")
    assert not (project.root / "uit" / "stageverslag-final.docx").exists()
    assert snapshot(project.root.parent, skip=project.root) == before


def test_house_style_from_init_outside_the_project_is_copied_in(tmp_path, no_soffice):
    style = template(tmp_path / "bedrijf.dotx")
    p = init_project(tmp_path / "nieuw", ProjectConfig(
        student="Nina Peeters", track="HR", company="Rupelhaven Logistics", start=dt.date(2027, 2, 8),
        terugkommoment=dt.date(2027, 3, 10), house_style=str(style)))
    assert p.config.house_style == "huisstijl/bedrijf.dotx"
    assert p.house_style_path() == (p.root / "huisstijl" / "bedrijf.dotx").resolve()


# ---------------------------------------------------------------------------------------------- backups

def test_backup_name_and_no_overwrite(tmp_path):
    target = tmp_path / "stageverslag-final.docx"
    target.write_bytes(b"v1")
    when = dt.datetime(2026, 12, 1, 13, 23)
    first = storage.backup(target, tmp_path / "backup", now=when)
    target.write_bytes(b"v2")
    second = storage.backup(target, tmp_path / "backup", now=when)
    assert first.name == "stageverslag-final (kopie 2026-12-01 13.23).docx"
    assert second.name == "stageverslag-final (kopie 2026-12-01 13.23, 2).docx"
    assert first.read_bytes() == b"v1" and second.read_bytes() == b"v2"
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == sorted([first.name, second.name])


def test_backup_folder_is_a_file(project, no_soffice):
    build_report(project)
    out = project.root / "uit" / "stageverslag-final.docx"
    before = sha(out)
    (project.root / "uit" / "backup").write_text("geen map", encoding="utf-8")
    run = run_cli("build", "--project", str(project.root), cwd=project.root, env={"STAGEVERSLAG_SOFFICE": ""})
    assert_clean(run, 2, "reservekopie", "niets overschreven")
    assert sha(out) == before


@pytest.mark.parametrize("error,words", [(errno.ENOSPC, "de schijf is vol"),
                                         (errno.EROFS, "alleen-lezen"), (errno.EACCES, "schrijfrechten")])
def test_backup_impossible_stops_before_the_old_output_is_touched(project, no_soffice, monkeypatch, error, words):
    build_report(project)
    out = project.root / "uit" / "stageverslag-final.docx"
    before = sha(out)
    project.save_draft("inleiding", "# Inleiding\n\nNieuwe tekst.\n")

    def full(src, dst, length=0):
        dst.write(b"half")
        raise OSError(error, "gesimuleerd")
    monkeypatch.setattr(storage.shutil, "copyfileobj", full)
    with pytest.raises(UserError, match=words):
        build_report(project)
    assert sha(out) == before
    leftovers = list((project.root / "uit").rglob("*"))
    assert [p for p in leftovers if p.is_file() and p != out] == []  # no 0-byte or half .bak, no temp file


def test_output_write_failure_leaves_no_temp_file(project, no_soffice, monkeypatch):
    build_report(project)
    out = project.root / "uit" / "stageverslag-final.docx"
    before = sha(out)
    real_replace = storage.os.replace

    def refuse(src, dst):
        if str(dst) == str(out):
            raise OSError(errno.ENOSPC, "vol")
        return real_replace(src, dst)
    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(UserError):
        build_report(project, force=True)
    assert sha(out) == before
    assert [p.name for p in (project.root / "uit").iterdir() if p.is_file()] == [out.name]


def test_output_folder_linked_outside_the_project_is_refused(project, tmp_path, no_soffice):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (project.root / "uit").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UserError, match="buiten je projectmap"):
        build_report(project)
    assert list(elsewhere.iterdir()) == []
