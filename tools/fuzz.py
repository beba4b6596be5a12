"""Mutation fuzzing of ``stageverslag check``: hostile variants of real .docx files, checked one by one.

Every mutant is checked as a student or coach would (``check --format json --pages estimate FILE``) and must
give: no traceback, valid JSON, exit status 0, 1 or 2 (3 = an internal error, counted apart), the input file
unchanged, and bounded time and memory (each subprocess run has a generous timeout; its peak memory is
measured with ``os.wait4``'s resource usage).

Mutation classes (``CLASSES``): byte flips, truncation, XML mutations (elements deleted, duplicated, moved:
a paragraph straight in a table, a row without cells), absurd numbers (10^20, 400 digits, negative, zero in
every numeric attribute), deep nesting, thousands of sections, a 50 MB paragraph, invalid UTF-8, external
references, DTDs, zip bombs.

Long run (used for the figures in the README; one process at a time)::

    .venv/bin/python tools/fuzz.py --count 3000 --seed 1 --out /tmp/fuzz-run

``tests/test_fuzz.py`` imports :func:`mutants` and :func:`check_in_process` / :func:`check_subprocess` for a
small deterministic run in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "docx"

CLASSES = ("byteflip", "truncate", "xml", "numbers", "nesting", "sections", "bigparagraph", "utf8",
           "external", "dtd", "zipbomb")
#: limits the long run must stay within (the README quotes them)
TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 300
#: a subprocess that runs longer than this is killed and counted as a timeout
HARD_TIMEOUT_S = 60.0

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRACEBACK = "Traceback (most recent call last)"
#: the long run uses the full sizes; ``mutants(heavy=False)`` (CI) the same classes at smaller sizes
_SIZES = {"bigparagraph_mb": (5, 20, 50), "sections": (2000, 5000, 20000), "bomb_mb": (64, 300),
          "members": (5000, 25000), "empty_paragraphs": (2_000_000, 10_000_000), "nesting": (200, 1000, 5000, 100000)}
_LIGHT = {"bigparagraph_mb": (1, 2), "sections": (600, 2000), "bomb_mb": (4, 16), "members": (5000, 21000),
          "empty_paragraphs": (200_000, 1_100_000), "nesting": (200, 1000, 5000)}
_size = dict(_SIZES)
_EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(Error|Exception)\b")


# ------------------------------------------------------------------------------------------ mutations

_MEMBERS_CACHE: dict[bytes, list] = {}


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    key = hashlib.sha1(data).digest()
    if key in _MEMBERS_CACHE:
        return _MEMBERS_CACHE[key]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        out = [(info, z.read(info)) for info in z.infolist()]
    if len(data) < 8 * 2**20:  # the source being mutated: unpacked once (only one kept: this process stays small)
        _MEMBERS_CACHE.clear()
        _MEMBERS_CACHE[key] = out
    return out


def _zip(members: list[tuple[str, bytes]], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method, compresslevel=1) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def _replace_part(data: bytes, name: str, fn) -> bytes:
    out = []
    for info, body in _members(data):
        out.append((info.filename, fn(body) if info.filename == name else body))
    return _zip(out)


def _main_name(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        rels = z.read("_rels/.rels").decode("utf-8", "replace") if "_rels/.rels" in names else ""
    m = re.search(r'Target="/?([^"]+)"[^>]*?/officeDocument"|officeDocument"[^>]*?Target="/?([^"]+)"', rels)
    name = (m.group(1) or m.group(2)) if m else "word/document.xml"
    return name if name in names else "word/document.xml"


def m_byteflip(data: bytes, rnd: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rnd.choice((1, 3, 10, 100))):
        i = rnd.randrange(len(buf))
        buf[i] = rnd.randrange(256)
    return bytes(buf)


def m_truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(1, max(2, len(data)))]


def _xml_change(rnd: random.Random):
    from lxml import etree

    def change(body: bytes) -> bytes:
        root = etree.fromstring(body)
        els = [e for e in root.iter() if isinstance(e.tag, str) and e is not root]
        if not els:
            return body
        kind = rnd.choice(("delete", "duplicate", "p_in_tbl", "tr_without_tc", "unknown", "swap_tag", "p_in_r",
                           "empty_attrs"))
        el = rnd.choice(els)
        ps = [e for e in els if e.tag == f"{{{W}}}p"]
        if kind == "delete" and el.getparent() is not None:
            el.getparent().remove(el)
        elif kind == "duplicate" and el.getparent() is not None:
            for _ in range(rnd.choice((1, 5, 50))):
                el.addnext(etree.fromstring(etree.tostring(el)))
        elif kind == "p_in_tbl":
            for tbl in [e for e in els if e.tag == f"{{{W}}}tbl"][:3] or [root]:
                tbl.insert(rnd.randrange(len(tbl) + 1), etree.fromstring(
                    f'<w:p xmlns:w="{W}"><w:r><w:t>los in de tabel</w:t></w:r></w:p>'))
            body_el = root.find(f"{{{W}}}body")
            if body_el is not None:
                tbl = etree.SubElement(body_el, f"{{{W}}}tbl")
                tbl.append(etree.fromstring(f'<w:p xmlns:w="{W}"><w:r><w:t>alleen</w:t></w:r></w:p>'))
                tr = etree.SubElement(tbl, f"{{{W}}}tr")
                tr.append(etree.fromstring(f'<w:p xmlns:w="{W}"><w:r><w:t>rij zonder cel</w:t></w:r></w:p>'))
        elif kind == "tr_without_tc":
            for tc in [e for e in els if e.tag == f"{{{W}}}tc"][: rnd.choice((1, 10, 1000))]:
                parent = tc.getparent()
                if parent is not None:
                    for child in list(tc):
                        tc.addprevious(child)
                    parent.remove(tc)
        elif kind == "unknown":
            wrapper = etree.Element("{urn:onbekend}ding")
            if el.getparent() is not None:
                el.addprevious(wrapper)
                wrapper.append(el)
        elif kind == "swap_tag":
            el.tag = rnd.choice([f"{{{W}}}{t}" for t in ("p", "r", "t", "tbl", "tr", "tc", "sectPr", "body",
                                                          "sdt", "sdtContent", "pPr", "rPr", "br", "fldChar")])
        elif kind == "p_in_r" and ps:
            p = rnd.choice(ps)
            r = p.find(f"{{{W}}}r")
            if r is not None:
                r.append(etree.fromstring(etree.tostring(p)))
        elif kind == "empty_attrs":
            for e in els[: rnd.choice((10, 1000))]:
                for k in list(e.attrib):
                    e.set(k, rnd.choice(("", " ", "x", "-", "NaN", "1e999", "½")))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return change


def m_xml(data: bytes, rnd: random.Random) -> bytes:
    name = rnd.choice([_main_name(data)] * 3 + ["word/styles.xml", "word/numbering.xml", "word/header1.xml",
                                                  "word/_rels/document.xml.rels", "[Content_Types].xml"])
    try:
        return _replace_part(data, name, _xml_change(rnd))
    except Exception:  # the part is not XML in this file: change the main part
        return _replace_part(data, _main_name(data), _xml_change(rnd))


_NUMBER = re.compile(rb'(w:(?:val|w|h|top|bottom|left|right|header|footer|gutter|line|before|after|start|cx|cy|'
                     rb'sz|szCs|ind|hanging|firstLine|gridCol|space|num|cols|numId|ilvl|lineRule)|cx|cy|x|y)="'
                     rb'(-?[0-9]+)"')
ABSURD = (b"0", b"-1", b"-99999999", b"100000000000000000000", b"1000000000000", b"9" * 400, b"1" * 5000,
          b"2147483648", b"-" + b"9" * 60, b"1e20", b"0.000001", b"18446744073709551616")


def m_numbers(data: bytes, rnd: random.Random) -> bytes:
    value = rnd.choice(ABSURD)
    share = rnd.choice((0.05, 0.3, 1.0))

    def change(body: bytes) -> bytes:
        return _NUMBER.sub(lambda m: m.group(1) + b'="' + (value if rnd.random() < share else m.group(2)) + b'"',
                           body)
    out = data
    for name in (_main_name(data), "word/styles.xml", "docProps/app.xml"):
        try:
            out = _replace_part(out, name, change)
        except KeyError:
            pass
    if rnd.random() < 0.5:  # spacing and size that are not in the file yet
        spacing = (f'<w:spacing w:before="{value.decode()}" w:after="{value.decode()}" w:line="{value.decode()}" '
                   f'w:lineRule="{rnd.choice(("auto", "exact", "atLeast"))}"/>')
        out = _replace_part(out, _main_name(out), lambda b: re.sub(
            rb"<w:pPr>", b"<w:pPr>" + spacing.encode(), b, count=rnd.choice((1, 100, 0))))
        out = _replace_part(out, _main_name(out), lambda b: re.sub(
            rb"<w:rPr>", b'<w:rPr><w:sz w:val="' + value + b'"/>', b, count=rnd.choice((1, 100, 0))))
    return out


def m_nesting(data: bytes, rnd: random.Random) -> bytes:
    depth = rnd.choice(_size["nesting"])
    tag = rnd.choice(("w:sdt><w:sdtContent", "w:customXml", "w:tbl><w:tr><w:tc", "w:ins", "w:hyperlink"))
    opens = "".join(f"<{t}>" for t in tag.split("><"))
    closes = "".join(f"</{t}>" for t in reversed(tag.split("><")))
    inner = "<w:p><w:r><w:t>diep</w:t></w:r></w:p>" if "tc" in tag or "sdt" in tag else "<w:r><w:t>diep</w:t></w:r>"
    nested = (opens * depth + inner + closes * depth).encode()
    if "tc" not in tag and "sdt" not in tag:
        nested = b"<w:p>" + nested + b"</w:p>"
    return _replace_part(data, _main_name(data), lambda b: b.replace(b"<w:body>", b"<w:body>" + nested, 1))


def m_sections(data: bytes, rnd: random.Random) -> bytes:
    n = rnd.choice(_size["sections"])
    sect = (b'<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId9999"/>'
            b'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1" w:right="1" w:bottom="1" w:left="1"/>'
            b'<w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>s</w:t></w:r></w:p>')
    return _replace_part(data, _main_name(data), lambda b: b.replace(b"<w:body>", b"<w:body>" + sect * n, 1))


def m_bigparagraph(data: bytes, rnd: random.Random) -> bytes:
    megabytes = rnd.choice(_size["bigparagraph_mb"])
    word = rnd.choice((b"woord ", b"a", b"Lorem ipsum dolor sit amet. "))
    run = b"<w:r><w:t xml:space=\"preserve\">" + word * (1_000_000 // len(word)) + b"</w:t></w:r>"
    para = b"<w:p>" + run * megabytes + b"</w:p>"
    return _replace_part(data, _main_name(data), lambda b: b.replace(b"<w:body>", b"<w:body>" + para, 1))


def m_utf8(data: bytes, rnd: random.Random) -> bytes:
    bad = rnd.choice((b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x00", b"\x0b\x1b"))

    def change(body: bytes) -> bytes:
        i = body.find(b"<w:t")
        if i < 0:
            return body + bad
        j = body.find(b">", i) + 1
        return body[:j] + bad + body[j:]
    return _replace_part(data, rnd.choice([_main_name(data), "word/styles.xml", "docProps/core.xml"]), change)


def m_external(data: bytes, rnd: random.Random) -> bytes:
    rels_name = "word/_rels/" + _main_name(data).rsplit("/", 1)[-1] + ".rels"
    target = rnd.choice(("http://example.invalid/x.png", "file:///etc/passwd", "\\\\server\\share\\a.docx",
                         "../../../../etc/passwd", "/etc/passwd", "word/../../../x.xml"))
    mode = rnd.choice((' TargetMode="External"', ""))
    rel = (f'<Relationship Id="rIdFuzz1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           f'relationships/{rnd.choice(("image", "header", "styles", "attachedTemplate", "subDocument"))}" '
           f'Target="{target}"{mode}/>').encode()

    def add_rel(body: bytes) -> bytes:
        return body.replace(b"</Relationships>", rel + b"</Relationships>")
    out = _replace_part(data, rels_name, add_rel)
    ref = (b'<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           b'r:link="rIdFuzz1" r:embed="rIdFuzz1"/></w:drawing></w:r></w:p>'
           b'<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdFuzz1"/></w:sectPr></w:pPr></w:p>')
    return _replace_part(out, _main_name(out), lambda b: b.replace(b"<w:body>", b"<w:body>" + ref, 1))


def m_dtd(data: bytes, rnd: random.Random) -> bytes:
    dtd = rnd.choice((
        b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE d SYSTEM "http://example.invalid/x.dtd">'))
    name = rnd.choice([_main_name(data), "word/styles.xml", "[Content_Types].xml", "_rels/.rels",
                       "docProps/core.xml"])

    def change(body: bytes) -> bytes:
        if body.startswith(b"<?xml"):
            end = body.find(b"?>") + 2
            return body[:end] + dtd + body[end:]
        return dtd + body
    try:
        return _replace_part(data, name, change)
    except KeyError:
        return _replace_part(data, _main_name(data), change)


def m_zipbomb(data: bytes, rnd: random.Random) -> bytes:
    members = [(i.filename, b) for i, b in _members(data)]
    kind = rnd.choice(("big_member", "lying_size", "many_members", "big_xml"))
    if kind == "big_member":
        bomb = b"\0" * (rnd.choice(_size["bomb_mb"]) * 2**20)
        members.append((rnd.choice(("word/media/bom.png", "word/document.xml")), bomb))
        members = [(n, b) for n, b in members if n != "word/document.xml"] + members[-1:] \
            if members[-1][0] == "word/document.xml" else members
        return _zip(members)
    if kind == "many_members":
        return _zip(members + [(f"word/media/x{i}.bin", b"") for i in range(rnd.choice(_size["members"]))])
    if kind == "big_xml":  # compressible, well-formed and large: many empty paragraphs
        n = rnd.choice(_size["empty_paragraphs"])
        return _zip([(name, body.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * n, 1)
                      if name == _main_name(data) else body) for name, body in members])
    # a member whose header lies about its size
    raw = bytearray(_zip(members))
    i = raw.find(b"PK\x03\x04")
    while i >= 0:
        raw[i + 22:i + 26] = (1).to_bytes(4, "little")  # uncompressed size: 1 byte
        i = raw.find(b"PK\x03\x04", i + 4)
    j = raw.find(b"PK\x01\x02")
    while j >= 0:
        raw[j + 24:j + 28] = (1).to_bytes(4, "little")
        j = raw.find(b"PK\x01\x02", j + 4)
    return bytes(raw)


MUTATORS = {"byteflip": m_byteflip, "truncate": m_truncate, "xml": m_xml, "numbers": m_numbers,
            "nesting": m_nesting, "sections": m_sections, "bigparagraph": m_bigparagraph, "utf8": m_utf8,
            "external": m_external, "dtd": m_dtd, "zipbomb": m_zipbomb}


def mutants(sources: list[bytes], count: int, seed: int, classes=CLASSES, heavy: bool = True):
    """``count`` (class, bytes) mutants, deterministic for a seed, the classes taking turns. ``heavy=False``:
    the same mutations at smaller sizes (for CI)."""
    _size.clear()
    _size.update(_SIZES if heavy else _LIGHT)
    rnd = random.Random(seed)
    for i in range(count):
        kind = classes[i % len(classes)]
        source = sources[rnd.randrange(len(sources))]
        try:
            data = MUTATORS[kind](source, rnd)
        except Exception:  # noqa: BLE001 - the source cannot take this mutation (not a zip, odd XML ...)
            data = m_byteflip(source, rnd)
        yield kind, data


def corpus_sources(limit: int | None = None) -> list[bytes]:
    files = sorted(CORPUS.glob("*.docx"))[:limit]
    return [f.read_bytes() for f in files]


# ------------------------------------------------------------------------------------------ checking

@dataclass
class Outcome:
    kind: str
    status: int | None
    seconds: float
    peak_mb: float | None = None
    problems: list[str] = field(default_factory=list)
    internal: bool = False
    #: user + system CPU time of a subprocess run (the machine may be shared: wall time is noisier)
    cpu_seconds: float | None = None



def _measured(kind, status, start: float, peak_kb: int, peak_path: Path, usage) -> "Outcome":
    """The outcome of one finished child: wall time since ``start``, the larger of the peaks seen from outside
    and the one the child wrote to ``peak_path`` (which goes), its CPU time from ``usage``."""
    seconds = time.monotonic() - start
    try:
        peak_kb = max(peak_kb, int(peak_path.read_text() or 0))
        peak_path.unlink()
    except (OSError, ValueError):
        pass
    outcome = Outcome(kind, status, seconds, peak_kb / 1024)
    outcome.cpu_seconds = (usage.ru_utime + usage.ru_stime) if usage else None
    return outcome

def _judge(outcome: Outcome, stdout: str, stderr: str, path: Path, digest: str) -> Outcome:
    if _TRACEBACK in stdout or _TRACEBACK in stderr:
        outcome.problems.append("traceback")
    if outcome.status not in (0, 1, 2, 3):
        outcome.problems.append(f"exit status {outcome.status}")
    if outcome.status == 3:
        outcome.internal = True
    try:
        reports = json.loads(stdout)
    except ValueError:
        outcome.problems.append("invalid JSON")
        reports = []
    for report in reports if isinstance(reports, list) else []:
        for f in report.get("findings", []):
            message = f.get("message", "")
            if f.get("code") == "SV900" and _EXCEPTION_NAME.search(message) \
                    and not any(kind in message for kind in ("MemoryError", "RecursionError")):
                outcome.problems.append("internal error reported as unreadable: " + message[:200])
        if any("interne fout" in n.lower() for n in report.get("notes", [])):
            outcome.internal = True
    if hashlib.sha256(path.read_bytes()).hexdigest() != digest:
        outcome.problems.append("input changed")
    return outcome


#: the child reports its own peak memory (VmHWM of its own address space) when it ends: ``ru_maxrss`` from
#: wait4 would include the memory of this (forking) process, which Linux counts in at exec
_CHILD = """
import sys
def peak():
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
status = 3
try:
    from stageverslag.cli import main
    status = main(sys.argv[2:])
