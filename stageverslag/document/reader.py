"""Reading a .docx into the document model: the only module that knows WordprocessingML.

``read_docx(path)`` walks the main document part (found through the package relationships, so
``word/document2.xml``, ``ns0:`` prefixes and ISO Strict files work too) with lxml and returns a
:class:`stageverslag.document.model.Document`: paragraphs with text, style, heading level, bold/size, numbering, page
breaks, images and fields; sections with page setup and their headers and footers; all fields; app.xml and
core.xml properties. Opening the zip safely is ``stageverslag.document.package``'s job. Files are never written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .package import Package
from .styles import PPR, RFONTS, RPR, VAL, Styles, cm, half_points, on_off, theme_fonts, to_int, twips, w
from ..errors import InputError
from .model import AppProps, Document, Field, HeaderFooter, Paragraph, SectionInfo

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"

P, R, T, TBL, SDT, SDT_CONTENT, SDT_PR = w("p"), w("r"), w("t"), w("tbl"), w("sdt"), w("sdtContent"), w("sdtPr")
SECT_PR, BODY = w("sectPr"), w("body")
TXBX = w("txbxContent")
MC_ALT, MC_CHOICE, MC_FALLBACK = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice", f"{{{MC_NS}}}Fallback"
#: inline containers whose content is shown (text inside them counts)
_TRANSPARENT = {w(t) for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "bdo", "dir", "fldSimple")}
#: inline containers whose content is NOT shown (deleted or moved-away text)
_HIDDEN = {w(t) for t in ("del", "moveFrom", "pPr", "rPr")}
#: block containers walked through (their paragraphs are not body paragraphs for python-docx)
_SKIP_BLOCK = {w(t) for t in ("tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "customXmlPr")}
_IMAGE_TAGS = {w("drawing"), w("pict"), w("object")}
_TRACKED = [w(t) for t in ("ins", "del", "moveFrom", "moveTo")]
_SPACING = ("before", "after", "line", "lineRule")

#: what Word itself accepts (larger or smaller values in a file are clamped to these, as Word does when it
#: opens the file): page sides and margins up to 22 inches, font sizes 1-1638 pt, space before/after up to
#: 1584 pt, line spacing up to 132 lines or 1584 pt, pictures up to 22 inches high
MAX_PAGE_CM = 55.88
MIN_PAGE_CM = 0.3
MAX_FONT_PT, MIN_FONT_PT = 1638.0, 1.0
MAX_SPACE_PT = 1584.0
MAX_LINES, MIN_LINES = 132.0, 0.06
MAX_PICTURE_CM = 55.88
MAX_COUNT = 10**9  # page, word and character counts in docProps/app.xml, page number starts
#: text limits (time and memory stay bounded by the text): one paragraph, and the whole document; beyond
#: them the text is cut, with a note
MAX_PARAGRAPH_CHARS = 10_000
MAX_DOCUMENT_CHARS = 1_000_000
#: paragraphs and sections read from one document; further ones are skipped, with a note
MAX_PARAGRAPHS = 10_000
MAX_SECTIONS = 500


def _clamp(value: float | None, low: float, high: float) -> float | None:
    """``value`` within [low, high]; None stays None, and so does NaN."""
    if value is None or value != value:
        return None
    return min(max(value, low), high)


def _points(el) -> float | None:
    """A font size element (half-points) in points, clamped to Word's range; None when unreadable."""
    try:
        return _clamp(half_points(el), MIN_FONT_PT, MAX_FONT_PT)
    except (OverflowError, ValueError):
        return None


def _count(text) -> int | None:
    value = to_int(text)
    return value if value is not None and 0 <= value <= MAX_COUNT else None


# ---------------------------------------------------------------------------------------------- fields

@dataclass
class _OpenField:
    paragraph: Paragraph
    location: str
    instr: list[str] = field(default_factory=list)
    result: list[str] = field(default_factory=list)
    in_result: bool = False


