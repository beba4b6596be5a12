"""The document the report is built on: a clean default (made in code from python-docx's own template, so
no binary blob lives in the repository and every typographic choice is readable here) or the company's
house-style .docx/.dotx, emptied of its body but keeping styles, page setup, headers, footers and logo.

Styles the builder needs and a company template lacks are copied over from the default, by built-in name
(``heading 1`` is found even when its styleId is the Dutch ``Kop1``)."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..errors import UserError
from . import texts

_MACRO_CTS = ("application/vnd.ms-word.document.macroEnabled.main+xml",
              "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")

FONT = "Arial"  # metric-compatible with Liberation Sans, so LibreOffice and Word break pages alike
BODY_PT = 11
LINE_SPACING = 1.45
SPACE_AFTER_PT = 8
TEXT_WIDTH_CM = 21.0 - 2 * 2.5

#: built-in style names (as stored in styles.xml) the builder uses
NEEDED = ("Normal", "heading 1", "heading 2", "heading 3", "Title", "Subtitle", "List Bullet", "List Number",
          "List Paragraph", "Quote", "caption", "TOC Heading", "toc 1", "toc 2", "toc 3", "Hyperlink",
          "Table Grid", "header", "footer")


def open_base(house_style: Path | None, notes: list[str] | None = None):
    """A python-docx Document with an empty body (only the final section properties) and every style the
    builder needs. ``house_style`` None: the default template. ``notes`` receives what of the house style was
    not taken over (macros, custom XML, external references ...)."""
    if house_style is None:
        return default_document()
    doc = _open_house_style(house_style, notes if notes is not None else [])
    _clear_body(doc)
    ensure_styles(doc, default_document())
    return doc


def _open_house_style(path: Path, notes: list[str]):
    """The house style through the safe package reader, rebuilt with only its styles, numbering, theme,
    page setup and headers/footers (see ``stageverslag.docxbuild.housestyle``)."""
    from ..document.package import Package
    from ..errors import InputError
    from .housestyle import safe_house_style
    if not path.is_file():
        raise UserError(texts.say("house_style_missing", path=path))
    if path.suffix.lower() not in (".docx", ".dotx"):
        raise UserError(texts.say("house_style_suffix", path=path))
    try:
        with Package(path) as pkg:
            types = (pkg.read("[Content_Types].xml") or b"").decode("utf-8", "replace")
        if any(ct in types for ct in _MACRO_CTS):
            raise UserError(texts.say("house_style_macros", path=path))
        data, left_out = safe_house_style(path)
    except InputError as exc:
        raise UserError(texts.say("house_style_unsafe", path=path, reason=exc.reason)) from None
    except (MemoryError, RecursionError) as exc:
        raise UserError(texts.say("house_style_unsafe", path=path, reason=f"te groot of te diep genest "
                                  f"({type(exc).__name__}).")) from None
    try:  # what of it would have been fetched on opening (linked pictures, a template on a server): said apart
        from ..sanitize import external_references
        removed = external_references(path)
    except Exception:  # noqa: BLE001 - the count is for a note only; the parts are left out anyway
        removed = None
    if removed is not None and removed.total:
        notes.append(texts.say("links_left_out", what=removed.describe()))
        left_out = [item for item in left_out if "externe verwijzing" not in item]
    if left_out:
        notes.append(texts.say("house_style_left_out", what=", ".join(left_out)))
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx on a package that is odd in a way our reader accepted
        raise UserError(texts.say("house_style_broken", path=path, reason=f"{type(exc).__name__}: {exc}")) from None


def _clear_body(doc) -> None:
    body = doc.element.body
    final = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final:
            body.remove(child)
    if final is None:
        body.append(OxmlElement("w:sectPr"))


# ------------------------------------------------------------------------------------------ styles


def style_by_name(doc, name: str):
    """The style whose stored name is ``name`` (case-insensitive), or None."""
    wanted = name.lower()
    for st in doc.styles.element.findall(qn("w:style")):
        n = st.find(qn("w:name"))
        if n is not None and (n.get(qn("w:val")) or "").lower() == wanted:
            return st
    return None


def style_id(doc, name: str) -> str:
    el = style_by_name(doc, name)
    if el is None:
        raise KeyError(name)
    return el.get(qn("w:styleId"))


def ensure_styles(doc, source) -> None:
    """Copy every needed style missing from ``doc`` out of ``source`` (with its basedOn chain).

    Copies lose their list numbering (the builder numbers lists itself) and links to absent styles."""
    for name in NEEDED + (texts.say("placeholder_style"),):
        _copy_style(doc, source, name)
    if doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) is None:  # some LibreOffice/pandoc files name none
        style_by_name(doc, "Normal").set(qn("w:default"), "1")


def _copy_style(doc, source, name: str) -> None:
    if style_by_name(doc, name) is not None:
        return
    src = style_by_name(source, name)
    if src is None:
        return
    based = src.find(qn("w:basedOn"))
    if based is not None:
        parent = source.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{based.get(qn('w:val'))}']")
        if parent is not None:
            _copy_style(doc, source, parent.find(qn("w:name")).get(qn("w:val")))
    el = copy.deepcopy(src)
    sid = el.get(qn("w:styleId"))
    existing_ids = {s.get(qn("w:styleId")) for s in doc.styles.element.findall(qn("w:style"))}
    if sid in existing_ids:  # the id is taken by a differently named style: make ours unique
        el.set(qn("w:styleId"), f"{sid}SV")
    for numpr in el.iter(qn("w:numPr")):
        numpr.getparent().remove(numpr)
    for tag in ("w:link", "w:next", "w:basedOn"):
        ref = el.find(qn(tag))
        if ref is not None:
            target = _id_for(doc, source, ref.get(qn("w:val")))
            if target is None:
                el.remove(ref)
            else:
                ref.set(qn("w:val"), target)
    doc.styles.element.append(el)


def _id_for(doc, source, source_id: str) -> str | None:
    """The styleId in ``doc`` of the style that has id ``source_id`` in ``source`` (matched by name)."""
    src = source.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{source_id}']")
    if src is None:
        return None
    target = style_by_name(doc, src.find(qn("w:name")).get(qn("w:val")))
    return None if target is None else target.get(qn("w:styleId"))


# -------------------------------------------------------------------------------- default template


def default_document():
    """The clean default: A4, 2.5 cm margins, Arial 11 pt at 1.15 lines, quiet blue headings, Dutch."""
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(sec, side, Cm(2.5))
    sec.header_distance = sec.footer_distance = Cm(1.25)
    _doc_defaults(doc)
    styles = doc.styles
    normal = styles["Normal"]
    _font(normal, FONT, BODY_PT)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    pf.line_spacing = LINE_SPACING
    pf.space_after = Pt(SPACE_AFTER_PT)
    for name, size, color, before, after in (("Heading 1", 16, "1F3864", 0, 18), ("Heading 2", 13, "2F5496", 18, 6),
                                             ("Heading 3", 11.5, "2F5496", 12, 4)):
        st = styles[name]
        _font(st, FONT, size, bold=True, color=color)
        st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(before), Pt(after)
    title = styles["Title"]
    _font(title, FONT, 28, color="1F3864")
    title.paragraph_format.space_before = Pt(140)  # the title sits a third down the title page
    title.paragraph_format.space_after = Pt(12)
    _font(styles["Subtitle"], FONT, 16, color="2F5496", italic=False)
    _font(styles["TOC Heading"], FONT, 16, bold=True, color="1F3864")
    _font(styles["Caption"], FONT, 9, bold=False, italic=True, color="404040")
    _font(styles["Quote"], FONT, BODY_PT, italic=True, color="404040")
    styles["Quote"].paragraph_format.left_indent = Cm(1)
    for level in (1, 2, 3):
        _add_toc_style(doc, level)
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor.from_string("0563C1")
    link.font.underline = True
    ph = styles.add_style(texts.say("placeholder_style"), WD_STYLE_TYPE.PARAGRAPH)
    ph.base_style = normal
    ph.font.italic = True
    ph.font.color.rgb = RGBColor.from_string("7030A0")
    _shade(ph, "F2E6FA")
    return doc


def _doc_defaults(doc) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "nl-BE")


def _font(style, name, size, *, bold=None, italic=None, color=None) -> None:
    rpr = style.element.get_or_add_rPr()
    old = rpr.find(qn("w:rFonts"))
    if old is not None:
        rpr.remove(old)
    style.font.name = name
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color:
        c = rpr.find(qn("w:color"))
        if c is not None:
            rpr.remove(c)
        style.font.color.rgb = RGBColor.from_string(color)


def _add_toc_style(doc, level: int) -> None:
    st = doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
    st.element.set(qn("w:styleId"), f"TOC{level}")
    st.base_style = doc.styles["Normal"]
    pf = st.paragraph_format
    pf.left_indent = Cm(0.6 * (level - 1))
    pf.space_after = Pt(4)
    pf.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    if level == 1:
        st.font.bold = True


def _shade(style, fill: str) -> None:
    ppr = style.element.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def text_width_emu(doc) -> int:
    sec = doc.sections[-1]
    try:
        width = sec.page_width - sec.left_margin - sec.right_margin
        if width > 0:
            return int(width)
    except TypeError:  # a template without page size or margins
        pass
    return int(Cm(TEXT_WIDTH_CM))
