"""Private means private: nothing a document links to is fetched when stageverslag hands it to LibreOffice
(page counts, the table of contents, pdf), and ``build`` never copies such a link into a report.

The LibreOffice tests run a listener on 127.0.0.1 and count every request it gets: it must get none, while
the same document with the pictures linked instead of embedded gets it. Page counts stay those of the
embedded version.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import socketserver
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from fixtures.linked_docx import write_linked_docx
from stageverslag.document.reader import read_docx
from stageverslag.libreoffice import PRIVATE_SETTINGS, convert
from stageverslag.sanitize import sanitize_bytes, sanitized_copy

REPO = Path(__file__).resolve().parents[1]


class Listener:
    """An HTTP server on 127.0.0.1 that answers 404 to everything and remembers every request."""

    def __init__(self):
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                hits.append((self.command, self.path))
                self.send_response(404)
                self.end_headers()

            do_GET = do_HEAD = do_OPTIONS = do_POST = do_PROPFIND = _any

            def log_message(self, *args):
                pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _external_targets(data: bytes) -> list[tuple[str, str]]:
    """(relationship kind, target) of every external relationship in a .docx given as bytes."""
    out = []
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith(".rels"):
                for m in re.finditer(rb'<Relationship [^>]*>', zf.read(name)):
                    rel = m.group(0).decode()
                    if 'TargetMode="External"' in rel:
                        kind = re.search(r'Type="[^"]*/([^"/]+)"', rel).group(1)
                        out.append((kind, re.search(r'Target="([^"]*)"', rel).group(1)))
    return out


# ------------------------------------------------------------------------------------------ no LibreOffice


def test_the_sanitised_copy_keeps_no_link_that_is_fetched_on_load(tmp_path):
    src = write_linked_docx(tmp_path / "verslag.docx", "http://127.0.0.1:9")
    before = _sha(src)
    assert {k for k, _ in _external_targets(src.read_bytes())} == {
        "image", "oleObject", "attachedTemplate", "frame", "hyperlink"}
    removed = sanitized_copy(src, tmp_path / "kopie.docx")
    assert _sha(src) == before  # the original is only read
    data = (tmp_path / "kopie.docx").read_bytes()
    assert _external_targets(data) == [("hyperlink", "http://127.0.0.1:9/klik.html")]  # a click, not a load
    assert (removed.pictures, removed.objects, removed.templates, removed.fields) == (2, 2, 1, 3)
    with zipfile.ZipFile(tmp_path / "kopie.docx") as zf:
        document = zf.read("word/document.xml").decode()
        settings = zf.read("word/settings.xml").decode()
        assert "word/media/stageverslag-niet-opgehaald.png" in zf.namelist()
        assert 'Extension="png"' in zf.read("[Content_Types].xml").decode()
    assert "INCLUDEPICTURE" not in document and "INCLUDETEXT" not in document
    assert "attachedTemplate" not in settings
    # include-fields are frozen to what Word last showed; the rest of the text is the same
    original = [p.text for p in read_docx(src).paragraphs]
    copy = [p.text for p in read_docx(tmp_path / "kopie.docx").paragraphs]
    assert copy == original and "Ingevoegde tekst." in copy and "[figuur 2]" in copy


def test_a_document_without_links_passes_unchanged():
    data = (REPO / "examples" / "project-met-fouten" / "stageverslag-met-fouten.docx").read_bytes()
    clean, removed = sanitize_bytes(data)
    assert removed.total == 0 and clean == data  # nothing to remove: the very same bytes


def test_the_reader_says_which_links_it_did_not_fetch(tmp_path):
    doc = read_docx(write_linked_docx(tmp_path / "verslag.docx", "http://127.0.0.1:9"))
    note = next(n for n in doc.notes if "niet opgehaald" in n)
    assert note.startswith("2 gekoppelde afbeeldingen, 3 andere koppelingen")
    assert "3 velden die een extern bestand invoegen" in note
    embedded = read_docx(write_linked_docx(tmp_path / "ingesloten.docx", "http://127.0.0.1:9", embedded=True))
    assert not any("niet opgehaald" in n for n in embedded.notes)


def test_libreoffice_runs_with_links_and_updates_switched_off():
    assert "BlockUntrustedRefererLinks" in PRIVATE_SETTINGS
    assert re.search(r'Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2<', PRIVATE_SETTINGS)


# ------------------------------------------------------------------------------------------ with LibreOffice


def _linked_house_style(path: Path, url: str) -> Path:
    """A company house style whose header logo is linked (not embedded), as some templates have."""
    doc = Document()
    header = doc.sections[0].header
    rid = header.part.relate_to(f"{url}/huisstijl-logo.png", RT.IMAGE, is_external=True)
    paragraph = header.paragraphs[0]
    paragraph.text = "Rupelhaven Logistics"
    paragraph._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:drawing><wp:inline>'
        '<wp:extent cx="900000" cy="300000"/><wp:docPr id="9" name="Logo"/><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
        '<pic:cNvPr id="9" name="logo"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:link="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="900000" cy="300000"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
        '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'))
    doc.save(path)
    return path


@pytest.mark.libreoffice
def test_the_listener_sees_libreoffice_fetch_a_linked_picture_when_nothing_protects_it(tmp_path, listener):
    """The control: LibreOffice left to itself (plain profile, the file as it is) does fetch the linked picture,
    so the zero-request tests below can fail."""
    from stageverslag.libreoffice import find_soffice
    src = write_linked_docx(tmp_path / "verslag.docx", listener.url)
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path / "uit"), str(src)],
                   capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    assert any(path == "/blip.png" for _method, path in listener.hits)


@pytest.mark.libreoffice
def test_libreoffice_fetches_nothing_from_a_converted_document(tmp_path, listener):
    src = write_linked_docx(tmp_path / "verslag.docx", listener.url)
    before = _sha(src)
    pdf = convert(src, "pdf", outdir=tmp_path / "uit")
    assert pdf.stat().st_size > 0
    assert listener.hits == []
    assert _sha(src) == before


@pytest.mark.libreoffice
def test_check_with_rendered_pages_makes_no_connection_and_counts_as_embedded(tmp_path, listener):
    linked = write_linked_docx(tmp_path / "gekoppeld.docx", listener.url, paragraphs=60)
    embedded = write_linked_docx(tmp_path / "ingesloten.docx", listener.url, embedded=True, paragraphs=60)
    pages = {}
    for path in (linked, embedded):
        run = subprocess.run([sys.executable, "-m", "stageverslag", "check", str(path), "--pages", "render",
                              "--format", "json", "--select", "pages"], capture_output=True, text=True,
                             timeout=300, cwd=tmp_path)
        assert "Traceback" not in run.stderr, run.stderr
        report = json.loads(run.stdout)["reports"][0]
        assert report["stats"]["page_method"] == "render"
        pages[path.name] = report["stats"]["pages"]
    assert listener.hits == []
    assert pages["gekoppeld.docx"] == pages["ingesloten.docx"] >= 2


def _project(root: Path, house_style: Path):
    from stageverslag.project import ProjectConfig, init_project, load_project
    import datetime as dt
    init_project(root, ProjectConfig(student="Nina Peeters", track="HR", company="Rupelhaven Logistics",
                                     mentor="Sarah Claessens", coach="Dirk Vermeulen", start=dt.date(2027, 2, 8),
                                     terugkommoment=dt.date(2027, 3, 10)))
    config = root / "stageverslag.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('huisstijl = ""', f'huisstijl = "{house_style.name}"'),
                      encoding="utf-8")
    (root / "hoofdstukken" / "01-inleiding.md").write_text(
        "# Inleiding\n\nIk liep stage bij Rupelhaven Logistics. Zie ook "
        f"![logo]({house_style.parent.as_uri()}/x.png) en ![web](http://127.0.0.1:9/web.png).\n", encoding="utf-8")
    return load_project(root)


@pytest.mark.libreoffice
def test_build_with_a_linked_house_style_logo_makes_no_connection_and_leaves_the_link_out(tmp_path, listener):
    root = tmp_path / "project"
    root.mkdir()
    style = _linked_house_style(root / "huisstijl.docx", listener.url)
    project = _project(root, style)
    assert project.house_style_path() is not None, "the test project must use the house style"
    run = subprocess.run([sys.executable, "-m", "stageverslag", "build", "--pdf", "--project", str(root)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert listener.hits == []
    out = root / "uit" / "stageverslag-final.docx"
    assert [k for k, _ in _external_targets(out.read_bytes()) if k != "hyperlink"] == []
    assert (root / "uit" / "stageverslag-final.pdf").stat().st_size > 0
    assert "Niet overgenomen in je verslag: 1 gekoppelde afbeelding" in run.stdout + run.stderr


@pytest.mark.libreoffice
def test_the_tui_build_makes_no_connection(tmp_path, listener):
    import asyncio

    from stageverslag.tui.app import StageverslagApp
    root = tmp_path / "project"
    root.mkdir()
    project = _project(root, _linked_house_style(root / "huisstijl.docx", listener.url))

    async def build():
        app = StageverslagApp(project)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.action_open_check()
            await pilot.pause()
            await pilot.press("b")
            for _ in range(600):
                await pilot.pause(0.1)
                if (root / "uit" / "stageverslag-final.docx").exists() and not app.workers._workers:
                    break

    asyncio.run(build())
    out = root / "uit" / "stageverslag-final.docx"
    assert out.exists()
    assert listener.hits == []
    assert [k for k, _ in _external_targets(out.read_bytes()) if k != "hyperlink"] == []