class _Fields:
    """Complex fields (fldChar begin / instrText / separate / end), which may span runs and paragraphs."""

    def __init__(self, sink: list[Field], location: str | None = None):
        self.sink = sink
        self.location = location  # forced location (header/footer), else the paragraph's
        self.stack: list[_OpenField] = []

    def char(self, kind: str, paragraph: Paragraph) -> None:
        if kind == "begin":
            self.stack.append(_OpenField(paragraph, self.location or paragraph.location))
        elif kind == "separate" and self.stack:
            self.stack[-1].in_result = True
        elif kind == "end" and self.stack:
            self._close(self.stack.pop())

    def instr(self, text: str) -> None:
        if self.stack and not self.stack[-1].in_result:
            self.stack[-1].instr.append(text)

    @property
    def visible(self) -> bool:
        return all(f.in_result for f in self.stack)

    def text(self, text: str) -> None:
        for f in self.stack:
            if f.in_result:
                f.result.append(text)

    def simple(self, instr: str, result: str, paragraph: Paragraph) -> None:
        self._add(" ".join(instr.split()), self.location or paragraph.location, result, paragraph)

    def _close(self, f: _OpenField) -> None:
        self._add(" ".join("".join(f.instr).split()), f.location, "".join(f.result), f.paragraph)

    def _add(self, instruction: str, location: str, result: str, paragraph: Paragraph) -> None:
        if instruction:
            paragraph.fields.append(instruction)
            self.sink.append(Field(instruction=instruction, location=location, result_text=result))

    def finish(self) -> None:
        while self.stack:  # unterminated fields: keep what we know
            self._close(self.stack.pop())


# ---------------------------------------------------------------------------------------------- the reader

@dataclass
class _Story:
    """One flow of text (the body, or one header/footer part) being read."""

    paragraphs: list[Paragraph]
    fields: _Fields
    images: int = 0
    tables: int = 0


