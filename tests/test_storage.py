"""Atomic writes and backups: a student's text is never lost."""

import os
import re
import stat

import pytest

from stageverslag import storage


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    target = tmp_path / "a" / "tekst.md"
    storage.atomic_write_text(target, "eerste")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    os.chmod(target, 0o640)
    storage.atomic_write_text(target, "tweede")
    assert target.read_text() == "tweede"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["tekst.md"]  # no temp files left


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "tekst.md"
    target.write_text("oud")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", boom)
    with pytest.raises(OSError):
        storage.atomic_write_text(target, "nieuw")
    assert target.read_text() == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["tekst.md"]


def test_backup_keeps_every_version(tmp_path):
    target = tmp_path / "verslag.docx"
    assert storage.backup(target) is None
    target.write_bytes(b"v1")
    b1 = storage.backup(target, tmp_path / "backup")
    target.write_bytes(b"v2")
    b2 = storage.backup(target, tmp_path / "backup")
    assert b1 != b2 and b1.read_bytes() == b"v1" and b2.read_bytes() == b"v2"
    # the copy keeps its extension (Word opens it with a double-click): "verslag (kopie 2026-12-01 13.23).docx"
    assert b1.suffix == b2.suffix == ".docx"
    assert re.fullmatch(r"verslag \(kopie \d{4}-\d\d-\d\d \d\d\.\d\d(, \d+)?\)\.docx", b1.name), b1.name
    assert re.fullmatch(r"verslag \(kopie [^)]*\)\.docx", b2.name), b2.name
