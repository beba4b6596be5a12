"""Honest page counts: rendered by LibreOffice, as Word last saved them, or estimated from the content.

``count_pages(doc, method)`` returns a :class:`PageCount` that says how the number was obtained (a Dutch
label for students and coaches) and, when methods disagree, a note. Word's own count in docProps/app.xml
is only trusted when Word saved the file last and the number is plausible; LibreOffice renders a copy of
the file in a temporary folder (the input is never touched); the estimate works everywhere, also for
Markdown drafts (laid out as the builder will), and lays the text out page by page with the metrics of the
fonts the document names (Calibri is much narrower than Verdana). It is calibrated on the real reports of
the test corpus and on our builder's output (see ``bench/bench_pages.py``).
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from .model import Document, Paragraph
from ..text import count_words

METHODS = ("auto", "render", "word", "estimate")
LABELS = {
    "render": "geteld na opmaak door LibreOffice (Word kan een paar pagina's anders uitkomen)",
    "word": "zoals Word ze telde toen het document laatst bewaard werd",
    "estimate": "geschat uit de hoeveelheid tekst, koppen, tabellen, figuren en paginaeinden",
}
WORD_APPS = ("microsoft office word", "microsoft macintosh word")



@dataclass
class PageCount:
    pages: int | None
    method: str  # "render" | "word" | "estimate"
    label: str
    others: dict[str, int] = field(default_factory=dict)
    note: str | None = None


_RENDER_CACHE: dict[tuple[str, int, int], int] = {}


def count_pages(doc: Document, method: str = "auto") -> PageCount:
    """Count the pages of ``doc`` with ``method`` ("auto", "render", "word", "estimate")."""
    if method not in METHODS:
        raise ValueError(f"unknown page count method {method!r}")
    estimate, budget_note = _estimate(doc)
    others: dict[str, int] = {"estimate": estimate}
    notes: list[str] = [budget_note] if budget_note else []
    if doc.source != "docx" or doc.path is None:
        return PageCount(estimate, "estimate", LABELS["estimate"], note=budget_note)
    word, why_not_word = word_pages(doc, estimate)
    if word is not None:
        others["word"] = word
    rendered = None
    if method in ("auto", "render"):
        from ..libreoffice import find_soffice
        if find_soffice():
            try:
                rendered = render_pages(doc.path)
                others["render"] = rendered
            except UserError as err:
                notes.append(f"Opmaken met LibreOffice lukte niet ({err}).")
            except OSError as err:  # the file went away or cannot be copied since it was read
                notes.append(f"Opmaken met LibreOffice lukte niet ({err.strerror or err}).")
        elif method == "render":
            notes.append("LibreOffice is niet geïnstalleerd, dus de pagina's zijn niet echt opgemaakt.")
    if method == "word" and word is None:
        notes.append(f"Het aantal pagina's dat in het bestand staat is niet bruikbaar: {why_not_word}.")
    if rendered is not None:
        chosen = "render"
    elif word is not None and method != "estimate":
        chosen = "word"
    else:
        chosen = "estimate"
    pages = others[chosen]
    if chosen == "render" and word is not None and abs(word - pages) > 1:
        notes.append(f"Word telde bij de laatste bewaring {word} pagina's, LibreOffice {pages}: elk programma "
                     "schikt tekst en figuren wat anders. Kijk het aantal na in Word.")
    del others[chosen]
    return PageCount(pages, chosen, LABELS[chosen], others, " ".join(notes) or None)


# ---------------------------------------------------------------------------------------------- word

def word_pages(doc: Document, estimate: int | None = None) -> tuple[int | None, str]:
    """Word's own count from docProps/app.xml, or (None, Dutch reason) when it cannot be trusted."""
    app = doc.app
    if app is None or app.pages is None:
        return None, "het bestand bevat geen paginatelling"
    if not any(name in app.application.lower() for name in WORD_APPS):
        shown = app.application.split("/")[0] or "een onbekend programma"
        return None, f"het bestand is laatst bewaard door {shown}, dat het aantal niet (juist) bijhoudt"
    if app.pages < 1:
        return None, "de telling in het bestand is 0"
    estimate = estimate_pages(doc) if estimate is None else estimate
    if app.pages == 1 and estimate >= 3:
        return None, f"het bestand zegt 1 pagina terwijl de tekst duidelijk langer is (ongeveer {estimate})"
    if estimate >= 4 * app.pages + 2:
        return None, (f"het bestand zegt {app.pages} pagina's terwijl de tekst er ongeveer {estimate} vult; "
                      "het is waarschijnlijk na de laatste bewaring in Word nog door een ander programma gewijzigd")
    words = count_words(doc.text())
    if app.words is not None and words > 2 * app.words + (100 if app.words == 0 else 300):
        return None, (f"het bestand zegt {app.words} woorden terwijl er ongeveer {words} in staan; de tekst is na de "
                      "laatste bewaring in Word nog door een ander programma gewijzigd")
    return app.pages, ""