class _Reader:
    def __init__(self, pkg: Package, main: str, styles: Styles, doc: Document):
        self.pkg, self.main, self.styles, self.doc = pkg, main, styles, doc
        self.rels = {rid: target for rid, _kind, target in pkg.rels(main)}
        self.sect_elements: list[etree._Element] = []
        self.sect_owners: list[Paragraph | None] = []  # the paragraph whose pPr holds each sectPr
        self.manual_breaks: set[int] = set()  # id() of paragraphs with a w:br type="page"
        self._rpr_cache: dict[tuple, tuple] = {}
        self.cells: list[list[int]] = []  # [table number, row, cell] of the tables being read, innermost last
        self.last_index: int | None = None  # the last body paragraph read (anchor of what is not body text)
        self.boxes = self.controls = 0  # text boxes and block content controls met so far
        self._spacing_cache: dict[str | None, dict[str, str]] = {}
        self.chars = 0  # characters of text read so far (see MAX_DOCUMENT_CHARS)

    def _limit_text(self, text: str) -> str:
        """Cut a paragraph over MAX_PARAGRAPH_CHARS, and all text past MAX_DOCUMENT_CHARS, with a note."""
        if len(text) > MAX_PARAGRAPH_CHARS:
            self._note(f"Een alinea is langer dan {MAX_PARAGRAPH_CHARS:,} tekens; alleen het begin ervan is "
                       "nagekeken. Zo'n lange alinea komt in een verslag niet voor: kijk het document na in Word."
                       .replace(",", "."))
            text = text[:MAX_PARAGRAPH_CHARS]
        room = MAX_DOCUMENT_CHARS - self.chars
        if len(text) > room:
            self._note(f"Het document bevat meer dan {MAX_DOCUMENT_CHARS:,} tekens tekst; alleen het begin is "
                       "nagekeken.".replace(",", "."))
            text = text[:max(room, 0)]
        self.chars += len(text)
        return text

    def _note(self, note: str) -> None:
        if note not in self.doc.notes:
            self.doc.notes.append(note)

    # -- blocks
    def blocks(self, container, story: _Story, location: str, top: bool) -> None:
        index = len([p for p in story.paragraphs if p.index is not None]) if top else None
        for child in container:
            tag = child.tag
            if tag == P and len(story.paragraphs) >= MAX_PARAGRAPHS:
                self._note(f"Het document bevat meer dan {MAX_PARAGRAPHS:,} alinea's; de rest is niet gelezen."
                           .replace(",", "."))
                if top:
                    index += 1
            elif tag == P:
                self.paragraph(child, story, location, index if top else None)
                if top:
                    index += 1
            elif tag == TBL:
                story.tables += 1
                self.cells.append([story.tables, -1, -1])
                self.blocks(child, story, "table", False)
                self.cells.pop()
            elif tag == w("tr") and self.cells:
                self.cells[-1][1:] = [self.cells[-1][1] + 1, -1]
                self.blocks(child, story, location, False)
            elif tag == w("tc") and self.cells:
                self.cells[-1][2] += 1
                self.blocks(child, story, location, False)
            elif tag == SDT:
                self._sdt_gallery(child)
                content = child.find(SDT_CONTENT)
                if content is not None:
                    first, self.controls = len(story.paragraphs), self.controls + (location == "body")
                    number = self.controls
                    self.blocks(content, story, "sdt" if location == "body" else location, False)
                    if location == "body":
                        _mark(story.paragraphs[first:], "control", number)
            elif tag == SECT_PR:
                if top:
                    self.sect_elements.append(child)
                    self.sect_owners.append(None)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self.blocks(choice, story, location, False)
            elif tag == w("altChunk"):
                note = ("Het document bevat ingevoegde inhoud uit een ander bestand (altChunk) die Word pas bij het "
                        "openen omzet; die tekst is niet gelezen. Open en bewaar het document in Word.")
                if note not in self.doc.notes:
                    self.doc.notes.append(note)
            elif isinstance(tag, str) and tag not in _SKIP_BLOCK and tag not in _HIDDEN:
                self.blocks(child, story, location, False)  # w:tr, w:tc, w:customXml, w:ins around rows...

    def _sdt_gallery(self, sdt) -> None:
        pr = sdt.find(SDT_PR)
        if pr is None:
            return
        for gal in pr.iter(w("docPartGallery")):
            value = (gal.get(VAL) or "").lower()
            if value == "table of contents":
                self.doc.toc_sdt = True
            elif value == "cover pages":
                self.doc.cover_sdt = True

    # -- one paragraph
    def paragraph(self, p, story: _Story, location: str, index: int | None) -> None:
        ppr = p.find(PPR)
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        style_id = style_el.get(VAL) if style_el is not None else None
        known = style_id if style_id in self.styles.by_id else self.styles.default_paragraph
        para = Paragraph(text="", index=index, style_id=style_id or self.styles.default_paragraph,
                         style_name=self.styles.name(known), location=location)
        if self.cells and location == "table":
            cell = self.cells[-1]  # a paragraph straight in w:tbl or w:tr (no w:tc): Word puts it in a cell
            cell[1], cell[2] = max(cell[1], 0), max(cell[2], 0)
            para.table_cell = tuple(cell)
        para.section = len(self.sect_elements)
        if index is not None:
            self.last_index = index
        else:
            para.anchor = self.last_index
        story.paragraphs.append(para)
        self._paragraph_props(para, ppr, known)
        state = _ParaState(para, known)
        self.inline(p, story, state)
        para.text = self._limit_text("".join(state.text))
        story.fields.text("\n")  # a field result that goes on in the next paragraph
        visible = [b for b in state.runs if b is not None]
        para.bold = bool(visible) and all(b for b, _size, _font in visible)
        sizes = [s for _b, s, _font in visible if s is not None]
        para.font_size = max(sizes) if sizes else None
        para.font_name = (max(state.font_chars, key=state.font_chars.__getitem__) if state.font_chars
                          else self._mark_font(ppr, known))
        if not sizes:
            mark = ppr.find(f"{RPR}/{w('sz')}") if ppr is not None else None
            para.mark_size = _points(mark if mark is not None else self.styles.rpr([None, known], w("sz")))
        story.images += state.images
        for box in state.textboxes:
            first, self.boxes = len(story.paragraphs), self.boxes + 1
            number = self.boxes
            self.blocks(box, story, "textbox", False)
            _mark(story.paragraphs[first:], "box", number)

    def _paragraph_props(self, para: Paragraph, ppr, sid: str | None) -> None:
        def prop(tag):
            el = ppr.find(w(tag)) if ppr is not None else None
            return el if el is not None else self.styles.ppr(sid, w(tag))
        level_el = prop("outlineLvl")
        outline = to_int(level_el.get(VAL)) if level_el is not None else None
        para.outline_level = outline if outline is not None and 0 <= outline <= 9 else None
        builtin = self.styles.builtin_heading(sid, own_only=True)
        direct = ppr is not None and ppr.find(w("outlineLvl")) is not None
        if (self.styles.name(sid) or "").strip().lower() == "title" and not direct:
            para.heading_level = None  # a document title, whatever its outline level says
        elif builtin:
            para.heading_level = builtin
        elif para.outline_level is not None:
            para.heading_level = para.outline_level + 1 if para.outline_level < 9 else None
        else:
            para.heading_level = self.styles.builtin_heading(sid, own_only=False)
        num_id = ppr.find(f"{w('numPr')}/{w('numId')}") if ppr is not None else None
        if num_id is None:
            num_id = next((el for style in self.styles.chain(sid) if style.ppr is not None
                           for el in style.ppr.iterfind(f"{w('numPr')}/{w('numId')}")), None)
        para.numbered = num_id is not None and (num_id.get(VAL) or "0").strip() not in ("0", "")
        para.page_break_before = bool(on_off(prop("pageBreakBefore")))
        para.contextual_spacing = bool(on_off(prop("contextualSpacing")))
        self._spacing(para, ppr, sid)
        if ppr is not None and ppr.find(SECT_PR) is not None:
            para.page_break = True
            if para.index is not None or para.location == "sdt":
                self.sect_elements.append(ppr.find(SECT_PR))
                self.sect_owners.append(para)

    def _spacing(self, para: Paragraph, ppr, sid: str | None) -> None:
        direct = ppr.find(w("spacing")) if ppr is not None else None
        found = dict(self._style_spacing(sid))
        if direct is not None:
            found.update({a: direct.get(w(a)) for a in _SPACING if direct.get(w(a)) is not None})
        before, after, line = (twips(found.get(a)) for a in ("before", "after", "line"))
        para.space_before_pt = _clamp(before / 20, 0.0, MAX_SPACE_PT) if before is not None else None
        para.space_after_pt = _clamp(after / 20, 0.0, MAX_SPACE_PT) if after is not None else None
        if line is not None and line > 0:
            rule = found.get("lineRule", "auto")
            if rule == "auto":
                para.line_spacing = round(_clamp(line / 240, MIN_LINES, MAX_LINES), 3)
            else:
                para.line_height_pt = round(_clamp(line / 20, 0.5, MAX_SPACE_PT), 2)

    def _style_spacing(self, sid: str | None) -> dict[str, str]:
        """w:spacing attributes a style gives (each attribute inherits on its own), cached per style."""
        if sid not in self._spacing_cache:
            elements = [style.ppr.find(w("spacing")) for style in self.styles.chain(sid) if style.ppr is not None]
            if self.styles.default_ppr is not None:
                elements.append(self.styles.default_ppr.find(w("spacing")))
            found: dict[str, str] = {}
            for el in elements:
                if el is not None:
                    for attr in _SPACING:
                        if attr not in found and el.get(w(attr)) is not None:
                            found[attr] = el.get(w(attr))
            self._spacing_cache[sid] = found
        return self._spacing_cache[sid]

    # -- runs and inline containers
    def inline(self, el, story: _Story, state: "_ParaState") -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self.run(child, story, state)
            elif tag in _TRANSPARENT:
                if tag == w("fldSimple"):
                    inner = _ParaState(state.para, state.style)
                    self.inline(child, story, inner)
                    state.merge(inner)
                    story.fields.simple(child.get(w("instr")) or "", "".join(inner.text), state.para)
                else:
                    self.inline(child, story, state)
            elif tag == SDT:
                self._sdt_gallery(child)
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.inline(content, story, state)
            elif tag == MC_ALT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self.inline(choice, story, state)
            elif tag == P:  # a paragraph nested where runs are expected (broken files): read its runs
                self.inline(child, story, state)

    def run(self, r, story: _Story, state: "_ParaState") -> None:
        rpr = r.find(RPR)
        fields = story.fields
        text: list[str] = []
        for child in r:
            tag = child.tag
            if tag == T:
                if fields.visible:
                    text.append(child.text or "")
                fields.text(child.text or "")
            elif tag == w("instrText"):
                fields.instr(child.text or "")
            elif tag == w("fldChar"):
                fields.char(child.get(w("fldCharType")) or "", state.para)
            elif tag in (w("tab"), w("ptab")):
                text.append("\t")
            elif tag == w("br"):
                kind = child.get(w("type")) or "textWrapping"
                if kind == "page":
                    state.para.page_break = True
                    self.manual_breaks.add(id(state.para))
                elif kind == "textWrapping":
                    text.append("\n")
            elif tag == w("cr"):
                text.append("\n")
            elif tag == w("lastRenderedPageBreak"):
                state.para.rendered_page_break = True
            elif tag == w("noBreakHyphen"):
                text.append("-")
            elif tag in _IMAGE_TAGS or tag == MC_ALT:
                self._graphic(child, state)
        joined = "".join(text)
        state.text.append(joined)
        if joined.strip():
            look = self._run_look(rpr, state.style)
            state.runs.append(look)
            if look[2]:
                state.font_chars[look[2]] = state.font_chars.get(look[2], 0) + len(joined)

    def _graphic(self, el, state: "_ParaState") -> None:
        if el.tag == MC_ALT:
            choice = el.find(MC_CHOICE)
            for child in (choice if choice is not None else []):
                if child.tag in _IMAGE_TAGS:
                    self._graphic(child, state)
            return
        state.textboxes.extend(_textboxes(el))
        if _is_picture(el):
            state.para.has_image = True
            state.para.image_height_cm += _picture_height_cm(el)
            state.images += 1

    def _run_look(self, rpr, pstyle: str | None) -> tuple[bool, float | None, str | None]:
        """(bold, size in points, ascii font family) of a run: direct properties, else its run style, its
        paragraph style and the docDefaults."""
        rstyle_el = rpr.find(w("rStyle")) if rpr is not None else None
        rstyle = rstyle_el.get(VAL) if rstyle_el is not None else None
        bold_el = rpr.find(w("b")) if rpr is not None else None
        size_el = rpr.find(w("sz")) if rpr is not None else None
        key = (rstyle, pstyle)
        if key not in self._rpr_cache:
            sids = [rstyle, pstyle]
            self._rpr_cache[key] = (on_off(self.styles.rpr(sids, w("b"))), self.styles.rpr(sids, w("sz")),
                                    self.styles.font(sids))
        inherited_bold, inherited_size, inherited_font = self._rpr_cache[key]
        bold = on_off(bold_el)
        bold = bool(inherited_bold) if bold is None else bold
        size_el = size_el if size_el is not None else inherited_size
        font = self.styles.rfonts(rpr.find(RFONTS)) if rpr is not None else None
        return bold, _points(size_el), font or inherited_font

    def _mark_font(self, ppr, pstyle: str | None) -> str | None:
        """The font of an empty paragraph: its paragraph mark's (pPr/rPr), else its style's."""
        mark = ppr.find(f"{RPR}/{RFONTS}") if ppr is not None else None
        return self.styles.rfonts(mark) or self.styles.font([None, pstyle])

    # -- sections, headers and footers
    def sections(self) -> list[SectionInfo]:
        out: list[SectionInfo] = []
        cache: dict[str, HeaderFooter] = {}
        if len(self.sect_elements) > MAX_SECTIONS:
            self._note(f"Het document bevat {len(self.sect_elements)} secties; alleen de eerste {MAX_SECTIONS} zijn "
                       "gelezen (pagina-instelling, kop- en voetteksten).")
        for i, sect in enumerate(self.sect_elements[:MAX_SECTIONS]):
            info = SectionInfo()
            kind = sect.find(w("type"))
            info.start = (kind.get(VAL) if kind is not None else None) or "nextPage"
            owner = self.sect_owners[i - 1] if i else None
            if owner is not None and info.start == "continuous" and id(owner) not in self.manual_breaks:
                owner.page_break = False  # a continuous section break does not start a new page
            size, margins = sect.find(w("pgSz")), sect.find(w("pgMar"))
            if size is not None:
                info.page_width_cm = _clamp(cm(size.get(w("w"))), MIN_PAGE_CM, MAX_PAGE_CM)
                info.page_height_cm = _clamp(cm(size.get(w("h"))), MIN_PAGE_CM, MAX_PAGE_CM)
            if margins is not None:
                values = tuple(cm(margins.get(w(side))) for side in ("top", "right", "bottom", "left"))
                info.margins_cm = (None if None in values or any(v != v for v in values)
                                   else tuple(min(abs(v), MAX_PAGE_CM) for v in values))
            info.different_first_page = bool(on_off(sect.find(w("titlePg"))))
            num = sect.find(w("pgNumType"))
            info.page_number_start = _count(num.get(w("start"))) if num is not None else None
            prev = out[-1] if out else None
            for kind in ("header", "footer"):
                own = {}
                for ref in sect.findall(w(f"{kind}Reference")):
                    target = self.rels.get(ref.get(f"{{{R_NS}}}id") or "")
                    hf_type = ref.get(w("type")) or "default"
                    if target and hf_type in ("default", "first", "even"):
                        if target not in cache:
                            cache[target] = self._header_footer(target, kind, hf_type)
                        own[hf_type] = cache[target]
                mine = [HeaderFooter(kind, t, h.text, list(h.fields), h.has_image) for t, h in own.items()]
                if prev is not None:
                    for old in (prev.headers if kind == "header" else prev.footers):
                        if old.type not in own:
                            mine.append(HeaderFooter(kind, old.type, old.text, list(old.fields), old.has_image,
                                                     inherited=True))
                mine.sort(key=lambda h: ("default", "first", "even").index(h.type))
                setattr(info, "headers" if kind == "header" else "footers", mine)
            out.append(info)
        return out

    def _header_footer(self, part: str, kind: str, hf_type: str) -> HeaderFooter:
        root = self.pkg.xml(part)
        story = _Story([], _Fields(self.doc.fields, location=kind))
        if root is not None:
            self.blocks(root, story, kind, False)
            story.fields.finish()
        return HeaderFooter(kind, hf_type, "\n".join(p.text for p in story.paragraphs),
                            [f for p in story.paragraphs for f in p.fields],
                            any(p.has_image for p in story.paragraphs))


