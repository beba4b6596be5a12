"""WordprocessingML styles and measures: style names, basedOn chains and property look-ups.

Part of the .docx reader (``stageverslag.document.reader``): it answers "what does this style (and the ones it is based
on, and the document defaults) say about X", resolves font families (``w:rFonts``, also through the theme's
major/minor fonts) and converts Word's units (twips, half-points, Strict's "2cm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


PPR, RPR, VAL, RFONTS = w("pPr"), w("rPr"), w("val"), w("rFonts")
_HEADING_NAME = re.compile(r"heading ([1-9])", re.IGNORECASE)
_UNITS = {"mm": 56.6929, "cm": 566.929, "in": 1440.0, "pt": 20.0, "pc": 240.0, "pi": 240.0}


def on_off(el) -> bool | None:
    """An on/off property element: None when absent."""
    if el is None:
        return None
    return (el.get(VAL) or "true").lower() not in ("0", "false", "off", "none")


def twips(value: str | None) -> float | None:
    """A measure in twips; Strict files may say '2.5cm' or '12pt'."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(-?[0-9.]+)\s*([a-z]*)\s*", value)
    if not m:
        return None
    try:
        number = float(m.group(1))
    except ValueError:
        return None
    return number * _UNITS[m.group(2)] if m.group(2) in _UNITS else number


def cm(value: str | None) -> float | None:
    measure = twips(value)
    return None if measure is None else round(measure / 566.929, 2)


def to_int(text: str | None) -> int | None:
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------- styles

@dataclass
class _Style:
    id: str
    name: str | None
    type: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


class Styles:
    """styles.xml: style names, basedOn chains, and property look-ups through them and the docDefaults.

    ``theme`` maps "major"/"minor" to the theme's Latin typefaces (see :func:`theme_fonts`)."""

    def __init__(self, root: etree._Element | None, theme: dict[str, str] | None = None):
        self.theme = theme or {}
        self._fonts: dict[tuple, str | None] = {}
        self._chains: dict[str, list[_Style]] = {}
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_rpr = self.default_ppr = None
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{w('rPrDefault')}/{RPR}")
            self.default_ppr = defaults.find(f"{w('pPrDefault')}/{PPR}")
        for el in root.iter(w("style")):
            sid = el.get(w("styleId"))
            if not sid:
                continue
            name_el, based = el.find(w("name")), el.find(w("basedOn"))
            style = _Style(sid, name_el.get(VAL) if name_el is not None else None, el.get(w("type")) or "paragraph",
                           based.get(VAL) if based is not None else None, el.find(PPR), el.find(RPR))
            self.by_id.setdefault(sid, style)
            if style.type == "paragraph" and el.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = self.default_paragraph or sid

    def chain(self, sid: str | None) -> list[_Style]:
        if not sid:
            return []
        if sid not in self._chains:
            out, seen = [], set()
            cur = self.by_id.get(sid)
            while cur is not None and cur.id not in seen and len(out) < 30:
                out.append(cur)
                seen.add(cur.id)
                cur = self.by_id.get(cur.based_on) if cur.based_on else None
            self._chains[sid] = out
        return self._chains[sid]

    def name(self, sid: str | None) -> str | None:
        style = self.by_id.get(sid) if sid else None
        return style.name if style else None

    def ppr(self, sid: str | None, tag: str) -> etree._Element | None:
        """The nearest definition of a pPr child along the style chain (then docDefaults)."""
        for style in self.chain(sid):
            if style.ppr is not None and (el := style.ppr.find(tag)) is not None:
                return el
        return self.default_ppr.find(tag) if self.default_ppr is not None else None

    def rpr(self, sids: list[str | None], tag: str) -> etree._Element | None:
        for sid in sids:
            for style in self.chain(sid):
                if style.rpr is not None and (el := style.rpr.find(tag)) is not None:
                    return el
        return self.default_rpr.find(tag) if self.default_rpr is not None else None

    def font(self, sids: list[str | None]) -> str | None:
        """The ascii font family the styles ``sids`` (run style first, then paragraph style) and the
        docDefaults give, theme fonts resolved; None when nothing says."""
        key = tuple(sids)
        if key not in self._fonts:
            found = None
            rprs = [style.rpr for sid in sids for style in self.chain(sid)] + [self.default_rpr]
            for rpr in rprs:
                if rpr is not None and (found := self.rfonts(rpr.find(RFONTS))) is not None:
                    break
            self._fonts[key] = found
        return self._fonts[key]

    def rfonts(self, el) -> str | None:
        """The ascii family of one w:rFonts element (asciiTheme wins over ascii, as in Word), or None when it
        names no ascii font (e.g. only w:eastAsia)."""
        if el is None:
            return None
        theme = el.get(w("asciiTheme"))
        if theme:
            name = self.theme.get("major" if theme.startswith("major") else "minor")
            if name:
                return name
        name = (el.get(w("ascii")) or "").strip()
        return name or None

    def builtin_heading(self, sid: str | None, own_only: bool) -> int | None:
        for style in self.chain(sid)[:1] if own_only else self.chain(sid):
            m = _HEADING_NAME.fullmatch((style.name or "").strip())
            if m:
                return int(m.group(1))
        return None


def theme_fonts(root: etree._Element | None) -> dict[str, str]:
    """{"major": ..., "minor": ...}: the Latin typefaces of a theme part (a:majorFont / a:minorFont)."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for kind in ("major", "minor"):
        latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if latin is not None and (latin.get("typeface") or "").strip():
            out[kind] = latin.get("typeface").strip()
    return out


def half_points(el) -> float | None:
    if el is None:
        return None
    raw = el.get(VAL) or ""
    if raw.endswith("pt"):
        measure = twips(raw)
        return measure / 20 if measure is not None else None
    value = to_int(raw)
    return value / 2 if value else None