# ---------------------------------------------------------------------------------------------- render

def render_pages(path: str | Path, timeout: float = 120) -> int:
    """Render a copy of ``path`` to PDF with LibreOffice and count its pages (cached per path, mtime, size).

    Raises UserError when LibreOffice is missing or fails.
    """
    from ..libreoffice import convert
    path = Path(path).resolve()
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key in _RENDER_CACHE:
        return _RENDER_CACHE[key]
    if key in _RENDER_FAILED:  # a batch render (render_pages_many) already tried this very file
        raise UserError(_RENDER_FAILED[key])
    from . import rendercache
    stored_key = rendercache.key_of(path)
    stored = rendercache.load(stored_key)
    if stored is not None:  # the same bytes rendered before, by the same LibreOffice with the same fonts
        remember_renders({key: stored})
        return stored[0]
    with tempfile.TemporaryDirectory(prefix="stageverslag-pages-") as tmp:
        copy = Path(tmp) / ("document" + (path.suffix.lower() or ".docx"))
        shutil.copyfile(path, copy)
        pdf = convert(copy, "pdf", outdir=Path(tmp) / "out", timeout=timeout)
        data = pdf.read_bytes()
        pages = pdf_bytes_page_count(data)
        outline = _outline(data)  # where LibreOffice put each heading: the page of a finding is shown from it
        if outline is None:
            _RENDER_OUTLINE.pop(key, None)
        else:
            _RENDER_OUTLINE[key] = outline
    if pages < 1:
        raise UserError(f"LibreOffice maakte van {path.name} een pdf zonder pagina's.")
    _RENDER_CACHE[key] = pages
    rendercache.store(stored_key, pages, outline)
    return pages


_RENDER_OUTLINE: dict[tuple[str, int, int], list[tuple[int, str, int]]] = {}


def rendered_outline(path: str | Path) -> list[tuple[int, str, int]] | None:
    """The headings of ``path`` with the page LibreOffice put them on, (depth, title, page), from the last
    :func:`render_pages` of this very file in this process; None when it was not rendered here."""
    try:
        return _RENDER_OUTLINE.get(render_key(path))
    except OSError:
        return None


_RENDER_FAILED: dict[tuple[str, int, int], str] = {}


def render_key(path: str | Path) -> tuple[str, int, int]:
    """The key of a rendered page count: resolved path, modification time and size."""
    path = Path(path).resolve()
    st = path.stat()
    return (str(path), st.st_mtime_ns, st.st_size)


def remember_renders(counts: dict) -> None:
    """Seed this process' render cache with ``{render_key: value}`` from :func:`render_pages_many` in another
    process, so :func:`render_pages` answers without LibreOffice: the value is ``(pages, outline)``, a page
    count alone, or a Dutch reason the render failed."""
    for key, value in counts.items():
        key = tuple(key)
        if isinstance(value, tuple):
            pages, outline = value
            _RENDER_CACHE[key] = pages
            if outline is not None:
                _RENDER_OUTLINE[key] = outline
        elif isinstance(value, int):
            _RENDER_CACHE[key] = value
        else:
            _RENDER_FAILED[key] = str(value)