@dataclass
class _ParaState:
    para: Paragraph
    style: str | None
    text: list[str] = field(default_factory=list)
    runs: list[tuple[bool, float | None, str | None]] = field(default_factory=list)
    #: characters of visible text per font family
    font_chars: dict[str, int] = field(default_factory=dict)
    textboxes: list = field(default_factory=list)
    images: int = 0

    def merge(self, other: "_ParaState") -> None:
        self.text += other.text
        self.runs += other.runs
        for font, n in other.font_chars.items():
            self.font_chars[font] = self.font_chars.get(font, 0) + n
        self.textboxes += other.textboxes
        self.images += other.images


def _mark(paragraphs: list[Paragraph], attr: str, number: int) -> None:
    """Number the text box or content control the paragraphs were read from (the innermost wins)."""
    for q in paragraphs:
        if getattr(q, attr) is None:
            setattr(q, attr, number)


def _textboxes(el):
    """The w:txbxContent elements of a drawing, skipping mc:Fallback copies and nested ones."""
    for child in el:
        if child.tag == TXBX:
            yield child
        elif child.tag != MC_FALLBACK and isinstance(child.tag, str):
            yield from _textboxes(child)


_PICTURE_URIS = ("/picture", "/chart", "/diagram", "/chartex", "/wordprocessingCanvas")


