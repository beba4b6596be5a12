"""The table of contents: a real ``TOC \\o "1-3" \\h \\z \\u`` field, marked dirty (and ``updateFields`` in
the settings) so Word rebuilds it on open, with a cached result that LibreOffice and PDF readers show.

The cached entries are written by us: one hyperlinked line per heading. Their page numbers come from a
first LibreOffice render: LibreOffice exports the headings as PDF bookmarks (the outline), each pointing at
its page, and :func:`outline_pages` reads those from the PDF without any PDF library. The entries are
rendered with a stand-in number first, so filling in the real numbers does not move any page."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..document.pdfoutline import outline_pages  # noqa: F401 - re-exported: the builder's callers use it here
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
