"""The table of contents: a real ``TOC \\o "1-3" \\h \\z \\u`` field, marked dirty (and ``updateFields`` in
the settings) so Word rebuilds it on open, with a cached result that LibreOffice and PDF readers show.

The cached entries are written by us: one hyperlinked line per heading. Their page numbers come from a
first LibreOffice render: LibreOffice exports the headings as PDF bookmarks (the outline), each pointing at
its page, and :func:`outline_pages` reads those from the PDF without any PDF library. The entries are
rendered with a stand-in number first, so filling in the real numbers does not move any page."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import wordml, texts

INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
STAND_IN = "00"


@dataclass
class Entry:
    heading: object  # markdown.Heading
    page_run: object  # the w:r whose text is the page number


def write_toc(doc, title_style_id: str, level_style_ids: dict[int, str], after, headings) -> list[Entry]:
    """Insert the TOC title and field after the element ``after``; return the entries (for page numbers)."""
    title = _para(title_style_id)
    title.append(wordml.run(texts.say("toc_title")))
    _page_break_before(title)
    after.addnext(title)
    wordml.body_text_level(title)
    entries: list[Entry] = []
    prev = title
    if not headings:
        p = _para(None)
        p.append(wordml.fld_char("begin", dirty=True))
        p.append(wordml.instr(INSTRUCTION))
        p.append(wordml.fld_char("separate"))
        p.append(wordml.run(texts.say("toc_empty")))
        p.append(wordml.fld_char("end"))
        prev.addnext(p)
        return entries
    for n, h in enumerate(headings):
        p = _para(level_style_ids[h.level])
        if n == 0:
            p.append(wordml.fld_char("begin", dirty=True))
            p.append(wordml.instr(INSTRUCTION))
            p.append(wordml.fld_char("separate"))
        link = wordml.hyperlink(doc.part, anchor=h.bookmark)
        link.append(wordml.run(h.text))
        link.append(wordml.run("\t"))
        page = wordml.run(STAND_IN)
        link.append(page)
        p.append(link)
        if n == len(headings) - 1:
            p.append(wordml.fld_char("end"))
        prev.addnext(p)
        prev = p
        entries.append(Entry(h, page))
    return entries


def set_pages(entries: list[Entry], pages: dict[str, int] | None) -> None:
    """Write the page numbers (by bookmark); without numbers the stand-in is removed (Word fills it)."""
    for e in entries:
        t = e.page_run.find(qn("w:t"))
        number = (pages or {}).get(e.heading.bookmark)
        t.text = str(number) if number is not None else ""


def _para(style_id: str | None):
    p = OxmlElement("w:p")
    if style_id:
        ppr = OxmlElement("w:pPr")
        ps = OxmlElement("w:pStyle")
        ps.set(qn("w:val"), style_id)
        ppr.append(ps)
        p.append(ppr)
    return p


def _page_break_before(p) -> None:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    el = OxmlElement("w:pageBreakBefore")
    ps = ppr.find(qn("w:pStyle"))
    (ps.addnext(el) if ps is not None else ppr.insert(0, el))


# ------------------------------------------------------------------------------ pages from a render


def heading_pages(docx_path: Path, headings, first_page_number: int = 1) -> dict[str, int]:
    """Render ``docx_path`` with LibreOffice and return {bookmark: page number} for ``headings``.

    Raises UserError when LibreOffice is missing or fails."""
    from ..libreoffice import convert
    with tempfile.TemporaryDirectory(prefix="stageverslag-toc-") as tmp:
        pdf = convert(docx_path, "pdf", outdir=tmp)
        outline = outline_pages(pdf.read_bytes())
    return match_headings(headings, outline, first_page_number)


def match_headings(headings, outline: list[tuple[int, str, int]], first_page_number: int = 1) -> dict[str, int]:
    """Pair headings with outline entries in reading order (by normalised text)."""
    result: dict[str, int] = {}
    pos = 0
    for h in headings:
        want = _norm(h.text)
        for k in range(pos, len(outline)):
            if _norm(outline[k][1]) == want:
                result[h.bookmark] = outline[k][2] + first_page_number - 1
                pos = k + 1
                break
    return result


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


_OBJ = re.compile(rb"(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_REF = r"\s+(\d+)\s+0\s+R"


def _page_order(objs) -> list[int]:
    catalog = next((body for body in objs.values() if re.search(rb"/Type\s*/Catalog", body)), None)
    pages_ref = re.search(rb"/Pages" + _REF.encode(), catalog) if catalog is not None else None
    order: list[int] = []
    if pages_ref:
        _walk_pages(objs, int(pages_ref.group(1)), order, set())
    return order


def outline_pages(pdf: bytes) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks as (depth, title, 1-based page index), in order. Plain objects only (what
    LibreOffice writes); an empty list when the PDF has no outline."""
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(pdf)}
    catalog = next((body for body in objs.values() if re.search(rb"/Type\s*/Catalog", body)), None)
    if catalog is None:
        return []
    order = _page_order(objs)
    page_index = {num: i + 1 for i, num in enumerate(order)}
    out: list[tuple[int, str, int]] = []
    root = re.search(rb"/Outlines" + _REF.encode(), catalog)
    if root and int(root.group(1)) in objs:
        first = re.search(rb"/First" + _REF.encode(), objs[int(root.group(1))])
        if first:
            _walk_outline(objs, int(first.group(1)), 0, page_index, out, set())
    return out


def _walk_pages(objs, num, order, seen) -> None:
    if num in seen or num not in objs:
        return
    seen.add(num)
    body = objs[num]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
    if kids and re.search(rb"/Type\s*/Pages\b", body):
        for ref in re.finditer(rb"(\d+)\s+0\s+R", kids.group(1)):
            _walk_pages(objs, int(ref.group(1)), order, seen)
    else:
        order.append(num)


def _walk_outline(objs, num, depth, page_index, out, seen) -> None:
    while num is not None and num in objs and num not in seen:
        seen.add(num)
        body = objs[num]
        dest = re.search(rb"\[\s*(\d+)\s+0\s+R\s*/(?:XYZ|Fit|FitH|FitV|FitR|FitB|FitBH|FitBV)", body)
        page = page_index.get(int(dest.group(1))) if dest else None
        title = _pdf_string(body)
        if title is not None and page is not None:
            out.append((depth, title, page))
        child = re.search(rb"/First" + _REF.encode(), body)
        if child:
            _walk_outline(objs, int(child.group(1)), depth + 1, page_index, out, seen)
        nxt = re.search(rb"/Next" + _REF.encode(), body)
        num = int(nxt.group(1)) if nxt else None


def _pdf_string(body: bytes) -> str | None:
    m = re.search(rb"/Title\s*<([0-9A-Fa-f\s]*)>", body)
    if m:
        raw = bytes.fromhex(re.sub(rb"\s", b"", m.group(1)).decode("ascii"))
    else:
        m = re.search(rb"/Title\s*\(((?:\\.|[^\\)])*)\)", body, re.S)
        if not m:
            return None
        raw = re.sub(rb"\\([nrtbf()\\]|[0-7]{1,3})", _unescape, m.group(1))
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def _unescape(m) -> bytes:
    s = m.group(1)
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")",
              b"\\": b"\\"}
    return simple.get(s, bytes([int(s, 8) & 0xFF]) if s[:1].isdigit() else s)