def _is_picture(el) -> bool:
    """A drawing, VML picture or embedded object that shows a picture, chart or SmartArt (not a bare shape,
    line or text box)."""
    for child in el.iter():
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag.endswith("}graphicData") and (child.get("uri") or "").endswith(_PICTURE_URIS):
            return True
        if tag.endswith("}imagedata") or tag.endswith("}blip"):
            return True
    return False


WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP_EXTENT, WP_ANCHOR, WP_WRAP_NONE = f"{{{WP_NS}}}extent", f"{{{WP_NS}}}anchor", f"{{{WP_NS}}}wrapNone"
_VML_HEIGHT = re.compile(r"(?:^|;)\s*height\s*:\s*([0-9.]+)\s*(pt|in|cm|mm|px)?", re.IGNORECASE)
_VML_UNITS = {"pt": 2.54 / 72, "in": 2.54, "cm": 1.0, "mm": 0.1, "px": 2.54 / 96, None: 2.54 / 72}


def _picture_height_cm(el) -> float:
    """The height a drawing takes in the text flow (wp:extent, or a VML shape's style), 0.0 when unknown or
    when it floats over or behind the text (no wrapping)."""
    for child in el.iter(WP_EXTENT):
        anchor = child.getparent()
        if anchor.tag == WP_ANCHOR and (anchor.find(WP_WRAP_NONE) is not None or anchor.get("behindDoc") in ("1", "true")):
            return 0.0
        try:
            return min(max(int(child.get("cy") or 0), 0), int(MAX_PICTURE_CM * 360000)) / 360000
        except ValueError:
            return 0.0
    for child in el.iter():
        style = child.get("style") if isinstance(child.tag, str) else None
        if style and (m := _VML_HEIGHT.search(style)):
            try:
                return _clamp(float(m.group(1)) * _VML_UNITS[(m.group(2) or "").lower() or None], 0.0,
                              MAX_PICTURE_CM) or 0.0
            except ValueError:
                return 0.0
    return 0.0