finally:
    with open(sys.argv[1], 'w') as f:
        f.write(str(peak()))
sys.exit(status)
"""


def _cpu(pid: int) -> float:
    """User + system CPU seconds a running process has used so far (0.0 when unknown)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


#: a run is killed when it used this many CPU seconds, or this many times that in wall time (a shared machine)
WALL_FACTOR = 10


def _hwm(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def check_subprocess(path: Path, kind: str = "", timeout: float = HARD_TIMEOUT_S,
                     python: str = sys.executable) -> Outcome:
    """Run ``stageverslag check`` on ``path`` in a fresh process. Peak memory: the child's own VmHWM (polled,
    and reported by the child at its end); CPU seconds from wait4; a run over ``timeout`` is killed."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    start = time.monotonic()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    out_path, err_path, peak_path = path.with_suffix(".out"), path.with_suffix(".err"), path.with_suffix(".peak")
    peak_kb = 0
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([python, "-c", _CHILD, str(peak_path), "check", "--format", "json", "--pages",
                                 "estimate", "--jobs", "1", str(path)], stdout=out, stderr=err, env=env,
                                cwd=path.parent)
        status, usage = None, None
        while True:
            peak_kb = max(peak_kb, _hwm(proc.pid))
            pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
                proc.returncode = status
                break
            if _cpu(proc.pid) > timeout or time.monotonic() > start + WALL_FACTOR * timeout:
                proc.send_signal(signal.SIGKILL)
                _pid, raw, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                break
            time.sleep(0.02)
    outcome = _measured(kind, status, start, peak_kb, peak_path, usage)
    if status is None:
        outcome.problems.append(f"timeout after {timeout:.0f} s CPU")
    stdout = out_path.read_text("utf-8", "replace")
    stderr = err_path.read_text("utf-8", "replace")
    out_path.unlink()
    err_path.unlink()
    if status is None:
        return outcome
    return _judge(outcome, stdout, stderr, path, digest)


def check_forked(path: Path, kind: str = "", timeout: float = HARD_TIMEOUT_S) -> Outcome:
    """Run the command line's ``main`` on ``path`` in a forked child of this process (which has imported
    stageverslag already, so no interpreter start per run): a crash, hang or memory blow-up stays in the child.
    Peak memory is the child's VmHWM (it includes what it shares with this process: an upper bound)."""
    import gc
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out_path, err_path, peak_path = path.with_suffix(".out"), path.with_suffix(".err"), path.with_suffix(".peak")
    gc.collect()
    sys.stdout.flush()
    sys.stderr.flush()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        status = 3
        try:  # forget this process's past peak: a forked child inherits it (Linux: clear_refs 5 resets VmHWM)
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")
        except OSError:
            pass
        try:
            out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, 1)
            os.dup2(err, 2)
            sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), encoding="utf-8")
            sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), encoding="utf-8")
            from stageverslag.cli import main as cli_main
            status = cli_main(["check", "--format", "json", "--pages", "estimate", "--jobs", "1", str(path)])
        except BaseException:  # noqa: BLE001 - shown as a traceback on stderr, judged by the parent
            import traceback
            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
                with open(peak_path, "w") as f:
                    f.write(str(_hwm(os.getpid())))
            finally:
                os._exit(status if isinstance(status, int) else 3)
    status, usage, peak_kb = None, None, 0
    while True:
        peak_kb = max(peak_kb, _hwm(pid))
        got, raw, usage = os.wait4(pid, os.WNOHANG)
        if got:
            status = os.waitstatus_to_exitcode(raw)
            break
        if _cpu(pid) > timeout or time.monotonic() - start > WALL_FACTOR * timeout:
            os.kill(pid, signal.SIGKILL)
            _got, raw, usage = os.wait4(pid, 0)
            break
        time.sleep(0.01)
    outcome = _measured(kind, status, start, peak_kb, peak_path, usage)
    stdout = out_path.read_text("utf-8", "replace") if out_path.exists() else ""
    stderr = err_path.read_text("utf-8", "replace") if err_path.exists() else ""
    for p in (out_path, err_path):
        p.unlink(missing_ok=True)
    if status is None:
        outcome.problems.append(f"timeout after {timeout:.0f} s CPU")
        return outcome
    return _judge(outcome, stdout, stderr, path, digest)