def render_pages_many(paths, timeout: float = 120, processes: int = 1, on_count=None
                      ) -> dict[tuple[str, int, int], tuple | str]:
    """Render many documents in LibreOffice batches (``libreoffice.convert_batches``: ``processes`` of them at
    once, each starting LibreOffice once for a batch of documents) and count their pages: the same numbers
    as :func:`render_pages` one by one, in a fraction of the time. Returns ``{render_key: (pages, outline) or
    a Dutch reason}`` (the outline as :func:`rendered_outline` gives it) and fills this process' caches.
    ``on_count(render_key, value)``, when given, hears each document as soon as it is counted (while
    LibreOffice renders the next ones); it may be called from several threads."""
    from ..libreoffice import COUNT_PDF, convert_batches
    from . import rendercache
    keys: dict[Path, tuple] = {}
    stored_keys: dict[Path, str | None] = {}
    out: dict[tuple, tuple | str] = {}

    def found(key: tuple, value: tuple | str) -> None:
        out[key] = value
        remember_renders({key: value})
        if on_count is not None:
            on_count(key, value)

    for p in paths:
        try:
            key = render_key(p)
        except OSError:
            continue  # gone: the reader says so
        if key in _RENDER_CACHE:
            found(key, (_RENDER_CACHE[key], _RENDER_OUTLINE.get(key)))
        elif key in _RENDER_FAILED:
            found(key, _RENDER_FAILED[key])
        elif Path(key[0]) not in keys:
            stored_key = rendercache.key_of(key[0])
            stored = rendercache.load(stored_key)
            if stored is not None:  # rendered in an earlier run: the same bytes, LibreOffice and fonts
                found(key, stored)
            else:
                keys[Path(key[0])] = key
                stored_keys[Path(key[0])] = stored_key
    if not keys:
        return out

    def converted(path: Path, result) -> None:
        key = keys[path]
        if isinstance(result, UserError):
            found(key, str(result))
            return
        try:
            data = Path(result).read_bytes()
        except OSError as err:
            found(key, f"LibreOffice maakte van {path.name} geen leesbare pdf ({err.strerror or err}).")
            return
        pages = pdf_bytes_page_count(data)
        if pages < 1:
            found(key, f"LibreOffice maakte van {path.name} een pdf zonder pagina's.")
            return
        outline = _outline(data)
        rendercache.store(stored_keys.get(path), pages, outline)
        found(key, (pages, outline))

    convert_batches(list(keys), COUNT_PDF, converted, timeout=timeout, processes=processes, layout_only=True)
    return out


def _outline(pdf: bytes) -> list[tuple[int, str, int]] | None:
    """Where LibreOffice put each heading (see :func:`rendered_outline`), None when the PDF cannot tell."""
    try:
        from .pdfoutline import outline_pages
        return outline_pages(pdf)
    except Exception:  # noqa: BLE001 - without the outline a finding's page is estimated
        return None


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def pdf_page_count(pdf: str | Path) -> int:
    """Pages in a PDF without a PDF library: the page tree's root /Count, or else the /Type /Page objects."""
    return pdf_bytes_page_count(Path(pdf).read_bytes())


def pdf_bytes_page_count(data: bytes) -> int:
    """:func:`pdf_page_count` of a PDF's bytes."""
    counts = [int(a or b) for a, b in _PAGES_COUNT.findall(data)]
    if counts:
        return max(counts)
    return len(_PAGE.findall(data))


# ---------------------------------------------------------------------------------------------- estimate