# ---------------------------------------------------------------------------------------------- entry point

def read_docx(path: str | Path) -> Document:
    """Read a .docx/.docm into a Document. Raises InputError (Dutch message) when it cannot be read."""
    path = Path(path)
    with Package(path) as pkg:
        main = pkg.main_part()
        root = pkg.xml(main)
        if root is None or root.tag != w("document"):
            raise InputError(path, "Het hoofddocument in dit bestand is geen Word-tekst (w:document ontbreekt). "
                                   "Open het in Word en bewaar het opnieuw als .docx.")
        bodies = root.findall(BODY)
        if not bodies:
            raise InputError(path, "Het document heeft geen hoofdtekst (w:body ontbreekt), dus er valt niets te "
                                   "lezen. Open het in Word en bewaar het opnieuw als .docx.")
        doc = Document(path=path, source="docx")
        rels = pkg.rels(main)
        style_part = next((t for _i, kind, t in rels if kind == "styles"), None)
        theme_part = next((t for _i, kind, t in rels if kind == "theme"), None)
        theme = theme_fonts(pkg.xml_or_none(theme_part) if theme_part and pkg.has(theme_part) else None)
        styles = Styles(pkg.xml_or_none(style_part) if style_part else None, theme)
        reader = _Reader(pkg, main, styles, doc)
        body = _Story(doc.paragraphs, _Fields(doc.fields))
        with _guard(doc, "de hoofdtekst"):  # a bug here keeps what was read and says so (never "your file")
            reader.blocks(bodies[0], body, "body", True)
            body.fields.finish()
        doc.tables, doc.images = body.tables, body.images
        with _guard(doc, "de secties"):
            doc.sections = reader.sections()
        with _guard(doc, "de documenteigenschappen"):
            _properties(pkg, doc)
        with _guard(doc, "de opmerkingen"):
            _notes(pkg, doc, bodies, styles, style_part, main)
        with _guard(doc, "de koppelingen naar buiten"):
            _linked_content(pkg, doc)
    return doc


