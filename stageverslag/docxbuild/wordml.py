"""Low-level WordprocessingML for *writing*, where python-docx offers nothing: complex fields (TOC, PAGE,
NUMPAGES, SEQ), bookmarks, internal and external hyperlinks, page breaks and ordered insertion of settings.
(Reading .docx files is ``stageverslag.document.reader``'s job; the builder writes through python-docx and this.)"""

from __future__ import annotations

import itertools

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

_bookmark_ids = itertools.count(1)


def run(text: str = "", *, style_id: str | None = None, bold=False, italic=False, mono=False) -> OxmlElement:
    """A ``w:r`` holding ``text`` (tabs become ``w:tab``), with optional character formatting."""
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if style_id:
        rs = OxmlElement("w:rStyle")
        rs.set(qn("w:val"), style_id)
        rpr.append(rs)
    if mono:
        fonts = OxmlElement("w:rFonts")
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), "Courier New")
        rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if italic:
        rpr.append(OxmlElement("w:i"))
    if len(rpr):
        r.append(rpr)
    for i, piece in enumerate(text.split("\t")):
        if i:
            r.append(OxmlElement("w:tab"))
        if piece:
            t = OxmlElement("w:t")
            t.text = piece
            t.set(qn("xml:space"), "preserve")
            r.append(t)
    return r


def fld_char(kind: str, dirty: bool = False) -> OxmlElement:
    r = OxmlElement("w:r")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    if dirty:
        fc.set(qn("w:dirty"), "true")
    r.append(fc)
    return r


def instr(instruction: str) -> OxmlElement:
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instruction} "
    r.append(t)
    return r


def append_field(p_el, instruction: str, result: str = "", dirty: bool = False) -> None:
    """A complete complex field inside one paragraph: begin, instruction, separate, cached result, end."""
    p_el.append(fld_char("begin", dirty))
    p_el.append(instr(instruction))
    p_el.append(fld_char("separate"))
    p_el.append(run(result))
    p_el.append(fld_char("end"))


def add_bookmark(p_el, name: str) -> None:
    """Wrap the paragraph's content in a bookmark (the target of TOC hyperlinks)."""
    bid = str(next(_bookmark_ids))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bid)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bid)
    ppr = p_el.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p_el.insert(0, start)
    p_el.append(end)


def hyperlink(part, url: str | None = None, anchor: str | None = None) -> OxmlElement:
    """An empty ``w:hyperlink``: external (a relationship to ``url``) or internal (to a bookmark)."""
    h = OxmlElement("w:hyperlink")
    if url is not None:
        h.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    if anchor is not None:
        h.set(qn("w:anchor"), anchor)
    h.set(qn("w:history"), "1")
    return h


def line_break_run() -> OxmlElement:
    r = OxmlElement("w:r")
    r.append(OxmlElement("w:br"))
    return r


def body_text_level(p_el) -> None:
    """A direct outline level 9 (body text): the paragraph never becomes a heading or a TOC entry, whatever
    its style says in a company template (some give Subtitle an outline level)."""
    ppr = p_el.get_or_add_pPr()
    el = ppr.find(qn("w:outlineLvl"))
    if el is None:
        el = OxmlElement("w:outlineLvl")
        ppr.insert_element_before(el, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    el.set(qn("w:val"), "9")


# Children of w:settings that must come after w:updateFields (ECMA-376 CT_Settings sequence).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")


def set_update_fields(settings_el) -> None:
    """``<w:updateFields w:val="true"/>`` so Word refreshes the TOC and page fields when it opens the file."""
    existing = settings_el.find(qn("w:updateFields"))
    if existing is not None:
        existing.set(qn("w:val"), "true")
        return
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    names = {qn(f"w:{n}") for n in _AFTER_UPDATE_FIELDS} | {qn(f"m:{n}") for n in ("mathPr",)}
    for child in settings_el:
        if child.tag in names:
            child.addprevious(el)
            return
    settings_el.append(el)