#: per font family: average advance width of running Dutch text, spaces included, and the height of a single
#: line (ascent + descent + line gap), both in em. Measured on the fonts' own metrics, or on a metric-compatible
#: stand-in for proprietary fonts (Carlito for Calibri, Caladea for Cambria, Liberation for Arial, Times New
#: Roman and Courier New); fonts not available to measure are published values rounded (see bench/bench_pages.py)
FONTS: dict[str, tuple[float, float]] = {
    "calibri": (0.409, 1.221), "carlito": (0.409, 1.221),
    "arial": (0.445, 1.150), "helvetica": (0.445, 1.150), "liberationsans": (0.445, 1.150),
    "arimo": (0.445, 1.150), "nimbussans": (0.445, 1.150), "helveticaneue": (0.455, 1.200),
    "arialnarrow": (0.365, 1.150),
    "timesnewroman": (0.403, 1.150), "times": (0.403, 1.150), "liberationserif": (0.403, 1.150),
    "tinos": (0.403, 1.150),
    "cambria": (0.407, 1.172), "caladea": (0.407, 1.172),
    "verdana": (0.530, 1.215), "tahoma": (0.460, 1.207), "dejavusans": (0.508, 1.164),
    "dejavuserif": (0.514, 1.164),
    "georgia": (0.470, 1.136), "garamond": (0.390, 1.120), "bookantiqua": (0.444, 1.170),
    "palatinolinotype": (0.444, 1.170), "centuryschoolbook": (0.465, 1.200), "bookmanoldstyle": (0.490, 1.170),
    "constantia": (0.440, 1.221),
    "segoeui": (0.450, 1.330), "opensans": (0.466, 1.362), "montserrat": (0.500, 1.219),
    "aptos": (0.440, 1.200), "centurygothic": (0.490, 1.226), "trebuchetms": (0.450, 1.160),
    "gillsansmt": (0.410, 1.150), "gillsans": (0.410, 1.150), "twcenmt": (0.380, 1.140),
    "candara": (0.430, 1.221), "corbel": (0.420, 1.221), "lato": (0.440, 1.200), "roboto": (0.450, 1.172),
    "poppins": (0.500, 1.500), "raleway": (0.480, 1.174), "sourcesanspro": (0.420, 1.257),
    "comicsansms": (0.500, 1.394),
    "couriernew": (0.600, 1.133), "courier": (0.600, 1.133), "liberationmono": (0.600, 1.133),
    "consolas": (0.550, 1.170), "jetbrainsmono": (0.600, 1.320), "dejavusansmono": (0.602, 1.164),
}
#: a family the table does not know: between the common sans and serif fonts
UNKNOWN_FONT = (0.450, 1.180)
#: Word's font when a document names none (no rFonts anywhere)
WORD_DEFAULT_FONT = "Times New Roman"
#: suffixes of a family name that name a weight or an optical size of the same design ("Calibri Light")
_FONT_SUFFIXES = ("light", "semilight", "semibold", "demibold", "bold", "medium", "regular", "book", "thin",
                  "extralight", "black", "display", "pro", "psmt", "ps", "mt")
#: what a LibreOffice without Microsoft fonts or their metric-compatible stand-ins draws instead (fontconfig's
#: choice on a bare Linux install; the corpus' MANIFEST was rendered like that): Calibri becomes the much wider
#: DejaVu Sans. Pass it to :func:`estimate_pages` to predict such a render.
BARE_LIBREOFFICE: dict[str, str] = {
    **{f: f for f in ("arial", "helvetica", "liberationsans", "arimo", "nimbussans", "timesnewroman", "times",
                      "liberationserif", "tinos", "couriernew", "courier", "liberationmono", "dejavusans",
                      "dejavuserif", "dejavusansmono", "arialnarrow")},
    **{f: "dejavuserif" for f in ("cambria", "georgia", "garamond", "constantia")},
    "consolas": "couriernew",
    "*": "dejavusans",
}

#: estimate calibration (see bench/bench_pages.py): extra width of bold text; height of a picture whose size
#: is unknown; width one tab stands for (characters)
BOLD_WIDTH = 1.05
IMAGE_CM = 3.0
TAB_CHARS = 2
#: tables: a cell's left and right padding together, the padding a row adds, space after a table, and a
#: factor on row heights (calibration)
CELL_PADDING_PT = 10.8
ROW_PADDING_PT = 1.0
TABLE_AFTER_PT = 8.0
TABLE_FACTOR = 0.6
DEFAULT_SIZE_PT = 11.0
#: Markdown drafts are estimated as the builder will lay them out (``stageverslag.docxbuild.base``): its font,
#: body size, line spacing and space after, and per heading level (size, space before, space after) in points
BUILT_FONT = "Arial"
BUILT_SIZE_PT = 11.0
BUILT_LINE_SPACING = 1.45
BUILT_AFTER_PT = 8.0
BUILT_HEADINGS = {1: (16.0, 0.0, 18.0), 2: (13.0, 18.0, 6.0), 3: (11.5, 12.0, 4.0)}
PT_CM = 2.54 / 72
A4 = (21.0, 29.7, (2.5, 2.5, 2.5, 2.5))
MAX_PAGE_CM = 55.88
_TOC_STYLE = re.compile(r"(toc|inhopg|inhoudsopgave) ?[1-9]", re.IGNORECASE)