def _linked_content(pkg: Package, doc: Document) -> None:
    """A note on what the document links to outside itself and what stageverslag therefore never fetches
    (see ``stageverslag.sanitize``): a student then knows why a logo may be missing in a page render."""
    kinds = [kind for kind, _target in pkg.external_rels() if kind != "hyperlink"]
    pictures = sum(1 for k in kinds if k in ("image", "video", "audio", "media"))
    others = len(kinds) - pictures
    fields = sum(1 for f in doc.fields if f.name in ("INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE",
                                                       "DDEAUTO", "IMPORT"))
    parts = []
    if pictures:
        parts.append(f"{pictures} gekoppelde afbeelding{'en' if pictures > 1 else ''}")
    if others:
        parts.append(f"{others} andere koppeling{'en' if others > 1 else ''} (object, sjabloon, frame)")
    if fields:
        parts.append(f"{fields} veld{'en' if fields > 1 else ''} dat een extern bestand invoegt"
                     if fields == 1 else f"{fields} velden die een extern bestand invoegen")
    if parts:
        doc.notes.append(f"{', '.join(parts)}: niet opgehaald. stageverslag haalt nooit iets van buiten het "
                         "document op; wat je ziet, is wat in het bestand zelf zit (voeg afbeeldingen in, koppel ze "
                         "niet).")


