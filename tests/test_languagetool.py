"""LanguageTool integration against a small stand-in server on 127.0.0.1, and proof that nothing goes over
the network when no server is named."""

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import docx
import pytest

from stageverslag.language import check_document, check_text, get_engine
from stageverslag.language.languagetool import LanguageToolError, category_of, check_texts
from stageverslag.document.reader import read_docx

REPO = Path(__file__).resolve().parents[1]

#: what the stand-in server reports: (word to find, rule id, category id, issue type, message, replacement)
RULES = [
    ("vergadring", "MORFOLOGIK_RULE_NL_NL", "TYPOS", "misspelling", "Mogelijke typefout gevonden.", "vergadering"),
    ("antwoorde", "NL_VERB_FORM", "GRAMMAR", "grammar", "Fout in de persoonsvorm (dt-fout).", "antwoordde"),
    ("plezant", "NL_INFORMAL", "COLLOQUIALISMS", "register", "Dit woord is informeel.", "aangenaam"),
    ("heel erg", "NL_REDUNDANT", "REDUNDANCY", "style", "Overbodige versterking.", "erg"),
    ("  ", "WHITESPACE_RULE", "TYPOGRAPHY", "whitespace", "Twee spaties na elkaar.", " "),
]


class Handler(BaseHTTPRequestHandler):
    requests: list = []

    def log_message(self, *args):  # keep the test output clean
        pass

    def _json(self, data):
        body = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Handler.requests.append(("GET", self.path, None))
        if self.path.startswith("/v2/languages"):
            self._json([{"name": "Dutch", "code": "nl", "longCode": "nl"},
                        {"name": "Dutch (Belgium)", "code": "nl", "longCode": "nl-BE"}])
        else:
            self.send_error(404)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        Handler.requests.append(("POST", self.path, form))
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        text = form.get("text", "")
        matches = []
        for word, rule, cat, kind, message, fix in RULES:
            start = text.find(word)
            while start >= 0:
                matches.append({
                    "message": message, "shortMessage": "", "replacements": [{"value": fix}],
                    "offset": start, "length": len(word),
                    "context": {"text": text[max(0, start - 20):start + 20], "offset": min(start, 20),
                                "length": len(word)},
                    "sentence": text, "type": {"typeName": "Other"},
                    "rule": {"id": rule, "description": message, "issueType": kind,
                             "category": {"id": cat, "name": cat.title()}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0})
                start = text.find(word, start + 1)
        self._json({"software": {"name": "LanguageTool", "version": "6.5"},
                    "language": {"name": "Dutch (Belgium)", "code": "nl-BE"}, "matches": matches})


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


TEXT = ("De vergadring begon laat. Ze antwoorde pas na een uur. Het team was plezant en heel erg "
        "behulpzaam.  Ik leerde veel.")


def test_matches_are_mapped_and_merged_without_duplicates(server):
    Handler.requests.clear()
    issues = check_text(TEXT, languagetool=server)
    by_word = {}
    for i in issues:
        by_word.setdefault(TEXT[i.start:i.end], []).append(i)
    # ours and theirs agree on the typo and the dt-error: one issue each, ours (with our explanation)
    assert [(i.category, i.source) for i in by_word["vergadring"]] == [("spelling", "stageverslag")]
    assert [(i.category, i.source) for i in by_word["antwoorde"]] == [("dt", "stageverslag")]
    assert [i.category for i in by_word["plezant"]] == ["spreektaal"]
    # only LanguageTool sees these two; they come mapped onto our categories
    assert [(i.category, i.source, i.suggestion) for i in by_word["heel erg"]] == [
        ("style", "languagetool", "erg")]
    assert [(i.category, i.source) for i in by_word["  "]] == [("style", "languagetool")]
    posts = [r for r in Handler.requests if r[0] == "POST"]
    assert posts and posts[-1][2]["language"] == "nl-BE" and "vergadring" in posts[-1][2]["text"]


def test_a_document_goes_in_few_requests_with_offsets_per_paragraph(server, tmp_path):
    path = tmp_path / "verslag.docx"
    d = docx.Document()
    d.add_heading("Inleiding", level=1)
    d.add_paragraph("Mijn eerste week was heel erg druk.")
    d.add_paragraph("Het team was plezant.")
    d.add_paragraph("De vergadring duurde lang.")
    d.save(path)
    before = path.read_bytes()
    Handler.requests.clear()
    findings = check_document(read_docx(path), languagetool=server)
    assert path.read_bytes() == before
    assert len([r for r in Handler.requests if r[0] == "POST"]) == 1
    texts = {p.index: p.text for p in read_docx(path).paragraphs}
    seen = {(f.category, texts[f.paragraph][f.start:f.end]) for f in findings}
    assert ("style", "heel erg") in seen and ("spreektaal", "plezant") in seen and ("spelling", "vergadring") in seen
    assert len([f for f in findings if texts[f.paragraph][f.start:f.end] == "vergadring"]) == 1
    assert any("LanguageTool" in n for n in findings.notes)


def test_category_mapping():
    class M:
        def __init__(self, category, rule_id, kind, message):
            self.category, self.rule_id, self.rule_issue_type, self.message = category, rule_id, kind, message
    assert category_of(M("TYPOS", "X", "misspelling", "")) == "spelling"
    assert category_of(M("GRAMMAR", "NL_DT", "grammar", "")) == "dt"
    assert category_of(M("GRAMMAR", "X", "grammar", "Controleer de persoonsvorm.")) == "dt"
    assert category_of(M("COLLOQUIALISMS", "X", "register", "")) == "spreektaal"
    assert category_of(M("CASING", "X", "typographical", "")) == "style"


def test_an_unreachable_server_keeps_our_findings_and_says_so(tmp_path):
    with pytest.raises(LanguageToolError):
        check_texts("http://127.0.0.1:9", ["Dit is een tekst."])
    with pytest.raises(LanguageToolError, match="geen geldig adres"):
        check_texts("localhost:8081", ["Dit is een tekst."])
    path = tmp_path / "verslag.docx"
    d = docx.Document()
    d.add_paragraph("Hij vind het goed.")
    d.save(path)
    findings = check_document(read_docx(path), languagetool="http://127.0.0.1:9")
    assert [f.category for f in findings] == ["dt"]
    assert any("LanguageTool niet gebruikt" in n for n in findings.notes)


def test_no_network_without_a_server(tmp_path):
    """A full language check (document and text) with every socket connect failing: it works, and the
    LanguageTool library is not even imported."""
    path = tmp_path / "verslag.docx"
    d = docx.Document()
    d.add_heading("Inleiding", level=1)
    d.add_paragraph("Hij vind het goed. Ge moet da efkes doen!! De vergadring was lang.")
    d.save(path)
    script = f"""
import socket, sys
def refuse(*a, **k):
    raise AssertionError("network access")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
from stageverslag.language import check_document, check_text
from stageverslag.document.reader import read_docx
found = check_document(read_docx({str(path)!r}))
assert {{f.category for f in found}} == {{"dt", "spreektaal", "style", "spelling"}}, found
assert check_text("Hij vind het goed.")
assert "language_tool_python" not in sys.modules and "requests" not in sys.modules
print("offline ok")
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "offline ok" in out.stdout


def test_engine_reports_its_dictionary():
    assert get_engine().dictionary_label.startswith("OpenTaal")
