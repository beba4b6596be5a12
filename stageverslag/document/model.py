"""The document model: what the rules see of a report, whatever it was written in.

``stageverslag.document.reader`` fills it from a .docx (it alone touches the raw XML); ``stageverslag.drafts`` fills it
from a project's Markdown drafts. Rules never look at XML or Markdown, only at this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Paragraph:
    text: str
    #: 0-based index among the body paragraphs as python-docx's ``Document.paragraphs`` lists them
    #: (direct ``w:p`` children of ``w:body``); None for paragraphs in tables, content controls or text boxes.
    index: int | None
    style_id: str | None = None
    #: the style's name as saved (``heading 1`` even in a Dutch Word, whose styleId is ``Kop1``)
    style_name: str | None = None
    #: 1-9 when the paragraph is a heading by style (built-in, based on one, or via outline level), else None
    heading_level: int | None = None
    #: Word's outline level (0-based) from the paragraph or its style chain; 9 or None means body text
    outline_level: int | None = None
    #: every visible run is bold (directly or through its style)
    bold: bool = False
    #: the largest font size in points among its runs (direct or through the style), if known
    font_size: float | None = None
    #: the paragraph carries list numbering (numPr), directly or via its style
    numbered: bool = False
    #: "body" | "table" | "sdt" | "textbox" | "markdown"
    location: str = "body"
    #: field instructions inside the paragraph, e.g. ["PAGE"], ["TOC \\o \"1-3\" \\h"]
    fields: list[str] = field(default_factory=list)
    has_image: bool = False
    page_break_before: bool = False
    #: the paragraph holds a manual page break (w:br type=page) or ends a section whose successor starts on
    #: a new page (a continuous section break is no page break)
    page_break: bool = False
    #: layout from w:spacing (direct, style chain, docDefaults), used to estimate pages: space before and
    #: after in points, line spacing as a multiple of single (1.15), or a fixed line height in points
    #: (Word's "exactly"/"at least"); None when the file does not say
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    line_spacing: float | None = None
    line_height_pt: float | None = None
    #: Markdown drafts: the part this paragraph came from; line number in the draft file (1-based)
    part_hint: str | None = None
    source_line: int | None = None
    source_file: str | None = None
    #: the ascii font family of most of its visible text (run, run style, paragraph style, docDefaults,
    #: theme fonts resolved: "Calibri", "Arial"); for an empty paragraph its mark's; None when nothing says
    font_name: str | None = None
    #: inside a table: (table number in the story, 0-based row, 0-based cell in that row) of the innermost table
    table_cell: tuple[int, int, int] | None = None
    #: 0-based index of the section (``Document.sections``) the paragraph belongs to (body text)
    section: int = 0
    #: the height of its pictures on the page in cm (drawing extents, VML sizes); 0.0 when unknown or none
    image_height_cm: float = 0.0
    #: a paragraph without visible text: the font size (pt) of its paragraph mark (direct or through its style),
    #: which sets the height of an empty line; None otherwise or when unknown
    mark_size: float | None = None
    #: w:contextualSpacing (direct or via the style): no space between it and a neighbour of the same style
    contextual_spacing: bool = False
    #: Word's w:lastRenderedPageBreak inside it: at its last save Word started a new page in this paragraph
    #: (its own record of the layout; only Word writes it)
    rendered_page_break: bool = False
    #: outside the body text: the 1-based number of the text box (in reading order) and of the body's content
    #: control it is in, and the index of the last body paragraph before it (to find it by)
    box: int | None = None
    control: int | None = None
    anchor: int | None = None

    @property
    def is_heading_style(self) -> bool:
        return self.heading_level is not None


@dataclass
class HeaderFooter:
    kind: str  # "header" | "footer"
    type: str  # "default" | "first" | "even"
    text: str
    fields: list[str] = field(default_factory=list)
    has_image: bool = False
    #: the section has no reference of its own for this type and shows the previous section's (Word rule)
    inherited: bool = False


@dataclass
class SectionInfo:
    #: page size and margins in centimetres (None when the file does not say)
    page_width_cm: float | None = None
    page_height_cm: float | None = None
    margins_cm: tuple[float, float, float, float] | None = None  # top, right, bottom, left
    headers: list[HeaderFooter] = field(default_factory=list)
    footers: list[HeaderFooter] = field(default_factory=list)
    different_first_page: bool = False
    #: page numbering format/start from w:pgNumType, if any
    page_number_start: int | None = None
    #: how the section starts (w:type): "nextPage" (default), "continuous", "evenPage", "oddPage", "nextColumn"
    start: str = "nextPage"


@dataclass
class Field:
    instruction: str  # the full instruction, whitespace-normalised, e.g. 'TOC \o "1-3" \h \z \u'
    location: str  # "body" | "sdt" | "header" | "footer" | "table" | "textbox"
    result_text: str = ""

    @property
    def name(self) -> str:
        return self.instruction.split()[0].upper() if self.instruction.strip() else ""


@dataclass
class AppProps:
    """docProps/app.xml as Word (or another program) wrote it at its last save."""

    application: str = ""
    pages: int | None = None
    words: int | None = None
    characters: int | None = None
    characters_with_spaces: int | None = None


@dataclass
class Document:
    path: Path | None
    source: str  # "docx" | "markdown"
    #: every paragraph in reading order: body paragraphs, and those inside tables, content controls
    #: and text boxes (with ``index`` None for the latter)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[SectionInfo] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    tables: int = 0
    images: int = 0
    app: AppProps | None = None
    title: str = ""
    author: str = ""
    #: a TOC lives in a content control with docPartGallery "Table of Contents"
    toc_sdt: bool = False
    #: a cover page content control (docPartGallery "Cover Pages")
    cover_sdt: bool = False
    #: non-fatal oddities met while reading, in Dutch (shown as info)
    notes: list[str] = field(default_factory=list)
    #: unexpected exceptions the reader survived (bugs in the reader, not faults of the file): what the text
    #: says went wrong; the report marks them as internal errors
    internal_errors: list[str] = field(default_factory=list)

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        """Only the paragraphs python-docx lists (``index`` not None)."""
        return [p for p in self.paragraphs if p.index is not None]

    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)
