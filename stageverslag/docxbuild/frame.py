"""The frame around the content: the title page, and the header and footer (student's name, report title,
PAGE and NUMPAGES fields) on every page but the first. A company template's own header and footer stay;
the name and page number are added only when they are missing."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from . import wordml, texts


def title_page(writer, styles: dict, context: dict):
    """Write the title page from ``titelpagina.j2``; return its last paragraph element."""
    last = None
    for line in texts.lines("titelpagina.j2", **context):
        if line.startswith("# "):
            p = writer.paragraph(line[2:].strip(), "title")
        elif line.startswith("## "):
            p = writer.paragraph(line[3:].strip(), "subtitle")
        else:
            p = writer.paragraph(line.strip())
        wordml.body_text_level(p._p)
        last = p._p
    return last


def header_footer(doc, styles: dict, context: dict, house_style: bool) -> None:
    section = doc.sections[-1]
    header_text = texts.lines("koptekst.j2", **context)
    footer_text = texts.lines("voettekst.j2", **context)
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True
        for part in (section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                part.is_linked_to_previous = False  # an empty first-page header: the title page has none
    header, footer = section.header, section.footer
    existing_header = _text(header)
    if not house_style or context["student"].casefold() not in existing_header.casefold():
        for line in header_text:
            p = _target(header, house_style)
            p.style = doc.styles.get_by_id(styles["header"], 1)
            p._p.append(wordml.run(line))
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not house_style or not _has_page_field(footer):
        for line in footer_text:
            p = _target(footer, house_style)
            p.style = doc.styles.get_by_id(styles["footer"], 1)
            _with_fields(p._p, line)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _target(part, house_style: bool):
    """The empty paragraph python-docx gives a new header, else a new paragraph at the end."""
    paras = part.paragraphs
    if not house_style and len(paras) == 1 and not paras[0].text and not len(paras[0]._p.findall(qn("w:r"))):
        return paras[0]
    return part.add_paragraph()


def _text(part) -> str:
    if part.is_linked_to_previous:
        return ""
    return " ".join("".join(t.text or "" for t in part._element.iter(qn("w:t"))).split())


def _has_page_field(part) -> bool:
    if part.is_linked_to_previous:
        return False
    el = part._element
    instr = " ".join(t.text or "" for t in el.iter(qn("w:instrText")))
    simple = " ".join(f.get(qn("w:instr")) or "" for f in el.iter(qn("w:fldSimple")))
    return "PAGE" in f"{instr} {simple}".upper().replace("NUMPAGES", "")


def _with_fields(p_el, line: str) -> None:
    """Text with [[FIELD]] markers (e.g. [[PAGE]]) as runs and real fields."""
    import re
    for n, piece in enumerate(re.split(r"\[\[([A-Z]+)\]\]", line)):
        if n % 2:
            wordml.append_field(p_el, piece, "1")
        elif piece:
            p_el.append(wordml.run(piece))
