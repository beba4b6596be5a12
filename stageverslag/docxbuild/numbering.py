"""Real Word list numbering: bullets and numbers that Word and LibreOffice continue, indent and restart.

The template's own List Bullet / List Number definitions are used when they have one (a company's bullet
character stays); otherwise a plain nine-level definition is added. Every numbered list gets its own
``w:num`` that restarts at its first number."""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

_BULLETS = ("•", "o", "▪")


class Numbering:
    """List definitions of one document (its numbering part)."""

    def __init__(self, doc, bullet_style: str, number_style: str):
        self.root = numbering_root(doc)
        self.template = {"bullet": self._style_abstract(doc, bullet_style),
                         "number": self._style_abstract(doc, number_style)}
        self.own: dict[str, str] = {}
        self._bullet_nums: dict[str, str] = {}

    def new_list(self, kind: str, depth: int, start: int = 1) -> str:
        """The numId for a new list of ``kind`` ("bullet" | "number") at nesting ``depth`` (0-based).
        Bullet lists share one numbering; every numbered list restarts at ``start``."""
        abstract = self._abstract(kind, depth)
        if kind == "bullet":
            if abstract not in self._bullet_nums:
                self._bullet_nums[abstract] = self._add_num(abstract)
            return self._bullet_nums[abstract]
        return self._add_num(abstract, start, depth)

    def _abstract(self, kind: str, depth: int) -> str:
        tpl = self.template[kind]
        if tpl is not None and self._fits(tpl, kind, depth):
            return tpl
        if kind not in self.own:
            self.own[kind] = self._add_abstract(kind)
        return self.own[kind]

    def _fits(self, abstract_id: str, kind: str, depth: int) -> bool:
        an = self.root.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{abstract_id}']")
        lvl = an.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='{depth}']") if an is not None else None
        fmt = lvl.find(qn("w:numFmt")) if lvl is not None else None
        if fmt is None:
            return False
        is_bullet = fmt.get(qn("w:val")) == "bullet"
        return is_bullet == (kind == "bullet")

    # -- internals ------------------------------------------------------------------------------------
    def _style_abstract(self, doc, style_id: str) -> str | None:
        st = doc.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
        num_id = st.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}") if st is not None else None
        if num_id is None:
            return None
        num = self.root.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id.get(qn('w:val'))}']")
        ref = num.find(qn("w:abstractNumId")) if num is not None else None
        return None if ref is None else ref.get(qn("w:val"))

    def _next_id(self, tag: str, attr: str) -> int:
        ids = [int(e.get(qn(attr))) for e in self.root.findall(qn(tag)) if (e.get(qn(attr)) or "").isdigit()]
        return max(ids, default=0) + 1

    def _add_abstract(self, kind: str) -> str:
        aid = str(self._next_id("w:abstractNum", "w:abstractNumId"))
        an = OxmlElement("w:abstractNum")
        an.set(qn("w:abstractNumId"), aid)
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "hybridMultilevel")
        an.append(mlt)
        for level in range(9):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(level))
            for tag, val in (("w:start", "1"),
                             ("w:numFmt", "bullet" if kind == "bullet" else ("decimal", "lowerLetter",
                                                                               "lowerRoman")[level % 3]),
                             ("w:lvlText", _BULLETS[level % 3] if kind == "bullet" else f"%{level + 1}."),
                             ("w:lvlJc", "left")):
                e = OxmlElement(tag)
                e.set(qn("w:val"), val)
                lvl.append(e)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(360 * (level + 1)))
            ind.set(qn("w:hanging"), "360")
            ppr.append(ind)
            lvl.append(ppr)
            if kind == "bullet" and level % 3 != 1:
                rpr = OxmlElement("w:rPr")
                fonts = OxmlElement("w:rFonts")
                for attr in ("w:ascii", "w:hAnsi", "w:hint"):
                    fonts.set(qn(attr), "Arial" if attr != "w:hint" else "default")
                rpr.append(fonts)
                lvl.append(rpr)
            an.append(lvl)
        existing = self.root.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(an)
        else:
            first_num = self.root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(an)
            else:
                self.root.append(an)
        return aid

    def _add_num(self, abstract_id: str, start: int | None = None, depth: int = 0) -> str:
        nid = str(self._next_id("w:num", "w:numId"))
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), nid)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract_id)
        num.append(ref)
        if start is not None:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(depth))
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), str(start))
            override.append(so)
            num.append(override)
        last = self.root.findall(qn("w:num"))
        if last:
            last[-1].addnext(num)
        else:
            self.root.append(num)
        return nid


def numbering_root(doc):
    """The document's ``w:numbering`` element; a numbering part is added when the file has none (python-docx
    cannot create one itself)."""
    try:
        return doc.part.numbering_part.element
    except NotImplementedError:
        pass
    names = {str(p.partname) for p in doc.part.package.iter_parts()}
    partname = next(f"/word/numbering{n or ''}.xml" for n in range(100) if f"/word/numbering{n or ''}.xml"
                    not in names)
    part = NumberingPart(PackURI(partname), CT.WML_NUMBERING, parse_xml(f'<w:numbering {nsdecls("w")}/>'),
                         doc.part.package)
    doc.part.relate_to(part, RT.NUMBERING)
    return part.element


def set_num(paragraph, num_id: str, level: int) -> None:
    """Give ``paragraph`` list numbering ``num_id`` at ``level`` (0-based)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = int(num_id)