def font_metrics(name: str | None, substitutes: dict[str, str] | None = None) -> tuple[float, float]:
    """(average character width, single line height) in em for a font family name."""
    key = _family_key(name or WORD_DEFAULT_FONT)
    if substitutes is not None:
        key = substitutes.get(key, substitutes.get("*", key))
    return FONTS.get(key, UNKNOWN_FONT)


def _family_key(name: str) -> str:
    words = re.sub(r"[^a-z0-9 ]", " ", name.lower()).split()
    key = "".join(words)
    while key not in FONTS and len(words) > 1 and words[-1] in _FONT_SUFFIXES:
        words.pop()
        key = "".join(words)
    for suffix in ("psmt", "mt", "ps"):  # PostScript names: TimesNewRomanPSMT
        if key not in FONTS and key.endswith(suffix) and key[: -len(suffix)] in FONTS:
            key = key[: -len(suffix)]
    return key


@dataclass
class _Block:
    """A paragraph or a table row laid out: its lines, their height and the space around, in points."""
    lines: int
    line_pt: float
    before: float
    after: float
    page: float  # text height of its section's pages
    extra: float = 0.0  # pictures
    keep_next: bool = False
    split: bool = True
    break_before: bool = False
    break_after: bool = False
    empty: bool = False  # no text and no picture
    #: the paragraph style, when contextual spacing drops the space between paragraphs of that style
    contextual: str | None = None

    @property
    def body(self) -> float:
        return self.lines * self.line_pt + self.extra


def estimate_pages(doc: Document, substitutes: dict[str, str] | None = None) -> int:
    """Pages the content would fill on its page setup (A4 with 2.5 cm margins when unknown).

    Every paragraph is wrapped word by word on its font's average character width and stacked at its font's
    line height and spacing; table rows are as high as their fullest cell; pages break at page breaks, before
    headings that would end a page alone and around widows and orphans. ``substitutes`` (e.g.
    :data:`BARE_LIBREOFFICE`) swaps font families first, to predict a renderer that lacks the fonts."""
    return _estimate(doc, substitutes)[0]


#: work budget of the estimate: blocks (paragraphs, table rows) laid out one by one; a document with more is
#: laid out up to the budget and the rest is counted in proportion (with a note). Together with the clamps in
#: the reader (sizes, spacing, page setup as Word accepts them) time and memory follow the text, not numbers.
MAX_BLOCKS = 100_000


def _estimate(doc: Document, substitutes=None) -> tuple[int, str | None]:
    """(estimated pages, a Dutch note when the work budget ran out)."""
    blocks = _blocks(doc, substitutes)
    if len(blocks) <= MAX_BLOCKS:
        return _paginate(blocks), None
    pages = _paginate(blocks[:MAX_BLOCKS])
    scaled = max(pages, round(pages * len(blocks) / MAX_BLOCKS))
    return scaled, (f"Het document is te groot om de pagina's volledig te schatten ({len(blocks)} alinea's en "
                    f"tabelrijen); de eerste {MAX_BLOCKS} zijn opgemaakt en de rest is naar verhouding geteld.")


def paragraph_pages(doc: Document, substitutes: dict[str, str] | None = None) -> list[int | None]:
    """The estimated page (1-based) on which each paragraph of ``doc.paragraphs`` starts, laid out as
    :func:`estimate_pages` lays them out (text boxes: None). For showing where a finding is, not for rules."""
    owners: list[list[int]] = []
    blocks = _blocks(doc, substitutes, owners)
    trace: list[tuple[int, float]] = []
    _paginate(blocks, trace)
    pages: list[int | None] = [None] * len(doc.paragraphs)
    for (page, _y), positions in zip(trace, owners):
        for pos in positions:
            if pages[pos] is None:
                pages[pos] = page
    return pages


