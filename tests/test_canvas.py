"""Canvas downloads: file names read as student + late mark, and a submissions .zip opened safely (no path
traversal, no nested archives, no symbolic links, size and ratio limits; pdf and .doc listed with a reason)."""

from __future__ import annotations

import os
import stat
import zipfile

import pytest

from fixtures.docx_factory import write_truncated
from lintkit import write_report
from stageverslag import canvas
from stageverslag.canvas import open_submissions, parse_canvas_name, read_zip, student_of
from stageverslag.errors import UserError


@pytest.mark.parametrize("name, student, late, original", [
    ("peetersjan_123456_7890123_Stageverslag Jan Peeters.docx", "peetersjan", False, "Stageverslag Jan Peeters.docx"),
    ("peetersjan_LATE_123456_7890123_verslag.docx", "peetersjan", True, "verslag.docx"),
    ("peetersjan_late_123456_7890123_verslag.docx", "peetersjan", True, "verslag.docx"),
    ("vandenbroeckmarie_Late_55_66_eindverslag-2.docx", "vandenbroeckmarie", True, "eindverslag.docx"),
    ("desmet-an_1_2_verslag_final_v3.docx", "desmet-an", False, "verslag_final_v3.docx"),
    ("zoë_1_2_verslag-10.pdf", "zoë", False, "verslag.pdf"),
    ("Jan Janssens LATE_111_222_verslag.docx", "Jan Janssens", True, "verslag.docx"),  # renamed by hand
    ("platelate_1_2_verslag.docx", "platelate", False, "verslag.docx"),  # a name ending in 'late'
])
def test_canvas_names(name, student, late, original):
    parsed = parse_canvas_name(name)
    assert parsed is not None
    assert (parsed.student, parsed.late, parsed.original) == (student, late, original)
    assert student_of("map/" + name) == (student, late)


@pytest.mark.parametrize("name, student", [
    ("Stageverslag Jan Peeters.docx", "Stageverslag Jan Peeters"),
    ("verslag_final.docx", "verslag_final"),
    ("jan_12_verslag.docx", "jan_12_verslag"),  # one number only: not Canvas
    ("jan_late_verslag.docx", "jan_late_verslag"),
    ("_12_34_x.docx", "_12_34_x"),
])
def test_other_names_keep_the_file_name(name, student):
    assert parse_canvas_name(name) is None
    assert student_of(name) == (student, None)


def _zip(path, members: dict, symlinks=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name in symlinks:
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory):
    return write_report(tmp_path_factory.mktemp("bron") / "verslag.docx").read_bytes()


