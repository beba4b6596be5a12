"""Honest page counts: rendered by LibreOffice, as Word last saved them, or estimated from the content.

``count_pages(doc, method)`` returns a :class:`PageCount` that says how the number was obtained (a Dutch
label for students and coaches) and, when methods disagree, a note. Word's own count in docProps/app.xml
is only trusted when Word saved the file last and the number is plausible; LibreOffice renders a copy of
the file in a temporary folder (the input is never touched); the estimate works everywhere, also for
Markdown drafts, and is calibrated on the real reports of the test corpus (see ``bench/pages.py``).
"""

from __future__ import annotations

import math
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError
from .model import Document
from .text import count_words

METHODS = ("auto", "render", "word", "estimate")
LABELS = {
    "render": "geteld na opmaak door LibreOffice (Word kan een paar pagina's anders uitkomen)",
    "word": "zoals Word ze telde toen het document laatst bewaard werd",
    "estimate": "geschat uit de hoeveelheid tekst, koppen, tabellen, figuren en paginaeinden",
}
WORD_APPS = ("microsoft office word", "microsoft macintosh word")

#: estimate calibration (see bench/bench_pages.py): width of an average character per point of font size (cm),
#: height of a single-spaced line per point of font size, picture height, share of table-cell lines
CHAR_CM_PER_PT = 0.019
LINE_FACTOR = 1.1
IMAGE_CM = 5.0
TABLE_LINE_FACTOR = 0.1
DEFAULT_SIZE_PT = 11.0
#: paragraph layout when the document does not say (Markdown drafts): Word's default 1.08 lines, 8 pt after
DEFAULT_LINE_SPACING = 1.08
DEFAULT_SPACE_AFTER_PT = 8.0
PT_CM = 2.54 / 72
A4 = (21.0, 29.7, (2.5, 2.5, 2.5, 2.5))


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
    estimate = estimate_pages(doc)
    others: dict[str, int] = {"estimate": estimate}
    notes: list[str] = []
    if doc.source != "docx" or doc.path is None:
        return PageCount(estimate, "estimate", LABELS["estimate"])
    word, why_not_word = word_pages(doc, estimate)
    if word is not None:
        others["word"] = word
    rendered = None
    if method in ("auto", "render"):
        from .libreoffice import find_soffice
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
    from .libreoffice import convert
    path = Path(path).resolve()
    st = path.stat()
    key = (str(path), st.st_mtime_ns, st.st_size)
    if key in _RENDER_CACHE:
        return _RENDER_CACHE[key]
    with tempfile.TemporaryDirectory(prefix="stageverslag-pages-") as tmp:
        copy = Path(tmp) / ("document" + (path.suffix.lower() or ".docx"))
        shutil.copyfile(path, copy)
        pdf = convert(copy, "pdf", outdir=Path(tmp) / "out", timeout=timeout)
        pages = pdf_page_count(pdf)
    if pages < 1:
        raise UserError(f"LibreOffice maakte van {path.name} een pdf zonder pagina's.")
    _RENDER_CACHE[key] = pages
    return pages


_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PAGES_COUNT = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", re.S)


def pdf_page_count(pdf: str | Path) -> int:
    """Pages in a PDF without a PDF library: the page tree's root /Count, or else the /Type /Page objects."""
    data = Path(pdf).read_bytes()
    counts = [int(a or b) for a, b in _PAGES_COUNT.findall(data)]
    if counts:
        return max(counts)
    return len(_PAGE.findall(data))


# ---------------------------------------------------------------------------------------------- estimate

def estimate_pages(doc: Document) -> int:
    """Pages the content would fill on its page setup (A4 with 2.5 cm margins when unknown)."""
    width, height, margins = _page_setup(doc)
    text_width = max(width - margins[1] - margins[3], 5.0)
    text_height = max(height - margins[0] - margins[2], 5.0)
    pages = 0.0
    used = 0.0  # cm used on the current page
    for para in doc.paragraphs:
        if para.location == "textbox":
            continue  # floats on the page of its anchor
        if para.page_break_before and used > 0:
            pages += math.ceil(used / text_height)
            used = 0.0
        used += _paragraph_height(para, text_width)
        if para.page_break:
            pages += max(1, math.ceil(used / text_height))
            used = 0.0
    if used > 0 or pages == 0:
        pages += max(1, math.ceil(used / text_height))
    return max(1, int(pages))


def _paragraph_height(para, text_width: float) -> float:
    """Height in cm of one paragraph: its wrapped lines plus the space around it."""
    size = para.font_size or DEFAULT_SIZE_PT
    known = para.line_spacing is not None or para.line_height_pt is not None or para.space_after_pt is not None
    if para.line_height_pt:
        line_pt = para.line_height_pt
    else:
        line_pt = size * LINE_FACTOR * (para.line_spacing or (1.0 if known else DEFAULT_LINE_SPACING))
    text = para.text.strip()
    chars_per_line = max(text_width / (CHAR_CM_PER_PT * size), 10)
    if para.location == "table":  # cells sit side by side: a fraction of their lines adds height
        lines = max(1, math.ceil(len(text) / (chars_per_line * 0.4))) if text else 1
        return lines * line_pt * TABLE_LINE_FACTOR * PT_CM
    lines = sum(max(1, math.ceil(len(chunk) / chars_per_line)) for chunk in text.split("\n")) if text else 1
    after = para.space_after_pt if known else DEFAULT_SPACE_AFTER_PT
    space = (para.space_before_pt or 0.0) + (after or 0.0)
    height = lines * line_pt + space
    return height * PT_CM + (IMAGE_CM if para.has_image else 0.0)


def _page_setup(doc: Document) -> tuple[float, float, tuple[float, float, float, float]]:
    for section in doc.sections:
        if section.page_width_cm and section.page_height_cm:
            return section.page_width_cm, section.page_height_cm, section.margins_cm or A4[2]
    return A4
