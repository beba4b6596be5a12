"""Bad input: every kind of unreadable file gives an InputError with its own Dutch message, and is left untouched.

The limits (zip bombs, entity expansion) hold by design: sizes and ratios are checked before anything is
decompressed, reads are chunked and capped, and a DOCTYPE is refused before parsing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from fixtures.docx_factory import (make_body_docx, make_report, patch_parts, write_doctype_docx, write_empty,
                                   write_ole2, write_random_bytes, write_truncated, write_zip_bomb,
                                   write_zip_without_document)
from stageverslag.errors import InputError
from stageverslag.document.reader import read_docx

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "docx"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path) -> str:
    """Read ``path``, expect an InputError, check the file is unchanged; return the Dutch reason."""
    before = sha256(path) if path.is_file() else None
    with pytest.raises(InputError) as info:
        read_docx(path)
    if before is not None:
        assert sha256(path) == before
    assert info.value.path == str(path) and str(info.value).startswith(str(path))
    return info.value.reason


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return make_report(tmp_path_factory.mktemp("good") / "verslag.docx")


def test_empty_file(tmp_path):
    assert "leeg (0 bytes)" in refused(write_empty(tmp_path / "leeg.docx"))


def test_random_bytes(tmp_path):
    assert "geen zip-archief" in refused(write_random_bytes(tmp_path / "ruis.docx"))


def test_old_binary_word_document(tmp_path):
    reason = refused(write_ole2(tmp_path / "oud.docx"))
    assert "oud Word-bestand (.doc" in reason and "Opslaan als" in reason


def test_password_protected_document(tmp_path):
    reason = refused(write_ole2(tmp_path / "geheim.docx", encrypted=True))
    assert "wachtwoord" in reason and ".doc," not in reason


def test_zip_without_main_document(tmp_path):
    assert "geen Word-document" in refused(write_zip_without_document(tmp_path / "leeg.zip.docx"))


def test_relationship_to_a_missing_main_part(tmp_path, good):
    path = tmp_path / "kapot.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            if name != "word/document.xml":
                dst.writestr(name, src.read(name))
    assert "hoofddocument (word/document.xml)" in refused(path)


def test_truncated_zip(tmp_path, good):
    assert "beschadigd of onvolledig" in refused(write_truncated(tmp_path / "half.docx", good))


def test_zip_bomb_is_refused_before_decompressing(tmp_path, good):
    path = write_zip_bomb(tmp_path / "bom.docx", size=1 << 30, base=good)  # 1 GB of zeros in ~5 MB
    assert path.stat().st_size < 10 * 2**20
    assert "zip-bom" in refused(path)


def test_lying_size_header_cannot_inflate(tmp_path):
    """A member that declares 100 bytes but inflates to 20 MB: reading stops at the declared size."""
    path = tmp_path / "liegt.docx"
    payload = b"<w:document>" + bytes(20 * 2**20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", payload)
    data = bytearray(path.read_bytes())
    small_crc = zlib.crc32(payload[:100])
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 14, small_crc)
    struct.pack_into("<I", data, local + 22, 100)
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 16, small_crc)
    struct.pack_into("<I", data, central + 24, 100)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo("word/document.xml").file_size == 100
    assert "geen geldige XML" in refused(path)


def test_billion_laughs(tmp_path):
    assert "DOCTYPE" in refused(write_doctype_docx(tmp_path / "lol.docx", "laughs"))


def test_external_entity(tmp_path):
    reason = refused(write_doctype_docx(tmp_path / "xxe.docx", "xxe"))
    assert "DOCTYPE" in reason and "root:" not in reason


def test_doctype_in_styles_part_too(tmp_path, good):
    path = tmp_path / "stijl.docx"
    path.write_bytes(good.read_bytes())
    patch_parts(path, {"word/styles.xml": lambda data: data.replace(
        b"<w:styles", b'<!DOCTYPE w:styles [<!ENTITY x "y">]><w:styles', 1)})
    assert "DOCTYPE" in refused(path)


def test_broken_xml(tmp_path, good):
    path = tmp_path / "xml.docx"
    path.write_bytes(good.read_bytes())
    patch_parts(path, {"word/document.xml": lambda data: data[: len(data) // 2]})
    assert "geen geldige XML" in refused(path)


def test_document_without_body(tmp_path, good):
    path = tmp_path / "zonder.docx"
    path.write_bytes(good.read_bytes())
    patch_parts(path, {"word/document.xml": lambda _: (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')})
    assert "geen hoofdtekst" in refused(path)


def test_lock_files(tmp_path, good):
    named = tmp_path / "~$verslag.docx"
    named.write_bytes(good.read_bytes())  # even a valid zip: the name says it is a lock file
    assert "vergrendelingsbestand" in refused(named)
    owner = tmp_path / "eigenaar.docx"
    owner.write_bytes((bytes([9]) + b"Sam Smits").ljust(54, b"\0") + b"\x09\x00" + "Sam Smits".encode("utf-16-le")
                      .ljust(106, b"\0"))
    assert owner.stat().st_size == 162
    assert "vergrendelingsbestand" in refused(owner)


def test_other_formats_named_docx(tmp_path):
    pdf = tmp_path / "verslag.docx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "pdf" in refused(pdf)
    odt = tmp_path / "open.docx"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert ".odt" in refused(odt)


def test_missing_path_and_folder(tmp_path):
    assert "bestaat niet" in refused(tmp_path / "nergens.docx")
    assert "map" in refused(tmp_path)


def test_a_document_without_text_is_not_an_input_error(tmp_path):
    doc = read_docx(make_body_docx(tmp_path / "leeg.docx", ""))
    assert doc.paragraphs == [] and doc.text() == ""


@pytest.mark.corpus
@pytest.mark.parametrize("name, words", [
    ("edge_poi_encrypted_agile.docx", "wachtwoord"),
    ("edge_poi_encrypted_password_pass.docx", "wachtwoord"),
    ("edge_poi_truncated.docx", "beschadigd of onvolledig"),
    ("edge_poi_clusterfuzz_5313.docx", "beschadigd of onvolledig"),
    ("edge_word_owner_lockfile.docx", "vergrendelingsbestand"),
    ("edge_poi_external_entity.docx", "DOCTYPE"),
])
def test_corpus_bad_files(name, words):
    assert words in refused(CORPUS / name)


def test_cli_check_on_bad_input_exits_2_without_traceback(tmp_path, capsys):
    from stageverslag.cli import main
    bad = write_ole2(tmp_path / "oud.docx")
    code = main(["check", str(bad)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err and ".doc" in out + err


def test_mutated_files_give_a_document_or_an_input_error(tmp_path, good):
    """Damaged bytes and damaged XML parts: never any other exception (a small deterministic fuzz)."""
    import random

    rng = random.Random(7)
    original = good.read_bytes()
    with zipfile.ZipFile(good) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    outcomes = Counter()
    for i in range(60):
        path = tmp_path / f"f{i}.docx"
        if i % 2:
            data = bytearray(original)
            for _ in range(rng.randint(1, 12)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            path.write_bytes(bytes(data))
        else:
            with zipfile.ZipFile(path, "w") as z:
                for name, data in parts.items():
                    if name.endswith((".xml", ".rels")) and rng.random() < 0.4:
                        cut = rng.randrange(len(data))
                        data = data[:cut] + rng.choice([b"<", b">", b"&", b'"', b""]) + data[cut + rng.randint(0, 20):]
                    z.writestr(name, data)
        try:
            outcomes[type(read_docx(path)).__name__] += 1
        except InputError:
            outcomes["InputError"] += 1
    assert set(outcomes) == {"Document", "InputError"} and sum(outcomes.values()) == 60