def check_in_process(path: Path, kind: str = "") -> Outcome:
    """Run the command line's ``main`` on ``path`` in this process (fast: the rules are loaded once)."""
    import contextlib
    from stageverslag.cli import main
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", "--format", "json", "--pages", "estimate", "--jobs", "1", str(path)])
    return _judge(Outcome(kind, status, time.monotonic() - start), out.getvalue(), err.getvalue(), path, digest)


# ------------------------------------------------------------------------------------------ long run

def summarize(results: Path) -> str:
    """A Markdown table per mutation class from a run's ``results.jsonl``."""
    rows: dict[str, list[dict]] = {}
    for line in results.read_text().splitlines():
        r = json.loads(line)
        rows.setdefault(r["kind"], []).append(r)
    out = ["| soort | mutanten | exit 0/1/2/3 | max. rekentijd (s) | max. piekgeheugen (MB) | problemen |",
           "|---|---|---|---|---|---|"]
    every = [r for rs in rows.values() for r in rs]
    for kind, rs in sorted(rows.items()) + [("totaal", every)]:
        statuses = "/".join(str(sum(1 for r in rs if r["status"] == s)) for s in (0, 1, 2, 3))
        out.append(f"| {kind} | {len(rs)} | {statuses} | {max(r['cpu_seconds'] for r in rs):.1f} | "
                   f"{max(r['peak_mb'] for r in rs):.0f} | {sum(1 for r in rs if r['problems'] or r['internal'])} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("/tmp/stageverslag-fuzz"))
    ap.add_argument("--classes", default=",".join(CLASSES))
    ap.add_argument("--timeout", type=float, default=HARD_TIMEOUT_S,
                    help="CPU seconds after which a run is killed (and WALL_FACTOR times that in wall time)")
    ap.add_argument("--keep", action="store_true", help="keep every mutant, not only those with a problem")
    ap.add_argument("--mode", choices=["fork", "subprocess"], default="fork",
                    help="fork: each check in a forked child of a process that imported stageverslag once "
                    "(fast); subprocess: a fresh interpreter per check (as a user runs it)")
    ap.add_argument("--summarize", action="store_true", help="only print the table of an earlier run in --out")
    args = ap.parse_args(argv)
    if args.summarize:
        print(summarize(args.out / "results.jsonl"))
        return 0
    sources = corpus_sources()
    if not sources:
        print(f"no corpus in {CORPUS}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    classes = tuple(c for c in args.classes.split(",") if c)
    if args.mode == "fork":  # load the rules, the dictionary and the language engine once, before forking
        warm = args.out / "warm-up.docx"
        warm.write_bytes(min((f for f in CORPUS.glob("nl_*.docx")), key=lambda f: f.stat().st_size).read_bytes())
        check_in_process(warm)
        warm.unlink()
    run = check_forked if args.mode == "fork" else check_subprocess
    log = open(args.out / "results.jsonl", "w")
    totals = {"runs": 0, "slow": 0, "slow_wall": 0, "big": 0, "problems": 0, "internal": 0}
    worst_s = worst_mb = worst_wall = 0.0
    for i, (kind, data) in enumerate(mutants(sources, args.count, args.seed, classes)):
        path = args.out / f"m{i:05d}-{kind}.docx"
        path.write_bytes(data)
        del data  # keep this process small
        outcome = run(path, kind, timeout=args.timeout)
        cpu = outcome.cpu_seconds if outcome.cpu_seconds is not None else outcome.seconds
        totals["runs"] += 1
        totals["slow"] += cpu > TIME_LIMIT_S
        totals["slow_wall"] += outcome.seconds > TIME_LIMIT_S
        totals["big"] += (outcome.peak_mb or 0) > MEMORY_LIMIT_MB
        totals["problems"] += bool(outcome.problems)
        totals["internal"] += outcome.internal
        worst_s, worst_mb = max(worst_s, cpu), max(worst_mb, outcome.peak_mb or 0)
        worst_wall = max(worst_wall, outcome.seconds)
        log.write(json.dumps({"i": i, "file": path.name, "kind": kind, "status": outcome.status,
                              "cpu_seconds": round(cpu, 2), "seconds": round(outcome.seconds, 2),
                              "peak_mb": round(outcome.peak_mb or 0, 1), "problems": outcome.problems,
                              "internal": outcome.internal}) + "\n")
        log.flush()
        bad = outcome.problems or outcome.internal or cpu > TIME_LIMIT_S \
            or (outcome.peak_mb or 0) > MEMORY_LIMIT_MB
        if not bad and not args.keep:
            path.unlink()
        if (i + 1) % 50 == 0:
            (args.out / "summary.json").write_text(json.dumps(dict(totals, done=i + 1), indent=1))
            print(f"{i + 1}/{args.count} {totals} worst {worst_s:.1f} s CPU ({worst_wall:.1f} s wall) "
                  f"{worst_mb:.0f} MB", flush=True)
    totals.update(worst_cpu_seconds=round(worst_s, 2), worst_wall_seconds=round(worst_wall, 2),
                  worst_peak_mb=round(worst_mb, 1), command=" ".join(sys.argv))
    (args.out / "summary.json").write_text(json.dumps(totals, indent=1))
    print(json.dumps(totals))
    return 0 if not (totals["slow"] or totals["big"] or totals["problems"] or totals["internal"]) else 1


if __name__ == "__main__":
    sys.exit(main())
