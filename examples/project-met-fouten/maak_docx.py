"""Write ``stageverslag-met-fouten.docx`` from the faulty drafts in this folder, the way a hurried student
might: the conclusion (which the drafts hide under ``## Conclusie`` in the first learning part) becomes its
own chapter, but it lands BEFORE "Leerervaringen in het tweede deel van de stage", and there is no table of
contents, no header and no footer. Checks and tests use the result as a report with known faults.

Usage: ``python maak_docx.py [UITVOER.docx]`` (default: ``stageverslag-met-fouten.docx`` next to this script).
Only python-docx is needed; the Markdown is converted by a few lines of code below (headings, lists, a
table, **bold** and *italic*).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

HERE = Path(__file__).resolve().parent
OUTPUT_NAME = "stageverslag-met-fouten.docx"

# (draft file, chapter title) in the WRONG order: the conclusion comes before the second learning part.
CHAPTERS = [
    ("01-inleiding.md", "Inleiding"),
    ("02-uitgangspunten.md", "Uitgangspunten en eerste indrukken"),
    ("03-leerervaringen_1.md", "Leerervaringen in het eerste deel van de stage"),
    ("04-tussentijdse_evaluatie.md", "Tussentijdse evaluatie"),
    ("conclusie", "Conclusie"),  # the '## Conclusie' section cut out of 03-leerervaringen_1.md
    ("05-leerervaringen_2.md", "Leerervaringen in het tweede deel van de stage"),
    ("07-bijlage.md", "Bijlage"),
]
CONCLUSION_HEADING = "## Conclusie"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def read_drafts(folder: Path) -> dict[str, str]:
    """The drafts without guiding-question comments; the conclusion is split off the first learning part."""
    drafts = {f.name: _COMMENT.sub("", f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.md"))}
    first, _, conclusion = drafts["03-leerervaringen_1.md"].partition(CONCLUSION_HEADING)
    drafts["03-leerervaringen_1.md"] = first
    drafts["conclusie"] = conclusion
    return drafts


def add_inline(paragraph, text: str) -> None:
    for piece in _INLINE.split(text):
        if piece.startswith("**") and piece.endswith("**"):
            paragraph.add_run(piece[2:-2]).bold = True
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 1:
            paragraph.add_run(piece[1:-1]).italic = True
        elif piece:
            paragraph.add_run(piece)


def add_markdown(doc, markdown: str) -> None:
    """Append one draft: '##'/'###' headings, bullets, numbered items, pipe tables and paragraphs."""
    table_rows: list[list[str]] = []
    for line in markdown.splitlines() + [""]:
        line = line.strip()
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not all(set(c) <= set("-: ") for c in cells):
                table_rows.append(cells)
            continue
        if table_rows:
            table = doc.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(table_rows):
                for c, cell in enumerate(cells):
                    table.cell(r, c).text = cell
            table_rows = []
        if not line:
            continue
        if m := re.match(r"(#{2,3}) (.*)", line):
            doc.add_heading(m.group(2), level=len(m.group(1)))
        elif line.startswith("- "):
            add_inline(doc.add_paragraph(style="List Bullet"), line[2:])
        elif m := re.match(r"\d+\. (.*)", line):
            add_inline(doc.add_paragraph(style="List Number"), m.group(1))
        else:
            add_inline(doc.add_paragraph(), line)


def build(folder: Path = HERE, output: Path | None = None) -> Path:
    output = Path(output) if output else folder / OUTPUT_NAME
    config = tomllib.loads((folder / "stageverslag.toml").read_text(encoding="utf-8"))
    drafts = read_drafts(folder / "hoofdstukken")
    doc = Document()
    doc.core_properties.author = config["student"]["naam"]
    doc.core_properties.title = "Stageverslag"
    doc.core_properties.created = doc.core_properties.modified = dt.datetime(2027, 5, 16, 20, 0)
    doc.add_paragraph("Stageverslag", style="Title")
    for line in (config["student"]["naam"], config["stage"]["bedrijf"],
                 f"Academiejaar {config['student']['academiejaar']}"):
        doc.add_paragraph(line)
    for name, title in CHAPTERS:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(title, level=1)
        add_markdown(doc, drafts[name])
    doc.save(output)
    return output


if __name__ == "__main__":
    print(build(HERE, Path(sys.argv[1]) if len(sys.argv) > 1 else None))