def _blocks(doc: Document, substitutes, owners: list | None = None) -> list[_Block]:
    """``owners`` (a list) receives, per block, the positions in ``doc.paragraphs`` it lays out."""
    setups = [_setup(section) for section in doc.sections] or [_setup(None)]
    blocks: list[_Block] = []
    positions = [pos for pos, p in enumerate(doc.paragraphs) if p.location != "textbox"]
    paras = [doc.paragraphs[pos] for pos in positions]
    if doc.source == "markdown":
        paras = _as_built(paras)
        built_extra = len(paras) - len(positions)  # title page, contents title and its lines come first
        positions = [None] * built_extra + positions
    i = 0
    while i < len(paras):
        para = paras[i]
        width, height = setups[min(para.section, len(setups) - 1)]
        if para.location == "table" and para.table_cell is not None:
            j = i
            while j < len(paras) and paras[j].table_cell is not None and paras[j].table_cell[0] == para.table_cell[0]:
                j += 1
            rows = _table(paras[i:j], width, height, substitutes)
            if owners is not None:
                row_numbers = list(dict.fromkeys(p.table_cell[1] for p in paras[i:j]))
                owners.extend([positions[k] for k in range(i, j) if paras[k].table_cell[1] == row
                               and positions[k] is not None] for row in row_numbers)
            blocks.extend(rows)
            i = j
            continue
        blocks.append(_paragraph(para, width, height, substitutes))
        if owners is not None:
            owners.append([positions[i]] if positions[i] is not None else [])
        i += 1
    return blocks


def _as_built(paras: list) -> list:
    """Markdown drafts as the builder lays them out (``stageverslag.docxbuild.base``): Arial 11 pt at 1.45
    lines with 8 pt after, its heading sizes, a title page, a table of contents and every part on a new page."""
    def built(text, style, size, before=None, after=BUILT_AFTER_PT, **kw):
        return Paragraph(text, index=None, style_name=style, font_name=BUILT_FONT, font_size=size,
                         line_spacing=BUILT_LINE_SPACING, space_before_pt=before, space_after_pt=after, **kw)
    heads = [p for p in paras if p.heading_level]
    out = [built("", "Title", 28.0, page_break=True)]  # the title page
    out.append(built("Inhoudsopgave", "TOC Heading", 16.0, 0.0, 18.0, heading_level=1, page_break_before=True))
    out += [built(f"{h.text}\t1", f"toc {min(h.heading_level, 3)}", BUILT_SIZE_PT, after=4.0) for h in heads]
    for p in paras:
        if p.heading_level:
            size, before, after = BUILT_HEADINGS[min(p.heading_level, 3)]
            out.append(built(p.text, f"heading {p.heading_level}", size, before, after, bold=True,
                             heading_level=p.heading_level, page_break_before=p.heading_level == 1))
        else:
            out.append(built(p.text, p.style_name, BUILT_SIZE_PT))
    return out


def _setup(section) -> tuple[float, float]:
    """(text width, text height) in points of a section's pages."""
    width, height, margins = A4
    if section is not None and section.page_width_cm and section.page_height_cm:
        width, height, margins = section.page_width_cm, section.page_height_cm, section.margins_cm or A4[2]
    width, height = min(width, MAX_PAGE_CM), min(height, MAX_PAGE_CM)  # Word's largest page (the reader clamps too)
    return (max(width - margins[1] - margins[3], 5.0) / PT_CM, max(height - margins[0] - margins[2], 5.0) / PT_CM)


def _table(paras: list, width: float, height: float, substitutes) -> list[_Block]:
    """One block per row of a table: as high as its fullest cell (cells share the width equally)."""
    columns = max(max(p.table_cell[2] for p in paras) + 1, 1)  # a paragraph straight in w:tbl has cell -1
    cell_width = max(width / columns - CELL_PADDING_PT, 20.0)
    rows: dict[int, dict[int, float]] = {}
    for p in paras:
        _table_no, row, cell = p.table_cell
        b = _paragraph(p, cell_width, height, substitutes)
        cells = rows.setdefault(row, {})
        cells[cell] = cells.get(cell, 0.0) + b.before + b.body + b.after
    out = []
    for cells in rows.values():
        row_pt = max(cells.values()) * TABLE_FACTOR + ROW_PADDING_PT
        out.append(_Block(1, row_pt, 0.0, 0.0, height, split=row_pt > height / 2))
    if out:
        out[-1].after = TABLE_AFTER_PT
    return out