def test_zip_members_extracted_under_numbers_and_unsafe_ones_refused(tmp_path, good_docx):
    inner = tmp_path / "binnen.zip"
    _zip(inner, {"a_1_2_verslag.docx": good_docx})
    broken = write_truncated(tmp_path / "kapot.docx", _write(tmp_path / "bron.docx", good_docx))
    download = _zip(tmp_path / "inzendingen.zip", {
        "peetersjan_11_21_Stageverslag.docx": good_docx,
        "janssensan_LATE_12_22_verslag.docx": good_docx,
        "maesbert_13_23_deel1.docx": good_docx,
        "maesbert_13_23_deel2-1.docx": good_docx,
        "claesina_14_24_verslag.pdf": b"%PDF-1.4\n%%EOF\n",
        "wuytsom_15_25_verslag.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        "kapot_16_26_verslag.docx": broken.read_bytes(),
        "../../ontsnapt_17_27_verslag.docx": good_docx,
        "/etc/absoluut_18_28_verslag.docx": good_docx,
        "genest_19_29_alles.zip": inner.read_bytes(),
        "__MACOSX/._peetersjan_11_21_Stageverslag.docx": b"junk",
        "notities.txt": b"geen verslag",
    }, symlinks=["link_20_30_verslag.docx"])
    work = tmp_path / "werk"
    work.mkdir()
    before = set(tmp_path.rglob("*"))
    items = read_zip(download, work)
    by_file = {i.filename: i for i in items}
    assert "._peetersjan_11_21_Stageverslag.docx" not in by_file  # macOS junk is nobody's submission
    checkable = [i for i in items if i.path is not None]
    assert {i.filename for i in checkable} == {"peetersjan_11_21_Stageverslag.docx", "janssensan_LATE_12_22_verslag.docx",
                                              "maesbert_13_23_deel1.docx", "maesbert_13_23_deel2-1.docx",
                                              "kapot_16_26_verslag.docx"}
    for item in checkable:  # copies with numbered names inside the work folder, byte for byte
        assert item.path.parent == work and item.path.stem.isdigit()
        assert item.name.startswith(str(download) + "/")
    assert by_file["peetersjan_11_21_Stageverslag.docx"].path.read_bytes() == good_docx
    assert by_file["janssensan_LATE_12_22_verslag.docx"].late is True
    assert by_file["peetersjan_11_21_Stageverslag.docx"].late is False
    assert by_file["maesbert_13_23_deel2-1.docx"].student == "maesbert"
    assert "pdf" in by_file["claesina_14_24_verslag.pdf"].skip
    assert ".doc" in by_file["wuytsom_15_25_verslag.doc"].skip
    assert "../" in by_file["ontsnapt_17_27_verslag.docx"].skip
    assert "absoluut pad" in by_file["absoluut_18_28_verslag.docx"].skip
    assert "zip-bestand in het zip-bestand" in by_file["genest_19_29_alles.zip"].skip
    assert "symbolische koppeling" in by_file["link_20_30_verslag.docx"].skip
    assert "alleen Word-bestanden" in by_file["notities.txt"].skip
    # nothing was written outside the work folder
    after = set(tmp_path.rglob("*"))
    assert {p for p in after - before if work not in p.parents and p != work} == set()
    assert not (tmp_path.parent / "ontsnapt_17_27_verslag.docx").exists()


def _write(path, data):
    path.write_bytes(data)
    return path


def test_zip_bomb_and_size_limits(tmp_path, monkeypatch):
    bomb = _zip(tmp_path / "bom.zip", {"a_1_2_verslag.docx": b"\0" * (8 * 1024 * 1024),
                                       "b_3_4_verslag.docx": b"PK" + b"x" * 100})
    work = tmp_path / "werk"
    work.mkdir()
    items = {i.filename: i for i in read_zip(bomb, work)}
    assert "zip-bom" in items["a_1_2_verslag.docx"].skip and items["a_1_2_verslag.docx"].path is None
    assert items["b_3_4_verslag.docx"].path is not None
    monkeypatch.setattr(canvas, "MAX_MEMBER_BYTES", 50)
    (tmp_path / "werk2").mkdir()
    items = {i.filename: i for i in read_zip(bomb, tmp_path / "werk2")}
    assert "MB groot" in items["b_3_4_verslag.docx"].skip
    monkeypatch.setattr(canvas, "MAX_MEMBERS", 1)
    with pytest.raises(UserError, match="meer dan 1 bestanden"):
        read_zip(bomb, tmp_path / "werk2")


def test_a_broken_or_empty_zip_is_a_clear_command_error(tmp_path):
    (tmp_path / "kapot.zip").write_bytes(b"PK\x03\x04 dit is geen zip")
    with pytest.raises(UserError, match="kan niet gelezen worden"):
        open_submissions([tmp_path / "kapot.zip"], tmp_path)
    _zip(tmp_path / "leeg.zip", {"__MACOSX/x": b""})
    with pytest.raises(UserError, match="geen inzendingen"):
        open_submissions([tmp_path / "leeg.zip"], tmp_path)


def test_folders_read_canvas_names_too_and_list_pdfs(tmp_path, good_docx):
    folder = tmp_path / "map"
    folder.mkdir()
    _write(folder / "peetersjan_LATE_11_21_verslag.docx", good_docx)
    _write(folder / "Verslag Lies.docx", good_docx)
    _write(folder / "claesina_14_24_verslag.pdf", b"%PDF-1.4")
    _write(folder / ".DS_Store", b"junk")
    items = open_submissions([folder])
    assert [(i.student, i.late, i.path is not None) for i in items] == [
        ("Verslag Lies", None, True), ("claesina", False, False), ("peetersjan", True, True)]
    assert all(os.path.isabs(i.name) or i.name.startswith(str(folder)) for i in items)
