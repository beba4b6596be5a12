"""Markdown drafts to Word: paragraphs, bold, italic, code, bullet and numbered lists (real numbering),
block quotes (Quote style), tables (a table style, repeated header row), images with numbered captions
(a SEQ field) and hyperlinks (a real relationship). Headings in a draft are subsections: ``##`` becomes
Heading 2, ``###`` and deeper Heading 3; a ``#`` that repeats the part title is dropped.

Guiding-question comments are removed first (:func:`stageverslag.project.strip_comments`)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.run import Run
from markdown_it import MarkdownIt

from ..paths import expand_home
from ..project import strip_comments
from . import wordml, texts
from .numbering import Numbering, set_num

_MD = MarkdownIt("commonmark").enable("table")
#: a picture in a draft larger than this is not put in the report
MAX_IMAGE_BYTES = 20 * 2**20
_TAG = re.compile(r"<[^>]*>")


@dataclass
class Heading:
    level: int
    text: str
    bookmark: str
    element: object = None


@dataclass
class Writer:
    """Appends blocks to ``doc``; collects headings (for the TOC) and Dutch notes."""

    doc: object
    styles: dict  # role -> styleId: h1 h2 h3 list_bullet list_number list_paragraph quote caption
    #                  hyperlink table placeholder title subtitle
    image_dirs: list[Path]
    text_width: int
    headings: list[Heading] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: int = 0
    _numbering: Numbering | None = None

    # -- blocks used by the builder ------------------------------------------------------------------
    def heading(self, text: str, level: int, page_break: bool = False):
        p = self.doc.add_paragraph(style=self._style(f"h{min(level, 3)}"))
        p._p.append(wordml.run(text))
        if page_break:
            p.paragraph_format.page_break_before = True
        mark = f"_Toc{len(self.headings) + 1:08d}"
        wordml.add_bookmark(p._p, mark)
        self.headings.append(Heading(min(level, 3), text, mark, p._p))
        return p

    def placeholder(self, text: str):
        p = self.doc.add_paragraph(style=self._style("placeholder"))
        p._p.append(wordml.run(text))
        return p

    def paragraph(self, text: str = "", role: str | None = None):
        p = self.doc.add_paragraph(style=self._style(role) if role else None)
        if text:
            p._p.append(wordml.run(text))
        return p

    # -- Markdown -------------------------------------------------------------------------------------
    def markdown(self, source: str, part_title: str, part_aliases=()) -> list[str]:
        """Write one draft; return the texts of its level-2 headings (to check subsections)."""
        tokens = _MD.parse(strip_comments(source))
        subheads: list[str] = []
        lists: list[dict] = []  # stack: {"kind", "num", "first"}
        quote = 0
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            t = tok.type
            if t == "heading_open":
                text = " ".join("".join(" " if c.type == "softbreak" else c.content
                                        for c in tokens[i + 1].children or []
                                        if c.type in ("text", "code_inline", "softbreak")).split())
                level = int(tok.tag[1])
                if level == 1 and text.lower() in {part_title.lower(), *part_aliases}:
                    pass  # the part title is written from the profile
                elif text:
                    level = max(2, level)
                    if level == 2:
                        subheads.append(text)
                    self.heading(text, level)
                i += 3
                continue
            if t in ("bullet_list_open", "ordered_list_open"):
                kind = "bullet" if t == "bullet_list_open" else "number"
                start = int(tok.attrs.get("start", 1) or 1)
                num = self.numbering.new_list(kind, min(len(lists), 8), start)
                lists.append({"kind": kind, "num": num, "first": True})
            elif t in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif t == "list_item_open":
                lists[-1]["first"] = True
            elif t == "blockquote_open":
                quote += 1
            elif t == "blockquote_close":
                quote -= 1
            elif t == "paragraph_open":
                self._paragraph(tokens[i + 1], lists, quote, part_title)
                i += 3
                continue
            elif t in ("fence", "code_block"):
                p = self.paragraph()
                for n, line in enumerate(tok.content.rstrip("\n").split("\n")):
                    if n:
                        p._p.append(wordml.line_break_run())
                    p._p.append(wordml.run(line, mono=True))
            elif t == "table_open":
                i = self._table(tokens, i, part_title)
                continue
            elif t == "html_block" and _TAG.sub("", tok.content).strip():
                self.paragraph(" ".join(_TAG.sub("", tok.content).split()))  # the text, without the tags
            i += 1
        return subheads

    @property
    def numbering(self) -> Numbering:
        if self._numbering is None:
            self._numbering = Numbering(self.doc, self.styles["list_bullet"], self.styles["list_number"])
        return self._numbering

    def _style(self, role: str):
        return self.doc.styles.get_by_id(self.styles[role], 1)

    def _paragraph(self, inline, lists, quote, part_title) -> None:
        """One Word paragraph per line: Enter in the editor starts a new paragraph, as a student expects (a
        line break inside bold, italic or a link stays a space)."""
        for children in _lines(inline.children or []):
            self._one_paragraph(children, lists, quote, part_title)

    def _one_paragraph(self, children, lists, quote, part_title) -> None:
        role = None
        if lists:
            role = "list_bullet" if lists[-1]["kind"] == "bullet" else "list_number"
        elif quote:
            role = "quote"
        p = self.doc.add_paragraph(style=self._style(role) if role else None)
        if lists:
            top = lists[-1]
            if top["first"]:
                set_num(p, top["num"], min(len(lists) - 1, 8))
                top["first"] = False
            else:  # a second paragraph inside one list item: indented, no new number
                p.paragraph_format.left_indent = Cm(0.635 * len(lists))
                numpr = OxmlElement("w:numPr")
                nid = OxmlElement("w:numId")
                nid.set(qn("w:val"), "0")
                numpr.append(nid)
                p._p.get_or_add_pPr().insert_element_before(numpr, "w:suppressLineNumbers", "w:pBdr", "w:shd",
                                                            "w:tabs", "w:spacing", "w:ind", "w:jc")
        images = self._inline(p._p, children, part_title)
        only_images = all(c.type == "image" or (c.type in ("text", "softbreak") and not c.content.strip())
                          for c in children)
        if images and only_images and not lists:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for caption in images:
            if caption:
                self._caption(caption)

    def _inline(self, target, children, part_title) -> list[str | None]:
        """Append runs for inline tokens to ``target`` (a w:p or w:hyperlink). Returns image captions
        (None for images that could not be placed)."""
        bold = italic = 0
        link_stack = []
        images: list[str | None] = []
        for child in children:
            t = child.type
            dest = link_stack[-1] if link_stack else target
            if t == "text":
                dest.append(wordml.run(child.content, bold=bold > 0, italic=italic > 0,
                                      style_id=self.styles["hyperlink"] if link_stack else None))
            elif t == "softbreak":
                dest.append(wordml.run(" "))
            elif t == "hardbreak":
                dest.append(wordml.line_break_run())
            elif t == "strong_open":
                bold += 1
            elif t == "strong_close":
                bold -= 1
            elif t == "em_open":
                italic += 1
            elif t == "em_close":
                italic -= 1
            elif t == "code_inline":
                dest.append(wordml.run(child.content, mono=True, bold=bold > 0, italic=italic > 0))
            elif t == "link_open":
                href = str(child.attrs.get("href", ""))
                h = (wordml.hyperlink(self.doc.part, anchor=href[1:]) if href.startswith("#")
                     else wordml.hyperlink(self.doc.part, url=href))
                target.append(h)
                link_stack.append(h)
            elif t == "link_close" and link_stack:
                link_stack.pop()
            elif t == "image":
                images.append(self._image(dest, child, part_title))
            elif t == "html_inline" and child.content.lower().startswith("<br"):
                dest.append(wordml.line_break_run())
        return images

    def _image(self, target, tok, part_title) -> str | None:
        src = str(tok.attrs.get("src", ""))
        caption = tok.content.strip()
        if src.lower().startswith(("http://", "https://")):
            return self._missing(target, src, texts.say("image_remote", src=src, part=part_title))
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE) and not re.match(r"^[a-z]:[\\/]", src, re.IGNORECASE):
            # file:, ftp:, data: ... : never fetched (Windows drive letters are paths)
            return self._missing(target, src, texts.say("image_remote", src=src, part=part_title))
        noted = len(self.notes)
        path = self._find_image(src, part_title)
        if path is None:
            if len(self.notes) > noted:  # outside the project or too big: said already
                return self._missing(target, src, self.notes.pop())
            return self._missing(target, src, texts.say("image_missing", src=src, part=part_title))
        r = OxmlElement("w:r")
        target.append(r)
        try:
            shape = Run(r, self.doc.part).add_picture(str(path))
        except (UnrecognizedImageError, OSError, ValueError, ZeroDivisionError):
            target.remove(r)
            return self._missing(target, src, texts.say("image_unreadable", src=src, part=part_title))
        if shape.width > self.text_width:
            shape.height = int(shape.height * self.text_width / shape.width)
            shape.width = self.text_width
        return caption

    def _missing(self, target, src, note) -> None:
        self.notes.append(note)
        target.append(wordml.run(texts.say("image_missing_in_doc", src=src),
                                style_id=None, italic=True))
        return None

    def _find_image(self, src: str, part_title: str = "") -> Path | None:
        """The picture file ``src`` names, only from inside the project (the first image folder): resolved,
        symlinks followed, a regular file under MAX_IMAGE_BYTES. A file outside or too big gets a note."""
        if not src:
            return None
        candidate = Path(expand_home(src))
        options = [candidate] if candidate.is_absolute() else [d / candidate for d in self.image_dirs]
        root = Path(os.path.realpath(self.image_dirs[0])) if self.image_dirs else None
        for p in options:
            try:
                real = Path(os.path.realpath(p))
                info = os.stat(real)
            except (OSError, RuntimeError, ValueError):
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            if root is not None and real != root and root not in real.parents:
                self.notes.append(texts.say("image_outside", src=src, part=part_title))
                return None
            if info.st_size > MAX_IMAGE_BYTES:
                self.notes.append(texts.say("image_too_big", src=src, part=part_title, mb=MAX_IMAGE_BYTES // 2**20))
                return None
            return real
        return None

    def _caption(self, text: str) -> None:
        self.figures += 1
        p = self.doc.add_paragraph(style=self._style("caption"))
        label = texts.say("caption_label")
        p._p.append(wordml.run(f"{label} "))
        wordml.append_field(p._p, f"SEQ {label} \\* ARABIC", str(self.figures))
        p._p.append(wordml.run(f": {text}"))
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _table(self, tokens, i, part_title) -> int:
        rows: list[tuple[bool, list]] = []
        header = False
        aligns: list[str] = []
        while tokens[i].type != "table_close":
            tok = tokens[i]
            if tok.type == "thead_open":
                header = True
            elif tok.type == "thead_close":
                header = False
            elif tok.type == "tr_open":
                rows.append((header, []))
            elif tok.type in ("th_open", "td_open"):
                rows[-1][1].append(tokens[i + 1])
                if header:
                    aligns.append(str(tok.attrs.get("style", "")))
            i += 1
        cols = max((len(r) for _, r in rows), default=0)
        if not cols:
            return i + 1
        table = self.doc.add_table(rows=len(rows), cols=cols)
        table.style = self.doc.styles.get_by_id(self.styles["table"], 3)
        for r, (is_header, cells) in enumerate(rows):
            row = table.rows[r]
            if is_header:
                trpr = row._tr.get_or_add_trPr()
                trpr.append(OxmlElement("w:tblHeader"))
            for c, inline in enumerate(cells):
                p = row.cells[c].paragraphs[0]
                self._inline(p._p, inline.children or [], part_title)
                if is_header:
                    for rr in p._p.iter(qn("w:r")):
                        Run(rr, self.doc.part).bold = True
                align = aligns[c] if c < len(aligns) else ""
                if "right" in align:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif "center" in align:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph()  # breathing room after the table, and no two tables glued together
        return i + 1


_OPENS = ("strong_open", "em_open", "link_open", "s_open")
_CLOSES = ("strong_close", "em_close", "link_close", "s_close")


def _lines(children: list) -> list[list]:
    """The inline tokens of a Markdown paragraph cut at its line ends (softbreaks) outside bold, italic and
    links; empty lines dropped."""
    out: list[list] = [[]]
    depth = 0
    for child in children:
        if child.type in _OPENS:
            depth += 1
        elif child.type in _CLOSES:
            depth = max(0, depth - 1)
        if child.type == "softbreak" and depth == 0:
            out.append([])
            continue
        out[-1].append(child)
    return [group for group in out if group] or [[]]