def _paragraph(para, text_width: float, page: float, substitutes) -> _Block:
    size = para.font_size or para.mark_size or DEFAULT_SIZE_PT
    char_em, line_em = font_metrics(para.font_name, substitutes)
    if para.line_height_pt:
        line_pt = para.line_height_pt
    else:  # a .docx that does not say means single spacing and no space after
        line_pt = size * line_em * (para.line_spacing or 1.0)
    char_pt = char_em * size * (BOLD_WIDTH if para.bold else 1.0)
    text = para.text.strip()
    toc = bool(_TOC_STYLE.fullmatch((para.style_name or "").strip())) and "\t" in text
    if toc:  # title, dot leader and page number: one line unless the title itself is long
        text = text.rsplit("\t", 1)[0]
        lines = _wrap(text, (text_width - 40) / char_pt)
    else:
        lines = _wrap(text, text_width / char_pt) if text else 1
    extra = 0.0
    if para.has_image:
        extra = min((para.image_height_cm or IMAGE_CM) / PT_CM, page)
        if not text:  # the picture is the line
            lines = 0
    return _Block(lines, line_pt, para.space_before_pt or 0.0, para.space_after_pt or 0.0, page, extra=extra,
                  keep_next=para.heading_level is not None, break_before=para.page_break_before,
                  break_after=para.page_break, empty=not text and not extra,
                  contextual=(para.style_id or "") if para.contextual_spacing else None)


def _wrap(text: str, chars_per_line: float) -> int:
    """Lines a text takes when its words are wrapped greedily at ``chars_per_line`` characters."""
    chars_per_line = max(chars_per_line, 8.0)
    lines = 0
    for chunk in text.split("\n"):
        lines += 1
        used = 0.0
        for word in chunk.replace("\t", " " * TAB_CHARS).split(" "):
            n = len(word)
            if used and used + 1 + n > chars_per_line:
                lines += 1
                used = 0.0
            if n > chars_per_line:  # a long URL or code: broken anywhere
                extra, n = divmod(n, chars_per_line)
                lines += int(extra)
            used += (1 if used else 0) + n
    return max(lines, 1)


def _paginate(blocks: list[_Block], trace: list | None = None) -> int:
    """Stack the blocks on pages; ``trace`` (a list) receives (page, y in points) where each block starts.

    Between two paragraphs the larger of the space after the first and before the second counts (as Word and
    LibreOffice do), none between paragraphs of one style with contextual spacing; space before is dropped at
    the top of a page."""
    pages, y, after, style = 1, 0.0, 0.0, None
    for i, b in enumerate(blocks):
        page = b.page
        if b.break_before and y > 0:
            pages, y = pages + 1, 0.0
        gap = max(after, b.before) if y > 0 and (b.contextual is None or b.contextual != style) else 0.0
        body = need = b.body
        if b.keep_next and i + 1 < len(blocks):  # a heading keeps its first lines company
            nxt = blocks[i + 1]
            need += max(b.after, nxt.before) + min(nxt.lines, 2) * nxt.line_pt + nxt.extra
        if y > 0 and y + gap + min(need, page) > page:
            if not b.split or b.keep_next or b.extra or b.lines <= 3 or y + gap + 2 * b.line_pt > page:
                pages, y, gap = pages + 1, 0.0, 0.0  # the whole paragraph moves to the next page
            else:  # split: at least two lines stay behind and two go along
                fit = max(2, int((page - y - gap) / b.line_pt))
                rest = max(b.lines - fit, 2)
                pages, y, gap, body = pages + 1, 0.0, 0.0, rest * b.line_pt
        if trace is not None:
            trace.append((pages, y))
        start = y
        y += gap + body
        if y > page:  # a paragraph or picture longer than a page (arithmetic: huge sizes cost no time)
            over = math.ceil((y - page) / page)
            pages, y = pages + over, y - over * page
        after, style = b.after, b.contextual
        if b.break_after and not (b.empty and start == 0.0):  # a break on a still empty page opens none
            pages, y = pages + 1, 0.0
    if y == 0 and pages > 1 and blocks and blocks[-1].break_after:
        pages -= 1  # a break at the very end opens no empty page
    return pages