class _guard:
    """Keep reading after an unexpected exception (a bug in the reader, not a fault of the file): what was read
    stays, and ``doc.internal_errors`` says what went wrong. A file that cannot be read (InputError), memory
    and recursion errors are not caught."""

    def __init__(self, doc: Document, what: str):
        self.doc, self.what = doc, what

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or isinstance(exc, (InputError, MemoryError, RecursionError)) or not isinstance(exc, Exception):
            return False
        self.doc.internal_errors.append(f"bij het lezen van {self.what}: {type(exc).__name__}: {exc}")
        return True


def _properties(pkg: Package, doc: Document) -> None:
    targets = {kind: t for _i, kind, t in pkg.rels("")}
    app_name = targets.get("extendedproperties") or "docProps/app.xml"
    app = pkg.xml_or_none(app_name) if pkg.has(app_name) else None
    if app is not None and etree.QName(app).localname == "Properties":
        def val(tag):
            el = app.find(f"{{{APP_NS}}}{tag}")
            return el.text.strip() if el is not None and el.text else None
        doc.app = AppProps(application=val("Application") or "", pages=_count(val("Pages")), words=_count(val("Words")),
                           characters=_count(val("Characters")),
                           characters_with_spaces=_count(val("CharactersWithSpaces")))
    core_name = targets.get("coreproperties") or "docProps/core.xml"
    if not pkg.has(core_name):
        if "coreproperties" in targets:
            doc.notes.append(f"Het bestand verwijst naar {core_name} (documenteigenschappen), maar dat onderdeel "
                             "ontbreekt; titel en auteur zijn onbekend.")
        return
    core = pkg.xml_or_none(core_name)
    if core is not None:
        for attr, tag in (("title", "title"), ("author", "creator")):
            el = core.find(f"{{{DC_NS}}}{tag}")
            if el is not None and el.text:
                setattr(doc, attr, el.text.strip())


def _notes(pkg: Package, doc: Document, bodies, styles: Styles, style_part, main: str) -> None:
    notes = doc.notes
    if len(bodies) > 1:
        notes.append(f"Het document bevat {len(bodies)} hoofdteksten (w:body) in plaats van één; alleen de eerste "
                     "is gelezen. Word maakt zulke bestanden niet: open het en bewaar het opnieuw.")
    if any(next(bodies[0].iter(tag), None) is not None for tag in _TRACKED):
        notes.append("Het document bevat bijgehouden wijzigingen die nog niet aanvaard of geweigerd zijn. "
                     "Ingevoegde tekst telt mee, verwijderde niet. Verwerk ze in Word (Controleren > "
                     "Wijzigingen) voor je het indient.")
    if pkg.strict:
        notes.append("Het bestand is bewaard als 'Strikt Open XML'. Het is gelezen, maar lever liever een gewoon "
                     "Word-document (.docx) in.")
    if (doc.path is not None and doc.path.suffix.lower() == ".docm") or pkg.has("word/vbaProject.bin"):
        notes.append("Het bestand bevat macro's; die worden genegeerd en nooit uitgevoerd. Lever een gewoon "
                     ".docx-bestand in.")
    if style_part is None or not styles.by_id:
        notes.append("Het bestand heeft geen opmaakprofielen (styles.xml); koppen zijn alleen herkend via "
                     "overzichtsniveaus.")
    notes.extend(pkg.notes)
